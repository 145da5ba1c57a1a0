import type { Condition, InputDef, Scheme, Source, Text } from "../../templates/schema";
import { BLANK } from "./answers";
import { readInputs, type Answers } from "./inputs";
import { NOT_ANSWERED, percent } from "./format";
import { ok, fail, type Result } from "./problems";

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
  if (problems.length > 0) return fail(problems);
  const ctx = new Context(scheme, answers);
  const common = scheme.common.map((c) => ctx.evaluate(c));
  const tiers: TierResult[] = scheme.tiers.map((t) => {
    const conditions = [...common, ...t.conditions.map((c) => ctx.evaluate(c))];
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
    if (!def || def.type === "rate" || def.type === "improvement") return { zh: percent(n), en: percent(n) };
    return def.unit ? { zh: `${n} ${def.unit.zh}`, en: `${n} ${def.unit.en}` } : { zh: String(n), en: String(n) };
  }
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
