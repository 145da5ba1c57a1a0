/**
 * The data of a recommendation summary table (rulings S1–S3):
 *
 *     { "recommender": "山西转型综合改革示范区管理委员会",
 *       "rows": [ { "<column key>": "…", … }, … ] }
 *
 * `recommender` is the name written after 推荐单位（盖章）; `rows` are in priority order (注 1),
 * keyed by the template's column keys (序号 is numbered by the sheet and is not given), plus an
 * optional "source": the audit column's record of where a consolidated row came from. Mobile
 * numbers and e-mail addresses are checked in full (src/core/validators.ts), scenario entries
 * for the 环节名—场景名—实例名 form (scenarios.ts); a blank cell is allowed, the sheet marks it.
 */
import type { SummaryColumn, SummaryTable, Text } from "../../../templates/schema";
import { isBlank, show } from "../../core/answers";
import type { Result } from "../../core/problems";
import { checkEmail, checkMobile } from "../../core/validators";
import type { CellValue } from "../plan";
import type { Params } from "../sheet-template";
import { Collector, expectObject, isRecord, kindOf, rejectUnknownKeys } from "./common";
import { scenarioProblem } from "./scenarios";

export interface SummaryData {
  recommender: string | null;
  /** Per data row, column key → the text written (null when blank). */
  rows: Record<string, string | null>[];
}

/** The audit column beside the table (issue 6): each row's source file and sheet, written by a merge. */
export const AUDIT_KEY = "source";
export const AUDIT_HEADER = { zh: "来源（合并记录，不打印）", en: "Source (merge record, not printed)" } as const;

/** The words of the over-limit cell; `expected` uses the same. */
export const LIMIT_WORDS = { over: "已超上限", within: "未超上限" } as const;

export function dataColumns(t: SummaryTable): SummaryColumn[] {
  return t.columns.filter((c) => c.type !== "serial");
}

export function readSummaryData(t: SummaryTable, rowCount: number, data: unknown): Result<SummaryData> {
  const out = new Collector();
  const doc = expectObject(out, "data", data, `{"recommender": "推荐单位名称", "rows": [{…}, …]}`, `{"recommender": "…", "rows": [{…}, …]}`);
  if (!doc) return out.result(() => ({ recommender: null, rows: [] }));
  rejectUnknownKeys(out, "", doc, ["recommender", "rows"]);
  const recommender = text(out, "recommender", doc.recommender);
  const rawRows = doc.rows ?? [];
  if (!Array.isArray(rawRows)) {
    out.add("rows", `rows 应为数组，每个元素是一行（按优先次序），收到 ${kindOf(rawRows)}`, `rows is an array with one element per row (in priority order), got ${kindOf(rawRows)}`);
    return out.result(() => ({ recommender, rows: [] }));
  }
  if (rawRows.length > rowCount) {
    out.add(
      "rows",
      `数据有 ${rawRows.length} 行，表格只有 ${rowCount} 行：请用 --param rows=${rawRows.length} 生成更多行`,
      `the data has ${rawRows.length} rows but the sheet has ${rowCount}: build it with --param rows=${rawRows.length}`,
    );
  }
  const columns = dataColumns(t);
  const rows = rawRows.map((raw, i) => readRow(out, `rows/${i}`, columns, raw));
  return out.result(() => ({ recommender, rows }));
}

function readRow(out: Collector, path: string, columns: SummaryColumn[], raw: unknown): Record<string, string | null> {
  const row: Record<string, string | null> = {};
  if (!isRecord(raw)) {
    out.add(path, `每行应为以列名为键的对象（${columns.map((c) => c.key).join("、")}），收到 ${kindOf(raw)}`, `each row is an object keyed by column (${columns.map((c) => c.key).join(", ")}), got ${kindOf(raw)}`);
    return row;
  }
  for (const key of Object.keys(raw)) {
    if (key !== AUDIT_KEY && !columns.some((c) => c.key === key)) {
      const serial = key === "serial" ? "序号由表格自动编号，不必填写；" : "";
      out.add(`${path}/${key}`, `${serial}不是本表的列；可用列：${columns.map((c) => c.key).join("、")}（及来源 ${AUDIT_KEY}）`, `${serial ? "序号 is numbered by the sheet; " : ""}not a column of this table; the columns are ${columns.map((c) => c.key).join(", ")} (and ${AUDIT_KEY})`);
    }
  }
  if (raw[AUDIT_KEY] !== undefined) row[AUDIT_KEY] = text(out, `${path}/${AUDIT_KEY}`, raw[AUDIT_KEY]);
  for (const c of columns) {
    const code = `${path}/${c.key}`;
    const value = c.type === "mobile" && typeof raw[c.key] === "number" ? digits(raw[c.key] as number) : text(out, code, raw[c.key]);
    row[c.key] = value;
    if (value === null) continue;
    const wrong = summaryCellProblem(c, value);
    if (wrong) out.add(code, wrong.zh, wrong.en);
  }
  return row;
}

/**
 * What is wrong with a filled cell of a summary column (S2, S3), or undefined: the one check of
 * a row's cells, used by `build --data`, `extract` (through the template) and the merge preview.
 */
export function summaryCellProblem(c: SummaryColumn, value: string): Text | undefined {
  const check = c.type === "mobile" ? checkMobile(value) : c.type === "email" ? checkEmail(value) : undefined;
  if (check && !check.valid) return check.reason;
  return c.type === "scenarios" ? scenarioProblem(value) : undefined;
}

/** A cell's text: strings as given, numbers as written; null when blank. */
function text(out: Collector, code: string, raw: unknown): string | null {
  if (isBlank(raw)) return null;
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  out.add(code, `应为文字，收到 ${kindOf(raw)}：${show(raw)}`, `expected text, got ${kindOf(raw)}: ${show(raw)}`);
  return null;
}

/** A mobile number given as a JSON number keeps its digits (no exponent, no ".0"). */
function digits(n: number): string {
  return Number.isSafeInteger(n) && n >= 0 ? BigInt(n).toString() : String(n);
}

/** What the count and over-limit cells must show: rows with anything in them, against the recommender's limit. */
export function expectedSummary(t: SummaryTable, params: Params, data: SummaryData): Record<string, CellValue> {
  const limit = t.recommenders.find((r) => r.id === params.recommender)?.limit ?? t.recommenders[0].limit;
  // The sheet counts a row by its table columns; a source alone does not make a row.
  const columns = dataColumns(t);
  const count = data.rows.filter((r) => columns.some((c) => !isBlank(r[c.key]))).length;
  return { count, overLimit: count > limit ? LIMIT_WORDS.over : LIMIT_WORDS.within };
}
