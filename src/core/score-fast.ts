import type { Rubric, RubricItem } from "../../templates/schema";
import { round } from "./answers";
import { NUMBER, TICKED, readRow, rowReader, type RowReader } from "./fast-answers";
import { inputIndex } from "./inputs";
import { ok, type Result } from "./problems";
import { improvementInputs, improvementWarning, type ImprovementInput } from "./rate-warnings";
import { score, type ScoreResult, type Warning } from "./score";

/**
 * Totals without explanations: what SCORE_DISCRETE / SCORE_PROCESS and the benches need from
 * a row of answers. score() builds an ItemScore with its rule in two languages for every item,
 * which a 10,000-row range then throws away; here each rubric is turned once into a plan of
 * typed numbers (points, thresholds, bracket bounds), a row is read into two reused typed arrays
 * and the items add up into the section subtotals, with no object per item and no text.
 *
 * The numbers are score()'s bit for bit: the same item points, added in the same order, rounded
 * the same way (tests/core/score-fast.test.ts compares both over random answers). Anything but
 * a positional row of valid answers — an object keyed by input code, a wrong length, an answer
 * that is refused — is scored by score() itself, so problems are worded in one place.
 */
export interface ScoreTotals {
  total: number;
  /** Section subtotals in the rubric's order: ScoreResult.sections[k].score. */
  sections: number[];
  /** False while any input is blank (G3): the total is then a partial total. */
  complete: boolean;
  /** How many inputs are blank; score() lists them (ScoreResult.missing). */
  blanks: number;
  /** The consistency warnings (D7) the answers raise, then improvements read above 100% (G2). */
  warnings: readonly Warning[];
}

/** Scores answers (positional, or keyed by input code) to totals and subtotals, without adjustments. */
export function scoreTotals(rubric: Rubric, inputs: unknown): Result<ScoreTotals> {
  const plan = planOf(rubric);
  const { state, num } = plan.reader;
  const blanks = Array.isArray(inputs) ? readPositional(plan, inputs) : -1;
  if (blanks < 0) return totalsOf(score(rubric, inputs));
  const total = addUp(plan);
  const { subtotals } = plan;
  const sections = new Array<number>(subtotals.length);
  for (let s = 0; s < subtotals.length; s++) sections[s] = subtotals[s];
  let warnings: Warning[] | null = null;
  for (const c of plan.consistency) {
    if (state[c.when] !== TICKED) continue;
    for (let r = 0; r < c.requires.length; r++) {
      if (state[c.requires[r]] !== TICKED) {
        (warnings ??= []).push(c.warning);
        break;
      }
    }
  }
  for (const input of plan.improvements) {
    const warning = state[input.at] === NUMBER ? improvementWarning(input, num[input.at]) : null;
    if (warning) (warnings ??= []).push(warning);
  }
  return ok({ total, sections, complete: blanks === 0, blanks, warnings: warnings ?? NONE });
}

/**
 * The fast path alone, for a caller that scores a whole range of one rubric and wants numbers
 * only (SCORE_DISCRETE, SCORE_PROCESS: functions/scoring.ts): the plan is looked up once per
 * range, and a row costs no object at all — no result, no subtotal list, no warnings, which
 * those functions do not show. The numbers are scoreTotals' (the same plan, read and added up
 * by the same code).
 */
export interface RowTotals {
  /**
   * Reads one row of cells (one per input, in input order): how many are blank, or -1 when the
   * row is not on the fast path (a wrong length, a cell that is not a valid answer). Such a row
   * goes to scoreTotals, which names its problems or scores it as score() does.
   */
  read(cells: readonly unknown[]): number;
  /** The total of the row last read; its section subtotals are then in `subtotals`. */
  total(): number;
  /** The section subtotals of the row last added up, in the rubric's order (ScoreTotals.sections). */
  readonly subtotals: Float64Array;
}

export function rowTotals(rubric: Rubric): RowTotals {
  const plan = planOf(rubric);
  return { read: (cells) => readPositional(plan, cells), total: () => addUp(plan), subtotals: plan.subtotals };
}

function readPositional(plan: Plan, cells: readonly unknown[]): number {
  return cells.length === plan.reader.state.length ? readRow(plan.reader, cells) : -1;
}

/** The items of the row last read, added up into plan.subtotals section by section; returns the total. */
function addUp(plan: Plan): number {
  const { sectionEnds, subtotals } = plan;
  let total = 0;
  let k = 0;
  for (let s = 0; s < sectionEnds.length; s++) {
    let subtotal = 0;
    for (const end = sectionEnds[s]; k < end; k++) subtotal += itemPoints(plan, k);
    subtotal = round(subtotal, 4);
    subtotals[s] = subtotal;
    total += subtotal;
  }
  return round(total, 4);
}

/** The totals of an explained score: what scoreTotals gives for the same answers. */
export function totalsOf(result: Result<ScoreResult>): Result<ScoreTotals> {
  if (!result.ok) return result;
  const r = result.value;
  return ok({ total: r.total, sections: r.sections.map((s) => s.score), complete: r.complete, blanks: r.missing.length, warnings: r.warnings });
}

const NONE: readonly never[] = Object.freeze([]);

/** How an item scores, as a small integer the item loop switches on. */
const TICK = 0;
const THRESHOLD = 1;
const COUNT = 2;
const BRACKETS = 3;
const LEVEL = 4;

/**
 * A rubric as typed arrays, one entry per item in rubric order. `table` holds what an item
 * looks up, from `from[k]`: a count's points by number of ticks, a level's points by level
 * index, or a bracket rule's (lower bound, points) pairs, ascending.
 */
interface Plan {
  /** Reads the row being scored (fast-answers.ts). */
  reader: RowReader;
  rule: Uint8Array;
  /** The input the item reads; for a count, where its inputs start in `inputs`. */
  at: Int32Array;
  /** A tick's points, or a threshold's points when met. */
  points: Float64Array;
  /** A threshold's rate: met at or above (G1). */
  min: Float64Array;
  from: Int32Array;
  /** A count's number of inputs, or a bracket rule's number of brackets. */
  size: Int32Array;
  inputs: Int32Array;
  table: Float64Array;
  /** Section s holds items sectionEnds[s - 1] (or 0) up to sectionEnds[s]. */
  sectionEnds: Int32Array;
  /** The subtotals of the row last added up (addUp), reused row after row. */
  subtotals: Float64Array;
  consistency: { when: number; requires: Int32Array; warning: Warning }[];
  /** The inputs an improvement above 100% is warned about (G2, rate-warnings.ts). */
  improvements: readonly ImprovementInput[];
}

function itemPoints(p: Plan, k: number): number {
  const { state, num } = p.reader;
  const at = p.at[k];
  switch (p.rule[k]) {
    case TICK:
      return state[at] === TICKED ? p.points[k] : 0;
    case THRESHOLD:
      return state[at] === TICKED || (state[at] === NUMBER && num[at] >= p.min[k]) ? p.points[k] : 0;
    case COUNT: {
      let n = 0;
      for (let i = at, end = at + p.size[k]; i < end; i++) if (state[p.inputs[i]] === TICKED) n++;
      return p.table[p.from[k] + n];
    }
    case BRACKETS: {
      if (state[at] !== NUMBER) return 0;
      // The highest bracket whose lower bound the value reaches (min inclusive, G1); the first has none to reach.
      const a = num[at];
      let b = p.from[k] + 2 * (p.size[k] - 1);
      while (b > p.from[k] && !(a >= p.table[b])) b -= 2;
      return p.table[b + 1];
    }
    default:
      return state[at] === NUMBER ? p.table[p.from[k] + num[at]] : 0;
  }
}

const plans = new WeakMap<Rubric, Plan>();

function planOf(rubric: Rubric): Plan {
  let plan = plans.get(rubric);
  if (!plan) {
    plan = makePlan(rubric);
    plans.set(rubric, plan);
  }
  return plan;
}

function makePlan(rubric: Rubric): Plan {
  const index = inputIndex(rubric.inputs);
  const input = (code: string) => index.get(code) as number;
  const items = rubric.sections.flatMap((s) => s.items);
  const n = items.length;
  const rule = new Uint8Array(n);
  const at = new Int32Array(n);
  const points = new Float64Array(n);
  const min = new Float64Array(n);
  const from = new Int32Array(n);
  const size = new Int32Array(n);
  const inputs: number[] = [];
  const table: number[] = [];
  items.forEach((item: RubricItem, k) => {
    const r = item.rule;
    from[k] = table.length;
    switch (r.kind) {
      case "tick":
        rule[k] = TICK;
        at[k] = input(r.input);
        points[k] = r.points;
        break;
      case "tick-or-rate":
        rule[k] = THRESHOLD;
        at[k] = input(r.input);
        points[k] = r.points;
        min[k] = r.min;
        break;
      case "count":
        rule[k] = COUNT;
        at[k] = inputs.length;
        size[k] = r.inputs.length;
        inputs.push(...r.inputs.map(input));
        // Below atLeast the points are partial, rounded as the rule says (D4); score() words the same numbers.
        for (let t = 0; t <= r.inputs.length; t++) table.push(t >= r.atLeast ? r.points : round((t * r.points) / r.atLeast, r.partialDecimals));
        break;
      case "brackets":
        rule[k] = BRACKETS;
        at[k] = input(r.input);
        size[k] = r.brackets.length;
        for (const b of r.brackets) table.push(b.min ?? -Infinity, b.points);
        break;
      case "level":
        rule[k] = LEVEL;
        at[k] = input(r.input);
        for (const l of rubric.inputs[at[k]].levels ?? []) table.push(r.points[l.name.zh]);
        break;
    }
  });
  let end = 0;
  return {
    reader: rowReader(rubric.inputs),
    rule,
    at,
    points,
    min,
    from,
    size,
    inputs: Int32Array.from(inputs),
    table: Float64Array.from(table),
    sectionEnds: Int32Array.from(rubric.sections, (s) => (end += s.items.length)),
    subtotals: new Float64Array(rubric.sections.length),
    consistency: rubric.consistency.map((c) => ({
      when: input(c.when),
      requires: Int32Array.from(c.requires, input),
      warning: Object.freeze({ code: c.when, message: c.message, source: c.source }),
    })),
    improvements: improvementInputs(rubric),
  };
}
