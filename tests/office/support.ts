import { decodeMarker } from "../../src/sheets/marker";
import { checkParams } from "../../src/sheets/params";
import type { SheetPlan } from "../../src/sheets/plan";
import type { Params, SheetTemplate } from "../../src/sheets/registry";
import type { SheetDouble } from "./excel-double";

export function defaults(template: SheetTemplate): Params {
  const params = checkParams(template.params, {});
  if (!params.ok) throw new Error(`${template.id}: ${JSON.stringify(params.problems)}`);
  return params.value;
}

/** The template's sheet filled with its sample data, as `assessbook build --all` makes it. */
export function samplePlan(template: SheetTemplate, data: unknown = template.sample()): SheetPlan {
  const plan = template.render(defaults(template), data);
  if (!plan.ok) throw new Error(`${template.id}: ${JSON.stringify(plan.problems)}`);
  return plan.value;
}

/** The column of row 1 holding the marker, or 0. */
export function markerColumn(sheet: SheetDouble): number {
  for (const [key, cell] of sheet.cells) {
    const [row, col] = key.split(",").map(Number);
    if (row === 1 && decodeMarker(cell.value)) return col;
  }
  return 0;
}
