/**
 * A SheetPlan is one worksheet described as plain data: cell values and native formulas,
 * styles, merges, validations, conditional formats, names, panes, print setup and protection.
 * Renderers (template + parameters + optional data → plan) know the official layouts; writers
 * (exceljs for .xlsx, Office.js inside Excel) know the file or API. Neither knows the other,
 * so every official sheet is written the same way to a file and to the open workbook.
 *
 * Rows and columns are 1-based, as in every spreadsheet. Formulas are stored WITHOUT the
 * leading "=" (exceljs takes them so; the Office.js writer adds it).
 */
import type { Text } from "../../templates/schema";

export type CellValue = string | number | boolean | null;

export interface Font {
  name?: string;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  /** ARGB hex without '#', e.g. FF000000. */
  color?: string;
}

export interface Style {
  font?: Font;
  /** Solid fill, ARGB hex. */
  fill?: string;
  /** Thin border on all four sides. */
  border?: "thin" | "medium";
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Excel number format, e.g. "0%", "0.0", "@" (text). */
  numberFormat?: string;
}

export interface Cell {
  row: number;
  col: number;
  /** A constant. Text beginning with = + - @ is still text: writers never turn it into a formula. */
  value?: CellValue;
  /** A native, portable formula without the leading "=". */
  formula?: string;
  style?: Style;
  /** Protection: formula and label cells are locked, input cells unlocked. Default: locked. */
  locked?: boolean;
}

/** A rectangular range, 1-based and inclusive. */
export interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type Validation =
  | { kind: "list"; range: Range; options: string[]; prompt?: Text; error: Text }
  | { kind: "decimal"; range: Range; min: number; max: number; prompt?: Text; error: Text }
  | { kind: "whole"; range: Range; min: number; max: number; prompt?: Text; error: Text }
  | { kind: "textLength"; range: Range; min: number; max: number; prompt?: Text; error: Text };

/** A conditional format: the style applies where the formula (relative to the range's top-left cell) is true. */
export interface ConditionalFormat {
  range: Range;
  formula: string;
  style: Pick<Style, "font" | "fill">;
}

export interface PrintSetup {
  /** Forms and tables print on A4 (ruling F1); A3 only where a wide table needs it. */
  paper: "A4" | "A3";
  orientation: "portrait" | "landscape";
  /**
   * Fit all columns on one page width (wide tables, ruling F1). When false the sheet prints at
   * 100 % and runs onto as many pages wide as it needs, `repeatColumns` on each.
   */
  fitToWidth: boolean;
  /**
   * Print without colour: input fills and status colours stay on screen (ruling F2). Excel and WPS
   * honour it; LibreOffice does not, so renderers also keep input fills to blank cells only.
   */
  blackAndWhite: boolean;
  /** Rows repeated at the top of every printed page, e.g. the header rows. */
  repeatRows?: { first: number; last: number };
  /** Columns repeated at the left of every printed page, e.g. 序号 and 企业名称 of a batch sheet. */
  repeatColumns?: { first: number; last: number };
  /** Margins in inches (GB/T 9704 in millimetres, converted: src/sheets/print-layout.ts). */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Footer text; &P and &N are page number and count, as Excel writes them. */
  footer?: string;
  /** What prints, when not everything used: an official table without the columns added beside it. */
  area?: Range;
  /** Rows that start a new printed page (manual page breaks), e.g. a form's table after its cover. */
  breaks?: number[];
}

/** Where an input code's answer lives, so --data can fill it and extract can read it back. */
export interface InputBinding {
  code: string;
  row: number;
  col: number;
}

/** A cell whose formula computes a result the engine also computes (a total, a tier, a change). */
export interface ResultBinding {
  /** What it is, e.g. "total", "item:3.1", "tier", "kpi:7:change". */
  key: string;
  row: number;
  col: number;
}

/**
 * What Assessbook built, recorded on the sheet so extract can recognise it: the template id and
 * version and the parameters it was rendered with.
 */
export interface SheetMarker {
  template: string;
  version: number;
  params: Record<string, string | number>;
  /**
   * The catalogue template (id and version) a sheet of a loaded template was built from: its
   * id and version are what a reader must find (in its catalogue or the workbook's template
   * parts, src/xlsx/template-part.ts) or name as missing. Left out for the built-in templates,
   * which every copy of Assessbook has.
   */
  from?: { id: string; version: number };
}

export interface SheetPlan {
  /** Proposed sheet name (≤ 31 characters, none of []:*?/\); writers make it unique. */
  name: string;
  marker: SheetMarker;
  cells: Cell[];
  columns: { col: number; width: number; hidden?: boolean }[];
  rows: { row: number; height: number }[];
  merges: Range[];
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  /** Sheet-scoped defined names, e.g. the total cell. */
  names: { name: string; range: Range }[];
  /** Rows and columns frozen above and left of this cell (1-based), if any. */
  freeze?: { row: number; col: number };
  print: PrintSetup;
  /** Formula cells locked, input cells unlocked; no password unless given. */
  protection: { enabled: boolean; password?: string };
  inputs: InputBinding[];
  results: ResultBinding[];
}
