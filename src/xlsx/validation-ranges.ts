/**
 * Data validations as ranges that never overlap. exceljs keeps validations per cell and, when
 * writing, joins equal neighbours into rectangles; its joiner walks the cells sorted as text
 * ("B10" before "B7"), so a block crossing row 9 → 10 comes out twice (sqref="E10:E14" and
 * "E5:E14": exceljs issue 2820), and Excel, which allows one rule per cell, "repairs" the file.
 * A validation stored under a range address ("E5:E14") is written exactly as it is, so the
 * plan's ranges go in whole, and a workbook read back (its rules split per cell by exceljs) is
 * joined again here, in numeric order.
 */
import type ExcelJS from "exceljs";

/** exceljs's per-sheet validation store, keyed by "E5" or "E5:E14"; its typings leave it out. */
interface ValidationStore {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(address: string, rule: ExcelJS.DataValidation): void;
}

const store = (sheet: ExcelJS.Worksheet) => (sheet as unknown as { dataValidations: ValidationStore }).dataValidations;

/** One rule over a cell or a rectangle ("E5" or "E5:E14"), written with exactly that sqref. */
export function addValidation(sheet: ExcelJS.Worksheet, address: string, rule: ExcelJS.DataValidation): void {
  store(sheet).add(address, rule);
}

interface At {
  row: number;
  col: number;
}

const CELL = /^([A-Z]{1,3})(\d+)$/;

function decode(address: string): At | null {
  const m = CELL.exec(address);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function encode(row: number, col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

/**
 * Rewrites a sheet's per-cell rules (as exceljs reads them) as rectangles that do not overlap:
 * cells are taken in row-then-column order, each unclaimed one grows down, then right, over
 * cells with the same rule, and claims them. Rules already stored under a range stay as they are.
 */
export function joinValidations(sheet: ExcelJS.Worksheet): void {
  const { model } = store(sheet);
  const cells = new Map<string, { at: At; rule: ExcelJS.DataValidation; key: string }>();
  for (const [address, rule] of Object.entries(model)) {
    const at = rule ? decode(address) : null;
    if (!at || !rule) continue;
    cells.set(address, { at, rule, key: JSON.stringify(rule) });
    delete model[address];
  }
  const claimed = new Set<string>();
  const same = (row: number, col: number, key: string) => {
    const a = encode(row, col);
    return !claimed.has(a) && cells.get(a)?.key === key;
  };
  const ordered = [...cells.entries()].sort(([, a], [, b]) => a.at.row - b.at.row || a.at.col - b.at.col);
  for (const [address, { at, rule, key }] of ordered) {
    if (claimed.has(address)) continue;
    let bottom = at.row;
    while (same(bottom + 1, at.col, key)) bottom++;
    let right = at.col;
    const columnFree = (col: number) => {
      for (let r = at.row; r <= bottom; r++) if (!same(r, col, key)) return false;
      return true;
    };
    while (columnFree(right + 1)) right++;
    for (let r = at.row; r <= bottom; r++) for (let c = at.col; c <= right; c++) claimed.add(encode(r, c));
    model[bottom === at.row && right === at.col ? address : `${address}:${encode(bottom, right)}`] = rule;
  }
}
