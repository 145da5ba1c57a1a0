/**
 * The answer cell of a scheme input: how it is validated and prompted, how it is formatted,
 * which value a parsed answer is written as, and which numbers a formula may accept from it.
 * One place per input type, so every sheet asks the same question the engine reads
 * (src/core/answers.ts).
 */
import type { InputDef } from "../../../templates/schema";
import { RATE_TYPES } from "../../../templates/constants";
import { BLANK } from "../../core/answers";
import type { Value } from "../../core/inputs";
import { percent } from "../../core/format";
import type { CellValue, Range, Validation } from "../plan";
import { PERCENT } from "../styles";
import { RATE_BOUNDS, rateValidation } from "../validations";

const YES = "是";
const NO = "否";

/** Rates, reductions and improvements are fractions shown as percentages (ruling G2). */
export function answerFormat(def: InputDef): string | undefined {
  if (RATE_TYPES.includes(def.type)) return PERCENT;
  if (def.type === "integer") return "0";
  return undefined;
}

function unitText(def: InputDef): string {
  return def.unit ? `（${def.unit.zh}）` : "";
}

function unitTextEn(def: InputDef): string {
  return def.unit ? ` (${def.unit.en})` : "";
}

/** Amount bounds the engine enforces (readAmount); a side left open gets a bound no answer reaches. */
function bounds(def: InputDef): [number, number] {
  return [def.min ?? -1e15, def.max ?? 1e15];
}

/** The data validation of an answer cell: dropdowns for ticks and levels, ranges for numbers. */
export function answerValidation(def: InputDef, range: Range): Validation | undefined {
  const blank = { zh: "留空视为未填", en: "blank means not answered" };
  switch (def.type) {
    case "tick":
      return {
        kind: "list",
        range,
        options: [YES, NO],
        prompt: { zh: `请选择“是”或“否”；${blank.zh}`, en: `Choose 是 (yes) or 否 (no); ${blank.en}` },
        error: { zh: "请从下拉列表选择“是”或“否”", en: "Choose 是 or 否 from the list" },
      };
    case "rate":
    case "reduction":
    case "improvement":
      return rateValidation(range, def.type, blank);
    case "number":
    case "integer": {
      const [min, max] = bounds(def);
      const whole = def.type === "integer";
      const span = def.min !== undefined && def.max !== undefined ? ` ${def.min}–${def.max} 的` : def.min !== undefined ? `不小于 ${def.min} 的` : "";
      const rangeEn = def.min !== undefined && def.max !== undefined ? ` from ${def.min} to ${def.max}` : def.min !== undefined ? ` of at least ${def.min}` : "";
      const what = whole ? ["整数", "whole number"] : ["数值", "number"];
      return {
        kind: whole ? "whole" : "decimal",
        range,
        min,
        max,
        prompt: { zh: `填写${span}${what[0]}${unitText(def)}；${blank.zh}`, en: `Enter a ${what[1]}${rangeEn}${unitTextEn(def)}; ${blank.en}` },
        error: { zh: `应为${span}${what[0]}${unitText(def)}`, en: `Expected a ${what[1]}${rangeEn}${unitTextEn(def)}` },
      };
    }
    case "level": {
      const names = (def.levels ?? []).map((l) => l.name.zh);
      return {
        kind: "list",
        range,
        options: names,
        prompt: { zh: `请从下拉列表选择；${blank.zh}`, en: `Choose from the list; ${blank.en}` },
        error: { zh: `应为以下之一：${names.join(" / ")}`, en: `Expected one of: ${(def.levels ?? []).map((l) => l.name.en).join(" / ")}` },
      };
    }
    case "tick-or-rate":
      // A tick or a rate in one cell: no single validation kind admits both, so the cell is free.
      return undefined;
  }
}

/** The cell value a parsed answer is written as: the dropdown's own words, numbers as numbers. */
export function answerValue(def: InputDef, value: Value): CellValue {
  if (value === BLANK) return null;
  if (typeof value === "boolean") return value ? YES : NO;
  if (def.type === "level") return def.levels?.[value]?.name.zh ?? null;
  return value;
}

/**
 * A condition on a number the cell holds, true when the engine would accept it (G2 for rates,
 * bounds and whole numbers for amounts); null when every number is accepted. Only evaluated
 * after ISNUMBER, so ROUND never sees text.
 */
export function acceptsNumber(def: InputDef, cell: string): string | null {
  const checks: string[] = [];
  const [min, max] = def.type === "rate" || def.type === "reduction" || def.type === "improvement" ? RATE_BOUNDS[def.type] : [null, null];
  if (min !== null) checks.push(`${cell}>=${min}`);
  if (max !== null) checks.push(`${cell}<=${max}`);
  if (def.type === "number" || def.type === "integer") {
    if (def.min !== undefined) checks.push(`${cell}>=${def.min}`);
    if (def.max !== undefined) checks.push(`${cell}<=${def.max}`);
    if (def.type === "integer") checks.push(`ROUND(${cell},0)=${cell}`);
  }
  if (checks.length === 0) return null;
  return checks.length === 1 ? checks[0] : `AND(${checks.join(",")})`;
}

/** A threshold as people write it: 70%, 500 万元, 2. */
export function showNumber(def: InputDef | undefined, n: number): string {
  if (!def || RATE_TYPES.includes(def.type)) return percent(n);
  return def.unit ? `${n} ${def.unit.zh}` : String(n);
}
