import type { Text } from "../../templates/schema";
import type { Range, Validation } from "./plan";

/**
 * The input checks several sheets share, worded once: a rate cell (ruling G2: a fraction, so
 * 62 is refused with the advice to write 62%) and a mainland mobile number cell (ruling S3).
 * `note` adds what a particular sheet needs to say, e.g. how to leave the cell blank.
 */
export function rateValidation(range: Range, note?: Text): Validation {
  return {
    kind: "decimal",
    range,
    min: 0,
    max: 1,
    prompt: withNote({ zh: "请填 0%–100% 之间的比率，如 62%", en: "Enter a rate between 0% and 100%, e.g. 62%" }, note),
    error: { zh: "比率应在 0%–100% 之间：请填 62% 或 0.62，不要填 62", en: "A rate is between 0% and 100%: enter 62% or 0.62, not 62" },
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
