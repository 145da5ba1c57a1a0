import { installCustomFunctionsRuntime } from "../../functions/outside-excel";
import type { Lang } from "../../functions/language";

/**
 * What the function tests need of Excel: the CustomFunctions global (functions/outside-excel.ts
 * mirrors the runtime's class) and a way to catch what a call throws.
 */
installCustomFunctionsRuntime();

export function isExcelError(value: unknown): value is CustomFunctions.Error {
  return value instanceof CustomFunctions.Error;
}

/** The CustomFunctions.Error a call throws; fails the test if it returns or throws anything else. */
export function thrown(call: () => unknown): CustomFunctions.Error {
  let result: unknown;
  try {
    result = call();
  } catch (e) {
    if (isExcelError(e)) return e;
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`, { cause: e });
  }
  throw new Error(`expected a CustomFunctions.Error, the call returned ${JSON.stringify(result)}`);
}

/** An error as the tests compare it: its code and message. */
export function shown(e: unknown): { code: string; message: string | undefined } | unknown {
  return isExcelError(e) ? { code: e.code, message: e.message } : e;
}

/** Runs `body` as if Office reported the given display language (zh outside Excel). */
export function inDisplayLanguage<T>(language: string, body: () => T): T {
  const g = globalThis as { Office?: unknown };
  const before = g.Office;
  g.Office = { context: { displayLanguage: language } };
  try {
    return body();
  } finally {
    g.Office = before;
  }
}

export type { Lang };
