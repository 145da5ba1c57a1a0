/**
 * The catalogue: the built-in official templates, validated against their schema before anything
 * uses them, plus the templates users load at run time (a JSON file through `--templates`, the
 * task pane's 导入模板, a workbook that carries one). Ids are stable public names.
 *
 * The compiled command line reads the built-in catalogue the build validated; the tests from
 * source and the add-in take theirs from templates/built-in.ts and built-in.addin.ts.
 *
 * RUBRICS, SCHEMES… are the built-in templates only, fixed as this module loads. Everything that
 * must also see loaded templates (every command, custom function and task pane list) asks the
 * functions below, which read the catalogue as it is now.
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

const builtInIds = new Map(ALL_TEMPLATES.map((t) => [t.id, t]));
if (builtInIds.size !== ALL_TEMPLATES.length) throw new Error("two templates share an id");

/** A loaded template the catalogue cannot take: its id is taken, or it would name a sheet another template's sheet has. */
export class CatalogueError extends Error {
  constructor(
    readonly templateId: string,
    message: string,
  ) {
    super(message);
    this.name = "CatalogueError";
  }
}

/** The templates loaded at run time, in the order they were added; a template loaded again replaces the earlier copy. */
let loaded: readonly Template[] = [];
let byId: ReadonlyMap<string, Template> = builtInIds;
let revision = 0;
const listeners = new Set<() => void>();

/**
 * The sheet ids a template's sheets take (src/sheets/registry.ts derives them the same way): a
 * rubric has its single, batch and panel sheets, every other template one sheet named by its id.
 * Two templates whose sheets would share an id cannot both be in the catalogue.
 */
export function sheetIdsOf(t: Pick<Template, "id" | "kind">): string[] {
  return t.kind === "rubric" ? Object.values(rubricSheetIds(t.id)) : [t.id];
}

/** The ids of a rubric's three scoring sheets: one enterprise, one enterprise per row, an expert panel. */
export function rubricSheetIds(id: string): { single: string; batch: string; panel: string } {
  return { single: id, batch: `${id}-batch`, panel: `${id}-panel` };
}

/**
 * Adds validated templates (templates/load.ts) to the catalogue, all or none. A built-in id is
 * refused: a bureau's local table is a new template with its own id, never a silent replacement
 * of an official one. A template already loaded under the same id is replaced (a newer version
 * imported again).
 */
export function addTemplates(templates: readonly Template[]): void {
  const incoming = new Map<string, Template>();
  for (const t of templates) {
    if (builtInIds.has(t.id)) {
      throw new CatalogueError(t.id, `模板 ${t.id} 与内置模板同名 / template ${t.id} has the id of a built-in template: give the loaded template an id of its own`);
    }
    if (incoming.has(t.id)) throw new CatalogueError(t.id, `模板 ${t.id} 出现了两次 / template ${t.id} is given twice`);
    incoming.set(t.id, t);
  }
  const next = [...loaded.filter((t) => !incoming.has(t.id)), ...incoming.values()];
  const sheetOwner = new Map<string, string>();
  for (const t of [...ALL_TEMPLATES, ...next]) {
    for (const sheet of sheetIdsOf(t)) {
      const owner = sheetOwner.get(sheet);
      if (owner !== undefined) {
        throw new CatalogueError(t.id, `模板 ${t.id} 的工作表 ${sheet} 与模板 ${owner} 的工作表同名 / template ${t.id} would make a sheet ${sheet}, which template ${owner} already makes`);
      }
      sheetOwner.set(sheet, t.id);
    }
  }
  replaceLoaded(next);
}

/** Takes a loaded template out of the catalogue; false when none has that id (built-in templates stay). */
export function removeTemplate(id: string): boolean {
  if (!loaded.some((t) => t.id === id)) return false;
  replaceLoaded(loaded.filter((t) => t.id !== id));
  return true;
}

function replaceLoaded(next: readonly Template[]): void {
  loaded = next;
  byId = new Map([...builtInIds, ...next.map((t) => [t.id, t] as const)]);
  revision += 1;
  for (const listener of listeners) listener();
}

/** Whether the id is one of the built-in official templates. */
export function isBuiltIn(id: string): boolean {
  return builtInIds.has(id);
}

/** The templates loaded at run time, built-in ones excluded. */
export function loadedTemplates(): readonly Template[] {
  return loaded;
}

/** Goes up by one each time the loaded templates change: caches derived from the catalogue (the sheets) key on it. */
export function catalogueRevision(): number {
  return revision;
}

/** Calls the listener after each change of the loaded templates (the task pane lists them again); returns the unsubscribe. */
export function onCatalogueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every template, built-in first, then the loaded ones in the order they were added. */
export function allTemplates(): readonly Template[] {
  return loaded.length === 0 ? ALL_TEMPLATES : [...ALL_TEMPLATES, ...loaded];
}

function ofKind<K extends Template["kind"]>(builtIn: readonly Extract<Template, { kind: K }>[], kind: K): readonly Extract<Template, { kind: K }>[] {
  if (loaded.length === 0) return builtIn;
  return [...builtIn, ...loaded.filter((t): t is Extract<Template, { kind: K }> => t.kind === kind)];
}

export const rubrics = (): readonly Rubric[] => ofKind(RUBRICS, "rubric");
export const schemes = (): readonly Scheme[] => ofKind(SCHEMES, "scheme");
export const kpiSets = (): readonly KpiSet[] => ofKind(KPI_SETS, "kpi-set");
export const summaries = (): readonly SummaryTable[] => ofKind(SUMMARIES, "summary");
export const forms = (): readonly Form[] => ofKind(FORMS, "form");

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
