/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node's export conditions: exceljs (reading the picked files, writing the download) runs here as under Node.
// The 合并 (merge) tab over real .xlsx files written by the xlsx writer: what the preview shows,
// which rows the confirm writes (exactly its count, invalid rows only when ticked), the progress
// bar over ten files, and the download outside Excel into a target workbook.
import { TextDecoder } from "node:util";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readSources } from "../../src/merge/read-source";
import type { CellValue, SheetPlan } from "../../src/sheets/plan";
import { encodeMarker } from "../../src/sheets/marker";
import { writeWorkbook } from "../../src/xlsx/writer";
import { ActionError } from "../../taskpane/action-error";
import * as actions from "../../taskpane/excel-actions";
import { STRINGS, type Lang } from "../../taskpane/strings";
import { captureDownloads, renderApp } from "./render";
import { summaryPlan } from "../merge/submissions";

jest.mock("../../taskpane/excel-actions", () => ({
  checkRequirements: jest.fn(() => ({ ok: true, missing: [] })),
  insertPlans: jest.fn(async (plans: SheetPlan[]) => ({ sheetNames: plans.map((p) => `${p.name} (2)`) })),
  openWorkbook: jest.fn(),
  checkActiveSheet: jest.fn(),
  selectCell: jest.fn(),
  insertFormula: jest.fn(),
  readActiveSheetForMerge: jest.fn(async () => null),
}));

const mocked = actions as jest.Mocked<typeof actions>;

// jsdom has no TextDecoder; the zip reader of read-source needs it (browsers all have it).
if (typeof globalThis.TextDecoder !== "function") Object.assign(globalThis, { TextDecoder });

type Row = Record<string, string>;
const SUMMARY = "shanxi-2018-summary";
const SHEET = "试点示范推荐汇总表";


async function xlsx(plans: SheetPlan[]): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array((await writeWorkbook(plans)).bytes);
}

function file(name: string, bytes: Uint8Array<ArrayBuffer>): File {
  return new File([bytes], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

const ROW_A: Row = { "pilot-name": "高端液压支架离散型智能制造试点示范", enterprise: "山西晋阳液压装备有限公司", contact: "王建国", mobile: "13935112345", email: "wangjg@jyhydraulic.com.cn" };
const ROW_B: Row = { "pilot-name": "铝合金轮毂大规模个性化定制试点示范", enterprise: "山西汾河精密铸造有限公司", contact: "李敏", mobile: "15803451234", email: "limin@fhcasting.cn" };
const ROW_C: Row = { "pilot-name": "煤矿综采装备远程运维服务试点示范", enterprise: "山西太行智能装备股份有限公司", contact: "赵晓峰", mobile: "18636012345", email: "zhaoxf@taihang-ie.com" };
/** 10 digits: an invalid mobile number. */
const ROW_BAD: Row = { "pilot-name": "精密轴承数字化车间试点示范", enterprise: "山西长治轴承制造有限公司", contact: "孙丽", mobile: "1370355123", email: "sunli@czbearing.cn" };

/** The rows a plan writes: each data row's input cells (enterprise, mobile, audit …) in order. */
function writtenRows(plan: SheetPlan): Record<string, CellValue>[] {
  const at = new Map(plan.cells.map((c) => [`${c.row},${c.col}`, c.value ?? null]));
  const value = (code: string) => {
    const b = plan.inputs.find((x) => x.code === code);
    return b ? (at.get(`${b.row},${b.col}`) ?? null) : undefined;
  };
  const rows: Record<string, CellValue>[] = [];
  for (let i = 0; value(`rows/${i}/enterprise`) !== undefined; i++) {
    const row = Object.fromEntries(["pilot-name", "enterprise", "contact", "mobile", "email", "source"].map((k) => [k, value(`rows/${i}/${k}`) ?? null]));
    if (Object.values(row).some((v) => v !== null && v !== "")) rows.push(row);
  }
  return rows;
}

/** Where the table's stamp line (推荐单位（盖章）) takes the recommender's name: the template's input cell, wherever the layout puts it. */
function stampCell(plan: SheetPlan): { row: number; col: number } {
  const binding = plan.inputs.find((b) => b.code === "recommender");
  if (!binding) throw new Error(`${plan.name} has no stamp line`);
  return binding;
}

/** The app on the merge tab; inside Excel, once it has read the active sheet (not a summary table here). */
async function openMerge(host: "excel" | null, lang: Lang): Promise<void> {
  renderApp({ host, language: lang, initialTab: "merge" });
  if (host === "excel") await screen.findByText(STRINGS[lang].merge.activeNotSummary(null));
}

function pick(label: string, files: File[]): void {
  fireEvent.change(screen.getByLabelText(label), { target: { files } });
}

/** The progress bar of the files read (a Spinner is a progressbar too, without a maximum). */
function progressBar(): HTMLElement | undefined {
  return screen.queryAllByRole("progressbar").find((e) => e.hasAttribute("aria-valuemax"));
}

function writeButton(): HTMLButtonElement {
  return screen.getByRole("button", { name: /^(写入 \d+ 行|Write \d+ rows?)/ }) as HTMLButtonElement;
}

let files: { district1: File; district2: File; broken: File };

beforeAll(async () => {
  files = {
    district1: file("甲区.xlsx", await xlsx([summaryPlan([ROW_A, ROW_B])])),
    // ROW_A again (the same application twice), ROW_C, and a row whose mobile has 10 digits.
    district2: file("乙区.xlsx", await xlsx([summaryPlan([ROW_C, ROW_A, ROW_BAD])])),
    broken: file("损坏.xlsx", new Uint8Array(Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256))),
  };
});

beforeEach(() => jest.clearAllMocks());

describe.each<Lang>(["zh", "en"])("the merge tab in Excel (%s)", (lang) => {
  const t = STRINGS[lang];
  const m = t.merge;

  it("previews the rows, each problem with file, sheet and cell, duplicates and refused files; writes exactly the ticked rows", async () => {
    await openMerge("excel", lang);
    expect(mocked.readActiveSheetForMerge).toHaveBeenCalledTimes(1);

    pick(m.filesInput, [files.district1, files.district2, files.broken]);
    const table = await screen.findByRole("table", { name: m.rowsLabel }, { timeout: 20_000 });
    const bodyRows = within(table).getAllByRole("row").slice(1);
    expect(bodyRows.map((r) => r.textContent)).toEqual([
      expect.stringContaining(ROW_A.enterprise),
      expect.stringContaining(ROW_B.enterprise),
      expect.stringContaining(ROW_C.enterprise),
      expect.stringContaining(ROW_A.enterprise),
      expect.stringContaining(ROW_BAD.enterprise),
    ]);
    expect(bodyRows[4].textContent).toContain(m.invalid);
    expect(bodyRows[3].textContent).toContain(m.duplicate);
    expect(screen.getByText(m.counts(5, 0, 1, 1, 1))).toBeTruthy();

    // The bad mobile: 乙区.xlsx, its sheet, the third data row's 手机号码 (rows start at 5, mobile is column E).
    const problems = screen.getByRole("list", { name: m.problems(1) });
    expect(problems.textContent).toContain(`${m.where("乙区.xlsx", SHEET, "E7")}${lang === "zh" ? "：" : ": "}`);
    expect(problems.textContent).toContain(lang === "zh" ? "手机号码" : "Mobile number");
    const duplicates = screen.getByRole("list", { name: m.duplicates(1) });
    expect(duplicates.textContent).toContain(ROW_A.enterprise);
    expect(duplicates.textContent).toContain(m.duplicateBy.name);
    expect(duplicates.textContent).toContain("甲区.xlsx › 试点示范推荐汇总表 第 1 行");
    expect(duplicates.textContent).toContain("乙区.xlsx › 试点示范推荐汇总表 第 2 行");
    const refused = screen.getByRole("list", { name: m.refused(1) });
    expect(refused.textContent).toMatch(lang === "zh" ? /^损坏\.xlsx：不是 \.xlsx 文件/ : /^损坏\.xlsx: not an \.xlsx file/);

    // Valid rows ticked, the invalid row not: 4 rows; 序号 numbers the ticked ones.
    expect(writeButton().textContent).toBe(m.write(4, 0));
    const box = (audit: string) => screen.getByRole("checkbox", { name: m.include(audit) }) as HTMLInputElement;
    expect(box("乙区.xlsx › 试点示范推荐汇总表 第 3 行").checked).toBe(false);
    expect(bodyRows.map((r) => within(r).getAllByRole("cell")[1].textContent)).toEqual(["1", "2", "3", "4", "—"]);
    // Leave out the second copy of ROW_A: 3 rows.
    fireEvent.click(box("乙区.xlsx › 试点示范推荐汇总表 第 2 行"));
    expect(writeButton().textContent).toBe(m.write(3, 0));

    fireEvent.click(writeButton());
    await waitFor(() => expect(mocked.insertPlans).toHaveBeenCalledTimes(1));
    const [[plans]] = mocked.insertPlans.mock.calls;
    expect(plans).toHaveLength(1);
    const written = writtenRows(plans[0]);
    expect(written).toHaveLength(3);
    expect(written.map((r) => r.enterprise)).toEqual([ROW_A.enterprise, ROW_B.enterprise, ROW_C.enterprise]);
    expect(written.map((r) => r.source)).toEqual(["甲区.xlsx › 试点示范推荐汇总表 第 1 行", "甲区.xlsx › 试点示范推荐汇总表 第 2 行", "乙区.xlsx › 试点示范推荐汇总表 第 1 行"]);
    expect((await screen.findByRole("status")).textContent).toContain(m.inserted(`${SHEET} (2)`, 3));

    // Keeping the invalid row is explicit: ticked, it is written as it came, last.
    fireEvent.click(box("乙区.xlsx › 试点示范推荐汇总表 第 3 行"));
    expect(writeButton().textContent).toBe(m.write(4, 0));
    expect(bodyRows[4].textContent).toContain(m.kept);
    fireEvent.click(writeButton());
    await waitFor(() => expect(mocked.insertPlans).toHaveBeenCalledTimes(2));
    const again = writtenRows(mocked.insertPlans.mock.calls[1][0][0]);
    expect(again.map((r) => [r.enterprise, r.mobile])).toEqual([
      [ROW_A.enterprise, ROW_A.mobile],
      [ROW_B.enterprise, ROW_B.mobile],
      [ROW_C.enterprise, ROW_C.mobile],
      [ROW_BAD.enterprise, ROW_BAD.mobile],
    ]);
  }, 60_000);
});

describe("the merge tab in Excel, on a summary table", () => {
  const m = STRINGS.zh.merge;

  it("offers to append to the active summary table: its rows come first and stay, its recommender and stamp line are kept", async () => {
    const [source] = await readSources([{ name: "book.xlsx", bytes: await xlsx([summaryPlan([ROW_C], { recommender: "industry-office", size: 6, stamp: "省装备办" })]) }]);
    if (!source.ok) throw new Error(source.reason.en);
    mocked.readActiveSheetForMerge.mockResolvedValueOnce(source.sheets[0]);
    renderApp({ host: "excel", language: "zh", initialTab: "merge" });
    const offer = (await screen.findByRole("checkbox", { name: m.activeSheet(SHEET, 1) })) as HTMLInputElement;
    expect(offer.checked).toBe(true);
    expect((screen.getByRole("combobox", { name: m.recommender }) as HTMLSelectElement).value).toBe("industry-office");

    pick(m.filesInput, [files.district1]);
    await screen.findByRole("table", { name: m.rowsLabel }, { timeout: 20_000 });
    expect(writeButton().textContent).toBe(m.write(3, 1));
    // 省行业管理办公室 may recommend 2: three rows are over its limit.
    expect(screen.getByText("共 3 项，超过省行业管理办公室的推荐上限 2 项")).toBeTruthy();
    fireEvent.click(writeButton());
    await waitFor(() => expect(mocked.insertPlans).toHaveBeenCalledTimes(1));
    const plan = mocked.insertPlans.mock.calls[0][0][0];
    expect(plan.marker.params).toEqual({ recommender: "industry-office", rows: 6 });
    const stamp = stampCell(plan);
    expect(plan.cells.find((c) => c.row === stamp.row && c.col === stamp.col)?.value).toBe("省装备办");
    expect(writtenRows(plan).map((r) => [r.enterprise, r.source])).toEqual([
      [ROW_C.enterprise, "当前工作簿 › 试点示范推荐汇总表 第 1 行"],
      [ROW_A.enterprise, "甲区.xlsx › 试点示范推荐汇总表 第 1 行"],
      [ROW_B.enterprise, "甲区.xlsx › 试点示范推荐汇总表 第 2 行"],
    ]);

    // Not appending: the active table's rows are left out, the choices come back.
    fireEvent.click(offer);
    await waitFor(() => expect(writeButton().textContent).toBe(m.write(2, 0)));
    expect((screen.getByRole("combobox", { name: m.recommender }) as HTMLSelectElement).disabled).toBe(false);
  }, 60_000);

  it("more rows than one sheet holds are refused with the count; nothing is written", async () => {
    const big = Array.from({ length: 200 }, (_, i) => ({ ...ROW_A, enterprise: `山西第${i + 1}装备有限公司` }));
    await openMerge("excel", "zh");
    pick(m.filesInput, [file("大表.xlsx", await xlsx([summaryPlan(big)])), files.district1]);
    await screen.findByRole("table", { name: m.rowsLabel }, { timeout: 30_000 });
    expect(writeButton().textContent).toBe(m.write(202, 0));
    fireEvent.click(writeButton());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("确认的行共 202 行，一张汇总表最多 200 行");
    expect(mocked.insertPlans).not.toHaveBeenCalled();
  }, 60_000);
});

describe("the merge tab, choices and progress", () => {
  const m = STRINGS.zh.merge;

  it("new files start a new preview: the choices made on the old one do not carry over", async () => {
    await openMerge("excel", "zh");
    pick(m.filesInput, [files.district1, files.district2]);
    await screen.findByRole("table", { name: m.rowsLabel }, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("checkbox", { name: m.include("甲区.xlsx › 试点示范推荐汇总表 第 1 行") }));
    fireEvent.click(screen.getByRole("checkbox", { name: m.include("乙区.xlsx › 试点示范推荐汇总表 第 3 行") }));
    expect(writeButton().textContent).toBe(m.write(4, 0));

    // The same 甲区 file alone: the same row ids, none of the old choices.
    pick(m.filesInput, [files.district1]);
    await waitFor(() => expect(screen.getByText(m.chosen(1))).toBeTruthy());
    await waitFor(() => expect(writeButton().textContent).toBe(m.write(2, 0)), { timeout: 20_000 });
    expect((screen.getByRole("checkbox", { name: m.include("甲区.xlsx › 试点示范推荐汇总表 第 1 行") }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(writeButton());
    await waitFor(() => expect(mocked.insertPlans).toHaveBeenCalledTimes(1));
    expect(writtenRows(mocked.insertPlans.mock.calls[0][0][0]).map((r) => r.enterprise)).toEqual([ROW_A.enterprise, ROW_B.enterprise]);
  }, 60_000);

  it("a progress bar counts the files read when there are more than ten; every file is read and the over-limit warning shows", async () => {
    await openMerge("excel", "zh");
    const one = await xlsx([summaryPlan([ROW_C])]);
    const many = Array.from({ length: 12 }, (_, i) => file(`区县${i + 1}.xlsx`, one));
    pick(m.filesInput, many);
    await waitFor(() => expect(progressBar()).toBeDefined());
    expect(progressBar()?.getAttribute("aria-valuemax")).toBe("12");
    expect(screen.getByText(/^已读取 \d+ \/ 12 个文件$/)).toBeTruthy();
    await screen.findByRole("table", { name: m.rowsLabel }, { timeout: 30_000 });
    expect(progressBar()).toBeUndefined();
    // 12 rows, all the same enterprise and project: one duplicate group, over 综改示范区管委会's limit of 5.
    expect(screen.getByText(m.counts(12, 0, 0, 1, 0))).toBeTruthy();
    // Counted over the ticked rows, naming the duplicates still all in (issue 12 item 6).
    expect(screen.getByText(/^共 12 项，超过综改示范区管委会的推荐上限 5 项；其中 1 家企业的重复行仍都在内：/)).toBeTruthy();
    expect(writeButton().textContent).toBe(m.write(12, 0));
  }, 60_000);

  it("ten files or fewer show no progress bar", async () => {
    await openMerge(null, "zh");
    pick(m.filesInput, [files.district1, files.broken]);
    // While they are read: a spinner, no bar.
    expect(screen.getByText(m.reading)).toBeTruthy();
    expect(progressBar()).toBeUndefined();
    await screen.findByRole("table", { name: m.rowsLabel }, { timeout: 20_000 });
    expect(progressBar()).toBeUndefined();
  }, 30_000);
});

describe("the merge tab outside Excel", () => {
  const m = STRINGS.zh.merge;
  const { blobs, clicked } = captureDownloads();

  async function bytesOf(blob: Blob): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(blob);
    });
  }

  it("appends to the target workbook's table (its rows first, its recommender) and downloads the target with the table replaced", async () => {
    await openMerge(null, "zh");
    // The target: a 市经信委 table holding ROW_B already, with its stamp line filled.
    const target = file("推荐汇总表.xlsx", await xlsx([summaryPlan([ROW_B], { recommender: "city-eitc", size: 8, stamp: "太原市经信委" })]));
    pick(m.targetInput, [target]);
    expect(await screen.findByText(new RegExp(`^${m.targetIs("推荐汇总表.xlsx", SHEET, 1)}`), undefined, { timeout: 20_000 })).toBeTruthy();
    expect((screen.getByRole("combobox", { name: m.recommender }) as HTMLSelectElement).value).toBe("city-eitc");
    expect((screen.getByRole("combobox", { name: m.recommender }) as HTMLSelectElement).disabled).toBe(true);

    pick(m.filesInput, [files.district1]);
    await screen.findByRole("table", { name: m.rowsLabel }, { timeout: 20_000 });
    // ROW_B is both in the target and in 甲区: a duplicate; the existing row cannot be unticked.
    const existing = screen.getByRole("checkbox", { name: m.include("推荐汇总表.xlsx › 试点示范推荐汇总表 第 1 行") }) as HTMLInputElement;
    expect([existing.checked, existing.disabled]).toEqual([true, true]);
    fireEvent.click(screen.getByRole("checkbox", { name: m.include("甲区.xlsx › 试点示范推荐汇总表 第 2 行") }));
    expect(writeButton().textContent).toBe(m.write(2, 1));
    fireEvent.click(writeButton());
    await waitFor(() => expect(blobs).toHaveLength(1), { timeout: 20_000 });
    expect(clicked).toEqual(["推荐汇总表-合并.xlsx"]);
    expect(screen.getByRole("status").textContent).toContain(m.downloaded("推荐汇总表-合并.xlsx", 2));

    const [read] = await readSources([{ name: "推荐汇总表-合并.xlsx", bytes: await bytesOf(blobs[0]) }]);
    if (!read.ok) throw new Error(read.reason.en);
    expect(read.sheets.map((s) => s.name)).toEqual([SHEET]);
    const sheet = read.sheets[0];
    expect(sheet.marker.params).toEqual({ recommender: "city-eitc", rows: 8 });
    const cell = (row: number, col: number) => sheet.cell(row, col);
    const stamp = stampCell(summaryPlan([], { recommender: "city-eitc", size: 8 }));
    expect(cell(stamp.row, stamp.col)).toEqual({ kind: "value", value: "太原市经信委" });
    expect([cell(5, 3), cell(6, 3)]).toEqual([
      { kind: "value", value: ROW_B.enterprise },
      { kind: "value", value: ROW_A.enterprise },
    ]);
    expect(cell(7, 3)).toEqual({ kind: "blank" });
    // The audit column (right of the table): the existing row says where it came from, the new one its file.
    expect([cell(5, 7), cell(6, 7)]).toEqual([
      { kind: "value", value: "推荐汇总表.xlsx › 试点示范推荐汇总表 第 1 行" },
      { kind: "value", value: "甲区.xlsx › 试点示范推荐汇总表 第 1 行" },
    ]);
    expect(mocked.insertPlans).not.toHaveBeenCalled();
  }, 60_000);

  it("without a target, downloads the merged table alone under the sheet's name, and brings the message saying so into view", async () => {
    await openMerge(null, "zh");
    const scroll = jest.spyOn(Element.prototype, "scrollIntoView");
    pick(m.filesInput, [files.district1, files.broken]);
    await screen.findByRole("table", { name: m.rowsLabel }, { timeout: 20_000 });
    expect(scroll).not.toHaveBeenCalled();
    fireEvent.click(writeButton());
    await waitFor(() => expect(blobs).toHaveLength(1), { timeout: 20_000 });
    expect(clicked).toEqual([`${SHEET}.xlsx`]);
    const message = await screen.findByRole("status");
    expect(message.textContent).toContain(m.downloaded(`${SHEET}.xlsx`, 2));
    // Scrolled into view: the element holding the success message, below the preview.
    await waitFor(() => expect(scroll).toHaveBeenCalledTimes(1));
    expect((scroll.mock.contexts[0] as Element).contains(message)).toBe(true);
    scroll.mockRestore();
    const [read] = await readSources([{ name: "out.xlsx", bytes: await bytesOf(blobs[0]) }]);
    expect(read.ok && read.sheets.map((s) => [s.name, s.marker.params])).toEqual([[SHEET, { recommender: "reform-zone", rows: 10 }]]);
  }, 60_000);

  it("a target workbook without a summary table is refused with its reason, and nothing is chosen", async () => {
    await openMerge(null, "zh");
    pick(m.targetInput, [files.broken]);
    const alert = await screen.findByText(/^损坏\.xlsx：不是 \.xlsx 文件/, undefined, { timeout: 20_000 });
    expect(alert).toBeTruthy();
    expect((screen.getByRole("combobox", { name: m.recommender }) as HTMLSelectElement).disabled).toBe(false);
  }, 30_000);

  it("a target workbook the rewrite would damage (a picture) is refused at confirmation: nothing is downloaded", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx([summaryPlan([ROW_B])])) as unknown as ArrayBuffer);
    // A 1×1 PNG on the summary sheet: exceljs would drop it when rewriting the workbook.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
    const image = workbook.addImage({ buffer: png as unknown as ArrayBuffer, extension: "png" } as Parameters<typeof workbook.addImage>[0]);
    workbook.worksheets[0].addImage(image, "H2:H3");
    const withPicture = new Uint8Array(Buffer.from(await workbook.xlsx.writeBuffer()));

    await openMerge(null, "zh");
    pick(m.targetInput, [file("带图片.xlsx", withPicture)]);
    await screen.findByText(new RegExp(`^${m.targetIs("带图片.xlsx", SHEET, 1)}`), undefined, { timeout: 20_000 });
    pick(m.filesInput, [files.district1]);
    await screen.findByRole("table", { name: m.rowsLabel }, { timeout: 20_000 });
    fireEvent.click(writeButton());
    const alert = await screen.findByRole("alert", undefined, { timeout: 20_000 });
    expect(alert.textContent).toContain(m.wouldLose(["图片或形状"]));
    expect(blobs).toEqual([]);
    expect(clicked).toEqual([]);
  }, 60_000);
});

describe("readActiveSheetForMerge (the Excel adapter)", () => {
  const real = jest.requireActual<typeof actions>("../../taskpane/excel-actions");

  /** Excel.run over an active sheet whose used range is the grid (from A1), or a failing sync. */
  function activeSheet(name: string, grid: unknown[][] | Error): void {
    const used = Array.isArray(grid)
      ? { isNullObject: false, values: grid, formulas: grid, valueTypes: grid.map((r) => r.map((v) => (v === "" ? "Empty" : typeof v === "number" ? "Double" : "String"))), rowIndex: 0, columnIndex: 0, load: () => undefined }
      : { isNullObject: true, load: () => undefined };
    const worksheet = { name, load: () => undefined, getUsedRangeOrNullObject: () => used };
    const context = {
      workbook: { worksheets: { getActiveWorksheet: () => worksheet } },
      sync: async () => {
        if (grid instanceof Error) throw grid;
      },
    };
    Object.assign(globalThis, { Excel: { run: (batch: (c: unknown) => unknown) => batch(context) } });
  }

  it("gives the active sheet with its marker and cells when Assessbook built it, null otherwise", async () => {
    const marker = { template: SUMMARY, version: 1, params: { recommender: "reform-zone", rows: 3 } };
    activeSheet(SHEET, [["山西省级智能制造试点示范推荐汇总表", "", encodeMarker(marker)], ["推荐单位（盖章）：", "", "某某区"]]);
    const sheet = await real.readActiveSheetForMerge();
    expect(sheet?.name).toBe(SHEET);
    expect(sheet?.marker).toEqual(marker);
    expect(sheet?.cell(2, 3)).toEqual({ kind: "value", value: "某某区" });

    activeSheet("Sheet1", [["hello", "world"]]);
    await expect(real.readActiveSheetForMerge()).resolves.toBeNull();
  });

  it("turns a failed read into an ActionError in both languages", async () => {
    activeSheet("Sheet1", Object.assign(new Error("busy"), { code: "GeneralException" }));
    const error = await real.readActiveSheetForMerge().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).text.zh).toContain("无法读取当前工作表");
  });
});
