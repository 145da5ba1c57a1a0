/**
 * An answer of each input type for generated samples (a template loaded without a `sample`):
 * a value the type accepts (src/core/answers.ts), within the input's bounds.
 */
import type { InputDef } from "../../templates/schema";

export function sampleAnswer(input: InputDef): string | number | undefined {
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
