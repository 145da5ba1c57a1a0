/**
 * SheetPlan[] → new worksheets in the open workbook, through Office.js. The twin of
 * src/xlsx/writer.ts: the same plan gives the same cells, formulas, formats, validations,
 * conditional formats, names, panes, print setup, protection and marker.
 *
 * Syncs: one to read the sheet names already taken (a new sheet never overwrites one: a taken
 * "表1" becomes "表1 (2)"), one to write everything, with calculation suspended while writing,
 * and one to calculate the new sheets (suspending leaves that to the caller).
 * Every write is queued as whole blocks (one 2D array of formats and one of formulas per block of
 * neighbouring cells, one format per rectangle of equally styled cells), and the queue is cut into
 * more batches — one more sync each — only when its estimated request size (the UTF-8 bytes of
 * the JSON queued) would pass BATCH_BUDGET, 4 MB, below Excel on the web's 5 MB payload limit.
 * Every official sheet with its sample data is below it (38–573 KB each, 2.1 MB all sixteen at
 * once), and so is every one at its largest parameters but the two batch scoring sheets, whose
 * per-answer word checks (each answer cleaned of spaces the way the engine reads it) make them
 * split past about 170 (表1) and 310 (表2) rows: at 500 rows ≈ 12 MB in three write requests and
 * ≈ 7 MB in two. tests/office/insert.test.ts holds all this.
 *
 * Nothing is thrown to the caller: a failure (an Office error, Excel refusing a value) comes
 * back as a result with a zh/en cause and Office's own error code and message.
 */
import type { Text } from "../../templates/schema";
import { colLetter, rangeRef, ref } from "../sheets/formula";
import { encodeMarker } from "../sheets/marker";
import type { Cell, ConditionalFormat, PrintSetup, Range, SheetPlan, Style, Validation } from "../sheets/plan";
import { uniqueSheetName } from "../xlsx/sheet-names";

/** Excel.run inside the add-in; a recording double in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeFailure {
  /** What went wrong, in words for the user (without Office's code and message, which follow). */
  message: Text;
  /** Office's error code (OfficeExtension.Error.code), e.g. "InvalidArgument", when Office gave one. */
  code?: string;
  /** Office's own message, untranslated. */
  officeMessage?: string;
}

export type InsertResult =
  /** sheets: the name each plan got, in plan order; syncs: context.sync() calls made. */
  | { ok: true; sheets: string[]; syncs: number }
  | { ok: false; failure: OfficeFailure };

/** Excel on the web refuses a request larger than 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What one batch may queue, by estimate: the limit less a margin for the estimate's error. */
export const BATCH_BUDGET = 4 * 1024 * 1024;
/** A block of cells is cut into row bands no larger than this, so one write never fills a batch. */
const BLOCK_BUDGET = 512 * 1024;
/** Per queued call: object paths, ids and property names around the data (measured order of magnitude). */
const CALL_OVERHEAD = 200;


/** One queued Office.js call: its estimated share of the request, and what it queues. */
interface Write {
  size: number;
  queue(target: Target): void;
}

/** Where the writes go: the request context and the sheets added so far, in plan order. */
interface Target {
  context: Excel.RequestContext;
  sheets: Excel.Worksheet[];
}

export async function insertPlans(run: ExcelRun, plans: SheetPlan[]): Promise<InsertResult> {
  if (plans.length === 0) return { ok: true, sheets: [], syncs: 0 };
  let syncs = 0;
  try {
    return await run(async (context) => {
      const sync = async () => {
        syncs++;
        await context.sync();
      };
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name");
      await sync();
      const taken = worksheets.items.map((w) => w.name);
      const names: string[] = [];
      for (const plan of plans) names.push(uniqueSheetName(plan.name, [...taken, ...names]));

      const writes = planWrites(plans, names);
      const target: Target = { context, sheets: [] };
      try {
        for (const batch of batches(writes)) {
          context.application.suspendApiCalculationUntilNextSync();
          for (const w of batch) w.queue(target);
          await sync();
        }
        // Excel leaves recalculating to the caller after suspendApiCalculationUntilNextSync: the
        // new sheets are calculated now, so no formula shows a stale or empty result.
        for (const sheet of target.sheets) sheet.calculate(true);
        await sync();
      } catch (e) {
        // A half-written sheet is worse than none: remove what this call added, then report.
        await removeSheets(context, names);
        throw e;
      }
      return { ok: true as const, sheets: names, syncs };
    });
  } catch (e) {
    return { ok: false, failure: officeFailure(e, { zh: "无法在工作簿中插入工作表", en: "could not insert the sheets into the workbook" }) };
  }
}

/** Best effort: a sheet that cannot be removed now stays, and the failure still reports the cause. */
async function removeSheets(context: Excel.RequestContext, names: string[]): Promise<void> {
  try {
    // The names were free before this call, so a sheet bearing one now is one this call added
    // (possibly by the failed batch itself: Office runs a batch's calls up to the failing one).
    const found = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
    found.forEach((s) => s.load("name"));
    await context.sync();
    found.forEach((s) => {
      if (!s.isNullObject) s.delete();
    });
    await context.sync();
  } catch {
    // The workbook may be in a state that refuses this too; the original cause matters more.
  }
}

/** The error Office gave (OfficeExtension.Error: code, message), or any other thrown value, as a failure. */
export function officeFailure(e: unknown, what: Text): OfficeFailure {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = err && typeof err.code === "string" ? err.code : undefined;
  const officeMessage = err && typeof err.message === "string" ? err.message : String(e);
  const hint = code && Object.prototype.hasOwnProperty.call(HINTS, code) ? HINTS[code] : undefined;
  return {
    // Office's own code and message are kept apart (the task pane shows them after this text).
    message: { zh: `${what.zh}${hint ? `：${hint.zh}` : ""}`, en: `${what.en}${hint ? `: ${hint.en}` : ""}` },
    ...(code ? { code } : {}),
    officeMessage,
  };
}

const HINTS: Record<string, Text> = {
  RequestPayloadSizeLimitExceeded: { zh: "一次写入的数据超过了 Excel 网页版 5 MB 的上限", en: "one request passed Excel on the web's 5 MB limit" },
  InvalidArgument: { zh: "Excel 拒绝了写入的内容", en: "Excel refused a value written" },
  AccessDenied: { zh: "工作簿受保护或为只读", en: "the workbook is protected or read-only" },
  ItemAlreadyExists: { zh: "已有同名工作表", en: "a sheet of that name already exists" },
  ApiNotFound: { zh: "此版本的 Excel 不支持所需的功能", en: "this Excel lacks an API the writer needs" },
  GeneralException: { zh: "Excel 内部错误", en: "an internal Excel error" },
};

/** Writes in order, cut into batches whose estimated size stays within the budget. */
export function batches(writes: Write[], budget = BATCH_BUDGET): Write[][] {
  const out: Write[][] = [];
  let current: Write[] = [];
  let size = 0;
  for (const w of writes) {
    if (current.length > 0 && size + w.size > budget) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(w);
    size += w.size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Every call the plans need, in order: add the sheets, fill them, then protect them and activate the first. */
export function planWrites(plans: SheetPlan[], names: string[]): Write[] {
  const writes: Write[] = [];
  plans.forEach((_, i) =>
    writes.push({ size: CALL_OVERHEAD + jsonBytes(names[i]), queue: (t) => (t.sheets[i] = t.context.workbook.worksheets.add(names[i])) }),
  );
  plans.forEach((plan, i) => writes.push(...sheetWrites(plan, i)));
  plans.forEach((plan, i) => {
    if (!plan.protection.enabled) return;
    writes.push(
      call(i, [plan.protection.password ?? ""], (s) => {
        // Formatting rows and columns stays allowed, as in the .xlsx: people widen a column to read.
        const options: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };
        if (plan.protection.password) s.protection.protect(options, plan.protection.password);
        else s.protection.protect(options);
      }),
    );
  });
  writes.push(call(0, [], (s) => s.activate()));
  return writes;
}

function call(sheetIndex: number, data: unknown, f: (sheet: Excel.Worksheet) => void): Write {
  return { size: CALL_OVERHEAD + jsonBytes(data), queue: (t) => f(t.sheets[sheetIndex]) };
}

/** The UTF-8 size of the data's JSON, as it travels in the request (a CJK character is 3 bytes). */
export function jsonBytes(data: unknown): number {
  return utf8Bytes(JSON.stringify(data) ?? "null");
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

function sheetWrites(plan: SheetPlan, i: number): Write[] {
  const out: Write[] = [];
  const on = (data: unknown, f: (sheet: Excel.Worksheet) => void) => out.push(call(i, data, f));
  for (const c of plan.columns) {
    const points = columnPoints(c.width);
    on([c.col, points], (s) => (s.getRange(columnAddress(c.col)).format.columnWidth = points));
    if (c.hidden) on([c.col], (s) => (s.getRange(columnAddress(c.col)).columnHidden = true));
  }
  for (const r of plan.rows) on([r.row, r.height], (s) => (s.getRange(`${r.row}:${r.row}`).format.rowHeight = r.height));

  // Formats before values: a text cell must be "@" when its text arrives, or "=1+1" would calculate.
  for (const block of cellBlocks(plan.cells)) {
    const address = rangeRef(block.range);
    const formats = block.rows.map((row) => row.map((c) => numberFormat(c)));
    const formulas = block.rows.map((row) => row.map((c) => formulaOrValue(c)));
    on([address, formats], (s) => (s.getRange(address).numberFormat = formats));
    on([address, formulas], (s) => (s.getRange(address).formulas = formulas));
  }
  for (const { range, style, locked } of styleRects(plan.cells)) {
    const address = rangeRef(range);
    on([address, style, locked], (s) => applyStyle(s.getRange(address), style, locked));
  }
  for (const m of plan.merges) on([m], (s) => s.getRange(rangeRef(m)).merge(false));

  const spare = new SpareColumns(usedRight(plan) + 1);
  for (const v of plan.validations) {
    const rule = validationRule(v, spare, on);
    const messages = validationMessages(v);
    on([rangeRef(v.range), rule, messages], (s) => {
      const dv = s.getRange(rangeRef(v.range)).dataValidation;
      dv.ignoreBlanks = true; // blank is "not answered" (ruling G3), never invalid
      dv.rule = rule;
      dv.errorAlert = messages.errorAlert;
      if (messages.prompt) dv.prompt = messages.prompt;
    });
  }
  for (const cf of plan.conditionalFormats) on([cf], (s) => addConditionalFormat(s, cf));
  for (const n of plan.names) on([n], (s) => s.names.add(n.name, s.getRange(rangeRef(n.range))));
  if (plan.freeze) {
    const { row, col } = plan.freeze;
    on([plan.freeze], (s) => {
      if (row > 1 && col > 1) s.freezePanes.freezeAt(s.getRange(`A1:${ref(row - 1, col - 1)}`));
      else if (row > 1) s.freezePanes.freezeRows(row - 1);
      else if (col > 1) s.freezePanes.freezeColumns(col - 1);
    });
  }
  out.push(...printWrites(plan.print, i));
  // The marker in the first spare column of row 1, after any dropdown lists, as the .xlsx writer puts it.
  const markerCol = spare.take(on);
  const marker = encodeMarker(plan.marker);
  on([marker], (s) => {
    const cell = s.getRange(ref(1, markerCol));
    cell.numberFormat = [["@"]];
    cell.values = [[marker]];
  });
  return out;
}

function printWrites(p: PrintSetup, i: number): Write[] {
  const out: Write[] = [];
  const on = (data: unknown, f: (sheet: Excel.Worksheet) => void) => out.push(call(i, data, f));
  on([p.paper, p.orientation, p.margins, p.fitToWidth, p.blackAndWhite], (s) => {
    const layout = s.pageLayout;
    layout.paperSize = p.paper as Excel.PaperType;
    layout.orientation = (p.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
    // Input fills and status colours are for the screen (ruling F2).
    layout.blackAndWhite = p.blackAndWhite;
    // Margins are in points in Office.js, inches in the plan.
    layout.leftMargin = p.margins.left * 72;
    layout.rightMargin = p.margins.right * 72;
    layout.topMargin = p.margins.top * 72;
    layout.bottomMargin = p.margins.bottom * 72;
    layout.headerMargin = p.margins.header * 72;
    layout.footerMargin = p.margins.footer * 72;
    // One page wide, as many pages down as the rows need (ruling F1); 0 means "automatic".
    // Otherwise 100 %, as many pages wide as needed, the repeated columns on each.
    layout.zoom = p.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: 0 } : { scale: 100 };
  });
  if (p.repeatRows) {
    const rows = `$${p.repeatRows.first}:$${p.repeatRows.last}`;
    on([rows], (s) => s.pageLayout.setPrintTitleRows(rows));
  }
  if (p.repeatColumns) {
    const cols = `$${colLetter(p.repeatColumns.first)}:$${colLetter(p.repeatColumns.last)}`;
    on([cols], (s) => s.pageLayout.setPrintTitleColumns(cols));
  }
  if (p.area) {
    const area = rangeRef(p.area, true);
    on([area], (s) => s.pageLayout.setPrintArea(area));
  }
  // A manual break goes above the row that starts the new page (HorizontalPageBreakCollection.add).
  for (const row of p.breaks ?? []) on([row], (s) => s.horizontalPageBreaks.add(`A${row}`));
  if (p.footer) {
    const sections = footerSections(p.footer);
    on([sections], (s) => {
      const footer = s.pageLayout.headersFooters.defaultForAllPages;
      if (sections.left) footer.leftFooter = sections.left;
      if (sections.center) footer.centerFooter = sections.center;
      if (sections.right) footer.rightFooter = sections.right;
    });
  }
  return out;
}

/** "&Lleft&Ccentre&Rright" → its sections; a footer without section codes is centred, as the .xlsx writer does. */
export function footerSections(footer: string): { left?: string; center?: string; right?: string } {
  if (!/&[LCR]/.test(footer)) return { center: footer };
  const out: { left?: string; center?: string; right?: string } = {};
  const key = { L: "left", C: "center", R: "right" } as const;
  for (const m of footer.matchAll(/&([LCR])((?:(?!&[LCR]).)*)/g)) out[key[m[1] as "L" | "C" | "R"]] = m[2];
  return out;
}

/**
 * A plan column width is in characters of the default font (what .xlsx stores); Office.js
 * takes points: width × 7 px + 5 px padding for Calibri 11, at 0.75 pt per pixel.
 */
export function columnPoints(width: number): number {
  return Math.round((width * 7 + 5) * 0.75 * 100) / 100;
}

function columnAddress(col: number): string {
  return `${colLetter(col)}:${colLetter(col)}`;
}

/**
 * Whether Excel would keep this string as it is when written to a General cell. Excel turns
 * "=…" into a formula, "+86 …", "-5%", "0571-1234", "1e5", "2024/1/2", "TRUE", "#N/A" into
 * numbers, dates, booleans or errors, and "@…" into a formula too; a string with no digit that
 * starts with none of = + - @ # and is no boolean is safe, every other one is written as text ("@").
 * Excel in a Chinese or Japanese locale reads the full-width forms an IME types the same way
 * (＝HYPERLINK(…) a formula, １２３ a number: issue 15), so the test is made on the NFKC form,
 * where ＝ ＋ － ＠ ＃ and full-width digits are their ASCII selves; any decimal digit counts,
 * and so does the minus sign U+2212.
 */
export function keepsAsTyped(text: string): boolean {
  const folded = text.normalize("NFKC");
  return !/\p{Nd}/u.test(folded) && !/^\s*[=+\-\u2212@#']/.test(folded) && !/^\s*(true|false)\s*$/i.test(folded);
}

function numberFormat(c: Cell): string {
  if (c.formula === undefined && typeof c.value === "string" && !keepsAsTyped(c.value)) return "@";
  return c.style?.numberFormat ?? "General";
}

/** What Range.formulas takes for the cell: "=…" for a formula, the constant otherwise ("" for none). */
function formulaOrValue(c: Cell): string | number | boolean {
  if (c.formula !== undefined) return `=${c.formula}`;
  return c.value ?? "";
}

interface Block {
  range: Range;
  /** Cells by row then column; every position of the range has a cell. */
  rows: Cell[][];
}

/**
 * The plan's cells as rectangles to write with one 2D array each: runs of neighbouring cells in
 * a row, stacked while the next row has a run over the same columns, and cut into row bands so
 * no block's data passes BLOCK_BUDGET.
 */
export function cellBlocks(cells: Cell[]): Block[] {
  const byRow = new Map<number, Cell[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  const runs: Cell[][] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const sorted = byRow.get(row)!.sort((a, b) => a.col - b.col);
    let run: Cell[] = [];
    for (const c of sorted) {
      if (run.length > 0 && c.col === run[run.length - 1].col) run[run.length - 1] = c; // a later cell replaces an earlier one
      else if (run.length > 0 && c.col !== run[run.length - 1].col + 1) {
        runs.push(run);
        run = [c];
      } else run.push(c);
    }
    if (run.length > 0) runs.push(run);
  }
  const blocks: Block[] = [];
  const open = new Map<string, Block>(); // "left,right" → the block that ended on the previous row
  for (const run of runs) {
    const left = run[0].col;
    const right = run[run.length - 1].col;
    const row = run[0].row;
    const key = `${left},${right}`;
    const b = open.get(key);
    if (b && b.range.bottom === row - 1 && blockSize(b) + runSize(run) <= BLOCK_BUDGET) {
      b.rows.push(run);
      b.range.bottom = row;
    } else {
      const block = { range: { top: row, left, bottom: row, right }, rows: [run] };
      blocks.push(block);
      open.set(key, block);
    }
  }
  return blocks;
}

const sizes = new WeakMap<Block, number>();
function blockSize(b: Block): number {
  let size = sizes.get(b);
  if (size === undefined) {
    size = b.rows.reduce((n, r) => n + runSize(r), 0);
  } else size += runSize(b.rows[b.rows.length - 1]);
  sizes.set(b, size);
  return size;
}

function runSize(run: Cell[]): number {
  return run.reduce((n, c) => n + jsonBytes(formulaOrValue(c)) + jsonBytes(numberFormat(c)) + 2, 0);
}

interface StyleRect {
  range: Range;
  style: Style;
  locked: boolean;
}

/** Cells with the same style and lock as rectangles: row runs stacked while the run repeats below. */
export function styleRects(cells: Cell[]): StyleRect[] {
  const latest = new Map<string, Cell>();
  for (const c of cells) latest.set(`${c.row},${c.col}`, c);
  const keyed = [...latest.values()]
    .filter((c) => c.style !== undefined || c.locked === false)
    .map((c) => ({ c, key: JSON.stringify([c.style ?? {}, c.locked !== false]) }))
    .sort((a, b) => a.c.row - b.c.row || a.c.col - b.c.col);
  const runs: { row: number; left: number; right: number; key: string; cell: Cell }[] = [];
  for (const { c, key } of keyed) {
    const last = runs[runs.length - 1];
    if (last && last.row === c.row && last.key === key && last.right === c.col - 1) last.right = c.col;
    else runs.push({ row: c.row, left: c.col, right: c.col, key, cell: c });
  }
  const rects: StyleRect[] = [];
  const open = new Map<string, StyleRect>();
  for (const r of runs) {
    const key = `${r.key}|${r.left},${r.right}`;
    const rect = open.get(key);
    if (rect && rect.range.bottom === r.row - 1) rect.range.bottom = r.row;
    else {
      const made = { range: { top: r.row, left: r.left, bottom: r.row, right: r.right }, style: r.cell.style ?? {}, locked: r.cell.locked !== false };
      rects.push(made);
      open.set(key, made);
    }
  }
  return rects;
}

/** ARGB "FFD9E1F2" → "#D9E1F2", as Office.js takes colours. */
export function color(argb: string): string {
  return `#${argb.length === 8 ? argb.slice(2) : argb}`;
}

function applyStyle(range: Excel.Range, style: Style, locked: boolean): void {
  const format = range.format;
  if (style.font) {
    const f = style.font;
    if (f.name) format.font.name = f.name;
    if (f.size) format.font.size = f.size;
    if (f.bold) format.font.bold = true;
    if (f.italic) format.font.italic = true;
    if (f.color) format.font.color = color(f.color);
  }
  if (style.fill) format.fill.color = color(style.fill);
  if (style.border) {
    const weight = (style.border === "medium" ? "Medium" : "Thin") as Excel.BorderWeight;
    // Every cell of the rectangle is bordered: its edges and the lines inside it.
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as Excel.BorderIndex[]) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous" as Excel.BorderLineStyle;
      border.weight = weight;
      border.color = "#000000";
    }
  }
  if (style.horizontal) format.horizontalAlignment = ({ left: "Left", center: "Center", right: "Right" } as const)[style.horizontal] as Excel.HorizontalAlignment;
  if (style.vertical) format.verticalAlignment = ({ top: "Top", middle: "Center", bottom: "Bottom" } as const)[style.vertical] as Excel.VerticalAlignment;
  if (style.wrap) format.wrapText = true;
  if (!locked) format.protection.locked = false;
}

/** Excel's limits on data validation texts and inline lists, as in the .xlsx writer. */
const LIMITS = { prompt: 255, error: 225, inlineList: 255 };

type On = (data: unknown, f: (sheet: Excel.Worksheet) => void) => void;

function validationRule(v: Validation, spare: SpareColumns, on: On): Excel.DataValidationRule {
  if (v.kind === "list") {
    const inline = v.options.join(",");
    if (inline.length + 2 <= LIMITS.inlineList && !v.options.some((o) => o.includes(",") || o.includes('"'))) return { list: { inCellDropDown: true, source: inline } };
    // Too long, or an option with a comma: the options go down a hidden spare column the list refers to.
    const col = spare.take(on);
    const values = v.options.map((o) => [o]);
    const address = `${ref(1, col)}:${ref(v.options.length, col)}`;
    on([address, values], (s) => {
      const range = s.getRange(address);
      range.numberFormat = values.map(() => ["@"]);
      range.values = values;
    });
    return { list: { inCellDropDown: true, source: `=${ref(1, col, true)}:${ref(v.options.length, col, true)}` } };
  }
  const basic: Excel.BasicDataValidation = { formula1: v.min, formula2: v.max, operator: "Between" as Excel.DataValidationOperator };
  if (v.kind === "decimal") return { decimal: basic };
  if (v.kind === "whole") return { wholeNumber: basic };
  return { textLength: basic };
}

function validationMessages(v: Validation): { errorAlert: Excel.DataValidationErrorAlert; prompt?: Excel.DataValidationPrompt } {
  return {
    errorAlert: { showAlert: true, style: "Stop" as Excel.DataValidationAlertStyle, title: "输入有误", message: limit(v.error.zh, LIMITS.error, "error") },
    ...(v.prompt ? { prompt: { showPrompt: true, title: "填写说明", message: limit(v.prompt.zh, LIMITS.prompt, "prompt") } } : {}),
  };
}

/** A plan a spreadsheet would refuse: the same check as the .xlsx writer, before anything is written. */
function limit(text: string, max: number, what: string): string {
  if (text.length > max) throw new Error(`validation ${what} is ${text.length} characters, Excel allows ${max}: ${text.slice(0, 40)}…`);
  return text;
}

function addConditionalFormat(s: Excel.Worksheet, cf: ConditionalFormat): void {
  const format = s.getRange(rangeRef(cf.range)).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  format.custom.rule.formula = `=${cf.formula}`;
  if (cf.style.fill) format.custom.format.fill.color = color(cf.style.fill);
  const f = cf.style.font;
  if (f?.color) format.custom.format.font.color = color(f.color);
  if (f?.bold) format.custom.format.font.bold = true;
  if (f?.italic) format.custom.format.font.italic = true;
}

/** Hidden columns right of everything the plan uses, for dropdown lists and the marker. */
class SpareColumns {
  constructor(private next: number) {}

  take(on: On): number {
    const col = this.next++;
    on([col], (s) => (s.getRange(columnAddress(col)).columnHidden = true));
    return col;
  }
}

/** The rightmost column the plan puts anything in. */
function usedRight(plan: SheetPlan): number {
  const ranges: Range[] = [...plan.merges, ...plan.validations.map((v) => v.range), ...plan.conditionalFormats.map((c) => c.range), ...plan.names.map((n) => n.range)];
  return Math.max(0, ...plan.cells.map((c) => c.col), ...plan.columns.map((c) => c.col), ...ranges.map((r) => r.right));
}

