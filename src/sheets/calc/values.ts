/**
 * What a formula computes with, as a spreadsheet sees it: numbers, texts, booleans, a blank
 * cell and error values; arrays (array constants, or ranges evaluated as arrays); and
 * references, which some functions (COUNTIF, ISBLANK through a range, SUM ignoring text in a
 * range) treat differently from the values they hold.
 */

export type ErrorCode = "#NULL!" | "#DIV/0!" | "#VALUE!" | "#REF!" | "#NAME?" | "#NUM!" | "#N/A";

/** An error value (#N/A …): a result like any other, it flows through formulas until caught. */
export class ErrorValue {
  private static readonly all = new Map<ErrorCode, ErrorValue>();
  private constructor(readonly code: ErrorCode) {}

  static of(code: ErrorCode): ErrorValue {
    let e = ErrorValue.all.get(code);
    if (!e) ErrorValue.all.set(code, (e = new ErrorValue(code)));
    return e;
  }
}

export const DIV0 = ErrorValue.of("#DIV/0!");
export const VALUE = ErrorValue.of("#VALUE!");
export const NA = ErrorValue.of("#N/A");
export const NUM = ErrorValue.of("#NUM!");
export const REF = ErrorValue.of("#REF!");

/** A cell's content or one element of an array; null is a blank (empty) cell. */
export type Scalar = number | string | boolean | null | ErrorValue;

/** A rectangular array, row by row; never empty. */
export class Matrix {
  constructor(readonly rows: Scalar[][]) {}

  get height(): number {
    return this.rows.length;
  }

  get width(): number {
    return this.rows[0].length;
  }

  at(r: number, c: number): Scalar {
    return this.rows[r][c];
  }
}

/** A reference to a rectangle of cells on the formula's own sheet (1-based, inclusive). */
export class Ref {
  constructor(
    readonly top: number,
    readonly left: number,
    readonly bottom: number,
    readonly right: number,
  ) {}

  get height(): number {
    return this.bottom - this.top + 1;
  }

  get width(): number {
    return this.right - this.left + 1;
  }
}

export type Value = Scalar | Matrix | Ref;

export function isError(v: unknown): v is ErrorValue {
  return v instanceof ErrorValue;
}

/**
 * A formula the evaluator cannot compute (a function, syntax or construct it does not know, a
 * circular reference): a bug to fix in the renderer or the evaluator, never a blank result.
 */
export class CalcError extends Error {}
