/**
 * A tier condition as sheet text and a native formula, generated from the condition's test data
 * (templates/schemes/*), so a threshold lives only in the template: tick, compare (the G1
 * operator and value from the data), any (atLeast of several ticks), level (at least a named
 * level), and ratios derived on the sheet (e.g. seed 004's digital share).
 *
 * Every condition formula gives one of the words in STATE. 输入有误 marks an answer the engine
 * would refuse (a rate above 100 %, a word that is not a tick), so the sheet never counts a
 * malformed answer as met.
 */
import type { Condition, ConditionTest, DerivedValue, InputDef, Scheme } from "../../../templates/schema";
import { levelKey } from "../../core/answers";
import { isBlankCell, isTicked, isUnticked, levelHits, num, str } from "../formula";
import { acceptsNumber, showNumber } from "./answer-cells";

export const STATE = {
  met: "满足",
  unmet: "不满足",
  blank: "未填",
  invalid: "输入有误",
  /** An advisory condition not met: the tier stands, with a written justification (T2). */
  justify: "需书面说明",
} as const;

/** What a ratio cell shows when its denominator is 0 (the engine: cannot be computed). */
const NO_RATIO = "无法计算";

const OP_SIGNS = { ">=": "≥", ">": ">", "<=": "≤", "<": "<" } as const;

/** The scheme's inputs and derived values by code, and where each one's cell is. */
export interface Operands {
  input(code: string): InputDef | undefined;
  derived(code: string): DerivedValue | undefined;
  ref(code: string): string;
}

export function operands(scheme: Scheme, refs: ReadonlyMap<string, string>): Operands {
  const inputs = new Map(scheme.inputs.map((i) => [i.code, i]));
  const derived = new Map(scheme.derived.map((d) => [d.code, d]));
  return {
    input: (code) => inputs.get(code),
    derived: (code) => derived.get(code),
    ref: (code) => {
      const r = refs.get(code);
      if (!r) throw new Error(`no cell was laid out for ${code}`);
      return r;
    },
  };
}

/**
 * A groups test's elements as the sheet lays them out: each element on a row of its own (its
 * own state formula in `results`), the rows of all groups one contiguous range.
 */
export interface GroupCells {
  /** Per group, the result cells of its elements. */
  results: string[][];
  /** The range spanning every element's result cell, for COUNTIF. */
  range: string;
}

/** The formula giving the condition's state; an advisory condition says 需书面说明 instead of 不满足. */
export function conditionFormula(c: Condition, ops: Operands, groups?: GroupCells): string {
  const unmet = str(c.severity === "advisory" ? STATE.justify : STATE.unmet);
  const [met, blank, invalid] = [str(STATE.met), str(STATE.blank), str(STATE.invalid)];
  const test = c.test;
  switch (test.kind) {
    case "tick": {
      const cell = ops.ref(test.input);
      return `IF(${isBlankCell(cell)},${blank},IF(${isTicked(cell)},${met},IF(${isUnticked(cell)},${unmet},${invalid})))`;
    }
    case "any": {
      const cells = test.inputs.map((code) => ops.ref(code));
      const ticked = countOf(cells, isTicked);
      const answered = `${ticked}+${countOf(cells, isUnticked)}+${countOf(cells, isBlankCell)}`;
      return (
        `IF(${answered}<${cells.length},${invalid},IF(${ticked}>=${test.atLeast},${met},` +
        `IF(${countOf(cells, isBlankCell)}>0,${blank},${unmet})))`
      );
    }
    case "level": {
      const cell = ops.ref(test.input);
      const { words, ranks } = levelWords(ops.input(test.input));
      const required = ops.input(test.input)?.levels?.findIndex((l) => l.name.zh === test.atLeast) ?? -1;
      const hit = levelHits(cell, words);
      return `IF(${isBlankCell(cell)},${blank},IF(SUMPRODUCT(--${hit})=0,${invalid},IF(SUMPRODUCT(${hit}*${ranks})>=${required},${met},${unmet})))`;
    }
    case "groups": {
      // A group is complete when each element's row says 满足; an element's malformed answer
      // makes the condition 输入有误, as the engine refuses the whole answer set.
      if (!groups) throw new Error(`${c.id}: a groups test needs its elements' cells`);
      const complete = groups.results.map((cells) => `--AND(${cells.map((cell) => `${cell}=${met}`).join(",")})`);
      return (
        `IF(COUNTIF(${groups.range},${invalid})>0,${invalid},IF(SUM(${complete.join(",")})>=${test.atLeast},${met},` +
        `IF(COUNTIF(${groups.range},${blank})>0,${blank},${unmet})))`
      );
    }
    case "compare": {
      const cell = ops.ref(test.input);
      const compared = `IF(${cell}${test.op}${num(test.value)},${met},${unmet})`;
      if (ops.derived(test.input)) {
        // The ratio cell holds "", a number, 无法计算 or 输入有误 (ratioFormula).
        return `IF(${cell}="",${blank},IF(ISNUMBER(${cell}),${compared},IF(${cell}=${invalid},${invalid},${unmet})))`;
      }
      const def = ops.input(test.input);
      const accepted = def ? acceptsNumber(def, cell) : null;
      const checked = accepted ? `IF(${accepted},${compared},${invalid})` : compared;
      return `IF(${isBlankCell(cell)},${blank},IF(ISNUMBER(${cell}),${checked},${invalid}))`;
    }
  }
}

/** How many of the cells satisfy `test`: booleans summed as 0/1 (--), which every spreadsheet does. */
export function countOf(cells: string[], test: (cell: string) => string): string {
  return `SUM(${cells.map((c) => `--(${test(c)})`).join(",")})`;
}

/**
 * Every word the engine accepts for a level (zh name, en name, aliases; compared without case,
 * as `=` does) and each word's rank as an array constant parallel to wordHits(cell, words).
 */
function levelWords(def: InputDef | undefined): { words: string[]; ranks: string } {
  // Keyed as the engine keys them (levelKey: no case, no spaces), a later level taking a word
  // an earlier one also claims, so each word is counted once.
  const byWord = new Map<string, number>();
  (def?.levels ?? []).forEach((l, rank) => {
    for (const w of [l.name.zh, l.name.en, ...l.aliases]) byWord.set(levelKey(w), rank);
  });
  return { words: [...byWord.keys()], ranks: `{${[...byWord.values()].join(",")}}` };
}

/**
 * A derived ratio (numerator / denominator) computed on the sheet: "" while an input is blank,
 * 无法计算 when the denominator is 0, 输入有误 when an input is not an accepted number or the
 * part exceeds its whole (ruling G2).
 */
export function ratioFormula(d: DerivedValue, ops: Operands): string {
  const [n, m] = d.ratio.map((code) => ops.ref(code));
  const checks = d.ratio.flatMap((code) => {
    const def = ops.input(code);
    const accepted = def ? acceptsNumber(def, ops.ref(code)) : null;
    return accepted ? [accepted] : [];
  });
  const divide = `IF(${m}=0,${str(NO_RATIO)},${n}/${m})`;
  // Ruling G2: a part larger than its whole is refused (src/core/tier.ts partsLargerThanWholes).
  const checked = `IF(AND(${[...checks, `${n}<=${m}`].join(",")}),${divide},${str(STATE.invalid)})`;
  return `IF(OR(${isBlankCell(n)},${isBlankCell(m)}),"",IF(AND(ISNUMBER(${n}),ISNUMBER(${m})),${checked},${str(STATE.invalid)}))`;
}

/** The 要求 column: what the answer must be, e.g. ≥ 60%, 是, 至少 1 项为“是”. */
export function requirement(test: ConditionTest, ops: Operands): string {
  switch (test.kind) {
    case "tick":
      return "是";
    case "any":
      return `至少 ${test.atLeast} 项为“是”`;
    case "level":
      return `不低于“${test.atLeast}”`;
    case "compare":
      return `${OP_SIGNS[test.op]} ${showNumber(ops.input(test.input), test.value)}`;
    case "groups":
      return `至少 ${test.atLeast} 组全部满足`;
  }
}

/** How many groups have every element met, from the element rows' states (shown in the 填写 column). */
export function completeGroups(groups: GroupCells): string {
  return `SUM(${groups.results.map((cells) => `--AND(${cells.map((cell) => `${cell}=${str(STATE.met)}`).join(",")})`).join(",")})`;
}

/** Brackets and what follows them are dropped from labels in short names: 项目总投资（不含土建、工程） → 项目总投资. */
function bare(label: string): string {
  return label.replace(/（[^）]*）/g, "").replace(/\([^)]*\)/g, "").trim();
}

const SHORT_MAX = 16;

/**
 * A short name for the list of unmet conditions: the compared quantity and its bound
 * (数控化率≥60%), or the condition's wording up to its first clause, clipped.
 */
export function shortName(c: Condition, ops: Operands): string {
  const test = c.test;
  if (test.kind === "compare") {
    const label = ops.input(test.input)?.label.zh ?? ops.derived(test.input)?.label.zh ?? test.input;
    return `${bare(label)}${OP_SIGNS[test.op]}${showNumber(ops.input(test.input), test.value).replace(" ", "")}`;
  }
  if (test.kind === "level") return `${bare(ops.input(test.input)?.label.zh ?? test.input)}不低于“${test.atLeast}”`;
  const clause = c.text.zh.split(/[，；：（。]/)[0];
  const chars = Array.from(clause);
  return chars.length > SHORT_MAX ? `${chars.slice(0, SHORT_MAX - 1).join("")}…` : clause;
}
