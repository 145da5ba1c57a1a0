import { checkRequirements, MINIMUM, REQUIREMENTS } from "../../src/office/requirements";

/** isSetSupported as an Excel supporting ExcelApi up to `max` answers it. */
function excelUpTo(max: string) {
  return (name: string, version = "1.1") => name === "ExcelApi" && Number(version.split(".")[1]) <= Number(max.split(".")[1]);
}

describe("checkRequirements", () => {
  it("an Excel with ExcelApi 1.9 has everything", () => {
    expect(checkRequirements(excelUpTo("1.9"))).toEqual({ ok: true });
    expect(checkRequirements(excelUpTo("1.17"))).toEqual({ ok: true });
    expect(MINIMUM).toEqual({ set: "ExcelApi", version: "1.9" });
  });

  it("Excel 2016 without updates (ExcelApi 1.2) is told what is missing, in zh and en", () => {
    const r = checkRequirements(excelUpTo("1.2"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.missing.map((m) => m.version)).toEqual(["1.4", "1.5", "1.6", "1.7", "1.8", "1.9"]);
    expect(r.message.zh).toContain("ExcelApi 1.9");
    expect(r.message.zh).toContain("数据验证");
    expect(r.message.zh).toContain("打印设置");
    expect(r.message.en).toContain("print setup");
    expect(r.message.zh).not.toContain("合并单元格");
  });

  it("only 1.9 missing names only the print setup", () => {
    const r = checkRequirements(excelUpTo("1.8"));
    expect(r.ok || r.missing.map((m) => m.version)).toEqual(["1.9"]);
    expect(r.ok || r.message.en).toContain("print setup");
  });

  it("outside Office, where isSetSupported throws, everything is missing rather than a crash", () => {
    const r = checkRequirements(() => {
      throw new Error("Office.js is not loaded");
    });
    expect(r.ok || r.missing.length).toBe(REQUIREMENTS.length);
  });

  it("states the real support (shared runtime: Microsoft 365, Office 2021+, web, Mac) and sends the others to the .xlsx files", () => {
    const r = checkRequirements(excelUpTo("1.8"));
    if (r.ok) throw new Error("1.8 should miss 1.9");
    for (const host of ["Microsoft 365", "Office 2021", "Excel 网页版", "Mac 版 Excel", "WPS", "LibreOffice", ".xlsx"]) expect(r.message.zh).toContain(host);
    for (const host of ["Microsoft 365", "Office 2021", "Excel on the web", "Excel on Mac", "WPS", "LibreOffice", ".xlsx"]) expect(r.message.en).toContain(host);
    // Excel 2019 has neither the shared runtime nor ExcelApi 1.9: it is never offered as enough.
    expect(r.message.en).not.toMatch(/Excel 2019 or later/);
  });
});
