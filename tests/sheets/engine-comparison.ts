/**
 * What the real-engine suites (libreoffice.test.ts, gnumeric.test.ts) share: every sheet
 * template built with its sample data and blank, and the two checks each engine's recalculated
 * workbook must pass — no formula ends in an error, and every bound result holds what src/core
 * computes for the same data.
 */
import { findTemplate } from "../../templates/index";
import type { ReadSheet } from "../../src/sheets/check-sheet";
import { sameValue } from "../../src/sheets/check-sheet";
import { colLetter } from "../../src/sheets/formula";
import { checkParams } from "../../src/sheets/params";
import type { CellValue, SheetPlan } from "../../src/sheets/plan";
import { SHEET_TEMPLATES, type Params, type SheetTemplate } from "../../src/sheets/registry";

export interface Built {
  template: SheetTemplate;
  params: Params;
  data: unknown;
  plan: SheetPlan;
}

function build(template: SheetTemplate, data: unknown): Built {
  const params = checkParams(template.params, {});
  if (!params.ok) throw new Error(`${template.id}: default parameters refused: ${JSON.stringify(params.problems)}`);
  const plan = template.render(params.value, data);
  if (!plan.ok) throw new Error(`${template.id}: data refused: ${JSON.stringify(plan.problems)}`);
  return { template, params: params.value, data, plan: plan.value };
}

/** Every sheet template, filled with its sample and blank, in that order. */
export const BUILT: Built[] = SHEET_TEMPLATES.flatMap((t) => [build(t, t.sample()), build(t, undefined)]);

export const label = (b: Built) => `${b.template.id} (${b.data === undefined ? "blank" : "sample"})`;

/** An error value as any reader may hand it over: { error } or the error's text (LibreOffice's Err:502 too). */
const isError = (r: unknown) => (typeof r === "object" && r !== null) || (typeof r === "string" && /^(#[A-Z/0]+[!?]?|Err:\d+)/.test(r));

/** Each formula cell of the plan that did not calculate, or ended in an error, in the recalculated sheet. */
export function formulaFailures(plan: SheetPlan, sheet: ReadSheet): string[] {
  return plan.cells
    .filter((c) => c.formula !== undefined)
    .flatMap((c) => {
      const read = sheet.cell(c.row, c.col);
      const where = `${colLetter(c.col)}${c.row}`;
      if (read.kind !== "formula") return [`${where}: no formula after recalculation`];
      if (read.result === null) return [`${where}: not calculated (${c.formula})`];
      if (isError(read.result)) return [`${where}: ${JSON.stringify(read.result)} (${c.formula})`];
      return [];
    });
}

/** Holds every bound result of the recalculated sheet to what the engine computes for the same data. */
export function expectEngineResults({ template, params, data, plan }: Built, sheet: ReadSheet): void {
  const expected = template.expected(params, data);
  if (!expected.ok) throw new Error(`the engine refuses the data: ${JSON.stringify(expected.problems)}`);
  const rows = plan.results.map((r) => {
    const read = sheet.cell(r.row, r.col);
    return { key: r.key, cell: `${colLetter(r.col)}${r.row}`, sheet: read.kind === "formula" ? read.result : read.kind, engine: expected.value[r.key] };
  });
  // A bound result the engine has no value for could never be checked: the sample must exercise every one.
  expect(rows.filter((r) => r.engine === undefined).map((r) => r.key)).toEqual([]);
  const differ = rows.filter((r) => r.sheet === null || typeof r.sheet === "object" || !sameValue(r.sheet, r.engine as CellValue));
  expect(differ).toEqual([]);
  // Forms have formulas (☑ lines, word counts) but nothing the engine computes; every other
  // sheet filled with its sample must bind results, or this comparison would be vacuous.
  if (data !== undefined && findTemplate(template.template)?.kind !== "form") expect(rows.length).toBeGreaterThan(0);
}
