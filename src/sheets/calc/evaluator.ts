/**
 * Evaluates a syntax tree for one formula cell. Two modes, as in Excel: a normal formula reads a
 * multi-cell range used as a single value by implicit intersection (the cell of the range in the
 * formula's row or column, else #VALUE!); inside an argument that takes arrays (SUMPRODUCT,
 * LOOKUP's vectors) a range is an array and operators and one-value functions apply element by
 * element, arrays of different shapes spreading as Excel spreads them ({1,2} against {"a";"b"}
 * gives 2×2; beyond a longer side, #N/A).
 */
import { compare, toNumber, toText } from "./coerce";
import { FUNCTIONS } from "./functions";
import { add } from "./numbers";
import type { BinaryOp, Node } from "./parser";
import { CalcError, DIV0, isError, Matrix, NA, NUM, Ref, type Scalar, VALUE, type Value } from "./values";

/** What a formula can see of its sheet. */
export interface SheetView {
  /** A cell's value: its constant, its formula's result (computed on demand), or null when blank. */
  cell(row: number, col: number): Scalar;
  /** The range a sheet-scoped defined name refers to. */
  name(name: string): Ref | undefined;
}

export class Context {
  constructor(
    readonly sheet: SheetView,
    /** The formula's own cell, for implicit intersection. */
    readonly row: number,
    readonly col: number,
    readonly arrayMode = false,
  ) {}

  /** The same formula with arrays evaluated element by element (SUMPRODUCT's arguments). */
  inArrayMode(): Context {
    return this.arrayMode ? this : new Context(this.sheet, this.row, this.col, true);
  }

  /** A node's value, references kept as references (SUM and COUNTIF need to know). */
  evaluate(node: Node): Value {
    switch (node.kind) {
      case "literal":
        return node.value;
      case "array":
        return new Matrix(node.rows);
      case "ref":
        return new Ref(node.top, node.left, node.bottom, node.right);
      case "name": {
        const ref = this.sheet.name(node.name);
        if (!ref) throw new CalcError(`unknown name ${node.name}`);
        return ref;
      }
      case "unary":
        return this.lift([this.evaluate(node.arg)], ([v]) => unary(node.op, v));
      case "binary":
        return this.lift([this.evaluate(node.left), this.evaluate(node.right)], ([a, b]) => binary(node.op, a, b));
      case "call": {
        const fn = FUNCTIONS[node.name];
        if (!fn) throw new CalcError(`unknown function ${node.name}`);
        if (node.args.length < fn.min || node.args.length > fn.max) {
          throw new CalcError(`${node.name} takes ${fn.min === fn.max ? fn.min : `${fn.min} to ${fn.max}`} arguments, not ${node.args.length}`);
        }
        return fn.call(this, node.args);
      }
    }
  }

  /** A value where one value or an array of them is expected: ranges read as the mode says. */
  deref(v: Value): Scalar | Matrix {
    if (!(v instanceof Ref)) return v;
    if (this.arrayMode) return this.matrix(v);
    return this.intersect(v);
  }

  /** The cell of a range in the formula's row or column (Excel's implicit intersection), else #VALUE!. */
  intersect(ref: Ref): Scalar {
    if (ref.height === 1 && ref.width === 1) return this.sheet.cell(ref.top, ref.left);
    const row = ref.height === 1 ? ref.top : this.row >= ref.top && this.row <= ref.bottom ? this.row : 0;
    const col = ref.width === 1 ? ref.left : this.col >= ref.left && this.col <= ref.right ? this.col : 0;
    return row && col ? this.sheet.cell(row, col) : VALUE;
  }

  /** The cells of a range as an array. */
  matrix(ref: Ref): Matrix {
    const rows: Scalar[][] = [];
    for (let r = ref.top; r <= ref.bottom; r++) {
      const row: Scalar[] = [];
      for (let c = ref.left; c <= ref.right; c++) row.push(this.sheet.cell(r, c));
      rows.push(row);
    }
    return new Matrix(rows);
  }

  /** A reference or array as an array, a single value as a 1×1 one. */
  asMatrix(v: Value): Matrix {
    if (v instanceof Ref) return this.matrix(v);
    return v instanceof Matrix ? v : new Matrix([[v]]);
  }

  /** f applied to single values, or element by element when any argument is an array. */
  lift(values: Value[], f: (s: Scalar[]) => Scalar): Scalar | Matrix {
    const args = values.map((v) => this.deref(v));
    if (!args.some((a) => a instanceof Matrix)) return f(args as Scalar[]);
    return broadcast(args, f);
  }
}

/** Excel's spreading of arrays of different shapes: a single row or column repeats, beyond a longer side #N/A. */
function broadcast(args: (Scalar | Matrix)[], f: (s: Scalar[]) => Scalar): Matrix {
  const arrays = args.filter((a): a is Matrix => a instanceof Matrix);
  const height = Math.max(...arrays.map((m) => m.height));
  const width = Math.max(...arrays.map((m) => m.width));
  const element = (a: Scalar | Matrix, r: number, c: number): Scalar => {
    if (!(a instanceof Matrix)) return a;
    const rr = a.height === 1 ? 0 : r;
    const cc = a.width === 1 ? 0 : c;
    return rr < a.height && cc < a.width ? a.at(rr, cc) : NA;
  };
  const rows: Scalar[][] = [];
  for (let r = 0; r < height; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < width; c++) row.push(f(args.map((a) => element(a, r, c))));
    rows.push(row);
  }
  return new Matrix(rows);
}

function unary(op: "-" | "+" | "%", v: Scalar): Scalar {
  // Unary plus leaves its operand as it is (="a" stays text, as in Excel).
  if (op === "+") return v;
  const n = toNumber(v);
  if (isError(n)) return n;
  return op === "-" ? -n : n / 100;
}

function binary(op: BinaryOp, a: Scalar, b: Scalar): Scalar {
  if (op === "&") {
    const [x, y] = [toText(a), toText(b)];
    if (isError(x)) return x;
    if (isError(y)) return y;
    return x + y;
  }
  if (op === "+" || op === "-" || op === "*" || op === "/" || op === "^") {
    const [x, y] = [toNumber(a), toNumber(b)];
    if (isError(x)) return x;
    if (isError(y)) return y;
    return arithmetic(op, x, y);
  }
  if (isError(a)) return a;
  if (isError(b)) return b;
  const c = compare(a, b);
  switch (op) {
    case "=":
      return c === 0;
    case "<>":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case ">=":
      return c >= 0;
  }
}

function arithmetic(op: "+" | "-" | "*" | "/" | "^", x: number, y: number): Scalar {
  let r: number;
  switch (op) {
    case "+":
      r = add(x, y);
      break;
    case "-":
      r = add(x, -y);
      break;
    case "*":
      r = x * y;
      break;
    case "/":
      if (y === 0) return DIV0;
      r = x / y;
      break;
    case "^":
      if (x === 0 && y === 0) return NUM;
      if (x === 0 && y < 0) return DIV0;
      r = x ** y;
      break;
  }
  return Number.isFinite(r) ? r : NUM;
}

/** What the formula's cell shows: the first element of an array, a range by implicit intersection, a blank as 0. */
export function cellResult(ctx: Context, v: Value): Exclude<Scalar, null> {
  const s = v instanceof Matrix ? v.at(0, 0) : v instanceof Ref ? ctx.intersect(v) : v;
  return s === null ? 0 : s;
}

