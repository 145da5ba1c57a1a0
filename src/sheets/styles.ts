import type { Style } from "./plan";

/**
 * The look of the official sheets (ruling F1, seed 001 填报格式说明): 仿宋 body text, 黑体 headings,
 * titles in 黑体 二号. Font names are the ones Office and WPS know; a spreadsheet without them
 * substitutes its own. Sizes: 三号 = 16 pt, 二号 = 22 pt; grids use 11–12 pt to stay legible
 * when a wide table is fitted to one A4 page.
 */
export const FONTS = { body: "仿宋", heading: "黑体", subheading: "楷体" } as const;

const BLACK = "FF000000";

/**
 * The shade of a cell still to be answered. It is for the screen only (ruling F2): PlanBuilder
 * turns it into a conditional format on blank input cells, so a filled-in form prints plain in
 * every spreadsheet, LibreOffice included, which ignores the black-and-white print setting.
 */
export const INPUT_FILL = "FFFFF2CC";

export const STYLES = {
  /** The 附件N label at the top left of an annexed document (GB/T 9704: 黑体 三号). */
  annex: { font: { name: FONTS.heading, size: 16 }, horizontal: "left", vertical: "middle" },
  title: { font: { name: FONTS.heading, size: 22, bold: true }, horizontal: "center", vertical: "middle", wrap: true },
  subtitle: { font: { name: FONTS.subheading, size: 14 }, horizontal: "left", vertical: "middle", wrap: true },
  // No fill: official tables print plain headings, and what is on screen is what prints (F2).
  header: { font: { name: FONTS.heading, size: 12, bold: true }, border: "thin", horizontal: "center", vertical: "middle", wrap: true },
  label: { font: { name: FONTS.body, size: 12 }, border: "thin", vertical: "middle", wrap: true },
  /** An answer the user fills in: unlocked, lightly shaded so it is easy to find. */
  input: { font: { name: FONTS.body, size: 12, color: BLACK }, fill: INPUT_FILL, border: "thin", horizontal: "center", vertical: "middle", wrap: true },
  /** A computed cell: locked, plain. */
  computed: { font: { name: FONTS.body, size: 12, bold: true }, border: "thin", horizontal: "center", vertical: "middle", numberFormat: "0.0##" },
  note: { font: { name: FONTS.body, size: 11, italic: true }, vertical: "top", wrap: true },
  warning: { font: { name: FONTS.body, size: 12, bold: true, color: "FFC00000" }, wrap: true, vertical: "middle" },
} satisfies Record<string, Style>;

/** Fills used by conditional formats: met / not met / needs attention. */
export const MARKS = {
  good: { fill: "FFC6EFCE", font: { color: "FF006100" } },
  bad: { fill: "FFFFC7CE", font: { color: "FF9C0006" } },
  attention: { fill: "FFFFEB9C", font: { color: "FF9C5700" } },
} as const;

export const PERCENT = "0.0%";
