/**
 * The two ends of a summary consolidation around the preview (issue 6): the target table read
 * from the workbook the rows go into, and the merged table as a sheet plan once the user has
 * confirmed the exact set of rows.
 *
 * The merged table is the summary template rendered blank (the target's recommender category,
 * as many rows as the target had or the merge needs) with the confirmed rows written into its
 * input cells in priority order and each row's source in the audit column. 序号 is a formula
 * over the filled rows, so it renumbers itself. Rows are written as typed cells, not through
 * the template's data check: a row the user chose to keep despite a malformed mobile number
 * is written as it came, and the sheet's own formulas flag it — except for the control
 * characters a workbook cannot hold, which the preview reported and which are removed, and text
 * over Excel's 32,767 characters, which fails naming the row (src/xlsx/cell-text.ts).
 *
 * Pure: the plan goes to a writer (the .xlsx writer or Office.js); nothing is read or written here.
 */
import { summaries } from "../../templates/index";
import type { SummaryTemplateId, MergePreview, MergeTarget, PreviewRow } from "./preview";
import { bindings, cellText, summarySheetRows } from "./preview";
import type { MarkedSheet } from "./read-source";
import { fail, ok, problem, type Result } from "../core/problems";
import { checkSheet } from "../sheets/check-sheet";
import { fillInputs } from "../sheets/fill-inputs";
import { checkParams } from "../sheets/params";
import type { CellValue, SheetPlan } from "../sheets/plan";
import { findSheetTemplate } from "../sheets/registry";
import { AUDIT_KEY } from "../sheets/tables/summary-data";
import { MAX_CELL_TEXT, withoutForbidden } from "../xlsx/cell-text";

/** Every summary table of the catalogue can be merged into: the merge reads its columns by their roles. */
export function summaryTemplates(): SummaryTemplateId[] {
  return summaries().map((t) => t.id);
}

/** The most rows a summary sheet takes (its rows parameter's maximum). */
function maxRows(template: SummaryTemplateId): number {
  return Number(findSheetTemplate(template)?.params.find((p) => p.key === "rows")?.max);
}

/** The table the rows are appended to, read from its sheet. */
export interface TargetTable extends MergeTarget {
  /** What the target writes after 推荐单位（盖章）：, kept in the merged table. */
  recommenderName: string | null;
  /** The target sheet's rows parameter: the merged table has at least as many. */
  rowCount: number;
}

/** Whether the sheet is a summary table a merge can append to. */
export function isSummarySheet(sheet: MarkedSheet): boolean {
  return (summaryTemplates() as readonly string[]).includes(sheet.marker.template);
}

/**
 * The target table on a sheet of the workbook given with --into (or the open workbook): its
 * existing rows in their order, with their audit text. A sheet the check cannot read (built by
 * another version, parameters edited) is refused rather than guessed at: its rows would be lost.
 */
export function readTarget(file: string, sheet: MarkedSheet): Result<TargetTable> {
  const where = `${file} › ${sheet.name}`;
  if (!isSummarySheet(sheet)) {
    return fail([problem("into", `${where} 不是推荐汇总表`, `${where} is not a recommendation summary table`)]);
  }
  const report = checkSheet(sheet);
  const cells = bindings(sheet);
  if (!cells || report.status === "other-version" || report.status === "invalid-params" || report.status === "unknown-template") {
    return fail([problem("into", `${where} 的标记或参数无法识别（由另一版本生成或被修改），无法安全追加`, `${where} has a marker or parameters this version cannot read (another version, or edited); rows cannot be appended safely`)]);
  }
  const recommenderCell = cells.get("recommender");
  const recommenderName = recommenderCell === undefined ? null : cellText(sheet, recommenderCell);
  const existing = summarySheetRows(sheet, cells).map((r) => ({ ...r.values, [AUDIT_KEY]: r.recorded }));
  return ok({
    template: sheet.marker.template as SummaryTemplateId,
    recommender: String(sheet.marker.params.recommender),
    existing,
    file,
    sheet: sheet.name,
    recommenderName,
    rowCount: Number(sheet.marker.params.rows),
  });
}

export interface MergedTableOptions {
  /** The 推荐单位 text; the target's when there is one. */
  recommenderName?: string | null;
  /** At least this many rows (the target's), so spare rows stay for hand additions. */
  rowCount?: number;
}

/**
 * The merged table: the rows exactly as confirmed (accepted()), in their order. Fails when the
 * rows do not fit one sheet, naming the count, rather than dropping any.
 */
export function mergedTablePlan(preview: MergePreview, rows: readonly PreviewRow[], options: MergedTableOptions = {}): Result<SheetPlan> {
  const template = findSheetTemplate(preview.template);
  if (!template) throw new RangeError(`no sheet template ${preview.template}`);
  const max = maxRows(preview.template);
  if (rows.length > max) {
    return fail([problem("rows", `确认的行共 ${rows.length} 行，一张汇总表最多 ${max} 行：请分批合并`, `${rows.length} rows confirmed; a summary sheet holds at most ${max}: merge in batches`)]);
  }
  const defaultRows = Number(template.params.find((p) => p.key === "rows")?.default);
  const params = checkParams(template.params, { recommender: preview.recommender.id, rows: Math.max(rows.length, options.rowCount ?? defaultRows) });
  if (!params.ok) return params;
  const blank = template.render(params.value, undefined);
  if (!blank.ok) return blank;
  const values: [string, CellValue][] = [];
  if (options.recommenderName) values.push(["recommender", withoutForbidden(options.recommenderName)]);
  const tooLong: string[] = [];
  rows.forEach((r, i) => {
    const cells: [string, string][] = [...Object.entries(r.values).filter((e): e is [string, string] => e[1] !== null), [AUDIT_KEY, r.audit]];
    for (const [key, value] of cells) {
      const text = withoutForbidden(value);
      if (text.length > MAX_CELL_TEXT) tooLong.push(`${r.id}（${key}）`);
      values.push([`rows/${i}/${key}`, text]);
    }
  });
  if (tooLong.length > 0) {
    return fail([problem("rows", `这些行的内容超过 Excel 单元格上限 ${MAX_CELL_TEXT} 个字符，无法写入：${tooLong.join("、")}`, `these rows hold more than Excel's ${MAX_CELL_TEXT} characters in a cell and cannot be written: ${tooLong.join(", ")}`)]);
  }
  return ok(fillInputs(blank.value, values));
}
