import type { Text } from "../../templates/schema";
import type { Range, Validation } from "./plan";

/**
 * The input checks several sheets share, worded once: a rate, a reduction or an improvement
 * cell (ruling G2: fractions, so 62 is refused with the advice to write 62%) and a mainland
 * mobile number cell (ruling S3). `note` adds what a particular sheet needs to say, e.g. how to
 * leave the cell blank.
 */
export type RateKind = "rate" | "reduction" | "improvement";

/**
 * What the engine accepts (src/core/answers.ts), null where it sets no bound: a rate is in
 * [0, 1]; a reduction is at most 1 and negative when the measure rose; an improvement is any
 * number (above 1 with a warning). The sheets' formulas refuse exactly what lies outside.
 */
export const RATE_BOUNDS: Record<RateKind, [min: number | null, max: number | null]> = {
  rate: [0, 1],
  reduction: [null, 1],
  improvement: [null, null],
};

/** A data validation needs both bounds: an open side gets one no typed change reaches (−100 000%). */
const OPEN_BOUND = 1000;

const RATE_TEXT: Record<RateKind, { prompt: Text; error: Text }> = {
  rate: {
    prompt: { zh: "请填 0%–100% 之间的比率，如 62%", en: "Enter a rate between 0% and 100%, e.g. 62%" },
    error: { zh: "比率应在 0%–100% 之间：请填 62% 或 0.62，不要填 62", en: "A rate is between 0% and 100%: enter 62% or 0.62, not 62" },
  },
  reduction: {
    prompt: { zh: "请填降低（下降）的百分比，如 9%，不超过 100%（上升填负数）", en: "Enter the reduction as a percentage such as 9%, at most 100% (a rise is negative)" },
    error: { zh: "降低幅度不能超过 100%：请填 9% 或 0.09，不要填 9", en: "A reduction cannot exceed 100%: enter 9% or 0.09, not 9" },
  },
  improvement: {
    prompt: { zh: "请填百分比，如 12%（可超过 100%；填 12 按 1200% 计）", en: "Enter a percentage such as 12% (may exceed 100%; 12 reads as 1200%)" },
    error: { zh: "请填百分比数值，如 12% 或 0.12", en: "Enter a percentage such as 12% or 0.12" },
  },
};

export function rateValidation(range: Range, kind: RateKind = "rate", note?: Text): Validation {
  const [min, max] = RATE_BOUNDS[kind];
  return {
    kind: "decimal",
    range,
    min: min ?? -OPEN_BOUND,
    max: max ?? OPEN_BOUND,
    prompt: withNote(RATE_TEXT[kind].prompt, note),
    error: RATE_TEXT[kind].error,
  };
}

export function mobileValidation(range: Range): Validation {
  return {
    kind: "textLength",
    range,
    min: 11,
    max: 11,
    prompt: {
      zh: "填写 11 位手机号码，如 13912345678（1 开头，第二位为 3–9），不加 +86、空格或横线",
      en: "An 11-digit mobile number such as 13912345678 (1, then 3–9), without +86, spaces or hyphens",
    },
    error: { zh: "手机号码应为 11 位数字", en: "A mobile number has 11 digits" },
  };
}

function withNote(text: Text, note?: Text): Text {
  return note ? { zh: `${text.zh}；${note.zh}`, en: `${text.en}; ${note.en}` } : text;
}
