/**
 * Recommendation summary tables (rulings S1–S3): the official title, the 推荐单位（盖章）： line,
 * the template's columns in order and its 注 under the table. The recommender parameter sets
 * the row limit; formulas number the filled rows (序号), count them against the limit, and flag
 * malformed mobile numbers and e-mail addresses and blank required cells.
 *
 * Rows: 1 附件N label, 2 title, 3 stamp line, 4 column headings (repeated when printed), then
 * the data rows and the notes: what prints (ruling F2). Below the printed area: for a scenarios
 * column the 环节 guidance, then the count / limit / checks row — working cells for the screen.
 * Right of the table: the audit column, where a consolidation records each row's source file
 * and sheet (issue 6); it is not part of the official table, so it does not print. Hidden
 * helper columns after it hold the per-row flags the formulas sum.
 */
import { GUIDE_STAGES } from "../../../templates/guide-stages";
import type { SummaryColumn, SummaryTable } from "../../../templates/schema";
import { ok, type Result } from "../../core/problems";
import { PlanBuilder } from "../builder";
import { colLetter, isBlankCell, ref, str } from "../formula";
import { checkParams } from "../params";
import type { Range, SheetPlan, Style, Validation } from "../plan";
import type { ParamDef, Params, SheetTemplate } from "../sheet-template";
import { MARKS, STYLES } from "../styles";
import { fitLabel } from "../printed-text";
import { fitHeight, marker } from "./common";
import { emailOk, mobileOk } from "./contact-formulas";
import { AUDIT_HEADER, AUDIT_KEY, dataColumns, expectedSummary, LIMIT_WORDS, readSummaryData, type SummaryData } from "./summary-data";
import { mobileValidation } from "../validations";

const ROW = { annex: 1, title: 2, stamp: 3, header: 4, first: 5 } as const;
const STATUS_COL = { count: 3, overLimit: 4, checks: 5 } as const;
const MAX_ROWS = 200;
const BODY_PT = 12;
/** Wide enough for "区县汇总.xlsx › 试点示范推荐汇总表 第 12 行" on two lines. */
const AUDIT_WIDTH = 30;
/** Small grey text without the input fill: a record kept beside the table, not an answer to fill in. */
const AUDIT_STYLE: Style = { ...STYLES.input, fill: undefined, font: { ...STYLES.input.font, size: 9, color: "FF595959" }, horizontal: "left", numberFormat: "@" };

export interface SummarySheetConfig {
  name: string;
  sample: unknown;
}

function width(c: SummaryColumn): number {
  switch (c.type) {
    case "serial":
      return 6;
    case "mobile":
      // 联系方式（手机号） on one line: a narrower column wraps it and leaves "）" alone.
      return 21;
    case "email":
      return 26;
    case "scenarios":
      // 145 characters of columns would print the 11-pt 注 at 8.7 pt on A4 landscape; 131 keep it above 9 (F1).
      return 44;
    case "text":
      // Names (企业名称, 项目名称 …) are long; other text (联系人) is short.
      return c.header.zh.includes("名称") ? 24 : 12;
  }
}

const span = (row: number, left: number, right: number): Range => ({ top: row, left, bottom: row, right });

export function summarySheet(t: SummaryTable, config: SummarySheetConfig): SheetTemplate {
  const params: ParamDef[] = [
    {
      key: "recommender",
      label: { zh: "推荐单位类别", en: "Recommender" },
      type: "choice",
      default: t.recommenders[0].id,
      options: t.recommenders.map((r) => ({ value: r.id, label: r.name })),
    },
    { key: "rows", label: { zh: "行数", en: "Rows" }, type: "integer", default: t.blankRows, min: 1, max: MAX_ROWS },
  ];
  return {
    id: t.id,
    template: t.id,
    title: t.title,
    role: "clerk",
    source: t.source,
    params,
    sample: () => structuredClone(config.sample),
    render(p, data): Result<SheetPlan> {
      const checked = checkParams(params, p);
      if (!checked.ok) return checked;
      const read = readSummaryData(t, Number(checked.value.rows), data);
      if (!read.ok) return read;
      return ok(new SummaryDrawing(t, config, checked.value, read.value).build());
    },
    expected(p, data) {
      const checked = checkParams(params, p);
      if (!checked.ok) return checked;
      const read = readSummaryData(t, Number(checked.value.rows), data);
      return read.ok ? ok(expectedSummary(t, checked.value, read.value)) : read;
    },
  };
}

/** Column numbers: the table's columns first, then the audit column, then the hidden helpers. */
interface Columns {
  last: number;
  audit: number;
  filled: number;
  /** Per contact column key, its helper (1 = malformed). */
  flags: Map<string, number>;
  missing: number;
}

class SummaryDrawing {
  private readonly b: PlanBuilder;
  private readonly cols: Columns;
  private readonly lastRow: number;
  /** The count / limit / checks row, under everything that prints. */
  private statusRow = 0;
  private readonly limit: number;
  private readonly recommenderName: string;

  constructor(
    private readonly t: SummaryTable,
    config: SummarySheetConfig,
    params: Params,
    private readonly data: SummaryData,
  ) {
    const recommender = t.recommenders.find((r) => r.id === params.recommender) ?? t.recommenders[0];
    this.limit = recommender.limit;
    this.recommenderName = recommender.name.zh;
    this.lastRow = ROW.first + Number(params.rows) - 1;
    this.b = new PlanBuilder(config.name, marker(t, params), { orientation: "landscape", fitToWidth: true, repeatRows: { first: ROW.header, last: ROW.header } });
    let next = t.columns.length;
    const audit = ++next;
    const filled = ++next;
    const flags = new Map(t.columns.filter((c) => c.type === "mobile" || c.type === "email").map((c) => [c.key, ++next]));
    this.cols = { last: t.columns.length, audit, filled, flags, missing: ++next };
  }

  /** A table column's number: its place in the template. */
  private col(c: SummaryColumn | string): number {
    const key = typeof c === "string" ? c : c.key;
    return this.t.columns.findIndex((x) => x.key === key) + 1;
  }

  build(): SheetPlan {
    const b = this.b;
    this.t.columns.forEach((c, i) => b.width(i + 1, width(c)));
    b.width(this.cols.audit, AUDIT_WIDTH);
    for (let col = this.cols.filled; col <= this.cols.missing; col++) b.width(col, 6, true);
    b.value(ROW.annex, 1, this.t.annex, STYLES.annex).height(ROW.annex, 24);
    b.merge(span(ROW.title, 1, this.cols.last), this.t.title.zh, STYLES.title).height(ROW.title, 40);
    b.merge(span(ROW.stamp, 1, 2), this.t.stampLine.zh, { ...STYLES.label, border: undefined, horizontal: "right" });
    const stamp: Style = { ...STYLES.input, fill: undefined, border: undefined, horizontal: "left" };
    b.merge(span(ROW.stamp, 3, this.cols.last), undefined, stamp);
    b.input(ROW.stamp, 3, "recommender", stamp, this.data.recommender);
    b.height(ROW.stamp, 24);
    // Headings broken as typeset (联系方式 / （手机号）), never leaving "）" or one character alone.
    const headers = this.t.columns.map((c) => fitLabel(c.header.zh, width(c), BODY_PT));
    headers.forEach((h, i) => b.value(ROW.header, i + 1, h, STYLES.header));
    b.value(ROW.header, this.cols.audit, AUDIT_HEADER.zh, { ...STYLES.header, font: { ...STYLES.header.font, bold: false } });
    b.height(ROW.header, Math.max(32, ...headers.map((h, i) => fitHeight(h, width(this.t.columns[i]), BODY_PT))));
    for (let row = ROW.first; row <= this.lastRow; row++) this.dataRow(row, this.data.rows[row - ROW.first]);
    const notes = this.notes();
    const scenarios = this.t.columns.find((c) => c.type === "scenarios");
    this.statusRow = (scenarios ? this.stageGuide(scenarios, notes + 2) : notes) + 2;
    this.status();
    this.validations();
    this.highlights();
    b.print({ area: { top: ROW.annex, left: 1, bottom: notes, right: this.cols.last } });
    b.freeze(ROW.first, 1);
    return b.build();
  }

  private dataRow(row: number, values: Record<string, string | null> | undefined): void {
    const b = this.b;
    const { filled, flags, missing } = this.cols;
    const cells = dataColumns(this.t).map((c) => ref(row, this.col(c)));
    // A row counts once anything is written in it; 序号 numbers only such rows, in order. One
    // test per cell: Gnumeric gives #VALUE! for SUMPRODUCT(LEN(TRIM(range))).
    b.formula(row, filled, `IF(AND(${cells.map(isBlankCell).join(",")}),0,1)`);
    const flag = ref(row, filled);
    b.formula(row, 1, `IF(${flag}=1,SUM(${ref(ROW.first, filled, true)}:${flag}),"")`, { ...STYLES.computed, numberFormat: "0" });
    let height = this.t.columns.some((c) => c.type === "scenarios") ? 30 : 24;
    for (const c of dataColumns(this.t)) {
      const col = this.col(c);
      const value = values?.[c.key] ?? null;
      // No input shade: the official table prints plain, blank rows included (ruling F2).
      const style: Style = { ...STYLES.input, fill: undefined, horizontal: c.type === "text" && width(c) < 20 ? "center" : "left", ...(c.type === "mobile" ? { numberFormat: "@" } : {}) };
      b.input(row, col, `rows/${row - ROW.first}/${c.key}`, style, value);
      if (value) height = Math.max(height, fitHeight(value, width(c), BODY_PT));
      const helper = flags.get(c.key);
      if (helper !== undefined) {
        const cell = ref(row, col);
        b.formula(row, helper, `IF(${isBlankCell(cell)},0,IF(${c.type === "mobile" ? mobileOk(cell) : emailOk(cell)},0,1))`);
      }
    }
    const required = dataColumns(this.t).filter((c) => c.required).map((c) => `--(${isBlankCell(ref(row, this.col(c)))})`);
    b.formula(row, missing, `IF(${flag}=1,SUM(${required.join(",")}),0)`);
    const source = values?.[AUDIT_KEY] ?? null;
    b.input(row, this.cols.audit, `rows/${row - ROW.first}/${AUDIT_KEY}`, AUDIT_STYLE, source);
    if (source) height = Math.max(height, fitHeight(source, AUDIT_WIDTH, 9));
    b.height(row, height);
  }

  private helperSum(col: number): string {
    return `SUM(${ref(ROW.first, col)}:${ref(this.lastRow, col)})`;
  }

  private status(): void {
    const b = this.b;
    const r = this.statusRow;
    b.merge(span(r, 1, 2), `推荐数量（${this.recommenderName}上限 ${this.limit} 项）`, STYLES.label);
    b.formula(r, STATUS_COL.count, this.helperSum(this.cols.filled), { ...STYLES.computed, numberFormat: `"已填 "0" 项"` }).result("count", r, STATUS_COL.count);
    const count = ref(r, STATUS_COL.count);
    b.formula(r, STATUS_COL.overLimit, `IF(${count}>${this.limit},${str(LIMIT_WORDS.over)},${str(LIMIT_WORDS.within)})`, STYLES.computed);
    b.result("overLimit", r, STATUS_COL.overLimit);
    const parts = [...this.cols.flags].map(([key, col]) => {
      const header = this.t.columns[this.col(key) - 1].header.zh;
      return { label: `${header}有误`, sum: this.helperSum(col) };
    });
    parts.push({ label: "必填未填", sum: this.helperSum(this.cols.missing) });
    const message = parts.map((p) => `${str(`${p.label} `)}&${p.sum}&" 处"`).join(`&"；"&`);
    const last = Math.max(this.cols.last, STATUS_COL.checks);
    b.merge(span(r, STATUS_COL.checks, last), undefined, STYLES.computed);
    b.formula(r, STATUS_COL.checks, `IF(${parts.map((p) => p.sum).join("+")}=0,"核对无误",${message})`, { ...STYLES.computed, wrap: true, font: { ...STYLES.computed.font, bold: false } });
    b.height(r, 36);
  }

  private validations(): void {
    for (const c of dataColumns(this.t)) {
      const col = this.col(c);
      const range = { top: ROW.first, left: col, bottom: this.lastRow, right: col };
      const v = columnValidation(c, range);
      if (v) this.b.validate(v);
    }
  }

  private highlights(): void {
    const b = this.b;
    const all = (col: number): Range => ({ top: ROW.first, left: col, bottom: this.lastRow, right: col });
    const first = (col: number) => ref(ROW.first, col);
    const helper = (col: number) => `$${colLetter(col)}${ROW.first}`;
    // Rows beyond the recommender's limit (注 2): their 序号 turns red.
    b.highlight({ range: all(1), formula: `AND(ISNUMBER(${first(1)}),${first(1)}>${this.limit})`, style: MARKS.bad });
    for (const [key, col] of this.cols.flags) b.highlight({ range: all(this.col(key)), formula: `${helper(col)}=1`, style: MARKS.bad });
    for (const c of dataColumns(this.t).filter((x) => x.required)) {
      const col = this.col(c);
      b.highlight({ range: all(col), formula: `AND(${helper(this.cols.filled)}=1,${isBlankCell(first(col))})`, style: MARKS.attention });
    }
    const over = span(this.statusRow, STATUS_COL.overLimit, STATUS_COL.overLimit);
    const cell = ref(this.statusRow, STATUS_COL.overLimit);
    b.highlight({ range: over, formula: `${cell}=${str(LIMIT_WORDS.over)}`, style: MARKS.bad });
    b.highlight({ range: over, formula: `${cell}=${str(LIMIT_WORDS.within)}`, style: MARKS.good });
  }

  /** 注：1. …；2. …。 under the table; returns the row used. */
  private notes(): number {
    const row = this.lastRow + 1;
    const text = `注：${this.t.notes.map((n, i) => `${i + 1}. ${n.zh}`).join("；")}。`;
    this.b.merge(span(row, 1, this.cols.last), text, { ...STYLES.note, font: { ...STYLES.note.font, italic: false } }).height(row, 24);
    return row;
  }

  /** The fourteen guide 环节 and the official example, under the notes, for the scenarios column (S2); returns the last row used. */
  private stageGuide(column: SummaryColumn, row: number): number {
    const lines = [
      `${column.header.zh}填写说明：每条一行，写成“环节名—场景名—实例名”，可罗列多条并编号。`,
      `环节名为《智能制造典型场景参考指引（2024年版）》的 ${GUIDE_STAGES.length} 个环节之一：${GUIDE_STAGES.map((g) => g.name.zh).join("、")}。`,
      ...(column.example ? [column.example.zh] : []),
    ];
    lines.forEach((line, i) => {
      this.b.merge(span(row + i, 1, this.cols.last), line, STYLES.note).height(row + i, fitHeight(line, 120, 11));
    });
    return row + lines.length - 1;
  }
}

/** The prompt and check of each column's cells (S3 for mobiles; the S2 form for scenarios). */
function columnValidation(c: SummaryColumn, range: Range): Validation | undefined {
  switch (c.type) {
    case "mobile":
      return mobileValidation(range);
    case "email":
      return {
        kind: "textLength",
        range,
        min: 6,
        max: 254,
        prompt: { zh: "填写一个邮箱地址，如 zhangwei@163.com（半角字符）", en: "One e-mail address such as zhangwei@163.com (half-width characters)" },
        error: { zh: "邮箱地址长度不对", en: "The e-mail address has the wrong length" },
      };
    case "scenarios":
      return {
        kind: "textLength",
        range,
        min: 1,
        max: 32767,
        prompt: {
          zh: `每条一行：环节名—场景名—实例名，如“生产作业—人机协同作业—多机协同的发动机壳体柔性加工与检测”。环节名：${GUIDE_STAGES.map((g) => g.name.zh).join("、")}`,
          en: "One entry per line: stage—scenario—instance; the stage is one of the 14 of the 2024 scenario guide",
        },
        error: { zh: "内容过长", en: "Too long" },
      };
    case "serial":
    case "text":
      return undefined;
  }
}
