/**
 * templates/index.ts as a registry: templates loaded at run time join the built-in ones, all or
 * none, never under a built-in id or a sheet id another template makes, and every reader of the
 * catalogue sees them at once.
 */
import {
  addTemplates,
  allTemplates,
  ALL_TEMPLATES,
  CatalogueError,
  catalogueRevision,
  findRubric,
  findTemplate,
  isBuiltIn,
  loadedTemplates,
  onCatalogueChange,
  removeTemplate,
  RUBRICS,
  rubrics,
  SCHEMES,
  schemes,
  sheetIdsOf,
} from "../../templates/index";
import type { Rubric, Scheme } from "../../templates/schema";

/** A built-in rubric under another id: a valid template the catalogue does not hold. */
function rubricNamed(id: string, version = 1): Rubric {
  return { ...structuredClone(RUBRICS[0]), id, version };
}

function schemeNamed(id: string): Scheme {
  return { ...structuredClone(SCHEMES[0]), id };
}

afterEach(() => {
  for (const t of [...loadedTemplates()]) removeTemplate(t.id);
});

test("with nothing loaded, the readers give the built-in templates themselves", () => {
  expect(loadedTemplates()).toEqual([]);
  expect(allTemplates()).toBe(ALL_TEMPLATES);
  expect(rubrics()).toBe(RUBRICS);
  for (const t of ALL_TEMPLATES) expect(isBuiltIn(t.id)).toBe(true);
});

test("a loaded rubric and scheme are found by id and listed after the built-in ones of their kind", () => {
  const rubric = rubricNamed("county-a");
  const scheme = schemeNamed("county-tiers");
  addTemplates([rubric, scheme]);
  expect(findRubric("county-a")).toBe(rubric);
  expect(findTemplate("county-tiers")).toBe(scheme);
  expect(rubrics().map((r) => r.id)).toEqual([...RUBRICS.map((r) => r.id), "county-a"]);
  expect(schemes().map((s) => s.id)).toEqual([...SCHEMES.map((s) => s.id), "county-tiers"]);
  expect(allTemplates()).toHaveLength(ALL_TEMPLATES.length + 2);
  expect(isBuiltIn("county-a")).toBe(false);
  // The built-in constants stay what they were.
  expect(RUBRICS.map((r) => r.id)).not.toContain("county-a");
});

test("loading a template again under its id replaces the earlier copy (a newer version)", () => {
  addTemplates([rubricNamed("county-a", 1)]);
  addTemplates([rubricNamed("county-a", 2)]);
  expect(loadedTemplates().map((t) => [t.id, t.version])).toEqual([["county-a", 2]]);
  expect(findRubric("county-a")?.version).toBe(2);
});

test("a built-in id is refused, and nothing of the batch is added", () => {
  const before = catalogueRevision();
  const attempt = () => addTemplates([rubricNamed("county-a"), rubricNamed(RUBRICS[0].id)]);
  expect(attempt).toThrow(CatalogueError);
  expect(attempt).toThrow(`template ${RUBRICS[0].id} has the id of a built-in template`);
  expect(loadedTemplates()).toEqual([]);
  expect(catalogueRevision()).toBe(before);
});

test("the same id twice in one batch is refused", () => {
  expect(() => addTemplates([rubricNamed("county-a"), schemeNamed("county-a")])).toThrow("template county-a is given twice");
  expect(loadedTemplates()).toEqual([]);
});

test("a template whose sheet id another template's sheet has is refused, naming both", () => {
  // A rubric makes <id>-batch and <id>-panel besides <id>: a scheme cannot take either name.
  const clash = schemeNamed(`${RUBRICS[0].id}-batch`);
  expect(() => addTemplates([clash])).toThrow(`template ${clash.id} would make a sheet ${clash.id}, which template ${RUBRICS[0].id} already makes`);
  addTemplates([rubricNamed("county-a")]);
  expect(() => addTemplates([schemeNamed("county-a-panel")])).toThrow("which template county-a already makes");
  expect(loadedTemplates().map((t) => t.id)).toEqual(["county-a"]);
});

test("sheetIdsOf names a rubric's three sheets and one sheet for every other kind", () => {
  expect(sheetIdsOf({ id: "x", kind: "rubric" })).toEqual(["x", "x-batch", "x-panel"]);
  expect(sheetIdsOf({ id: "y", kind: "scheme" })).toEqual(["y"]);
});

test("listeners hear each change, once, and the revision counts them; removing an unknown or built-in id changes nothing", () => {
  const heard: number[] = [];
  const stop = onCatalogueChange(() => heard.push(catalogueRevision()));
  const start = catalogueRevision();
  addTemplates([rubricNamed("county-a")]);
  expect(removeTemplate("county-a")).toBe(true);
  expect(removeTemplate("county-a")).toBe(false);
  expect(removeTemplate(RUBRICS[0].id)).toBe(false);
  expect(findRubric(RUBRICS[0].id)).toBe(RUBRICS[0]);
  stop();
  addTemplates([rubricNamed("county-b")]);
  expect(heard).toEqual([start + 1, start + 2]);
});
