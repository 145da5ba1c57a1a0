import { findTemplate, kpiSets } from "../templates/index";
import type { KpiSet } from "../templates/schema";
import { changeByDirection, findIndicator, kpiChange, type Change } from "../src/core/kpi";
import { aggregateScores, type PanelMethod } from "../src/core/panel";
import { checkEmail, checkMobile, checkUscc, type Check } from "../src/core/validators";
import { isBlank, show } from "../src/core/answers";
import type { Result } from "../src/core/problems";
import { argumentError, cellError, passedOn, problemsError } from "./errors";
import { basicValue, cellsOf, errorCode } from "./cells";
import { readAnswerTemplate, readLanguage } from "./arguments";

/** The single-value functions: KPI changes, a panel's score, cell checks and input headers. */

/** A scalar argument's value; throws when its cell holds an error. */
function scalar(raw: unknown, argument: string): unknown {
  const code = errorCode(raw);
  if (code !== null) throw cellError(code, { argument });
  return basicValue(raw);
}

/**
 * The KPI set the `set` argument names by id. Blank names the catalogue's set when it holds only
 * one; with several, a formula must say which, since indicator numbers differ from set to set.
 */
function readKpiSet(raw: unknown): KpiSet {
  const value = scalar(raw, "set");
  const sets = kpiSets();
  const ids = sets.map((k) => k.id).join(", ");
  if (isBlank(value)) {
    if (sets.length === 1) return sets[0];
    throw argumentError("set", { zh: `有多套关键绩效指标，请指定其编号：${ids}`, en: `there are several KPI sets; name one by its id: ${ids}` }, CustomFunctions.ErrorCode.notAvailable);
  }
  const found = findTemplate(String(value).trim().toLowerCase());
  if (found?.kind === "kpi-set") return found;
  throw argumentError("set", { zh: `没有编号为“${show(value)}”的关键绩效指标；可用：${ids}`, en: `there is no KPI set "${show(value)}"; they are ${ids}` }, CustomFunctions.ErrorCode.notAvailable);
}

/**
 * KPI_CHANGE: by an indicator of the KPI set (its number or full name; a level indicator is the
 * current value itself) or by a direction word. Blank inputs are not answered (G3): blank result.
 */
export function kpiChangeValue(baselineRaw: unknown, currentRaw: unknown, indicatorRaw: unknown, setRaw?: unknown): number | string {
  const baseline = scalar(baselineRaw, "baseline");
  const current = scalar(currentRaw, "current");
  const ref = scalar(indicatorRaw, "indicator");
  const kpis = readKpiSet(setRaw);
  const indicatorCount = kpis.categories.reduce((n, c) => n + c.indicators.length, 0);
  const indicator = findIndicator(kpis, ref);
  if (indicator.ok) return changeCell(kpiChange(indicator.value, baseline, current));
  const byDirection = changeByDirection(baseline, current, ref);
  if (!byDirection.ok && byDirection.problems.some((p) => p.code === "direction")) {
    throw argumentError(
      "indicator",
      {
        zh: `应为指标序号 1–${indicatorCount} 或完整名称（如“生产效率提升”），或方向 increase/提升、decrease/降低，收到“${show(ref)}”`,
        en: `expected an indicator number 1–${indicatorCount} or full name (such as "Production efficiency improvement"), or a direction, increase or decrease; got "${show(ref)}"`,
      },
      CustomFunctions.ErrorCode.notAvailable,
    );
  }
  return changeCell(byDirection);
}

function changeCell(result: Result<Change>): number | string {
  if (!result.ok) throw problemsError(result.problems);
  const { value } = result.value;
  // A baseline near 0 (5e-324) makes the relative change overflow; a cell cannot hold Infinity.
  if (value !== null && !Number.isFinite(value)) {
    throw argumentError("baseline", {
      zh: "基期值过小，相对变化超出了 Excel 能表示的数值范围",
      en: "the baseline is so small that the relative change is beyond the numbers Excel can hold",
    });
  }
  return value ?? "";
}

/** EXPERT_SCORE: the panel's score from every expert's total in the range, blanks being absent experts. */
export function expertScoreValue(scoresRaw: unknown, methodRaw: unknown): number {
  const totals = cellsOf(scoresRaw).map((cell, i) => {
    const code = errorCode(cell);
    if (code === null) return basicValue(cell);
    throw problemsError(
      [{ code: "scores", message: { zh: `第 ${i + 1} 个分数的单元格为错误值 ${code}`, en: `the cell of score ${i + 1} holds the error ${code}` } }],
      { argument: "scores" },
      passedOn(code),
    );
  });
  const method = scalar(methodRaw, "method");
  const name = isBlank(method) ? "trimmed" : String(method).trim().toLowerCase();
  // The core checks the method itself and refuses an unknown one with a message listing the three.
  const result = aggregateScores(totals, name as PanelMethod);
  if (!result.ok) throw problemsError(result.problems);
  return result.value;
}

/** CHECK_MOBILE, CHECK_USCC, CHECK_EMAIL: the core check's verdict (ruling S3). */
export function checkValue(raw: unknown, check: (value: unknown) => Check): boolean {
  return check(scalar(raw, "value")).valid;
}

export const CHECKS = { mobile: checkMobile, uscc: checkUscc, email: checkEmail } as const;

/** INPUT_HEADERS: input codes in the first row, labels in the second, in answer-range column order. */
export function headerRows(templateRaw: unknown, languageRaw: unknown): string[][] {
  const template = readAnswerTemplate(templateRaw);
  const lang = readLanguage(languageRaw);
  return [template.inputs.map((i) => i.code), template.inputs.map((i) => i.label[lang])];
}
