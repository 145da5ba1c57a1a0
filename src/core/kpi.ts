import type { KpiIndicator, KpiSet, Text } from "../../templates/schema";
import { BLANK, isBlank, isProblem, readNumber, readRate, readReduction, round } from "./answers";
import { fail, ok, problem, type Problem, type Result } from "./problems";

/**
 * Ruling K1: the key performance indicators of seed 002 附1. A "change" indicator (…提升, 缩短,
 * 降低 …) is the relative change of an underlying measure between a baseline and a current value,
 * directed so that a positive value is always an improvement; a "level" indicator is the current
 * value itself. Blank inputs are not answered (ruling G3): the value is null and the blank input
 * is listed in missing, without a Problem.
 */
export interface Change {
  /** A fraction: 0.12 is 12 % better than the baseline. Null when an input is blank. */
  value: number | null;
  /** "baseline" and/or "current" when blank. */
  missing: string[];
}

export interface KpiValue extends Change {
  kind: "level" | "change";
  /** value ≥ target (达到 includes the target, ruling G1); null without a target or a value. */
  targetMet: boolean | null;
}

type Better = KpiIndicator["better"];

/** Relative changes are rounded so that a change landing exactly on its target meets it. */
const DECIMALS = 9;

/** Problem codes: baseline, current, target. */
export function kpiChange(indicator: KpiIndicator, baseline: unknown, current: unknown, target?: unknown): Result<KpiValue> {
  // Ruling G2 for level indicators measured in % (数控化率, 投用率, 比例 …): 62 is refused, not read as 62%.
  const rate = indicator.kind === "level" && isPercent(indicator.unit);
  const problems: Problem[] = [];
  let change: Change = { value: null, missing: [] };
  if (indicator.kind === "change") {
    const computed = relativeChange(baseline, current, indicator.better);
    if (computed.ok) change = computed.value;
    else problems.push(...computed.problems);
  } else {
    const level = readMeasure("current", current, rate);
    if (isProblem(level)) problems.push(level);
    else change = { value: level, missing: level === null ? ["current"] : [] };
  }
  const goal = readTarget(target, rate, isReduction(indicator));
  if (isProblem(goal)) problems.push(goal);
  if (problems.length > 0) return fail(problems);
  const targetMet = typeof goal === "number" && change.value !== null ? change.value >= goal : null;
  return ok({ ...change, kind: indicator.kind, targetMet });
}

const DIRECTIONS = new Map<string, Better>([
  ["increase", "higher"],
  ["higher", "higher"],
  ["提升", "higher"],
  ["提高", "higher"],
  ["增长", "higher"],
  ["decrease", "lower"],
  ["lower", "lower"],
  ["缩短", "lower"],
  ["下降", "lower"],
  ["降低", "lower"],
]);

/**
 * The relative change of a measure, for a custom function given a direction word instead of an
 * indicator: increase / higher (or 提升, 提高, 增长) when a larger measure is better, decrease /
 * lower (or 缩短, 下降, 降低) when a smaller one is. Problem codes: baseline, current, direction.
 */
export function changeByDirection(baseline: unknown, current: unknown, direction: unknown): Result<Change> {
  const better = typeof direction === "string" ? DIRECTIONS.get(direction.trim().toLowerCase()) : undefined;
  if (better === undefined) {
    const shown = typeof direction === "string" ? direction.trim().slice(0, 40) : typeof direction;
    return fail([
      problem(
        "direction",
        `方向应为 increase / higher / 提升 / 提高 / 增长（越大越好）或 decrease / lower / 缩短 / 下降 / 降低（越小越好），收到“${shown}”`,
        `the direction is increase / higher (a larger measure is better) or decrease / lower (a smaller one is better), got "${shown}"`,
      ),
    ]);
  }
  return relativeChange(baseline, current, better);
}

/**
 * An indicator by its official number (7 or "7") or its exact zh or en name (en ignoring case).
 * Problem code: indicator.
 */
export function findIndicator(set: KpiSet, ref: unknown): Result<KpiIndicator> {
  const all = set.categories.flatMap((c) => c.indicators);
  const example = all[0] ? `如 1 或“${all[0].name.zh}”` : "";
  const exampleEn = all[0] ? `, e.g. 1 or "${all[0].name.en}"` : "";
  const how = `请用序号 1–${all.length} 或指标的完整名称（中文或英文）指定指标，${example}`;
  const howEn = `refer to an indicator by its number 1–${all.length} or its full zh or en name${exampleEn}`;
  if (isBlank(ref)) return fail([problem("indicator", `未指定指标：${how}`, `no indicator given: ${howEn}`)]);
  if (typeof ref !== "number" && typeof ref !== "string") {
    return fail([problem("indicator", `指标应为序号或名称，收到 ${typeof ref} 类型的值：${how}`, `an indicator is a number or a name, got a ${typeof ref} value: ${howEn}`)]);
  }
  const s = String(ref).trim();
  if (/^\d+$/.test(s)) {
    const found = all.find((i) => i.no === Number(s));
    if (found) return ok(found);
    return fail([problem("indicator", `没有序号为 ${s} 的指标：${how}`, `there is no indicator number ${s}: ${howEn}`)]);
  }
  const lower = s.toLowerCase();
  const found = all.find((i) => i.name.zh === s || i.name.en.toLowerCase() === lower);
  if (found) return ok(found);
  const shown = s.slice(0, 40);
  return fail([problem("indicator", `没有名为“${shown}”的指标：${how}`, `there is no indicator named "${shown}": ${howEn}`)]);
}

function relativeChange(baseline: unknown, current: unknown, better: Better): Result<Change> {
  const base = readMeasure("baseline", baseline, false);
  const now = readMeasure("current", current, false);
  const problems = [base, now].filter(isProblem);
  if (base === 0) {
    problems.push(
      problem(
        "baseline",
        "基期值为 0，无法计算相对变化（不能除以 0）：请改用非零的基期值",
        "the baseline is 0: a relative change cannot be computed from 0; use a non-zero baseline",
      ),
    );
  }
  if (problems.length > 0) return fail(problems);
  const missing = [...(base === null ? ["baseline"] : []), ...(now === null ? ["current"] : [])];
  if (typeof base !== "number" || typeof now !== "number") return ok({ value: null, missing });
  const gain = better === "higher" ? now - base : base - now;
  return ok({ value: round(gain / base, DECIMALS), missing });
}

/** A measure value: a non-negative number, a rate when the unit is % (G2), or null when blank. */
function readMeasure(code: "baseline" | "current", raw: unknown, rate: boolean): number | null | Problem {
  if (rate) {
    const r = readRate(code, raw);
    return r === BLANK ? null : r;
  }
  if (isBlank(raw)) return null;
  const n = readNumber(raw);
  const what = code === "baseline" ? ["基期值", "baseline"] : ["当前值", "current value"];
  if (Number.isNaN(n)) {
    const shown = typeof raw === "string" ? raw.trim().slice(0, 40) : typeof raw;
    return problem(code, `${what[0]}应为数值（如 120 或 62%），收到“${shown}”`, `the ${what[1]} should be a number such as 120 or 62%, got "${shown}"`);
  }
  if (n < 0) return problem(code, `${what[0]}不能为负数，收到 ${n}`, `the ${what[1]} cannot be negative, got ${n}`);
  return n;
}

/**
 * Ruling G2 for indicators named …缩短 / 下降 / 降低: a reduction, whose target cannot exceed
 * 100% (nothing falls by more than all of it). The KPI sheet reads its target cell the same way.
 */
export function isReduction(indicator: KpiIndicator): boolean {
  return indicator.kind === "change" && indicator.better === "lower";
}

/** A target in the value's terms: a rate for % levels (G2), a reduction of at most 100%, else any number (an improvement may exceed 1). */
function readTarget(raw: unknown, rate: boolean, reduction: boolean): number | null | Problem {
  if (rate) {
    const r = readRate("target", raw);
    return r === BLANK ? null : r;
  }
  if (reduction) {
    const r = readReduction("target", raw);
    return r === BLANK ? null : r;
  }
  if (isBlank(raw)) return null;
  const n = readNumber(raw);
  if (!Number.isNaN(n)) return n;
  const shown = typeof raw === "string" ? raw.trim().slice(0, 40) : typeof raw;
  return problem("target", `目标值应为数值（如 15% 或 0.15），收到“${shown}”`, `the target should be a number such as 15% or 0.15, got "${shown}"`);
}

function isPercent(unit: Text): boolean {
  return /[%％]/.test(unit.zh) || /[%％]|percent/i.test(unit.en);
}
