/**
 * The data of the KPI tracker (ruling K1):
 *
 *     { "labels": ["2023年", "2024年", …],
 *       "indicators": { "7": { "baseline": 120, "values": [126, 138], "target": "15%" }, … } }
 *
 * Indicators are keyed by their official number. For a change indicator (…提升, 缩短, 降低 …)
 * baseline and values are the underlying measure (研制周期 in days, 生产效率 in pieces an hour);
 * for a level indicator the values are the indicator itself (62% or 0.62 for % levels, ruling G2).
 * values[i] is period i + 1; the current value is the latest period filled in. Every value is
 * read by src/core/kpi.ts's own rules, so the sheet accepts what the engine accepts.
 */
import type { KpiIndicator, KpiSet } from "../../../templates/schema";
import { BLANK, isBlank, readNumber, readRate } from "../../core/answers";
import { kpiChange } from "../../core/kpi";
import { fail, ok, type Problem, type Result } from "../../core/problems";
import type { CellValue } from "../plan";
import { Collector, expectObject, isRecord, kindOf, rejectUnknownKeys } from "./common";

export interface IndicatorData {
  baseline: number | null;
  values: (number | null)[];
  target: number | null;
}

export interface KpiData {
  labels: (string | null)[];
  indicators: Map<number, IndicatorData>;
}

/** The words of the status column; `expected` maps the engine's targetMet onto them. */
export const KPI_STATUS = { met: "达标", unmet: "未达标", blank: "未填", invalid: "输入有误", zeroBaseline: "基期为0" } as const;

function indicatorsOf(set: KpiSet): KpiIndicator[] {
  return set.categories.flatMap((c) => c.indicators);
}

/** A level indicator measured in % is a rate (G2): 0.62, never 62. */
export function isRateLevel(i: KpiIndicator): boolean {
  return i.kind === "level" && /[%％]/.test(i.unit.zh);
}

export function readKpiData(set: KpiSet, periods: number, data: unknown): Result<KpiData> {
  const out = new Collector();
  const empty: KpiData = { labels: [], indicators: new Map() };
  const doc = expectObject(out, "data", data, `{"labels": [...], "indicators": {"7": {"baseline": 120, "values": [130], "target": "15%"}}}`, `{"labels": [...], "indicators": {"7": {...}}}`);
  if (!doc) return out.result(() => empty);
  rejectUnknownKeys(out, "", doc, ["labels", "indicators"]);
  const labels = readLabels(out, periods, doc.labels);
  const indicators = new Map<number, IndicatorData>();
  const given = doc.indicators ?? {};
  if (!isRecord(given)) {
    out.add("indicators", `indicators 应为以指标序号为键的对象，如 {"7": {...}}，收到 ${kindOf(given)}`, `indicators is an object keyed by indicator number, such as {"7": {...}}; got ${kindOf(given)}`);
    return out.result(() => empty);
  }
  const all = indicatorsOf(set);
  for (const [key, raw] of Object.entries(given)) {
    const indicator = all.find((i) => String(i.no) === key);
    if (!indicator) {
      out.add(`indicators/${key}`, `没有序号为 ${key} 的指标：序号为 1–${all.length}`, `there is no indicator number ${key}: the numbers are 1–${all.length}`);
      continue;
    }
    const read = readIndicator(out, `indicators/${key}`, indicator, periods, raw);
    if (read) indicators.set(indicator.no, read);
  }
  return out.result(() => ({ labels, indicators }));
}

function readLabels(out: Collector, periods: number, raw: unknown): (string | null)[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    out.add("labels", `labels 应为各期名称的数组，如 ["2023年", "2024年"]，收到 ${kindOf(raw)}`, `labels is an array of period names such as ["2023", "2024"], got ${kindOf(raw)}`);
    return [];
  }
  tooMany(out, "labels", raw.length, periods);
  return raw.map((l, i) => {
    if (isBlank(l)) return null;
    if (typeof l === "string" || typeof l === "number") return String(l);
    out.add(`labels/${i}`, `期间名称应为文字，收到 ${kindOf(l)}`, `a period name is text, got ${kindOf(l)}`);
    return null;
  });
}

function tooMany(out: Collector, code: string, n: number, periods: number): void {
  if (n > periods) out.add(code, `给出 ${n} 期，表格只有 ${periods} 期：请用 --param periods=${n}`, `${n} periods given but the sheet has ${periods}: use --param periods=${n}`);
}

function readIndicator(out: Collector, path: string, indicator: KpiIndicator, periods: number, raw: unknown): IndicatorData | undefined {
  if (!isRecord(raw)) {
    out.add(path, `应为 {"baseline": …, "values": […], "target": …}，收到 ${kindOf(raw)}`, `expected {"baseline": …, "values": […], "target": …}, got ${kindOf(raw)}`);
    return undefined;
  }
  rejectUnknownKeys(out, path, raw, ["baseline", "values", "target"]);
  const values = raw.values ?? [];
  if (!Array.isArray(values)) {
    out.add(`${path}/values`, `values 应为各期数值的数组，收到 ${kindOf(values)}`, `values is an array with one value per period, got ${kindOf(values)}`);
    return undefined;
  }
  tooMany(out, `${path}/values`, values.length, periods);
  const before = out.problems.length;
  // The engine's own reading: each period value as the current value, the baseline and target once.
  const renamed = (problems: Problem[], code: string, to: string) => problems.filter((p) => p.code === code).map((p) => ({ ...p, code: to }));
  values.forEach((v, i) => {
    const r = kpiChange(indicator, raw.baseline, v, raw.target);
    if (!r.ok) out.problems.push(...renamed(r.problems, "current", `${path}/values/${i}`));
  });
  const whole = kpiChange(indicator, raw.baseline, undefined, raw.target);
  if (!whole.ok) out.problems.push(...renamed(whole.problems, "baseline", `${path}/baseline`), ...renamed(whole.problems, "target", `${path}/target`));
  if (indicator.kind === "level") {
    // A level indicator's engine value ignores the baseline; the sheet still holds it as a level.
    const base = kpiChange(indicator, undefined, raw.baseline);
    if (!base.ok) out.problems.push(...renamed(base.problems, "current", `${path}/baseline`));
  }
  if (out.problems.length > before) return undefined;
  const rate = isRateLevel(indicator);
  return { baseline: measure(raw.baseline, rate), values: values.map((v) => measure(v, rate)), target: measure(raw.target, rate) };
}

/** An accepted value as the number the cell holds. */
function measure(raw: unknown, rate: boolean): number | null {
  if (isBlank(raw)) return null;
  const n = rate ? readRate("value", raw) : readNumber(raw);
  return n === BLANK || typeof n !== "number" ? null : n;
}

/** The latest period filled in: the current value (K1 tracker). */
function latest(values: (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== null) return values[i];
  return null;
}

/** What the value and status cells must show, from src/core/kpi.ts: "" for no value, 未填 for no verdict. */
export function expectedKpis(set: KpiSet, data: KpiData): Result<Record<string, CellValue>> {
  const out: Record<string, CellValue> = {};
  for (const indicator of indicatorsOf(set)) {
    const d = data.indicators.get(indicator.no);
    const r = kpiChange(indicator, d?.baseline ?? undefined, d ? (latest(d.values) ?? undefined) : undefined, d?.target ?? undefined);
    if (!r.ok) return fail(r.problems.map((p) => ({ ...p, code: `indicators/${indicator.no}/${p.code}` })));
    out[`kpi:${indicator.no}:value`] = r.value.value ?? "";
    out[`kpi:${indicator.no}:met`] = r.value.targetMet === null ? KPI_STATUS.blank : r.value.targetMet ? KPI_STATUS.met : KPI_STATUS.unmet;
  }
  return ok(out);
}
