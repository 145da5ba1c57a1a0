import type { Bracket, Rubric, RubricItem, Source, Text } from "../../templates/schema";
import { BLANK, readNumber, isBlank, round, show } from "./answers";
import { inputIndex, readInputs, type Answers, type Value } from "./inputs";
import { NOT_ANSWERED, TICK_WORDS, percent, pointsText } from "./format";
import { fail, ok, problem, type Problem, type Result } from "./problems";
import { improvementInputs, improvementWarning } from "./rate-warnings";

/**
 * Scores one enterprise on a 100-point rubric (绍兴 表1/表2). The answer, the score, the rule
 * that fired (in words) and any expert adjustment are kept per item so a sheet, a custom
 * function and the CLI can all show why a total is what it is. This is the explaining path;
 * totals and subtotals alone come faster from scoreTotals (score-fast.ts), with the same numbers.
 */
export interface ItemScore {
  code: string;
  section: string;
  name: Text;
  /** The parsed answer: a tick, a fraction, a level name, the number of ticked options, or null if blank. */
  answer: boolean | number | string | null;
  computed: number;
  /** The expert's replacement score (ruling D4), or null. */
  adjusted: number | null;
  /** The score that counts: adjusted if given, else computed. */
  score: number;
  max: number;
  rule: Text;
  /** Input codes of this item left blank (ruling G3). */
  missing: readonly string[];
  source: Source;
}

export interface SectionScore {
  code: string;
  name: Text;
  score: number;
  max: number;
}

export interface Warning {
  code: string;
  message: Text;
  source: Source;
}

export interface ScoreResult {
  rubric: string;
  total: number;
  max: number;
  /** False while any input is blank: the total is then a partial total. */
  complete: boolean;
  sections: SectionScore[];
  items: ItemScore[];
  missing: string[];
  warnings: Warning[];
}

/** Scores answers (object keyed by input code, or positional) with optional expert adjustments keyed by item code. */
export function score(rubric: Rubric, inputs: unknown, adjustments?: unknown): Result<ScoreResult> {
  const { answers, problems } = readInputs(rubric.inputs, inputs);
  const adjusted = readAdjustments(rubric, adjustments, problems);
  if (problems.length > 0) return fail(problems);

  const compiled = compile(rubric);
  const values = answers.values;
  const items: ItemScore[] = [];
  const sections: SectionScore[] = [];
  let total = 0;
  for (const section of compiled.sections) {
    let subtotal = 0;
    for (const c of section.items) {
      const computed = c.apply(values);
      const adj = adjusted?.get(c.item.code);
      const result = adj === undefined ? computed : { ...computed, adjusted: adj, score: adj, rule: withAdjustment(computed.rule, adj) };
      subtotal += result.score;
      items.push(result);
    }
    subtotal = round(subtotal, 4);
    total += subtotal;
    sections.push({ code: section.code, name: section.name, score: subtotal, max: section.max });
  }
  const missing: string[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === BLANK) missing.push(rubric.inputs[i].code);
  return ok({
    rubric: rubric.id,
    total: round(total, 4),
    max: rubric.max,
    complete: missing.length === 0,
    sections,
    items,
    missing,
    warnings: consistencyWarnings(rubric, answers),
  });
}

/** The answers a caller sends as one JSON document: input codes, plus an optional "adjustments" object. */
export function splitAdjustments(doc: unknown): { inputs: unknown; adjustments: unknown } {
  if (typeof doc === "object" && doc !== null && !Array.isArray(doc) && "adjustments" in doc) {
    const { adjustments, ...inputs } = doc as Record<string, unknown>;
    return { inputs, adjustments };
  }
  return { inputs: doc, adjustments: undefined };
}

function readAdjustments(rubric: Rubric, raw: unknown, problems: Problem[]): Map<string, number> | null {
  if (isBlank(raw)) return null;
  const result = new Map<string, number>();
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.push(problem("adjustments", "专家调整应为以评分项编号为键的对象，如 {\"3.2\": 8}", 'expert adjustments must be an object keyed by item code, e.g. {"3.2": 8}'));
    return result;
  }
  const items = new Map(rubric.sections.flatMap((s) => s.items).map((i) => [i.code, i]));
  for (const [code, value] of Object.entries(raw)) {
    const item = items.get(code);
    const where = `adjustments.${code}`;
    if (!item) {
      problems.push(problem(where, `不是本表的评分项编号；可用：${[...items.keys()].join(", ")}`, `not an item code of this rubric; the items are ${[...items.keys()].join(", ")}`));
      continue;
    }
    if (isBlank(value)) continue;
    const n = typeof value === "string" ? readNumber(value) : typeof value === "number" ? value : NaN;
    if (!Number.isFinite(n) || n < 0 || n > item.max) {
      problems.push(problem(where, `专家调整分应在 0 到 ${item.max} 分之间，收到“${show(value)}”`, `an expert's score must be between 0 and ${item.max}, got "${show(value)}"`));
      continue;
    }
    result.set(code, n);
  }
  return result;
}

function withAdjustment(rule: Text, adjusted: number): Text {
  return {
    zh: `${rule.zh}；专家调整为 ${pointsText(adjusted).zh}`,
    en: `${rule.en}; adjusted by the expert to ${pointsText(adjusted).en}`,
  };
}

interface CompiledItem {
  item: RubricItem;
  /** Scores the item from the answers in input order, before any expert adjustment. */
  apply(values: readonly Value[]): ItemScore;
}

interface CompiledRubric {
  sections: { code: string; name: Text; max: number; items: CompiledItem[] }[];
}

/**
 * Turns each item's rule into a scorer once per rubric. Every outcome that does not depend on
 * a typed number (ticks, levels, tick counts) is built here, ahead of time, as a frozen
 * result shared by all rows, so explaining a 10,000-row range neither rebuilds the same
 * sentences nor allocates the same objects 10,000 times; a rate's outcome is worded for its
 * row. Callers that need only totals use scoreTotals (score-fast.ts), which words nothing.
 */
const compiledCache = new WeakMap<Rubric, CompiledRubric>();
function compile(rubric: Rubric): CompiledRubric {
  let compiled = compiledCache.get(rubric);
  if (!compiled) {
    const index = inputIndex(rubric.inputs);
    const levels = new Map(rubric.inputs.map((i) => [i.code, (i.levels ?? []).map((l) => l.name)]));
    compiled = {
      sections: rubric.sections.map((s) => ({
        code: s.code,
        name: s.name,
        max: s.max,
        items: s.items.map((item) => ({ item, apply: compileRule(item, s.code, index, levels) })),
      })),
    };
    compiledCache.set(rubric, compiled);
  }
  return compiled;
}

function compileRule(item: RubricItem, section: string, index: Map<string, number>, levels: Map<string, Text[]>): (values: readonly Value[]) => ItemScore {
  const name = item.short;
  const rule = item.rule;
  const fired = (answer: ItemScore["answer"], pts: number, words: Text, missing: readonly string[] = NO_MISSING): ItemScore => ({
      code: item.code,
      section,
      name: item.name,
      answer,
      computed: pts,
      adjusted: null,
      score: pts,
      max: item.max,
      rule: words,
      missing,
      source: item.source,
    });
  /** An outcome shared by every row that gives the same answer: frozen so no caller can alter it for the others. */
  const shared = (answer: ItemScore["answer"], pts: number, words: Text, missing?: readonly string[]): ItemScore => {
    Object.freeze(words);
    return Object.freeze(fired(answer, pts, words, missing));
  };
  const blank = (code: string) => shared(null, 0, said(name, NOT_ANSWERED, 0), Object.freeze([code]));
  switch (rule.kind) {
    case "tick": {
      const at = index.get(rule.input) as number;
      const yes = shared(true, rule.points, said(name, TICK_WORDS.true, rule.points));
      const no = shared(false, 0, said(name, TICK_WORDS.false, 0));
      const none = blank(rule.input);
      return (values) => (values[at] === BLANK ? none : values[at] ? yes : no);
    }
    case "tick-or-rate": {
      const at = index.get(rule.input) as number;
      const threshold = percent(rule.min);
      const yes = shared(true, rule.points, said(name, { zh: `已勾选（≥ ${threshold}）`, en: `ticked (≥ ${threshold})` }, rule.points));
      const no = shared(false, 0, said(name, { zh: "未勾选", en: "not ticked" }, 0));
      const none = blank(rule.input);
      // A typed rate is worded for its row: rates computed in a sheet (=B2/C2) rarely repeat.
      const byRate = (a: number) => {
        const met = a >= rule.min;
        const pts = met ? rule.points : 0;
        return fired(a, pts, arrow(name, `${percent(a)} ${met ? "≥" : "<"} ${threshold}`, pts));
      };
      return (values) => {
        const a = values[at];
        if (a === BLANK) return none;
        if (typeof a === "boolean") return a ? yes : no;
        return byRate(a);
      };
    }
    case "count": {
      const at = rule.inputs.map((c) => index.get(c) as number);
      const outcomes = at.map((_, n) => n).concat(at.length).map((n) => {
        if (n >= rule.atLeast) return shared(n, rule.points, countRule(name, n, `≥ ${rule.atLeast}`, pointsText(rule.points)));
        const pts = round((n * rule.points) / rule.atLeast, rule.partialDecimals);
        const suggested = { zh: `建议 ${pointsText(pts).zh}（专家可酌情调整）`, en: `suggested ${pointsText(pts).en} (the expert may adjust)` };
        return shared(n, pts, countRule(name, n, `< ${rule.atLeast}`, suggested));
      });
      return (values) => {
        let n = 0;
        let blanks = 0;
        for (const i of at) {
          if (values[i] === true) n++;
          else if (values[i] === BLANK) blanks++;
        }
        const outcome = outcomes[n];
        return blanks === 0 ? outcome : { ...outcome, missing: Object.freeze(rule.inputs.filter((_, k) => values[at[k]] === BLANK)) };
      };
    }
    case "brackets": {
      const at = index.get(rule.input) as number;
      const none = blank(rule.input);
      const words = rule.brackets.map((b) => ({ bracket: b, zh: `${bracketWords(b)} → ${pointsText(b.points).zh}`, en: `${bracketWords(b)} → ${pointsText(b.points).en}` }));
      const byValue = (a: number) => {
        const w = words[bracketOf(rule.brackets, a)];
        const shown = percent(a);
        return fired(a, w.bracket.points, { zh: `${name.zh} ${shown} ${w.zh}`, en: `${name.en} ${shown} ${w.en}` });
      };
      return (values) => (values[at] === BLANK ? none : byValue(values[at] as number));
    }
    case "level": {
      const at = index.get(rule.input) as number;
      const none = blank(rule.input);
      const outcomes = (levels.get(rule.input) as Text[]).map((level) => shared(level.zh, rule.points[level.zh], said(name, level, rule.points[level.zh])));
      return (values) => (values[at] === BLANK ? none : outcomes[values[at] as number]);
    }
  }
}

const NO_MISSING: readonly string[] = Object.freeze([]);

/**
 * The bracket a value falls in: the highest whose lower bound it reaches (min inclusive, max
 * exclusive: G1, G4). The brackets ascend without gaps (templates/schema.ts), so comparing
 * with the lower bounds from the top is enough; below the first bracket's bound is the first.
 */
function bracketOf(brackets: readonly Bracket[], a: number): number {
  let b = brackets.length - 1;
  while (b > 0 && !(a >= (brackets[b].min as number))) b--;
  return b;
}

function bracketWords(b: Bracket): string {
  if (b.min === null) return `< ${percent(b.max as number)}`;
  if (b.max === null) return `≥ ${percent(b.min)}`;
  return `∈ [${percent(b.min)}, ${percent(b.max)})`;
}

function said(name: Text, answer: Text, pts: number): Text {
  return { zh: `${name.zh}：${answer.zh} → ${pointsText(pts).zh}`, en: `${name.en}: ${answer.en} → ${pointsText(pts).en}` };
}

function arrow(name: Text, comparison: string, pts: number): Text {
  return { zh: `${name.zh} ${comparison} → ${pointsText(pts).zh}`, en: `${name.en} ${comparison} → ${pointsText(pts).en}` };
}

function countRule(name: Text, n: number, cmp: string, outcome: Text): Text {
  return { zh: `${name.zh}：勾选 ${n} 项 ${cmp} 项 → ${outcome.zh}`, en: `${name.en}: ${n} ticked ${cmp} → ${outcome.en}` };
}

/** D7's consistency warnings, then G2's for improvements above 100% (rate-warnings.ts). */
function consistencyWarnings(rubric: Rubric, answers: Answers): Warning[] {
  const warnings = rubric.consistency
    .filter((c) => answers.get(c.when) === true && c.requires.some((r) => answers.get(r) !== true))
    .map((c) => ({ code: c.when, message: c.message, source: c.source }));
  for (const input of improvementInputs(rubric)) {
    const value = answers.values[input.at];
    const warning = typeof value === "number" ? improvementWarning(input, value) : null;
    if (warning) warnings.push(warning);
  }
  return warnings;
}
