/**
 * The .xlsx reader: Assessbook's sheets found by their marker whatever was done to the
 * workbook since, cells read as constants or formulas with their cached results.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { encodeMarker } from "../../src/sheets/marker";
import { readWorkbook, UnreadableWorkbook } from "../../src/xlsx/reader";
import { MARKER, load, smallPlan, write } from "./helpers";

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test("the marker round trip: template, version and params come back for every sheet built", async () => {
  const other = { template: "other", version: 3, params: { rows: 40 } };
  const sheets = await readWorkbook(await write([smallPlan("表1"), smallPlan("表1", other)]));
  expect(sheets.map((s) => [s.name, s.marker])).toEqual([
    ["表1", MARKER],
    ["表1 (2)", other],
  ]);
});

test("inputs read as their constants, formulas with no cached result as result null, missing cells as blank", async () => {
  const [sheet] = await readWorkbook(await write([smallPlan()]));
  expect(sheet.cell(3, 2)).toEqual({ kind: "value", value: 0.62 });
  expect(sheet.cell(4, 2)).toEqual({ kind: "blank" });
  expect(sheet.cell(5, 2)).toEqual({ kind: "formula", formula: "IF(B3>=0.6,10,5)+SUM(B4)", result: null });
  expect(sheet.cell(500, 60)).toEqual({ kind: "blank" });
  expect(sheet.cell(0, 0)).toEqual({ kind: "blank" });
  // A merged area reads as its top-left cell everywhere, as a spreadsheet shows it.
  expect(sheet.cell(1, 3)).toEqual({ kind: "value", value: "小表" });
});

test("what a spreadsheet saved comes back: cached results, errors, rich text, dates", async () => {
  const workbook = await load(await write([smallPlan()]));
  const sheet = workbook.getWorksheet("表1") as ExcelJS.Worksheet;
  sheet.getCell("B5").value = { formula: "IF(B3>=0.6,10,5)+SUM(B4)", result: 10 };
  sheet.getCell("C5").value = { formula: "FOO(B3)", result: { error: "#NAME?" } } as ExcelJS.CellFormulaValue;
  sheet.getCell("C6").value = { formula: 'IF(B3>0,"达到","")', result: "达到" };
  sheet.getCell("C3").value = { richText: [{ text: "数控" }, { text: "化率" }] };
  sheet.getCell("C4").value = new Date(Date.UTC(2024, 10, 4));
  const [read] = await readWorkbook(await bytesOf(workbook));
  expect(read.cell(5, 2)).toMatchObject({ kind: "formula", result: 10 });
  expect(read.cell(5, 3)).toMatchObject({ kind: "formula", result: { error: "#NAME?" } });
  expect(read.cell(6, 3)).toMatchObject({ kind: "formula", result: "达到" });
  expect(read.cell(3, 3)).toEqual({ kind: "value", value: "数控化率" });
  expect(read.cell(4, 3)).toEqual({ kind: "value", value: "2024-11-04" });
});

test("in a workbook a spreadsheet has calculated, a formula saved without a value shows empty text", async () => {
  // Excel and LibreOffice save a formula whose value is "" as an empty <v/>, read as no value.
  const workbook = await load(await write([smallPlan()]));
  const sheet = workbook.getWorksheet("表1") as ExcelJS.Worksheet;
  sheet.getCell("B5").value = { formula: "IF(B3>=0.6,10,5)+SUM(B4)", result: 10 };
  sheet.getCell("C5").value = { formula: 'IF(B4="","",B4)' };
  const [read] = await readWorkbook(await bytesOf(workbook));
  expect(read.cell(5, 3)).toEqual({ kind: "formula", formula: 'IF(B4="","",B4)', result: "" });
});

test("sheets renamed, added, moved or with the marker deleted: found by the marker, never by name", async () => {
  const workbook = await load(await write([smallPlan("表1"), smallPlan("表2")]));
  (workbook.getWorksheet("表1") as ExcelJS.Worksheet).name = "改名";
  workbook.addWorksheet("备注").getCell("A1").value = "assessbook: not json";
  const second = workbook.getWorksheet("表2") as ExcelJS.Worksheet;
  second.getCell("D1").value = null;
  // A user inserted a column: the marker moved one to the right.
  const moved = workbook.addWorksheet("插列");
  moved.getCell("E1").value = encodeMarker(MARKER);
  const sheets = await readWorkbook(await bytesOf(workbook));
  expect(sheets.map((s) => [s.name, s.marker?.template ?? null])).toEqual([
    ["改名", "hand-made"],
    ["表2", null],
    ["备注", null],
    ["插列", "hand-made"],
  ]);
});

test("bytes that are not an .xlsx workbook are an UnreadableWorkbook, not a crash", async () => {
  await expect(readWorkbook(Buffer.from("序号,企业名称\n1,甲\n"))).rejects.toBeInstanceOf(UnreadableWorkbook);
  const truncated = (await write([smallPlan()])).subarray(0, 500);
  await expect(readWorkbook(truncated)).rejects.toBeInstanceOf(UnreadableWorkbook);
});

test("results Assessbook stored when writing are not taken for a spreadsheet's: read as not calculated until one saves the file", async () => {
  const ours = await write([smallPlan()]);
  const [fresh] = await readWorkbook(ours);
  expect(fresh.cell(5, 2)).toEqual({ kind: "formula", formula: "IF(B3>=0.6,10,5)+SUM(B4)", result: null });
  // The same file as a spreadsheet saves it: its own name in app.xml, the stored results its own.
  const zip = await JSZip.loadAsync(ours);
  const app = await (zip.file("docProps/app.xml") as JSZip.JSZipObject).async("string");
  zip.file("docProps/app.xml", app.replace("<Application>Assessbook</Application>", "<Application>Microsoft Excel</Application>"));
  const [saved] = await readWorkbook(await zip.generateAsync({ type: "nodebuffer" }));
  expect(saved.cell(5, 2)).toEqual({ kind: "formula", formula: "IF(B3>=0.6,10,5)+SUM(B4)", result: 10 });
  // A merged title reads as its top-left cell in both.
  expect(saved.cell(1, 2)).toEqual({ kind: "value", value: "小表" });
});
