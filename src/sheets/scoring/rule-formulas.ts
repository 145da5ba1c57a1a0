/**
 * Native formulas generated from a rubric's rule data, so a sheet computes each item's score
 * exactly as src/core/score.ts does without a threshold being typed twice. Every function takes
 * the rule and a way to find an input code's cell, and returns a formula (no leading "=") made
 * only of the portable functions listed in ../formula.ts.
 *
 * Cells hold answers the way the sheets write them (src/sheets/scoring/answer-cells.ts): tick
 * words or booleans, rates and improvements as numbers, level names as text. A number typed as
 * text ("62%" in a text-formatted cell) is not recognised here although the engine would read
 * it; the sheets' input cells are number-formatted, so such text only arrives by pasting, and
 * is flagged rather than scored.
 */
import { levelKey, TICKED_WORDS, UNTICKED_WORDS } from "../../core/answers";
import type { ConsistencyRule, InputDef, Rubric, RubricItem } from "../../../templates/schema";
import { isBlankCell, isOneOf, isOneOfInFormat, isTicked, levelIsOneOf, levelIsOneOfInFormat, levelValueOfWord, num } from "../formula";
import { RATE_BOUNDS, type RateKind } from "../validations";
import { AMOUNTS_ARE_NOT_SCORED } from "./answer-cells";

/** Where an input code's answer is: an A1 reference. */
export type CellOf = (code: string) => string;

/** The item's computed score (before any expert adjustment, ruling D4). */
export function itemScoreFormula(item: RubricItem, cellOf: CellOf, inputs: ReadonlyMap<string, InputDef>): string {
  const rule = item.rule;
  switch (rule.kind) {
    case "tick":
      return `IF(${isTicked(cellOf(rule.input))},${num(rule.points)},0)`;
    case "tick-or-rate": {
      // The engine reads 1 and 0 as ticks, and any other number as the actual rate; both
      // readings agree for 1 (≥ any threshold in (0, 1]) and 0, so "ticked or rate ≥ min" is exact.
      const c = cellOf(rule.input);
      return `IF(OR(${isTicked(c)},AND(ISNUMBER(${c}),${c}>=${num(rule.min)})),${num(rule.points)},0)`;
    }
    case "count": {
      const n = `(${rule.inputs.map((code) => isTicked(cellOf(code))).join("+")})`;
      const partial = `ROUND(${n}*${num(rule.points)}/${num(rule.atLeast)},${rule.partialDecimals})`;
      return `IF(${n}>=${num(rule.atLeast)},${num(rule.points)},${partial})`;
    }
    case "brackets": {
      // Nested from the top bracket down; each test is "≥ the bracket's min" (min inclusive,
      // rulings G1, G4), so the first test that holds names the bracket. The lowest bracket is
      // what is left (its min is unbounded in every rubric). A blank compares as 0 in a
      // spreadsheet, so blanks are caught first: not answered scores 0 (G3), not the lowest bracket.
      const c = cellOf(rule.input);
      const [lowest, ...higher] = rule.brackets;
      const nested = higher.reduce((inner, b) => `IF(${c}>=${num(b.min as number)},${num(b.points)},${inner})`, num(lowest.points));
      return `IF(ISNUMBER(${c}),${nested},0)`;
    }
    case "level": {
      const c = cellOf(rule.input);
      const words = levelWords(inputs.get(rule.input) as InputDef);
      return levelValueOfWord(c, words.map(([w, level]) => [w, rule.points[level]]));
    }
  }
}

/** TRUE when the cell holds anything but blanks (ruling G3: a blank is "not answered"). */
export function answeredFormula(cell: string): string {
  return `NOT(${isBlankCell(cell)})`;
}

/**
 * TRUE when the cell holds an answer the engine accepts for this input (src/core/answers.ts);
 * FALSE for a blank and for anything the engine would refuse, such as a rate of 62 (ruling G2).
 * `inFormat`: the formula is a conditional format's (formula.ts isOneOfInFormat).
 */
export function recognisedFormula(input: InputDef, cell: string, inFormat = false): string {
  const fraction = `AND(ISNUMBER(${cell}),${cell}>=0,${cell}<=1)`;
  const oneOf = inFormat ? isOneOfInFormat : isOneOf;
  const bounded = (kind: RateKind) => {
    const [min, max] = RATE_BOUNDS[kind];
    const checks = [`ISNUMBER(${cell})`, ...(min === null ? [] : [`${cell}>=${num(min)}`]), ...(max === null ? [] : [`${cell}<=${num(max)}`])];
    return checks.length === 1 ? checks[0] : `AND(${checks.join(",")})`;
  };
  const tickAnswer = oneOf(cell, [...TICKED_WORDS, ...UNTICKED_WORDS]);
  switch (input.type) {
    case "tick":
      return tickAnswer;
    case "tick-or-rate":
      return `OR(${tickAnswer},${fraction})`;
    case "rate":
    case "reduction":
    case "improvement":
      // Ruling G2: a reduction above 100% is 无法识别 as a rate of 62 is; an improvement is any number.
      return bounded(input.type);
    case "level":
      return (inFormat ? levelIsOneOfInFormat : levelIsOneOf)(cell, levelWords(input).map(([w]) => w));
    case "number":
    case "integer":
      throw new Error(AMOUNTS_ARE_NOT_SCORED);
  }
}

/**
 * TRUE when an improvement is read above 100% (ruling G2): scored as written, with a warning
 * (src/core/rate-warnings.ts), which the sheet counts with the consistency warnings.
 */
export function improvementWarningFormula(cell: string): string {
  return `AND(ISNUMBER(${cell}),${cell}>1)`;
}

/** A single sheet counts warnings (result "warnings") when its rubric can raise any: D7 rules or G2 improvements. */
export function hasWarningsRow(rubric: Rubric): boolean {
  return rubric.consistency.length > 0 || rubric.inputs.some((i) => i.type === "improvement");
}

/** TRUE when a consistency rule fires (ruling D7): its answer is ticked but not all it requires are. */
export function warningFormula(rule: ConsistencyRule, cellOf: CellOf): string {
  return `AND(${isTicked(cellOf(rule.when))},NOT(AND(${rule.requires.map((code) => isTicked(cellOf(code))).join(",")})))`;
}

/**
 * Every spelling the engine accepts for a level (zh name, en name, aliases), paired with the
 * level's zh name. Built like the engine's lookup: keyed by levelKey (lower case, no spaces), a
 * later level taking a word an earlier one also claims. "=" compares text case-insensitively.
 */
export function levelWords(input: InputDef): [word: string, level: string][] {
  const words = new Map<string, string>();
  for (const level of input.levels ?? []) {
    for (const w of [level.name.zh, level.name.en, ...level.aliases]) words.set(levelKey(w), level.name.zh);
  }
  return [...words];
}
