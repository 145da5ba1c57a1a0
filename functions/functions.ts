/**
 * The ASSESS.* custom functions: thin wrappers over src/core. The rubric and scheme functions take
 * any of the catalogue's by its id (SCORE_DISCRETE and SCORE_PROCESS are shortcuts for two
 * rubrics, templates/shortcuts.ts). Each one hands its arguments to a module of functions/ and runs it guarded, so nothing but a
 * CustomFunctions.Error ever leaves it. All are synchronous and pure: no @volatile, no network.
 *
 * custom-functions-metadata reads this file's JSDoc to generate functions.json (ids, English
 * descriptions, parameter types from the TypeScript signatures); the English must say exactly
 * what functions/strings.ts says, which the build and the tests check. Parameters are typed
 * unknown (`any` to Excel) so that every answer form — 是/否, 62%, a cell holding #N/A — reaches
 * the engine, which says what it expected, instead of Excel refusing it with a bare #VALUE!.
 */
import "./content-security";
import { guarded } from "./errors";
import { anyRubricTable, explainTable, itemScore, scoreTable, shortcutRubric } from "./scoring";
import { tierCheckTable, tierGapTable } from "./tiers";
import { CHECKS, checkValue, expertScoreValue, headerRows, kpiChangeValue } from "./measures";

/**
 * Scores Shaoxing Table 1 (discrete, 100 points): one total per row of 27 answers, spilling a column for many rows; detail TRUE gives section subtotals
 * @customfunction SCORE_DISCRETE
 * @param inputs One enterprise per row: 27 answers in the input-code order INPUT_HEADERS gives for Shaoxing Table 1
 * @param [detail] TRUE returns the section subtotals instead of the total
 * @returns A column of totals (or a row of 6 subtotals per enterprise); blank for a blank row
 */
export function scoreDiscrete(inputs: unknown[][], detail?: unknown): unknown[][] {
  return guarded(() => scoreTable(shortcutRubric("SCORE_DISCRETE"), inputs, detail));
}

/**
 * Scores Shaoxing Table 2 (process, 100 points): one total per row of 18 answers, spilling a column for many rows; detail TRUE gives section subtotals
 * @customfunction SCORE_PROCESS
 * @param inputs One enterprise per row: 18 answers in the input-code order INPUT_HEADERS gives for Shaoxing Table 2
 * @param [detail] TRUE returns the section subtotals instead of the total
 * @returns A column of totals (or a row of 5 subtotals per enterprise); blank for a blank row
 */
export function scoreProcess(inputs: unknown[][], detail?: unknown): unknown[][] {
  return guarded(() => scoreTable(shortcutRubric("SCORE_PROCESS"), inputs, detail));
}

/**
 * Scores any rubric: one total per row of answers, spilling a column for many rows; detail TRUE gives section subtotals
 * @customfunction SCORE
 * @param rubric The rubric id (a wrong id gives #N/A listing the rubrics)
 * @param inputs One enterprise per row, answers in the rubric's input-code order (see INPUT_HEADERS)
 * @param [detail] TRUE returns the section subtotals instead of the total
 * @returns A column of totals (or a row of section subtotals per enterprise); blank for a blank row
 */
export function score(rubric: unknown, inputs: unknown[][], detail?: unknown): unknown[][] {
  return guarded(() => anyRubricTable(rubric, inputs, detail));
}

/**
 * The score of one item of a rubric for the given answer; an item with several options (such as 3.2) takes the range of its options
 * @customfunction SCORE_ITEM
 * @param rubric The rubric id (a wrong id gives #N/A listing the rubrics)
 * @param code The item code, such as 3.1
 * @param answer The item's answer, such as 62% or 有
 * @returns The item's score; blank when the answer is blank
 */
export function scoreItem(rubric: unknown, code: unknown, answer: unknown[][]): number | string {
  return guarded(() => itemScore(rubric, code, answer));
}

/**
 * Explains each row's score as text: every item's answer, score and rule, then the total, unanswered inputs and warnings
 * @customfunction SCORE_EXPLAIN
 * @param rubric The rubric id (a wrong id gives #N/A listing the rubrics)
 * @param inputs One enterprise per row, answers in the rubric's input-code order (see INPUT_HEADERS)
 * @param [language] zh (the default) or en
 * @returns One explanation per row
 */
export function scoreExplain(rubric: unknown, inputs: unknown[][], language?: unknown): unknown[][] {
  return guarded(() => explainTable(rubric, inputs, language));
}

/**
 * The input codes (first row) and labels (second row) of a rubric or scheme, in the column order its answer ranges use
 * @customfunction INPUT_HEADERS
 * @param template A rubric or scheme id (a wrong id gives #N/A listing them)
 * @param [language] zh (the default) or en
 * @returns Two rows: the codes, then the labels
 */
export function inputHeaders(template: unknown, language?: unknown): string[][] {
  return guarded(() => headerRows(template, language));
}

/**
 * The highest recognition tier each row meets in any scheme, by its official name, or 未达标; for schemes of independent types, every type met, joined by 、
 * @customfunction TIER
 * @param scheme The scheme id (a wrong id gives #N/A listing the schemes)
 * @param inputs One enterprise per row, answers in the scheme's input-code order (see INPUT_HEADERS)
 * @returns One tier name per row
 */
export function tier(scheme: unknown, inputs: unknown[][]): unknown[][] {
  return guarded(() => tierCheckTable(scheme, inputs));
}

/**
 * The same as TIER, under the name workbooks written before TIER use
 * @customfunction TIER_CHECK
 * @param scheme The scheme id (a wrong id gives #N/A listing the schemes)
 * @param inputs One enterprise per row, answers in the scheme's input-code order (see INPUT_HEADERS)
 * @returns One tier name per row
 */
export function tierCheck(scheme: unknown, inputs: unknown[][]): unknown[][] {
  return guarded(() => tierCheckTable(scheme, inputs));
}

/**
 * What each row still lacks for the next tier (or, for schemes of independent types, for each type not met), citing each condition's article
 * @customfunction TIER_GAP
 * @param scheme The scheme id (a wrong id gives #N/A listing the schemes)
 * @param inputs One enterprise per row, answers in the scheme's input-code order (see INPUT_HEADERS)
 * @param [language] zh (the default) or en
 * @returns One text per row
 */
export function tierGap(scheme: unknown, inputs: unknown[][], language?: unknown): unknown[][] {
  return guarded(() => tierGapTable(scheme, inputs, language));
}

/**
 * The change of a key performance indicator as a fraction (0.12 is 12% better), by indicator number or name (2024 annex 1) or by direction increase/decrease
 * @customfunction KPI_CHANGE
 * @param baseline The value before (the baseline)
 * @param current The value now (the current value)
 * @param indicator An indicator number 1–20 or full name, or a direction: increase (larger is better) or decrease (smaller is better)
 * @param [set] The KPI set id; blank when the catalogue holds one set
 * @returns The change as a fraction; for a level indicator, the current level; blank when a value is blank
 */
export function kpiChange(baseline: unknown, current: unknown, indicator: unknown, set?: unknown): number | string {
  return guarded(() => kpiChangeValue(baseline, current, indicator, set));
}

/**
 * A panel's score from its experts' totals: trimmed (the default, dropping one highest and one lowest), mean or median
 * @customfunction EXPERT_SCORE
 * @param scores Each expert's total out of 100 (a blank is an absent expert)
 * @param [method] trimmed (the default), mean or median
 * @returns The panel's score
 */
export function expertScore(scores: unknown[][], method?: unknown): number {
  return guarded(() => expertScoreValue(scores, method));
}

/**
 * TRUE when the value is an 11-digit mainland mobile number (1, then 3–9, then 9 digits), else FALSE
 * @customfunction CHECK_MOBILE
 * @param value The cell to check
 * @returns TRUE or FALSE
 */
export function checkMobile(value: unknown): boolean {
  return guarded(() => checkValue(value, CHECKS.mobile));
}

/**
 * TRUE when the value is an 18-character unified social credit code with the right check character (GB 32100-2015), else FALSE
 * @customfunction CHECK_USCC
 * @param value The cell to check
 * @returns TRUE or FALSE
 */
export function checkUscc(value: unknown): boolean {
  return guarded(() => checkValue(value, CHECKS.uscc));
}

/**
 * TRUE when the value is one valid e-mail address, catching the usual mistakes (full-width ＠, trailing Chinese punctuation, two addresses), else FALSE
 * @customfunction CHECK_EMAIL
 * @param value The cell to check
 * @returns TRUE or FALSE
 */
export function checkEmail(value: unknown): boolean {
  return guarded(() => checkValue(value, CHECKS.email));
}
