/**
 * The write side of a summary consolidation (issue 6): the target table read from its sheet,
 * the merged table rendered from exactly the confirmed rows (priority order, audit column,
 * 序号 renumbered by the sheet itself, text kept as text in both writers), put back into the
 * target's workbook without losing its other sheets, and recalculated by LibreOffice.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { accepted, previewMerge, type MergePreview, type PreviewRow } from "../../src/merge/preview";
import { MAX_FILE_BYTES, readSources, type MarkedSheet, type SourceFile, type SourceResult } from "../../src/merge/read-source";
import { mergedTablePlan, readTarget } from "../../src/merge/summary-merge";
import { insertPlans } from "../../src/office/insert";
import { checkParams } from "../../src/sheets/params";
import type { SheetPlan } from "../../src/sheets/plan";
import { findSheetTemplate } from "../../src/sheets/registry";
import { AUDIT_KEY } from "../../src/sheets/tables/summary-data";
import { replaceSheet, WouldLoseContent } from "../../src/xlsx/replace-sheet";
import { readWorkbook } from "../../src/xlsx/reader";
import { writeWorkbook } from "../../src/xlsx/writer";
import { recalculated, withLibreOffice } from "../sheets/tables/support";
import { a1, WorkbookDouble } from "../office/excel-double";
import { assembleZip, oleFile, plainWorkbook, WORKBOOK_XML } from "./bad-files";
import { formPlan, summaryPlan, workbookFile, type Row } from "./submissions";

jest.setTimeout(120_000);

const TEMPLATE = "shanxi-2018-summary";
const SHEET = "试点示范推荐汇总表";

function row(n: number, overrides: Partial<Row> = {}): Row {
  return {
    "pilot-name": `智能制造试点示范项目${n}`,
    enterprise: `山西第${n}机械制造有限公司`,
    contact: `联系人${n}`,
    mobile: `139${String(35110000 + n).padStart(8, "0")}`,
    email: `contact${n}@example.com.cn`,
    ...overrides,
  };
}

function sheetOf(result: SourceResult, name = SHEET): MarkedSheet {
  if (!result.ok) throw new Error(`${result.name} refused: ${result.reason.en}`);
  const sheet = result.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`${result.name} has no sheet ${name}`);
  return sheet;
}

/** The merged table's data rows as written: column key → cell value, audit under AUDIT_KEY; blank rows left out. */
function writtenRows(plan: SheetPlan): Record<string, unknown>[] {
  const rows = new Map<number, Record<string, unknown>>();
  for (const b of plan.inputs) {
    const m = /^rows\/(\d+)\/(.+)$/.exec(b.code);
    if (!m) continue;
    const value = plan.cells.find((c) => c.row === b.row && c.col === b.col)?.value ?? null;
    if (value === null) continue;
    const r = rows.get(Number(m[1])) ?? {};
    r[m[2]] = value;
    rows.set(Number(m[1]), r);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r);
}

function expectedRows(rows: readonly PreviewRow[]): Record<string, unknown>[] {
  return rows.map((r) => ({ ...Object.fromEntries(Object.entries(r.values).filter(([, v]) => v !== null)), [AUDIT_KEY]: r.audit }));
}

function plannedMerge(preview: MergePreview, rows: readonly PreviewRow[], options = {}): SheetPlan {
  const plan = mergedTablePlan(preview, rows, options);
  if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
  return plan.value;
}

/** The target workbook as a clerk keeps it: a scoring sheet, then the summary table with two rows already in it. */
async function targetWorkbook(): Promise<SourceFile> {
  const scoring = findSheetTemplate("shaoxing-discrete");
  if (!scoring) throw new Error("no shaoxing-discrete");
  const params = checkParams(scoring.params, {});
  if (!params.ok) throw new Error("params");
  const scored = scoring.render(params.value, scoring.sample());
  if (!scored.ok) throw new Error("sample");
  return workbookFile("市汇总.xlsx", [scored.value, summaryPlan([row(1), row(2)], { size: 4, stamp: "山西转型综合改革示范区管理委员会" })]);
}

describe("the target table and the merged table", () => {
  let target: SourceFile;
  let sources: SourceResult[];
  let targetSheet: MarkedSheet;

  beforeAll(async () => {
    target = await targetWorkbook();
    const [read] = await readSources([target]);
    targetSheet = sheetOf(read);
    sources = await readSources([
      await workbookFile("甲县.xlsx", [summaryPlan([row(3), row(4, { mobile: "1393511" }), row(5, { "pilot-name": "=HYPERLINK(\"http://x\",\"点我\")" })])]),
      await workbookFile("乙企业申报书.xlsx", [formPlan({ "cover-pilot-name": "精密轴承数字化车间试点示范", "enterprise-name": "山西长治轴承制造有限公司", "contact-name": "孙丽", "contact-mobile": "13834567890", "contact-email": "sunli@czbearing.cn" })]),
      await workbookFile("丙县.xlsx", [summaryPlan([row(3, { enterprise: "山西第3机械制造　有限公司" })])]),
      { name: "乱码.xlsx", bytes: new Uint8Array(Buffer.from("not a workbook at all")) },
    ]);
  });

  test("readTarget: the existing rows in order, the 推荐单位 text and the sheet's size", () => {
    const read = readTarget("市汇总.xlsx", targetSheet);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.value).toMatchObject({ template: TEMPLATE, recommender: "reform-zone", recommenderName: "山西转型综合改革示范区管理委员会", rowCount: 4, file: "市汇总.xlsx", sheet: SHEET });
    expect(read.value.existing?.map((r) => r.enterprise)).toEqual([row(1).enterprise, row(2).enterprise]);
    expect(read.value.existing?.every((r) => r[AUDIT_KEY] === null)).toBe(true);
  });

  test("readTarget refuses a sheet that is not a summary table, and one whose parameters were edited", async () => {
    const [read] = await readSources([target]);
    const scoring = (read.ok ? read.sheets : [])[0];
    expect(readTarget("市汇总.xlsx", scoring).ok).toBe(false);
    const edited: MarkedSheet = { ...targetSheet, marker: { ...targetSheet.marker, params: { ...targetSheet.marker.params, rows: 9999 } } };
    const refused = readTarget("市汇总.xlsx", edited);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0].message.zh).toContain("无法安全追加");
  });

  test("the merged table holds exactly the confirmed rows, in priority order, each with its source", () => {
    const read = readTarget("市汇总.xlsx", targetSheet);
    if (!read.ok) throw new Error("target");
    const preview = previewMerge(read.value, sources);
    expect(preview.refused.map((r) => r.file)).toEqual(["乱码.xlsx"]);
    const invalid = preview.rows.filter((r) => r.invalid).map((r) => r.id);
    expect(invalid).toEqual(["1:1:2"]);
    // The 丙县 copy of 第3 enterprise is a duplicate (full-width space in the name): the user drops it.
    expect(preview.duplicates.map((d) => d.members.map((m) => m.rowId))).toEqual([["1:1:1", "3:1:1"]]);
    const rows = accepted(preview, new Set(), new Set(["3:1:1"]));
    const plan = plannedMerge(preview, rows, { recommenderName: read.value.recommenderName, rowCount: read.value.rowCount });
    expect(plan.marker).toMatchObject({ template: TEMPLATE, params: { recommender: "reform-zone", rows: 5 } });
    expect(writtenRows(plan)).toEqual(expectedRows(rows));
    expect(writtenRows(plan).map((r) => r[AUDIT_KEY])).toEqual([
      "市汇总.xlsx › 试点示范推荐汇总表 第 1 行",
      "市汇总.xlsx › 试点示范推荐汇总表 第 2 行",
      "甲县.xlsx › 试点示范推荐汇总表 第 1 行",
      "甲县.xlsx › 试点示范推荐汇总表 第 3 行",
      "乙企业申报书.xlsx › 试点示范申报书",
    ]);
    const stamp = plan.inputs.find((b) => b.code === "recommender");
    expect(plan.cells.find((c) => c.row === stamp?.row && c.col === stamp?.col)?.value).toBe("山西转型综合改革示范区管理委员会");
  });

  test("an invalid row is written only when kept, as it was typed (the sheet flags it)", () => {
    const preview = previewMerge({ template: TEMPLATE, recommender: "reform-zone" }, sources);
    const kept = accepted(preview, new Set(["1:1:2"]), new Set(["3:1:1"]));
    const rows = writtenRows(plannedMerge(preview, kept));
    expect(rows.map((r) => r.mobile)).toContain("1393511");
    expect(writtenRows(plannedMerge(preview, accepted(preview, new Set(), new Set(["3:1:1"])))).map((r) => r.mobile)).not.toContain("1393511");
  });

  test("more rows than a sheet holds is refused with the count, never cut", () => {
    const preview = previewMerge({ template: TEMPLATE, recommender: "reform-zone" }, sources);
    const many = Array.from({ length: 201 }, (_, i) => ({ ...preview.rows[0], id: `x:${i}` }));
    const result = mergedTablePlan(preview, many);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].message.zh).toBe("确认的行共 201 行，一张汇总表最多 200 行：请分批合并");
  });

  test("replaceSheet: the merged table takes the old one's place and name; the other sheet and the input bytes are untouched", async () => {
    const before = Buffer.from(target.bytes);
    const read = readTarget("市汇总.xlsx", targetSheet);
    if (!read.ok) throw new Error("target");
    const preview = previewMerge(read.value, sources);
    const rows = accepted(preview, new Set(), new Set(["3:1:1"]));
    const written = await replaceSheet(target.bytes, SHEET, plannedMerge(preview, rows, { recommenderName: read.value.recommenderName, rowCount: read.value.rowCount }));
    expect(Buffer.from(target.bytes).equals(before)).toBe(true);
    expect(written.sheetNames).toEqual(["表1 评分", SHEET]);
    const [original, merged] = await Promise.all([readWorkbook(before), readWorkbook(written.bytes)]);
    // The scoring sheet: every cell as it was.
    for (let r = 1; r <= 60; r++) for (let c = 1; c <= 12; c++) expect([r, c, merged[0].cell(r, c)]).toEqual([r, c, original[0].cell(r, c)]);
    expect(merged[1].marker?.params).toEqual({ recommender: "reform-zone", rows: 5 });
    const cells = merged[1];
    const plan = plannedMerge(preview, rows, { rowCount: 4 });
    for (const b of plan.inputs.filter((x) => x.code.startsWith("rows/"))) {
      const value = plan.cells.find((c) => c.row === b.row && c.col === b.col)?.value ?? null;
      const got = cells.cell(b.row, b.col);
      expect([b.code, got.kind === "value" ? got.value : null]).toEqual([b.code, value]);
    }
  });

  test("replaceSheet refuses a workbook whose pictures or sheet-level names a rewrite would lose", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(target.bytes) as unknown as ExcelJS.Buffer);
    const image = workbook.addImage({ base64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", extension: "png" });
    workbook.worksheets[0].addImage(image, "A1:B2");
    const withPicture = Buffer.from(await workbook.xlsx.writeBuffer());
    const plan = plannedMerge(previewMerge({ template: TEMPLATE, recommender: "reform-zone" }, []), []);
    await expect(replaceSheet(withPicture, SHEET, plan)).rejects.toThrow(WouldLoseContent);
    await expect(replaceSheet(withPicture, SHEET, plan)).rejects.toMatchObject({ what: { zh: ["图片或形状"], en: ["pictures or shapes"] } });
  });

  test("text that looks like a formula stays text through the Office.js writer", async () => {
    const preview = previewMerge({ template: TEMPLATE, recommender: "reform-zone" }, sources);
    const plan = plannedMerge(preview, accepted(preview, new Set()));
    const book = new WorkbookDouble();
    const result = await insertPlans(book.run, [plan]);
    if (!result.ok) throw new Error("insert failed");
    const sheet = book.mustSheet(result.sheets[0]);
    const cell = plan.cells.find((c) => c.value === "=HYPERLINK(\"http://x\",\"点我\")");
    if (!cell) throw new Error("the formula-like text is not in the plan");
    expect([a1(cell.row, cell.col), sheet.get(cell.row, cell.col)]).toMatchObject([a1(cell.row, cell.col), { value: cell.value, numberFormat: "@" }]);
    expect(sheet.get(cell.row, cell.col)?.formula).toBeUndefined();
  });
});

describe("every kind of bad file is refused with one line; the rest merge", () => {
  test("not an .xlsx, corrupted zip, password-protected, over 20 MB, a zip bomb, no Assessbook sheet", async () => {
    const good = await workbookFile("好.xlsx", [summaryPlan([row(7)])]);
    const truncated = good.bytes.subarray(0, Math.floor(good.bytes.length / 2));
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(good.bytes);
    const bomb = assembleZip([
      { name: "xl/workbook.xml", data: WORKBOOK_XML },
      { name: "xl/worksheets/sheet1.xml", data: Buffer.alloc(1024), lie: { central: 201 * 1024 * 1024 } },
    ]);
    const files: SourceFile[] = [
      { name: "名单.csv", bytes: new TextEncoder().encode("企业名称\n某某公司\n") },
      { name: "截断.xlsx", bytes: truncated },
      { name: "加密.xlsx", bytes: new Uint8Array(oleFile(["EncryptionInfo", "EncryptedPackage"])) },
      { name: "太大.xlsx", bytes: big },
      { name: "炸弹.xlsx", bytes: new Uint8Array(bomb) },
      { name: "普通.xlsx", bytes: new Uint8Array(await plainWorkbook()) },
      good,
    ];
    const preview = previewMerge({ template: TEMPLATE, recommender: "reform-zone" }, await readSources(files));
    expect(preview.refused.map((r) => [r.file, r.kind])).toEqual([
      ["名单.csv", "not-xlsx"],
      ["截断.xlsx", "corrupt-zip"],
      ["加密.xlsx", "encrypted"],
      ["太大.xlsx", "too-large"],
      ["炸弹.xlsx", "inflates-too-large"],
      ["普通.xlsx", "no-assessbook-sheet"],
    ]);
    for (const r of preview.refused) for (const text of [r.reason.zh, r.reason.en]) expect(text).toMatch(/^[^\n]+$/);
    expect(writtenRows(plannedMerge(preview, accepted(preview, new Set())))).toEqual(expectedRows(preview.rows));
    expect(preview.rows.map((r) => r.values.enterprise)).toEqual([row(7).enterprise]);
  });
});

describe("property: every accepted row is written exactly once, in order, and no input file changes", () => {
  const rowArb = fc.record({
    n: fc.integer({ min: 1, max: 12 }),
    badMobile: fc.boolean(),
    project: fc.integer({ min: 1, max: 3 }),
  });
  const fileArb = fc.array(rowArb, { minLength: 0, maxLength: 4 });

  test("random county submissions with duplicates and bad mobiles, random keep/drop", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fileArb, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 4 }), fc.array(fc.nat(), { maxLength: 4 }), async (counties, keepPicks, dropPicks) => {
        const files: SourceFile[] = [];
        for (const [i, rows] of counties.entries()) {
          files.push(await workbookFile(`县${i + 1}.xlsx`, [summaryPlan(rows.map((r) => row(r.n, { "pilot-name": `项目${r.project}`, ...(r.badMobile ? { mobile: "12345" } : {}) })), { size: Math.max(rows.length, 1) })]));
        }
        const copies = files.map((f) => Buffer.from(f.bytes));
        const preview = previewMerge({ template: TEMPLATE, recommender: "reform-zone" }, await readSources(files));
        const invalid = preview.rows.filter((r) => r.invalid);
        const keep = new Set(keepPicks.filter(() => invalid.length > 0).map((k) => invalid[k % invalid.length].id));
        const drop = new Set(dropPicks.filter(() => preview.rows.length > 0).map((d) => preview.rows[d % preview.rows.length].id));
        const rows = accepted(preview, keep, drop);
        // Exactly the rows neither dropped nor invalid-and-not-kept, each once, in preview order.
        expect(rows.map((r) => r.id)).toEqual(preview.rows.filter((r) => !drop.has(r.id) && (!r.invalid || keep.has(r.id))).map((r) => r.id));
        const written = await writeWorkbook([plannedMerge(preview, rows)]);
        const [back] = await readSources([{ name: "out.xlsx", bytes: new Uint8Array(written.bytes) }]);
        const reread = previewMerge({ template: TEMPLATE, recommender: "reform-zone" }, [back]);
        expect(reread.rows.map((r) => r.values)).toEqual(rows.map((r) => r.values));
        expect(reread.rows.map((r) => r.audit)).toEqual(rows.map((r) => `out.xlsx › ${SHEET} 第 ${rows.indexOf(r) + 1} 行 ← ${r.audit}`));
        files.forEach((f, i) => expect(Buffer.from(f.bytes).equals(copies[i])).toBe(true));
      }),
      { numRuns: 15 },
    );
  });
});

withLibreOffice("LibreOffice recalculates the merged table", () => {
  test("序号 1…n over the written rows, the count, the limit and the flags", async () => {
    const sources = await readSources([
      await workbookFile("甲县.xlsx", [summaryPlan([row(1), row(2), row(3, { mobile: "1393511" })])]),
      await workbookFile("乙县.xlsx", [summaryPlan([row(4), row(5), row(6)])]),
    ]);
    const preview = previewMerge({ template: TEMPLATE, recommender: "reform-zone" }, sources);
    const rows = accepted(preview, new Set(["1:1:3"]));
    expect(rows).toHaveLength(6);
    const plan = plannedMerge(preview, rows, { rowCount: 8 });
    const lo = await recalculated([plan]);
    const first = plan.inputs.find((b) => b.code === "rows/0/pilot-name")?.row ?? 0;
    expect(Array.from({ length: 8 }, (_, i) => lo.value(0, first + i, 1))).toEqual([1, 2, 3, 4, 5, 6, "", ""]);
    expect(lo.results(0)).toEqual({ count: 6, overLimit: "已超上限" });
    // The kept row's malformed mobile is flagged by the sheet's own check.
    const count = plan.results.find((r) => r.key === "count");
    expect(String(lo.value(0, count?.row ?? 0, 5))).toContain("手机号码有误 1 处");
  });
});
