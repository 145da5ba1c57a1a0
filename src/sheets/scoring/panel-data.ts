/**
 * Reading an expert panel's data: {"enterprise"?, "date"?, "experts": [{"name"?, "scores":
 * {<item code>: points}}]}. Each Problem names its field as a path into that document
 * ("experts[2].scores.3.1"), which is how extract points at the cell.
 */
import type { Rubric, RubricItem } from "../../../templates/schema";
import { isBlank, readNumber, show } from "../../core/answers";
import { fail, ok, problem, type Problem, type Result } from "../../core/problems";
import { readHeaderText } from "./sheet-data";

/** Most experts a panel sheet takes: a large review panel, still printable on one page wide. */
export const MAX_EXPERTS = 15;

export interface PanelExpert {
  name: string | null;
  /** Item code → score. */
  scores: Map<string, number>;
}

export interface PanelData {
  enterprise?: string;
  date?: string;
  experts: PanelExpert[];
}

/** A score is a number (or numeric text) within 0..the item's max; a blank is "not scored". */
export function readPanel(rubric: Rubric, raw: unknown): Result<PanelData> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return fail([problem("data", "专家组评分的数据应为对象：{\"experts\": [{\"name\": …, \"scores\": {\"1.1\": 10, …}}]}", 'panel data is an object: {"experts": [{"name": …, "scores": {"1.1": 10, …}}]}')]);
  }
  const problems: Problem[] = [];
  const result: PanelData = { experts: [] };
  for (const [key, value] of Object.entries(raw)) {
    if (key === "enterprise" || key === "date") {
      const text = readHeaderText(key, value);
      if (typeof text === "string") result[key] = text;
      else if (text) problems.push(text);
    } else if (key !== "experts") {
      problems.push(problem(key, "不是专家组评分表的数据项；可用：enterprise, date, experts", "not a field of panel data; the fields are enterprise, date, experts"));
    }
  }
  const experts = (raw as Record<string, unknown>).experts;
  if (experts !== undefined && !Array.isArray(experts)) {
    problems.push(problem("experts", "应为数组，每位专家一个元素", "expected an array with one element per expert"));
  } else if (experts !== undefined && experts.length > MAX_EXPERTS) {
    problems.push(problem("experts", `最多 ${MAX_EXPERTS} 位专家，收到 ${experts.length} 位`, `at most ${MAX_EXPERTS} experts, got ${experts.length}`));
  } else if (experts !== undefined) {
    const items = new Map(rubric.sections.flatMap((s) => s.items).map((i) => [i.code, i]));
    experts.forEach((e, i) => {
      const expert = readExpert(e, `experts[${i}]`, items, problems);
      if (expert) result.experts.push(expert);
    });
  }
  return problems.length > 0 ? fail(problems) : ok(result);
}

function readExpert(raw: unknown, at: string, items: Map<string, RubricItem>, problems: Problem[]): PanelExpert | undefined {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.push(problem(at, "应为对象：{\"name\": …, \"scores\": {…}}", 'expected an object: {"name": …, "scores": {…}}'));
    return undefined;
  }
  const expert: PanelExpert = { name: null, scores: new Map() };
  for (const [key, value] of Object.entries(raw)) {
    if (key === "name") {
      const name = readHeaderText(`${at}.name`, value);
      if (typeof name === "string") expert.name = name;
      else if (name) problems.push(name);
    } else if (key === "scores") {
      readScores(value, `${at}.scores`, items, expert.scores, problems);
    } else {
      problems.push(problem(`${at}.${key}`, "不是专家的数据项；可用：name, scores", "not a field of an expert; the fields are name, scores"));
    }
  }
  return expert;
}

function readScores(raw: unknown, at: string, items: Map<string, RubricItem>, scores: Map<string, number>, problems: Problem[]): void {
  if (isBlank(raw)) return;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.push(problem(at, "应为以评分项编号为键的对象，如 {\"3.1\": 8}", 'expected an object keyed by item code, e.g. {"3.1": 8}'));
    return;
  }
  const codes = [...items.keys()].join(", ");
  for (const [code, value] of Object.entries(raw)) {
    const item = items.get(code);
    if (!item) {
      problems.push(problem(`${at}.${code}`, `不是本表的评分项编号；可用：${codes}`, `not an item code of this rubric; the items are ${codes}`));
      continue;
    }
    if (isBlank(value)) continue;
    // "8%" would read as 0.08: an item score is points, never a percentage.
    const n = typeof value === "string" && /[%％]/.test(value) ? NaN : readNumber(value);
    if (!Number.isFinite(n) || n < 0 || n > item.max) {
      problems.push(problem(`${at}.${code}`, `应为 0 到 ${item.max} 分之间的分数，收到“${show(value)}”`, `expected a score between 0 and ${item.max}, got "${show(value)}"`));
      continue;
    }
    scores.set(code, n);
  }
}

