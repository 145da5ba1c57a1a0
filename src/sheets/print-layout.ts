/**
 * Page arithmetic for printed sheets (rulings F1, F2): the GB/T 9704 margins, and the scale a
 * spreadsheet prints a plan at, so the smallest text after fit-to-page scaling can be checked
 * against F1's 9 pt before anything is printed.
 */
import type { PrintSetup, SheetPlan } from "./plan";

const MM_PER_INCH = 25.4;
const PT_PER_MM = 72 / MM_PER_INCH;

/** Paper sizes in millimetres, portrait (width × height). */
export const PAPER_MM = { A4: { width: 210, height: 297 }, A3: { width: 297, height: 420 } } as const;

/**
 * GB/T 9704-2012 5.2.1 for a portrait page: top 37 mm, bottom 35 mm, left (binding edge) 28 mm,
 * right 26 mm. A landscape table is the same page turned with its head at the binding edge
 * (GB/T 9704 7.5): the portrait left margin becomes the top, the right the bottom, the bottom
 * the left and the top the right. The page number sits about 7 mm under the text block.
 */
export const GBT_9704_MM = {
  portrait: { top: 37, bottom: 35, left: 28, right: 26 },
  landscape: { top: 28, bottom: 26, left: 35, right: 37 },
} as const;

/** The official margins in inches, as spreadsheets store them. */
export function officialMargins(orientation: PrintSetup["orientation"]): PrintSetup["margins"] {
  const mm = GBT_9704_MM[orientation];
  const inch = (x: number) => Math.round((x / MM_PER_INCH) * 10000) / 10000;
  // Header 15 mm from the edge; the footer's page number about 7 mm + one line under the text block.
  return { top: inch(mm.top), bottom: inch(mm.bottom), left: inch(mm.left), right: inch(mm.right), header: inch(15), footer: inch(mm.bottom - 12) };
}

/**
 * A column width (characters of the default font, as .xlsx stores it) in points. Excel draws it
 * with Calibri 11's 7-px digit at 96 dpi, 0.75 pt a pixel (ECMA-376 18.3.1.13); LibreOffice,
 * with the metric-compatible Carlito, measured about 6 % wider (7.4 px). The wider is assumed, so
 * what is planned to fit a page fits in both, and a scale computed here is never optimistic.
 */
export function columnPoints(width: number): number {
  return width * 7.4 * 0.75;
}

/** Excel's default column width, for columns a plan leaves unset. */
const DEFAULT_WIDTH = 9.140625;

/** The columns that print: the print area's, or every column the plan writes; hidden ones do not print. */
function printedColumns(plan: SheetPlan): number[] {
  const area = plan.print.area;
  const right = area?.right ?? Math.max(0, ...plan.cells.map((c) => c.col), ...plan.columns.map((c) => c.col));
  const left = area?.left ?? 1;
  const hidden = new Set(plan.columns.filter((c) => c.hidden).map((c) => c.col));
  const cols: number[] = [];
  for (let c = left; c <= right; c++) if (!hidden.has(c)) cols.push(c);
  return cols;
}

/** The printable width of the page in points. */
export function printableWidth(print: PrintSetup): number {
  const paper = PAPER_MM[print.paper];
  const width = print.orientation === "portrait" ? paper.width : paper.height;
  return (width - (print.margins.left + print.margins.right) * MM_PER_INCH) * PT_PER_MM;
}

/** The printed width of the plan's columns in points (one page wide when fitted, else all pages). */
export function printedWidth(plan: SheetPlan): number {
  const widths = new Map(plan.columns.map((c) => [c.col, c.width]));
  return printedColumns(plan).reduce((sum, c) => sum + columnPoints(widths.get(c) ?? DEFAULT_WIDTH), 0);
}

/**
 * The scale the sheet prints at: 1 unless it is fitted to one page wide and is wider than the
 * page; Excel rounds the percentage down to a whole number.
 */
export function printScale(plan: SheetPlan): number {
  if (!plan.print.fitToWidth) return 1;
  const scale = Math.min(1, printableWidth(plan.print) / printedWidth(plan));
  return Math.floor(scale * 100) / 100;
}

/** The smallest font size of any printed text after scaling, in points (ruling F1: at least 9). */
export function smallestPrintedFont(plan: SheetPlan): number {
  const cols = new Set(printedColumns(plan));
  const area = plan.print.area;
  const sizes = plan.cells
    .filter((c) => cols.has(c.col) && (!area || (c.row >= area.top && c.row <= area.bottom)))
    .filter((c) => c.formula !== undefined || (c.value !== undefined && c.value !== null && c.value !== ""))
    .map((c) => c.style?.font?.size ?? 11);
  return Math.min(...sizes) * printScale(plan);
}

/**
 * Manual page breaks that keep blocks of rows on one page: before a block (a heading and what
 * follows it, a section whose label is merged down its rows) that would run over the end of a
 * page, and at the `forced` rows. Rows are measured at the scale the sheet prints at, within the
 * margins, less the rows repeated on every page, with a little room kept for rounding; a block
 * taller than a page is left to break where it must.
 */
export function keepTogether(plan: SheetPlan, blocks: { top: number; bottom: number }[], forced: number[] = []): number[] {
  const print = plan.print;
  const paper = PAPER_MM[print.paper];
  const tall = print.orientation === "portrait" ? paper.height : paper.width;
  const scale = printScale(plan);
  const heights = new Map(plan.rows.map((r) => [r.row, r.height]));
  const height = (row: number) => (heights.get(row) ?? 15) * scale;
  const repeated = print.repeatRows ? Array.from({ length: print.repeatRows.last - print.repeatRows.first + 1 }, (_, i) => height(print.repeatRows!.first + i)).reduce((a, b) => a + b, 0) : 0;
  const page = (tall - (print.margins.top + print.margins.bottom) * MM_PER_INCH) * PT_PER_MM * 0.96;
  const last = print.area?.bottom ?? Math.max(0, ...plan.cells.map((c) => c.row));
  const breaks: number[] = [];
  let used = 0;
  let room = page;
  for (let row = 1; row <= last; row++) {
    const h = height(row);
    const block = blocks.find((k) => k.top === row);
    let need = h;
    if (block) for (let r = row + 1; r <= block.bottom; r++) need += height(r);
    const newPage = () => {
      used = 0;
      room = page - repeated;
    };
    if (row > 1 && (forced.includes(row) || (block && used > 0 && used + need > room && need <= page - repeated))) {
      breaks.push(row);
      newPage();
    } else if (used + h > room) {
      newPage();
    }
    used += h;
  }
  return breaks;
}
