/**
 * Building blocks for the native formulas the official sheets carry. Only functions that
 * Excel 2010, WPS and LibreOffice 7.4 all evaluate are used (../shared/DESIGN.md): IF, AND, OR,
 * NOT, SUM, SUMPRODUCT, COUNTIF, ISNUMBER, MATCH, INDEX, TRIM, ROUND, IFERROR, LOOKUP, AVERAGE,
 * MEDIAN, MAX, MIN, ABS, COUNT, COUNTA, LEN. Formulas are returned without the leading "=".
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
 * TRUE when the cell holds a ticked answer, in the forms the engine accepts (answers.ts).
 * MATCH compares text case-insensitively in all three spreadsheets, and TRIM turns TRUE and 1
 * into the text "TRUE" / "1", so booleans, numbers and words are one lookup.
 */
export function isTicked(cell: string): string {
  return `ISNUMBER(MATCH(TRIM(${cell}),${wordArray(TICKED_WORDS)},0))`;
}

/** TRUE when the cell holds an unticked answer (否, 无, □, FALSE, 0 …): an answer, not a blank. */
export function isUnticked(cell: string): string {
  return `ISNUMBER(MATCH(TRIM(${cell}),${wordArray(UNTICKED_WORDS)},0))`;
}

/** TRUE when the cell is blank or holds only spaces (ruling G3: not answered). */
export function isBlankCell(cell: string): string {
  return `TRIM(${cell})=""`;
}
