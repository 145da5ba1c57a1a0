/**
 * A recording double of the Excel JavaScript API subset src/office uses, close enough to Excel's
 * behaviour where the writer depends on it:
 *
 * - calls are queued and run at context.sync(), in order; loaded properties appear only then;
 * - a request larger than 5 MB (estimated like Office.js sends it: the JSON of each call) is
 *   refused whole with RequestPayloadSizeLimitExceeded, as Excel on the web does;
 * - a string written to a cell is parsed as if typed: "=…" becomes a formula, "13800138000" or
 *   "-5%" a number, "TRUE" a boolean — unless the cell's number format is text ("@");
 * - a call that fails stops the batch there: the calls before it stay done (no rollback);
 * - a protected sheet refuses further writes; a sheet name is unique ignoring case.
 *
 * Cells are kept as what Excel would hold; formulas are not calculated: a test says what they
 * show with `calculate`. Everything else (formats, validations, layout…) is recorded as calls.
 */
import { colLetter } from "../../src/sheets/formula";
import { apiMember } from "./excel-api";

export type Scalar = string | number | boolean;

export interface DoubleCell {
  /** The constant, or the formula's calculated result ("" until `calculate`). */
  value: Scalar;
  formula?: string;
  numberFormat: string;
  error?: string;
}

/** One property set or method call on an object below a sheet, as applied at a sync. */
export interface Recorded {
  sheet: string;
  /** The range address, or "" for the sheet itself. */
  address: string;
  /** e.g. "format.font.name", "dataValidation.rule", "pageLayout.setPrintTitleRows". */
  path: string;
  /** The value set, or the call's arguments. */
  value: unknown;
}

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Op {
  size: number;
  describe: string;
  run(): void;
}

export class SheetDouble {
  readonly cells = new Map<string, DoubleCell>();
  protected = false;
  constructor(public name: string) {}

  get(row: number, col: number): DoubleCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  put(row: number, col: number, cell: Partial<DoubleCell>): void {
    const key = `${row},${col}`;
    this.cells.set(key, { value: "", numberFormat: "General", ...this.cells.get(key), ...cell });
  }
}

export interface DoubleOptions {
  /** Sheets already in the workbook. */
  sheets?: string[];
  /** Makes the call it returns true for fail, as Excel would, with this code and message. */
  failOn?: (describe: string) => { code: string; message: string } | undefined;
}

export class WorkbookDouble {
  readonly sheets: SheetDouble[];
  readonly log: Recorded[] = [];
  syncs = 0;
  suspended = 0;
  /** Estimated size of each request sent. */
  readonly requests: number[] = [];
  active: string;
  runs = 0;
  /** Each application.calculate's calculation type, in order. */
  readonly calculations: string[] = [];
  /** The workbook's custom XML parts (workbook.customXmlParts), in the order added. */
  readonly customXml: { id: string; namespaceUri: string; xml: string }[] = [];
  private nextXmlId = 1;
  private queue: Op[] = [];

  constructor(private readonly options: DoubleOptions = {}) {
    this.sheets = (options.sheets ?? ["Sheet1"]).map((n) => new SheetDouble(n));
    this.active = this.sheets[0]?.name ?? "";
  }

  /** What Excel.run would be, for `insertPlans(run, …)`. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.runs++;
    const context = new ContextDouble(this);
    return batch(context as unknown as Excel.RequestContext);
  };

  sheet(name: string): SheetDouble | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  mustSheet(name: string): SheetDouble {
    const s = this.sheet(name);
    if (!s) throw new OfficeError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
    return s;
  }

  /** Records a call to run at the next sync. */
  enqueue(describe: string, data: unknown, run: () => void): void {
    // Bytes, as UTF-8 on the wire: a CJK character is 3.
    this.queue.push({ size: 100 + Buffer.byteLength(JSON.stringify(data ?? null)), describe, run });
  }

  async sync(): Promise<void> {
    this.syncs++;
    const queue = this.queue;
    this.queue = [];
    const size = queue.reduce((n, op) => n + op.size, 0);
    this.requests.push(size);
    if (size > 5 * 1024 * 1024) throw new OfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
    for (const op of queue) {
      const failure = this.options.failOn?.(op.describe);
      if (failure) throw new OfficeError(failure.code, failure.message);
      op.run();
    }
  }

  /** Formula results, as Excel would calculate them: `result` gets each formula cell. */
  calculate(sheetName: string, result: (row: number, col: number, formula: string) => Scalar | { error: string }): void {
    const sheet = this.mustSheet(sheetName);
    for (const [key, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      const [row, col] = key.split(",").map(Number);
      const r = result(row, col, cell.formula);
      if (typeof r === "object") {
        cell.value = r.error;
        cell.error = r.error;
      } else {
        cell.value = r;
        delete cell.error;
      }
    }
  }

  /** What a user types into a cell (after unprotecting it, if they must). */
  type(sheetName: string, row: number, col: number, text: Scalar): void {
    const sheet = this.mustSheet(sheetName);
    const fmt = sheet.get(row, col)?.numberFormat ?? "General";
    sheet.put(row, col, { ...parseInput(text, fmt), error: undefined });
  }

  /** Adds a custom XML part as Excel does: a GUID of its own, the namespace of its root element. */
  addCustomXml(xml: string): { id: string; namespaceUri: string; xml: string } {
    const root = /^\s*(?:<\?xml[^>]*\?>\s*)?<([^\s/>]+)([^>]*)>/.exec(xml);
    if (!root) throw new OfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.");
    const part = { id: `{${String(this.nextXmlId++).padStart(8, "0")}-0000-0000-0000-000000000000}`, namespaceUri: /\sxmlns="([^"]*)"/.exec(root[2])?.[1] ?? "", xml };
    this.customXml.push(part);
    return part;
  }

  recorded(sheet: string, path?: string): Recorded[] {
    return this.log.filter((r) => r.sheet === sheet && (path === undefined || r.path === path));
  }
}

/** A value written to a cell, as Excel takes typed input. */
export function parseInput(input: Scalar, numberFormat: string): Pick<DoubleCell, "value" | "formula"> {
  if (typeof input !== "string") return { value: input, formula: undefined };
  if (numberFormat === "@") return { value: input, formula: undefined };
  if (/^=./.test(input)) return { value: "", formula: input };
  const t = input.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i.test(t)) return { value: t.endsWith("%") ? Number(t.slice(0, -1)) / 100 : Number(t), formula: undefined };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === "true", formula: undefined };
  return { value: input, formula: undefined };
}

class ContextDouble {
  readonly workbook: { worksheets: WorksheetsDouble; customXmlParts: CustomXmlPartsDouble };
  readonly application: { suspendApiCalculationUntilNextSync(): void; calculate(type: string): void };
  constructor(private readonly book: WorkbookDouble) {
    this.workbook = { worksheets: new WorksheetsDouble(book, this), customXmlParts: new CustomXmlPartsDouble(book) };
    this.application = {
      suspendApiCalculationUntilNextSync: () => book.enqueue("suspendApiCalculationUntilNextSync", null, () => book.suspended++),
      calculate: (type) => {
        method("Application", "calculate");
        book.enqueue(`application.calculate ${type}`, type, () => book.calculations.push(type));
      },
    };
  }

  sync(): Promise<void> {
    return this.book.sync();
  }
}

class WorksheetsDouble {
  items: WorksheetDouble[] = undefined as unknown as WorksheetDouble[];
  constructor(
    private readonly book: WorkbookDouble,
    private readonly context: ContextDouble,
  ) {}

  load(): this {
    this.book.enqueue("worksheets.load", null, () => {
      this.items = this.book.sheets.map((s) => {
        const w = new WorksheetDouble(this.book, this.context, s.name);
        w.name = s.name;
        return w;
      });
    });
    return this;
  }

  add(name: string): WorksheetDouble {
    this.book.enqueue(`worksheets.add ${name}`, name, () => {
      if (this.book.sheet(name)) throw new OfficeError("ItemAlreadyExists", `A resource with the same name or identifier already exists: ${name}`);
      this.book.sheets.push(new SheetDouble(name));
    });
    return new WorksheetDouble(this.book, this.context, name);
  }

  getItemOrNullObject(name: string): WorksheetDouble {
    const w = new WorksheetDouble(this.book, this.context, name);
    this.book.enqueue(`worksheets.getItemOrNullObject ${name}`, name, () => (w.isNullObject = !this.book.sheet(name)));
    return w;
  }

  getItem(name: string): WorksheetDouble {
    const w = new WorksheetDouble(this.book, this.context, name);
    this.book.enqueue(`worksheets.getItem ${name}`, name, () => this.book.mustSheet(name));
    return w;
  }

  getActiveWorksheet(): WorksheetDouble {
    const w = new WorksheetDouble(this.book, this.context, () => this.book.active);
    return w;
  }
}

class WorksheetDouble {
  isNullObject = false;
  name: string = undefined as unknown as string;
  readonly names: { add(name: string, range: RangeDouble): void };
  readonly freezePanes: unknown;
  readonly pageLayout: unknown;
  readonly horizontalPageBreaks: { add(range: string): void };
  readonly protection: unknown;

  constructor(
    private readonly book: WorkbookDouble,
    readonly context: ContextDouble,
    private readonly sheetName: string | (() => string),
  ) {
    this.names = {
      add: (name, range) => this.book.enqueue(`names.add ${name}`, [name, range.address], () => this.record("", "names.add", [name, range.address])),
    };
    this.freezePanes = recorder((path, value) => this.queueRecord("", `freezePanes.${path}`, value instanceof RangeDouble ? value.address : value), "WorksheetFreezePanes");
    this.pageLayout = recorder((path, value) => this.queueRecord("", `pageLayout.${path}`, value), "PageLayout");
    this.horizontalPageBreaks = { add: (range) => this.queueRecord("", "horizontalPageBreaks.add", range) };
    this.protection = recorder((path, value) =>
      this.book.enqueue(`protection.${path}`, value, () => {
        this.record("", `protection.${path}`, value);
        if (path === "protect") this.sheet().protected = true;
      }),
      "WorksheetProtection",
    );
  }

  get resolvedName(): string {
    return typeof this.sheetName === "string" ? this.sheetName : this.sheetName();
  }

  sheet(): SheetDouble {
    return this.book.mustSheet(this.resolvedName);
  }

  load(): this {
    this.book.enqueue("worksheet.load", null, () => {
      const s = this.book.sheet(this.resolvedName);
      if (s) this.name = s.name;
    });
    return this;
  }

  getRange(address: string): RangeDouble {
    return new RangeDouble(this.book, this, address);
  }

  getUsedRangeOrNullObject(): RangeDouble {
    return new RangeDouble(this.book, this, null);
  }

  /** Recalculation is not an edit: Excel calculates a protected sheet too. */
  calculate(markAllDirty: boolean): void {
    this.book.enqueue("calculate", markAllDirty, () => this.book.log.push({ sheet: this.sheet().name, address: "", path: "calculate", value: markAllDirty }));
  }

  activate(): void {
    this.book.enqueue("activate", null, () => (this.book.active = this.sheet().name));
  }

  delete(): void {
    this.book.enqueue("delete", null, () => this.book.sheets.splice(this.book.sheets.indexOf(this.sheet()), 1));
  }

  queueRecord(address: string, path: string, value: unknown): void {
    this.book.enqueue(`${path} ${address}`, [address, value], () => this.record(address, path, value));
  }

  record(address: string, path: string, value: unknown): void {
    const sheet = this.sheet();
    if (sheet.protected && !path.startsWith("protection") && path !== "select") throw new OfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet: ${path}`);
    this.book.log.push({ sheet: sheet.name, address, path, value });
  }
}

/**
 * Any property set or method call below `path` on an object of Excel class `className`, recorded.
 * Whether a member is a property or a method, and which class a deeper path is on, come from the
 * API's typings (excel-api.ts): a member Excel does not have, a method set as a property or a
 * read-only property set is an error, as it would be in Excel. A method that returns an Excel
 * object (conditionalFormats.add, getItem) gives that object; any other call is recorded.
 */
function recorder(onSet: (path: string, value: unknown) => void, className: string, path = ""): unknown {
  return new Proxy(
    {},
    {
      get(_, prop) {
        if (typeof prop !== "string") return undefined;
        const p = path ? `${path}.${prop}` : prop;
        const member = apiMember(className, prop);
        if (member.kind === "method") {
          if (member.next) {
            const next = member.next;
            return (arg: unknown) => recorder(onSet, next, `${p}(${String(arg)})`);
          }
          return (...args: unknown[]) => onSet(p, args.length === 1 ? args[0] : args);
        }
        if (!member.next) throw new Error(`Excel.${className}.${prop} is a value: the writer only sets it`);
        return recorder(onSet, member.next, p);
      },
      set(_, prop, value) {
        const member = apiMember(className, String(prop));
        if (member.kind === "method") throw new Error(`Excel.${className}.${String(prop)} is a method, not a property to set`);
        if (member.readonly) throw new Error(`Excel.${className}.${String(prop)} is read-only`);
        onSet(path ? `${path}.${String(prop)}` : String(prop), value);
        return true;
      },
    },
  );
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B3", "A1:C4", "C:C", "3:3", "$A$1:$B$2" → 1-based bounds (whole columns/rows up to Excel's edge). */
export function parseAddress(address: string): Area {
  const bare = address.replace(/\$/g, "").replace(/^.*!/, "");
  const [a, b = a] = bare.split(":");
  const part = (s: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(s);
    if (!m) throw new OfficeError("InvalidArgument", `bad address ${address}`);
    return { col: m[1] ? colNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
  };
  const p = part(a);
  const q = part(b);
  return { top: p.row || 1, left: p.col || 1, bottom: q.row || 1048576, right: q.col || 16384 };
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

class RangeDouble {
  readonly format: unknown;
  readonly dataValidation: unknown;
  readonly conditionalFormats: unknown;
  isNullObject = false;
  values: Scalar[][] = undefined as unknown as Scalar[][];
  formulas: Scalar[][] = undefined as unknown as Scalar[][];
  valueTypes: string[][] = undefined as unknown as string[][];
  rowIndex = -1;
  columnIndex = -1;
  /** The object itself, not the proxy that intercepts writes: loading fills it in directly. */
  private readonly raw: RangeDouble = this;

  constructor(
    private readonly book: WorkbookDouble,
    private readonly worksheet: WorksheetDouble,
    /** null: the used range, found at sync. */
    readonly address: string | null,
  ) {
    const at = () => this.address ?? "";
    this.format = recorder((path, value) => worksheet.queueRecord(at(), `format.${path}`, value), "RangeFormat");
    this.dataValidation = recorder((path, value) => worksheet.queueRecord(at(), `dataValidation.${path}`, value), "DataValidation");
    this.conditionalFormats = recorder((path, value) => worksheet.queueRecord(at(), `conditionalFormats.${path}`, value), "ConditionalFormatCollection");
    // Writes are intercepted: values, formulas, numberFormat, columnHidden.
    return new Proxy(this, {
      set: (target, prop, value) => {
        if (prop === "values" || prop === "formulas" || prop === "numberFormat") {
          target.write(prop, value as Scalar[][]);
          return true;
        }
        if (prop === "columnHidden" || prop === "rowHidden") {
          worksheet.queueRecord(at(), prop, value);
          return true;
        }
        // Anything else the writer sets must be a settable Excel.Range property (a typo is not).
        const member = apiMember("Range", String(prop));
        if (member.kind === "method" || member.readonly) throw new Error(`Excel.Range.${String(prop)} cannot be set`);
        return Reflect.set(target, prop, value);
      },
    });
  }

  merge(across = false): void {
    this.worksheet.queueRecord(this.address ?? "", "merge", across);
  }

  select(): void {
    this.book.enqueue(`select ${this.address}`, this.address, () => {
      this.book.active = this.worksheet.sheet().name;
      this.worksheet.record(this.address ?? "", "select", true);
    });
  }

  private write(prop: "values" | "formulas" | "numberFormat", data: Scalar[][]): void {
    const address = this.address ?? "";
    this.book.enqueue(`${prop} ${address}`, [address, data], () => {
      this.worksheet.record(address, prop, data);
      const area = parseAddress(address);
      const rows = area.bottom - area.top + 1;
      const cols = area.right - area.left + 1;
      if (data.length !== rows || data.some((r) => r.length !== cols)) throw new OfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range: ${address}`);
      const sheet = this.worksheet.sheet();
      data.forEach((r, i) =>
        r.forEach((v, j) => {
          const row = area.top + i;
          const col = area.left + j;
          if (prop === "numberFormat") sheet.put(row, col, { numberFormat: String(v) });
          else {
            const parsed = parseInput(v, sheet.get(row, col)?.numberFormat ?? "General");
            sheet.put(row, col, { ...parsed, error: undefined });
          }
        }),
      );
    });
  }

  load(): this {
    this.book.enqueue(`range.load ${this.address ?? "used"}`, null, () => {
      const sheet = this.worksheet.sheet();
      const raw = this.raw;
      let area: Area;
      if (this.address === null) {
        const keys = [...sheet.cells.entries()].filter(([, c]) => c.formula !== undefined || c.value !== "").map(([k]) => k.split(",").map(Number));
        if (keys.length === 0) {
          raw.isNullObject = true;
          return;
        }
        area = { top: Math.min(...keys.map((k) => k[0])), left: Math.min(...keys.map((k) => k[1])), bottom: Math.max(...keys.map((k) => k[0])), right: Math.max(...keys.map((k) => k[1])) };
      } else area = parseAddress(this.address);
      raw.rowIndex = area.top - 1;
      raw.columnIndex = area.left - 1;
      const grid = <T>(f: (c: DoubleCell | undefined) => T) =>
        Array.from({ length: area.bottom - area.top + 1 }, (_, i) => Array.from({ length: area.right - area.left + 1 }, (_, j) => f(sheet.get(area.top + i, area.left + j))));
      raw.values = grid((c) => c?.value ?? "");
      raw.formulas = grid((c) => c?.formula ?? c?.value ?? "");
      raw.valueTypes = grid((c) => (!c || (c.value === "" && c.formula === undefined) ? "Empty" : c.error ? "Error" : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String"));
    });
    return this;
  }
}

/** "B3" for row 3, column 2. */
export function a1(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

/** A member the double implements, held to the API's typings: a method the code calls must be one there. */
function method(className: string, member: string): void {
  if (apiMember(className, member).kind !== "method") throw new Error(`Excel.${className}.${member} is not a method`);
}

/** workbook.customXmlParts (ExcelApi 1.5): add and getByNamespace. */
class CustomXmlPartsDouble {
  constructor(private readonly book: WorkbookDouble) {}

  add(xml: string): CustomXmlPartDouble {
    method("CustomXmlPartCollection", "add");
    const part = new CustomXmlPartDouble(this.book, () => added);
    let added: { id: string; namespaceUri: string; xml: string } | undefined;
    this.book.enqueue("customXmlParts.add", xml, () => (added = this.book.addCustomXml(xml)));
    return part;
  }

  getByNamespace(namespaceUri: string): CustomXmlPartScopedDouble {
    method("CustomXmlPartCollection", "getByNamespace");
    return new CustomXmlPartScopedDouble(this.book, namespaceUri);
  }
}

class CustomXmlPartScopedDouble {
  items: CustomXmlPartDouble[] = undefined as unknown as CustomXmlPartDouble[];
  constructor(
    private readonly book: WorkbookDouble,
    private readonly namespaceUri: string,
  ) {}

  load(what?: string): this {
    method("CustomXmlPartScopedCollection", "load");
    this.book.enqueue(`customXmlParts.getByNamespace(${this.namespaceUri}).load`, what ?? null, () => {
      this.items = this.book.customXml.filter((p) => p.namespaceUri === this.namespaceUri).map((p) => {
        const item = new CustomXmlPartDouble(this.book, () => p);
        item.id = p.id;
        return item;
      });
    });
    return this;
  }
}

class CustomXmlPartDouble {
  id: string = undefined as unknown as string;
  constructor(
    private readonly book: WorkbookDouble,
    private readonly part: () => { id: string; namespaceUri: string; xml: string } | undefined,
  ) {}

  private mustPart(): { id: string; namespaceUri: string; xml: string } {
    const p = this.part();
    if (!p || !this.book.customXml.includes(p)) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return p;
  }

  getXml(): { value: string } {
    method("CustomXmlPart", "getXml");
    const result = { value: undefined as unknown as string };
    this.book.enqueue("customXmlPart.getXml", null, () => (result.value = this.mustPart().xml));
    return result;
  }

  delete(): void {
    method("CustomXmlPart", "delete");
    this.book.enqueue("customXmlPart.delete", null, () => this.book.customXml.splice(this.book.customXml.indexOf(this.mustPart()), 1));
  }
}
