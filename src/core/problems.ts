import type { Text } from "../../templates/schema";

/**
 * A problem with what the user gave: which input code, field or argument, and what was
 * expected, in both languages. Core functions return these instead of throwing, so no
 * exception ever reaches a worksheet cell or a terminal as a stack trace.
 */
export interface Problem {
  /** The input code, field key or argument name the problem is about. */
  code: string;
  message: Text;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(problems: Problem[]): Result<T> {
  return { ok: false, problems };
}

export function problem(code: string, zh: string, en: string): Problem {
  return { code, message: { zh, en } };
}

/**
 * One line per problem, as the CLI prints them and functions put them in error messages. The
 * code is spelt for a person (fieldName): rows counted from 1 as on the sheet. Machine output
 * (--json) keeps `code` as it is.
 */
export function describeProblem(p: Problem, lang: "zh" | "en"): string {
  return `${fieldName(p.code, lang, p.message[lang])}: ${p.message[lang]}`;
}

/** The repeated parts of a data document whose elements a person counts from 1, by the key that holds them. */
const COUNTED: Record<string, { zh: (n: number) => string; en: (n: number) => string }> = {
  rows: { zh: (n) => `第 ${n} 行`, en: (n) => `row ${n}` },
  experts: { zh: (n) => `第 ${n} 位专家`, en: (n) => `expert ${n}` },
  values: { zh: (n) => `第 ${n} 期`, en: (n) => `period ${n}` },
  labels: { zh: (n) => `第 ${n} 期名称`, en: (n) => `period ${n} name` },
};

/**
 * A data path as a person reads it: "rows/1/mobile" or "rows[1].mobile" → "第 2 行 mobile" /
 * "row 2 mobile"; "experts/0/name" → "第 1 位专家 name"; a batch sheet's "3/3.1" → "第 4 行 3.1".
 * A top-level index "[2].3.1" is dropped when the message already counts it ("第 3 家企业：…",
 * atIndex in sheet-data.ts), else shown as "第 3 项". Other codes ("3.1", "recommender") are as given.
 */
export function fieldName(code: string, lang: "zh" | "en", message = ""): string {
  let rest = code;
  let lead = "";
  // Item codes hold dots ("3.1"), so only these shapes are read as indices.
  const top = /^\[(\d+)\]\.?/.exec(rest) ?? /^(\d+)\/(?=.)/.exec(rest);
  if (top) {
    const n = Number(top[1]) + 1;
    rest = rest.slice(top[0].length);
    const said = lang === "zh" ? message.startsWith(`第 ${n} `) : new RegExp(`^\\S+ ${n}:`).test(message);
    if (!said) lead = top[0].startsWith("[") ? (lang === "zh" ? `第 ${n} 项` : `item ${n}`) : lang === "zh" ? `第 ${n} 行` : `row ${n}`;
  }
  const MARK = "\u0000";
  rest = rest
    .replace(/(^|[/.])(rows|experts|values|labels)(?:\/(\d+)|\[(\d+)\])(?=$|[/.])/g, (_all, sep: string, key: string, a?: string, b?: string) => `${sep}${MARK}${COUNTED[key][lang](Number(a ?? b) + 1)}${MARK}`)
    .replace(new RegExp(`[/.]?${MARK}([^${MARK}]*)${MARK}[/.]?`, "g"), " $1 ")
    .trim();
  return [lead, rest].filter(Boolean).join(" ");
}
