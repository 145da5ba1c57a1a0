import type { InputDef } from "../../templates/schema";
import { readAnswer, isProblem, BLANK, type Blank } from "./answers";
import { problem, type Problem } from "./problems";

/**
 * Turns what a caller gave — an object keyed by input code, or a positional array in the
 * template's input order — into parsed answers, collecting every problem instead of
 * stopping at the first, so a user fixes a whole sheet in one pass.
 */
export type Value = boolean | number | Blank;

/** Parsed answers in the template's input order, also reachable by input code. */
export class Answers {
  constructor(
    readonly values: readonly Value[],
    private readonly index: ReadonlyMap<string, number>,
  ) {}

  get(code: string): Value {
    const i = this.index.get(code);
    return i === undefined ? BLANK : this.values[i];
  }
}

const indexCache = new WeakMap<readonly InputDef[], Map<string, number>>();

/** Input code → position, computed once per template (scoring runs per row, templates do not change). */
export function inputIndex(defs: readonly InputDef[]): Map<string, number> {
  let index = indexCache.get(defs);
  if (!index) {
    index = new Map(defs.map((d, i) => [d.code, i]));
    indexCache.set(defs, index);
  }
  return index;
}

export function readInputs(defs: readonly InputDef[], raw: unknown): { answers: Answers; problems: Problem[] } {
  const index = inputIndex(defs);
  const problems: Problem[] = [];
  const rawValues = positionalValues(defs, index, raw, problems);
  const values: Value[] = new Array(defs.length);
  for (let i = 0; i < defs.length; i++) {
    const parsed = rawValues ? readAnswer(defs[i], rawValues[i]) : BLANK;
    if (isProblem(parsed)) {
      problems.push(parsed);
      values[i] = BLANK;
    } else {
      values[i] = parsed;
    }
  }
  return { answers: new Answers(values, index), problems };
}

function positionalValues(defs: readonly InputDef[], index: Map<string, number>, raw: unknown, problems: Problem[]): readonly unknown[] | null {
  if (Array.isArray(raw)) {
    if (raw.length === defs.length) return raw;
    problems.push(
      problem(
        "inputs",
        `按位置填写时应恰好有 ${defs.length} 个值（顺序：${codeList(defs)}），收到 ${raw.length} 个`,
        `a positional list needs exactly ${defs.length} values (in the order ${codeList(defs)}), got ${raw.length}`,
      ),
    );
    return null;
  }
  if (typeof raw === "object" && raw !== null) {
    const values: unknown[] = new Array(defs.length);
    // The code list once: a document with a million unknown keys (issue 15) makes a million
    // problems sharing one list, not a million copies of it.
    let codes: string | undefined;
    for (const [key, value] of Object.entries(raw)) {
      const i = index.get(key);
      if (i !== undefined) values[i] = value;
      else {
        codes ??= codeList(defs);
        problems.push(problem(key, `不是本表的输入编号；可用编号：${codes}`, `not an input code of this template; the codes are ${codes}`));
      }
    }
    return values;
  }
  problems.push(problem("inputs", "应为以输入编号为键的对象，或按顺序排列的数组", "expected an object keyed by input code, or a positional array"));
  return null;
}

function codeList(defs: readonly InputDef[]): string {
  return defs.map((d) => d.code).join(", ");
}
