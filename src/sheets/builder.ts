import type { Cell, CellValue, ConditionalFormat, InputBinding, PrintSetup, Range, ResultBinding, SheetMarker, SheetPlan, Style, Validation } from "./plan";
import { officialMargins } from "./print-layout";
import { ref } from "./formula";
import { INPUT_FILL } from "./styles";

/**
 * Accumulates a SheetPlan while a renderer walks down the official layout, so renderers read
 * as the table they draw rather than as array bookkeeping.
 */
export class PlanBuilder {
  private readonly cells = new Map<string, Cell>();
  private readonly plan: Omit<SheetPlan, "cells" | "print">;
  /** Margins default to GB/T 9704's for the orientation the sheet ends up with (ruling F2). */
  private printSetup: Omit<PrintSetup, "margins"> & { margins?: PrintSetup["margins"] };

  constructor(name: string, marker: SheetMarker, print: Partial<PrintSetup> = {}) {
    this.printSetup = { paper: "A4", orientation: "portrait", fitToWidth: true, blackAndWhite: true, footer: "第 &P 页，共 &N 页", ...print };
    this.plan = {
      name,
      marker,
      columns: [],
      rows: [],
      merges: [],
      validations: [],
      conditionalFormats: [],
      names: [],
      protection: { enabled: true },
      inputs: [],
      results: [],
    };
  }

  /** A constant (text stays text, whatever it starts with). Replaces anything set there before. */
  value(row: number, col: number, value: CellValue, style?: Style): this {
    return this.put({ row, col, value, style });
  }

  /** A native formula, without the leading "=". */
  formula(row: number, col: number, formula: string, style?: Style): this {
    return this.put({ row, col, formula, style });
  }

  /** An unlocked cell the user answers, bound to an input code (pre-filled if a value is given). */
  input(row: number, col: number, code: string, style: Style, value: CellValue = null): this {
    this.plan.inputs.push({ code, row, col });
    return this.put({ row, col, value, style, locked: false });
  }

  /** Marks a formula cell as computing something the engine also computes. */
  result(key: string, row: number, col: number): this {
    this.plan.results.push({ key, row, col });
    return this;
  }

  merge(range: Range, value?: CellValue, style?: Style): this {
    this.plan.merges.push(range);
    if (value !== undefined) this.value(range.top, range.left, value, style);
    if (style) {
      // Borders and fills must cover every cell of a merged area or they print with gaps.
      for (let r = range.top; r <= range.bottom; r++) {
        for (let c = range.left; c <= range.right; c++) if (r !== range.top || c !== range.left) this.put({ row: r, col: c, style });
      }
    }
    return this;
  }

  width(col: number, width: number, hidden = false): this {
    this.plan.columns.push({ col, width, ...(hidden ? { hidden } : {}) });
    return this;
  }

  height(row: number, height: number): this {
    this.plan.rows.push({ row, height });
    return this;
  }

  validate(v: Validation): this {
    this.plan.validations.push(v);
    return this;
  }

  highlight(cf: ConditionalFormat): this {
    this.plan.conditionalFormats.push(cf);
    return this;
  }

  name(name: string, range: Range): this {
    this.plan.names.push({ name, range });
    return this;
  }

  freeze(row: number, col: number): this {
    this.plan.freeze = { row, col };
    return this;
  }

  print(setup: Partial<PrintSetup>): this {
    this.printSetup = { ...this.printSetup, ...setup };
    return this;
  }

  build(): SheetPlan {
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col).map(withoutInputFill);
    const print = { ...this.printSetup, margins: this.printSetup.margins ?? officialMargins(this.printSetup.orientation) };
    const blank = blankInputShading([...this.cells.values()].filter((c) => c.locked === false && c.style?.fill === INPUT_FILL));
    return { ...this.plan, conditionalFormats: [...this.plan.conditionalFormats, ...blank], print, cells };
  }

  private put(cell: Cell): this {
    const key = `${cell.row},${cell.col}`;
    const before = this.cells.get(key);
    // A merged area's filler cells only carry style; a later value or formula takes the place.
    this.cells.set(key, before && cell.value === undefined && cell.formula === undefined ? { ...before, style: cell.style } : cell);
    return this;
  }
}

/** The input shade is never a static fill (see INPUT_FILL): it would print. */
function withoutInputFill(cell: Cell): Cell {
  if (cell.style?.fill !== INPUT_FILL) return cell;
  return { ...cell, style: { ...cell.style, fill: undefined } };
}

/**
 * The input shade as conditional formats on blank input cells, one per rectangle of them (columns
 * of equal runs joined), so a batch sheet's thousand inputs are a few dozen rules, not a thousand.
 */
function blankInputShading(inputs: Cell[]): ConditionalFormat[] {
  const byCol = new Map<number, number[]>();
  for (const c of inputs) byCol.set(c.col, [...(byCol.get(c.col) ?? []), c.row]);
  const runs: Range[] = [];
  for (const [col, rows] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let top = rows[0];
    rows.forEach((row, i) => {
      if (rows[i + 1] === row + 1) return;
      const same = runs.find((r) => r.right === col - 1 && r.top === top && r.bottom === row);
      if (same) same.right = col;
      else runs.push({ top, left: col, bottom: row, right: col });
      top = rows[i + 1];
    });
  }
  return runs.map((range) => ({ range, formula: `ISBLANK(${ref(range.top, range.left)})`, style: { fill: INPUT_FILL } }));
}

export type { InputBinding, ResultBinding };
