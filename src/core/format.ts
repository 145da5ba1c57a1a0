import type { Text } from "../../templates/schema";
import { round } from "./answers";

/** Number wording shared by score explanations, tier gaps and the CLI. */

/** 0.62 → "62%", 0.625 → "62.5%": rates are fractions inside (G2) and percentages outside. */
export function percent(fraction: number): string {
  return `${round(fraction * 100, 4)}%`;
}

/** Points as officials write them: 10, 6.7, never 6.666666. */
export function points(n: number): string {
  return String(round(n, 2));
}

export function pointsText(n: number): Text {
  return { zh: `${points(n)} 分`, en: `${points(n)} ${n === 1 ? "point" : "points"}` };
}

export const TICK_WORDS: Record<"true" | "false", Text> = {
  true: { zh: "有", en: "yes" },
  false: { zh: "无", en: "no" },
};

export const NOT_ANSWERED: Text = { zh: "未填", en: "not answered" };

/** Joins two bilingual pieces with a language-appropriate separator. */
export function join(parts: Text[], sep: Text = { zh: "；", en: "; " }): Text {
  return { zh: parts.map((p) => p.zh).join(sep.zh), en: parts.map((p) => p.en).join(sep.en) };
}
