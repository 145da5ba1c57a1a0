/**
 * Forms (申报书 / 申报表 / 验收表) as printable A4 portrait sheets in the official field order
 * (ruling F1: title 黑体 二号, body 仿宋 三号, level-1 headings 黑体, level-2 headings 楷体), with
 * the blocks the seed prints (ruling F2): the 附件N label, the section headings, row headers over
 * field groups, signature lines, the pledge with its 签章 / 公章 / 日期 lines and the 备注.
 *
 * A six-column grid: label | input over two columns | label | input over two columns, so two
 * short fields share a row as on the printed forms, and a long one (名称, 地址, 单位) takes the
 * row. Fields under a row header (项目内容概述) move one column right of it. Choices print as a
 * ☑/☐ line a formula draws from a dropdown; multiple choices are one ☑/☐ dropdown per option;
 * long texts are tall merged cells with their 限 N 字 as a text-length validation; grids are
 * small tables.
 *
 * What prints is columns A–F. The working cells — the choices' dropdowns and the long texts'
 * live character counts — sit in column H, beside the form on screen and outside the print area.
 * Page breaks keep a heading with what follows it, and put a section marked newPage (the
 * 申报书's table after its cover) on a page of its own.
 */
import type { Form, FormField, FormSection } from "../../../templates/schema";
import { ok, type Result } from "../../core/problems";
import { PlanBuilder } from "../builder";
import { ref, str } from "../formula";
import type { CellValue, Range, SheetPlan, Style, Validation } from "../plan";
import { keepTogether } from "../print-layout";
import { fitLabel, printedNote } from "../printed-text";
import type { SheetTemplate } from "../sheet-template";
import { FONTS, MARKS, PERCENT, STYLES } from "../styles";
import { fitHeight, marker } from "./common";
import { emailOk, mobileOk, orgCodeOk } from "./contact-formulas";
import { OTHER, readFormData, TICK, type FieldValue } from "./form-data";
import { mobileValidation, rateValidation } from "../validations";

/**
 * Column widths: a label column wide enough for 联系人E-mail or 上年税金 at 三号 on one line,
 * answers over two narrower columns. Labels longer than their column break before their
 * bracketed part (labelText), never leaving a lone "）".
 */
const WIDTHS = [20, 12, 12, 20, 12, 12];
const LAST = WIDTHS.length;
/** The working column, outside the print area: dropdowns and counts. */
const WORK = LAST + 2;
const WORK_WIDTH = 22;
const BODY_PT = 16;
/** Excel's tallest row; a 400-character answer at 三号 fills about that. */
const MAX_HEIGHT = 409;
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const body = (over: Partial<Style> = {}): Style => ({ font: { name: FONTS.body, size: BODY_PT }, border: "thin", vertical: "middle", wrap: true, ...over });
const LABEL = body({ horizontal: "center" });
/**
 * No input shade: a form's boxes are plainly where answers go, and a form is printed blank too,
 * for handwriting, where a shade would print in LibreOffice (ruling F2).
 */
const INPUT = body({ ...STYLES.input, fill: undefined, font: { name: FONTS.body, size: BODY_PT }, horizontal: "left" });
const HINT = body({ font: { name: FONTS.body, size: 12, italic: true }, vertical: "top" });
/** Working cells beside the form: plain, small, not part of the printed document. */
const WORKING: Style = { font: { name: FONTS.body, size: 11, italic: true, color: "FF595959" }, vertical: "middle", wrap: true };

const span = (row: number, left: number, right: number): Range => ({ top: row, left, bottom: row, right });
const width = (left: number, right: number) => WIDTHS.slice(left - 1, right).reduce((a, b) => a + b, 0);

export function formSheet(form: Form, config: { name: string; sample: unknown }): SheetTemplate {
  return {
    id: form.id,
    template: form.id,
    title: form.title,
    role: "enterprise",
    source: form.source,
    params: [],
    sample: () => structuredClone(config.sample),
    render(_params, data): Result<SheetPlan> {
      const read = readFormData(form, data);
      if (!read.ok) return read;
      return ok(new FormDrawing(form, config.name, read.value).build());
    },
    expected(_params, data) {
      // A form computes nothing the engine computes: no result bindings, only its data checks.
      const read = readFormData(form, data);
      return read.ok ? ok({}) : read;
    },
  };
}

/** Fields that print on half a row: short answers whose label is not a name, an address or a unit. */
function isShort(f: FormField): boolean {
  if (f.group) return false;
  if (["number", "percent", "date", "mobile", "phone", "email"].includes(f.type)) return true;
  return f.type === "text" && !/名称|地址|单位/.test(f.label.zh);
}

/** A label or title as printed in a column `chars` wide, never leaving "）" alone on a line. */
export function labelText(text: string, chars: number, pt = BODY_PT): string {
  return fitLabel(text, chars, pt);
}

class FormDrawing {
  private readonly b: PlanBuilder;
  private row = 1;
  /** The label column of the fields being drawn: 1, or 2 under a group's row header. */
  private at = 1;
  /** Rows that start a heading and the rows that must print on the same page with it. */
  private readonly keep: { top: number; bottom: number }[] = [];
  /** Rows that start a new page whatever fits (a section marked newPage). */
  private readonly forced: number[] = [];

  constructor(
    private readonly form: Form,
    name: string,
    private readonly values: Map<string, FieldValue>,
  ) {
    this.b = new PlanBuilder(name, marker(form, {}), { orientation: "portrait", fitToWidth: true });
  }

  build(): SheetPlan {
    const b = this.b;
    WIDTHS.forEach((w, i) => b.width(i + 1, w));
    b.width(WORK, WORK_WIDTH);
    b.value(this.row, 1, this.form.annex, STYLES.annex).height(this.row, 24);
    b.value(this.row, WORK, "选择与字数（不打印）", { ...WORKING, font: { ...WORKING.font, italic: false, bold: true } });
    this.row++;
    const title = labelText(this.form.title.zh, width(1, LAST), 22);
    b.merge(span(this.row, 1, LAST), title, STYLES.title).height(this.row, fitHeight(title, width(1, LAST), 22));
    this.row += 2;
    for (const section of this.form.sections) this.section(section);
    if (this.form.pledge) this.pledge();
    if (this.form.notes) this.notes();
    const last = this.row - 1;
    b.print({ area: { top: 1, left: 1, bottom: last, right: LAST } });
    const plan = b.build();
    return { ...plan, print: { ...plan.print, breaks: keepTogether(plan, this.keep, this.forced) } };
  }

  private section(section: FormSection): void {
    const b = this.b;
    const fields = section.fields;
    const top = this.row;
    if (section.newPage) this.forced.push(top);
    if (section.heading) {
      b.merge(span(this.row, 1, LAST), section.heading.zh, { font: { name: FONTS.heading, size: BODY_PT, bold: true }, vertical: "middle" }).height(this.row, 32);
      this.row++;
    }
    // A section that is one field of the same name (验收时间, 综合意见) prints as that field alone.
    if (!section.untitled && (fields.length > 1 || fields[0].label.zh !== section.title.zh)) {
      // Level-1 headings (一、…) in 黑体, level-2 headings (（一）…) in 楷体 (F1).
      const font = section.title.zh.startsWith("（") ? FONTS.subheading : FONTS.heading;
      b.merge(span(this.row, 1, LAST), section.title.zh, { font: { name: font, size: BODY_PT, bold: font === FONTS.heading }, vertical: "middle" }).height(this.row, 28);
      this.row++;
    }
    const headed = this.row > top;
    let firstBlockEnd = 0;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (f.group) {
        let n = 1;
        while (fields[i + n]?.group?.zh === f.group.zh) n++;
        this.group(f.group.zh, fields.slice(i, i + n));
        i += n - 1;
      } else if (isShort(f) && fields[i + 1] && isShort(fields[i + 1])) {
        this.short(f, 1);
        this.short(fields[i + 1], 4);
        this.rowHeight([f, fields[i + 1]]);
        this.row++;
        i++;
      } else {
        this.field(f);
      }
      if (firstBlockEnd === 0) firstBlockEnd = this.row - 1;
    }
    // A heading never ends a page: it goes with the first field under it.
    if (headed) this.keep.push({ top, bottom: firstBlockEnd });
  }

  /** Fields under one row header: the header merged down the left, the fields one column right. */
  private group(name: string, fields: FormField[]): void {
    const top = this.row;
    this.at = 2;
    for (const f of fields) this.field(f);
    this.at = 1;
    this.b.merge({ top, left: 1, bottom: this.row - 1, right: 1 }, [...name].join("\n"), LABEL);
  }

  /** A field's rows print on one page: a label merged down them must not be cut by a page break. */
  private field(f: FormField): void {
    const top = this.row;
    this.draw(f);
    if (this.row - 1 > top) this.keep.push({ top, bottom: this.row - 1 });
  }

  private draw(f: FormField): void {
    switch (f.type) {
      case "choice":
      case "yesno":
        return this.choice(f);
      case "multichoice":
        return this.multichoice(f);
      case "longtext":
        return this.longtext(f);
      case "grid":
        return this.grid(f);
      default:
        this.label(f, this.row, this.at);
        this.answer(f, span(this.row, this.at + 1, LAST));
        this.rowHeight([f]);
        this.row++;
    }
  }

  private labelOf(f: FormField, col: number): string {
    const text = f.unit ? `${f.label.zh}（${f.unit.zh}）` : f.type === "percent" ? `${f.label.zh}（%）` : f.label.zh;
    return labelText(text, WIDTHS[col - 1]);
  }

  private label(f: FormField, row: number, col: number, rows = 1): void {
    this.b.merge({ top: row, left: col, bottom: row + rows - 1, right: col }, this.labelOf(f, col), LABEL);
  }

  private short(f: FormField, col: number): void {
    this.label(f, this.row, col);
    this.answer(f, span(this.row, col + 1, col + 2));
  }

  /** Tall enough for every label and answer on the row, each in its own column's width. */
  private rowHeight(fields: FormField[], extra: number[] = []): void {
    const heights = fields.flatMap((f, i) => {
      const col = fields.length === 2 ? (i === 0 ? 1 : 4) : this.at;
      const answerWidth = fields.length === 2 ? width(col + 1, col + 2) : width(this.at + 1, LAST);
      return [fitHeight(this.labelOf(f, col), WIDTHS[col - 1], BODY_PT), fitHeight(String(this.plain(f) ?? ""), answerWidth, BODY_PT)];
    });
    this.b.height(this.row, Math.max(36, ...heights, ...extra));
  }

  private plain(f: FormField): CellValue {
    const v = this.values.get(f.key);
    return v === undefined || typeof v === "object" ? null : v;
  }

  /** One answer cell (merged over `area`), formatted, validated and flagged by its type. */
  private answer(f: FormField, area: Range): void {
    const b = this.b;
    const style = { ...INPUT, numberFormat: formatOf(f) };
    b.merge(area, undefined, style);
    b.input(area.top, area.left, f.key, style, this.plain(f));
    const cell = ref(area.top, area.left);
    const v = validationOf(f, span(area.top, area.left, area.left));
    if (v) b.validate(v);
    if (f.type === "mobile" || f.type === "email" || f.check === "credit-code") {
      // S3 on the sheet itself; a 组织机构代码 of 18 characters is checked as a 统一社会信用代码.
      const valid = f.check === "credit-code" ? orgCodeOk(cell) : f.type === "mobile" ? mobileOk(cell) : emailOk(cell);
      b.highlight({ range: span(area.top, area.left, area.left), formula: `AND(TRIM(${cell})<>"",NOT(${valid}))`, style: MARKS.bad });
    }
  }

  /** The printed ☑/☐ line of every option beside the label, drawn from a dropdown in the working column. */
  private choice(f: FormField): void {
    const options = f.type === "yesno" ? ["是", "否"] : (f.options ?? []).map((o) => o.zh);
    const row = this.row;
    this.label(f, row, this.at);
    this.b.input(row, WORK, f.key, { ...INPUT, horizontal: "center" }, this.plain(f));
    this.b.validate({
      kind: "list",
      range: span(row, WORK, WORK),
      options,
      prompt: { zh: "请从下拉列表选择；表中打印为 ☑/☐", en: "Choose from the list; the form prints it as ☑/☐" },
      error: { zh: `应为以下之一：${options.join(" / ")}`, en: `Choose one of: ${options.join(" / ")}` },
    });
    const cell = ref(row, WORK);
    const line = options.map((o) => `IF(${cell}=${str(o)},${str(`${TICK.on}${o}`)},${str(`${TICK.off}${o}`)})`).join(`&"\u3000"&`);
    this.b.merge(span(row, this.at + 1, LAST), undefined, body());
    this.b.formula(row, this.at + 1, line, body());
    const labelHeight = fitHeight(this.labelOf(f, this.at), WIDTHS[this.at - 1], BODY_PT);
    this.b.height(row, Math.max(36, labelHeight, fitHeight(options.map((o) => `${TICK.off}${o}`).join("\u3000"), width(this.at + 1, LAST), BODY_PT)));
    this.row++;
  }

  /** One ☑/☐ dropdown per option, the option's name beside it, and a 其他 blank when the form has one. */
  private multichoice(f: FormField): void {
    const options = f.options ?? [];
    const v = this.values.get(f.key);
    const chosen = v && typeof v === "object" && "ticks" in v ? v : undefined;
    const rows = options.length + (f.other ? 1 : 0);
    const first = this.row;
    const mark = this.at + 1;
    this.label(f, first, this.at, rows);
    options.forEach((o, i) => {
      const row = first + i;
      this.b.input(row, mark, `${f.key}/${o.zh}`, body({ ...INPUT, horizontal: "center" }), chosen ? (chosen.ticks[i] ? TICK.on : TICK.off) : TICK.off);
      this.b.merge(span(row, mark + 1, LAST), o.zh, body());
      this.b.height(row, 28);
    });
    this.b.validate({
      kind: "list",
      range: { top: first, left: mark, bottom: first + options.length - 1, right: mark },
      options: [TICK.on, TICK.off],
      prompt: { zh: "选 ☑ 表示选中，☐ 表示未选；可多选", en: "☑ chosen, ☐ not chosen; several may be chosen" },
      error: { zh: "请选择 ☑ 或 ☐", en: "Choose ☑ or ☐" },
    });
    if (f.other) {
      const row = first + options.length;
      this.b.value(row, mark, `${OTHER}：`, body({ horizontal: "right" }));
      this.b.merge(span(row, mark + 1, LAST), undefined, INPUT);
      this.b.input(row, mark + 1, `${f.key}/${OTHER}`, INPUT, chosen?.other ?? null);
      this.b.height(row, 28);
    }
    // A tall label over few rows: the rows share its height.
    const need = fitHeight(this.labelOf(f, this.at), WIDTHS[this.at - 1], BODY_PT);
    if (need > rows * 28) for (let r = first; r < first + rows; r++) this.b.height(r, Math.ceil(need / rows));
    this.row += rows;
  }

  /** The form's hint line, a tall merged answer cell, its signature line; the count in the working column. */
  private longtext(f: FormField): void {
    const first = this.row;
    const hinted = f.hint !== undefined;
    const answerRow = hinted ? first + 1 : first;
    const signed = f.signature !== undefined;
    const left = this.at + 1;
    this.label(f, first, this.at, 1 + (hinted ? 1 : 0) + (signed ? 1 : 0));
    const answer = ref(answerRow, left);
    if (hinted) {
      const hint = f.hint?.zh ?? "";
      this.b.merge(span(first, left, LAST), hint, HINT);
      this.b.height(first, Math.max(24, fitHeight(hint, width(left, LAST), 12)));
    }
    const value = this.plain(f);
    this.b.merge(span(answerRow, left, LAST), undefined, { ...INPUT, vertical: "top" });
    this.b.input(answerRow, left, f.key, { ...INPUT, vertical: "top" }, value);
    if (f.maxLength) {
      this.b.formula(answerRow, WORK, `"已填 "&LEN(${answer})&" 字 / 限 ${f.maxLength} 字"`, WORKING);
      this.b.validate({
        kind: "textLength",
        range: span(answerRow, left, left),
        min: 0,
        max: f.maxLength,
        prompt: { zh: `限 ${f.maxLength} 字`, en: `At most ${f.maxLength} characters` },
        error: { zh: `超过 ${f.maxLength} 字，请删减`, en: `More than ${f.maxLength} characters: shorten it` },
      });
      this.b.highlight({ range: span(answerRow, WORK, WORK), formula: `LEN(${answer})>${f.maxLength}`, style: MARKS.bad });
    }
    // Blank, the box has room for the answer the form allows, to be written by hand; filled, it
    // fits the answer and a line more, so a printed form has no half-empty pages of boxes.
    const room = f.maxLength ? "字".repeat(f.maxLength) : "字".repeat(150);
    const text = value === null ? room : `${String(value)}\n`;
    this.b.height(answerRow, Math.min(MAX_HEIGHT, Math.max(72, fitHeight(text, width(left, LAST), BODY_PT))));
    this.row = answerRow + 1;
    if (f.signature) {
      // Signed by hand: room for several names after the line's label.
      this.b.merge(span(this.row, left, LAST), f.signature.zh, body({ vertical: "top" })).height(this.row, 64);
      this.row++;
    }
  }

  /**
   * A small table: a header row of the grid's columns, then a row per grid row. A grid whose rows
   * are only numbered (企业参与验收人员) prints its label down the left instead of the numbers.
   */
  private grid(f: FormField): void {
    const shape = f.grid ?? { rows: [], columns: [] };
    const v = this.values.get(f.key);
    const cells = Array.isArray(v) ? (v as CellValue[][]) : [];
    const numbered = shape.rows.every((r) => /^\d+$/.test(r.zh));
    const groups = spread(shape.columns.length, this.at + 1, LAST);
    const header = this.row;
    if (numbered) this.b.merge({ top: header, left: this.at, bottom: header + shape.rows.length, right: this.at }, labelText(f.label.zh, WIDTHS[this.at - 1]), LABEL);
    else this.b.value(header, this.at, f.unit ? `单位：${f.unit.zh}` : "", LABEL);
    shape.columns.forEach((c, i) => this.b.merge(span(header, groups[i][0], groups[i][1]), c.zh, LABEL));
    this.b.height(header, Math.max(36, ...shape.columns.map((c, i) => fitHeight(c.zh, width(groups[i][0], groups[i][1]), BODY_PT))));
    shape.rows.forEach((r, ri) => {
      const row = header + 1 + ri;
      if (!numbered) this.b.value(row, this.at, r.zh, LABEL);
      shape.columns.forEach((_, ci) => {
        const area = span(row, groups[ci][0], groups[ci][1]);
        const style = { ...INPUT, ...(f.unit ? { numberFormat: "#,##0.00", horizontal: "right" as const } : {}) };
        this.b.merge(area, undefined, style);
        this.b.input(row, area.left, `${f.key}/${ri}/${ci}`, style, cells[ri]?.[ci] ?? null);
        if (f.unit) {
          this.b.validate({
            kind: "decimal",
            range: span(row, area.left, area.left),
            min: -1e15,
            max: 1e15,
            prompt: { zh: `填写数值（${f.unit.zh}）`, en: `A number (${f.unit.en})` },
            error: { zh: `应为数值（${f.unit.zh}）`, en: `Expected a number (${f.unit.en})` },
          });
        }
      });
      this.b.height(row, 30);
    });
    if (numbered) {
      // The label's lines need room over the grid's rows.
      const need = fitHeight(labelText(f.label.zh, WIDTHS[this.at - 1]), WIDTHS[this.at - 1], BODY_PT);
      const rows = shape.rows.length + 1;
      if (need > 36 + 30 * shape.rows.length) shape.rows.forEach((_, ri) => this.b.height(header + 1 + ri, Math.ceil((need - 36) / (rows - 1))));
    }
    this.row = header + shape.rows.length + 1;
  }

  /** 真实性承诺: the title in the label column, the text, then the signature lines right-aligned. */
  private pledge(): void {
    const p = this.form.pledge;
    if (!p) return;
    const top = this.row;
    this.b.merge({ top, left: 1, bottom: top + 1, right: 1 }, labelText(p.title.zh, WIDTHS[0]), LABEL);
    this.b.merge(span(top, 2, LAST), p.text.zh, body({ vertical: "top" })).height(top, Math.max(48, fitHeight(p.text.zh, width(2, LAST), BODY_PT) + 12));
    // Two ideographic spaces keep each line off the box's right edge.
    const lines = p.signatures.map((s) => `${s.zh}\u3000\u3000`);
    // Each line stands alone with room to sign above it, as on the paper form.
    this.b.merge(span(top + 1, 2, LAST), lines.join("\n\n"), body({ horizontal: "right", vertical: "bottom" })).height(top + 1, (lines.length * 2 - 1) * BODY_PT * 1.4 + 16);
    this.keep.push({ top, bottom: top + 1 });
    this.row = top + 2;
  }

  /** The 备注 under the table, as one paragraph across the form. */
  private notes(): void {
    const n = this.form.notes;
    if (!n) return;
    const text = printedNote(n);
    const row = this.row;
    this.b.merge(span(row, 1, LAST), text, { font: { name: FONTS.body, size: 14 }, vertical: "top", wrap: true }).height(row, fitHeight(text, width(1, LAST), 14) + 8);
    // The 备注 stays on the page of the table's last block, never alone on a last page.
    const last = this.keep.find((k) => k.bottom === row - 1);
    if (last) last.bottom = row;
    else this.keep.push({ top: row - 1, bottom: row });
    this.row = row + 1;
  }
}

/** `n` contiguous column groups covering left..right as evenly as possible: [first, last] each. */
export function spread(n: number, left: number, right: number): [number, number][] {
  const total = right - left + 1;
  const groups: [number, number][] = [];
  let start = left;
  for (let i = 0; i < n; i++) {
    const size = Math.floor(total / n) + (i < total % n ? 1 : 0);
    groups.push([start, start + Math.max(size, 1) - 1]);
    start += Math.max(size, 1);
  }
  return groups;
}

function formatOf(f: FormField): string | undefined {
  switch (f.type) {
    case "number":
      return "#,##0.00";
    case "percent":
      return PERCENT;
    case "date":
      return DATE_FORMAT;
    case "mobile":
    case "phone":
      // Text, so a number typed in keeps its leading 0 (0351-…) and all 11 digits.
      return "@";
    default:
      return undefined;
  }
}

function validationOf(f: FormField, range: Range): Validation | undefined {
  switch (f.type) {
    case "number":
      return { kind: "decimal", range, min: -1e15, max: 1e15, prompt: { zh: `填写数值${f.unit ? `（${f.unit.zh}）` : ""}`, en: "A number" }, error: { zh: "应为数值", en: "Expected a number" } };
    case "percent":
      return rateValidation(range);
    case "date":
      return { kind: "decimal", range, min: 1, max: 2958465, prompt: { zh: "填写日期，如 2024-03-15", en: "A date such as 2024-03-15" }, error: { zh: "应为日期，如 2024-03-15", en: "Expected a date such as 2024-03-15" } };
    case "mobile":
      return mobileValidation(range);
    case "phone":
      return { kind: "textLength", range, min: 1, max: 40, prompt: { zh: "如 0351-3046990", en: "Such as 0351-3046990" }, error: { zh: "号码过长", en: "Too long" } };
    case "email":
      return { kind: "textLength", range, min: 6, max: 254, prompt: { zh: "填写一个邮箱地址，如 zhangwei@163.com", en: "One e-mail address such as zhangwei@163.com" }, error: { zh: "邮箱地址长度不对", en: "The e-mail address has the wrong length" } };
    case "period":
      return { kind: "textLength", range, min: 1, max: 100, prompt: { zh: "如 2023年1月—2024年12月", en: "Such as 2023-01 to 2024-12" }, error: { zh: "内容过长", en: "Too long" } };
    default:
      return undefined;
  }
}
