/**
 * How an answer sits in an input cell: the dropdown or numeric validation a user meets when
 * typing, the number format, and the canonical value written when --data fills the cell.
 * Data is read by the engine's own readers first, so a value the engine would refuse never
 * reaches a sheet, and what the sheet shows is exactly what the engine read: "☑" and TRUE are
 * written as 有, "62%" as the number 0.62 (formatted 62%), "leading" as 领先水平.
 */
import type { InputDef, Text } from "../../../templates/schema";
import { RATE_TYPES } from "../../../templates/constants";
import { BLANK } from "../../core/answers";
import { TICK_WORDS } from "../../core/format";
import type { Value } from "../../core/inputs";
import type { CellValue, Range, Style, Validation } from "../plan";
import { PERCENT, STYLES } from "../styles";
import { rateValidation } from "../validations";

/**
 * The dropdown for ticks: the table's own 有/无 (□无（0分）/ □有（…分）). The formulas accept
 * every tick word the engine does, so a typed 是 or √ pasted past the dropdown still scores.
 */
export const TICK_CHOICES = [TICK_WORDS.true.zh, TICK_WORDS.false.zh];

/** Rubric inputs are answers a rule scores; no scoring rule reads an amount (templates/schema.ts). */
export const AMOUNTS_ARE_NOT_SCORED = "a rubric input is never an amount: templates/schema.ts lets no scoring rule read one";

/** The canonical cell value for a parsed answer (src/core/inputs.ts Value). */
export function answerCell(input: InputDef, value: Value): CellValue {
  if (value === BLANK) return null;
  if (typeof value === "boolean") return value ? TICK_WORDS.true.zh : TICK_WORDS.false.zh;
  if (input.type === "level") return (input.levels ?? [])[value].name.zh;
  return value;
}

/** The input cell's look: the shared input style, with a percent format for rates. */
export function answerStyle(input: InputDef): Style {
  const percent = RATE_TYPES.includes(input.type) || input.type === "tick-or-rate";
  return percent ? { ...STYLES.input, numberFormat: PERCENT } : STYLES.input;
}

/** What a user may type into the cell, with a prompt and an error in the sheet's words. */
export function answerValidation(input: InputDef, range: Range): Validation {
  switch (input.type) {
    case "tick":
      return { kind: "list", range, options: TICK_CHOICES, prompt: choose(TICK_CHOICES), error: fromList(TICK_CHOICES) };
    case "tick-or-rate":
      // The table's option is a tick (自动数采率60%以上); data may carry the actual rate
      // instead, which the cell then holds as a number and the formula compares.
      return {
        kind: "list",
        range,
        options: TICK_CHOICES,
        prompt: { zh: `请选择 有 / 无（${input.label.zh}）`, en: `Choose 有 (yes) or 无 (no) (${input.label.en})` },
        error: fromList(TICK_CHOICES),
      };
    case "rate":
    case "reduction":
    case "improvement":
      // Ruling G2, bounds from one place (validations.ts RATE_BOUNDS): a reduction above 100% is refused.
      return rateValidation(range, input.type);
    case "level": {
      const names = (input.levels ?? []).map((l) => l.name.zh);
      return { kind: "list", range, options: names, prompt: choose(names), error: fromList(names) };
    }
    case "number":
    case "integer":
      throw new Error(AMOUNTS_ARE_NOT_SCORED);
  }
}

/** Expert adjustment (ruling D4): blank keeps the computed score, or a score within 0..max. */
export function adjustmentValidation(max: number, range: Range): Validation {
  return {
    kind: "decimal",
    range,
    min: 0,
    max,
    prompt: { zh: `专家调整：留空按计算得分，或填 0–${max} 分`, en: `Expert adjustment: leave blank to keep the computed score, or enter 0–${max}` },
    error: { zh: `专家调整分应在 0 到 ${max} 分之间`, en: `An expert's score must be between 0 and ${max}` },
  };
}

function choose(options: string[]): Text {
  return { zh: `请选择：${options.join(" / ")}`, en: `Choose one of: ${options.join(" / ")}` };
}

function fromList(options: string[]): Text {
  return { zh: `请从下拉列表中选择：${options.join(" / ")}`, en: `Choose from the list: ${options.join(" / ")}` };
}
