/**
 * Every formula cell's result for a SheetPlan, as a spreadsheet would calculate it from the
 * values the plan writes: what the .xlsx writer stores as each formula's cached value, so a
 * viewer that does not calculate (Excel's Protected View, phone previews) shows the right numbers.
 *
 * Cells are evaluated on demand, each once, in whatever order their references need; a cell
 * the plan does not fill is blank. A circular reference, or a formula the evaluator cannot read
 * or compute, throws a CalcError naming the cell: a renderer's bug, never a blank result.
 *
 * The semantics are Excel's, which LibreOffice shares for everything the sheets compute
 * (tests/sheets/cached-results.test.ts compares every formula cell). Where the two differ, the
 * result is Excel's (tests/sheets/calc/evaluator.test.ts pins each case):
 * - booleans: LibreOffice stores TRUE as the number 1, so for a TRUE typed into a cell
 *   ISNUMBER is TRUE, TRUE&"" is "1", TRUE=1 is TRUE, COUNT and SUM count it. The sheets' tick
 *   lists accept both "true" and "1"; a TRUE typed into a rate cell (which its validation
 *   refuses) scores 0 in Excel and 100 % in LibreOffice.
 * - SUM("3") is 3 in Excel, #VALUE! in LibreOffice; 0^0 is #NUM! (LibreOffice: 1); MEDIAN of
 *   nothing #NUM! (#VALUE!); INDEX beyond its range #REF! (#VALUE!); #N/A+1/0 is #N/A (#DIV/0!);
 *   numbers in text use Excel's General exponents (1E+20, 1E-10; LibreOffice 1E+020, 0.0000000001);
 *   MATCH's wildcards apply to array constants too; COUNTIF's "*" matches texts only.
 * None of these occurs in a formula the renderers write for the data they accept.
 */
import { colLetter } from "../formula";
import type { CellValue, SheetPlan } from "../plan";
import { cellResult, Context, type SheetView } from "./evaluator";
import { parseFormula } from "./parser";
import { CalcError, type ErrorValue, Ref } from "./values";

/** A formula's result: what its cell shows (never blank: a formula referring to a blank cell shows 0). */
export type FormulaResult = number | string | boolean | ErrorValue;

const key = (row: number, col: number) => row * 65536 + col;

/** Formula cells' results by position; `resultAt` reads them. */
export class PlanResults {
  private readonly results = new Map<number, FormulaResult>();
  private readonly pending: number[] = [];
  private readonly values = new Map<number, CellValue>();
  private readonly formulas = new Map<number, string>();
  private readonly names = new Map<string, Ref>();

  constructor(private readonly plan: SheetPlan) {
    for (const c of plan.cells) {
      if (c.formula !== undefined) this.formulas.set(key(c.row, c.col), c.formula);
      // The writer leaves an empty text blank, so it is one here too.
      else if (c.value !== undefined && c.value !== null && c.value !== "") this.values.set(key(c.row, c.col), c.value);
    }
    for (const n of plan.names) this.names.set(n.name.toUpperCase(), new Ref(n.range.top, n.range.left, n.range.bottom, n.range.right));
    for (const c of plan.cells) if (c.formula !== undefined) this.evaluate(c.row, c.col);
  }

  /** The result of the formula at (row, col). */
  resultAt(row: number, col: number): FormulaResult {
    const r = this.results.get(key(row, col));
    if (r === undefined) throw new RangeError(`${this.where(row, col)} holds no formula`);
    return r;
  }

  private readonly view: SheetView = {
    cell: (row, col) => {
      const k = key(row, col);
      if (this.formulas.has(k)) return this.evaluate(row, col);
      return this.values.get(k) ?? null;
    },
    name: (name) => this.names.get(name.toUpperCase()),
  };

  private evaluate(row: number, col: number): FormulaResult {
    const k = key(row, col);
    const done = this.results.get(k);
    if (done !== undefined) return done;
    if (this.pending.includes(k)) {
      const cycle = [...this.pending.slice(this.pending.indexOf(k)), k].map((p) => this.where(Math.floor(p / 65536), p % 65536));
      throw new CalcError(`circular reference: ${cycle.join(" → ")}`);
    }
    const formula = this.formulas.get(k) as string;
    this.pending.push(k);
    let result: FormulaResult;
    try {
      const ctx = new Context(this.view, row, col);
      result = cellResult(ctx, ctx.evaluate(parseFormula(formula)));
    } catch (e) {
      // The innermost cell names itself; cells depending on it let its message through.
      if (e instanceof CalcError && !e.message.startsWith(`${this.plan.name}!`)) throw new CalcError(`${this.where(row, col)}: ${e.message} (in ${formula})`);
      throw e;
    } finally {
      this.pending.pop();
    }
    this.results.set(k, result);
    return result;
  }

  private where(row: number, col: number): string {
    return `${this.plan.name}!${colLetter(col)}${row}`;
  }
}
