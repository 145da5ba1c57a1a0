import { isBlank, readNumber, round } from "./answers";
import { fail, ok, problem, type Problem, type Result } from "./problems";

/**
 * Expert-panel aggregation: several experts score one enterprise on a 100-point rubric and the
 * panel's score is their mean, median or trimmed mean (one highest and one lowest dropped).
 *
 * aggregatePanel always gives mean and median once one expert has scored; trimmedMean is null
 * below 3 experts rather than a failure, so a 2-expert panel still gets its summary. Only
 * aggregateScores(…, "trimmed") turns the missing trimmed mean into a Problem.
 */
export type PanelMethod = "trimmed" | "mean" | "median";

export interface PanelOptions {
  /** An expert deviates when |total − median| is strictly greater than this. Default 10. */
  margin?: number;
  /** Expert names, in the order of the totals, echoed in deviating entries. */
  names?: string[];
}

export interface Deviation {
  /** Index into the totals given, blanks included. */
  index: number;
  name?: string;
  total: number;
  /** total − median: positive above the panel, negative below. */
  deviation: number;
}

export interface PanelSummary {
  /** Experts who scored; blank entries (an absent expert) are not counted. */
  count: number;
  mean: number;
  median: number;
  trimmedMean: number | null;
  deviating: Deviation[];
}

const METHODS: readonly PanelMethod[] = ["trimmed", "mean", "median"];
const DEFAULT_MARGIN = 10;
const MAX_TOTAL = 100;
/**
 * Totals are given to one or two decimals; rounding derived figures to 6 removes float noise
 * (80.3 − 70.3 = 10.000000000000014) that would otherwise flag a deviation of exactly the margin.
 */
const DECIMALS = 6;

/**
 * Summarises a panel's totals. Problem codes: scores[i] for the total at index i (0-based, as
 * in `totals`; the message counts from 1 as people do), scores when nobody scored, margin.
 */
export function aggregatePanel(totals: unknown[], options: PanelOptions = {}): Result<PanelSummary> {
  if (!Array.isArray(totals)) {
    return fail([problem("scores", "专家分数应为一组数值（如一列单元格）", "expert scores are a list of numbers, such as a column of cells")]);
  }
  const margin = options.margin ?? DEFAULT_MARGIN;
  const problems: Problem[] = [];
  if (typeof margin !== "number" || !Number.isFinite(margin) || margin < 0) {
    problems.push(problem("margin", `偏离阈值应为不小于 0 的数值，收到 ${String(margin)}`, `the deviation margin is a number of 0 or more, got ${String(margin)}`));
  }
  const scored: Array<{ index: number; total: number }> = [];
  totals.forEach((raw, index) => {
    if (isBlank(raw)) return;
    const total = readTotal(raw, index);
    if (typeof total === "number") scored.push({ index, total });
    else problems.push(total);
  });
  if (problems.length > 0) return fail(problems);
  if (scored.length === 0) {
    return fail([problem("scores", "没有专家分数：至少需要 1 位专家的分数", "no expert scores were given: at least 1 is needed")]);
  }

  const sorted = scored.map((s) => s.total).sort((a, b) => a - b);
  const median = round(medianOf(sorted), DECIMALS);
  const names = options.names ?? [];
  const deviating: Deviation[] = [];
  for (const { index, total } of scored) {
    const deviation = round(total - median, DECIMALS);
    if (Math.abs(deviation) <= margin) continue;
    const name = names[index];
    deviating.push({ index, ...(typeof name === "string" && name.trim() !== "" ? { name } : {}), total, deviation });
  }
  return ok({
    count: sorted.length,
    mean: round(meanOf(sorted), DECIMALS),
    median,
    trimmedMean: sorted.length >= 3 ? round(meanOf(sorted.slice(1, -1)), DECIMALS) : null,
    deviating,
  });
}

/**
 * One panel score by the given method, for the EXPERT_SCORE custom function. "trimmed" with
 * fewer than 3 experts is a Problem (code scores) pointing to "mean" or "median".
 */
export function aggregateScores(totals: unknown[], method: PanelMethod): Result<number> {
  if (!METHODS.includes(method)) {
    return fail([problem("method", `汇总方式应为 trimmed（去掉最高分和最低分后平均）、mean 或 median，收到“${String(method)}”`, `the method is trimmed, mean or median, got "${String(method)}"`)]);
  }
  const panel = aggregatePanel(totals);
  if (!panel.ok) return fail(panel.problems);
  const { count, mean, median, trimmedMean } = panel.value;
  if (method === "mean") return ok(mean);
  if (method === "median") return ok(median);
  if (trimmedMean === null) {
    return fail([
      problem(
        "scores",
        `去掉一个最高分和一个最低分后取平均，至少需要 3 位专家的分数，收到 ${count} 个；专家不足 3 位时请用 mean 或 median`,
        `a trimmed mean drops the highest and the lowest score, so it needs at least 3 expert scores; got ${count}. With fewer experts use mean or median`,
      ),
    ]);
  }
  return ok(trimmedMean);
}

function readTotal(raw: unknown, index: number): number | Problem {
  const code = `scores[${index}]`;
  const nth = index + 1;
  // readNumber reads "85%" as 0.85: a rubric total written as a percentage would silently drop 100-fold.
  if (typeof raw === "string" && /[%％]/.test(raw)) {
    return problem(code, `第 ${nth} 个分数应为百分制分数（如 85），不是百分比，收到“${raw.trim()}”`, `score ${nth} is points out of 100 (such as 85), not a percentage; got "${raw.trim()}"`);
  }
  const n = readNumber(raw);
  if (Number.isNaN(n)) {
    const shown = typeof raw === "string" ? raw.trim().slice(0, 40) : typeof raw;
    return problem(code, `第 ${nth} 个分数应为 0–100 的数值，收到“${shown}”`, `score ${nth} should be a number from 0 to 100, got "${shown}"`);
  }
  if (n < 0) return problem(code, `第 ${nth} 个分数不能为负数，收到 ${n}`, `score ${nth} cannot be negative, got ${n}`);
  if (n > MAX_TOTAL) return problem(code, `第 ${nth} 个分数超过满分 ${MAX_TOTAL}，收到 ${n}`, `score ${nth} exceeds the maximum of ${MAX_TOTAL} points, got ${n}`);
  return n;
}

function meanOf(sorted: number[]): number {
  return sorted.reduce((a, b) => a + b, 0) / sorted.length;
}

function medianOf(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
