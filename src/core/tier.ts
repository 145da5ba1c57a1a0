import type { Condition, InputDef, Scheme, Source, Text } from "../../templates/schema";
import { RATE_TYPES } from "../../templates/constants";
import { BLANK } from "./answers";
import { readInputs, type Answers } from "./inputs";
import { NOT_ANSWERED, percent } from "./format";
import { ok, fail, problem, type Problem, type Result } from "./problems";

/**
 * Recognition tiers (认定条件 / 梯度 / 要素条件): which tiers an enterprise meets and, for every
 * tier, each condition it does not meet with its source, so a self-check always says what is
 * missing for the next tier (ruling T1).
 */
export interface ConditionResult {
  id: string;
  text: Text;
  met: boolean;
  severity: "required" | "advisory";
  /** What was found, e.g. "数控化率 55% < 65%". */
  found: Text;
  /** Input codes this condition reads that were left blank. */
  missing: string[];
  source: Source;
}

export interface TierResult {
  tier: string;
  name: Text;
  met: boolean;
  /** Required conditions not met (blank answers count as not met). */
  unmet: ConditionResult[];
  /** Advisory conditions not met: the tier stands, but each needs a written justification (T2). */
  warnings: ConditionResult[];
  conditions: ConditionResult[];
  source: Source;
}

export interface SchemeResult {
  scheme: string;
  structure: Scheme["structure"];
  /** ladder: the highest tier met, or null; alternatives: every tier met, in document order. */
  met: string | null | string[];
  /** The official names of what `met` holds. */
  metNames: Text[];
  tiers: TierResult[];
  /** ladder: the tier above the highest met (the first if none is met), with what it lacks. */
  next: { tier: string; name: Text; unmet: ConditionResult[] } | null;
  missing: string[];
  complete: boolean;
}

export function tier(scheme: Scheme, inputs: unknown): Result<SchemeResult> {
  const { answers, problems } = readInputs(scheme.inputs, inputs);
  problems.push(...partsLargerThanWholes(scheme, answers));
  if (problems.length > 0) return fail(problems);
  const ctx = new Context(scheme, answers);
  const common = scheme.common.map((c) => ctx.evaluate(c));
  const own = scheme.tiers.map((t) => t.conditions.map((c) => ctx.evaluate(c)));
  const tiers: TierResult[] = scheme.tiers.map((t, i) => {
    // T5: on a cumulative ladder a tier also needs every lower tier's required conditions
    // (advisory ones stay warnings of their own tier).
    const lower = scheme.cumulative ? own.slice(0, i).flat().filter((c) => c.severity === "required") : [];
    const conditions = [...common, ...lower, ...own[i]];
    const unmet = conditions.filter((c) => !c.met && c.severity === "required");
    return {
      tier: t.id,
      name: t.name,
      met: unmet.length === 0,
      unmet,
      warnings: conditions.filter((c) => !c.met && c.severity === "advisory"),
      conditions,
      source: t.source,
    };
  });
  const missing = scheme.inputs.filter((i) => answers.get(i.code) === BLANK).map((i) => i.code);
  const summary = { scheme: scheme.id, structure: scheme.structure };
  const rest = { complete: missing.length === 0, missing, tiers };
  if (scheme.structure === "alternatives") {
    const met = tiers.filter((t) => t.met);
    return ok({ ...summary, met: met.map((t) => t.tier), metNames: met.map((t) => t.name), next: null, ...rest });
  }
  const highest = tiers.map((t) => t.met).lastIndexOf(true);
  const above = tiers[highest + 1];
  return ok({
    ...summary,
    met: highest >= 0 ? tiers[highest].tier : null,
    metNames: highest >= 0 ? [tiers[highest].name] : [],
    next: above ? { tier: above.tier, name: above.name, unmet: above.unmet } : null,
    ...rest,
  });
}

/**
 * Ruling G2: a share computed from two inputs (数字化改造投资 / 总投资) cannot exceed 100%; a part
 * larger than its whole is an error naming both inputs, never a share of 120%.
 */
export function partsLargerThanWholes(scheme: Scheme, answers: Answers): Problem[] {
  const label = (code: string) => scheme.inputs.find((i) => i.code === code)?.label ?? { zh: code, en: code };
  return scheme.derived.flatMap((d) => {
    const [part, whole] = d.ratio;
    const [p, w] = [answers.get(part), answers.get(whole)];
    if (typeof p !== "number" || typeof w !== "number" || !(p > w)) return [];
    const [lp, lw] = [label(part), label(whole)];
    return [
      problem(
        part,
        `${lp.zh}（${part}，${p}）大于${lw.zh}（${whole}，${w}）：部分不能大于整体，${d.label.zh}不能超过 100%，请核对这两项`,
        `${lp.en} (${part}, ${p}) exceeds ${lw.en} (${whole}, ${w}): a part cannot be larger than its whole, so ${d.label.en} cannot exceed 100%; check both`,
      ),
    ];
  });
}

const OP_WORDS = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" } as const;
const NEGATED = { ">=": "<", ">": "≤", "<=": ">", "<": "≥" } as const;

/** Evaluates conditions against one set of answers; derived ratios are computed on demand. */
class Context {
  private readonly defs: Map<string, InputDef>;

  constructor(
    private readonly scheme: Scheme,
    private readonly answers: Answers,
  ) {
    this.defs = new Map(scheme.inputs.map((i) => [i.code, i]));
  }

  evaluate(c: Condition): ConditionResult {
    const base = { id: c.id, text: c.text, severity: c.severity, source: c.source };
    const test = c.test;
    switch (test.kind) {
      case "tick": {
        const a = this.answers.get(test.input);
        if (a === BLANK) return { ...base, met: false, found: NOT_ANSWERED, missing: [test.input] };
        return { ...base, met: a === true, found: a === true ? { zh: "是", en: "yes" } : { zh: "否", en: "no" }, missing: [] };
      }
      case "any": {
        const ticked = test.inputs.filter((code) => this.answers.get(code) === true);
        const blanks = test.inputs.filter((code) => this.answers.get(code) === BLANK);
        const met = ticked.length >= test.atLeast;
        const names = ticked.map((code) => this.label(code));
        const found: Text = ticked.length
          ? { zh: `已具备：${names.map((n) => n.zh).join("、")}`, en: `present: ${names.map((n) => n.en).join(", ")}` }
          : blanks.length
            ? NOT_ANSWERED
            : { zh: "均不具备", en: "none present" };
        return { ...base, met, found, missing: met ? [] : blanks };
      }
      case "level": {
        const a = this.answers.get(test.input);
        if (a === BLANK) return { ...base, met: false, found: NOT_ANSWERED, missing: [test.input] };
        const levels = this.defs.get(test.input)?.levels ?? [];
        const required = levels.findIndex((l) => l.name.zh === test.atLeast);
        return { ...base, met: (a as number) >= required, found: levels[a as number].name, missing: [] };
      }
      case "groups": {
        // Each group (a new mode) is complete when every element is met; blanks only matter while unmet.
        const results = test.groups.map((g) => ({ name: g.name, elements: g.elements.map((e) => this.evaluate({ ...c, test: e })) }));
        const complete = results.filter((g) => g.elements.every((e) => e.met));
        const met = complete.length >= test.atLeast;
        const blanks = [...new Set(results.flatMap((g) => g.elements.flatMap((e) => e.missing)))];
        // As for "any": unmet with blanks left is "not answered" (G3), so the blanks are what to fill.
        const found: Text = complete.length
          ? { zh: `要素齐备：${complete.map((g) => g.name.zh).join("、")}`, en: `all elements in place: ${complete.map((g) => g.name.en).join(", ")}` }
          : blanks.length
            ? NOT_ANSWERED
            : { zh: `无一组要素齐备（${groupCounts(results, "zh")}）`, en: `no group complete (${groupCounts(results, "en")})` };
        return { ...base, met, found, missing: met ? [] : blanks };
      }
      case "compare": {
        const value = this.value(test.input);
        if (value.blank.length) return { ...base, met: false, found: NOT_ANSWERED, missing: value.blank };
        if (value.n === null) {
          return { ...base, met: false, found: { zh: `${this.label(test.input).zh}无法计算（分母为 0）`, en: `${this.label(test.input).en} cannot be computed (denominator is 0)` }, missing: [] };
        }
        const n = value.n;
        const met = compare(n, test.op, test.value);
        const sign = met ? OP_WORDS[test.op] : NEGATED[test.op];
        const label = this.label(test.input);
        const [left, right] = [this.show(test.input, n), this.show(test.input, test.value)];
        return { ...base, met, found: { zh: `${label.zh} ${left.zh} ${sign} ${right.zh}`, en: `${label.en} ${left.en} ${sign} ${right.en}` }, missing: [] };
      }
    }
  }

  /** An input's value, or a derived ratio's; n is null when a ratio's denominator is 0. */
  private value(code: string): { n: number | null; blank: string[] } {
    const derived = this.scheme.derived.find((d) => d.code === code);
    if (!derived) {
      const a = this.answers.get(code);
      return a === BLANK ? { n: null, blank: [code] } : { n: a as number, blank: [] };
    }
    const [num, den] = derived.ratio.map((c) => this.answers.get(c));
    const blank = derived.ratio.filter((c) => this.answers.get(c) === BLANK);
    if (blank.length) return { n: null, blank };
    return { n: den === 0 ? null : (num as number) / (den as number), blank: [] };
  }

  private label(code: string): Text {
    return this.defs.get(code)?.label ?? this.scheme.derived.find((d) => d.code === code)?.label ?? { zh: code, en: code };
  }

  private show(code: string, n: number): Text {
    const def = this.defs.get(code);
    if (!def || RATE_TYPES.includes(def.type)) return { zh: percent(n), en: percent(n) };
    return def.unit ? { zh: `${n} ${def.unit.zh}`, en: `${n} ${def.unit.en}` } : { zh: String(n), en: String(n) };
  }
}

/** "离散型 5/7、流程型 0/7": how many elements of each group are met. */
function groupCounts(groups: { name: Text; elements: ConditionResult[] }[], lang: "zh" | "en"): string {
  return groups.map((g) => `${g.name[lang]} ${g.elements.filter((e) => e.met).length}/${g.elements.length}`).join(lang === "zh" ? "、" : ", ");
}

function compare(n: number, op: keyof typeof OP_WORDS, value: number): boolean {
  switch (op) {
    case ">=":
      return n >= value;
    case ">":
      return n > value;
    case "<=":
      return n <= value;
    case "<":
      return n < value;
  }
}
