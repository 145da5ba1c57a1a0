/**
 * Shared by the table-sheet tests: the sample plans, and LibreOffice's recalculated values of the
 * cells a plan binds, to compare with what the engine says (SheetTemplate.expected).
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetPlan } from "../../../src/sheets/plan";
import { checkParams } from "../../../src/sheets/params";
import type { Params } from "../../../src/sheets/registry";
import { SHEET_TEMPLATES, type SheetTemplate } from "../../../src/sheets/registry";
import { findTemplate } from "../../../templates/index";
import { writeWorkbook } from "../../../src/xlsx/writer";
import { IN_CI, findSoffice, recalculate } from "../libreoffice";

/** The built-in table sheets: every sheet but the scoring sheets of the rubrics. */
export const TABLE_SHEETS = SHEET_TEMPLATES.filter((s) => findTemplate(s.template)?.kind !== "rubric");

export function sheet(id: string): SheetTemplate {
  const t = TABLE_SHEETS.find((s) => s.id === id);
  if (!t) throw new Error(`no table sheet ${id}`);
  return t;
}

/** The sheet's params with defaults filled in, as `build --param` passes them. */
export function paramsOf(t: SheetTemplate, given: Record<string, unknown> = {}): Params {
  const p = checkParams(t.params, given);
  if (!p.ok) throw new Error(`${t.id}: params refused: ${JSON.stringify(p.problems)}`);
  return p.value;
}

/** The rendered plan; `data` undefined renders the blank sheet. */
export function plan(t: SheetTemplate, data: unknown, given: Record<string, unknown> = {}): SheetPlan {
  const r = t.render(paramsOf(t, given), data);
  if (!r.ok) throw new Error(`${t.id}: refused: ${JSON.stringify(r.problems)}`);
  return r.value;
}

export function expected(t: SheetTemplate, data: unknown, given: Record<string, unknown> = {}): Record<string, CellValue> {
  const r = t.expected(paramsOf(t, given), data);
  if (!r.ok) throw new Error(`${t.id}: refused: ${JSON.stringify(r.problems)}`);
  return r.value;
}

export const SOFFICE = findSoffice();

/**
 * The LibreOffice comparisons: skipped without LibreOffice on a developer's machine, never in CI
 * (.ci/run installs it; there a missing soffice fails the suite).
 */
export const withLibreOffice = SOFFICE || IN_CI ? describe : describe.skip;

/** A workbook of the plans after LibreOffice recalculated it: every cell's value, and each plan's bound results. */
export interface Recalculated {
  value(plan: number, row: number, col: number): CellValue;
  results(plan: number): Record<string, CellValue>;
}

export async function recalculated(plans: SheetPlan[]): Promise<Recalculated> {
  if (!SOFFICE) throw new Error("LibreOffice (soffice) is not installed; .ci/run installs it");
  const written = await writeWorkbook(plans);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await recalculate(SOFFICE, written.bytes)) as unknown as ExcelJS.Buffer);
  const sheets = written.sheetNames.map((name) => {
    const ws = workbook.getWorksheet(name);
    if (!ws) throw new Error(`sheet ${name} is missing after recalculation`);
    return ws;
  });
  const value = (plan: number, row: number, col: number) => cellResult(sheets[plan].getCell(row, col));
  return { value, results: (plan) => Object.fromEntries(plans[plan].results.map((r) => [r.key, value(plan, r.row, r.col)])) };
}

/** The plan with an input cell's value replaced, as a user typing into the sheet would. */
export function typed(p: SheetPlan, code: string, value: CellValue): SheetPlan {
  const at = p.inputs.find((i) => i.code === code);
  if (!at) throw new Error(`no input ${code}`);
  return { ...p, cells: p.cells.map((c) => (c.row === at.row && c.col === at.col ? { ...c, value } : c)) };
}

/** The formula of the cell a result key is bound to. */
export function resultFormula(p: SheetPlan, key: string): string {
  const r = p.results.find((x) => x.key === key);
  const f = r && p.cells.find((c) => c.row === r.row && c.col === r.col)?.formula;
  if (!f) throw new Error(`no formula bound to ${key}`);
  return f;
}

/**
 * A recalculated cell's value. exceljs's cell.result keeps 0 and FALSE (cell.value.result drops
 * them); an empty text result is written as an empty <v/>, which exceljs reads as no result.
 */
function cellResult(cell: ExcelJS.Cell): CellValue {
  if (cell.type !== ExcelJS.ValueType.Formula) return (cell.value ?? null) as CellValue;
  const r = cell.result;
  if (r === undefined || r === null) return "";
  if (typeof r === "object" && "error" in r) return String(r.error);
  return r as CellValue;
}
