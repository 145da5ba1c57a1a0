/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions, as in merge.test.tsx: the xlsx writer and docx run here as under Node.
// The 导出 (export) tab (issue 11, ruling F3): 下载 Word for the summary tables and forms, in Excel
// (the active sheet) and outside it (a picked workbook), and the print view of the same document.
import "./text-coding";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readSources, type MarkedSheet } from "../../src/merge/read-source";
import type { SheetPlan } from "../../src/sheets/plan";
import * as actions from "../../taskpane/excel-actions";
import { STRINGS } from "../../taskpane/strings";
import { readDocx, tables } from "../export/docx-xml";
import { plan, sample, workbook } from "../export/workbook";
import { captureDownloads, renderApp } from "./render";

jest.mock("../../taskpane/excel-actions", () => ({
  checkRequirements: jest.fn(() => ({ ok: true, missing: [] })),
  insertPlans: jest.fn(),
  openWorkbook: jest.fn(),
  checkActiveSheet: jest.fn(),
  selectCell: jest.fn(),
  insertFormula: jest.fn(),
  readActiveSheetForMerge: jest.fn(async () => null),
}));

const mocked = actions as jest.Mocked<typeof actions>;

jest.setTimeout(60_000);

const e = STRINGS.zh.export;
const SUMMARY = "shanxi-2018-summary";
const TITLE = "山西省级智能制造试点示范推荐汇总表";
const rows = () => (sample(SUMMARY) as { rows: Record<string, string>[] }).rows;

async function xlsx(plans: SheetPlan[]): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await workbook(plans));
}

function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

const { blobs, clicked } = captureDownloads();

/** The downloaded .docx's first table, read back from its XML. */
async function downloadedTable(): Promise<string[][]> {
  expect(blobs).toHaveLength(1);
  expect(blobs[0].type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  return tables(await readDocx(await bytesOf(blobs[0])))[0];
}

describe("the export tab outside Excel", () => {
  it("downloads Word for the sheet chosen in a picked workbook, its rows in the table", async () => {
    renderApp({ host: null, language: "zh", initialTab: "export" });
    const word = await screen.findByRole("button", { name: e.word });
    expect((word as HTMLButtonElement).disabled).toBe(true);
    const bytes = await xlsx([plan("shaoxing-discrete", undefined), plan(SUMMARY, sample(SUMMARY)), plan("pujiang-acceptance", sample("pujiang-acceptance"))]);
    fireEvent.change(screen.getByLabelText(e.fileInput), { target: { files: [new File([bytes], "报送.xlsx")] } });
    expect(await screen.findByText(e.fileIs("报送.xlsx", 2))).toBeTruthy();
    const select = screen.getByRole("combobox", { name: e.sheet }) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(["试点示范推荐汇总表", "浦江项目验收表"]);
    fireEvent.click(screen.getByRole("button", { name: e.word }));
    expect(await screen.findByText(e.downloaded(`${TITLE}.docx`))).toBeTruthy();
    expect(clicked).toEqual([`${TITLE}.docx`]);
    const table = await downloadedTable();
    expect(table.slice(1).map((r) => r[2])).toEqual(rows().map((r) => r.enterprise));
  });

  it("a workbook without a summary table or form is refused with the reason; nothing is downloaded", async () => {
    renderApp({ host: null, language: "zh", initialTab: "export" });
    const bytes = await xlsx([plan("shaoxing-discrete", undefined)]);
    fireEvent.change(await screen.findByLabelText(e.fileInput), { target: { files: [new File([bytes], "评分.xlsx")] } });
    expect(await screen.findByText(/评分\.xlsx：工作簿中没有推荐汇总表或申报表/)).toBeTruthy();
    expect((screen.getByRole("button", { name: e.word }) as HTMLButtonElement).disabled).toBe(true);
    expect(blobs).toEqual([]);
  });
});

describe("the export tab in Excel", () => {
  async function activeSheet(p: SheetPlan): Promise<MarkedSheet> {
    const [read] = await readSources([{ name: "open.xlsx", bytes: await xlsx([p]) }]);
    if (!read.ok) throw new Error(read.reason.en);
    return read.sheets[0];
  }

  it("downloads Word for the active summary table", async () => {
    mocked.readActiveSheetForMerge.mockResolvedValueOnce(await activeSheet(plan(SUMMARY, sample(SUMMARY))));
    renderApp({ host: "excel", language: "zh", initialTab: "export" });
    fireEvent.click(await screen.findByRole("button", { name: e.word }));
    expect(await screen.findByText(e.downloaded(`${TITLE}.docx`))).toBeTruthy();
    expect((await downloadedTable())[0]).toEqual(["序号", "试点示范名称", "企业名称", "联系人", "手机号码", "邮箱"]);
  });

  it("an active sheet that is not a summary table or form is not exported", async () => {
    mocked.readActiveSheetForMerge.mockResolvedValueOnce(await activeSheet(plan("shaoxing-discrete", undefined)));
    renderApp({ host: "excel", language: "zh", initialTab: "export" });
    fireEvent.click(await screen.findByRole("button", { name: e.word }));
    expect(await screen.findByText(e.notExportable)).toBeTruthy();
    expect(blobs).toEqual([]);
  });

  it("the print view shows the same document in an iframe: 附件N, title, rows and 注", async () => {
    mocked.readActiveSheetForMerge.mockResolvedValueOnce(await activeSheet(plan(SUMMARY, sample(SUMMARY))));
    renderApp({ host: "excel", language: "zh", initialTab: "export" });
    fireEvent.click(await screen.findByRole("button", { name: e.print }));
    const frame = (await screen.findByTitle(e.printTitle(TITLE))) as HTMLIFrameElement;
    const body = frame.contentDocument?.body as HTMLElement;
    await waitFor(() => expect(body.textContent).toContain(TITLE));
    const paragraphs = Array.from(body.querySelectorAll("p, h1")).map((p) => p.textContent);
    expect(paragraphs[0]).toBe("附件4");
    expect(paragraphs.some((p) => p?.startsWith("注："))).toBe(true);
    const cells = Array.from(body.querySelectorAll("tbody tr")).map((tr) => Array.from(tr.children).map((td) => td.textContent));
    expect(cells.map((r) => r[2])).toEqual(rows().map((r) => r.enterprise));
    expect(within(document.body).getByRole("button", { name: e.printNow })).toBeTruthy();
    expect(blobs).toEqual([]);
  });
});
