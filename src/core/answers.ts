import type { InputDef, Text } from "../../templates/schema";
import { problem, type Problem } from "./problems";

/**
 * Reading what users type into cells: ticks, rates, levels and amounts, with the answer forms
 * people actually use in Chinese official tables. Every reader returns a parsed value, BLANK
 * (not answered, ruling G3) or a Problem naming the input code and what was expected.
 */
export const BLANK: unique symbol = Symbol("blank");
export type Blank = typeof BLANK;

export type AnswerValue = boolean | number | string;
export type Parsed<T> = T | Blank | Problem;

export function isProblem(x: unknown): x is Problem {
  return typeof x === "object" && x !== null && "message" in x && "code" in x;
}

/** The words a ticked or an unticked box is written with (lower case); sheets' formulas accept the same. */
export const TICKED_WORDS = ["true", "1", "是", "有", "☑", "√", "✓", "✔", "yes", "y"] as const;
export const UNTICKED_WORDS = ["false", "0", "否", "无", "□", "☐", "no", "n"] as const;

const TICK_ANSWERS = new Map<string, boolean>([
  ...TICKED_WORDS.map((w) => [w, true] as const),
  ...UNTICKED_WORDS.map((w) => [w, false] as const),
]);

/**
 * The characters read as a space around and inside an answer, beside the ASCII space: NBSP
 * (pasted from web pages and Word), the full-width space a Chinese IME types, and the line
 * breaks and tab a pasted cell carries. Spreadsheet TRIM removes only the ASCII space, so the
 * sheets' formulas turn these into spaces first (src/sheets/formula.ts `cleanText`); both then
 * read an answer as TRIM does. Any other character (U+2003 em space, U+200B …) is part of
 * the answer to both, so the engine and the sheet never read the same cell two ways (except in
 * Gnumeric, whose TRIM also strips U+2000–U+200A: tests/sheets/whitespace.test.ts).
 */
export const SPACE_LIKE = ["\u00A0", "\u3000", "\n", "\r", "\t"] as const;

const SPACE_LIKE_RUN = /[\u00A0\u3000\n\r\t]/g;
const ONLY_SPACES = /^[ \u00A0\u3000\n\r\t]*$/;

/**
 * Text as spreadsheet TRIM reads it once SPACE_LIKE characters are spaces: no spaces at
 * either end, one space where a run of them stood inside.
 */
export function cleanText(s: string): string {
  return s.replace(SPACE_LIKE_RUN, " ").replace(/ {2,}/g, " ").replace(/^ | $/g, "");
}

/** A cell that holds nothing: undefined, null or only spaces (SPACE_LIKE included). */
export function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && ONLY_SPACES.test(raw));
}

/** A tick answer's meaning, BLANK, or undefined when the value is not a tick word at all. */
function tickValue(raw: unknown): boolean | Blank | undefined {
  // Booleans and exact words first: a 10,000-row range is mostly these.
  if (typeof raw === "boolean") return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  if (typeof raw === "string") {
    const exact = TICK_ANSWERS.get(raw) ?? TICK_ANSWERS.get(cleanText(raw).toLowerCase());
    if (exact !== undefined) return exact;
  }
  return isBlank(raw) ? BLANK : undefined;
}

export function readTick(code: string, raw: unknown): Parsed<boolean> {
  const tick = tickValue(raw);
  if (tick !== undefined) return tick;
  return problem(
    code,
    `应为勾选答案（是/否、有/无、TRUE/FALSE、1/0、☑/□、√），收到“${show(raw)}”`,
    `expected a tick (TRUE/FALSE, 1/0, 是/否, 有/无, ☑/□, √), got "${show(raw)}"`,
  );
}

/**
 * A number, or a numeric string with an optional % sign ("62%" → 0.62). Returns NaN for
 * anything else so callers can phrase their own expectation.
 *
 * A comma is read only as a thousands separator between groups of three digits ("1,200",
 * "12,345.6%"). "1,5%" is refused, not read: it is 1.5% where the comma is the decimal mark
 * and 15% where it separates thousands, and a spreadsheet reads it by its locale, or as text
 * that no formula counts. Refused, it comes back as an input error naming the cell or field.
 */
export function readNumber(raw: unknown): number {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : NaN;
  if (typeof raw !== "string") return NaN;
  const m = /^([+-]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)?(?:\.\d*)?(?:e[+-]?\d+)?) ?([%％])?$/i.exec(cleanText(raw));
  if (!m || !/\d/.test(m[1].replace(/e.*$/i, ""))) return NaN;
  const n = Number(m[1].replace(/[,，]/g, ""));
  if (!Number.isFinite(n)) return NaN;
  return m[2] ? n / 100 : n;
}

/** Why a number with a comma was refused (readNumber), when it has one: the fix is to write the decimal point. */
function commaNote(raw: unknown): [zh: string, en: string] {
  if (typeof raw !== "string" || !/[,，]/.test(raw)) return ["", ""];
  return ["；逗号只用作千位分隔（如 1,200），小数请用小数点（如 1.5%）", "; a comma only separates thousands (1,200): write decimals with a point (1.5%)"];
}

/** Ruling G2: a rate is a fraction in [0, 1]; 62 is refused rather than read as 62%. */
export function readRate(code: string, raw: unknown): Parsed<number> {
  if (typeof raw === "number" && raw >= 0 && raw <= 1) return raw;
  if (isBlank(raw)) return BLANK;
  const n = readNumber(raw);
  if (Number.isNaN(n)) {
    const [zh, en] = commaNote(raw);
    return problem(code, `应为比率（如 62% 或 0.62），收到“${show(raw)}”${zh}`, `expected a rate such as 62% or 0.62, got "${show(raw)}"${en}`);
  }
  if (n > 1) {
    // A plain number above 1 is most likely a percentage typed without its sign (G2): say how
    // to write it. A value that already carries % is simply too large.
    if (typeof raw === "string" && /[%％]/.test(raw)) {
      return problem(code, `比率不能超过 100%，收到“${show(raw)}”`, `a rate cannot exceed 100%, got "${show(raw)}"`);
    }
    return problem(
      code,
      `比率不能超过 100%：请填 ${n}% 或 ${round(n / 100, 6)}，而不是 ${n}`,
      `a rate cannot exceed 100%: enter ${n}% or ${round(n / 100, 6)}, not ${n}`,
    );
  }
  if (n < 0) return problem(code, `比率不能为负数，收到“${show(raw)}”`, `a rate cannot be negative, got "${show(raw)}"`);
  return n;
}

/** Ruling G2: improvements (生产效率提高 …) are fractions that may exceed 1 or be negative. */
export function readImprovement(code: string, raw: unknown): Parsed<number> {
  if (typeof raw === "number" && Number.isFinite(raw)) return raw;
  if (isBlank(raw)) return BLANK;
  const n = readNumber(raw);
  if (Number.isNaN(n)) {
    const [zh, en] = commaNote(raw);
    return problem(code, `应为百分比（如 12% 或 0.12），收到“${show(raw)}”${zh}`, `expected a percentage such as 12% or 0.12, got "${show(raw)}"${en}`);
  }
  return n;
}

/**
 * Ruling G2: a reduction (不良品率降低, 低端用工下降率 …) is a fraction that may be negative (the
 * measure rose) but cannot exceed 100%: 9 is refused with the advice to write 9%, as a rate is.
 */
export function readReduction(code: string, raw: unknown): Parsed<number> {
  if (typeof raw === "number" && Number.isFinite(raw) && raw <= 1) return raw;
  if (isBlank(raw)) return BLANK;
  const n = readNumber(raw);
  if (Number.isNaN(n)) {
    const [zh, en] = commaNote(raw);
    return problem(code, `应为百分比（如 12% 或 0.12），收到“${show(raw)}”${zh}`, `expected a percentage such as 12% or 0.12, got "${show(raw)}"${en}`);
  }
  if (n > 1) {
    if (typeof raw === "string" && /[%％]/.test(raw)) {
      return problem(code, `降低（下降、减少、缩短）幅度不能超过 100%，收到“${show(raw)}”`, `a reduction cannot exceed 100%, got "${show(raw)}"`);
    }
    return problem(
      code,
      `降低（下降、减少、缩短）幅度不能超过 100%：请填 ${n}% 或 ${round(n / 100, 6)}，而不是 ${n}`,
      `a reduction cannot exceed 100%: enter ${n}% or ${round(n / 100, 6)}, not ${n}`,
    );
  }
  return n;
}

/**
 * Ruling G2: an improvement above 100% is accepted as written, with a warning saying how it was
 * read (a 12 meant as 12% is far likelier than a twelve-fold gain); null at or below 100%.
 */
export function improvementNote(n: number): Text | null {
  if (!(n > 1)) return null;
  const shown = `${round(n * 100, 4)}%`;
  return {
    zh: `${round(n, 6)} 按 ${shown} 计；若指 ${round(n, 6)}%，请填 ${round(n, 6)}% 或 ${round(n / 100, 6)}`,
    en: `${round(n, 6)} read as ${shown}; for ${round(n, 6)}% enter ${round(n, 6)}% or ${round(n / 100, 6)}`,
  };
}

/**
 * A level answer: its official zh name, its en name or an alias, with or without spaces inside
 * ("领先 水平" is 领先水平), or a number an alias spells ("3" for 三级); returns the level index.
 */
export function readLevel(input: InputDef, raw: unknown): Parsed<number> {
  if (typeof raw === "string" || typeof raw === "number") {
    const words = levelWords(input);
    const text = String(raw);
    const i = words.get(text) ?? words.get(levelKey(text));
    if (i !== undefined) return i;
  }
  if (isBlank(raw)) return BLANK;
  const levels = input.levels ?? [];
  const names = levels.map((l) => l.name.zh).join(" / ");
  const namesEn = levels.map((l) => l.name.en).join(" / ");
  return problem(input.code, `应为以下之一：${names}，收到“${show(raw)}”`, `expected one of: ${namesEn} (${names}), got "${show(raw)}"`);
}

const levelWordCache = new WeakMap<InputDef, Map<string, number>>();

/**
 * A level word as it is compared: clean (cleanText), without any space, lower-cased. The sheets'
 * formulas compare the same way (src/sheets/formula.ts levelHits).
 */
export function levelKey(word: string): string {
  return cleanText(word).replace(/ /g, "").toLowerCase();
}

/** Every accepted spelling of each level (zh name, en name, aliases; as levelKey reads them) → level index. */
function levelWords(input: InputDef): Map<string, number> {
  let words = levelWordCache.get(input);
  if (!words) {
    words = new Map();
    for (const [i, l] of (input.levels ?? []).entries()) {
      for (const w of [l.name.zh, l.name.en, ...l.aliases]) words.set(levelKey(w), i);
    }
    levelWordCache.set(input, words);
  }
  return words;
}

export function readAmount(input: InputDef, raw: unknown): Parsed<number> {
  if (isBlank(raw)) return BLANK;
  const n = readNumber(raw);
  const unit = input.unit ? `（${input.unit.zh}）` : "";
  const unitEn = input.unit ? ` (${input.unit.en})` : "";
  if (Number.isNaN(n) || (input.type === "integer" && !Number.isInteger(n))) {
    const what = input.type === "integer" ? ["整数", "a whole number"] : ["数值", "a number"];
    const [zh, en] = commaNote(raw);
    return problem(input.code, `应为${what[0]}${unit}，收到“${show(raw)}”${zh}`, `expected ${what[1]}${unitEn}, got "${show(raw)}"${en}`);
  }
  if ((input.min !== undefined && n < input.min) || (input.max !== undefined && n > input.max)) {
    const range = `${input.min ?? "−∞"}–${input.max ?? "∞"}`;
    return problem(input.code, `应在 ${range} 之间${unit}，收到 ${n}`, `expected a value in ${range}${unitEn}, got ${n}`);
  }
  return n;
}

/** Tick-or-rate (表2 2.1.x): a tick, or the actual rate to compare with the threshold. */
export function readTickOrRate(code: string, raw: unknown): Parsed<boolean | number> {
  const tick = tickValue(raw);
  if (tick !== undefined) return tick;
  if (Number.isFinite(readNumber(raw))) return readRate(code, raw);
  return problem(
    code,
    `应为勾选答案（是/否、√、□ …）或实际比率（如 65%），收到“${show(raw)}”`,
    `expected a tick (TRUE/FALSE, 是/否, √, □ …) or the actual rate such as 65%, got "${show(raw)}"`,
  );
}

/** Reads one answer according to its input definition. */
export function readAnswer(input: InputDef, raw: unknown): Parsed<boolean | number> {
  switch (input.type) {
    case "tick":
      return readTick(input.code, raw);
    case "rate":
      return readRate(input.code, raw);
    case "reduction":
      return readReduction(input.code, raw);
    case "improvement":
      return readImprovement(input.code, raw);
    case "tick-or-rate":
      return readTickOrRate(input.code, raw);
    case "level":
      return readLevel(input, raw);
    case "number":
    case "integer":
      return readAmount(input, raw);
  }
}

/** 10 ** decimals for the usual decimals, looked up: scoring rounds every subtotal of every row. */
const POWERS_OF_TEN = [1, 10, 100, 1000, 10000, 100000, 1000000];

export function round(n: number, decimals: number): number {
  const f = POWERS_OF_TEN[decimals] ?? 10 ** decimals;
  return Math.round((n + Number.EPSILON * Math.sign(n)) * f) / f;
}

/** Echoes a bad answer back, shortened so a pasted paragraph does not flood the message; never throws. */
export function show(raw: unknown): string {
  const s = typeof raw === "string" ? raw : typeof raw === "object" && raw !== null ? describeObject(raw) : String(raw);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** JSON where possible; circular structures, BigInts and prototype-less objects must not throw here. */
function describeObject(raw: object): string {
  try {
    return JSON.stringify(raw) ?? Object.prototype.toString.call(raw);
  } catch {
    return Object.prototype.toString.call(raw);
  }
}
