/**
 * What every table sheet (tier self-checks, summary tables, the KPI tracker, forms) shares:
 * the marker, data-shape checks and layout arithmetic.
 */
import { isBuiltIn } from "../../../templates/index";
import type { Source, Template } from "../../../templates/schema";
import { fail, ok, problem, type Problem, type Result } from "../../core/problems";
import type { SheetMarker } from "../plan";
import type { Params } from "../sheet-template";

export function marker(template: Template, params: Params): SheetMarker {
  return { template: template.id, version: template.version, params, ...loadedFrom(template) };
}

/** A sheet of a loaded template records which template and version it came from (SheetMarker.from); a built-in one need not. */
export function loadedFrom(template: Pick<Template, "id" | "version">): Pick<SheetMarker, "from"> {
  return isBuiltIn(template.id) ? {} : { from: { id: template.id, version: template.version } };
}

/** Collects every Problem while a renderer reads its data, so a user fixes a whole file in one pass. */
export class Collector {
  readonly problems: Problem[] = [];

  add(code: string, zh: string, en: string): void {
    this.problems.push(problem(code, zh, en));
  }

  result<T>(make: () => T): Result<T> {
    return this.problems.length ? fail(this.problems) : ok(make());
  }
}

/** A plain JSON object (not an array, not null). */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Data must be absent or an object; a Problem at `code` otherwise. */
export function expectObject(out: Collector, code: string, data: unknown, shape: string, shapeEn: string): Record<string, unknown> | undefined {
  if (data === undefined || data === null) return {};
  if (isRecord(data)) return data;
  out.add(code, `数据应为对象：${shape}，收到 ${kindOf(data)}`, `the data is an object: ${shapeEn}; got ${kindOf(data)}`);
  return undefined;
}

/** Reports every key of `obj` outside `allowed`, naming the allowed ones. */
export function rejectUnknownKeys(out: Collector, path: string, obj: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      const code = path ? `${path}/${key}` : key;
      out.add(code, `不是本表的字段；可用字段：${allowed.join("、")}`, `not a field of this sheet; the fields are ${allowed.join(", ")}`);
    }
  }
}

export function kindOf(x: unknown): string {
  if (Array.isArray(x)) return "数组 / array";
  if (x === null) return "null";
  return typeof x;
}

/** 附件2 二(一) 注[3] — where a rule comes from, as a clerk cites it. */
export function cite(source: Source): string {
  return [source.annex, source.item].filter(Boolean).join(" ");
}

/** 依据：文号（发文单位，年份） — the line under every title. */
export function basisLine(template: Template): string {
  const d = template.document;
  return `依据：${d.reference}（${d.issuer.zh}，${d.year}年）`;
}

/**
 * A row height (points) that shows `text` wrapped in a cell `width` characters wide. A CJK
 * character is about two width units at 11 pt and scales with the font; spreadsheets do not
 * grow rows for wrapped formula results, so the renderers size rows themselves. Excel caps a
 * row at 409 pt.
 */
export function fitHeight(text: string, width: number, fontPt: number, minLines = 1): number {
  const perLine = Math.max(1, (width * 11) / fontPt);
  let lines = 0;
  for (const part of text.split("\n")) {
    let units = 0;
    for (const ch of part) units += ch.charCodeAt(0) > 0xff ? 2 : 1;
    lines += Math.max(1, Math.ceil(units / perLine));
  }
  return Math.min(409, Math.round(Math.max(lines, minLines) * fontPt * 1.4 + 6));
}
