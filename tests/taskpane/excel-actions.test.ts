/**
 * @jest-environment jsdom
 */
// The adapter between the task pane and src/office: results become values, failures ActionErrors
// whose cause carries Office's own code and words, in both languages.
import * as insert from "../../src/office/insert";
import * as readSheet from "../../src/office/read-sheet";
import { ActionError, causeOf } from "../../taskpane/action-error";
import { checkActiveSheet, checkRequirements, insertPlans, selectCell } from "../../taskpane/excel-actions";

jest.mock("../../src/office/insert", () => ({ insertPlans: jest.fn() }));
jest.mock("../../src/office/read-sheet", () => ({ checkActiveSheet: jest.fn(), selectCell: jest.fn() }));

const office = { insertPlans: insert.insertPlans as jest.Mock, check: readSheet.checkActiveSheet as jest.Mock, select: readSheet.selectCell as jest.Mock };
const excelRun = jest.fn();

beforeAll(() => {
  Object.assign(globalThis, {
    Excel: { run: excelRun },
    Office: { context: { requirements: { isSetSupported: (set: string, version: string) => set === "ExcelApi" && Number(version) <= 1.7 } } },
  });
});

describe("the Excel adapter", () => {
  it("names the sets this Excel lacks, with src/office's message", () => {
    const checked = checkRequirements();
    expect(checked.ok).toBe(false);
    expect(checked.missing).toEqual(["ExcelApi 1.8", "ExcelApi 1.9"]);
    expect(checked.message?.zh).toContain("ExcelApi 1.8");
  });

  it("inserts through src/office with Excel.run and returns the sheet names", async () => {
    office.insertPlans.mockResolvedValueOnce({ ok: true, sheets: ["表1 评分 (2)"], syncs: 2 });
    await expect(insertPlans([])).resolves.toEqual({ sheetNames: ["表1 评分 (2)"] });
    const run = office.insertPlans.mock.calls[0][0] as (batch: unknown) => unknown;
    run("batch");
    expect(excelRun).toHaveBeenCalledWith("batch");
  });

  it("turns a failure into an ActionError naming Office's code and words", async () => {
    office.insertPlans.mockResolvedValueOnce({ ok: false, failure: { message: { zh: "无法插入工作表", en: "could not insert the sheets" }, code: "InvalidArgument", officeMessage: "The argument is invalid." } });
    const error = await insertPlans([]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect(causeOf(error, "zh")).toBe("无法插入工作表（InvalidArgument: The argument is invalid.）");
    expect(causeOf(error, "en")).toBe("could not insert the sheets (InvalidArgument: The argument is invalid.)");
  });

  it("lists the check's issues with their cells and selects on the checked sheet", async () => {
    office.check.mockResolvedValueOnce({
      ok: true,
      sheet: "表1 评分",
      report: { status: "checked" },
      missing: [],
      issues: [
        { kind: "missing-input", cell: "E9", code: "3.1", message: { zh: "E9 尚未填写（3.1）", en: "E9 is blank (3.1)" } },
        { kind: "over-limit", code: "overLimit", message: { zh: "推荐数量超过上限", en: "too many rows" } },
      ],
      summary: { zh: "发现 2 处问题", en: "2 issues found" },
      syncs: 1,
    });
    await expect(checkActiveSheet()).resolves.toEqual({
      sheet: "表1 评分",
      summary: { zh: "发现 2 处问题", en: "2 issues found" },
      clean: false,
      problems: [{ address: "E9", message: { zh: "E9 尚未填写（3.1）", en: "E9 is blank (3.1)" } }, { message: { zh: "推荐数量超过上限", en: "too many rows" } }],
    });
    office.select.mockResolvedValueOnce({ ok: true });
    await selectCell("表1 评分", "E9");
    expect(office.select.mock.calls[0].slice(1)).toEqual(["表1 评分", "E9"]);
  });
});
