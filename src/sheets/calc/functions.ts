/**
 * The spreadsheet functions the evaluator knows: every one in PORTABLE_FUNCTIONS
 * (src/sheets/portable.ts), plus CHAR, CODE and EXACT, each with Excel's treatment of its
 * arguments. Three families:
 * - one-value functions (TRIM, ROUND, ISNUMBER …) apply element by element to arrays;
 * - aggregates (SUM, COUNT, AND …) read ranges and arrays whole, where numbers count and text,
 *   booleans and blanks are skipped, while a value given directly is converted (SUM("3",TRUE) is 4);
 * - lookups and conditional counts (INDEX, MATCH, LOOKUP, COUNTIF, SUMIF, SUMPRODUCT) with
 *   their own rules, SUMPRODUCT and LOOKUP evaluating their arguments as arrays.
 */
import { toBoolean, toNumber, toText, compare } from "./coerce";
import { criterion, wildcard } from "./criteria";
import type { Context } from "./evaluator";
import { add, type Rounding, roundDecimal, textToNumber } from "./numbers";
import type { Node } from "./parser";
import { formatNumber } from "./text-format";
import { CalcError, DIV0, ErrorValue, isError, Matrix, NA, NUM, REF, Ref, type Scalar, VALUE, type Value } from "./values";

export interface SpreadsheetFunction {
  min: number;
  max: number;
  call(ctx: Context, args: (Node | null)[]): Value;
}

type Args = (Node | null)[];

/** An argument's value; an omitted one (IF(A1,,2)) is blank. */
function value(ctx: Context, node: Node | null): Value {
  return node === null ? null : ctx.evaluate(node);
}

/** A one-value function; arguments not given are undefined, so f can supply the default. */
function oneValue(min: number, max: number, f: (...s: (Scalar | undefined)[]) => Scalar): SpreadsheetFunction {
  return { min, max, call: (ctx, args) => ctx.lift(args.map((a) => value(ctx, a)), (s) => f(...s)) };
}

/** f over numbers, with the first error among the arguments returned instead. */
function numeric(min: number, max: number, f: (...n: number[]) => Scalar): SpreadsheetFunction {
  return oneValue(min, max, (...s) => {
    const n: number[] = [];
    for (const x of s) {
      const v = toNumber(x ?? null);
      if (isError(v)) return v;
      n.push(v);
    }
    return f(...n);
  });
}

/** f over texts (numbers shown as General, TRUE as "TRUE"), with errors returned instead. */
function textual(min: number, max: number, f: (t: string, ...rest: (Scalar | undefined)[]) => Scalar): SpreadsheetFunction {
  return oneValue(min, max, (s, ...rest) => {
    const t = toText(s ?? null);
    return isError(t) ? t : f(t, ...rest);
  });
}

/** A count argument of LEFT/MID …: a number, truncated; undefined when not given. */
function count(s: Scalar | undefined, fallback: number): number | ErrorValue {
  if (s === undefined) return fallback;
  const n = toNumber(s);
  return isError(n) ? n : Math.trunc(n);
}

interface Item {
  value: Scalar;
  /** Given as an argument itself, not inside a range or array: converted rather than skipped. */
  direct: boolean;
}

function items(ctx: Context, args: Args): Item[] {
  const out: Item[] = [];
  for (const node of args) {
    const v = value(ctx, node);
    if (v instanceof Ref || v instanceof Matrix) for (const row of ctx.asMatrix(v).rows) for (const s of row) out.push({ value: s, direct: false });
    else out.push({ value: v, direct: true });
  }
  return out;
}

/** The numbers an aggregate reads, or the first error it meets. */
function numbers(ctx: Context, args: Args): number[] | ErrorValue {
  const out: number[] = [];
  for (const { value: v, direct } of items(ctx, args)) {
    if (isError(v)) return v;
    if (direct) {
      const n = toNumber(v);
      if (isError(n)) return n;
      out.push(n);
    } else if (typeof v === "number") out.push(v);
  }
  return out;
}

function aggregate(f: (n: number[]) => Scalar): SpreadsheetFunction {
  return {
    min: 1,
    max: 255,
    call: (ctx, args) => {
      const n = numbers(ctx, args);
      return isError(n) ? n : f(n);
    },
  };
}

function logical(combine: (values: boolean[]) => boolean): SpreadsheetFunction {
  return {
    min: 1,
    max: 255,
    call: (ctx, args) => {
      const found: boolean[] = [];
      for (const { value: v, direct } of items(ctx, args)) {
        if (isError(v)) return v;
        if (direct) {
          const b = toBoolean(v);
          if (isError(b)) return b;
          found.push(b);
        } else if (typeof v === "boolean" || typeof v === "number") found.push(v === true || (typeof v === "number" && v !== 0));
      }
      return found.length === 0 ? VALUE : combine(found);
    },
  };
}

function rounding(mode: Rounding): SpreadsheetFunction {
  return numeric(2, 2, (x, places) => roundDecimal(x, places, mode));
}

/** A range argument (COUNTIF, COUNTBLANK): Excel accepts only a reference there. */
function range(ctx: Context, node: Node | null, fn: string): Ref {
  const v = value(ctx, node);
  if (!(v instanceof Ref)) throw new CalcError(`${fn} needs a cell range as its first argument`);
  return v;
}

function flat(m: Matrix): Scalar[] {
  return m.rows.flat();
}

/** Windows-1252, the code page of CHAR and CODE in Excel (Western) and LibreOffice: 128–159 differ from Latin-1. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function charOf(code: number): string {
  return code >= 128 && code < 160 ? CP1252_HIGH[code - 128] : String.fromCharCode(code);
}

function codeOf(ch: string): number {
  const high = CP1252_HIGH.indexOf(ch);
  if (high >= 0) return 128 + high;
  const code = ch.charCodeAt(0);
  if (code > 255) throw new CalcError(`CODE("${ch}") depends on the spreadsheet's code page (GBK in Chinese Excel): not computed`);
  return code;
}

/**
 * MATCH and LOOKUP's search. Exact: the first equal element (texts with wildcards). Approximate
 * (order 1): the last element ≤ x of x's type in an ascending list, stopping at the first
 * greater one; (order −1) the last ≥ x in a descending list. Errors and other types are skipped.
 * Returns the 0-based position or −1.
 */
function search(x: Exclude<Scalar, null | ErrorValue>, list: Scalar[], order: -1 | 0 | 1): number {
  if (order === 0) {
    const matches = typeof x === "string" ? wildcard(x) : (s: Scalar) => typeof s === typeof x && compare(s as number | boolean, x) === 0;
    return list.findIndex(matches);
  }
  let found = -1;
  for (const [i, s] of list.entries()) {
    if (s === null || isError(s) || typeof s !== typeof x) continue;
    const d = compare(s, x) * order;
    if (d > 0) break;
    found = i;
  }
  return found;
}

/** The value searched for: a single value, not an array (lifting MATCH over arrays is not needed by any sheet). */
function sought(ctx: Context, node: Node | null, fn: string): Scalar {
  const x = ctx.deref(value(ctx, node));
  if (x instanceof Matrix) throw new CalcError(`${fn} over an array of values is not supported`);
  return x;
}

function vector(m: Matrix): Scalar[] | null {
  return m.height === 1 || m.width === 1 ? flat(m) : null;
}

function medianOf(n: number[]): Scalar {
  if (n.length === 0) return NUM;
  const s = [...n].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const THOUSANDS = /^\s*[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?\s*%?\s*$/;

export const FUNCTIONS: Record<string, SpreadsheetFunction> = {
  SUM: aggregate((n) => n.reduce(add, 0)),
  AVERAGE: aggregate((n) => (n.length ? n.reduce(add, 0) / n.length : DIV0)),
  MAX: aggregate((n) => (n.length ? Math.max(...n) : 0)),
  MIN: aggregate((n) => (n.length ? Math.min(...n) : 0)),
  MEDIAN: aggregate(medianOf),
  COUNT: {
    min: 1,
    max: 255,
    call: (ctx, args) =>
      items(ctx, args).filter(({ value: v, direct }) => typeof v === "number" || (direct && (typeof v === "boolean" || (typeof v === "string" && textToNumber(v) !== null)))).length,
  },
  COUNTA: { min: 1, max: 255, call: (ctx, args) => items(ctx, args).filter(({ value: v, direct }) => direct || v !== null).length },
  COUNTBLANK: { min: 1, max: 1, call: (ctx, args) => flat(ctx.matrix(range(ctx, args[0], "COUNTBLANK"))).filter((v) => v === null || v === "").length },
  AND: logical((b) => b.every(Boolean)),
  OR: logical((b) => b.some(Boolean)),
  NOT: oneValue(1, 1, (s) => {
    const b = toBoolean(s ?? null);
    return isError(b) ? b : !b;
  }),
  IF: {
    min: 2,
    max: 3,
    call: (ctx, args) => {
      const cond = ctx.deref(value(ctx, args[0]));
      // Excel 2010 evaluates IF over an array only in an array formula; LibreOffice always does.
      if (cond instanceof Matrix) throw new CalcError("IF over an array is computed differently by Excel and LibreOffice: write it as (condition)*value");
      const b = toBoolean(cond);
      if (isError(b)) return b;
      if (b) return args[1] === null ? 0 : ctx.evaluate(args[1]);
      if (args.length < 3) return false;
      return args[2] === null ? 0 : ctx.evaluate(args[2] as Node);
    },
  },
  IFERROR: oneValue(2, 2, (s, alt) => (isError(s) ? (alt ?? null) : (s ?? null))),
  ISERROR: oneValue(1, 1, (s) => isError(s)),
  ISNUMBER: oneValue(1, 1, (s) => typeof s === "number"),
  ISTEXT: oneValue(1, 1, (s) => typeof s === "string"),
  ISBLANK: oneValue(1, 1, (s) => s === null),
  ABS: numeric(1, 1, Math.abs),
  ROUND: rounding("half-up"),
  ROUNDUP: rounding("up"),
  ROUNDDOWN: rounding("down"),
  MOD: numeric(2, 2, (a, b) => (b === 0 ? DIV0 : a - b * Math.floor(a / b))),
  LEN: textual(1, 1, (t) => t.length),
  LEFT: textual(1, 2, (t, n) => {
    const k = count(n, 1);
    return isError(k) ? k : k < 0 ? VALUE : t.slice(0, k);
  }),
  RIGHT: textual(1, 2, (t, n) => {
    const k = count(n, 1);
    return isError(k) ? k : k < 0 ? VALUE : k === 0 ? "" : t.slice(-k);
  }),
  MID: textual(3, 3, (t, start, n) => {
    const [s, k] = [count(start, 1), count(n, 0)];
    if (isError(s)) return s;
    if (isError(k)) return k;
    return s < 1 || k < 0 ? VALUE : t.slice(s - 1, s - 1 + k);
  }),
  // Only the ASCII space: leading and trailing ones removed, inner runs collapsed to one.
  TRIM: textual(1, 1, (t) => t.replace(/ {2,}/g, " ").replace(/^ | $/g, "")),
  UPPER: textual(1, 1, (t) => t.toUpperCase()),
  SUBSTITUTE: textual(3, 4, (t, oldText, newText, instance) => {
    const [from, to] = [toText(oldText ?? null), toText(newText ?? null)];
    if (isError(from)) return from;
    if (isError(to)) return to;
    if (from === "") return t;
    if (instance === undefined) return t.split(from).join(to);
    const k = count(instance, 1);
    if (isError(k)) return k;
    if (k < 1) return VALUE;
    let at = -1;
    for (let i = 0; i < k; i++) {
      at = t.indexOf(from, at + 1);
      if (at < 0) return t;
    }
    return t.slice(0, at) + to + t.slice(at + from.length);
  }),
  EXACT: oneValue(2, 2, (a, b) => {
    const [x, y] = [toText(a ?? null), toText(b ?? null)];
    return isError(x) ? x : isError(y) ? y : x === y;
  }),
  CHAR: numeric(1, 1, (n) => {
    const code = Math.trunc(n);
    return code >= 1 && code <= 255 ? charOf(code) : VALUE;
  }),
  CODE: textual(1, 1, (t) => (t === "" ? VALUE : codeOf(t[0]))),
  VALUE: oneValue(1, 1, (s) => {
    if (typeof s === "number" || isError(s)) return s;
    if (s === null || s === undefined) return 0;
    if (typeof s === "boolean") return VALUE;
    return textToNumber(THOUSANDS.test(s) ? s.replace(/,/g, "") : s) ?? VALUE;
  }),
  TEXT: oneValue(2, 2, (s, format) => {
    const f = toText(format ?? null);
    if (isError(f)) return f;
    if (isError(s)) return s;
    if (typeof s === "boolean") return s ? "TRUE" : "FALSE";
    const n = typeof s === "string" ? textToNumber(s) : (s ?? 0);
    if (n === null) return s as string;
    return formatNumber(n, f);
  }),
  SUMPRODUCT: {
    min: 1,
    max: 255,
    call: (ctx, args) => {
      const inner = ctx.inArrayMode();
      const arrays = args.map((a) => inner.asMatrix(value(inner, a)));
      const [h, w] = [arrays[0].height, arrays[0].width];
      if (arrays.some((m) => m.height !== h || m.width !== w)) return VALUE;
      let total = 0;
      for (let r = 0; r < h; r++) {
        for (let c = 0; c < w; c++) {
          let product = 1;
          for (const m of arrays) {
            const v = m.at(r, c);
            if (isError(v)) return v;
            // Text, booleans and blanks count as 0: hence the "--" in front of comparisons.
            product *= typeof v === "number" ? v : 0;
          }
          total = add(total, product);
        }
      }
      return total;
    },
  },
  COUNTIF: {
    min: 2,
    max: 2,
    call: (ctx, args) => {
      const cells = flat(ctx.matrix(range(ctx, args[0], "COUNTIF")));
      return ctx.lift([value(ctx, args[1])], ([c]) => {
        const matches = criterion(c);
        return cells.filter(matches).length;
      });
    },
  },
  SUMIF: {
    min: 2,
    max: 3,
    call: (ctx, args) => {
      const where = range(ctx, args[0], "SUMIF");
      const sum = args.length > 2 ? range(ctx, args[2], "SUMIF") : where;
      // Excel sums the area of the first range's size starting at the sum range's top-left cell.
      const summed = ctx.matrix(new Ref(sum.top, sum.left, sum.top + where.height - 1, sum.left + where.width - 1));
      const cells = ctx.matrix(where);
      return ctx.lift([value(ctx, args[1])], ([c]) => {
        const matches = criterion(c);
        let total = 0;
        for (let r = 0; r < cells.height; r++) {
          for (let k = 0; k < cells.width; k++) {
            if (!matches(cells.at(r, k))) continue;
            const v = summed.at(r, k);
            if (isError(v)) return v;
            if (typeof v === "number") total = add(total, v);
          }
        }
        return total;
      });
    },
  },
  INDEX: {
    min: 2,
    max: 3,
    call: (ctx, args) => {
      const source = value(ctx, args[0]);
      const area = source instanceof Ref ? source : ctx.asMatrix(source);
      const [rowArg, colArg] = [sought(ctx, args[1], "INDEX"), args.length > 2 ? sought(ctx, args[2], "INDEX") : undefined];
      const [rn, cn] = [toNumber(rowArg), colArg === undefined ? undefined : toNumber(colArg)];
      if (isError(rn)) return rn;
      if (isError(cn)) return cn;
      let [row, col] = [Math.trunc(rn), cn === undefined ? undefined : Math.trunc(cn)];
      // INDEX(row-of-cells, n) picks the n-th cell along the row.
      if (col === undefined) [row, col] = area.height === 1 ? [1, row] : [row, area.width === 1 ? 1 : 0];
      if (row < 0 || col < 0 || row > area.height || col > area.width) return REF;
      if (area instanceof Ref) {
        const [top, bottom] = row === 0 ? [area.top, area.bottom] : [area.top + row - 1, area.top + row - 1];
        const [left, right] = col === 0 ? [area.left, area.right] : [area.left + col - 1, area.left + col - 1];
        return new Ref(top, left, bottom, right);
      }
      if (row === 0 || col === 0) {
        const rows = row === 0 ? area.rows : [area.rows[row - 1]];
        return new Matrix(rows.map((r) => (col === 0 ? r : [r[col - 1]])));
      }
      return area.at(row - 1, col - 1);
    },
  },
  MATCH: {
    min: 2,
    max: 3,
    call: (ctx, args) => {
      const x = sought(ctx, args[0], "MATCH");
      if (isError(x)) return x;
      const list = vector(ctx.asMatrix(value(ctx, args[1])));
      const typeArg = args.length > 2 ? toNumber(sought(ctx, args[2], "MATCH")) : 1;
      if (isError(typeArg)) return typeArg;
      if (list === null || x === null) return NA;
      const at = search(x, list, typeArg > 0 ? 1 : typeArg < 0 ? -1 : 0);
      return at < 0 ? NA : at + 1;
    },
  },
  LOOKUP: {
    min: 2,
    max: 3,
    call: (ctx, args) => {
      const x = sought(ctx, args[0], "LOOKUP");
      if (isError(x)) return x;
      const inner = ctx.inArrayMode();
      const area = inner.asMatrix(value(inner, args[1]));
      let [keys, results] = [vector(area), vector(area)];
      if (args.length > 2) results = vector(inner.asMatrix(value(inner, args[2])));
      else if (keys === null) {
        // The array form: search the first row of a wide array or the first column of a tall one, return from the last.
        const wide = area.width > area.height;
        keys = wide ? area.rows[0] : area.rows.map((r) => r[0]);
        results = wide ? area.rows[area.height - 1] : area.rows.map((r) => r[area.width - 1]);
      }
      if (keys === null || results === null || x === null) return NA;
      const at = search(x, keys, 1);
      return at < 0 || at >= results.length ? NA : results[at];
    },
  },
};
