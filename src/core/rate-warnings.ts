import type { Rubric, Source, Text } from "../../templates/schema";
import { improvementNote } from "./answers";
import { inputIndex } from "./inputs";
import type { Warning } from "./score";

/**
 * Ruling G2: an improvement above 100% (生产效率提高 12 → 1200%) is scored as written, with a
 * warning saying how it was read. The inputs that can raise one are found once per rubric, so
 * the explaining scorer (score.ts) and the totals-only one (score-fast.ts) warn alike, in
 * input order, after the consistency warnings.
 */
export interface ImprovementInput {
  /** Position in the rubric's inputs. */
  at: number;
  code: string;
  /** The item reading it, under ruling G2. */
  source: Source;
  /** The input's label, which the warning names. */
  label: Text;
}

const cache = new WeakMap<Rubric, readonly ImprovementInput[]>();

export function improvementInputs(rubric: Rubric): readonly ImprovementInput[] {
  let found = cache.get(rubric);
  if (!found) {
    const index = inputIndex(rubric.inputs);
    const items = rubric.sections.flatMap((s) => s.items);
    found = rubric.inputs
      .filter((i) => i.type === "improvement")
      .map((i) => {
        const item = items.find((it) => it.rule.kind === "brackets" && it.rule.input === i.code);
        return { at: index.get(i.code) as number, code: i.code, label: i.label, source: { ...(item?.source ?? rubric.source), ruling: "G2" } };
      });
    cache.set(rubric, found);
  }
  return found;
}

/** The warning for an improvement `n`, or null when it is at most 100%. */
export function improvementWarning(input: ImprovementInput, n: number): Warning | null {
  const note = improvementNote(n);
  return note ? { code: input.code, message: { zh: `${input.label.zh}：${note.zh}`, en: `${input.label.en}: ${note.en}` }, source: input.source } : null;
}
