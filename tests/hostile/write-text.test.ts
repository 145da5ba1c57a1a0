/**
 * Issue 15, items 1 and 4 (write side): no character XML 1.0 forbids reaches a written part, text
 * over Excel's 32,767 characters is refused with its cell named, and a literal `_xHHHH_` text
 * reads back as written. Every workbook written here is re-read with a strict XML parser.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { panelPlans, previewPanelMerge } from "../../src/merge/panel-merge";
import { previewMerge } from "../../src/merge/preview";
import { readSources } from "../../src/merge/read-source";
import { checkParams } from "../../src/sheets/params";
import { findSheetTemplate } from "../../src/sheets/registry";
import { shaoxingDiscreteSample as DISCRETE_SAMPLES } from "../../templates/samples/shaoxing-discrete";
import { CellTextError, encodeXstring, MAX_CELL_TEXT, xlsxText } from "../../src/xlsx/cell-text";
import { writeWorkbook } from "../../src/xlsx/writer";
import { FORM, formPlan, ROW_A, ROW_B, summaryPlan } from "../merge/submissions";
import { expectWellFormed, malformedParts } from "../xlsx/well-formed";
import { cli, confirmCode, tempDir, withRawStrings } from "./write-support";

jest.setTimeout(120_000);

/** Every text cell of every sheet, as exceljs reads it back (which decodes `_xHHHH_` as Excel does). */
async function texts(bytes: Uint8Array): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const found = new Map<string, string>();
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") found.set(`${sheet.name}!${cell.address}`, cell.value);
      }),
    );
  }
  return found;
}

describe("cell text (src/xlsx/cell-text.ts)", () => {
  test("xlsxText escapes each _xHHHH_ underscore, overlapping ones too, and refuses what a workbook cannot hold, naming the cell", () => {
    expect(xlsxText("_x0041_", "S!A1")).toBe("_x005F_x0041_");
    expect(xlsxText("_x0041_x0042_", "S!A1")).toBe("_x005F_x0041_x005F_x0042_");
    expect(xlsxText("山西_x_公司", "S!A1")).toBe("山西_x_公司");
    expect(() => xlsxText("甲\uFFFE乙", "表!C5")).toThrow(CellTextError);
    expect(() => xlsxText("甲\uFFFE乙", "表!C5")).toThrow(/表!C5.*U\+FFFE.*character 2/);
    expect(() => xlsxText("\u001B[2J", "表!C5")).toThrow(/U\+001B/);
    expect(() => xlsxText("\uD800", "表!C5")).toThrow(/U\+D800/);
    expect(() => xlsxText("x".repeat(MAX_CELL_TEXT + 1), "表!C5")).toThrow(/表!C5.*32768 characters/);
    // Tab, line feed, carriage return and a surrogate pair are text like any other.
    expect(xlsxText("a\tb\nc\r😀", "S!A1")).toBe("a\tb\nc\r😀");
    expect(encodeXstring("_x0041_\uFFFE\u0001")).toBe("_x005F_x0041__xFFFE__x0001_");
  });

  test("texts that look like escapes are written so that they read back exactly as written", async () => {
    const tricky = ["_x0041_", "_x0041_x0042_", "_x005F_", "a_x00e9_b", "_xFFFE_", "__x0041__", "_X0041_"];
    const rows = tricky.map((t, i) => ({ ...ROW_A, enterprise: t, contact: `联系人${i}` }));
    const { bytes } = await writeWorkbook([summaryPlan(rows, { size: rows.length })]);
    await expectWellFormed(bytes);
    const back = [...(await texts(bytes)).values()];
    for (const t of tricky) expect(back).toContain(t);
    // And as merge reads them.
    const [source] = await readSources([{ name: "汇总.xlsx", bytes: new Uint8Array(bytes) }]);
    if (!source.ok) throw new Error(source.reason.en);
    const preview = previewMerge({ template: "shanxi-2018-summary", recommender: "reform-zone" }, [source]);
    expect(preview.rows.map((r) => r.values.enterprise)).toEqual(tricky);
  });

  test("the writer refuses a control character or an over-long text with the sheet and cell named, and writes nothing", async () => {
    await expect(writeWorkbook([summaryPlan([{ ...ROW_A, enterprise: "晋阳\uFFFE液压" }])])).rejects.toThrow(/试点示范推荐汇总表!\w+\d+.*U\+FFFE/);
    await expect(writeWorkbook([summaryPlan([{ ...ROW_A, contact: "王".repeat(40_000) }])])).rejects.toThrow(/试点示范推荐汇总表!\w+\d+.*40000 characters/);
  });
});

describe("merge: a cell decoded to a forbidden character", () => {
  async function hostileSources() {
    const innocent = (await writeWorkbook([summaryPlan([ROW_A, ROW_B])])).bytes;
    const written = (await writeWorkbook([summaryPlan([{ ...ROW_A, enterprise: "ZZNAME", "pilot-name": "ZZPILOT" }])])).bytes;
    const hostile = await withRawStrings(written, { ZZNAME: "山西_xFFFE_坏字符有限公司", ZZPILOT: "试点_x0001_示范" });
    // The hostile file itself is well-formed XML: the characters only appear once decoded.
    expect(await malformedParts(hostile)).toEqual([]);
    return { innocent: new Uint8Array(innocent), hostile };
  }

  test("the preview makes the row invalid, naming each cell; the others are untouched", async () => {
    const { innocent, hostile } = await hostileSources();
    const sources = await readSources([
      { name: "甲区.xlsx", bytes: innocent },
      { name: "坏.xlsx", bytes: hostile },
    ]);
    const preview = previewMerge({ template: "shanxi-2018-summary", recommender: "reform-zone" }, sources);
    expect(preview.rows.map((r) => [r.id, r.invalid])).toEqual([
      ["1:1:1", false],
      ["1:1:2", false],
      ["2:1:1", true],
    ]);
    const text = preview.problems.filter((p) => p.kind === "text");
    expect(text).toEqual([
      expect.objectContaining({ severity: "error", rowId: "2:1:1", file: "坏.xlsx", cell: expect.stringMatching(/^[A-Z]+\d+$/), column: "pilot-name" }),
      expect.objectContaining({ severity: "error", rowId: "2:1:1", file: "坏.xlsx", cell: expect.stringMatching(/^[A-Z]+\d+$/), column: "enterprise" }),
    ]);
    expect(text[0].message.zh).toContain("U+0001");
    expect(text[1].message.zh).toContain("U+FFFE");
    expect(text[0].cell).not.toBe(text[1].cell);
  });

  test("merged with the CLI: success only with a well-formed output; a kept row is written without the characters", async () => {
    const dir = tempDir();
    const { innocent, hostile } = await hostileSources();
    writeFileSync(join(dir, "甲区.xlsx"), innocent);
    writeFileSync(join(dir, "坏.xlsx"), hostile);
    const sources = [join(dir, "甲区.xlsx"), join(dir, "坏.xlsx")];
    const base = ["merge", ...sources, "--template", "shanxi-2018-summary"];

    const preview = await cli([...base, "-o", join(dir, "out.xlsx")]);
    expect(preview.code).toBe(3);
    const written = await cli([...base, "-o", join(dir, "out.xlsx"), "--confirm", confirmCode(preview.out)]);
    expect(written.code).toBe(0);
    const out = readFileSync(join(dir, "out.xlsx"));
    await expectWellFormed(out);
    const outTexts = [...(await texts(out)).values()];
    expect(outTexts).toContain(ROW_B.enterprise);
    expect(outTexts.some((t) => t.includes("坏字符"))).toBe(false);

    const keptPreview = await cli([...base, "-o", join(dir, "kept.xlsx"), "--keep", "2:1:1"]);
    const kept = await cli([...base, "-o", join(dir, "kept.xlsx"), "--keep", "2:1:1", "--confirm", confirmCode(keptPreview.out)]);
    expect(kept.code).toBe(0);
    const keptBytes = readFileSync(join(dir, "kept.xlsx"));
    await expectWellFormed(keptBytes);
    const keptTexts = [...(await texts(keptBytes)).values()];
    expect(keptTexts).toContain("山西坏字符有限公司");
    expect(keptTexts).toContain("试点示范");
    // Every row once: two innocent, one kept.
    expect(keptTexts.filter((t) => t === ROW_A.enterprise)).toHaveLength(1);
    expect(keptTexts.filter((t) => t === ROW_B.enterprise)).toHaveLength(1);
  });

  test("--into: the target workbook's other sheets keep `_xFFFE_` and a literal `_x0041_` exactly, and the output is well-formed", async () => {
    const dir = tempDir();
    const target = (await writeWorkbook([summaryPlan([ROW_A]), formPlan({ ...FORM, "cover-pilot-name": "ZZKEEP1", "contact-name": "ZZKEEP2" })])).bytes;
    // _x005F_x0041_ is how Excel stores the text "_x0041_".
    const patched = await withRawStrings(target, { ZZKEEP1: "保留_xFFFE_字符", ZZKEEP2: "_x005F_x0041_" });
    writeFileSync(join(dir, "汇总.xlsx"), patched);
    writeFileSync(join(dir, "乙区.xlsx"), (await writeWorkbook([summaryPlan([ROW_B])])).bytes);
    const base = ["merge", join(dir, "乙区.xlsx"), "--into", join(dir, "汇总.xlsx"), "-o", join(dir, "out.xlsx")];
    const preview = await cli(base);
    const done = await cli([...base, "--confirm", confirmCode(preview.out)]);
    expect(done.code).toBe(0);
    const out = readFileSync(join(dir, "out.xlsx"));
    await expectWellFormed(out);
    const before = await texts(patched);
    const after = await texts(out);
    const kept = [...before].filter(([where]) => !where.startsWith("试点示范推荐汇总表!"));
    expect(kept.some(([, t]) => t === "保留\uFFFE字符")).toBe(true);
    expect(kept.some(([, t]) => t === "_x0041_")).toBe(true);
    for (const [where, t] of kept) expect(after.get(where)).toBe(t);
  });
});

describe("build", () => {
  test("--data with a \\uFFFE escape is refused naming the field; nothing is written", async () => {
    const dir = tempDir();
    const data = join(dir, "data.json");
    writeFileSync(data, '{"enterprise":"甲\\uFFFE公司","expert":"王工"}');
    const out = join(dir, "out.xlsx");
    const ran = await cli(["build", "shaoxing-discrete", "--data", data, "-o", out]);
    expect(ran.code).toBe(1);
    expect(ran.err).toMatch(/enterprise.*U\+FFFE/);
    expect(existsSync(out)).toBe(false);
  });

  test("--all writes a workbook whose every part a strict XML parser accepts", async () => {
    const dir = tempDir();
    const out = join(dir, "all.xlsx");
    expect((await cli(["build", "--all", "-o", out])).code).toBe(0);
    await expectWellFormed(readFileSync(out));
  });
});

describe("expert panels: a name decoded to a control character", () => {
  test("the expert is invalid with the cell named; kept, the panel sheet is written well-formed without the character", async () => {
    const t = findSheetTemplate("shaoxing-discrete");
    const params = t && checkParams(t.params, {});
    if (!t || !params?.ok) throw new Error("no template");
    const sheet = (expert: string) => {
      const plan = t.render(params.value, { ...DISCRETE_SAMPLES.single, expert });
      if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
      return plan.value;
    };
    const files = [
      { name: "王工.xlsx", bytes: new Uint8Array((await writeWorkbook([sheet("王工")])).bytes) },
      { name: "坏.xlsx", bytes: await withRawStrings(new Uint8Array((await writeWorkbook([sheet("ZZEXPERT")])).bytes), { ZZEXPERT: "李_x001B_工" }) },
    ];
    const preview = previewPanelMerge("shaoxing-discrete", await readSources(files));
    const [panel] = preview.panels;
    expect(panel.experts.map((m) => [m.name, m.invalid])).toEqual([
      ["王工", false],
      ["李\u001B工", true],
    ]);
    expect(preview.problems).toContainEqual(expect.objectContaining({ kind: "text", severity: "error", member: panel.experts[1].id, cell: expect.stringMatching(/^[A-Z]+\d+$/) }));
    const plans = panelPlans(preview, new Set([panel.experts[1].id]));
    if (!plans.ok) throw new Error(JSON.stringify(plans.problems));
    const { bytes } = await writeWorkbook(plans.value);
    await expectWellFormed(bytes);
    expect([...(await texts(bytes)).values()]).toContain("李工");
  });
});
