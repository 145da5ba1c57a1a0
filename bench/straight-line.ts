/**
 * The benches' yardstick: 绍兴 表1 and 表2 scored by hand-written straight-line code over the
 * same raw cells the engine gets — what someone would write for these two tables alone, with
 * the points, thresholds and brackets typed in from the rubric data (templates/rubrics/) and no
 * rule data read at run time. It reads the answer forms bench/random.ts and bench/unique-rates.ts
 * produce (booleans, 1/0, tick words, numbers, "62%", level names, null or "" for blank) and
 * validates nothing. Not product code: the engine's speed is reported as a ratio to this,
 * measured in the same run, and its totals must equal the engine's (the benches check).
 */
import { SCORE_SHORTCUTS } from "../templates/shortcuts";

/** A ticked box in the forms answers.ts accepts (TICKED_WORDS), typed exactly. */
function ticked(v: unknown): boolean {
  switch (v) {
    case true:
    case 1:
    case "true":
    case "1":
    case "是":
    case "有":
    case "☑":
    case "√":
    case "✓":
    case "✔":
    case "yes":
    case "y":
      return true;
    default:
      return false;
  }
}

/** A rate or an improvement: a number, or "62%" / "0.62" text; NaN when blank. */
function rate(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v !== "string" || v === "") return NaN;
  return v.charCodeAt(v.length - 1) === 37 ? Number(v.slice(0, -1)) / 100 : Number(v);
}

/** 亩均产值: 领先水平 5, 平均水平 3, 低于平均水平 (or blank) 0. */
function outputPerMu(v: unknown): number {
  return v === "领先水平" ? 5 : v === "平均水平" ? 3 : 0;
}

/** Three brackets: below `from`, [from, to), at or above `to` (ruling G1); blank (NaN) 0. */
function brackets3(a: number, from: number, to: number, mid: number, top: number, low = 0): number {
  return a !== a ? 0 : a < from ? low : a < to ? mid : top;
}

/** round(x, 4) of answers.ts, written out. */
function round4(x: number): number {
  return Math.round((x + Number.EPSILON * Math.sign(x)) * 1e4) / 1e4;
}

/** 表1 离散型: 27 cells in input-code order (1.1, 2.1.1 … 6.6). */
export function discreteTotal(c: readonly unknown[]): number {
  const s1 = round4(ticked(c[0]) ? 10 : 0);
  const s2 = round4((ticked(c[1]) ? 6 : 0) + (ticked(c[2]) ? 2 : 0) + (ticked(c[3]) ? 2 : 0));
  const cnc = rate(c[4]);
  const n =
    (ticked(c[5]) ? 1 : 0) + (ticked(c[6]) ? 1 : 0) + (ticked(c[7]) ? 1 : 0) + (ticked(c[8]) ? 1 : 0) + (ticked(c[9]) ? 1 : 0) + (ticked(c[10]) ? 1 : 0) + (ticked(c[11]) ? 1 : 0);
  const s3 = round4(
    (cnc !== cnc ? 0 : cnc < 0.4 ? 5 : cnc < 0.5 ? 6 : cnc < 0.6 ? 8 : 10) +
      (n >= 3 ? 10 : n === 2 ? 6.7 : n === 1 ? 3.3 : 0) +
      (ticked(c[12]) ? 4 : 0) +
      (ticked(c[13]) ? 2 : 0) +
      (ticked(c[14]) ? 2 : 0) +
      (ticked(c[15]) ? 2 : 0),
  );
  const s4 = round4((ticked(c[16]) ? 8 : 0) + (ticked(c[17]) ? 8 : 0) + (ticked(c[18]) ? 4 : 0));
  const s5 = round4((ticked(c[19]) ? 2 : 0) + (ticked(c[20]) ? 2 : 0));
  const s6 = round4(
    outputPerMu(c[21]) +
      (ticked(c[22]) ? 4 : 0) +
      brackets3(rate(c[23]), 0.01, 0.02, 3, 4, 1) +
      brackets3(rate(c[24]), 0.08, 0.15, 3, 5) +
      brackets3(rate(c[25]), 0.05, 0.08, 3, 4) +
      brackets3(rate(c[26]), 0.08, 0.15, 3, 4),
  );
  return round4(s1 + s2 + s3 + s4 + s5 + s6);
}

/** 表2 2.1.x: a tick, or the actual rate, 60% or more (G1). */
function tickOrRate(v: unknown): number {
  return ticked(v) || (typeof v === "number" && v >= 0.6) ? 5 : 0;
}

/** 表2 流程型: 18 cells in input-code order (1.1, 2.1.1 … 5.6). */
export function processTotal(c: readonly unknown[]): number {
  const s1 = round4(ticked(c[0]) ? 10 : 0);
  const s2 = round4(tickOrRate(c[1]) + tickOrRate(c[2]) + tickOrRate(c[3]) + brackets3(rate(c[4]), 0.3, 0.5, 8, 10) + (ticked(c[5]) ? 8 : 0) + (ticked(c[6]) ? 7 : 0));
  const s3 = round4((ticked(c[7]) ? 10 : 0) + (ticked(c[8]) ? 5 : 0) + (ticked(c[9]) ? 5 : 0));
  const s4 = round4((ticked(c[10]) ? 2 : 0) + (ticked(c[11]) ? 2 : 0));
  const s5 = round4(
    outputPerMu(c[12]) +
      (ticked(c[13]) ? 4 : 0) +
      brackets3(rate(c[14]), 0.01, 0.02, 3, 4, 1) +
      brackets3(rate(c[15]), 0.08, 0.15, 3, 5) +
      brackets3(rate(c[16]), 0.05, 0.08, 3, 4) +
      brackets3(rate(c[17]), 0.05, 0.08, 3, 4),
  );
  return round4(s1 + s2 + s3 + s4 + s5);
}

/** The straight-line scorer of a rubric the benches time. */
export const STRAIGHT_LINE: Record<string, (cells: readonly unknown[]) => number> = {
  [SCORE_SHORTCUTS.SCORE_DISCRETE]: discreteTotal,
  [SCORE_SHORTCUTS.SCORE_PROCESS]: processTotal,
};
