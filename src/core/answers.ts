import type { InputDef } from "../../templates/schema";
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

/** A cell that holds nothing: undefined, null or only white space. */
export function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
}

/** A tick answer's meaning, BLANK, or undefined when the value is not a tick word at all. */
function tickValue(raw: unknown): boolean | Blank | undefined {
  // Booleans and exact words first: a 10,000-row range is mostly these.
  if (typeof raw === "boolean") return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  if (typeof raw === "string") {
    const exact = TICK_ANSWERS.get(raw) ?? TICK_ANSWERS.get(raw.trim().toLowerCase());
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
 */
export function readNumber(raw: unknown): number {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : NaN;
  if (typeof raw !== "string") return NaN;
  const s = raw.trim().replace(/[,，]/g, "");
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*([%％])?$/i.exec(s);
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] ? n / 100 : n;
}

/** Ruling G2: a rate is a fraction in [0, 1]; 62 is refused rather than read as 62%. */
export function readRate(code: string, raw: unknown): Parsed<number> {
  if (typeof raw === "number" && raw >= 0 && raw <= 1) return raw;
  if (isBlank(raw)) return BLANK;
  const n = readNumber(raw);
  if (Number.isNaN(n)) {
    return problem(code, `应为比率（如 62% 或 0.62），收到“${show(raw)}”`, `expected a rate such as 62% or 0.62, got "${show(raw)}"`);
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
    return problem(code, `应为百分比（如 12% 或 0.12），收到“${show(raw)}”`, `expected a percentage such as 12% or 0.12, got "${show(raw)}"`);
  }
  return n;
}

/** A level answer: its official zh name, its en name or an alias; returns the level index. */
export function readLevel(input: InputDef, raw: unknown): Parsed<number> {
  if (typeof raw === "string") {
    const words = levelWords(input);
    const i = words.get(raw) ?? words.get(raw.trim().toLowerCase());
    if (i !== undefined) return i;
  }
  if (isBlank(raw)) return BLANK;
  const levels = input.levels ?? [];
  const names = levels.map((l) => l.name.zh).join(" / ");
  const namesEn = levels.map((l) => l.name.en).join(" / ");
  return problem(input.code, `应为以下之一：${names}，收到“${show(raw)}”`, `expected one of: ${namesEn} (${names}), got "${show(raw)}"`);
}

const levelWordCache = new WeakMap<InputDef, Map<string, number>>();

/** Every accepted spelling of each level (zh name, en name, aliases; lower-cased) → level index. */
function levelWords(input: InputDef): Map<string, number> {
  let words = levelWordCache.get(input);
  if (!words) {
    words = new Map();
    for (const [i, l] of (input.levels ?? []).entries()) {
      for (const w of [l.name.zh, l.name.en, ...l.aliases]) words.set(w.toLowerCase(), i);
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
    return problem(input.code, `应为${what[0]}${unit}，收到“${show(raw)}”`, `expected ${what[1]}${unitEn}, got "${show(raw)}"`);
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

export function round(n: number, decimals: number): number {
  const f = 10 ** decimals;
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
