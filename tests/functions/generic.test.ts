import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ALL_TEMPLATES, KPI_SETS, RUBRICS, SCHEMES } from "../../templates/index";
import { SCORE_SHORTCUTS } from "../../templates/shortcuts";
import { FUNCTION_STRINGS } from "../../functions/strings";
import { kpiChange, score, scoreDiscrete, scoreProcess, tier, tierCheck } from "../../functions/functions";
import { shown, thrown } from "./excel";
import { A, A_SECTIONS, B, C, C_SECTIONS, DISCRETE, NATIONAL_ADVANCED, PROCESS, PUJIANG_ROW, SHAOXING_ROWS } from "./fixtures";

/**
 * ASSESS.SCORE and ASSESS.TIER over any rubric or scheme of the catalogue (issue 13 item 2), the
 * shortcuts they keep, the KPI set chosen by id, and the words of functions/ naming no template
 * by hand.
 */

const NA = "#N/A";

describe("SCORE", () => {
  it("scores any rubric by its id, as its shortcut does: totals per row, subtotals with detail", () => {
    expect(score(DISCRETE.id, [A, B])).toEqual(scoreDiscrete([A, B]));
    expect(score(DISCRETE.id, [A], true)).toEqual([A_SECTIONS]);
    expect(score(PROCESS.id, [C], true)).toEqual([C_SECTIONS]);
    expect(score(PROCESS.id, [C])).toEqual(scoreProcess([C]));
  });

  it("an id that is not a rubric is #N/A listing the rubrics", () => {
    const e = shown(thrown(() => score(SCHEMES[0].id, [A])));
    expect(e).toEqual({ code: NA, message: expect.stringContaining(RUBRICS.map((r) => r.id).join(", ")) });
    expect(shown(thrown(() => score("no-such-rubric", [A])))).toMatchObject({ code: NA });
  });

  it("the shortcuts score the rubrics templates/shortcuts.ts names", () => {
    expect(Object.values(SCORE_SHORTCUTS).sort()).toEqual([DISCRETE.id, PROCESS.id].sort());
    for (const id of Object.values(SCORE_SHORTCUTS)) expect(RUBRICS.map((r) => r.id)).toContain(id);
  });
});

describe("TIER", () => {
  it("names the highest tier met in any scheme, as TIER_CHECK does", () => {
    expect(tier("shaoxing", [SHAOXING_ROWS.workshop, SHAOXING_ROWS.none])).toEqual([["智能制造示范车间"], ["未达标"]]);
    expect(tier("national-2024", [NATIONAL_ADVANCED])).toEqual(tierCheck("national-2024", [NATIONAL_ADVANCED]));
    expect(tier("pujiang", [PUJIANG_ROW])).toEqual(tierCheck("pujiang", [PUJIANG_ROW]));
  });

  it("a rubric id is #N/A pointing to SCORE and listing the schemes", () => {
    expect(shown(thrown(() => tier(DISCRETE.id, [A])))).toEqual({
      code: NA,
      message: `scheme：“${DISCRETE.id}”是评分表，不是认定方案（计分请用 SCORE）；认定方案有：${SCHEMES.map((s) => s.id).join(", ")}`,
    });
  });
});

describe("KPI_CHANGE chooses its KPI set by id", () => {
  it("blank is the catalogue's one set; its id gives the same; another id is #N/A listing the sets", () => {
    expect(KPI_SETS).toHaveLength(1);
    expect(kpiChange(200, 150, "研制周期缩短")).toBeCloseTo(0.25, 12);
    expect(kpiChange(200, 150, "研制周期缩短", KPI_SETS[0].id)).toBeCloseTo(0.25, 12);
    expect(kpiChange(200, 150, "研制周期缩短", ` ${KPI_SETS[0].id.toUpperCase()} `)).toBeCloseTo(0.25, 12);
    expect(shown(thrown(() => kpiChange(200, 150, 1, DISCRETE.id)))).toEqual({ code: NA, message: `set：没有编号为“${DISCRETE.id}”的关键绩效指标；可用：${KPI_SETS[0].id}` });
  });
});

describe("the words of the functions name no template by hand", () => {
  const ids = ALL_TEMPLATES.map((t) => t.id);

  it.each(["functions/functions.ts", "functions/strings.ts", "functions/measures.ts", "functions/scoring.ts", "functions/arguments.ts", "functions/tiers.ts"])("%s holds no template id", (file) => {
    const text = readFileSync(join(__dirname, "../..", file), "utf8");
    expect(ids.filter((id) => new RegExp(`["'\`(]${id}["'\`)]`).test(text))).toEqual([]);
  });

  it("parameter descriptions list no ids; the shortcuts' answer counts and the examples come from the catalogue", () => {
    for (const f of FUNCTION_STRINGS) {
      for (const p of f.parameters) for (const id of ids) expect([f.id, p.description.en]).toEqual([f.id, expect.not.stringContaining(id)]);
    }
    const rows = (id: string) => FUNCTION_STRINGS.find((f) => f.id === id)?.parameters[0].description.en;
    expect(rows("SCORE_DISCRETE")).toContain(`${DISCRETE.inputs.length} answers`);
    expect(rows("SCORE_PROCESS")).toContain(`${PROCESS.inputs.length} answers`);
    const example = (id: string) => FUNCTION_STRINGS.find((f) => f.id === id)?.example.formula;
    expect(example("SCORE")).toBe(`=ASSESS.SCORE("${RUBRICS[0].id}", B2:AB2)`);
    expect(example("SCORE_DISCRETE")).toBe("=ASSESS.SCORE_DISCRETE(B2:AB2)");
    // The example's range spans one answer per input, from column B.
    const [, scheme, last] = /^=ASSESS\.TIER\("([^"]+)", B2:([A-Z]+)2\)$/.exec(example("TIER") ?? "") ?? [];
    expect(scheme).toBe(SCHEMES[0].id);
    expect(Array.from(last ?? "").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)).toBe(SCHEMES[0].inputs.length + 1);
  });
});
