import type { Cell, CellValue, ConditionalFormat, InputBinding, PrintSetup, Range, ResultBinding, SheetMarker, SheetPlan, Style, Validation } from "./plan";

/** A4 margins in inches (GB/T 9704 leaves about 2–2.5 cm; spreadsheets take inches). */
const A4_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/**
 * Accumulates a SheetPlan while a renderer walks down the official layout, so renderers read
 * as the table they draw rather than as array bookkeeping.
 */
export class PlanBuilder {
  private readonly cells = new Map<string, Cell>();
  private readonly plan: Omit<SheetPlan, "cells">;

  constructor(name: string, marker: SheetMarker, print: Partial<PrintSetup> = {}) {
    this.plan = {
      name,
      marker,
      columns: [],
      rows: [],
      merges: [],
      validations: [],
      conditionalFormats: [],
      names: [],
      print: { orientation: "portrait", fitToWidth: true, margins: A4_MARGINS, footer: "第 &P 页，共 &N 页", ...print },
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
    this.plan.print = { ...this.plan.print, ...setup };
    return this;
  }

  build(): SheetPlan {
    const cells = [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    return { ...this.plan, cells };
  }

  private put(cell: Cell): this {
    const key = `${cell.row},${cell.col}`;
    const before = this.cells.get(key);
    // A merged area's filler cells only carry style; a later value or formula takes the place.
    this.cells.set(key, before && cell.value === undefined && cell.formula === undefined ? { ...before, style: cell.style } : cell);
    return this;
  }
}

export type { InputBinding, ResultBinding };
