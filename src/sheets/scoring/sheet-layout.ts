/**
 * What the three scoring layouts share: the title and source rows, the header fields (企业名称,
 * 评审日期, 评审专家), the marker, and row heights for wrapped Chinese text.
 */
import type { Rubric, RubricItem, Text } from "../../../templates/schema";
import { RUBRIC_SHEET_NAME_MAX, toSheetName } from "../../../templates/sheet-name";
import type { PlanBuilder } from "../builder";
import type { CellValue, Range, SheetMarker, Style, Validation } from "../plan";
import type { Params } from "../sheet-template";
import { STYLES } from "../styles";
import { fitHeight, loadedFrom } from "../tables/common";
import { HEADER_FIELDS, HEADER_MAX, type HeaderKey } from "./sheet-data";

/**
 * Bumped when a layout changes where cells are. The marker's version combines it with the
 * rubric's version, because rows and columns are generated from the rubric: a workbook built
 * under another rubric or layout is then recognisably not this one. 2: the working cells moved
 * out of the printed area and the 注 row was added (issue 11).
 */
const LAYOUT_REVISION = 2;

export function marker(template: string, rubric: Rubric, params: Params): SheetMarker {
  return { template, version: rubric.version * 100 + LAYOUT_REVISION, params, ...loadedFrom(rubric) };
}

/**
 * The rubric's `sheet.name` and what the sheet is: 表1 → 表1 评分, 表1 批量评分, 表1 专家组评分 (≤ 31
 * characters: the name leaves room for the suffix). A rubric naming no sheet is named after its
 * title.
 */
export function sheetName(rubric: Rubric, what: string): string {
  return `${rubric.sheet?.name ?? toSheetName(rubric.title.zh, RUBRIC_SHEET_NAME_MAX)} ${what}`;
}

/** The 文号 and table the rules come from, as the sheet cites them. */
export function sourceLine(rubric: Rubric): string {
  const d = rubric.document;
  return `依据：${d.issuer.zh}（${d.reference}，${d.year} 年）${rubric.source.annex ?? rubric.source.item}`;
}

/**
 * Title (row 1) and source (row 2) across columns left..right, `chars` wide in all: rows tall
 * enough for the text to wrap inside them, never over the page's top margin.
 */
export function titleRows(b: PlanBuilder, title: string, rubric: Rubric, right: number, left = 1, chars = 120): void {
  b.merge({ top: 1, left, bottom: 1, right }, title, STYLES.title).height(1, Math.max(40, fitHeight(title, chars * 0.9, 22)));
  const source = sourceLine(rubric);
  b.merge({ top: 2, left, bottom: 2, right }, source, STYLES.subtitle).height(2, Math.max(22, fitHeight(source, chars * 0.9, 14)));
}

export interface HeaderSpan {
  key: HeaderKey;
  /** The label's first column; a label may span to `labelTo` where one column is too narrow for it. */
  at: number;
  labelTo?: number;
  /** The input spans the column after the label .. to. */
  to: number;
}

/** One row of header fields: label, then an unlocked text cell bound to the field's key. */
export function headerFields(b: PlanBuilder, row: number, spans: HeaderSpan[], values: Partial<Record<HeaderKey, string>>): void {
  for (const { key, at, labelTo = at, to } of spans) {
    const label: Text = HEADER_FIELDS[key];
    const labelStyle = { ...STYLES.label, horizontal: "right" as const };
    if (labelTo > at) b.merge({ top: row, left: at, bottom: row, right: labelTo }, `${label.zh}：`, labelStyle);
    else b.value(row, at, `${label.zh}：`, labelStyle);
    const range = { top: row, left: labelTo + 1, bottom: row, right: to };
    const style = { ...STYLES.input, horizontal: "left" as const };
    if (to > at + 1) b.merge(range, undefined, style);
    b.input(row, labelTo + 1, key, style, values[key] ?? null);
    b.validate(textValidation(range, label));
  }
  b.height(row, 24);
}

/** A name or date typed as text, within the length data may give it (sheet-data.ts). */
export function textValidation(range: Range, label: Text): Validation {
  return {
    kind: "textLength",
    range,
    min: 0,
    max: HEADER_MAX,
    prompt: { zh: `请填${label.zh}`, en: `Enter the ${label.en.toLowerCase()}` },
    error: { zh: `${label.zh}不能超过 ${HEADER_MAX} 个字`, en: `${label.en}: at most ${HEADER_MAX} characters` },
  };
}

/**
 * A locked cell in General format: maxima as the table prints them (10, not 10.0), and booleans
 * as TRUE/FALSE (LibreOffice would show a boolean in a number format as 1.0).
 */
export const GENERAL: Style = { ...STYLES.computed, numberFormat: "General" };

/** Which input codes an item's rule reads, in the rule's order. */
export function itemInputs(item: RubricItem): string[] {
  return item.rule.kind === "count" ? item.rule.inputs : [item.rule.input];
}

/**
 * A row height that shows wrapped text whole: the most lines any of the cells needs, at about
 * 16 pt per line of 12-pt text. Widths are in characters of a Latin digit; a CJK character
 * takes about two.
 */
export function heightFor(cells: [text: CellValue, width: number][], rows = 1): number {
  const lines = Math.max(1, ...cells.map(([text, width]) => linesOf(typeof text === "string" ? text : "", width)));
  return Math.max(20, Math.ceil((lines * 16 + 4) / rows));
}

function linesOf(text: string, width: number): number {
  // At 12 pt a CJK character is 2.2 digit widths (12 pt against 5.55 pt, print-layout.ts
  // columnPoints) and a Latin one, in the CJK font, about 1.2.
  return text.split("\n").reduce((sum, line) => {
    const units = [...line].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2.2 : 1.2), 0);
    return sum + Math.max(1, Math.ceil(units / Math.max(1, width - 1)));
  }, 0);
}
