import type { Problem } from "../src/core/problems";
import type { Text } from "../templates/schema";
import { messageLanguage, type Lang } from "./language";

/**
 * Turning Problems into the errors Excel shows. A custom function reports failure with a
 * CustomFunctions.Error: thrown, it fills the formula's cell; placed in a returned matrix, it
 * fills one cell of a spill, so one bad row of a 10,000-row range does not hide the other 9,999.
 * Only #VALUE! and #N/A carry a message, so those are the two codes used: #N/A when something
 * named was not found or the cell already held #N/A, #VALUE! for a value of the wrong kind.
 */

/**
 * Excel limits how long a custom error message may be; 255 characters is the limit it applies
 * to function and argument descriptions, and messages are kept within it here, where the cut can
 * keep the "and n more" that says there is more to fix.
 */
export const MAX_MESSAGE_LENGTH = 255;

/** Where a problem was found: the argument, and for per-row results the row of the range (from 1). */
export interface Place {
  argument?: string;
  row?: number;
}

export function problemsError(problems: readonly Problem[], place: Place = {}, code: CustomFunctions.ErrorCode = CustomFunctions.ErrorCode.invalidValue): CustomFunctions.Error {
  return new CustomFunctions.Error(code, describe(problems, place, messageLanguage()));
}

/** An error about one argument as a whole, such as an unknown rubric id. */
export function argumentError(argument: string, message: Text, code?: CustomFunctions.ErrorCode): CustomFunctions.Error {
  return problemsError([{ code: argument, message }], { argument }, code);
}

/**
 * A cell that already holds an Excel error: the row (or argument) takes an error too, #N/A
 * staying #N/A as it would through a native formula, everything else becoming #VALUE! (the
 * other codes cannot carry the message that says which cell it came from).
 */
export function cellError(cellCode: string, place: Place, inputCode?: string): CustomFunctions.Error {
  const message = { zh: `单元格为错误值 ${cellCode}`, en: `the cell holds the error ${cellCode}` };
  return problemsError([{ code: inputCode ?? place.argument ?? "", message }], place, passedOn(cellCode));
}

/** The code an error read from a cell is passed on with. */
export function passedOn(cellCode: string): CustomFunctions.ErrorCode {
  return cellCode === CustomFunctions.ErrorCode.notAvailable ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
}

/**
 * Runs a function body so that only CustomFunctions.Error leaves it. The core never throws, so
 * anything else is a bug; it still reaches the cell as #VALUE! with a message asking for a
 * report, never as an unhandled exception.
 */
export function guarded<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof CustomFunctions.Error) throw e;
    const detail = e instanceof Error ? e.message : String(e);
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, clip(`${INTERNAL[messageLanguage()]}${detail}`, MAX_MESSAGE_LENGTH));
  }
}

/** The start of the message guarded() gives a bug, so tests can tell a bug from a refusal. */
export const INTERNAL: Record<Lang, string> = { zh: "内部错误，请报告：", en: "internal error, please report it: " };

function describe(problems: readonly Problem[], place: Place, lang: Lang): string {
  const [first] = problems;
  const more = problems.length > 1 ? (lang === "zh" ? `（另有 ${problems.length - 1} 处问题）` : ` (and ${problems.length - 1} more)`) : "";
  const text = first ? `${where(first.code, place, lang)}${first.message[lang]}` : "";
  return clip(text, MAX_MESSAGE_LENGTH - more.length) + more;
}

/** "inputs 第 3 行，3.1：" / "inputs, row 3, 3.1: " — the argument, the row and the input code. */
function where(problemCode: string, place: Place, lang: Lang): string {
  const argument = place.argument ?? problemCode.replace(/\[\d+\]$/, "");
  // The core names list elements scores[2] and already says "score 3" in its message.
  const code = problemCode !== argument && !problemCode.startsWith(`${argument}[`) ? problemCode : "";
  if (lang === "zh") return `${argument}${place.row ? ` 第 ${place.row} 行` : ""}${code ? `，${code}` : ""}：`;
  return `${argument}${place.row ? `, row ${place.row}` : ""}${code ? `, ${code}` : ""}: `;
}

/** Cuts to max characters (not UTF-16 units, so a character is never split), ending with …. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
