/**
 * SheetPlan[] → .xlsx bytes, through exceljs. Everything a plan says is written, and every
 * formula cell carries its cached result: Excel's Protected View (how e-mailed files open first)
 * and phone previewers do not calculate, they show the stored value. That value is the
 * formula's own result for the data written, computed from the plan by the product's formula
 * evaluator (src/sheets/calc), never a number made up for show; tests/sheets/cached-results.test.ts
 * holds it to LibreOffice's recalculation cell by cell. Spreadsheets that calculate still do so
 * on open (fullCalcOnLoad), so an edited or newer engine's result replaces the stored one.
 */
import ExcelJS from "exceljs";
import type { Cell, Range, SheetPlan, Validation } from "../sheets/plan";
import { colLetter, rangeRef, ref, str } from "../sheets/formula";
import { encodeMarker } from "../sheets/marker";
import { uniqueSheetName } from "./sheet-names";
import { cellStyle, conditionalStyle } from "./styles";
import { xlsxText } from "./cell-text";
import { CalcError, ErrorValue } from "../sheets/calc/values";
import { type FormulaResult, PlanResults } from "../sheets/calc/plan-results";
import { quotePrintNames } from "./print-names";
import { addValidation } from "./validation-ranges";
import { writeHonestAppProperties } from "./app-properties";
import { addTemplateParts } from "./template-package";
import { findTemplate } from "../../templates/index";
import type { Template } from "../../templates/schema";

/** A plan a spreadsheet would refuse or silently mangle: a renderer's bug, named precisely. */
export class PlanError extends Error {}

/** Excel's limits on data validation texts and inline lists (beyond them Excel "repairs" the file). */
const LIMITS = { prompt: 255, error: 225, inlineList: 255 };
/** OOXML paperSize codes (ECMA-376 18.3.1.63). */
const PAPER_SIZE = { A4: 9, A3: 8 } as const;

interface ScopedName {
  name: string;
  localSheetId: number;
  ranges: string[];
}

export interface WrittenWorkbook {
  bytes: Buffer;
  /** The sheet each plan became, in plan order: made unique, so not always the plan's name. */
  sheetNames: string[];
}

/** One workbook, one sheet per plan in the given order. */
export async function writeWorkbook(plans: readonly SheetPlan[]): Promise<WrittenWorkbook> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Assessbook";
  // Spreadsheets that calculate recalculate everything on open, so a workbook never shows a
  // value from before its last edit. The price: Excel then asks "save changes?" on close even
  // when nothing was edited (it would too for exceljs's old calcId alone); the stored values
  // are right, but a recalculation on load is the guarantee, so the prompt stays.
  workbook.calcProperties.fullCalcOnLoad = true;
  writeHonestAppProperties(workbook);
  const names: ScopedName[] = [];
  for (const [index, plan] of plans.entries()) {
    const sheetName = uniqueSheetName(plan.name, workbook.worksheets.map((w) => w.name));
    const sheet = workbook.addWorksheet(sheetName);
    await writeSheet(sheet, plan);
    for (const n of plan.names) names.push({ name: n.name, localSheetId: index, ranges: [`${quoteSheet(sheetName)}!${address(n.range, true)}`] });
  }
  scopeNames(workbook, names);
  const bytes = await addTemplateParts(await quotePrintNames(Buffer.from(await workbook.xlsx.writeBuffer())), carriedTemplates(plans));
  return { bytes, sheetNames: workbook.worksheets.map((w) => w.name) };
}

/**
 * The loaded templates the plans were built from, once each: the workbook carries them
 * (src/xlsx/template-part.ts), so it can be read where they are not loaded.
 */
function carriedTemplates(plans: readonly SheetPlan[]): Template[] {
  const out = new Map<string, Template>();
  for (const { marker } of plans) {
    if (!marker.from || out.has(marker.from.id)) continue;
    const template = findTemplate(marker.from.id);
    if (!template || template.version !== marker.from.version) throw new PlanError(`${marker.template}: template ${marker.from.id} version ${marker.from.version} is not in the catalogue`);
    out.set(template.id, template);
  }
  return [...out.values()];
}

/** Draws the plan on an empty worksheet; defined names are the caller's (they need the sheet's index). */
export async function writeSheet(sheet: ExcelJS.Worksheet, plan: SheetPlan): Promise<void> {
  checkPlan(plan);
  for (const c of plan.columns) {
    const column = sheet.getColumn(c.col);
    column.width = c.width;
    if (c.hidden) column.hidden = true;
  }
  for (const r of plan.rows) sheet.getRow(r.row).height = r.height;
  const results = planResults(plan);
  for (const cell of plan.cells) writeCell(sheet.getCell(cell.row, cell.col), cell, cell.formula === undefined ? undefined : results.resultAt(cell.row, cell.col));
  // After the cells: exceljs gives a merged area's other cells the top-left cell's style.
  for (const m of plan.merges) sheet.mergeCells(m.top, m.left, m.bottom, m.right);

  const spare = new SpareColumns(sheet, usedRight(plan) + 1);
  // Each planned range is written as it is: exceljs's own joining of per-cell rules sorts
  // addresses as text and can write overlapping ranges, which Excel "repairs" (ranges.ts).
  for (const v of plan.validations) addValidation(sheet, address(v.range), validation(v, spare));
  plan.conditionalFormats.forEach((cf, i) => {
    sheet.addConditionalFormatting({
      ref: address(cf.range),
      rules: [{ type: "expression", priority: i + 1, formulae: [cf.formula], style: conditionalStyle(cf.style) }],
    });
  });
  if (plan.freeze) {
    const { row, col } = plan.freeze;
    sheet.views = [{ state: "frozen", xSplit: col - 1, ySplit: row - 1, topLeftCell: ref(row, col) }];
  }
  writePrint(sheet, plan);
  // The marker goes in the first spare column of row 1, hidden, after any validation lists.
  const marker = sheet.getCell(1, spare.take());
  marker.value = encodeMarker(plan.marker);
  if (plan.protection.enabled) {
    // Formatting rows and columns stays allowed: people widen a column to read a long answer.
    await sheet.protect(plan.protection.password ?? "", { formatColumns: true, formatRows: true });
  }
}

/** The plan's formula results; a formula the evaluator cannot compute is the renderer's bug, named by cell. */
function planResults(plan: SheetPlan): PlanResults {
  try {
    return new PlanResults(plan);
  } catch (e) {
    if (e instanceof CalcError) throw new PlanError(e.message);
    throw e;
  }
}

function writeCell(target: ExcelJS.Cell, cell: Cell, result: FormulaResult | undefined): void {
  // exceljs types the cached value by its JavaScript type: t="str" for text, t="b", t="e" for { error }.
  if (cell.formula !== undefined) target.value = { formula: cell.formula, result: cachedValue(result as FormulaResult, target) } as ExcelJS.CellFormulaValue;
  // A string is always written as a string, so "=1+1" or "-5%" typed as text stays text. An empty
  // text is left blank: Excel would read an empty text cell, LibreOffice a blank one (ISBLANK differs).
  else if (cell.value !== undefined && cell.value !== null && cell.value !== "") target.value = typeof cell.value === "string" ? xlsxText(cell.value, `${target.worksheet.name}!${target.address}`) : cell.value;
  if (cell.style) target.style = cellStyle(cell.style);
  if (cell.locked === false) target.protection = { locked: false };
}

function cachedValue(result: FormulaResult, target: ExcelJS.Cell): ExcelJS.CellFormulaValue["result"] {
  if (result instanceof ErrorValue) return { error: result.code } as ExcelJS.CellErrorValue;
  return typeof result === "string" ? xlsxText(result, `${target.worksheet.name}!${target.address}`) : result;
}

function validation(v: Validation, spare: SpareColumns): ExcelJS.DataValidation {
  const messages = {
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "输入有误",
    error: limit(v.error.zh, LIMITS.error, "error"),
    ...(v.prompt ? { showInputMessage: true, promptTitle: "填写说明", prompt: limit(v.prompt.zh, LIMITS.prompt, "prompt") } : {}),
  };
  // Blank stays allowed: a blank answer is "not answered" (ruling G3), not an invalid one.
  if (v.kind === "list") return { type: "list", allowBlank: true, formulae: [listSource(v.options, spare)], ...messages };
  return { type: v.kind, operator: "between", allowBlank: true, formulae: [v.min, v.max], ...messages };
}

/**
 * A dropdown's options inline ("是,否") when Excel allows it: at most 255 characters and no
 * comma inside an option. Otherwise they go down a hidden spare column the list refers to.
 */
function listSource(options: string[], spare: SpareColumns): string {
  const inline = options.join(",");
  if (inline.length + 2 <= LIMITS.inlineList && !options.some((o) => o.includes(",") || o.includes('"'))) return str(inline);
  const col = spare.take();
  options.forEach((o, i) => (spare.sheet.getCell(i + 1, col).value = o));
  return `${ref(1, col, true)}:${ref(options.length, col, true)}`;
}

/** Hidden columns right of everything the plan uses, for the marker and long dropdown lists. */
class SpareColumns {
  constructor(
    readonly sheet: ExcelJS.Worksheet,
    private next: number,
  ) {}

  take(): number {
    const col = this.next++;
    this.sheet.getColumn(col).hidden = true;
    return col;
  }
}

function writePrint(sheet: ExcelJS.Worksheet, plan: SheetPlan): void {
  const p = plan.print;
  sheet.pageSetup = {
    ...sheet.pageSetup,
    // exceljs's PaperSize type lists no A3, but it writes whatever code it is given.
    paperSize: PAPER_SIZE[p.paper] as ExcelJS.PaperSize,
    orientation: p.orientation,
    margins: p.margins,
    blackAndWhite: p.blackAndWhite,
    // fitToHeight 0: as many pages down as the rows need, but one page wide (ruling F1).
    ...(p.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: 100 }),
    ...(p.repeatRows ? { printTitlesRow: `${p.repeatRows.first}:${p.repeatRows.last}` } : {}),
    ...(p.repeatColumns ? { printTitlesColumn: `${colLetter(p.repeatColumns.first)}:${colLetter(p.repeatColumns.last)}` } : {}),
    // exceljs puts a "$" before each end of the area itself, so it is given A$1:F$9 for $A$1:$F$9.
    ...(p.area ? { printArea: `${colLetter(p.area.left)}$${p.area.top}:${colLetter(p.area.right)}$${p.area.bottom}` } : {}),
  };
  // exceljs breaks the page after the row it is given; a plan names the row that starts the page.
  for (const row of p.breaks ?? []) sheet.getRow(row - 1).addPageBreak();
  // A footer without a section code (&L, &C, &R) is centred, as official forms number pages.
  if (p.footer) sheet.headerFooter = { oddFooter: /&[LCR]/.test(p.footer) ? p.footer : `&C${p.footer}` };
}

/** The rightmost column the plan puts anything in. */
function usedRight(plan: SheetPlan): number {
  const ranges: Range[] = [...plan.merges, ...plan.validations.map((v) => v.range), ...plan.conditionalFormats.map((c) => c.range), ...plan.names.map((n) => n.range)];
  return Math.max(0, ...plan.cells.map((c) => c.col), ...plan.columns.map((c) => c.col), ...ranges.map((r) => r.right));
}

function limit(text: string, max: number, what: string): string {
  if (text.length > max) throw new PlanError(`validation ${what} is ${text.length} characters, Excel allows ${max}: ${text.slice(0, 40)}…`);
  return text;
}

/** Excel's defined-name syntax: a letter, _ or \ first, no spaces, and not a cell reference. */
const NAME = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
const LOOKS_LIKE_REFERENCE = /^(?:[A-Za-z]{1,3}\d+|[RrCc]\d*|[Rr]\d*[Cc]\d*)$/;

/** Mistakes a spreadsheet would reject or quietly turn into something else. */
function checkPlan(plan: SheetPlan): void {
  const where = (c: Cell) => `${plan.name}!${colLetter(c.col)}${c.row}`;
  const mergedOver = new Set<string>();
  for (const m of plan.merges) eachCell(m, (r, c) => (r !== m.top || c !== m.left) && mergedOver.add(`${r},${c}`));
  for (const c of plan.cells) {
    if (c.formula !== undefined && /^\s*=/.test(c.formula)) throw new PlanError(`${where(c)}: formulas are written without the leading "=": ${c.formula}`);
    if ((c.formula !== undefined || (c.value !== undefined && c.value !== null)) && mergedOver.has(`${c.row},${c.col}`)) {
      throw new PlanError(`${where(c)}: a value inside a merged area is lost; put it in the area's top-left cell`);
    }
  }
  plan.validations.forEach((a, i) => {
    const b = plan.validations.slice(i + 1).find((v) => intersects(a.range, v.range));
    if (b) throw new PlanError(`${plan.name}: validations on ${address(a.range)} and ${address(b.range)} overlap; a cell takes one rule`);
  });
  for (const n of plan.names) {
    if (!NAME.test(n.name) || LOOKS_LIKE_REFERENCE.test(n.name)) throw new PlanError(`${plan.name}: "${n.name}" is not a valid defined name`);
  }
}

function intersects(a: Range, b: Range): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** A1 for a single cell, A1:B2 for an area. */
function address(range: Range, fixed = false): string {
  return range.top === range.bottom && range.left === range.right ? ref(range.top, range.left, fixed) : rangeRef(range, fixed);
}

function eachCell(range: Range, f: (row: number, col: number) => unknown): void {
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) f(r, c);
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * exceljs keeps defined names workbook-wide and merges equal names, so two sheets that both
 * name their total 总分 would share one broken name. Its writer does emit localSheetId when a
 * name carries one, so the names are handed to it already scoped to their sheet.
 */
function scopeNames(workbook: ExcelJS.Workbook, names: ScopedName[]): void {
  Object.defineProperty(workbook.definedNames, "model", { get: () => names, configurable: true });
}
