/**
 * Building blocks for the native formulas the official sheets carry. Only functions that
 * Excel 2010, WPS and LibreOffice 7.4 all evaluate are used (the design notes, shared/DESIGN.md): the list is
 * PORTABLE_FUNCTIONS in portable.ts, which a test holds every sample sheet to. Formulas are
 * returned without the leading "=".
 */
import { SPACE_LIKE, TICKED_WORDS, UNTICKED_WORDS } from "../core/answers";
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

/**
 * A character as a formula writes it: control characters (line breaks, tab) as CHAR(code),
 * which is ASCII and so the same in every code page; any other character literally, because
 * CHAR(160) depends on the system code page (LibreOffice on a UTF-8 system and Excel on a GBK
 * one do not return NBSP for it).
 */
function charLiteral(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 32 ? `CHAR(${code})` : str(ch);
}

/**
 * LibreOffice hands a formula the tab of a cell that also holds a line break as U+0001 (its
 * edit engine's placeholder for a tab). No cell can hold U+0001 itself (XML 1.0 forbids it,
 * src/xlsx/cell-text.ts), so reading it as the tab it stands for changes nothing elsewhere.
 */
const LIBREOFFICE_TAB = "\u0001";

/**
 * The cell's text as the engine reads an answer (src/core/answers.ts `cleanText`): each
 * SPACE_LIKE character made a space, then TRIM (no spaces at the ends, runs of spaces inside
 * made one). `&""` makes numbers and booleans text first ("1", "TRUE"; LibreOffice, which
 * stores TRUE as 1, gives "1", a tick word too): Gnumeric's TRIM and SUBSTITUTE pass a
 * number or a boolean through unchanged, and it then equals no word. About 130 characters
 * plus the reference; a formula using it many times must stay under Excel's 8,192
 * (tests/sheets/whitespace.test.ts checks every sheet's).
 */
export function cleanText(cell: string): string {
  const spaced = [...SPACE_LIKE, LIBREOFFICE_TAB].reduce((inner, ch) => `SUBSTITUTE(${inner},${charLiteral(ch)}," ")`, `${cell}&""`);
  return `TRIM(${spaced})`;
}

/**
 * The words as an array constant, each with a "_" prefix: Gnumeric reads the text constants
 * "1" and "true" in an .xlsx array constant as the number 1 and the boolean TRUE, which no
 * text equals. The cell's text is compared with the same prefix.
 */
function prefixedWords(words: readonly string[]): string {
  return `{${words.map((w) => str(`_${w}`)).join(",")}}`;
}

/**
 * An array of booleans: whether the cell's clean text equals each word ("=" compares text
 * case-insensitively in every spreadsheet), for SUMPRODUCT to count or weigh in a cell. Not
 * for a conditional format: there LibreOffice 7.4 evaluates SUMPRODUCT (and OR, SUM) over an
 * array constant as if every word matched (isOneOfInFormat).
 */
export function wordHits(cell: string, words: readonly string[]): string {
  return `("_"&${cleanText(cell)}=${prefixedWords(words)})`;
}

/**
 * TRUE when the cell's clean text equals one of the words; SUMPRODUCT evaluates the comparison
 * with the word array in a cell in Excel, WPS, LibreOffice and Gnumeric alike. MATCH would be
 * shorter but reads * and ? as wildcards, and LibreOffice's MATCH overlooks zero-width
 * characters ("\u200B是" matches 是) where "=" and the engine do not. Parenthesised, so it can
 * be summed.
 */
export function isOneOf(cell: string, words: readonly string[]): string {
  return `(SUMPRODUCT(--${wordHits(cell, words)})>0)`;
}

/**
 * isOneOf for a conditional format, where LibreOffice 7.4 gets SUMPRODUCT over an array
 * constant wrong: MATCH, which all four spreadsheets evaluate there alike, with ~, * and ?
 * escaped so a pasted "*" matches no word. It shares LibreOffice's blind spot for zero-width
 * characters, which costs at most a missing mark on such a cell: the cells' own formulas
 * (isOneOf) still refuse it.
 */
export function isOneOfInFormat(cell: string, words: readonly string[]): string {
  const literal = [..."~*?"].reduce((inner, ch) => `SUBSTITUTE(${inner},"${ch}","~${ch}")`, cleanText(cell));
  return `ISNUMBER(MATCH("_"&${literal},${prefixedWords(words)},0))`;
}

/**
 * The number paired with the word the cell's clean text equals, or 0 when it equals none. The
 * words must be distinct (each matches at most once, so the sum is that one number).
 */
export function valueOfWord(cell: string, pairs: readonly [word: string, value: number][]): string {
  return `SUMPRODUCT(${wordHits(cell, pairs.map(([w]) => w))}*{${pairs.map(([, v]) => num(v)).join(",")}})`;
}

/** TRUE when the cell holds a ticked answer, in the forms the engine accepts (answers.ts). */
export function isTicked(cell: string): string {
  return isOneOf(cell, TICKED_WORDS);
}

/** TRUE when the cell holds an unticked answer (否, 无, □, FALSE, 0 …): an answer, not a blank. */
export function isUnticked(cell: string): string {
  return isOneOf(cell, UNTICKED_WORDS);
}

/** TRUE when the cell is blank or holds only spaces, SPACE_LIKE ones included (ruling G3: not answered). */
export function isBlankCell(cell: string): string {
  return `${cleanText(cell)}=""`;
}

/**
 * The cell's text as a level answer is compared (src/core/answers.ts levelKey): clean, with
 * every space removed, so "领先 水平" and "领先水平" are one answer. Level words are written
 * without spaces (levelWord) to match; "=" ignores case, as levelKey's lower-casing does.
 */
function levelText(cell: string): string {
  return `SUBSTITUTE(${cleanText(cell)}," ","")`;
}

/** A level word as levelText compares it: without spaces. */
export function levelWord(word: string): string {
  return word.replace(/[ \u00A0\u3000\n\r\t]/g, "");
}

/** wordHits for a level answer (levelText), over words already made distinct by levelKey. */
export function levelHits(cell: string, words: readonly string[]): string {
  return `("_"&${levelText(cell)}=${prefixedWords(words.map(levelWord))})`;
}

/** isOneOf for a level answer. */
export function levelIsOneOf(cell: string, words: readonly string[]): string {
  return `(SUMPRODUCT(--${levelHits(cell, words)})>0)`;
}

/** isOneOfInFormat for a level answer (MATCH, with ~ * ? escaped). */
export function levelIsOneOfInFormat(cell: string, words: readonly string[]): string {
  const literal = [..."~*?"].reduce((inner, ch) => `SUBSTITUTE(${inner},"${ch}","~${ch}")`, levelText(cell));
  return `ISNUMBER(MATCH("_"&${literal},${prefixedWords(words.map(levelWord))},0))`;
}

/** valueOfWord for a level answer. */
export function levelValueOfWord(cell: string, pairs: readonly [word: string, value: number][]): string {
  return `SUMPRODUCT(${levelHits(cell, pairs.map(([w]) => w))}*{${pairs.map(([, v]) => num(v)).join(",")}})`;
}
