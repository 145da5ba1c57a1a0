/**
 * Every sheet Assessbook builds, derived from the catalogue: a rubric's three scoring sheets, one
 * sheet for each other template, in the catalogue's order by kind. Nothing here names a
 * template: a template loaded at run time (templates/index.ts addTemplates) has its sheets as
 * soon as it is in the catalogue.
 */
import { allTemplates, catalogueRevision, isBuiltIn, loadedTemplates } from "../../templates/index";
import type { Template } from "../../templates/schema";
import { scoringSheets } from "./scoring";
import type { SheetTemplate } from "./sheet-template";
import { tableSheet } from "./tables";

// The sheets import these types from sheet-template.ts, not from here: this module imports them.
export type { ParamDef, Params, SheetTemplate } from "./sheet-template";

/** The order of the sheets by kind: scoring sheets, self-checks, summary tables, trackers, forms. */
const KIND_ORDER: readonly Template["kind"][] = ["rubric", "scheme", "summary", "kpi-set", "form"];

/** The sheets of the templates, by kind in KIND_ORDER, each kind in the templates' order. */
export function sheetsOf(templates: readonly Template[]): SheetTemplate[] {
  return KIND_ORDER.flatMap((kind) => templates.filter((t) => t.kind === kind)).flatMap((t) => (t.kind === "rubric" ? scoringSheets(t) : [tableSheet(t)]));
}

/**
 * The sheets of the built-in templates only, for the tests and the benchmarks. Product code asks
 * sheetTemplates() and findSheetTemplate(), which see loaded templates too (eslint enforces it).
 */
export const SHEET_TEMPLATES: readonly SheetTemplate[] = sheetsOf(allTemplates().filter((t) => isBuiltIn(t.id)));

let cache: { revision: number; sheets: readonly SheetTemplate[]; byId: ReadonlyMap<string, SheetTemplate> } | undefined;

/** Every sheet, built-in templates' first, then those of the loaded templates; rebuilt when the catalogue changes. */
export function sheetTemplates(): readonly SheetTemplate[] {
  return current().sheets;
}

export function findSheetTemplate(id: string): SheetTemplate | undefined {
  return current().byId.get(id);
}

function current(): NonNullable<typeof cache> {
  const revision = catalogueRevision();
  if (cache?.revision !== revision) {
    const loaded = loadedTemplates();
    const sheets = loaded.length === 0 ? SHEET_TEMPLATES : [...SHEET_TEMPLATES, ...sheetsOf(loaded)];
    cache = { revision, sheets, byId: new Map(sheets.map((s) => [s.id, s])) };
  }
  return cache;
}
