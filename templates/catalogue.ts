/**
 * The built-in catalogue checked against its schema: every official template through
 * loadTemplate (zod), each under the kind it is listed as and citing seed files only. The builds
 * run this once and ship its output: the command line's (scripts/build-catalogue.ts) and the
 * add-in's (webpack.config.js; templates/built-in.addin.ts reads it). Otherwise it runs as the
 * catalogue loads, where no shipped copy sits beside it (the tests from source: templates/built-in.ts).
 */
import type { Form, KpiSet, Rubric, Scheme, SummaryTable, Template } from "./schema";
import { SEEDS } from "./documents";
import { citations, loadTemplate, TemplateError } from "./load";
import { shaoxingDiscrete } from "./rubrics/shaoxing-discrete";
import { shaoxingProcess } from "./rubrics/shaoxing-process";
import { shaoxing } from "./schemes/shaoxing";
import { national2024 } from "./schemes/national-2024";
import { shanxi2018 } from "./schemes/shanxi-2018";
import { pujiang } from "./schemes/pujiang";
import { nationalKpis } from "./kpis/national-2024-kpis";
import { shanxi2018Summary } from "./summaries/shanxi-2018-summary";
import { national2024Summary } from "./summaries/national-2024-summary";
import { shanxi2018Application } from "./forms/shanxi-2018-application";
import { pujiangApplication } from "./forms/pujiang-application";
import { pujiangAcceptance } from "./forms/pujiang-acceptance";

/** The validated templates by kind, in the order the catalogue lists them. */
export interface Catalogue {
  rubrics: Rubric[];
  schemes: Scheme[];
  kpiSets: KpiSet[];
  summaries: SummaryTable[];
  forms: Form[];
}

const SEED_FILES: readonly string[] = Object.values(SEEDS);

/**
 * One built-in template validated (loadTemplate) under the kind it is listed as. A built-in
 * template states official rules from the seeds, so every `source` it has cites a seed file;
 * TemplateError names each one that does not.
 */
export function loadBuiltIn<K extends Template["kind"]>(kind: K, raw: unknown): Extract<Template, { kind: K }> {
  const t = loadTemplate(raw);
  if (t.kind !== kind) throw new Error(`template ${t.id} is a ${t.kind}, listed among the ${kind}s`);
  const strays = citations(t).filter((c) => !SEED_FILES.includes(c.doc));
  if (strays.length > 0) {
    throw new TemplateError(
      t.id,
      strays.map((c) => `${c.path.join(".")}: a built-in template cites one of the seed files (${SEED_FILES.join(", ")}), not ${c.doc}`),
    );
  }
  return t as Extract<Template, { kind: K }>;
}

/** The built-in templates as written (template sources), by kind, in the order the catalogue lists them. */
export const BUILT_IN_SOURCES = {
  rubrics: [shaoxingDiscrete, shaoxingProcess],
  schemes: [shaoxing, national2024, shanxi2018, pujiang],
  kpiSets: [nationalKpis],
  summaries: [shanxi2018Summary, national2024Summary],
  forms: [shanxi2018Application, pujiangApplication, pujiangAcceptance],
} as const;

/** Validates every built-in template; throws TemplateError naming the template and field of the first malformed one, or a source citing no seed file. */
export function validateCatalogue(): Catalogue {
  return {
    rubrics: BUILT_IN_SOURCES.rubrics.map((t) => loadBuiltIn("rubric", t)),
    schemes: BUILT_IN_SOURCES.schemes.map((t) => loadBuiltIn("scheme", t)),
    kpiSets: BUILT_IN_SOURCES.kpiSets.map((t) => loadBuiltIn("kpi-set", t)),
    summaries: BUILT_IN_SOURCES.summaries.map((t) => loadBuiltIn("summary", t)),
    forms: BUILT_IN_SOURCES.forms.map((t) => loadBuiltIn("form", t)),
  };
}
