/**
 * Sample data for a rubric nobody wrote samples for (a rubric added to the catalogue before its
 * samples.ts entry): every input answered with a value its type accepts, a second batch row with
 * the first input left blank (G3), and the fewest experts a panel takes. Its sheets then build,
 * check and merge like the others instead of failing at load (issue 13), and `build --all` shows
 * a filled sheet. Names are marked 示例, as the written samples are.
 */
import type { InputDef, Rubric } from "../../../templates/schema";
import type { RubricSamples } from "./samples";

/** An answer the input's type accepts (src/core/answers.ts), within its bounds. */
function answer(input: InputDef): unknown {
  const within = (x: number) => Math.min(input.max ?? x, Math.max(input.min ?? x, x));
  switch (input.type) {
    case "tick":
    case "tick-or-rate":
      return "有";
    case "level":
      // levels are required for a level input (templates/schema.ts); the highest one.
      return input.levels?.[input.levels.length - 1].name.zh;
    case "rate":
      return within(0.5);
    case "reduction":
    case "improvement":
      return within(0.1);
    case "number":
    case "integer":
      return within(1);
  }
}

/** Samples for the rubric; `experts` is the panel's size, the fewest its sheet takes. */
export function generatedSamples(rubric: Rubric, experts: number): RubricSamples {
  const answers = Object.fromEntries(rubric.inputs.map((i) => [i.code, answer(i)]));
  return {
    single: { enterprise: "示例企业", ...answers },
    batch: [
      { enterprise: "示例企业甲", changes: {} },
      { enterprise: "示例企业乙", changes: { [rubric.inputs[0].code]: undefined } },
    ],
    panel: Array.from({ length: experts }, (_, i) => ({ name: `示例专家${i + 1}`, changes: {} })),
  };
}
