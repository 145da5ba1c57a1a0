/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions, as in merge.test.tsx: the xlsx writer and reader run here as under Node.
// The 检查 (check) tab outside Excel (issue 12): a picked .xlsx read through the reading gate and
// checked sheet by sheet with the code Excel's check and `extract` use: the same findings, each
// with its cell; a file no spreadsheet has calculated says so; a bad file is refused with its reason.
import "./text-coding";
import { fireEvent, screen, within } from "@testing-library/react";
import { readSources } from "../../src/merge/read-source";
import { sheetIssues } from "../../src/office/read-sheet";
import { checkSheet, missingInputs } from "../../src/sheets/check-sheet";
import { STRINGS, type Lang } from "../../taskpane/strings";
import { renderApp } from "./render";
import { resultCell, sampleSheet, savedBySpreadsheet, written } from "./saved-workbook";

jest.mock("../../taskpane/excel-actions", () => ({
  checkRequirements: jest.fn(() => ({ ok: true, missing: [] })),
  insertPlans: jest.fn(),
  openWorkbook: jest.fn(),
  checkActiveSheet: jest.fn(),
  selectCell: jest.fn(),
  insertFormula: jest.fn(),
  readActiveSheetForMerge: jest.fn(async () => null),
}));

jest.setTimeout(60_000);

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** 绍兴 表1 离散型 评分表 with its sample answers: the engine's total is 79. */
const SCORING = "shaoxing-discrete";
const SHEET = "表1 评分";

function file(name: string, bytes: Uint8Array<ArrayBuffer>): File {
  return new File([bytes], name, { type: XLSX_TYPE });
}

/** Picks a file in the check tab, once its lazy chunk has loaded. */
async function pick(lang: Lang, chosen: File): Promise<void> {
  fireEvent.change(await screen.findByLabelText(STRINGS[lang].check.fileInput), { target: { files: [chosen] } });
}

describe.each<Lang>(["zh", "en"])("the check tab outside Excel (%s)", (lang) => {
  const t = STRINGS[lang];

  it("checks a picked workbook's sheets: the result a spreadsheet shows differently is listed with its cell, sheet and engine values", async () => {
    const plan = sampleSheet(SCORING);
    const total = resultCell(plan, "total");
    const bytes = await savedBySpreadsheet([plan], total, 81);
    renderApp({ host: null, language: lang, initialTab: "check" });
    await pick(lang, file("填报.xlsx", bytes));
    expect(screen.queryByText(/检查需要在 Excel 中打开|Checking needs the add-in opened in Excel/)).toBeNull();

    const heading = await screen.findByRole("heading", { level: 3, name: SHEET });
    const section = heading.closest("section") as HTMLElement;
    // What Excel's check lists for the same sheet: the same reader's cells through the same check.
    const [read] = await readSources([{ name: "填报.xlsx", bytes }]);
    if (!read.ok) throw new Error(read.reason.en);
    const expected = sheetIssues(checkSheet(read.sheets[0]), missingInputs(read.sheets[0]));
    // The total a spreadsheet shows differently, and the expert's adjustment column left blank.
    expect(expected.filter((i) => i.kind !== "missing-input").map((i) => [i.kind, i.cell])).toEqual([["disagree", total]]);
    expect(expected.length).toBeGreaterThan(1);

    const list = within(section).getByRole("list", { name: t.check.foundInFile(expected.length) });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual(expected.map((i) => `${i.cell}${i.message[lang]}`));
    expect(list.textContent).toContain(lang === "zh" ? `${total} 显示 81，计算核心为 79` : `${total} shows 81, the engine computes 79`);
    // Nothing to select outside Excel: the cells are text, not buttons.
    expect(within(list).queryAllByRole("button")).toEqual([]);
    expect(within(section).getByRole("status").textContent).toContain(lang === "zh" ? `发现 ${expected.length} 处问题` : `${expected.length} issues found`);
    expect(screen.getByText(t.check.fileIs("填报.xlsx", 1))).toBeTruthy();
  });

  it("a workbook as Assessbook wrote it, never saved by a spreadsheet, is shown as not calculated", async () => {
    renderApp({ host: null, language: lang, initialTab: "check" });
    await pick(lang, file("新表.xlsx", await written([sampleSheet(SCORING)])));
    const heading = await screen.findByRole("heading", { level: 3, name: SHEET });
    const status = within(heading.closest("section") as HTMLElement).getByRole("status");
    expect(status.textContent).toBe(t.check.notCalculated);
    // Assessbook's own stored results are never compared: no result is said to agree or differ.
    expect(screen.queryByText(/计算核心为|the engine computes/)).toBeNull();
  });

  it("a file the reading gate refuses shows the reason", async () => {
    renderApp({ host: null, language: lang, initialTab: "check" });
    await pick(lang, file("记事.xlsx", new Uint8Array(Buffer.from("企业名称,得分\n某公司,80\n"))));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(lang === "zh" ? "记事.xlsx：不是 .xlsx 文件" : "记事.xlsx: not an .xlsx file");
  });
});
