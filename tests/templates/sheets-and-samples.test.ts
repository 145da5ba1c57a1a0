/**
 * Each template carries its sheet's name and options and its sample data (issue 13 item 1), and
 * the sheets are derived from the catalogue with no list of ids: a built-in template's sample
 * builds every one of its sheets, a template that gives neither `sheet` nor `sample` (a user's
 * JSON file) still builds, named after its title with a generated sample, and a template added
 * to the catalogue at run time has its sheets at once.
 */
import { score } from "../../src/core/score";
import { checkParams } from "../../src/sheets/params";
import { SHEET_TEMPLATES, findSheetTemplate, sheetTemplates, sheetsOf, type SheetTemplate } from "../../src/sheets/registry";
import { ALL_TEMPLATES, RUBRICS, SCHEMES, addTemplates, removeTemplate, sheetIdsOf } from "../../templates/index";
import { loadTemplate, TemplateError } from "../../templates/load";
import type { Rubric, Scheme, Template } from "../../templates/schema";
import { RUBRIC_SHEET_NAME_MAX, SHEET_NAME_MAX, toSheetName } from "../../templates/sheet-name";

jest.setTimeout(120_000);

const defaults = (t: SheetTemplate) => {
  const p = checkParams(t.params, {});
  if (!p.ok) throw new Error(`${t.id}: default params refused: ${JSON.stringify(p.problems)}`);
  return p.value;
};

/** Renders the sheet with its sample and computes what the engine expects of it: both must succeed. */
function buildsWithSample(t: SheetTemplate): { name: string } {
  const data = t.sample();
  const plan = t.render(defaults(t), data);
  if (!plan.ok) throw new Error(`${t.id}: its sample is refused: ${JSON.stringify(plan.problems)}`);
  const expected = t.expected(defaults(t), data);
  if (!expected.ok) throw new Error(`${t.id}: the engine refuses its sample: ${JSON.stringify(expected.problems)}`);
  return { name: plan.value.name };
}

/** A built-in template as a user's JSON file might give it: its own id, no `sheet`, no `sample`. */
function bare(t: Template, id: string): Template {
  const raw = JSON.parse(JSON.stringify(t)) as Record<string, unknown>;
  delete raw.sheet;
  delete raw.sample;
  return loadTemplate({ ...raw, id });
}

describe("built-in templates", () => {
  test.each(ALL_TEMPLATES.map((t) => [t.id, t] as const))("%s names its sheet and carries a sample that is plain JSON data", (_id, t) => {
    expect(t.sheet?.name).toBeDefined();
    expect(t.sample).toBeDefined();
    // No function, undefined or class instance: the shipped catalogue and a template file hold it as JSON.
    expect(JSON.parse(JSON.stringify(t.sample))).toStrictEqual(t.sample);
  });

  test.each(SHEET_TEMPLATES.map((t) => [t.id, t] as const))("the sample of %s builds its sheet", (_id, t) => {
    buildsWithSample(t);
  });

  test("every built-in template's sheets are derived from it: its sheet ids, in catalogue order by kind", () => {
    const ids = ALL_TEMPLATES.flatMap(sheetIdsOf);
    expect([...SHEET_TEMPLATES.map((s) => s.id)].sort()).toEqual([...ids].sort());
    expect(SHEET_TEMPLATES.map((s) => s.template)).toEqual(
      ["rubric", "scheme", "summary", "kpi-set", "form"].flatMap((kind) => ALL_TEMPLATES.filter((t) => t.kind === kind).flatMap((t) => sheetIdsOf(t).map(() => t.id))),
    );
  });

  test("the sheets take their names and options from the template: 表1 评分, a scheme's name, byMode as the mode parameter", () => {
    const discrete = RUBRICS[0];
    expect(discrete.sheet?.name).toBe("表1");
    expect(sheetIdsOf(discrete).map((id) => findSheetTemplate(id)?.render(defaults(findSheetTemplate(id) as SheetTemplate)))).toEqual([
      expect.objectContaining({ ok: true, value: expect.objectContaining({ name: "表1 评分" }) }),
      expect.objectContaining({ ok: true, value: expect.objectContaining({ name: "表1 批量评分" }) }),
      expect.objectContaining({ ok: true, value: expect.objectContaining({ name: "表1 专家组评分" }) }),
    ]);
    for (const scheme of SCHEMES) {
      const sheet = findSheetTemplate(scheme.id) as SheetTemplate;
      expect(buildsWithSample(sheet).name).toBe(scheme.sheet?.name);
      expect(sheet.params.some((p) => p.key === "mode")).toBe(scheme.sheet?.byMode === true);
    }
    expect(SCHEMES.some((s) => s.sheet?.byMode)).toBe(true);
  });

  test("a rubric's panel sample starts from the engine's item scores of its single sample", () => {
    for (const rubric of RUBRICS) {
      const { single, panel } = rubric.sample as unknown as { single: Record<string, unknown>; panel: { experts: { scores: Record<string, number> }[] } };
      const answers = Object.fromEntries(Object.entries(single).filter(([key]) => !["enterprise", "date", "expert", "adjustments"].includes(key)));
      const scored = score(rubric, answers, single.adjustments);
      if (!scored.ok) throw new Error(`${rubric.id}: ${JSON.stringify(scored.problems)}`);
      expect(panel.experts[0].scores).toStrictEqual(Object.fromEntries(scored.value.items.map((i) => [i.code, i.score])));
    }
  });
});

describe("a template that gives no sheet and no sample (a user's JSON file)", () => {
  const bareTemplates = ALL_TEMPLATES.map((t) => bare(t, `bare-${t.id}`));
  const sheets = sheetsOf(bareTemplates);

  test.each(sheets.map((s) => [s.id, s] as const))("%s builds with a generated sample, named after the template's title", (_id, s) => {
    const template = bareTemplates.find((t) => t.id === s.template) as Template;
    const { name } = buildsWithSample(s);
    if (template.kind === "rubric") expect(name.startsWith(`${toSheetName(template.title.zh, RUBRIC_SHEET_NAME_MAX)} `)).toBe(true);
    else expect(name).toBe(toSheetName(template.title.zh));
    expect(name.length).toBeLessThanOrEqual(SHEET_NAME_MAX);
  });

  test("a scheme's sheet takes the defaults: filled in by the enterprise, every tier shown, its common conditions headed 基本条件", () => {
    const scheme = bareTemplates.find((t): t is Scheme => t.kind === "scheme" && t.common.length > 0) as Scheme;
    const sheet = sheetsOf([scheme])[0];
    expect(sheet.role).toBe("enterprise");
    expect(sheet.params).toEqual([]);
    const plan = sheet.render({}, sheet.sample());
    if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
    expect(plan.value.cells.some((c) => c.value === "基本条件（各级均须满足）" || c.value === "基本条件（各类型均须满足）")).toBe(true);
  });

  test("a generated scheme sample answers only the default mode of a sheet shown one mode at a time", () => {
    const byMode = SCHEMES.find((s) => s.sheet?.byMode) as Scheme;
    const raw = JSON.parse(JSON.stringify(byMode)) as Record<string, unknown>;
    delete raw.sample;
    const sheet = sheetsOf([loadTemplate({ ...raw, id: "by-mode-without-sample" })])[0];
    buildsWithSample(sheet);
  });
});

describe("the schema's sheet", () => {
  const rubric = RUBRICS[0];
  const issues = (t: Record<string, unknown>): string[] => {
    try {
      loadTemplate(t);
      return [];
    } catch (e) {
      if (e instanceof TemplateError) return e.issues;
      throw e;
    }
  };

  test.each([
    ["a bracket", "表[1]"],
    ["a colon", "表:1"],
    ["a slash", "表1/2"],
    ["a question mark", "表1?"],
    ["a leading apostrophe", "'表1"],
    ["a trailing apostrophe", "表1'"],
    ["nothing", ""],
    ["32 characters", "表".repeat(32)],
  ])("refuses a sheet name with %s, naming the field", (_what, name) => {
    const scheme = SCHEMES[0];
    expect(issues({ ...scheme, sheet: { name } })).toEqual([expect.stringMatching(/^sheet\.name: /)]);
  });

  test("a rubric's sheet name leaves room for the longest suffix its sheets add (专家组评分)", () => {
    expect(issues({ ...rubric, sheet: { name: "表".repeat(RUBRIC_SHEET_NAME_MAX) } })).toEqual([]);
    expect(issues({ ...rubric, sheet: { name: "表".repeat(RUBRIC_SHEET_NAME_MAX + 1) } })).toEqual([expect.stringMatching(/^sheet\.name: at most 25 characters/)]);
  });

  test("a scheme's sheet takes only known fields; a rubric's sample has its three sheets' data", () => {
    expect(issues({ ...SCHEMES[0], sheet: { name: "x", byMode: "yes" } })).toEqual([expect.stringMatching(/^sheet\.byMode: /)]);
    expect(issues({ ...SCHEMES[0], sheet: { name: "x", colour: "red" } })).toEqual([expect.stringMatching(/^sheet: /)]);
    expect(issues({ ...rubric, sample: { single: {} } })).toEqual([expect.stringMatching(/^sample\.batch: /), expect.stringMatching(/^sample\.panel: /)]);
  });

  test("toSheetName drops what Excel forbids, trims apostrophes and cuts to the limit without halving a character", () => {
    expect(toSheetName("绍兴/市:表[1]*?\\")).toBe("绍兴市表1");
    expect(toSheetName("'引号'")).toBe("引号");
    expect(toSheetName("a\tb\nc")).toBe("a b c");
    expect(toSheetName("表".repeat(40))).toBe("表".repeat(31));
    expect(toSheetName(`${"表".repeat(30)}𠀀`)).toBe("表".repeat(30));
    expect(toSheetName("[]")).toBe("Sheet");
  });
});

describe("templates loaded at run time", () => {
  const loaded = bare(SCHEMES[0], "county-loaded-scheme") as Scheme;
  const loadedRubric = bare(RUBRICS[0], "county-loaded-rubric") as Rubric;
  afterEach(() => {
    removeTemplate(loaded.id);
    removeTemplate(loadedRubric.id);
  });

  test("have their sheets in sheetTemplates() and findSheetTemplate() once added, and lose them once removed", () => {
    expect(findSheetTemplate(loaded.id)).toBeUndefined();
    const before = sheetTemplates();
    addTemplates([loaded, loadedRubric]);
    expect(sheetTemplates().map((s) => s.id)).toEqual([...before.map((s) => s.id), ...sheetIdsOf(loadedRubric), loaded.id]);
    expect(findSheetTemplate(`${loadedRubric.id}-panel`)?.template).toBe(loadedRubric.id);
    expect(buildsWithSample(findSheetTemplate(loaded.id) as SheetTemplate).name).toBe(toSheetName(loaded.title.zh));
    // The built-in sheets are the same objects: only the loaded templates' sheets are made again.
    expect(sheetTemplates().slice(0, SHEET_TEMPLATES.length)).toEqual(SHEET_TEMPLATES);
    removeTemplate(loaded.id);
    expect(findSheetTemplate(loaded.id)).toBeUndefined();
    expect(findSheetTemplate(loadedRubric.id)).toBeDefined();
    expect(SHEET_TEMPLATES.some((s) => s.template === loadedRubric.id)).toBe(false);
  });
});
