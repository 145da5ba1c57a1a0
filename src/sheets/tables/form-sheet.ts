/**
 * Forms (申报书 / 申报表 / 验收表) as printable A4 portrait sheets in the official field order
 * (ruling F1: title 黑体 二号, body 仿宋 三号, level-1 headings 黑体, level-2 headings 楷体).
 *
 * A six-column grid: label | input over two columns | label | input over two columns, so two
 * short fields share a row as on the printed forms, and a long one (名称, 地址, 单位) takes the
 * row. Choices are a dropdown beside the printed ☑/☐ line a formula draws from it; multiple
 * choices are one ☑/☐ dropdown per option; long texts are tall merged cells with their 限 N 字
 * as a text-length validation and a live count; grids are small tables.
 */
import type { Form, FormField } from "../../../templates/schema";
import { ok, type Result } from "../../core/problems";
import { PlanBuilder } from "../builder";
import { ref, str } from "../formula";
import type { CellValue, Range, SheetPlan, Style, Validation } from "../plan";
import type { SheetTemplate } from "../registry";
import { FONTS, MARKS, PERCENT, STYLES } from "../styles";
import { fitHeight, marker } from "./common";
import { emailOk, mobileOk } from "./contact-formulas";
import { OTHER, readFormData, TICK, type FieldValue } from "./form-data";
import { mobileValidation, rateValidation } from "../validations";

const WIDTHS = [18, 13, 13, 18, 13, 13];
const LAST = WIDTHS.length;
const BODY_PT = 16;
/** Excel's tallest row; a 400-character answer at 三号 fills about that. */
const MAX_HEIGHT = 409;
const DATE_FORMAT = 'yyyy"年"m"月"d"日"';

const body = (over: Partial<Style> = {}): Style => ({ font: { name: FONTS.body, size: BODY_PT }, border: "thin", vertical: "middle", wrap: true, ...over });
const LABEL = body({ horizontal: "center" });
const INPUT = body({ ...STYLES.input, font: { name: FONTS.body, size: BODY_PT }, horizontal: "left" });
const HINT = body({ font: { name: FONTS.body, size: 12, italic: true }, vertical: "top" });

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
    sample: () => config.sample,
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
  if (["number", "percent", "date", "mobile", "phone", "email"].includes(f.type)) return true;
  return f.type === "text" && !/名称|地址|单位/.test(f.label.zh);
}

class FormDrawing {
  private readonly b: PlanBuilder;
  private row = 1;

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
    b.merge(span(this.row, 1, LAST), this.form.title.zh, STYLES.title).height(this.row, fitHeight(this.form.title.zh, width(1, LAST), 22));
    this.row += 2;
    for (const section of this.form.sections) {
      const fields = section.fields;
      // A section that is one field of the same name (验收时间, 综合意见) prints as that field alone.
      if (fields.length > 1 || fields[0].label.zh !== section.title.zh) {
        // Level-1 headings (一、…) in 黑体, level-2 headings (（一）…) in 楷体 (F1).
        const font = section.title.zh.startsWith("（") ? FONTS.subheading : FONTS.heading;
        b.merge(span(this.row, 1, LAST), section.title.zh, { font: { name: font, size: BODY_PT, bold: font === FONTS.heading }, vertical: "middle" }).height(this.row, 28);
        this.row++;
      }
      for (let i = 0; i < fields.length; i++) {
        if (isShort(fields[i]) && fields[i + 1] && isShort(fields[i + 1])) {
          this.short(fields[i], 1);
          this.short(fields[i + 1], 4);
          this.rowHeight([fields[i], fields[i + 1]]);
          this.row++;
          i++;
        } else {
          this.field(fields[i]);
        }
      }
    }
    return b.build();
  }

  private field(f: FormField): void {
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
        this.label(f, this.row, 1);
        this.answer(f, span(this.row, 2, LAST));
        this.rowHeight([f]);
        this.row++;
    }
  }

  private label(f: FormField, row: number, col: number, rows = 1): void {
    const text = f.unit ? `${f.label.zh}（${f.unit.zh}）` : f.type === "percent" ? `${f.label.zh}（%）` : f.label.zh;
    this.b.merge({ top: row, left: col, bottom: row + rows - 1, right: col }, text, LABEL);
  }

  private short(f: FormField, col: number): void {
    this.label(f, this.row, col);
    this.answer(f, span(this.row, col + 1, col + 2));
  }

  private rowHeight(fields: FormField[]): void {
    const texts = fields.flatMap((f) => [f.label.zh, String(this.plain(f) ?? "")]);
    this.b.height(this.row, Math.max(36, ...texts.map((t) => fitHeight(t, WIDTHS[0], BODY_PT))));
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
    if (f.type === "mobile" || f.type === "email") {
      const valid = f.type === "mobile" ? mobileOk(cell) : emailOk(cell);
      b.highlight({ range: span(area.top, area.left, area.left), formula: `AND(TRIM(${cell})<>"",NOT(${valid}))`, style: MARKS.bad });
    }
  }

  /** A dropdown (B:C) and the printed ☑/☐ line of every option (D:F), drawn from it. */
  private choice(f: FormField): void {
    const options = f.type === "yesno" ? ["是", "否"] : (f.options ?? []).map((o) => o.zh);
    const row = this.row;
    this.label(f, row, 1);
    this.b.merge(span(row, 2, 3), undefined, INPUT);
    this.b.input(row, 2, f.key, INPUT, this.plain(f));
    this.b.validate({
      kind: "list",
      range: span(row, 2, 2),
      options,
      prompt: { zh: "请从下拉列表选择；右侧打印为 ☑/☐", en: "Choose from the list; it prints as ☑/☐ on the right" },
      error: { zh: `应为以下之一：${options.join(" / ")}`, en: `Choose one of: ${options.join(" / ")}` },
    });
    const cell = ref(row, 2);
    const line = options.map((o) => `IF(${cell}=${str(o)},${str(`${TICK.on}${o}`)},${str(`${TICK.off}${o}`)})`).join(`&"\u3000"&`);
    this.b.merge(span(row, 4, LAST), undefined, body());
    this.b.formula(row, 4, line, body());
    this.b.height(row, Math.max(36, fitHeight(options.join("\u3000\u3000"), width(4, LAST), BODY_PT)));
    this.row++;
  }

  /** One ☑/☐ dropdown per option, the option's name beside it, and a 其他 blank when the form has one. */
  private multichoice(f: FormField): void {
    const options = f.options ?? [];
    const v = this.values.get(f.key);
    const chosen = v && typeof v === "object" && "ticks" in v ? v : undefined;
    const rows = options.length + (f.other ? 1 : 0);
    const first = this.row;
    this.label(f, first, 1, rows);
    options.forEach((o, i) => {
      const row = first + i;
      this.b.input(row, 2, `${f.key}/${o.zh}`, body({ ...INPUT, horizontal: "center" }), chosen ? (chosen.ticks[i] ? TICK.on : TICK.off) : TICK.off);
      this.b.merge(span(row, 3, LAST), o.zh, body());
      this.b.height(row, 28);
    });
    this.b.validate({
      kind: "list",
      range: { top: first, left: 2, bottom: first + options.length - 1, right: 2 },
      options: [TICK.on, TICK.off],
      prompt: { zh: "选 ☑ 表示选中，☐ 表示未选；可多选", en: "☑ chosen, ☐ not chosen; several may be chosen" },
      error: { zh: "请选择 ☑ 或 ☐", en: "Choose ☑ or ☐" },
    });
    if (f.other) {
      const row = first + options.length;
      this.b.value(row, 2, `${OTHER}：`, body({ horizontal: "right" }));
      this.b.merge(span(row, 3, LAST), undefined, INPUT);
      this.b.input(row, 3, `${f.key}/${OTHER}`, INPUT, chosen?.other ?? null);
      this.b.height(row, 28);
    }
    this.row += rows;
  }

  /** A hint line with a live character count, then a tall merged answer cell. */
  private longtext(f: FormField): void {
    const first = this.row;
    const hinted = f.hint !== undefined || f.maxLength !== undefined;
    const answerRow = hinted ? first + 1 : first;
    this.label(f, first, 1, hinted ? 2 : 1);
    const answer = ref(answerRow, 2);
    if (hinted) {
      const hint = f.hint?.zh ?? "";
      this.b.merge(span(first, 2, f.maxLength ? LAST - 1 : LAST), hint, HINT);
      if (f.maxLength) this.b.formula(first, LAST, `"已填 "&LEN(${answer})&" 字 / 限 ${f.maxLength} 字"`, HINT);
      this.b.height(first, Math.max(24, fitHeight(hint, width(2, LAST - 1), 12)));
    }
    const value = this.plain(f);
    this.b.merge(span(answerRow, 2, LAST), undefined, { ...INPUT, vertical: "top" });
    this.b.input(answerRow, 2, f.key, { ...INPUT, vertical: "top" }, value);
    if (f.maxLength) {
      this.b.validate({
        kind: "textLength",
        range: span(answerRow, 2, 2),
        min: 0,
        max: f.maxLength,
        prompt: { zh: `限 ${f.maxLength} 字`, en: `At most ${f.maxLength} characters` },
        error: { zh: `超过 ${f.maxLength} 字，请删减`, en: `More than ${f.maxLength} characters: shorten it` },
      });
      const over = `LEN(${answer})>${f.maxLength}`;
      this.b.highlight({ range: span(first, LAST, LAST), formula: over, style: MARKS.bad });
    }
    const room = f.maxLength ? "字".repeat(f.maxLength) : "字".repeat(150);
    const height = Math.max(fitHeight(room, width(2, LAST), BODY_PT), fitHeight(String(value ?? ""), width(2, LAST), BODY_PT));
    this.b.height(answerRow, Math.min(MAX_HEIGHT, height));
    this.row = answerRow + 1;
  }

  /** A small table: a header row of the grid's columns, then a row per grid row. */
  private grid(f: FormField): void {
    const shape = f.grid ?? { rows: [], columns: [] };
    const v = this.values.get(f.key);
    const cells = Array.isArray(v) ? (v as CellValue[][]) : [];
    const groups = spread(shape.columns.length, 2, LAST);
    const header = this.row;
    this.b.value(header, 1, f.unit ? `单位：${f.unit.zh}` : "", LABEL);
    shape.columns.forEach((c, i) => this.b.merge(span(header, groups[i][0], groups[i][1]), c.zh, LABEL));
    this.b.height(header, Math.max(36, ...shape.columns.map((c, i) => fitHeight(c.zh, width(groups[i][0], groups[i][1]), BODY_PT))));
    shape.rows.forEach((r, ri) => {
      const row = header + 1 + ri;
      this.b.value(row, 1, r.zh, LABEL);
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
    this.row = header + shape.rows.length + 1;
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
