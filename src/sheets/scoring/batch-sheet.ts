/**
 * Many enterprises on one sheet, one row each: a column per input code (as `assessbook score`
 * reads them), each item's computed score right after its answers, and per row the total, the
 * number of answers and whether the row is complete (ruling G3), all by native formulas. A
 * clerk consolidating a district's submissions fills it from an array of the score JSON.
 *
 * Rows: 1 title, 2 source, 3 how to fill and print, 4–6 headings (section, code, short label;
 * repeated when printed), then the enterprise rows and the table's 注. A row where nothing is
 * answered shows no total.
 *
 * Columns: 序号, 企业名称, 总分, then the answers and scores; the working columns (已填, 完整,
 * 状态, 一致性提示) come last, right of the print area (ruling F2). Printing (F1): 55 / 42 columns
 * fitted to one page would shrink 10-pt text to 3–4 pt, so the sheet prints at 100 % on A3
 * landscape, three pages wide, with 序号, 企业名称 and 总分 and the headings on every page (on A4
 * the same would take seven pages wide and two down for 20 enterprises).
 */
import type { InputDef, Rubric, RubricItem, Text } from "../../../templates/schema";
import { fail, ok, problem, type Problem, type Result } from "../../core/problems";
import { PlanBuilder } from "../builder";
import { ref, str } from "../formula";
import type { Range, SheetPlan } from "../plan";
import type { Params } from "../sheet-template";
import { MARKS, STYLES } from "../styles";
import { answerStyle, answerValidation } from "./answer-cells";
import { answeredFormula, itemScoreFormula, recognisedFormula, warningFormula } from "./rule-formulas";
import { HEADER_FIELDS, atIndex, readEnterprise, type EnterpriseData } from "./sheet-data";
import { columnPoints, officialMargins, printableWidth } from "../print-layout";
import { printedNote } from "../printed-text";
import { GENERAL, heightFor, itemInputs, marker, sheetName, textValidation, titleRows } from "./sheet-layout";

/** Most rows a batch sheet takes: a county's or a district's submissions, not a province's. */
export const MAX_ROWS = 500;

const COL = { serial: 1, enterprise: 2, total: 3 } as const;
const HEAD = { section: 4, code: 5, label: 6 } as const;
const FIRST_ROW = 7;
const ENTERPRISE: Text = { zh: "家企业", en: "Enterprise" };
/**
 * Widths of the fixed columns, and the least widths of answer and score columns: a rate such as
 * 12.0% and a heading such as 得分（10分） fit at 10–12 pt without "###" or a lone "）".
 */
const WIDTH = { serial: 5, enterprise: 32, total: 8, input: 8, item: 8.5 } as const;
/** Answer and score columns are widened up to this much so the last printed page is as full as the others. */
const MAX_STRETCH = 1.6;
/** The printing choice, stated on the sheet (F1). */
const PRINT_NOTE = "打印：A3 横向，按 100% 分多页宽打印，每页重复序号、企业名称、总分三列和表头，文字不小于 9 磅；表右侧的核对列在打印区域以外。";
const PRINT = { paper: "A3", orientation: "landscape", fitToWidth: false } as const;
/** What the 状态 column says of a row that answers anything; the conditional formats test these words. */
const STATUS = { complete: "完整", unrecognised: "有答案无法识别" } as const;

/** Binding code of row `index`'s cell for `key` (an input code or "enterprise"): the data path index → key. */
function rowCode(index: number, key: string): string {
  return `${index}/${key}`;
}

/** An answer column (input) or an item's score column (item), in its section. */
interface Column {
  col: number;
  section: string;
  input?: InputDef;
  item?: RubricItem;
}

export function renderBatch(id: string, rubric: Rubric, params: Params, data?: unknown): Result<SheetPlan> {
  const rows: EnterpriseData[] = [];
  if (data !== undefined) {
    if (!Array.isArray(data)) {
      return fail([
        problem(
          "data",
          "批量评分表的数据应为数组，每家企业一个元素（即 assessbook score 的输入，可加 \"enterprise\" 企业名称）",
          'batch data is an array with one element per enterprise (what `assessbook score` takes, plus an optional "enterprise" name)',
        ),
      ]);
    }
    if (data.length > MAX_ROWS) return fail([problem("data", `最多 ${MAX_ROWS} 家企业，收到 ${data.length} 家`, `at most ${MAX_ROWS} enterprises, got ${data.length}`)]);
    const problems: Problem[] = [];
    data.forEach((raw, i) => {
      const read = readEnterprise(rubric, raw, ["enterprise"], false);
      if (read.ok) rows.push(read.value);
      else problems.push(...atIndex(read.problems, i, ENTERPRISE));
    });
    if (problems.length > 0) return fail(problems);
  }
  // More enterprises than rows asked for: the sheet grows to hold them all, and the marker
  // records the rows actually built so extract finds every one.
  const count = Math.max(Number(params.rows), rows.length);
  return ok(new BatchSheet(id, rubric, { ...params, rows: count }, rows).build());
}

class BatchSheet {
  private readonly b: PlanBuilder;
  private readonly columns: Column[] = [];
  private readonly work: { answered: number; complete: number; status: number; warning?: number };
  /** The last column that prints: the last score column. */
  private readonly last: number;
  /** The title, the notes and the 注 span the columns of the first printed page right of the repeated ones. */
  private readonly firstPage: number;
  private readonly widths: { input: number; item: number };
  /** The first column of each printed page band after the first. */
  private readonly pageStarts: number[];
  private readonly inputs: ReadonlyMap<string, InputDef>;

  constructor(
    id: string,
    private readonly rubric: Rubric,
    private readonly params: Params,
    private readonly data: EnterpriseData[],
  ) {
    this.b = new PlanBuilder(sheetName(rubric, "批量评分"), marker(id, rubric, params), {
      ...PRINT,
      repeatRows: { first: HEAD.section, last: HEAD.label },
      repeatColumns: { first: COL.serial, last: COL.total },
    });
    let col = COL.total + 1;
    this.inputs = new Map(rubric.inputs.map((i) => [i.code, i]));
    for (const section of rubric.sections) {
      for (const item of section.items) {
        for (const code of itemInputs(item)) this.columns.push({ col: col++, section: section.code, input: this.inputs.get(code) });
        this.columns.push({ col: col++, section: section.code, item });
      }
    }
    this.last = col - 1;
    this.work = { answered: col, complete: col + 1, status: col + 2, ...(rubric.consistency.length > 0 ? { warning: col + 3 } : {}) };
    // Each page holds the repeated columns and a band of the others; widening those evenly (as
    // far as the sheet still takes as few pages) fills the last page instead of leaving two
    // columns on it. A little room is kept for how a spreadsheet rounds widths to pixels.
    const band = 0.97 * (printableWidth({ ...PRINT, blackAndWhite: true, margins: officialMargins(PRINT.orientation) }) - columnPoints(WIDTH.serial + WIDTH.enterprise + WIDTH.total));
    const widthsAt = (stretch: number) => ({ input: Math.round(WIDTH.input * stretch * 10) / 10, item: Math.round(WIDTH.item * stretch * 10) / 10 });
    const bands = (w: { input: number; item: number }) => {
      const pages: number[] = [];
      let used = Infinity;
      for (const c of this.columns) {
        const points = columnPoints(c.input ? w.input : w.item);
        if (used + points > band) {
          pages.push(c.col);
          used = 0;
        }
        used += points;
      }
      return pages;
    };
    const fewest = bands(widthsAt(1)).length;
    let stretch = MAX_STRETCH;
    while (stretch > 1 && bands(widthsAt(stretch)).length > fewest) stretch -= 0.02;
    this.widths = widthsAt(Math.max(1, stretch));
    const starts = bands(this.widths);
    this.pageStarts = starts.slice(1);
    const first = (starts[1] ?? this.last + 1) - 1;
    this.firstPage = first;
  }

  build(): SheetPlan {
    const b = this.b;
    // Right of the repeated columns, which would print a clipped piece of them on every page.
    const span = this.columns.filter((c) => c.col <= this.firstPage).reduce((sum, c) => sum + (c.input ? this.widths.input : this.widths.item), 0);
    titleRows(b, `${this.rubric.title.zh} 批量评分`, this.rubric, this.firstPage, COL.total + 1, span);
    const note = `每行一家企业。勾选项选“有”或“无”；比率填百分比，如 62%；留空视为未填，计 0 分。“得分”列由公式按认定标准计算；整行未填的企业不显示总分。${PRINT_NOTE}`;
    b.merge({ top: 3, left: COL.total + 1, bottom: 3, right: this.firstPage }, note, STYLES.note);
    b.height(3, heightFor([[note, span]]));
    this.headings();
    const rows = Number(this.params.rows);
    for (let i = 0; i < rows; i++) this.row(i);
    this.columnRules(rows);
    const bottom = this.tableNote(FIRST_ROW + rows);
    b.print({ area: { top: 1, left: 1, bottom, right: this.last } });
    b.freeze(FIRST_ROW, COL.total + 1);
    return b.build();
  }

  private headings(): void {
    const b = this.b;
    const fixed: [number, string, number][] = [
      [COL.serial, "序号", WIDTH.serial],
      [COL.enterprise, "企业名称", WIDTH.enterprise],
      [COL.total, "总分", WIDTH.total],
      [this.work.answered, "已填", 8],
      [this.work.complete, "完整", 7],
      [this.work.status, "状态", 14],
    ];
    if (this.work.warning !== undefined) fixed.push([this.work.warning, "一致性提示", 24]);
    for (const [col, text, width] of fixed) b.merge({ top: HEAD.section, left: col, bottom: HEAD.label, right: col }, text, STYLES.header).width(col, width);
    for (const section of this.rubric.sections) {
      const cols = this.columns.filter((c) => c.section === section.code);
      // A heading over columns on two printed pages is cut at the page and printed on each part:
      // a merged cell across a page break prints its text once, partly into the margin.
      const cuts = [cols[0].col, ...this.pageStarts.filter((c) => c > cols[0].col && c <= cols[cols.length - 1].col), cols[cols.length - 1].col + 1];
      for (let i = 0; i + 1 < cuts.length; i++) {
        b.merge({ top: HEAD.section, left: cuts[i], bottom: HEAD.section, right: cuts[i + 1] - 1 }, `${section.code}.${section.name.zh}（${section.max}分）`, STYLES.header);
      }
    }
    const small = { ...STYLES.header, font: { ...STYLES.header.font, size: 10 } };
    for (const c of this.columns) {
      if (c.input) {
        b.value(HEAD.code, c.col, c.input.code, small).value(HEAD.label, c.col, this.shortLabel(c.input), small).width(c.col, this.widths.input);
      } else {
        const item = c.item as RubricItem;
        b.value(HEAD.code, c.col, item.code, small).value(HEAD.label, c.col, `得分\n（${item.max}分）`, small).width(c.col, this.widths.item);
      }
    }
    b.height(HEAD.section, 30).height(HEAD.code, 18).height(HEAD.label, 72);
  }

  /** The item an input belongs to. */
  private itemOf(input: InputDef): RubricItem {
    return this.rubric.sections.flatMap((s) => s.items).find((i) => itemInputs(i).includes(input.code)) as RubricItem;
  }

  /** An item's short name for its only input; an option's own label when the item counts several. */
  private shortLabel(input: InputDef): string {
    const item = this.itemOf(input);
    return itemInputs(item).length === 1 ? item.short.zh : input.label.zh;
  }

  private row(index: number): void {
    const b = this.b;
    const row = FIRST_ROW + index;
    const data = this.data[index];
    const bound = data !== undefined && data.answers.some((a) => a !== null);
    const cells = new Map(this.columns.filter((c) => c.input).map((c) => [(c.input as InputDef).code, ref(row, c.col)]));
    const cellOf = (code: string) => cells.get(code) as string;
    const answered = ref(row, this.work.answered);
    const empty = `${answered}=0`;

    b.value(row, COL.serial, index + 1, { ...STYLES.label, horizontal: "center" });
    b.input(row, COL.enterprise, rowCode(index, "enterprise"), { ...STYLES.input, horizontal: "left" }, data?.header.enterprise ?? null);
    // Results are bound only where the engine's answer is shown: rows that carry answers.
    const result = (key: string, col: number) => {
      if (bound) b.result(`row:${index}:${key}`, row, col);
    };

    for (const c of this.columns) {
      if (c.input) {
        b.input(row, c.col, rowCode(index, c.input.code), answerStyle(c.input), data?.answers[this.rubric.inputs.indexOf(c.input)] ?? null);
      } else {
        const item = c.item as RubricItem;
        b.formula(row, c.col, `IF(${empty},"",${itemScoreFormula(item, cellOf, this.inputs)})`, STYLES.computed);
        result(`item:${item.code}`, c.col);
      }
    }
    const sections = this.rubric.sections.map((section) => {
      const scores = this.columns.filter((c) => c.item && c.section === section.code).map((c) => ref(row, c.col));
      return `ROUND(SUM(${scores.join(",")}),4)`;
    });
    // Summed per section and rounded as the engine rounds (4 places), so totals agree to the last digit.
    b.formula(row, COL.total, `IF(${empty},"",ROUND(SUM(${sections.join(",")}),4))`, STYLES.computed);
    result("total", COL.total);
    const inputs = this.rubric.inputs;
    b.formula(row, this.work.answered, inputs.map((i) => answeredFormula(cellOf(i.code))).join("+"), { ...STYLES.computed, numberFormat: `0"/${inputs.length}"` });
    result("answered", this.work.answered);
    b.formula(row, this.work.complete, `IF(${empty},"",${answered}=${inputs.length})`, GENERAL);
    result("complete", this.work.complete);
    const recognised = inputs.map((i) => recognisedFormula(i, cellOf(i.code))).join("+");
    b.formula(
      row,
      this.work.status,
      `IF(${empty},"",IF(${recognised}<${answered},${str(STATUS.unrecognised)},IF(${ref(row, this.work.complete)},${str(STATUS.complete)},"未完成（缺 "&(${inputs.length}-${answered})&" 项）")))`,
      { ...STYLES.label, horizontal: "center" },
    );
    if (this.work.warning !== undefined) {
      const messages = this.rubric.consistency.map((r) => `IF(${warningFormula(r, cellOf)},${str(`${r.message.zh}。`)},"")`).join("&");
      b.formula(row, this.work.warning, `IF(${empty},"",${messages})`, { ...STYLES.warning, border: "thin", font: { ...STYLES.warning.font, size: 10 } });
    }
  }

  /** Validations and conditional formats, one per column over all the enterprise rows. */
  private columnRules(rows: number): void {
    const b = this.b;
    const last = FIRST_ROW + rows - 1;
    const column = (col: number): Range => ({ top: FIRST_ROW, left: col, bottom: last, right: col });
    for (const c of this.columns) {
      const range = column(c.col);
      if (c.input) {
        b.validate(answerValidation(c.input, range));
        // An answer the engine would refuse (a rate of 62, an unknown word) is marked where it is.
        const top = ref(FIRST_ROW, c.col);
        b.highlight({ range, formula: `AND(${answeredFormula(top)},NOT(${recognisedFormula(c.input, top, true)}))`, style: MARKS.bad });
      }
    }
    b.validate(textValidation(column(COL.enterprise), HEADER_FIELDS.enterprise));
    const status = ref(FIRST_ROW, this.work.status);
    const complete = str(STATUS.complete);
    b.highlight({ range: column(this.work.status), formula: `${status}=${complete}`, style: MARKS.good });
    b.highlight({ range: column(this.work.status), formula: `AND(${status}<>"",${status}<>${complete})`, style: MARKS.attention });
  }

  /** The official table's 注 under the last enterprise row, within the first page's width; returns its row. */
  private tableNote(row: number): number {
    const notes = this.rubric.notes;
    if (!notes) return row - 1;
    this.b.merge({ top: row, left: COL.total + 1, bottom: row, right: this.firstPage }, printedNote(notes), { ...STYLES.note, font: { ...STYLES.note.font, italic: false } });
    this.b.height(row, 24);
    return row;
  }
}
