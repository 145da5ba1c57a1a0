/**
 * .xlsx bytes → the sheets Assessbook built, recognised by their marker cell, with access to
 * any cell's constant or formula and cached result. Whatever a user did to the workbook after
 * it left Assessbook (sheets renamed, deleted or added, cells cleared) reads as data, never as
 * a crash: a missing cell is blank, an unmarked sheet is listed without a marker.
 */
import ExcelJS from "exceljs";
import { decodeMarker } from "../sheets/marker";
import type { ReadCell, ReadSheet, Scalar } from "../sheets/check-sheet";
import type { SheetMarker } from "../sheets/plan";

// The shapes live with the check, which runs without exceljs (in the task pane too).
export type { ReadCell, ReadSheet, Scalar } from "../sheets/check-sheet";

/** Not an .xlsx file exceljs can open (a .xls, a .csv, a truncated or encrypted file). */
export class UnreadableWorkbook extends Error {}

export async function readWorkbook(bytes: Buffer): Promise<ReadSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are what it expects.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UnreadableWorkbook((e as Error).message);
  }
  const calculated = workbook.worksheets.some(hasCachedResult);
  return workbook.worksheets.map((sheet) => ({ name: sheet.name, marker: findMarker(sheet), cell: (row, col) => readCell(sheet, row, col, calculated) }));
}

/**
 * Whether a spreadsheet has calculated this workbook: Assessbook writes no formula results, and
 * Excel, WPS and LibreOffice write one for every formula when they save. They write a formula
 * whose value is empty text as an empty <v/>, which exceljs reads as no value at all, so in a
 * calculated workbook a formula without a value shows "" — and in one never calculated, nothing.
 */
function hasCachedResult(sheet: ExcelJS.Worksheet): boolean {
  let found = false;
  sheet.eachRow((row) => {
    if (!found) row.eachCell((cell) => (found ||= cell.type === ExcelJS.ValueType.Formula && cell.result !== undefined));
  });
  return found;
}

/** The marker is in row 1 in a hidden column; any column is searched, as users insert columns. */
function findMarker(sheet: ExcelJS.Worksheet): SheetMarker | null {
  let marker: SheetMarker | null = null;
  sheet.getRow(1).eachCell((cell) => {
    marker ??= decodeMarker(cell.value);
  });
  return marker;
}

function readCell(sheet: ExcelJS.Worksheet, row: number, col: number, calculated: boolean): ReadCell {
  if (row < 1 || col < 1) return { kind: "blank" };
  const cell = sheet.findCell(row, col);
  if (!cell) return { kind: "blank" };
  // A merged area's other cells read as its top-left cell, as a spreadsheet shows them.
  const target = cell.type === ExcelJS.ValueType.Merge ? cell.master : cell;
  if (target.type === ExcelJS.ValueType.Formula) {
    return { kind: "formula", formula: target.formula, result: target.result === undefined ? (calculated ? "" : null) : formulaResult(target.result) };
  }
  const value = scalar(target.value);
  return value === null ? { kind: "blank" } : { kind: "value", value };
}

function formulaResult(result: unknown): Scalar | null | { error: string } {
  if (typeof result === "object" && result !== null && "error" in result) return { error: String((result as { error: unknown }).error) };
  return scalar(result);
}

/** Constants as the engine takes them: rich text and hyperlinks as their text, dates as yyyy-mm-dd. */
function scalar(value: unknown): Scalar | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, value.getUTCHours() || value.getUTCMinutes() ? 16 : 10).replace("T", " ");
  if (typeof value === "object") {
    const v = value as { richText?: { text: string }[]; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if (typeof v.text === "string") return v.text;
    if (v.error !== undefined) return String(v.error);
  }
  return null;
}
