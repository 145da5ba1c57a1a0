/**
 * The catalogue: every official template, validated against its schema before anything uses
 * it, so nothing downstream ever sees a malformed rule. Ids are stable public names.
 *
 * The compiled command line reads the catalogue the build validated; the tests from source and
 * the add-in validate it as this module loads (templates/built-in.ts, built-in.addin.ts).
 */
import { builtInCatalogue } from "./built-in";
import type { Form, KpiSet, Rubric, Scheme, SummaryTable, Template } from "./schema";

const catalogue = builtInCatalogue();

export const RUBRICS: readonly Rubric[] = catalogue.rubrics;
export const SCHEMES: readonly Scheme[] = catalogue.schemes;
export const KPI_SETS: readonly KpiSet[] = catalogue.kpiSets;
export const SUMMARIES: readonly SummaryTable[] = catalogue.summaries;
export const FORMS: readonly Form[] = catalogue.forms;

export const ALL_TEMPLATES: readonly Template[] = [...RUBRICS, ...SCHEMES, ...KPI_SETS, ...SUMMARIES, ...FORMS];

const byId = new Map(ALL_TEMPLATES.map((t) => [t.id, t]));
if (byId.size !== ALL_TEMPLATES.length) throw new Error("two templates share an id");

export function findTemplate(id: string): Template | undefined {
  return byId.get(id);
}

export function findRubric(id: string): Rubric | undefined {
  const t = byId.get(id);
  return t?.kind === "rubric" ? t : undefined;
}

export function findScheme(id: string): Scheme | undefined {
  const t = byId.get(id);
  return t?.kind === "scheme" ? t : undefined;
}
