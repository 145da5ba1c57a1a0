/**
 * The values of the template vocabulary that code outside the schemas uses (the engine, the sheet
 * builders), kept apart from templates/schema.ts, which re-exports them: importing a value from
 * schema.ts runs its zod schemas and so loads zod, which the task pane's first load must not
 * (zod is needed only to validate a template loaded at run time).
 */
import type { ConditionTest } from "./schema";

/** Every input type; templates/schema.ts says what each accepts. */
export const INPUT_TYPES = ["tick", "rate", "reduction", "improvement", "tick-or-rate", "level", "number", "integer"] as const;

/** The input types holding a fraction shown as a percentage (ruling G2). */
export const RATE_TYPES: readonly (typeof INPUT_TYPES)[number][] = ["rate", "reduction", "improvement"];

/** Every input or derived code a test reads. */
export function testInputs(test: ConditionTest): string[] {
  switch (test.kind) {
    case "any":
      return test.inputs;
    case "groups":
      return test.groups.flatMap((g) => g.elements.map((e) => e.input));
    default:
      return [test.input];
  }
}
