/**
 * Building blocks for the native formulas the official sheets carry. Only functions that
 * Excel 2010, WPS and LibreOffice 7.4 all evaluate are used (../shared/DESIGN.md): the list is
 * PORTABLE_FUNCTIONS in portable.ts, which a test holds every sample sheet to. Formulas are
 * returned without the leading "=".
 */
import { TICKED_WORDS, UNTICKED_WORDS } from "../core/answers";
import type { Range } from "./plan";

/** 1 → A, 27 → AA. */
export function colLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1-style reference; `fixed` makes it absolute ($A$1), as formulas copied down need. */
export function ref(row: number, col: number, fixed = false): string {
  return fixed ? `$${colLetter(col)}$${row}` : `${colLetter(col)}${row}`;
}

export function rangeRef(r: Range, fixed = false): string {
  return `${ref(r.top, r.left, fixed)}:${ref(r.bottom, r.right, fixed)}`;
}

/** A string literal inside a formula: quotes doubled, as every spreadsheet expects. */
export function str(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A number as formulas write it: no exponent for the fractions and points rules use. */
export function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

function wordArray(words: readonly string[]): string {
  return `{${words.map(str).join(",")}}`;
}

/**
 * TRUE when the trimmed cell equals one of the words. TRIM turns TRUE and 1 into text ("TRUE"
 * or "1"), "=" compares text case-insensitively in all three spreadsheets, and SUMPRODUCT
 * evaluates the comparison with the word array in every one of them. MATCH would be shorter
 * but treats * and ? in a pasted cell as wildcards. Parenthesised, so it can be summed.
 */
export function isOneOf(cell: string, words: readonly string[]): string {
  return `(SUMPRODUCT(--(TRIM(${cell})=${wordArray(words)}))>0)`;
}

/**
 * The number paired with the word the trimmed cell equals, or 0 when it equals none. The words
 * must be distinct (each matches at most once, so the sum is that one number).
 */
export function valueOfWord(cell: string, pairs: readonly [word: string, value: number][]): string {
  return `SUMPRODUCT((TRIM(${cell})=${wordArray(pairs.map(([w]) => w))})*{${pairs.map(([, v]) => num(v)).join(",")}})`;
}

/** TRUE when the cell holds a ticked answer, in the forms the engine accepts (answers.ts). */
export function isTicked(cell: string): string {
  return isOneOf(cell, TICKED_WORDS);
}

/** TRUE when the cell holds an unticked answer (否, 无, □, FALSE, 0 …): an answer, not a blank. */
export function isUnticked(cell: string): string {
  return isOneOf(cell, UNTICKED_WORDS);
}

/** TRUE when the cell is blank or holds only spaces (ruling G3: not answered). */
export function isBlankCell(cell: string): string {
  return `TRIM(${cell})=""`;
}
