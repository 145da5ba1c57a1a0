/**
 * Values written into a rendered plan's input cells by binding code, as a person types them into
 * the sheet: unchecked. A template's render refuses data the engine would refuse; a merge that
 * keeps a row with a malformed mobile number on the user's word must still write it, and the
 * sheet's own formulas then flag it as they would flag a typed one.
 */
import type { CellValue, SheetPlan } from "./plan";

/** A copy of the plan with the values in its input cells; an unknown code is a caller's bug. */
export function fillInputs(plan: SheetPlan, values: Iterable<readonly [code: string, value: CellValue]>): SheetPlan {
  const inputs = new Map(plan.inputs.map((b) => [b.code, b]));
  const cells = new Map(plan.cells.map((c) => [`${c.row},${c.col}`, { ...c }]));
  for (const [code, value] of values) {
    const b = inputs.get(code);
    if (!b) throw new RangeError(`${plan.marker.template} has no input ${code}`);
    const key = `${b.row},${b.col}`;
    const cell = cells.get(key);
    if (cell) cell.value = value;
    else cells.set(key, { row: b.row, col: b.col, value, locked: false });
  }
  return { ...plan, cells: [...cells.values()] };
}
