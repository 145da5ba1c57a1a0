/**
 * The data of a form: an object keyed by field key, each value in the field's own form —
 *
 * - text, longtext, period, phone: text (a number is written as its digits); longtext within
 *   its 限 N 字;
 * - number: a number or numeric text ("1,200"); percent: 62% or 0.62 (ruling G2);
 * - date: "2024-03-15", "2024/3/15" or "2024年3月15日" (written as a date);
 * - mobile, email: checked as ruling S3 and src/core/validators.ts say;
 * - yesno: a tick answer (是/否, TRUE/FALSE, √ …); choice: one option, zh or en;
 * - multichoice: the chosen options as an array (zh or en; anything else is the 其他 text when
 *   the form offers 其他), or an object {option: tick, "其他": text} as extract reads it back;
 * - grid: an array of rows, each an array of cells in the grid's column order.
 */
import type { Form, FormField } from "../../../templates/schema";
import { isBlank, isProblem, readNumber, readRate, readTick, show } from "../../core/answers";
import type { Result } from "../../core/problems";
import { checkEmail, checkMobile, checkOrgCode } from "../../core/validators";
import type { CellValue } from "../plan";
import { Collector, expectObject, isRecord, kindOf } from "./common";

/** A field's cells: one value, per-option ticks (multichoice), or rows of cells (grid). */
export type FieldValue = CellValue | { ticks: boolean[]; other: string | null } | CellValue[][];

export const TICK = { on: "☑", off: "☐" } as const;
export const OTHER = "其他";

function fieldsOf(form: Form): FormField[] {
  return form.sections.flatMap((s) => s.fields);
}

export function readFormData(form: Form, data: unknown): Result<Map<string, FieldValue>> {
  const out = new Collector();
  const values = new Map<string, FieldValue>();
  const doc = expectObject(out, "data", data, `{"字段键": 值, …}`, `{"field key": value, …}`);
  if (!doc) return out.result(() => values);
  const fields = fieldsOf(form);
  for (const key of Object.keys(doc)) {
    if (!fields.some((f) => f.key === key)) out.add(key, `不是本表的字段；可用字段：${fields.map((f) => f.key).join("、")}`, `not a field of this form; the fields are ${fields.map((f) => f.key).join(", ")}`);
  }
  for (const f of fields) {
    if (isBlank(doc[f.key])) continue;
    const v = readField(out, f, doc[f.key]);
    if (v !== undefined) values.set(f.key, v);
  }
  return out.result(() => values);
}

function readField(out: Collector, f: FormField, raw: unknown): FieldValue | undefined {
  switch (f.type) {
    case "text":
    case "period":
    case "phone": {
      const s = text(out, f.key, raw);
      if (f.check !== "credit-code" || s === undefined) return s;
      // Ruling S3: 18 characters are a 统一社会信用代码 (申报书 组织机构代码, issue 12).
      const check = checkOrgCode(s);
      if (check.valid || !check.reason) return s;
      out.add(f.key, check.reason.zh, check.reason.en);
      return undefined;
    }
    case "longtext": {
      const s = text(out, f.key, raw);
      const length = typeof s === "string" ? Array.from(s).length : 0;
      if (f.maxLength !== undefined && length > f.maxLength) {
        out.add(f.key, `限 ${f.maxLength} 字，收到 ${length} 字`, `at most ${f.maxLength} characters, got ${length}`);
        return undefined;
      }
      return s;
    }
    case "number":
      return number(out, f.key, raw);
    case "percent": {
      const r = readRate(f.key, raw);
      if (!isProblem(r)) return typeof r === "number" ? r : undefined;
      out.problems.push(r);
      return undefined;
    }
    case "date":
      return date(out, f.key, raw);
    case "mobile":
    case "email": {
      const s = typeof raw === "number" && f.type === "mobile" && Number.isSafeInteger(raw) ? String(raw) : text(out, f.key, raw);
      if (s === undefined) return undefined;
      const check = f.type === "mobile" ? checkMobile(s) : checkEmail(s);
      if (check.valid || !check.reason) return s;
      out.add(f.key, check.reason.zh, check.reason.en);
      return undefined;
    }
    case "yesno": {
      const t = readTick(f.key, raw);
      if (!isProblem(t)) return t === true ? "是" : "否";
      out.problems.push(t);
      return undefined;
    }
    case "choice": {
      const i = optionIndex(f, raw);
      if (i >= 0) return (f.options ?? [])[i].zh;
      out.add(f.key, `应为以下之一：${optionList(f)}，收到“${show(raw)}”`, `expected one of ${(f.options ?? []).map((o) => o.en).join(" / ")}, got "${show(raw)}"`);
      return undefined;
    }
    case "multichoice":
      return multichoice(out, f, raw);
    case "grid":
      return grid(out, f, raw);
  }
}

function text(out: Collector, code: string, raw: unknown): string | undefined {
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  out.add(code, `应为文字，收到 ${kindOf(raw)}：${show(raw)}`, `expected text, got ${kindOf(raw)}: ${show(raw)}`);
  return undefined;
}

function number(out: Collector, code: string, raw: unknown): number | undefined {
  const n = readNumber(raw);
  if (!Number.isNaN(n)) return n;
  out.add(code, `应为数值，收到“${show(raw)}”`, `expected a number, got "${show(raw)}"`);
  return undefined;
}

/** Excel's day count: 1 is 1900-01-01, counted from 1899-12-30 because of Excel's 1900 leap-year bug. */
function serial(y: number, m: number, d: number): number {
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function date(out: Collector, code: string, raw: unknown): number | undefined {
  const m = typeof raw === "string" ? /^\s*(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?\s*$/.exec(raw) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && y >= 1900) return serial(y, mo, d);
  }
  out.add(code, `应为日期，如 2024-03-15 或 2024年3月15日，收到“${show(raw)}”`, `expected a date such as 2024-03-15, got "${show(raw)}"`);
  return undefined;
}

function optionIndex(f: FormField, raw: unknown): number {
  if (typeof raw !== "string") return -1;
  const s = raw.trim();
  return (f.options ?? []).findIndex((o) => o.zh === s || o.en.toLowerCase() === s.toLowerCase());
}

function optionList(f: FormField): string {
  return (f.options ?? []).map((o) => o.zh).join(" / ");
}

function multichoice(out: Collector, f: FormField, raw: unknown): FieldValue | undefined {
  const options = f.options ?? [];
  const ticks = options.map(() => false);
  let other: string | null = null;
  const unknown = (what: unknown) =>
    out.add(f.key, `“${show(what)}”不是选项之一：${optionList(f)}${f.other ? "" : "（本栏没有“其他”）"}`, `"${show(what)}" is not one of the options ${options.map((o) => o.en).join(" / ")}`);
  if (Array.isArray(raw)) {
    for (const item of raw) {
      const i = optionIndex(f, item);
      if (i >= 0) ticks[i] = true;
      else if (f.other && typeof item === "string" && item.trim() !== "") other = other === null ? item : `${other}、${item}`;
      else unknown(item);
    }
  } else if (isRecord(raw)) {
    for (const [key, value] of Object.entries(raw)) {
      const i = optionIndex(f, key);
      if (i >= 0) {
        const t = readTick(`${f.key}/${key}`, value);
        if (isProblem(t)) out.problems.push(t);
        else ticks[i] = t === true;
      } else if (f.other && key === OTHER) {
        other = isBlank(value) ? null : (text(out, `${f.key}/${OTHER}`, value) ?? null);
      } else {
        unknown(key);
      }
    }
  } else {
    out.add(f.key, `应为所选选项的数组，如 ["${options[0]?.zh}"]，收到 ${kindOf(raw)}`, `expected an array of the chosen options, such as ["${options[0]?.zh}"]; got ${kindOf(raw)}`);
    return undefined;
  }
  return { ticks, other };
}

function grid(out: Collector, f: FormField, raw: unknown): CellValue[][] | undefined {
  const shape = f.grid ?? { rows: [], columns: [] };
  const columns = shape.columns.map((c) => c.zh).join("、");
  if (!Array.isArray(raw) || raw.some((r) => !Array.isArray(r))) {
    out.add(f.key, `应为按行排列的数组，每行依次为：${columns}`, `expected an array of rows, each listing ${shape.columns.map((c) => c.en).join(", ")}`);
    return undefined;
  }
  if (raw.length > shape.rows.length) out.add(f.key, `最多 ${shape.rows.length} 行，收到 ${raw.length} 行`, `at most ${shape.rows.length} rows, got ${raw.length}`);
  return (raw as unknown[][]).map((row, r) => {
    if (row.length > shape.columns.length) out.add(`${f.key}/${r}`, `每行最多 ${shape.columns.length} 格（${columns}），收到 ${row.length} 格`, `a row has at most ${shape.columns.length} cells, got ${row.length}`);
    return row.map((cell, c) => {
      if (isBlank(cell)) return null;
      // Figures of a grid with a unit (万元) are numbers; other grids (names, posts) are text.
      if (f.unit) return number(out, `${f.key}/${r}/${c}`, cell) ?? null;
      return text(out, `${f.key}/${r}/${c}`, cell) ?? null;
    });
  });
}
