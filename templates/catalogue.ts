/**
 * The built-in catalogue checked against its schema: every official template through
 * loadTemplate (zod), each under the kind it is listed as. The build runs this once and ships
 * its output (scripts/build-catalogue.ts); otherwise it runs as the catalogue loads, where no
 * shipped copy sits beside it (the tests from source: templates/built-in.ts) and in the add-in
 * (templates/built-in.addin.ts).
 */
import type { Form, KpiSet, Rubric, Scheme, SummaryTable, Template } from "./schema";
import { loadTemplate } from "./load";
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

function load<K extends Template["kind"]>(kind: K, raw: unknown): Extract<Template, { kind: K }> {
  const t = loadTemplate(raw);
  if (t.kind !== kind) throw new Error(`template ${t.id} is a ${t.kind}, listed among the ${kind}s`);
  return t as Extract<Template, { kind: K }>;
}

/** Validates every built-in template; throws TemplateError naming the template and field of the first malformed one. */
export function validateCatalogue(): Catalogue {
  return {
    rubrics: [shaoxingDiscrete, shaoxingProcess].map((t) => load("rubric", t)),
    schemes: [shaoxing, national2024, shanxi2018, pujiang].map((t) => load("scheme", t)),
    kpiSets: [nationalKpis].map((t) => load("kpi-set", t)),
    summaries: [shanxi2018Summary, national2024Summary].map((t) => load("summary", t)),
    forms: [shanxi2018Application, pujiangApplication, pujiangAcceptance].map((t) => load("form", t)),
  };
}
