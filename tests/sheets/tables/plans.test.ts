/**
 * Every table sheet, with its sample data and blank, under every parameter choice, renders a
 * well-formed plan: each input bound once to an unlocked constant cell, results bound to formula
 * cells, portable functions only (DESIGN.md "Why sheets carry native formulas"), a marker naming
 * the template, version and params, and a file the shared writer accepts. Data of the wrong shape
 * comes back as Problems naming the field; render never throws.
 */
import fc from "fast-check";
import { ALL_TEMPLATES } from "../../../templates/index";
import { portabilityIssues } from "../../../src/sheets/portable";
import type { SheetPlan } from "../../../src/sheets/plan";
import { SHEET_TEMPLATES } from "../../../src/sheets/registry";
import { writeWorkbook } from "../../../src/xlsx/writer";
import { TABLE_SHEETS, paramsOf, plan, sheet } from "./support";

const IDS = [
  "shaoxing",
  "national-2024",
  "shanxi-2018",
  "pujiang",
  "shanxi-2018-summary",
  "national-2024-summary",
  "national-2024-kpis",
  "shanxi-2018-application",
  "pujiang-application",
  "pujiang-acceptance",
];

/** Every parameter choice worth rendering: each option of a choice, the bounds of an integer. */
function variants(id: string): Record<string, unknown>[] {
  const t = sheet(id);
  const out: Record<string, unknown>[] = [{}];
  for (const p of t.params) {
    if (p.type === "choice") for (const o of p.options ?? []) out.push({ [p.key]: o.value });
    else out.push({ [p.key]: p.min }, { [p.key]: p.max });
  }
  return out;
}

const cases = IDS.flatMap((id) => [
  ...variants(id).map((params) => ({ id, params, data: undefined as unknown, label: `${id} ${JSON.stringify(params)} blank` })),
  { id, params: {}, data: sheet(id).sample(), label: `${id} sample` },
]);

function formulas(p: SheetPlan): string[] {
  return [...p.cells.flatMap((c) => (c.formula === undefined ? [] : [c.formula])), ...p.conditionalFormats.map((cf) => cf.formula)];
}

test("TABLE_SHEETS are the issue's ten sheets, each a registered SheetTemplate named after its catalogue template", () => {
  expect(TABLE_SHEETS.map((t) => t.id)).toEqual(IDS);
  for (const t of TABLE_SHEETS) {
    expect(SHEET_TEMPLATES).toContain(t);
    expect(ALL_TEMPLATES.map((x) => x.id)).toContain(t.template);
  }
});

describe.each(cases)("$label", ({ id, params, data }) => {
  const t = sheet(id);
  const p = plan(t, data, params);

  test("each input code is bound once, to an unlocked cell holding a constant", () => {
    const codes = p.inputs.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const binding of p.inputs) {
      const cell = p.cells.find((c) => c.row === binding.row && c.col === binding.col);
      expect(cell?.locked).toBe(false);
      expect(cell?.formula).toBeUndefined();
    }
  });

  test("every result is bound once to a formula cell", () => {
    const keys = p.results.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of p.results) expect(p.cells.find((c) => c.row === r.row && c.col === r.col)?.formula).toBeDefined();
  });

  test("formulas and conditional formats call portable functions only", () => {
    const issues = formulas(p).flatMap((f) => portabilityIssues(f).map((i) => `${i.name} (${i.kind}) in ${f.slice(0, 60)}`));
    expect(issues).toEqual([]);
  });

  test("formulas stay within Excel's limits: 8,192 characters, 255 per text literal, 64 nested levels", () => {
    for (const f of formulas(p)) {
      expect(f.length).toBeLessThanOrEqual(8192);
      for (const literal of f.match(/"(?:[^"]|"")*"/g) ?? []) expect(literal.length - 2).toBeLessThanOrEqual(255);
      let depth = 0;
      let deepest = 0;
      for (const ch of f.replace(/"(?:[^"]|"")*"/g, "")) {
        depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
        deepest = Math.max(deepest, depth);
      }
      expect(deepest).toBeLessThanOrEqual(64);
    }
  });

  test("the marker names the template, its version and the params it was rendered with", () => {
    const template = ALL_TEMPLATES.find((x) => x.id === t.template);
    expect(p.marker).toEqual({ template: t.template, version: template?.version, params: paramsOf(t, params) });
  });

  test("the shared xlsx writer accepts the plan (validation texts within Excel's limits, nothing inside merges)", async () => {
    await expect(writeWorkbook([p])).resolves.toBeDefined();
  });

  test("the sheet prints on A4 with a title row in 黑体 22 pt (ruling F1)", () => {
    // Row 1, or row 2 under an annex's 附件N label (ruling F2).
    const first = p.cells.find((c) => c.row === 1 && c.col === 1);
    const title = /^附件\d+$/.test(String(first?.value)) ? p.cells.find((c) => c.row === 2 && c.col === 1) : first;
    expect(title?.style?.font).toMatchObject({ name: "黑体", size: 22 });
    expect(p.print.margins).toBeDefined();
    expect(p.print.fitToWidth).toBe(true);
  });
});

describe("data of the wrong shape", () => {
  test.each(IDS)("%s: a string, a number or an array for the whole data comes back as Problems", (id) => {
    const t = sheet(id);
    for (const data of ["是", 42, [1, 2, 3].map(String), true]) {
      const r = t.render(paramsOf(t), data);
      expect(r.ok).toBe(false);
      if (!r.ok) for (const problem of r.problems) expect(problem.message.zh.length).toBeGreaterThan(0);
    }
  });

  test.each(IDS)("%s: render never throws on arbitrary JSON, and an accepted render is well-formed", (id) => {
    const t = sheet(id);
    fc.assert(
      fc.property(fc.jsonValue(), (data) => {
        const r = t.render(paramsOf(t), data);
        if (r.ok) expect(new Set(r.value.inputs.map((i) => i.code)).size).toBe(r.value.inputs.length);
        else expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  test.each(IDS)("%s: an unknown field is named in a Problem", (id) => {
    const t = sheet(id);
    const sample = t.sample() as Record<string, unknown>;
    const r = t.render(paramsOf(t), { ...sample, "no-such-field": "x" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toContain("no-such-field");
  });

  test.each(IDS.filter((id) => sheet(id).params.length > 0))("%s: a bad parameter is a Problem naming it", (id) => {
    const t = sheet(id);
    const key = t.params[0].key;
    const r = t.render({ [key]: "no-such-choice-9999" }, undefined);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.code)).toContain(key);
  });
});
