/**
 * Text a workbook can hold (issue 15). Two limits, checked where text enters (so the message can
 * name the cell or field it came from) and again by the writer, the last line:
 *
 * - XML 1.0 forbids C0 controls other than tab, line feed and carriage return, U+FFFE, U+FFFF
 *   and lone surrogates. exceljs decodes the `_xHHHH_` escapes a file may hold into exactly these
 *   characters and writes them back raw, so one cell made a merged sharedStrings.xml that Excel
 *   repairs and LibreOffice opens with every row's text gone. (exceljs silently drops C0 controls
 *   and DEL when it writes; U+FFFE, U+FFFF and surrogates it writes as they are.)
 * - Excel keeps at most 32,767 characters in a cell.
 *
 * And one encoding: the text `_x0041_` written as it is would be read back as "A" by Excel,
 * LibreOffice and exceljs, which decode `_xHHHH_` in cell text; ECMA-376 (Part 1, 22.9.2.19
 * ST_Xstring) escapes the underscore of such a sequence as `_x005F_`, and so does xlsxText.
 *
 * No exceljs here: the task pane's merge preview checks cells with it too.
 */
import type { Text } from "../../templates/schema";
import { codePointName } from "../core/identity";

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32767;

// eslint-disable-next-line no-control-regex -- control characters are what this pattern is for
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first character XML 1.0 forbids, with its 1-based position in characters; null when there is none. */
export function forbiddenChar(text: string): { position: number; codePoint: number } | null {
  const m = FORBIDDEN.exec(text);
  if (!m) return null;
  return { position: Array.from(text.slice(0, m.index)).length + 1, codePoint: m[0].charCodeAt(0) };
}

/** The text without the characters XML 1.0 forbids. */
export function withoutForbidden(text: string): string {
  return text.replace(new RegExp(FORBIDDEN.source, "g"), "");
}

/** Why this text cannot be written into a cell as it is, or null when it can. */
export function cellTextProblem(text: string): Text | null {
  const bad = forbiddenChar(text);
  if (bad) {
    const cp = codePointName(bad.codePoint);
    return {
      zh: `含不可见的控制字符 ${cp}（第 ${bad.position} 个字符），工作簿中不能保存`,
      en: `holds the invisible control character ${cp} (character ${bad.position}), which a workbook cannot store`,
    };
  }
  if (text.length > MAX_CELL_TEXT) {
    return { zh: `有 ${text.length} 个字符，超过 Excel 单元格上限 ${MAX_CELL_TEXT}`, en: `is ${text.length} characters long, over Excel's limit of ${MAX_CELL_TEXT} per cell` };
  }
  return null;
}

/** Text a writer cannot store: the cell named. */
export class CellTextError extends Error {
  constructor(
    readonly cell: string,
    readonly reason: Text,
  ) {
    super(`${cell}: ${reason.en}`);
  }
}

/**
 * The text as it goes into an .xlsx cell: refused (CellTextError naming `cell`) when a workbook
 * cannot hold it, and with each literal `_xHHHH_` escaped so it reads back as written.
 */
export function xlsxText(text: string, cell: string): string {
  const problem = cellTextProblem(text);
  if (problem) throw new CellTextError(cell, problem);
  // A lookahead, so "_x0041_x0042_" escapes both sequences (the second starts with the first's last "_").
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_");
}

/**
 * Text as ECMA-376 stores it in a cell (ST_Xstring): each `_xHHHH_` sequence's underscore
 * escaped, and each character XML cannot hold (and DEL, which exceljs drops) written as its own
 * `_xHHHH_`. Lossless: what exceljs, Excel and LibreOffice decode is the text given. For cells
 * kept from a workbook that is rewritten, which must come back exactly as they were.
 */
export function encodeXstring(text: string): string {
  return text.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_").replace(new RegExp(`${FORBIDDEN.source}|\\u007F`, "g"), (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}
