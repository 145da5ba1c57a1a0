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

/** One line per problem, as the CLI prints them and functions put them in error messages. */
export function describeProblem(p: Problem, lang: "zh" | "en"): string {
  return `${p.code}: ${p.message[lang]}`;
}
