/**
 * .xlsx bytes → the sheets Assessbook built, recognised by their marker cell, with the cells a
 * caller keeps. Whatever a user did to the workbook after it left Assessbook (sheets renamed,
 * deleted or added, cells cleared) reads as data, never as a crash: a missing cell is blank, an
 * unmarked sheet is listed without a marker.
 *
 * A lean reader of its own rather than exceljs, because the files come from strangers: through
 * the gate (src/xlsx/gate.ts), every part is inflated once, as a stream, into a scan
 * (src/xlsx/xml-scan.ts) that stops where it has what it needs. Only the cells kept (by default
 * all of a marked sheet; for a merge, the ones its checks read) outlive the reading, so memory
 * follows the data kept, not the file. An unmarked sheet is read to the end of row 1 (where the
 * marker would be), a marked one to MAX_ROWS; a text is at most MAX_CELL_CHARS characters.
 *
 * What a spreadsheet shows is what is read: shared strings (rich text as its text, phonetic runs
 * left out, _xHHHH_ escapes decoded as Excel does), inline strings, numbers, booleans, errors,
 * dates (a number in a date format, as yyyy-mm-dd or yyyy-mm-dd hh:mm), formulas with their
 * cached results (a text result, t="str", or t="s" as Gnumeric writes it, is text), and a merged
 * area's other cells as its top-left cell.
 */
import { decodeMarker } from "../sheets/marker";
import type { ReadCell, ReadSheet, Scalar } from "../sheets/check-sheet";
import type { SheetMarker } from "../sheets/plan";
import { MAX_CELL_CHARS, MAX_ROWS, MAX_SHARED_CHARS, MAX_SHARED_STRINGS, openWorkbookZip, refuse, type WorkbookZip } from "./gate";
import { XmlScanner, type Attrs, type XmlHandler } from "./xml-scan";

// The shapes live with the check, which runs without a file format (in the task pane too).
export type { ReadCell, ReadSheet, Scalar } from "../sheets/check-sheet";
export { UnreadableWorkbook } from "./gate";

/**
 * Which cells of a marked sheet to keep: all of them, or those a predicate names. The predicate
 * answers "result" for a cell whose formula text the caller never reads (a result cell the check
 * compares by what it shows): a formula there is kept with its result and an empty text, since
 * the formulas of a consolidated table run to tens of kilobytes a file.
 */
export type KeepCells = "all" | ((row: number, col: number) => boolean | "result");

export interface ReadOptions {
  /** Per marked sheet, from its marker; all cells when not given. */
  keep?: (marker: SheetMarker) => KeepCells;
  /** Rows read on a marked sheet; a value further down is refused. */
  maxRows?: number;
}

/** Throws UnreadableWorkbook (with its kind and a one-line reason) for anything the gate or the reader refuses. */
export async function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadSheet[]> {
  return readWorkbookSync(bytes, options);
}

export function readWorkbookSync(bytes: Uint8Array, options: ReadOptions = {}): ReadSheet[] {
  return readWorkbookZip(openWorkbookZip(bytes), options);
}

/**
 * readWorkbookSync for a zip already through the gate, whose carried templates may have been read
 * from it first (src/merge/read-source.ts): the parts read then are not inflated again.
 */
export function readWorkbookZip(zip: WorkbookZip, { keep = () => "all", maxRows = MAX_ROWS }: ReadOptions = {}): ReadSheet[] {
  const workbook = readWorkbookPart(zip);
  const rels = readRels(zip, "xl/_rels/workbook.xml.rels", "xl/");
  const sheetParts = workbook.sheets.map((s) => {
    const target = rels.get(s.rel)?.target;
    if (!target || !zip.has(target)) refuse("unreadable", `工作簿无法读取：工作表“${s.name}”没有对应的部件`, `the workbook cannot be read: sheet "${s.name}" has no part`);
    return target;
  });
  const styles = relOfType(rels, "styles");
  const strings = relOfType(rels, "sharedStrings");
  const ourResults = zip.has(APP_PART) && writtenByAssessbook(zip);
  // Every part not read is still inflated and checked, before any verdict on the content.
  zip.checkRest([...sheetParts, styles, strings].filter((p): p is string => p !== null));
  const context: SheetContext = {
    dateStyles: styles && zip.has(styles) ? readDateStyles(zip, styles) : [],
    date1904: workbook.date1904,
    shared: strings && zip.has(strings) ? readSharedStrings(zip, strings) : [],
    maxRows,
    keep,
    calculated: false,
    heldChars: 0,
  };
  const sheets = workbook.sheets.map((s, i) => readSheet(zip, sheetParts[i], s.name, context));
  if (ourResults) for (const sheet of sheets) forgetResults(sheet);
  return sheets.map((sheet) => readSheetOf(sheet, context.calculated && !ourResults));
}

const APP_PART = "docProps/app.xml";

/**
 * Whether the file is as Assessbook wrote it (app.xml names it; every spreadsheet that saves the
 * file writes its own name there). Its formula results are then the ones Assessbook computed
 * when writing (src/sheets/calc), not a spreadsheet's: checking them against the engine would
 * report "all agree" without any spreadsheet having calculated the sheet, so they are read as
 * not calculated yet.
 */
function writtenByAssessbook(zip: WorkbookZip): boolean {
  let application = "";
  scan(zip, APP_PART, (scanner) => ({
    attributesOf: new Map(),
    open(name) {
      if (name === "Application") scanner.capture(1024, () => refuse("unreadable", "docProps/app.xml 中的应用程序名称过长", "the application name in docProps/app.xml is too long"));
    },
    close(name) {
      if (name === "Application") {
        application = scanner.takeText();
        scanner.stop();
      }
    },
  }));
  return application.trim() === "Assessbook";
}

function forgetResults(sheet: ReadSheetCells): void {
  const forget = (kept: Kept): Kept => (kept.kind === "formula" ? { ...kept, result: undefined } : kept);
  for (const [at, kept] of sheet.cells) sheet.cells.set(at, forget(kept));
  for (const area of sheet.areas) area.master = forget(area.master);
}

/**
 * The sheet as callers see it. Made here, apart from readWorkbookSync: a closure keeps its whole
 * function's captured scope alive, and there that is the file's bytes and its shared strings.
 * The cells kept and one flag are all that outlive the reading.
 */
function readSheetOf({ name, marker, cells, areas }: ReadSheetCells, calculated: boolean): ReadSheet {
  return { name, marker, cell: (row, col) => cellAt(cells, areas, row, col, calculated) };
}

// ---- parts ----

/** Scans one part as it inflates; the handler is made with the scanner, to capture text and stop. */
function scan(zip: WorkbookZip, part: string, make: (scanner: XmlScanner) => XmlHandler): void {
  const to: { handler: XmlHandler | null } = { handler: null };
  const scanner = new XmlScanner(part, {
    get attributesOf() {
      return to.handler?.attributesOf;
    },
    open: (name, attrs) => to.handler?.open(name, attrs),
    close: (name) => to.handler?.close(name),
  });
  to.handler = make(scanner);
  zip.inflate(part, (chunk) => scanner.feed(chunk));
  scanner.end();
}

interface WorkbookPart {
  date1904: boolean;
  sheets: { name: string; rel: string }[];
}

function readWorkbookPart(zip: WorkbookZip): WorkbookPart {
  const out: WorkbookPart = { date1904: false, sheets: [] };
  scan(zip, "xl/workbook.xml", () => ({
    attributesOf: new Map([
      ["workbookPr", ["date1904"]],
      ["sheet", ["name", "id"]],
    ]),
    open(name, attrs) {
      if (name === "workbookPr") out.date1904 = attrs.date1904 === "1" || attrs.date1904 === "true";
      else if (name === "sheet") {
        if (out.sheets.length >= 1000) refuse("over-limit", "工作簿中的工作表超过 1000 张", "the workbook has more than 1000 sheets");
        out.sheets.push({ name: attrs.name ?? "", rel: attrs.id ?? "" });
      }
    },
    close() {},
  }));
  return out;
}

interface Rel {
  type: string;
  target: string;
}

/** A part's relationships: id → type and the target part's name, resolved against the base folder. */
function readRels(zip: WorkbookZip, part: string, base: string): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  if (!zip.has(part)) return rels;
  scan(zip, part, () => ({
    attributesOf: new Map([["Relationship", ["Id", "Type", "Target", "TargetMode"]]]),
    open(name, attrs: Attrs) {
      if (name !== "Relationship" || attrs.TargetMode === "External" || !attrs.Id || !attrs.Target) return;
      const target = resolvePart(base, attrs.Target);
      if (target === null) refuse("unreadable", `工作簿无法读取：关系 ${attrs.Id} 指向包外`, `the workbook cannot be read: relationship ${attrs.Id} points outside the package`);
      rels.set(attrs.Id, { type: attrs.Type ?? "", target });
    },
    close() {},
  }));
  return rels;
}

function relOfType(rels: Map<string, Rel>, type: string): string | null {
  for (const rel of rels.values()) if (rel.type.endsWith(`/${type}`)) return rel.target;
  return null;
}

/** A relationship's target as a part name: relative to the base folder, or absolute; null when it climbs out of the package. */
function resolvePart(base: string, target: string): string | null {
  const path = target.startsWith("/") ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.join("/");
}

/** Excel's built-in date and time formats (the ones exceljs knows too); others by their code. */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a number format shows a date or time: a y, m, d, h, s (or b) outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Per cell style index: whether its number format is a date. */
function readDateStyles(zip: WorkbookZip, part: string): boolean[] {
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  scan(zip, part, () => ({
    attributesOf: new Map([
      ["numFmt", ["numFmtId", "formatCode"]],
      ["xf", ["numFmtId"]],
    ]),
    open(name, attrs) {
      if (name === "numFmt") custom.set(Number(attrs.numFmtId), isDateFormat(attrs.formatCode ?? ""));
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        // Excel allows 64,000 cell formats.
        if (styles.length >= 65_536) refuse("over-limit", "工作簿的单元格格式超过 65536 种", "the workbook has more than 65536 cell formats");
        const id = Number(attrs.numFmtId ?? 0);
        styles.push(custom.get(id) ?? BUILTIN_DATES.has(id));
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  }));
  return styles;
}

/** Raw bytes a text of MAX_CELL_CHARS characters can take: 3 per character in UTF-8, more when escaped as entities. */
const MAX_TEXT_BYTES = MAX_CELL_CHARS * 8;

function tooLongShared(index: number): never {
  refuse("over-limit", `共享字符串 ${index} 的文字超过 ${MAX_CELL_CHARS} 个字符（Excel 单元格的上限）`, `shared string ${index} holds a text of more than ${MAX_CELL_CHARS} characters (Excel's limit for a cell)`);
}

/** Excel writes characters XML cannot carry as _xHHHH_ (and a literal "_x" as _x005F_x); the text is what Excel shows. */
function unescapeOoxml(text: string): string {
  return text.indexOf("_x") < 0 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function readSharedStrings(zip: WorkbookZip, part: string): string[] {
  const strings: string[] = [];
  let total = 0;
  let current: string[] | null = null;
  let phonetic = 0;
  scan(zip, part, (scanner) => ({
    attributesOf: new Map(),
    open(name) {
      if (name === "si") {
        if (strings.length >= MAX_SHARED_STRINGS) refuse("over-limit", `共享字符串超过 ${MAX_SHARED_STRINGS} 个`, `more than ${MAX_SHARED_STRINGS} shared strings`);
        current = [];
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && current && phonetic === 0) scanner.capture(MAX_TEXT_BYTES, () => tooLongShared(strings.length + 1));
    },
    close(name) {
      if (name === "t" && current && phonetic === 0) current.push(unescapeOoxml(scanner.takeText()));
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        const text = current.length === 1 ? current[0] : current.join("");
        if (text.length > MAX_CELL_CHARS) tooLongShared(strings.length + 1);
        total += text.length;
        if (total > MAX_SHARED_CHARS) refuse("over-limit", `共享字符串共超过 ${MAX_SHARED_CHARS} 个字符`, `the shared strings hold more than ${MAX_SHARED_CHARS} characters`);
        strings.push(text);
        current = null;
      }
    },
  }));
  return strings;
}

// ---- sheets ----

interface SheetContext {
  dateStyles: boolean[];
  date1904: boolean;
  shared: string[];
  maxRows: number;
  keep: (marker: SheetMarker) => KeepCells;
  /** Whether a spreadsheet has calculated the workbook: some formula has a cached value. */
  calculated: boolean;
  /** Characters of text held for the caller (and for row 1 until its marker is known), against MAX_HELD_CHARS. */
  heldChars: number;
}

/** Text held from one workbook: a marked sheet's cells, row 1 while the marker is looked for. Real ones hold kilobytes. */
const MAX_HELD_CHARS = 4_000_000;

function hold(context: SheetContext, kept: Kept): void {
  const value = kept.kind === "value" ? kept.value : kept.result;
  if (typeof value !== "string") return;
  context.heldChars += value.length;
  if (context.heldChars > MAX_HELD_CHARS) {
    refuse("over-limit", `工作簿中要读取的文字超过 ${MAX_HELD_CHARS} 个字符`, `the workbook holds more than ${MAX_HELD_CHARS} characters of text where cells are read`);
  }
}

/** A formula's result before the workbook is known calculated or not: undefined when none was saved. */
type Kept = { kind: "value"; value: Scalar } | { kind: "formula"; formula: string; result: Scalar | { error: string } | undefined };

const COLS = 16_384;
const SHEET_ATTRIBUTES: ReadonlyMap<string, readonly string[]> = new Map([
  ["row", ["r"]],
  ["c", ["r", "t", "s"]],
  ["f", ["t", "si", "ref"]],
  ["mergeCell", ["ref"]],
]);
const EXCEL_ROWS = 1_048_576;
const MAX_MERGES = 10_000;
const key = (row: number, col: number) => row * COLS + col;

interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
  master: Kept;
}

interface ReadSheetCells {
  name: string;
  marker: SheetMarker | null;
  cells: Map<number, Kept>;
  areas: MergedArea[];
}

interface CellDraft {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string | null;
  formula: string | null;
  inline: string[] | null;
  /** The id of the shared formula this cell's <f> defines. */
  sharedId?: string;
}

function readSheet(zip: WorkbookZip, part: string, name: string, context: SheetContext): ReadSheetCells {
  const cells = new Map<number, Kept>();
  const merges: { top: number; left: number; bottom: number; right: number }[] = [];
  const firstRow: { row: number; col: number; kept: Kept }[] = [];
  let marker: SheetMarker | null = null;
  let decided = false;
  let keep: KeepCells = "all";
  let row = 0;
  let col = 0;
  let cell: CellDraft | null = null;
  let inInline = 0;
  let phonetic = 0;
  const sharedFormulas = new Map<string, string>();
  const tooLongCell = (r: number, c: number): never =>
    refuse("over-limit", `工作表“${name}”的 ${colName(c)}${r} 的文字超过 ${MAX_CELL_CHARS} 个字符（Excel 单元格的上限）`, `cell ${colName(c)}${r} of sheet "${name}" holds a text of more than ${MAX_CELL_CHARS} characters (Excel's limit for a cell)`);

  let stopScan = () => {};
  /** Row 1 is over: the marker is known, and row 1's cells are kept or not like the others. */
  const decide = () => {
    decided = true;
    for (const c of firstRow) marker ??= c.kept.kind === "value" ? decodeMarker(c.kept.value) : null;
    if (!marker) {
      stopScan();
      return;
    }
    keep = context.keep(marker);
    for (const c of firstRow) store(c.row, c.col, c.kept);
    firstRow.length = 0;
  };
  const store = (r: number, c: number, kept: Kept) => {
    const wanted = keep === "all" || keep(r, c);
    if (!wanted) return;
    if (wanted === "result" && kept.kind === "formula") kept.formula = "";
    // Row 1's cells were counted while the marker was looked for.
    if (r > 1) hold(context, kept);
    cells.set(key(r, c), kept);
  };

  scan(zip, part, (scanner) => {
    stopScan = () => scanner.stop();
    const capture = (r: number, c: number) => scanner.capture(MAX_TEXT_BYTES, () => tooLongCell(r, c));
    const checkLength = (text: string, r: number, c: number) => (text.length > MAX_CELL_CHARS ? tooLongCell(r, c) : text);
    return {
      attributesOf: SHEET_ATTRIBUTES,
      open(tag, attrs) {
        switch (tag) {
          case "row": {
            row = attrs.r === undefined ? row + 1 : Number(attrs.r);
            if (!Number.isInteger(row) || row < 1 || row > EXCEL_ROWS) refuse("unreadable", `工作簿无法读取：工作表“${name}”的行号 ${attrs.r} 无效`, `the workbook cannot be read: sheet "${name}" has an invalid row number ${attrs.r}`);
            col = 0;
            if (row > 1 && !decided) decide();
            return;
          }
          case "c": {
            let r = row;
            if (attrs.r === undefined) col++;
            else {
              const at = parseRef(attrs.r);
              if (!at) refuse("unreadable", `工作簿无法读取：工作表“${name}”的单元格地址 ${attrs.r.slice(0, 20)} 无效`, `the workbook cannot be read: sheet "${name}" has an invalid cell address ${attrs.r.slice(0, 20)}`);
              [r, col] = [at.row, at.col];
            }
            if (r > 1 && !decided) decide();
            cell = { row: r, col, type: attrs.t ?? "n", style: Number(attrs.s ?? 0), value: null, formula: null, inline: null };
            return;
          }
          case "v":
            if (cell) capture(cell.row, cell.col);
            return;
          case "f":
            if (cell) {
              cell.formula = "";
              if (attrs.t === "shared" && attrs.si !== undefined && attrs.ref === undefined) cell.formula = sharedFormulas.get(attrs.si) ?? "";
              else capture(cell.row, cell.col);
              if (attrs.t === "shared" && attrs.si !== undefined && attrs.ref !== undefined) cell.sharedId = attrs.si;
            }
            return;
          case "is":
            if (cell) {
              inInline++;
              cell.inline = [];
            }
            return;
          case "rPh":
            phonetic++;
            return;
          case "t":
            if (cell && inInline > 0 && phonetic === 0) capture(cell.row, cell.col);
            return;
          case "mergeCell": {
            if (!decided) decide();
            const range = parseRange(attrs.ref ?? "");
            if (!range || range.top > context.maxRows) return;
            if (merges.length >= MAX_MERGES) refuse("over-limit", `工作表“${name}”的合并区域超过 ${MAX_MERGES} 个`, `sheet "${name}" has more than ${MAX_MERGES} merged areas`);
            merges.push(range);
            return;
          }
        }
      },
      close(tag) {
        if (!cell) {
          if (tag === "sheetData" && !decided) decide();
          return;
        }
        const c: CellDraft = cell;
        switch (tag) {
          case "v":
            c.value = scanner.takeText();
            return;
          case "f": {
            const shared = c.sharedId;
            const formula = c.formula === "" || c.formula === null ? scanner.takeText() : c.formula;
            c.formula = formula;
            if (shared !== undefined) sharedFormulas.set(shared, formula);
            return;
          }
          case "t":
            if (inInline > 0 && phonetic === 0) c.inline?.push(unescapeOoxml(scanner.takeText()));
            return;
          case "rPh":
            phonetic--;
            return;
          case "is":
            inInline--;
            return;
          case "c": {
            cell = null;
            const kept = toKept(c, context, checkLength);
            if (!kept) return;
            if (c.row > context.maxRows) {
              refuse("over-limit", `工作表“${name}”在第 ${context.maxRows} 行以下还有内容（${colName(c.col)}${c.row}），超过读取上限`, `sheet "${name}" has content below row ${context.maxRows} (${colName(c.col)}${c.row}), past the rows read`);
            }
            if (kept.kind === "formula" && kept.result !== undefined) context.calculated = true;
            if (!decided) {
              hold(context, kept);
              firstRow.push({ row: c.row, col: c.col, kept });
            }
            else store(c.row, c.col, kept);
            return;
          }
        }
      },
    };
  });
  // A sheet whose rows all sit in row 1 (or none) ends without a row 2.
  if (!decided) decide();
  if (!marker) return { name, marker: null, cells: new Map(), areas: [] };
  // A merged area's other cells show its top-left cell (exceljs and spreadsheets alike): what
  // they hold themselves is hidden, and a lookup inside the area finds the top-left cell
  // (cellAt), without a copy per cell (an area may span a million cells).
  const areas: MergedArea[] = [];
  for (const m of merges) {
    const master = cells.get(key(m.top, m.left));
    // The cheaper way round: an area's own positions when it is smaller than the cells kept (a
    // form's areas are a few cells each), else one pass over the cells (a Map may lose entries
    // while iterated). Every area against every cell would be merges × cells per sheet.
    const size = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (size <= cells.size) {
      for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) cells.delete(key(r, c));
    } else {
      for (const k of cells.keys()) {
        const r = Math.floor(k / COLS);
        const c = k % COLS;
        if (r < m.top || r > m.bottom || c < m.left || c > m.right || (r === m.top && c === m.left)) continue;
        cells.delete(k);
      }
    }
    // Written out, not spread: V8 gives each `{ ...m, master }` a hidden class of its own, some
    // 200 bytes an area that stayed alive with the file's cells (tens of areas a form).
    if (master) areas.push({ top: m.top, left: m.left, bottom: m.bottom, right: m.right, master });
  }
  return { name, marker, cells, areas };
}

/** A cell as kept: null when blank. */
function toKept(c: CellDraft, context: SheetContext, checkLength: (text: string, row: number, col: number) => string): Kept | null {
  const isDate = context.dateStyles[c.style] === true;
  if (c.formula !== null) {
    return { kind: "formula", formula: c.formula, result: c.value === null ? undefined : (typed(c, c.value, isDate, context, checkLength) ?? undefined) };
  }
  if (c.type === "inlineStr") {
    if (c.inline !== null) return { kind: "value", value: checkLength(c.inline.join(""), c.row, c.col) };
  }
  if (c.value === null) return null;
  const value = typed(c, c.value, isDate, context, checkLength);
  if (value === null) return null;
  return typeof value === "object" ? { kind: "value", value: value.error } : { kind: "value", value };
}

function typed(c: CellDraft, raw: string, isDate: boolean, context: SheetContext, checkLength: (text: string, row: number, col: number) => string): Scalar | { error: string } | null {
  switch (c.type) {
    case "s": {
      const text = context.shared[Number(raw)];
      // An index past the shared strings reads as blank, as exceljs reads it.
      return text === undefined ? (c.formula !== null ? "" : null) : text;
    }
    case "str":
    case "inlineStr":
      return checkLength(raw, c.row, c.col);
    case "b":
      return raw.trim() === "1" || raw.trim() === "true";
    case "e":
      return { error: raw };
    case "d": {
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? raw : dateText(date);
    }
    default: {
      if (raw.trim() === "") return c.formula !== null ? "" : null;
      const n = Number(raw);
      if (Number.isNaN(n)) return null;
      return isDate ? dateText(excelToDate(n, context.date1904)) : n;
    }
  }
}

/** A serial date as exceljs converts it. */
function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

/** Dates as the engine takes them: yyyy-mm-dd, with the time when there is one. */
function dateText(value: Date): string {
  return value.toISOString().slice(0, value.getUTCHours() || value.getUTCMinutes() ? 16 : 10).replace("T", " ");
}

function cellAt(cells: Map<number, Kept>, areas: readonly MergedArea[], row: number, col: number, calculated: boolean): ReadCell {
  if (row < 1 || col < 1 || col > COLS) return { kind: "blank" };
  const kept = cells.get(key(row, col)) ?? areas.find((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right)?.master;
  if (!kept) return { kind: "blank" };
  if (kept.kind === "value") return kept;
  // Excel and LibreOffice save a formula whose value is "" without a value: in a calculated workbook it shows "".
  return { kind: "formula", formula: kept.formula, result: kept.result === undefined ? (calculated ? "" : null) : kept.result };
}

/** "B12" (or "$B$12") → row and column; null when it is no cell of a sheet. By hand: it runs once per cell. */
function parseRef(ref: string): { row: number; col: number } | null {
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  let col = 0;
  for (let c = ref.charCodeAt(i) & ~0x20; c >= 65 && c <= 90 && i < ref.length; c = ref.charCodeAt(++i) & ~0x20) col = col * 26 + c - 64;
  if (ref.charCodeAt(i) === 36) i++;
  const digits = ref.length - i;
  if (col < 1 || col > COLS || digits < 1 || digits > 7) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return row >= 1 && row <= EXCEL_ROWS ? { row, col } : null;
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b = a] = ref.split(":");
  const from = parseRef(a);
  const to = parseRef(b);
  if (!from || !to) return null;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

function colName(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
