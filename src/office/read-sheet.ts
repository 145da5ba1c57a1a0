/**
 * The open worksheet, read through Office.js, checked against the engine with the same code
 * `assessbook extract` uses (src/sheets/check-sheet.ts, no exceljs): answers the engine refuses
 * (a wrong mobile number, 统一社会信用代码 or e-mail, a rate out of range), inputs left blank,
 * a summary over its row limit, and results that disagree with the engine — each with the cell
 * to go to. One sync reads the sheet; `selectCell` takes the user there in one more.
 */
import type { Text } from "../../templates/schema";
import { checkSheet, findings, missingInputs, type MissingInput, type ReadCell, type ReadSheet, type Scalar, type SheetReport } from "../sheets/check-sheet";
import { decodeMarker } from "../sheets/marker";
import type { SheetMarker } from "../sheets/plan";
import { LIMIT_WORDS } from "../sheets/tables/summary-data";
import { officeFailure, type ExcelRun, type OfficeFailure } from "./insert";

export type ReadResult = { ok: true; sheet: ReadSheet; syncs: number } | { ok: false; failure: OfficeFailure };

/** Reads the active worksheet's used range (constants, formulas and what they show) in one sync. */
export async function readActiveSheet(run: ExcelRun): Promise<ReadResult> {
  let syncs = 0;
  try {
    return await run(async (context) => {
      const worksheet = context.workbook.worksheets.getActiveWorksheet();
      worksheet.load("name");
      // Values only: cells with nothing but a format are not read (an official sheet formats whole areas).
      const used = worksheet.getUsedRangeOrNullObject(true);
      used.load("values,formulas,valueTypes,rowIndex,columnIndex");
      syncs++;
      await context.sync();
      const grid = used.isNullObject ? null : { values: used.values, formulas: used.formulas, types: used.valueTypes, top: used.rowIndex + 1, left: used.columnIndex + 1 };
      return { ok: true as const, sheet: toReadSheet(worksheet.name, grid), syncs };
    });
  } catch (e) {
    return { ok: false, failure: officeFailure(e, { zh: "无法读取当前工作表", en: "could not read the active sheet" }) };
  }
}

interface Grid {
  values: unknown[][];
  formulas: unknown[][];
  types: string[][];
  /** 1-based row and column of the grid's top-left cell. */
  top: number;
  left: number;
}

/** A used range as the check reads it; exported for tests. */
export function toReadSheet(name: string, grid: Grid | null): ReadSheet {
  const cell = (row: number, col: number): ReadCell => {
    if (!grid) return { kind: "blank" };
    const i = row - grid.top;
    const j = col - grid.left;
    if (i < 0 || j < 0 || i >= grid.values.length || j >= (grid.values[i]?.length ?? 0)) return { kind: "blank" };
    return readCell(grid.values[i][j], grid.formulas[i]?.[j], grid.types[i]?.[j]);
  };
  return { name, marker: findMarker(grid), cell };
}

/** The marker is in row 1, in any column (users insert columns), as the .xlsx reader finds it. */
function findMarker(grid: Grid | null): SheetMarker | null {
  if (!grid || grid.top !== 1) return null;
  for (const v of grid.values[0] ?? []) {
    const marker = decodeMarker(v);
    if (marker) return marker;
  }
  return null;
}

/**
 * One cell from what Office.js gives: `formulas` holds "=…" for a formula and the constant
 * otherwise. A text cell whose text starts with "=" reads the same in both arrays, where a
 * formula's value differs from its own text: that tells them apart without loading formats.
 */
export function readCell(value: unknown, formula: unknown, type: string | undefined): ReadCell {
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  if (isFormula) {
    const result: Scalar | { error: string } = type === "Error" ? { error: String(value) } : scalar(value) ?? "";
    return { kind: "formula", formula: formula.slice(1), result };
  }
  if (type === "Empty") return { kind: "blank" };
  const v = scalar(value);
  if (v === null || v === "") return { kind: "blank" };
  return { kind: "value", value: v };
}

function scalar(v: unknown): Scalar | null {
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
}

export type IssueKind =
  /** The engine refuses the answer in this input cell. */
  | "invalid-answer"
  /** An input cell left blank. */
  | "missing-input"
  /** A summary sheet lists more rows than its recommender may recommend. */
  | "over-limit"
  /** A result cell shows something other than the engine computes. */
  | "disagree"
  /** A result cell shows a spreadsheet error. */
  | "error"
  /** A result cell's formula was typed over. */
  | "overwritten";

export interface SheetIssue {
  kind: IssueKind;
  /** A1 address on the sheet, when the issue is about one cell. */
  cell?: string;
  /** The input code or result key. */
  code: string;
  message: Text;
}

export type ActiveSheetCheck =
  | { ok: true; sheet: string; report: SheetReport; missing: MissingInput[]; issues: SheetIssue[]; summary: Text; syncs: number }
  | { ok: false; failure: OfficeFailure };

/** Reads the active worksheet and checks it: every issue with the cell to go to. */
export async function checkActiveSheet(run: ExcelRun): Promise<ActiveSheetCheck> {
  const read = await readActiveSheet(run);
  if (!read.ok) return read;
  try {
    const report = checkSheet(read.sheet);
    const missing = missingInputs(read.sheet);
    const issues = sheetIssues(report, missing);
    return { ok: true, sheet: read.sheet.name, report, missing, issues, summary: summarize(report, issues), syncs: read.syncs };
  } catch (e) {
    // A renderer refusing a marker it should accept is a bug, but still not an exception for the UI.
    return { ok: false, failure: officeFailure(e, { zh: "无法核对当前工作表", en: "could not check the active sheet" }) };
  }
}

/** The report as a list for the task pane: refused answers first, then blanks, limits and results. */
export function sheetIssues(report: SheetReport, missing: MissingInput[]): SheetIssue[] {
  const issues: SheetIssue[] = [];
  for (const p of report.problems) issues.push({ kind: "invalid-answer", ...(p.cell ? { cell: p.cell } : {}), code: p.code, message: p.message });
  for (const m of missing) issues.push({ kind: "missing-input", cell: m.cell, code: m.code, message: { zh: `${m.cell} 尚未填写（${m.code}）`, en: `${m.cell} is blank (${m.code})` } });
  for (const c of report.checks) {
    if (c.key === "overLimit" && c.sheet === LIMIT_WORDS.over) {
      issues.push({ kind: "over-limit", cell: c.cell, code: c.key, message: { zh: `推荐数量超过上限（${c.cell}）`, en: `more rows than the recommender may recommend (${c.cell})` } });
    }
  }
  for (const c of findings(report)) {
    const shown = show(c.sheet);
    const engine = show(c.engine);
    if (c.verdict === "disagree") issues.push({ kind: "disagree", cell: c.cell, code: c.key, message: { zh: `${c.cell} 显示 ${shown}，计算核心为 ${engine}`, en: `${c.cell} shows ${shown}, the engine computes ${engine}` } });
    else if (c.verdict === "error") issues.push({ kind: "error", cell: c.cell, code: c.key, message: { zh: `${c.cell} 公式出错：${shown}`, en: `${c.cell} shows a formula error: ${shown}` } });
    else issues.push({ kind: "overwritten", cell: c.cell, code: c.key, message: { zh: `${c.cell} 的公式已被改写为 ${shown}（应为 ${engine}）`, en: `${c.cell}'s formula was typed over with ${shown} (the engine computes ${engine})` } });
  }
  return issues;
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "空白";
  if (typeof v === "object" && "error" in v) return String((v as { error: unknown }).error);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

const STATUS: Record<Exclude<SheetReport["status"], "checked" | "invalid-answers">, Text> = {
  "not-calculated": { zh: "工作表尚未计算，没有可核对的结果", en: "the sheet is not calculated yet; no results to compare" },
  "other-version": { zh: "由其他版本的 Assessbook 生成，单元格位置可能不同，未核对", en: "built by another version of Assessbook whose cells may sit elsewhere; not checked" },
  "unknown-template": { zh: "本版本没有这种工作表，未核对", en: "a sheet this version does not know; not checked" },
  "invalid-params": { zh: "标记中的参数无效（可能被手工修改），未核对", en: "the marker's parameters are invalid (edited by hand?); not checked" },
  "not-assessbook": { zh: "当前工作表不是 Assessbook 生成的（第 1 行没有标记）", en: "the active sheet was not built by Assessbook (no marker in row 1)" },
};

/** One line on the checked sheet (the task pane's check of a picked file says it too). */
export function summarize(report: SheetReport, issues: SheetIssue[]): Text {
  // Another template version names both versions (src/sheets/check-sheet.ts otherVersion).
  // So does a sheet of a loaded template that is not loaded: which one to import.
  if ((report.status === "other-version" || report.status === "unknown-template") && report.problems.length) return report.problems[0].message;
  if (report.status !== "checked" && report.status !== "invalid-answers") return STATUS[report.status];
  if (issues.length === 0) return { zh: "全部填写，结果与计算核心一致", en: "everything answered; every result agrees with the engine" };
  return { zh: `发现 ${issues.length} 处问题`, en: `${issues.length} issue${issues.length === 1 ? "" : "s"} found` };
}

export type SelectResult = { ok: true } | { ok: false; failure: OfficeFailure };

/** Shows the sheet and selects the cell (an A1 address such as "C7"), in one sync. */
export async function selectCell(run: ExcelRun, sheetName: string, address: string): Promise<SelectResult> {
  try {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await context.sync();
    });
    return { ok: true };
  } catch (e) {
    return { ok: false, failure: officeFailure(e, { zh: `无法选中 ${sheetName}!${address}`, en: `could not select ${sheetName}!${address}` }) };
  }
}
