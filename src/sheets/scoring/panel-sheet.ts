/**
 * An expert panel scoring one enterprise: each expert's score per item (validated 0..max), each
 * expert's total, the panel's mean, median and trimmed mean (one highest and one lowest total
 * dropped, at least 3 experts), and the experts whose total deviates from the panel median by
 * more than the margin, flagged by conditional formatting — the figures src/core/panel.ts
 * computes, rounded to the same 6 places.
 *
 * Rows: 1 title, 2 source, 3 enterprise and date, 4 headings and 5 expert names (both repeated
 * when printed), one row per item, then per-expert totals, counts, deviations and a line for
 * each expert to sign, and the panel's summary with the panel leader's signature line. Columns:
 * section, item, short name, max, then one column per expert. Every score and figure shows two
 * decimals, so a column of totals reads alike (76.94, 81.00, 80.57).
 */
import type { Rubric, RubricItem } from "../../../templates/schema";
import { fail, ok, type Result } from "../../core/problems";
import { PlanBuilder } from "../builder";
import { colLetter, rangeRef, ref, str } from "../formula";
import type { Range, SheetPlan, Style } from "../plan";
import type { Params } from "../sheet-template";
import { MARKS, STYLES } from "../styles";
import { keepTogether } from "../print-layout";
import { readPanel, type PanelData } from "./panel-data";
import { GENERAL, headerFields, heightFor, marker, sheetName, textValidation, titleRows } from "./sheet-layout";

/** Deviation and the panel figures are rounded to 6 places, as src/core/panel.ts rounds them. */
const DECIMALS = 6;
/** How scores and figures are shown: two decimals throughout. */
const SCORE_FORMAT = "0.00";
const SCORE: Style = { ...STYLES.computed, numberFormat: SCORE_FORMAT };

const COL = { section: 1, code: 2, name: 3, max: 4, firstExpert: 5 } as const;
const ROW = { heading: 4, names: 5, firstItem: 6 } as const;
const DEVIATES = "偏离";

/** Binding codes: the data paths experts → index → name, and experts → index → scores → item code. */
function expertCode(index: number, item?: string): string {
  return item === undefined ? `experts/${index}/name` : `experts/${index}/scores/${item}`;
}

export function renderPanel(id: string, rubric: Rubric, params: Params, data?: unknown): Result<SheetPlan> {
  const read = data === undefined ? ok<PanelData>({ experts: [] }) : readPanel(rubric, data);
  if (!read.ok) return fail(read.problems);
  // More experts in the data than columns asked for: the sheet grows to hold them, and the
  // marker records the columns actually built.
  const experts = Math.max(Number(params.experts), read.value.experts.length);
  return ok(new PanelSheet(id, rubric, { ...params, experts }, read.value).build());
}

/** Rows of the per-expert block and of the panel summary under the items. */
interface Layout {
  lastItem: number;
  total: number;
  count: number;
  deviation: number;
  flag: number;
  signature: number;
  summary: Record<"count" | "mean" | "median" | "trimmed" | "deviating" | "margin" | "incomplete", number>;
}

class PanelSheet {
  private readonly b: PlanBuilder;
  private readonly items: RubricItem[];
  private readonly experts: number;
  private readonly lastCol: number;
  private readonly margin: number;
  private readonly at: Layout;
  private readonly sections: { top: number; bottom: number }[] = [];

  constructor(
    id: string,
    private readonly rubric: Rubric,
    params: Params,
    private readonly data: PanelData,
  ) {
    // Portrait: a tall list of items, five experts wide, fits two A4 pages at 0.8 (F1: 12 pt → 9.6 pt).
    this.b = new PlanBuilder(sheetName(rubric, "专家组评分"), marker(id, rubric, params), {
      orientation: "portrait",
      fitToWidth: true,
      repeatRows: { first: ROW.heading, last: ROW.names },
    });
    this.items = rubric.sections.flatMap((s) => s.items);
    this.experts = Number(params.experts);
    this.margin = Number(params.margin);
    this.lastCol = COL.firstExpert + this.experts - 1;
    const lastItem = ROW.firstItem + this.items.length - 1;
    const first = lastItem + 7;
    this.at = {
      lastItem,
      total: lastItem + 1,
      count: lastItem + 2,
      deviation: lastItem + 3,
      flag: lastItem + 4,
      signature: lastItem + 5,
      summary: { count: first, mean: first + 1, median: first + 2, trimmed: first + 3, deviating: first + 4, margin: first + 5, incomplete: first + 6 },
    };
  }

  build(): SheetPlan {
    const b = this.b;
    titleRows(b, `${this.rubric.title.zh} 专家组评分`, this.rubric, this.lastCol, 1, 49 + 10 * this.experts);
    headerFields(b, 3, [{ key: "enterprise", at: COL.section, labelTo: COL.code, to: COL.max }, { key: "date", at: COL.firstExpert, labelTo: COL.firstExpert + 1, to: this.lastCol }], this.data);
    this.headings();
    this.itemRows();
    this.perExpert();
    this.summary();
    b.freeze(ROW.firstItem, COL.firstExpert);
    const plan = b.build();
    // Sections (their labels merged down their rows), the per-expert block with its signatures,
    // and the summary each stay on one page.
    const blocks = [...this.sections, { top: this.at.total, bottom: this.at.signature }, { top: this.at.summary.count - 1, bottom: this.at.summary.incomplete + 2 }];
    return { ...plan, print: { ...plan.print, breaks: keepTogether(plan, blocks) } };
  }

  private expertCol(i: number): number {
    return COL.firstExpert + i;
  }

  /** A summary figure's cell, absolute. */
  private figure(key: keyof Layout["summary"]): string {
    return ref(this.at.summary[key], COL.max, true);
  }

  private expertRow(row: number): Range {
    return { top: row, left: COL.firstExpert, bottom: row, right: this.lastCol };
  }

  private headings(): void {
    const b = this.b;
    const fixed: [number, string, number][] = [
      [COL.section, "评价项目", 12],
      [COL.code, "编号", 7],
      [COL.name, "评价内容", 22],
      [COL.max, "满分", 8],
    ];
    for (const [col, text, width] of fixed) b.value(ROW.heading, col, text, STYLES.header).width(col, width);
    b.merge({ top: ROW.names, left: COL.section, bottom: ROW.names, right: COL.max }, "专家姓名", { ...STYLES.header, horizontal: "right" });
    for (let i = 0; i < this.experts; i++) {
      const col = this.expertCol(i);
      b.value(ROW.heading, col, `专家 ${i + 1}`, STYLES.header).width(col, 10);
      b.input(ROW.names, col, expertCode(i), STYLES.input, this.data.experts[i]?.name ?? null);
    }
    b.validate(textValidation(this.expertRow(ROW.names), { zh: "专家姓名", en: "Expert's name" }));
    b.height(ROW.heading, 24).height(ROW.names, 24);
  }

  /** One row per item: each expert's score, an unlocked cell validated 0..max. */
  private itemRows(): void {
    const b = this.b;
    let row = ROW.firstItem;
    for (const section of this.rubric.sections) {
      const top = row;
      for (const item of section.items) {
        b.value(row, COL.code, item.code, { ...STYLES.label, horizontal: "center" });
        b.value(row, COL.name, item.short.zh, STYLES.label);
        b.value(row, COL.max, item.max, GENERAL);
        for (let i = 0; i < this.experts; i++) {
          b.input(row, this.expertCol(i), expertCode(i, item.code), { ...STYLES.input, numberFormat: SCORE_FORMAT }, this.data.experts[i]?.scores.get(item.code) ?? null);
        }
        b.validate({
          kind: "decimal",
          range: this.expertRow(row),
          min: 0,
          max: item.max,
          prompt: { zh: `${item.short.zh}：请填 0–${item.max} 分`, en: `${item.short.en}: enter 0–${item.max}` },
          error: { zh: `${item.short.zh}的得分应在 0 到 ${item.max} 分之间`, en: `${item.short.en}: the score must be between 0 and ${item.max}` },
        });
        b.height(row, heightFor([[item.short.zh, 22]]));
        row++;
      }
      const label = `${section.code}.${section.name.zh}\n（${section.max}分）`;
      b.merge({ top, left: COL.section, bottom: row - 1, right: COL.section }, label, { ...STYLES.label, horizontal: "center" });
      this.sections.push({ top, bottom: row - 1 });
    }
  }

  /**
   * Per expert: total (blank until the expert scores something: an absent expert is not counted,
   * as in src/core/panel.ts), items scored, deviation from the panel median, and the flag.
   */
  private perExpert(): void {
    const b = this.b;
    const { total, count, deviation, flag, lastItem } = this.at;
    const n = this.items.length;
    const median = this.figure("median");
    const margin = this.figure("margin");
    const labels: [number, string][] = [
      [total, "专家总分"],
      [count, "已评项数"],
      [deviation, "与中位数之差"],
      [flag, `偏离中位数超过 ${this.margin} 分`],
    ];
    for (const [row, text] of labels) b.merge({ top: row, left: COL.section, bottom: row, right: COL.max }, text, { ...STYLES.header, horizontal: "right" });
    // Each expert signs under their own column, by hand on the printed sheet.
    b.merge({ top: this.at.signature, left: COL.section, bottom: this.at.signature, right: COL.max }, "专家签字", { ...STYLES.header, horizontal: "right" });
    for (let i = 0; i < this.experts; i++) b.value(this.at.signature, this.expertCol(i), null, STYLES.label);
    b.height(this.at.signature, 40);
    for (let i = 0; i < this.experts; i++) {
      const col = this.expertCol(i);
      const scores = `${ref(ROW.firstItem, col)}:${ref(lastItem, col)}`;
      b.formula(total, col, `IF(COUNT(${scores})=0,"",ROUND(SUM(${scores}),4))`, SCORE);
      if (this.data.experts[i]?.scores.size) b.result(`expert:${i}:total`, total, col);
      b.formula(count, col, `COUNT(${scores})`, { ...STYLES.computed, numberFormat: `0"/${n}"` });
      const t = ref(total, col);
      b.formula(deviation, col, `IF(AND(ISNUMBER(${t}),ISNUMBER(${median})),ROUND(${t}-${median},${DECIMALS}),"")`, SCORE);
      const d = ref(deviation, col);
      b.formula(flag, col, `IF(ISNUMBER(${d}),IF(ABS(${d})>${margin},${str(DEVIATES)},""),"")`, { ...STYLES.warning, border: "thin", horizontal: "center" });
    }
    // Column relative, row fixed: the same rule marks an expert's total and deviation cells.
    const d = `${colLetter(COL.firstExpert)}$${deviation}`;
    for (const row of [total, deviation]) b.highlight({ range: this.expertRow(row), formula: `AND(ISNUMBER(${d}),ABS(${d})>${margin})`, style: MARKS.bad });
    const c = ref(count, COL.firstExpert);
    b.highlight({ range: this.expertRow(count), formula: `AND(${c}>0,${c}<${n})`, style: MARKS.attention });
  }

  /**
   * Results are bound where src/core/panel.ts gives a value for the data: the mean, median and
   * deviations once an expert has scored, the trimmed mean from 3 experts on (below that the
   * cell shows a message); the margin and the count of unfinished experts are not the engine's.
   */
  private hasEngineValue(key: keyof Layout["summary"]): boolean {
    const scored = this.data.experts.filter((e) => e.scores.size > 0).length;
    if (key === "count") return true;
    if (key === "trimmed") return scored >= 3;
    return (key === "mean" || key === "median" || key === "deviating") && scored >= 1;
  }

  /** The panel's figures: a label across the first three columns, the value in the fourth. */
  private summary(): void {
    const b = this.b;
    const { total, count: counts, flag } = this.at;
    const t = rangeRef(this.expertRow(total), true);
    const count = this.figure("count");
    const scored = rangeRef(this.expertRow(counts), true);
    const figures: [keyof Layout["summary"], string, string | number, string][] = [
      ["count", "参评专家数（已评分）", `COUNT(${t})`, "0"],
      ["mean", "平均分", `IF(${count}=0,"",ROUND(AVERAGE(${t}),${DECIMALS}))`, SCORE_FORMAT],
      ["median", "中位数", `IF(${count}=0,"",ROUND(MEDIAN(${t}),${DECIMALS}))`, SCORE_FORMAT],
      [
        "trimmed",
        "去掉一个最高分和一个最低分后的平均分",
        `IF(${count}>=3,ROUND((SUM(${t})-MAX(${t})-MIN(${t}))/(${count}-2),${DECIMALS}),"需至少 3 位专家评分，请用平均分或中位数")`,
        SCORE_FORMAT,
      ],
      ["deviating", "偏离中位数的专家人数", `COUNTIF(${rangeRef(this.expertRow(flag), true)},${str(DEVIATES)})`, "0"],
      ["margin", "偏离阈值（分）", this.margin, "General"],
      ["incomplete", "尚有未评项的专家人数", `COUNTIF(${scored},"<${this.items.length}")-COUNTIF(${scored},0)`, "0"],
    ];
    for (const [key, label, content, format] of figures) {
      const row = this.at.summary[key];
      b.merge({ top: row, left: COL.section, bottom: row, right: COL.name }, label, { ...STYLES.label, horizontal: "right" });
      const value = { top: row, left: COL.max, bottom: row, right: COL.firstExpert + 2 };
      const style = { ...STYLES.computed, numberFormat: format, horizontal: "left" as const };
      b.merge(value, undefined, style);
      if (typeof content === "number") b.value(row, COL.max, content, style);
      else b.formula(row, COL.max, content, style);
      if (this.hasEngineValue(key)) b.result(key, row, COL.max);
    }
    b.value(this.at.summary.count - 1, COL.section, "专家组汇总", { ...STYLES.label, font: { ...STYLES.label.font, bold: true }, border: undefined });
    const sign = this.at.summary.incomplete + 2;
    b.merge({ top: sign, left: COL.section, bottom: sign, right: this.lastCol }, "专家组组长签字：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000日期：\u3000\u3000年\u3000\u3000月\u3000\u3000日", {
      ...STYLES.label,
      border: undefined,
      vertical: "bottom",
    });
    b.height(sign, 36);
  }
}
