/**
 * Sample data for a rubric loaded without a `sample` (templates/schema.ts): every input answered
 * with a value its type accepts, a second batch row with the first input left blank (G3), and
 * the fewest experts a panel takes, each giving the engine's item scores. Its sheets then build,
 * check and merge like the others, and `build --all` shows a filled sheet. Names are marked 示例,
 * as the written samples' are.
 */
import type { Rubric } from "../../../templates/schema";
import { score } from "../../core/score";
import { sampleAnswer } from "../sample-answers";

/** The data of the rubric's three sheets; `experts` is the panel's size, the fewest its sheet takes. */
export function generatedSamples(rubric: Rubric, experts: number): NonNullable<Rubric["sample"]> {
  const answers = Object.fromEntries(rubric.inputs.map((i) => [i.code, sampleAnswer(i) ?? null]));
  const blankFirst = Object.fromEntries(Object.entries(answers).filter(([code]) => code !== rubric.inputs[0].code));
  const scored = score(rubric, answers);
  // Each answer is generated within its input's type and bounds: a refusal is a bug here, not in the template.
  if (!scored.ok) throw new Error(`the generated sample of ${rubric.id} is refused by the engine: ${JSON.stringify(scored.problems)}`);
  const scores = Object.fromEntries(scored.value.items.map((i) => [i.code, i.score]));
  return {
    single: { enterprise: "示例企业", ...answers },
    batch: [
      { enterprise: "示例企业甲", ...answers },
      { enterprise: "示例企业乙", ...blankFirst },
    ],
    panel: { enterprise: "示例企业", experts: Array.from({ length: experts }, (_, i) => ({ name: `示例专家${i + 1}`, scores })) },
  };
}
