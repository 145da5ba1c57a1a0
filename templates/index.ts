/**
 * The catalogue: every official template, validated against its schema when this module
 * loads, so nothing downstream ever sees a malformed rule. Ids are stable public names.
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

function load<K extends Template["kind"]>(kind: K, raw: unknown): Extract<Template, { kind: K }> {
  const t = loadTemplate(raw);
  if (t.kind !== kind) throw new Error(`template ${t.id} is a ${t.kind}, listed among the ${kind}s`);
  return t as Extract<Template, { kind: K }>;
}

export const RUBRICS: readonly Rubric[] = [load("rubric", shaoxingDiscrete), load("rubric", shaoxingProcess)];
export const SCHEMES: readonly Scheme[] = [shaoxing, national2024, shanxi2018, pujiang].map((t) => load("scheme", t));
export const KPI_SETS: readonly KpiSet[] = [load("kpi-set", nationalKpis)];
export const SUMMARIES: readonly SummaryTable[] = [shanxi2018Summary, national2024Summary].map((t) => load("summary", t));
export const FORMS: readonly Form[] = [shanxi2018Application, pujiangApplication, pujiangAcceptance].map((t) => load("form", t));

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
