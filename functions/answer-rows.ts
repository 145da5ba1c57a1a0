import type { InputDef } from "../templates/schema";
import { isBlank } from "../src/core/answers";
import { argumentError, cellError, problemsError } from "./errors";
import { basicValue, errorCode, toRows } from "./cells";

/**
 * Answer ranges: one enterprise per row, its answers across the columns in the template's
 * input-code order (rubric.inputs / scheme.inputs), so a whole summary sheet is one argument and
 * one call. A single column exactly as long as the input list is read as one enterprise, the way
 * the official tables list their items down the page.
 */
export interface AnswerTemplate {
  id: string;
  inputs: readonly InputDef[];
}

/** The argument every per-row function takes its answer range in. */
const ARGUMENT = "inputs";

/** What a per-row function puts in a cell of its result. */
export type Cell = number | string | boolean | CustomFunctions.Error;

/** One row of answers: the values to evaluate, a blank row, or the error that row shows. */
export type AnswerRow = { kind: "answers"; values: readonly unknown[] } | { kind: "blank" } | { kind: "error"; error: CustomFunctions.Error };

/** The rows of an answer range; throws when no row can be read (an empty range, a wrong width). */
export function answerRows(raw: unknown, template: AnswerTemplate): unknown[][] {
  const cellCode = Array.isArray(raw) ? null : errorCode(raw);
  if (cellCode !== null) throw cellError(cellCode, { argument: ARGUMENT });
  const rows = toRows(raw);
  const width = template.inputs.length;
  // One pass over the rows (a range may have 10,000): are they all empty, all as wide as the template?
  let empty = true;
  let exact = true;
  for (let i = 0; i < rows.length; i++) {
    const n = rows[i].length;
    if (n !== 0) empty = false;
    if (n !== width) exact = false;
  }
  if (empty) {
    throw argumentError(ARGUMENT, { zh: `区域为空：每行应有 ${width} 个答案`, en: `the range is empty: each row needs ${width} answers` });
  }
  if (exact) return rows;
  if (rows.length === width && rows.every((r) => r.length === 1)) return [rows.map((r) => r[0])];
  const columns = rows[0].length;
  if (rows.every((r) => r.length === columns)) {
    const first = template.inputs[0].code;
    const last = template.inputs[width - 1].code;
    throw argumentError(ARGUMENT, {
      zh: `每行应有 ${width} 个答案（${first} 到 ${last}，顺序见 INPUT_HEADERS("${template.id}")），区域有 ${columns} 列`,
      en: `each row needs ${width} answers (${first} to ${last}; INPUT_HEADERS("${template.id}") shows the order), the range has ${columns} column${columns === 1 ? "" : "s"}`,
    });
  }
  // Rows of different lengths never come from Excel; each short or long row reports itself.
  return rows;
}

/**
 * Reads one row: a row holding an error or of the wrong length becomes that row's error, an
 * all-blank row is blank (a spare row of the table), anything else goes to the engine, which
 * reports each bad answer by its input code.
 */
export function readAnswerRow(cells: readonly unknown[], template: AnswerTemplate, row: number): AnswerRow {
  const width = template.inputs.length;
  if (cells.length !== width) {
    const message = { zh: `应有 ${width} 个答案，收到 ${cells.length} 个`, en: `needs ${width} answers, got ${cells.length}` };
    return { kind: "error", error: problemsError([{ code: ARGUMENT, message }], { argument: ARGUMENT, row }) };
  }
  let values: readonly unknown[] = cells;
  let blank = true;
  for (let i = 0; i < width; i++) {
    const cell = cells[i];
    // Most cells of a large range are plain numbers, text or booleans: test those first.
    if (typeof cell === "object" && cell !== null) {
      const code = errorCode(cell);
      if (code !== null) return { kind: "error", error: cellError(code, { argument: ARGUMENT, row }, template.inputs[i].code) };
      const unwrapped = basicValue(cell);
      if (unwrapped !== cell) {
        if (values === cells) values = cells.slice();
        (values as unknown[])[i] = unwrapped;
      }
    }
    if (blank && !isBlank(values[i])) blank = false;
  }
  return blank ? { kind: "blank" } : { kind: "answers", values };
}

/**
 * Evaluates every row of an answer range into `width` cells: a blank row gives blank cells and a
 * row in error gives its error in every cell, so nothing computed from a bad row looks valid.
 */
export function perRow(raw: unknown, template: AnswerTemplate, width: number, evaluate: RowEvaluator): Cell[][] {
  return answerRows(raw, template).map((cells, i) => evaluateRow(cells, template, width, i + 1, evaluate));
}

export type RowEvaluator = (values: readonly unknown[], row: number) => Cell[] | CustomFunctions.Error;

/** One row of perRow (row counts from 1), for a function that takes the usual rows another way. */
export function evaluateRow(cells: readonly unknown[], template: AnswerTemplate, width: number, row: number, evaluate: RowEvaluator): Cell[] {
  const read = readAnswerRow(cells, template, row);
  if (read.kind === "blank") return new Array<Cell>(width).fill("");
  const cellsOrError = read.kind === "error" ? read.error : evaluate(read.values, row);
  return Array.isArray(cellsOrError) ? cellsOrError : new Array<Cell>(width).fill(cellsOrError);
}
