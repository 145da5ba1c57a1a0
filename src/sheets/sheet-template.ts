/**
 * What an official sheet is, for the registry and for every module that builds one. Kept apart
 * from registry.ts, which imports the sheet modules: they take their types from here.
 */
import type { SHEET_ROLES, Source, Text } from "../../templates/schema";
import type { Result } from "../core/problems";
import type { CellValue, SheetPlan } from "./plan";

/** A parameter of a sheet (`--param key=value`, or a field in the task pane). */
export interface ParamDef {
  key: string;
  label: Text;
  type: "integer" | "choice";
  default: string | number;
  /** choice: the allowed values, with labels. */
  options?: { value: string; label: Text }[];
  /** integer: bounds. */
  min?: number;
  max?: number;
}

export type Params = Record<string, string | number>;

/**
 * An official sheet Assessbook can build. `render` takes parameters (already checked against
 * `params`) and optional data — the same JSON `assessbook score` / `tier` take for those
 * templates — and returns a plan or Problems naming the bad field; `expected` says what the
 * engine computes for the plan's result cells. `sample` is realistic data for
 * `assessbook build --all`.
 */
export interface SheetTemplate {
  /** Public id for `assessbook build <id>`: rubric ids for the scoring sheets. */
  id: string;
  /** The catalogue template whose rules it carries. */
  template: string;
  title: Text;
  /** Who fills it in: a scheme's template may say (its `sheet.role`). */
  role: (typeof SHEET_ROLES)[number];
  source: Source;
  params: ParamDef[];
  render(params: Params, data?: unknown): Result<SheetPlan>;
  /**
   * Result key → the value the engine computes for that result cell from the same parameters
   * and data: what a recalculating spreadsheet must show, and what `extract` compares with.
   */
  expected(params: Params, data: unknown): Result<Record<string, CellValue>>;
  sample(): unknown;
  /**
   * True when `render(params, data)` refuses only data that `expected(params, data)` refuses, with
   * the same problems, and binds the result cells of the blank plan whatever the answers: a check
   * of answers (src/sheets/check-sheet.ts) then asks `expected` alone instead of laying out the
   * whole sheet again. Absent: the check renders with the answers. Held for every sheet that says
   * so by tests/sheets/answers-check.test.ts.
   */
  checkedByExpected?: boolean;
}
