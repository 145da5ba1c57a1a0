/**
 * Sample data for a table template loaded without a `sample` (templates/schema.ts), so that
 * `build --all` and the task pane's 示例 build its sheet instead of failing. A tier self-check
 * gets every input its sheet shows answered with a value the input's type accepts (as a rubric's
 * generated sample, src/sheets/scoring/generated-samples.ts); a summary table, a KPI tracker and
 * a form get blank answers: names, figures and periods cannot be made up meaningfully.
 */
import type { Scheme } from "../../../templates/schema";
import { testInputs } from "../../../templates/constants";
import { sampleAnswer } from "../sample-answers";

/**
 * Answers to the inputs the scheme's sheet shows: the common conditions' and, on a sheet showing
 * one mode at a time (`byMode`), only the default mode's, as the sheet refuses the others.
 */
export function generatedTierSample(scheme: Scheme): Record<string, string | number> {
  const tiers = scheme.sheet?.byMode ? scheme.tiers.slice(0, 1) : scheme.tiers;
  const read = new Set([...scheme.common, ...tiers.flatMap((t) => t.conditions)].flatMap((c) => testInputs(c.test)));
  for (const d of scheme.derived) if (read.has(d.code)) d.ratio.forEach((code) => read.add(code));
  const answers: Record<string, string | number> = {};
  for (const input of scheme.inputs) {
    const answer = read.has(input.code) ? sampleAnswer(input) : undefined;
    if (answer !== undefined) answers[input.code] = answer;
  }
  return answers;
}
