/**
 * Checking one sheet Assessbook built against the engine, whatever read it: the .xlsx reader
 * (src/xlsx) in Node, Office.js (src/office) inside Excel. No file format and no exceljs here,
 * so the task pane's bundle can check the open worksheet.
 *
 * For a sheet it recognises (by the marker): the answers its input cells hold as the data
 * document `build --data` takes, and every result cell compared with what the engine computes
 * from those answers. The sheet is re-rendered with the parameters its marker records, blank
 * to find its input cells (and the result cells of a sheet that binds them whatever the
 * answers), then, for a sheet whose result cells follow the answers, with the answers read.
 */
import { findTemplate } from "../../templates/index";
import type { Text } from "../../templates/schema";
import type { Problem, Result } from "../core/problems";
import { dataFromInputs } from "./evaluate";
import { colLetter } from "./formula";
import { checkParams } from "./params";
import type { CellValue, InputBinding, SheetMarker, SheetPlan } from "./plan";
import { findSheetTemplate, type Params } from "./registry";
import { templateNotLoaded } from "./marker";
import type { SheetTemplate } from "./sheet-template";

export type Scalar = string | number | boolean;

export type ReadCell =
  | { kind: "blank" }
  | { kind: "value"; value: Scalar }
  /**
   * result: what the spreadsheet last calculated; null when the workbook holds no calculated
   * value at all (no spreadsheet has opened and saved it); { error } for #VALUE!, #NAME? …
   */
  | { kind: "formula"; formula: string; result: Scalar | null | { error: string } };

/** A worksheet as the check sees it, from any reader. */
export interface ReadSheet {
  name: string;
  /** Null for a sheet Assessbook did not build (or whose marker was deleted). */
  marker: SheetMarker | null;
  cell(row: number, col: number): ReadCell;
}

export type Verdict =
  /** The cell shows what the engine computes. */
  | "agree"
  /** The cell shows something else. */
  | "disagree"
  /** The cell shows a spreadsheet error (#VALUE!, #NAME? …) where the engine has a value. */
  | "error"
  /** The formula was replaced by a typed constant. */
  | "overwritten"
  /** The file holds no calculated value: no spreadsheet has opened and saved it since it was built. */
  | "not-calculated"
  /** The engine has no value for this key with these answers (e.g. a trimmed mean of 2 experts). */
  | "no-engine-value";

export interface ResultCheck {
  key: string;
  /** A1 address on the sheet. */
  cell: string;
  sheet: Scalar | { error: string } | null;
  engine: CellValue | undefined;
  verdict: Verdict;
}

export type SheetStatus =
  /** Compared: see each check's verdict. */
  | "checked"
  /** No result cell has a calculated value yet: answers read, nothing to compare. */
  | "not-calculated"
  /** The engine refuses some answers: see problems, each naming its cell. */
  | "invalid-answers"
  /** Built by a version of Assessbook with another layout or rules: cells may have moved. */
  | "other-version"
  /** Built from a template this version does not know. */
  | "unknown-template"
  /** The marker's parameters are not valid for the template (edited by hand?). */
  | "invalid-params"
  /** No Assessbook marker: a sheet someone added. */
  | "not-assessbook";

export interface SheetProblem {
  /** The input cell, when the problem is about one. */
  cell?: string;
  code: string;
  message: Text;
}

export interface SheetReport {
  sheet: string;
  template: string | null;
  params: Params;
  status: SheetStatus;
  /** Input code → the cell's value (blank cells left out). */
  inputs: Record<string, CellValue>;
  /** The inputs as the data document `assessbook build --data` takes for this sheet. */
  data: unknown;
  checks: ResultCheck[];
  problems: SheetProblem[];
  /**
   * Input cells holding a formula instead of an answer (issue 15): read by what the formula last
   * calculated, which a spreadsheet may change on the next recalculation; reported, cell named.
   */
  formulas: FormulaInput[];
}

export interface FormulaInput {
  code: string;
  /** A1 address on the sheet. */
  cell: string;
  formula: string;
}

/** Checks that show the sheet and the engine apart: what a reviewer must look at. */
export function findings(report: SheetReport): ResultCheck[] {
  return report.checks.filter((c) => c.verdict === "disagree" || c.verdict === "error" || c.verdict === "overwritten");
}

/**
 * Renders a template blank with checked parameters. The blank plan depends on nothing else, so a
 * batch of sheets (a merge preview) passes one that renders each template and parameters once.
 */
export type RenderBlank = (template: SheetTemplate, params: Params) => Result<SheetPlan>;

export const renderBlank: RenderBlank = (template, params) => template.render(params, undefined);

export function checkSheet(sheet: ReadSheet): SheetReport {
  return checkSheetWith(sheet, renderBlank);
}

/** checkSheet, with the blank plan rendered by `blankOf`. */
export function checkSheetWith(sheet: ReadSheet, blankOf: RenderBlank): SheetReport {
  const report: SheetReport = { sheet: sheet.name, template: null, params: {}, status: "not-assessbook", inputs: {}, data: null, checks: [], problems: [], formulas: [] };
  const marker = sheet.marker;
  if (!marker) return report;
  report.template = marker.template;
  report.params = marker.params;
  const template = findSheetTemplate(marker.template);
  if (!template) return { ...report, status: "unknown-template", problems: [{ code: "template", message: templateNotLoaded(marker) }] };
  const params = checkParams(template.params, marker.params);
  if (!params.ok) return { ...report, status: "invalid-params", problems: params.problems };
  const blank = blankOf(template, params.value);
  if (!blank.ok) return { ...report, status: "invalid-params", problems: blank.problems };
  const plan = blank.value;
  if (plan.marker.version !== marker.version) return { ...report, status: "other-version", problems: [otherVersion(marker, plan.marker.version)] };

  // Each input cell read once: a reader's lookup of a blank cell searches the merged areas.
  const inputs: [string, CellValue][] = [];
  for (const b of plan.inputs) {
    const cell = sheet.cell(b.row, b.col);
    inputs.push([b.code, inputValue(cell)]);
    if (cell.kind === "formula") report.formulas.push({ code: b.code, cell: address(b.row, b.col), formula: cell.formula });
  }
  report.inputs = Object.fromEntries(inputs.filter(([, v]) => v !== null));
  report.data = dataFromInputs(inputs, sampleOf(template));
  // The answers are checked exactly as `build --data` checks them, naming each field: by rendering
  // with them, or, for a sheet whose `expected` refuses all that rendering does and whose result
  // cells stay put (checkedByExpected), by `expected` alone, without laying the sheet out again.
  let results = plan.results;
  if (!template.checkedByExpected) {
    const filled = template.render(params.value, report.data);
    if (!filled.ok) return { ...report, status: "invalid-answers", problems: filled.problems.map((p) => locate(p, plan)) };
    // Results are bound where the answers give them a value (a batch row that answers anything),
    // so the plan rendered with the answers says which cells to compare.
    results = filled.value.results;
  }
  const expected = template.expected(params.value, report.data);
  if (!expected.ok) return { ...report, status: "invalid-answers", problems: expected.problems.map((p) => locate(p, plan)) };
  report.checks = results.map((r) => check(r.key, sheet.cell(r.row, r.col), address(r.row, r.col), expected.value[r.key]));
  const uncalculated = report.checks.length > 0 && report.checks.every((c) => c.verdict === "not-calculated");
  return { ...report, status: uncalculated ? "not-calculated" : "checked" };
}

/**
 * A template's sample, the shape dataFromInputs reads (and never changes): one copy per sheet
 * template, where `sample()` clones it for every sheet checked. By the template object, which the
 * registry makes afresh when the catalogue changes.
 */
const samples = new WeakMap<SheetTemplate, unknown>();

function sampleOf(template: SheetTemplate): unknown {
  if (!samples.has(template)) samples.set(template, template.sample());
  return samples.get(template);
}

/**
 * Why a sheet of another template version is not read: its cells may have moved (a scheme that
 * gained inputs, issue 12), so its answers are not guessed at; the message names both versions.
 */
function otherVersion(marker: SheetMarker, current: number): SheetProblem {
  // A loaded template's author knows its own `version`, not the layout number a scoring sheet's
  // marker combines it with (sheet-layout.ts): name the template versions when the marker has them.
  const loaded = marker.from ? findTemplate(marker.from.id) : undefined;
  const [was, now] = marker.from && loaded ? [marker.from.version, loaded.version] : [marker.version, current];
  return {
    code: "version",
    message: {
      zh: `本表由模板“${marker.template}”第 ${was} 版生成，当前为第 ${now} 版，单元格位置可能不同，未核对；请用 assessbook build ${marker.template} 重新生成后填写`,
      en: `this sheet was built from version ${was} of template "${marker.template}"; the current version is ${now}, whose cells may sit elsewhere, so it was not checked; rebuild it with assessbook build ${marker.template} and fill it in again`,
    },
  };
}

/** What an input cell answers: its constant, or what a formula typed into it last calculated. */
function inputValue(cell: ReadCell): CellValue {
  if (cell.kind === "value") return cell.value;
  if (cell.kind === "formula" && cell.result !== null && typeof cell.result !== "object") return cell.result;
  return null;
}

function check(key: string, cell: ReadCell, where: string, engine: CellValue | undefined): ResultCheck {
  const base = { key, cell: where, engine };
  if (cell.kind === "blank") return { ...base, sheet: null, verdict: "overwritten" };
  if (cell.kind === "value") return { ...base, sheet: cell.value, verdict: "overwritten" };
  const shown = cell.result;
  if (shown === null) return { ...base, sheet: null, verdict: "not-calculated" };
  if (engine === undefined) return { ...base, sheet: shown, verdict: "no-engine-value" };
  if (typeof shown === "object") return { ...base, sheet: shown, verdict: "error" };
  return { ...base, sheet: shown, verdict: sameValue(shown, engine) ? "agree" : "disagree" };
}

/**
 * Numbers agree within rounding noise (a sheet's ROUND(…,4) against the engine's round to 4
 * places); text agrees ignoring surrounding spaces; a blank engine value agrees with "".
 */
export function sameValue(shown: Scalar, engine: CellValue): boolean {
  if (engine === null) return shown === "";
  if (typeof engine === "number") return typeof shown === "number" && Math.abs(shown - engine) <= 1e-9 * Math.max(1, Math.abs(engine));
  if (typeof engine === "string") return typeof shown === "string" && shown.trim() === engine.trim();
  return shown === engine;
}

/** A problem about an input, with the cell it is in, so the user can go and fix it. */
function locate(p: Problem, plan: SheetPlan): SheetProblem {
  const binding = inputFor(plan, p.code);
  return { ...(binding ? { cell: address(binding.row, binding.col) } : {}), code: p.code, message: p.message };
}

/** The input a Problem code names, whether spelt as the binding ("0/3.1") or as Problems spell data paths ("[0].3.1"). */
export function inputFor(plan: SheetPlan, code: string): InputBinding | undefined {
  return plan.inputs.find((b) => b.code === code || problemCode(b.code) === code);
}

/** A binding's data path as Problems spell it: "0/3.1" → "[0].3.1", "experts/2/name" → "experts[2].name". */
function problemCode(path: string): string {
  return path
    .split("/")
    .map((step) => (/^\d+$/.test(step) ? `[${step}]` : step))
    .join(".")
    .replace(/\.\[/g, "[");
}

function address(row: number, col: number): string {
  return `${colLetter(col)}${row}`;
}

/** An input cell left blank. */
export interface MissingInput {
  code: string;
  /** A1 address on the sheet. */
  cell: string;
}

/**
 * The input cells of a sheet Assessbook built that are blank: what is left to fill in. Rows of
 * a repeated block (a batch row "3/…", an expert "experts/2/…", an indicator) where nothing at
 * all is answered are spare rows, not missing answers, and are left out; so is everything on a
 * sheet that is not recognised (no marker, unknown template or version, invalid parameters).
 */
export function missingInputs(sheet: ReadSheet): MissingInput[] {
  const plan = blankPlan(sheet);
  if (!plan) return [];
  const blank = plan.inputs.map((b) => ({ binding: b, blank: inputValue(sheet.cell(b.row, b.col)) === null }));
  const answeredGroups = new Set(blank.filter((b) => !b.blank).map((b) => group(b.binding.code)));
  return blank.filter((b) => b.blank && (group(b.binding.code) === "" || answeredGroups.has(group(b.binding.code)))).map((b) => ({ code: b.binding.code, cell: address(b.binding.row, b.binding.col) }));
}

/** The code up to its last all-digit step: "3/name" → "3", "experts/2/scores/3.1" → "experts/2", "3.1" → "". */
function group(code: string): string {
  const steps = code.split("/");
  for (let i = steps.length - 2; i >= 0; i--) if (/^\d+$/.test(steps[i])) return steps.slice(0, i + 1).join("/");
  return "";
}

function blankPlan(sheet: ReadSheet): SheetPlan | null {
  const marker = sheet.marker;
  const template = marker ? findSheetTemplate(marker.template) : undefined;
  if (!marker || !template) return null;
  const params = checkParams(template.params, marker.params);
  if (!params.ok) return null;
  const blank = template.render(params.value, undefined);
  return blank.ok && blank.value.marker.version === marker.version ? blank.value : null;
}
