/**
 * Issue 12 items 1 and 7, ruling G2: a reduction (…降低/下降/减少/缩短) above 100% is an error
 * naming the input, an improvement (…提高) above 100% is scored with a warning saying how it
 * was read, and a level answer is read with or without spaces. Before issue 12, 表1
 * {"6.4": 12, "6.5": 9, "6.6": 6} scored 13 points with no warning.
 */
import { readAnswer } from "../../src/core/answers";
import { score } from "../../src/core/score";
import { scoreTotals } from "../../src/core/score-fast";
import { kpiChange } from "../../src/core/kpi";
import { KPI_SETS, findRubric, findScheme } from "../../templates/index";
import type { InputDef, Rubric } from "../../templates/schema";

function rubric(id: string): Rubric {
  const r = findRubric(id);
  if (!r) throw new Error(`no rubric ${id}`);
  return r;
}
const discrete = rubric("shaoxing-discrete");
const process_ = rubric("shaoxing-process");
const input = (r: Rubric, code: string): InputDef => r.inputs.find((i) => i.code === code)!;

describe("G2: the kind of each rate is template data", () => {
  test.each([
    [discrete, "6.4", "improvement"],
    [discrete, "6.5", "reduction"],
    [discrete, "6.6", "reduction"],
    [process_, "5.4", "improvement"],
    [process_, "5.5", "reduction"],
    [process_, "5.6", "reduction"],
    [discrete, "3.1", "rate"],
    [process_, "2.2", "rate"],
  ] as const)("%#: %s is a %s", (r, code, type) => {
    expect(input(r, code).type).toBe(type);
  });
});

describe("G2: a reduction above 100% is an error naming the input", () => {
  test("表1 {6.4: 12, 6.5: 9, 6.6: 6}: 6.5 and 6.6 are refused, each with how to write it", () => {
    const r = score(discrete, { "6.4": 12, "6.5": 9, "6.6": 6 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.message.en])).toEqual([
      ["6.5", "a reduction cannot exceed 100%: enter 9% or 0.09, not 9"],
      ["6.6", "a reduction cannot exceed 100%: enter 6% or 0.06, not 6"],
    ]);
    expect(r.problems[0].message.zh).toBe("降低（下降、减少、缩短）幅度不能超过 100%：请填 9% 或 0.09，而不是 9");
  });

  test.each([["5.5", "120%"], ["5.6", 1.0001], ["5.5", "9"]])("表2 %s = %p is refused; the totals-only path refuses it too", (code, raw) => {
    expect(score(process_, { [code]: raw }).ok).toBe(false);
    expect(scoreTotals(process_, process_.inputs.map((i) => (i.code === code ? raw : null))).ok).toBe(false);
  });

  test.each([[1], ["100%"], [-0.5], ["-20%"], [0.09]])("a reduction of %p is an answer (at most 100%; a rise is negative)", (raw) => {
    expect(typeof readAnswer(input(discrete, "6.5"), raw)).toBe("number");
  });
});

describe("G2: an improvement above 100% is scored with a warning saying how it was read", () => {
  test("表1 6.4 = 12 scores 5 with the warning, in score() and scoreTotals() alike", () => {
    const r = score(discrete, { "6.4": 12 });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.items.find((i) => i.code === "6.4")?.score).toBe(5);
    expect(r.value.warnings.map((w) => [w.code, w.message.en, w.source.ruling])).toEqual([["6.4", "Production efficiency improvement: 12 read as 1200%; for 12% enter 12% or 0.12", "G2"]]);
    expect(r.value.warnings[0].message.zh).toBe("生产效率提高：12 按 1200% 计；若指 12%，请填 12% 或 0.12");
    const fast = scoreTotals(discrete, discrete.inputs.map((i) => (i.code === "6.4" ? 12 : null)));
    expect(fast.ok && fast.value.warnings).toEqual(r.value.warnings);
  });

  test("100% and below raise no warning", () => {
    const r = score(process_, { "5.4": 1 });
    expect(r.ok && r.value.warnings).toEqual([]);
  });
});

describe("issue 12 item 7: level answers in the official wording with or without spaces", () => {
  test.each(["领先水平", "领先 水平", " 领 先 水 平 ", "领先\u3000水平", "平均 水平", "低于 平均水平"])("亩均产值 %p is read", (raw) => {
    expect(typeof readAnswer(input(discrete, "6.1"), raw)).toBe("number");
  });

  test("亩均产值 领先 水平 scores as 领先水平 (5)", () => {
    const r = score(discrete, { "6.1": "领先 水平" });
    expect(r.ok && r.value.items.find((i) => i.code === "6.1")?.score).toBe(5);
  });

  test.each([3, "3", "三级", "3级", "三", "三 级"])("GB/T 39116 maturity %p is 三级", (raw) => {
    const maturity = findScheme("national-2024")!.inputs.find((i) => i.code === "maturity")!;
    expect(readAnswer(maturity, raw)).toBe(2);
  });

  test.each([2.5, 6, "六级", "3.5"])("maturity %p is refused", (raw) => {
    const maturity = findScheme("national-2024")!.inputs.find((i) => i.code === "maturity")!;
    expect(typeof readAnswer(maturity, raw)).toBe("object");
  });
});

describe("G2 for KPIs (seed 002 附1, ruling K1): a reduction's target cannot exceed 100%", () => {
  const set = KPI_SETS[0];
  const all = set.categories.flatMap((c) => c.indicators);
  const reduction = all.find((i) => i.kind === "change" && i.better === "lower")!;
  const improvement = all.find((i) => i.kind === "change" && i.better === "higher")!;

  test(`${reduction.name.zh}: a target of 15 is an error saying to write 15%; 15% is a target`, () => {
    const r = kpiChange(reduction, 100, 80, 15);
    expect(!r.ok && r.problems.map((p) => [p.code, p.message.en])).toEqual([["target", "a reduction cannot exceed 100%: enter 15% or 0.15, not 15"]]);
    expect(kpiChange(reduction, 100, 80, "15%")).toMatchObject({ ok: true, value: { value: 0.2, targetMet: true } });
  });

  test(`${improvement.name.zh}: an improvement's target may exceed 100%`, () => {
    expect(kpiChange(improvement, 100, 300, 1.5)).toMatchObject({ ok: true, value: { value: 2, targetMet: true } });
  });
});
