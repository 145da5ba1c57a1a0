/**
 * One enterprise on one sheet, in the official layout of 表1/表2 (评价项目 / 评价内容 / 量化考核),
 * with an answer cell per input code, the computed score, the expert's adjustment (ruling D4),
 * the score that counts, section subtotals, 总分, completeness (G3) and the D7 warnings — all by
 * native formulas generated from the rubric.
 *
 * Rows: 1 title, 2 source, 3 header fields, 4 column headings (repeated when printed), then one
 * row per input code, grouped by item and section, a subtotal row per section, 总分 and the
 * table's 注: what prints (ruling F2). The 状态 column and the rows under the 注 (填报情况,
 * 一致性提示, 填报说明) are working cells for the screen, outside the print area.
 */
import type { InputDef, Rubric, RubricItem } from "../../../templates/schema";
import { NOT_ANSWERED } from "../../core/format";
import { fail, ok, type Result } from "../../core/problems";
import { PlanBuilder } from "../builder";
import { ref, str } from "../formula";
import type { Range, SheetPlan, Style } from "../plan";
import type { Params } from "../sheet-template";
import { MARKS, STYLES } from "../styles";
import { adjustmentValidation, answerStyle, answerValidation } from "./answer-cells";
import { improvementInputs } from "../../core/rate-warnings";
import { answeredFormula, hasWarningsRow, improvementWarningFormula, itemScoreFormula, recognisedFormula, warningFormula } from "./rule-formulas";
import { countText, optionsText } from "./rule-text";
import { readEnterprise, type EnterpriseData } from "./sheet-data";
import { fitLabel, printedNote } from "../printed-text";
import { GENERAL, headerFields, heightFor, itemInputs, marker, sheetName, titleRows } from "./sheet-layout";

/** Column of each part of the table. */
const COL = { section: 1, code: 2, content: 3, options: 4, answer: 5, computed: 6, adjust: 7, score: 8, max: 9, status: 10 } as const;
const LAST = COL.status;
const WIDTHS: Record<keyof typeof COL, number> = { section: 12, code: 7, content: 34, options: 40, answer: 11, computed: 9, adjust: 9, score: 9, max: 7, status: 12 };
const HEADINGS: Record<keyof typeof COL, string> = {
  section: "评价项目",
  code: "编号",
  content: "评价内容",
  options: "量化考核",
  answer: "填报",
  computed: "计算得分",
  adjust: "专家调整",
  score: "得分",
  max: "满分",
  status: "状态",
};
const HEADING_ROW = 4;

/** What the 状态 column says of an input; the completeness formulas count these words. */
const INPUT_STATUS = { missing: NOT_ANSWERED.zh, unrecognised: "无法识别" } as const;
/** What the status sentence says of a sheet answered in full; its conditional format tests these words. */
const COMPLETE = "完整";

/** Binding code of an item's adjustment cell: the data path adjustments → item code. */
function adjustmentCode(item: string): string {
  return `adjustments/${item}`;
}

export function renderSingle(id: string, rubric: Rubric, params: Params, data?: unknown): Result<SheetPlan> {
  let filled: EnterpriseData | undefined;
  if (data !== undefined) {
    const read = readEnterprise(rubric, data, ["enterprise", "date", "expert"], true);
    if (!read.ok) return fail(read.problems);
    filled = read.value;
  }
  return ok(new SingleSheet(id, rubric, params, filled).build());
}

class SingleSheet {
  private readonly b: PlanBuilder;
  private readonly inputs: ReadonlyMap<string, InputDef>;
  private readonly answerRow = new Map<string, number>();
  private row = HEADING_ROW + 1;

  constructor(
    id: string,
    private readonly rubric: Rubric,
    params: Params,
    private readonly data: EnterpriseData | undefined,
  ) {
    this.b = new PlanBuilder(sheetName(rubric, "评分"), marker(id, rubric, params), {
      orientation: "landscape",
      fitToWidth: true,
      repeatRows: { first: HEADING_ROW, last: HEADING_ROW },
    });
    this.inputs = new Map(rubric.inputs.map((i) => [i.code, i]));
    // Items are laid out in section order, so every answer row is known before any formula needs it.
    let row = this.row;
    for (const section of rubric.sections) {
      for (const item of section.items) for (const code of itemInputs(item)) this.answerRow.set(code, row++);
      row++;
    }
  }

  build(): SheetPlan {
    const b = this.b;
    titleRows(b, this.rubric.title.zh, this.rubric, COL.max, 1, Object.entries(WIDTHS).filter(([k]) => k !== "status").reduce((sum, [, w]) => sum + w, 0));
    headerFields(
      b,
      3,
      [
        { key: "enterprise", at: COL.section, labelTo: COL.code, to: COL.options },
        { key: "date", at: COL.answer, labelTo: COL.computed, to: COL.max },
      ],
      this.data?.header ?? {},
    );
    for (const [key, col] of Object.entries(COL) as [keyof typeof COL, number][]) {
      b.value(HEADING_ROW, col, HEADINGS[key], STYLES.header).width(col, WIDTHS[key]);
    }
    // Two lines: 计算得分 and 专家调整 wrap in their narrow columns.
    b.height(HEADING_ROW, 34).freeze(HEADING_ROW + 1, 1);

    const firstBody = this.row;
    const subtotals = this.rubric.sections.map((section) => {
      const top = this.row;
      for (const item of section.items) this.item(item);
      const label = `${section.code}.${section.name.zh}\n（${section.max}分）`;
      // At the top of its rows: centred in a section a page break cuts, it would print in the margin.
      b.merge({ top, left: COL.section, bottom: this.row - 1, right: COL.section }, label, { ...STYLES.label, horizontal: "center", vertical: "top" });
      return this.subtotal(section.code, `${section.code}.${section.name.zh} 小计`, top, this.row - 1, section.max);
    });
    const statusRange = { top: firstBody, left: COL.status, bottom: this.row - 1, right: COL.status };
    this.total(subtotals);
    this.tableNote();
    this.signature();
    b.print({ area: { top: 1, left: 1, bottom: this.row - 1, right: COL.max } });
    this.row++;
    this.completeness(statusRange);
    if (hasWarningsRow(this.rubric)) this.warnings();
    this.notes();
    this.highlights(statusRange, firstBody);
    return b.build();
  }

  private cellOf = (code: string): string => ref(this.answerRow.get(code) as number, COL.answer);

  /** An item's block: one row per input, the item's own cells merged across them. */
  private item(item: RubricItem): void {
    const b = this.b;
    const codes = itemInputs(item);
    const top = this.row;
    const bottom = top + codes.length - 1;
    const many = codes.length > 1;
    // Broken as typeset where it wraps, so its closing "）" never stands alone on a line.
    const content = item.rule.kind === "count" ? fitLabel(`${item.name.zh}\n（${countText(item.rule)}）`, WIDTHS.content, 12) : item.name.zh;
    codes.forEach((code, k) => {
      const input = this.inputs.get(code) as InputDef;
      const row = top + k;
      const options = many ? `${k + 1}. ${input.label.zh}` : optionsText(item, this.inputs);
      b.value(row, COL.options, options, STYLES.label);
      const answer = this.data?.answers[this.rubric.inputs.indexOf(input)] ?? null;
      b.input(row, COL.answer, code, answerStyle(input), answer);
      b.validate(answerValidation(input, cellRange(row, COL.answer)));
      const cell = this.cellOf(code);
      b.formula(row, COL.status, `IF(${answeredFormula(cell)},IF(${recognisedFormula(input, cell)},"",${str(INPUT_STATUS.unrecognised)}),${str(INPUT_STATUS.missing)})`, { ...STYLES.label, horizontal: "center" });
      // The merged 评价内容 shares its lines among the item's rows.
      b.height(row, Math.max(heightFor([[options, WIDTHS.options]]), heightFor([[content, WIDTHS.content]], codes.length)));
    });

    const span = (col: number): Range => ({ top, left: col, bottom, right: col });
    const itemCell = (col: number, value: string | number, style: Style = STYLES.label) => (many ? b.merge(span(col), value, style) : b.value(top, col, value, style));
    itemCell(COL.code, item.code, { ...STYLES.label, horizontal: "center" });
    itemCell(COL.content, content);
    itemCell(COL.max, item.max, GENERAL);
    for (const col of [COL.computed, COL.adjust, COL.score]) if (many) b.merge(span(col), undefined, col === COL.adjust ? STYLES.input : STYLES.computed);

    b.formula(top, COL.computed, itemScoreFormula(item, this.cellOf, this.inputs), STYLES.computed).result(`computed:${item.code}`, top, COL.computed);
    b.input(top, COL.adjust, adjustmentCode(item.code), { ...STYLES.input, numberFormat: STYLES.computed.numberFormat }, this.data?.adjustments.get(item.code) ?? null);
    b.validate(adjustmentValidation(item.max, span(COL.adjust)));
    const adjust = ref(top, COL.adjust);
    b.formula(top, COL.score, `IF(ISNUMBER(${adjust}),${adjust},${ref(top, COL.computed)})`, STYLES.computed).result(`item:${item.code}`, top, COL.score);
    this.row = bottom + 1;
  }

  /** A section's subtotal row; rounded to 4 places as the engine rounds it. Returns the subtotal cell. */
  private subtotal(code: string, label: string, top: number, bottom: number, max: number): string {
    const b = this.b;
    const row = this.row++;
    b.merge({ top: row, left: COL.section, bottom: row, right: COL.adjust }, label, { ...STYLES.header, horizontal: "right" });
    b.formula(row, COL.score, `ROUND(SUM(${ref(top, COL.score)}:${ref(bottom, COL.score)}),4)`, STYLES.computed).result(`section:${code}`, row, COL.score);
    b.value(row, COL.max, max, GENERAL).value(row, COL.status, null, STYLES.label);
    return ref(row, COL.score);
  }

  private total(subtotals: string[]): void {
    const b = this.b;
    const row = this.row++;
    b.merge({ top: row, left: COL.section, bottom: row, right: COL.adjust }, "总分", { ...STYLES.header, font: { ...STYLES.header.font, size: 14 } });
    b.formula(row, COL.score, `ROUND(${subtotals.join("+")},4)`, { ...STYLES.computed, font: { ...STYLES.computed.font, size: 14 } }).result("total", row, COL.score);
    b.value(row, COL.max, this.rubric.max, GENERAL).value(row, COL.status, null, STYLES.label).height(row, 28);
  }

  /** The official table's 注 under 总分 (seed 003), the last printed row. */
  private tableNote(): void {
    const notes = this.rubric.notes;
    if (!notes) return;
    const row = this.row++;
    this.b.merge({ top: row, left: COL.section, bottom: row, right: COL.max }, printedNote(notes), { ...STYLES.note, font: { ...STYLES.note.font, size: 12, italic: false } }).height(row, 24);
  }

  /** 评审专家 and the expert's signature under the table: the sheet is signed on paper. */
  private signature(): void {
    const row = this.row++;
    headerFields(this.b, row, [{ key: "expert", at: COL.section, labelTo: COL.code, to: COL.content }], this.data?.header ?? {});
    this.b.merge({ top: row, left: COL.options, bottom: row, right: COL.options }, "签字：", { ...STYLES.label, border: undefined, horizontal: "right" });
    this.b.height(row, 30);
  }

  /** 已填 n / N 项, whether complete (G3), and a sentence saying what is missing or unrecognised. */
  private completeness(status: Range): void {
    const b = this.b;
    const row = this.row++;
    const n = this.rubric.inputs.length;
    const statuses = `${ref(status.top, status.left, true)}:${ref(status.bottom, status.right, true)}`;
    const answered = ref(row, COL.options);
    const complete = ref(row, COL.adjust);
    const unrecognised = `COUNTIF(${statuses},${str(INPUT_STATUS.unrecognised)})`;
    b.merge({ top: row, left: COL.section, bottom: row, right: COL.content }, "填报情况", { ...STYLES.label, horizontal: "right" });
    b.formula(row, COL.options, `${n}-COUNTIF(${statuses},${str(INPUT_STATUS.missing)})`, { ...STYLES.computed, numberFormat: `"已填 "0" / ${n} 项"` }).result("answered", row, COL.options);
    b.merge({ top: row, left: COL.answer, bottom: row, right: COL.computed }, "是否完整", { ...STYLES.label, horizontal: "right" });
    b.formula(row, COL.adjust, `${answered}=${n}`, GENERAL).result("complete", row, COL.adjust);
    b.merge({ top: row, left: COL.score, bottom: row, right: COL.status }, undefined, STYLES.warning);
    b.formula(
      row,
      COL.score,
      `IF(${unrecognised}>0,"有 "&${unrecognised}&" 项答案无法识别，见“状态”列",IF(${complete},${str(COMPLETE)},"未完成：尚有 "&(${n}-${answered})&" 项未填，总分为部分得分"))`,
      { ...STYLES.warning, border: "thin" },
    );
    b.height(row, 36);
    b.highlight({ range: cellRange(row, COL.score), formula: `${ref(row, COL.score)}<>${str(COMPLETE)}`, style: MARKS.bad });
  }

  /** Ruling D7: answers that contradict each other are scored as written and warned about. */
  private warnings(): void {
    const b = this.b;
    const row = this.row++;
    // D7's consistency rules, then G2's improvements above 100%, in the engine's order.
    const fired = [
      ...this.rubric.consistency.map((r) => ({ test: warningFormula(r, this.cellOf), message: `${r.message.zh}。` })),
      ...improvementInputs(this.rubric).map((i) => {
        const label = this.rubric.inputs[i.at].label.zh;
        return { test: improvementWarningFormula(this.cellOf(i.code)), message: `${label}超过 100%，已按所填数值计（如 12 按 1200% 计；若指 12%，请填 12% 或 0.12）。` };
      }),
    ];
    const count = ref(row, COL.options);
    b.merge({ top: row, left: COL.section, bottom: row, right: COL.content }, "一致性提示", { ...STYLES.label, horizontal: "right" });
    b.formula(row, COL.options, fired.map((f) => `IF(${f.test},1,0)`).join("+"), { ...STYLES.computed, numberFormat: `0" 条"` }).result("warnings", row, COL.options);
    const messages = fired.map((f) => `IF(${f.test},${str(f.message)},"")`).join("&");
    b.merge({ top: row, left: COL.answer, bottom: row, right: LAST }, undefined, { ...STYLES.warning, border: "thin" });
    b.formula(row, COL.answer, `IF(${count}=0,"无",${messages})`, { ...STYLES.warning, border: "thin" });
    b.height(row, 36);
  }

  private notes(): void {
    const row = this.row + 1;
    const text =
      "填报说明：勾选项请从下拉列表选“有”或“无”；比率填百分比，如 62%；留空视为未填，计 0 分，总分为部分得分。" +
      "“计算得分”由本表公式按认定标准计算；专家可在“专家调整”栏填 0 至满分之间的分数替代计算得分，留空则按计算得分；“得分”为计入总分的分数。";
    this.b.merge({ top: row, left: COL.section, bottom: row, right: LAST }, text, STYLES.note).height(row, 48);
  }

  private highlights(status: Range, firstBody: number): void {
    const b = this.b;
    const top = ref(status.top, status.left);
    b.highlight({ range: status, formula: `${top}=${str(INPUT_STATUS.unrecognised)}`, style: MARKS.bad });
    b.highlight({ range: status, formula: `${top}=${str(INPUT_STATUS.missing)}`, style: MARKS.attention });
    // An adjusted item stands out, so a reader sees at once where the expert replaced the computed score (D4).
    const adjust = { top: firstBody, left: COL.adjust, bottom: status.bottom, right: COL.adjust };
    b.highlight({ range: adjust, formula: `ISNUMBER(${ref(firstBody, COL.adjust)})`, style: MARKS.attention });
  }
}

function cellRange(row: number, col: number): Range {
  return { top: row, left: col, bottom: row, right: col };
}
