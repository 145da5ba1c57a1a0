/**
 * A small, honest stand-in for the Office host, injected into the page before its scripts run
 * (page.addInitScript) while office.js itself is answered with an empty script: Office.onReady
 * resolves with host Excel, and Excel.run hands the callback a context that records what the
 * task pane writes. It keeps a workbook of named sheets whose cells hold what was assigned to
 * range.values / range.formulas / range.numberFormat, decoded from the range's address (what
 * Excel then shows is worked out by the test, see excelShows in office-host.test.ts); every
 * other call or assignment (formats, merges, validations, names, protection …) is recorded by
 * path in `calls` and otherwise accepted. Nothing is evaluated: a formula is kept as written.
 *
 * tests/office/excel-double.ts is the faithful double of the API subset src/office uses (calls
 * queued until sync, the 5 MB request limit, typed-input parsing); it is a Node module (Buffer,
 * imports) that cannot be injected into a page as it is. This one only carries the writes out of
 * the page; the test reads them with that double's parseInput.
 *
 * The function is serialised into the page, so it uses nothing from its module.
 */
/** What was last assigned to one cell through range.values, range.formulas and range.numberFormat. */
export interface FakeCell {
  values?: unknown;
  formulas?: unknown;
  numberFormat?: unknown;
}

export interface FakeWorkbookState {
  /** Sheet names in workbook order. */
  sheets: string[];
  /** Sheet name → "row,col" (1-based) → what was written there. */
  cells: Record<string, Record<string, FakeCell>>;
  /** Excel.run calls, context.sync calls. */
  runs: number;
  syncs: number;
  /** Every other call or assignment, e.g. "worksheets.getItem(表1).freezePanes.freezeRows(4)". */
  calls: string[];
  /** Ids given to CustomFunctions.associate. */
  associated: string[];
}

export interface FakeOfficeOptions {
  displayLanguage: string;
  /** Sheets the workbook already has; the selection is cell B2 of the first. */
  sheets: string[];
}

export function installFakeOffice(options: FakeOfficeOptions): void {
  const g = globalThis as unknown as Record<string, unknown>;
  const state: FakeWorkbookState = { sheets: [...options.sheets], cells: {}, runs: 0, syncs: 0, calls: [], associated: [] };
  for (const name of state.sheets) state.cells[name] = {};
  g.__fakeExcel = state;

  const fmt = (v: unknown): string => {
    try {
      const s = JSON.stringify(v);
      return s === undefined ? String(v) : s.length > 120 ? `${s.slice(0, 117)}...` : s;
    } catch {
      return String(v);
    }
  };

  /** Accepts any call or assignment below `path`, records it, and answers reads with more of itself. */
  const sink = (path: string): unknown =>
    new Proxy(function () {}, {
      get(_t, prop) {
        if (prop === "then" || typeof prop === "symbol") return undefined;
        if (prop === "isNullObject") return false;
        if (prop === "load" || prop === "track" || prop === "untrack") return () => sink(path);
        if (prop === "toJSON") return () => ({});
        return sink(`${path}.${String(prop)}`);
      },
      set(_t, prop, value) {
        state.calls.push(`${path}.${String(prop)} = ${fmt(value)}`);
        return true;
      },
      apply(_t, _this, args) {
        state.calls.push(`${path}(${args.map(fmt).join(", ")})`);
        return sink(`${path}()`);
      },
    });

  /** Object with real members over a sink for the rest. */
  const withSink = <T extends object>(path: string, real: T): T =>
    new Proxy(real, {
      get(target, prop, receiver) {
        if (prop in target) return Reflect.get(target, prop, receiver);
        if (prop === "then" || typeof prop === "symbol") return undefined;
        return (sink(path) as Record<string, unknown>)[prop];
      },
      set(target, prop, value, receiver) {
        if (prop in target) return Reflect.set(target, prop, value, receiver);
        state.calls.push(`${path}.${String(prop)} = ${fmt(value)}`);
        return true;
      },
    });

  const colLetters = (col: number): string => (col > 26 ? colLetters(Math.floor((col - 1) / 26)) : "") + String.fromCharCode(65 + ((col - 1) % 26));
  const a1 = (area: { top: number; left: number; bottom: number; right: number }): string =>
    `${colLetters(area.left)}${area.top}` + (area.bottom === area.top && area.right === area.left ? "" : `:${colLetters(area.right)}${area.bottom}`);
  const colNumber = (letters: string): number => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const parseAddress = (address: string): { top: number; left: number; bottom: number; right: number } => {
    const local = address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
    const [a, b = a] = local.split(":");
    const cell = (ref: string, end: boolean) => {
      const m = /^([A-Za-z]*)(\d*)$/.exec(ref);
      if (!m || (!m[1] && !m[2])) throw new Error(`fake Excel: unsupported address ${address}`);
      // "A:A" is a whole column, "3:3" a whole row.
      return { row: m[2] ? Number(m[2]) : end ? 1_048_576 : 1, col: m[1] ? colNumber(m[1]) : end ? 16_384 : 1 };
    };
    const p = cell(a, false);
    const q = cell(b, true);
    return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
  };

  const range = (sheetName: string, area: { top: number; left: number; bottom: number; right: number }, path: string) => {
    const write = (key: keyof FakeCell, grid: unknown) => {
      const rows = area.bottom - area.top + 1;
      const cols = area.right - area.left + 1;
      if (Array.isArray(grid) && (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== cols))) {
        throw new Error(`fake Excel: ${key} of the ${rows}×${cols} range ${path} given an array of another shape`);
      }
      if (!Array.isArray(grid) && rows * cols > 100_000) {
        // One value for whole rows or columns: kept as a call, not spread over a million cells.
        state.calls.push(`${path}.${key} = ${fmt(grid)}`);
        return;
      }
      const sheetCells = state.cells[sheetName];
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          // A single value fills the whole range, as Office.js allows.
          const v = Array.isArray(grid) ? (grid[r] as unknown[])[c] : grid;
          const cell = (sheetCells[`${area.top + r},${area.left + c}`] ??= {});
          cell[key] = v as never;
        }
      }
    };
    const real = {
      set values(grid: unknown) {
        write("values", grid);
      },
      set formulas(grid: unknown) {
        write("formulas", grid);
      },
      set numberFormat(grid: unknown) {
        write("numberFormat", grid);
      },
      address: `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`}!${path}`,
      getCell: (row: number, col: number) => {
        const cell = { top: area.top + row, left: area.left + col, bottom: area.top + row, right: area.left + col };
        return range(sheetName, cell, a1(cell));
      },
      rowIndex: area.top - 1,
      columnIndex: area.left - 1,
      rowCount: area.bottom - area.top + 1,
      columnCount: area.right - area.left + 1,
    };
    return withSink(`worksheets.getItem(${sheetName}).range(${path})`, real);
  };

  const sheet = (name: string) => {
    const path = `worksheets.getItem(${name})`;
    const real = {
      name,
      id: `{sheet:${name}}`,
      isNullObject: false,
      getRange: (address?: string) => (address ? range(name, parseAddress(address), address) : sink(`${path}.getRange()`)),
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => {
        const area = { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols };
        return range(name, area, a1(area));
      },
      getCell: (row: number, col: number) => {
        const cell = { top: row + 1, left: col + 1, bottom: row + 1, right: col + 1 };
        return range(name, cell, a1(cell));
      },
      load: () => sheet(name),
    };
    return withSink(path, real);
  };

  const nullSheet = (name: string) => withSink(`worksheets.getItemOrNullObject(${name})`, { isNullObject: true, name: undefined as string | undefined, load: () => nullSheet(name) });

  const find = (name: string) => state.sheets.find((s) => s.toLowerCase() === name.toLowerCase());

  const worksheets = withSink("worksheets", {
    get items() {
      return state.sheets.map(sheet);
    },
    load: () => worksheets,
    add: (name?: string) => {
      const proposed = name ?? `Sheet${state.sheets.length + 1}`;
      if (find(proposed)) throw new Error(`fake Excel: a sheet named ${proposed} already exists (ItemAlreadyExists)`);
      state.sheets.push(proposed);
      state.cells[proposed] = {};
      state.calls.push(`worksheets.add(${proposed})`);
      return sheet(proposed);
    },
    getItem: (name: string) => {
      const found = find(name);
      if (!found) throw new Error(`fake Excel: no sheet named ${name} (ItemNotFound)`);
      return sheet(found);
    },
    getItemOrNullObject: (name: string) => {
      const found = find(name);
      return found ? sheet(found) : nullSheet(name);
    },
    getActiveWorksheet: () => sheet(state.sheets[0]),
    getFirst: () => sheet(state.sheets[0]),
    getCount: () => ({ value: state.sheets.length }),
  });

  // The selection is cell B2 of the first sheet.
  const workbook = withSink("workbook", { worksheets, load: () => workbook, getSelectedRange: () => range(state.sheets[0], { top: 2, left: 2, bottom: 2, right: 2 }, "B2") });

  g.Excel = new Proxy(
    {
      run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
        state.runs++;
        const context = withSink("context", {
          workbook,
          sync: async () => {
            state.syncs++;
          },
        });
        return batch(context);
      },
    } as Record<string, unknown>,
    {
      // Enumerations (Excel.ConditionalFormatType.custom …) read as their member names.
      get(target, prop) {
        if (prop in target || typeof prop === "symbol") return target[prop as string];
        return new Proxy({}, { get: (_t, member) => (typeof member === "symbol" ? undefined : String(member)) });
      },
    },
  );

  class CustomFunctionError extends Error {
    code: string;
    constructor(code?: string, message?: string) {
      super(message ?? "");
      this.code = code ?? "#VALUE!";
    }
  }
  g.CustomFunctions = {
    associate: (id: string | Record<string, unknown>) => {
      if (typeof id === "string") state.associated.push(id);
      else state.associated.push(...Object.keys(id));
    },
    Error: CustomFunctionError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!" },
  };

  const info = { host: "Excel", platform: "OfficeOnline" };
  g.Office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    onReady: (callback?: (i: typeof info) => void) => {
      return new Promise((resolve) => {
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0);
      });
    },
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      displayLanguage: options.displayLanguage,
      contentLanguage: options.displayLanguage,
      requirements: { isSetSupported: () => true },
      officeTheme: { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000", controlBackgroundColor: "#ffffff", controlForegroundColor: "#000000" },
    },
    actions: { associate: () => undefined },
    addin: { showAsTaskpane: async () => undefined, hide: async () => undefined, onVisibilityModeChanged: async () => () => undefined },
  };
}
