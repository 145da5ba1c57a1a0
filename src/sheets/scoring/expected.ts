/**
 * What the engine says each result cell of a scoring sheet must show: result key → value, for
 * the parameters and data the sheet was rendered with (undefined data: a blank sheet). This is
 * the contract between the generated formulas and src/core: a spreadsheet that recalculates a
 * rendered sheet (LibreOffice in tests/sheets) must find these values in the cells the plan's
 * result bindings name. Results are bound only where the engine has a value, so the keys here
 * are exactly the plan's result keys.
 *
 * Keys: single sheet — total, section:<code>, item:<code> (the score that counts),
 * computed:<code> (before adjustment, ruling D4), answered, complete, warnings (D7 and G2's
 * improvements above 100%; only for rubrics that can raise them). Batch — row:<index>:{total,answered,complete,item:<code>} for
 * each data row that answers anything (index 0-based, as in the data array). Panel — count;
 * mean, median and deviating once an expert has scored; trimmed from 3 experts on;
 * expert:<index>:total for each expert who scored anything.
 */
import type { Rubric } from "../../../templates/schema";
import { round } from "../../core/answers";
import { aggregatePanel } from "../../core/panel";
import { fail, ok, problem, type Result } from "../../core/problems";
import { score, splitAdjustments, type ScoreResult } from "../../core/score";
import type { Params } from "../sheet-template";
import { readPanel, type PanelData } from "./panel-data";
import { hasWarningsRow } from "./rule-formulas";
import { HEADER_FIELDS } from "./sheet-data";

export type Expected = Record<string, number | boolean>;

export function expectedSingle(rubric: Rubric, data: unknown): Result<Expected> {
  const scored = scoreDoc(rubric, data ?? {});
  if (!scored.ok) return scored;
  const r = scored.value;
  const expected: Expected = { total: r.total, answered: rubric.inputs.length - r.missing.length, complete: r.complete };
  for (const s of r.sections) expected[`section:${s.code}`] = s.score;
  for (const i of r.items) {
    expected[`item:${i.code}`] = i.score;
    expected[`computed:${i.code}`] = i.computed;
  }
  if (hasWarningsRow(rubric)) expected.warnings = r.warnings.length;
  return ok(expected);
}

export function expectedBatch(rubric: Rubric, data: unknown): Result<Expected> {
  if (data !== undefined && !Array.isArray(data)) return fail([problem("data", "批量评分表的数据应为数组", "batch data is an array")]);
  const expected: Expected = {};
  for (const [index, row] of (data ?? []).entries()) {
    const scored = scoreDoc(rubric, row);
    if (!scored.ok) return scored;
    const r = scored.value;
    const answered = rubric.inputs.length - r.missing.length;
    if (answered === 0) continue;
    Object.assign(expected, { [`row:${index}:total`]: r.total, [`row:${index}:answered`]: answered, [`row:${index}:complete`]: r.complete });
    for (const i of r.items) expected[`row:${index}:item:${i.code}`] = i.score;
  }
  return ok(expected);
}

export function expectedPanel(rubric: Rubric, params: Params, data: unknown): Result<Expected> {
  const read = data === undefined ? ok<PanelData>({ experts: [] }) : readPanel(rubric, data);
  if (!read.ok) return read;
  // An expert's total as the sheet sums it: blank (absent) until they score an item.
  const totals = read.value.experts.map((e) => (e.scores.size === 0 ? null : round([...e.scores.values()].reduce((a, b) => a + b, 0), 4)));
  const expected: Expected = {};
  totals.forEach((t, i) => {
    if (t !== null) expected[`expert:${i}:total`] = t;
  });
  // Nobody scored yet: the sheet counts 0 experts and leaves every figure blank.
  if (Object.keys(expected).length === 0) return ok({ count: 0 });
  const panel = aggregatePanel(totals, { margin: Number(params.margin) });
  if (!panel.ok) return fail(panel.problems);
  const p = panel.value;
  Object.assign(expected, { count: p.count, mean: p.mean, median: p.median, deviating: p.deviating.length });
  if (p.trimmedMean !== null) expected.trimmed = p.trimmedMean;
  return ok(expected);
}

/** The engine's score of one enterprise's data, header fields set aside as the sheets set them aside. */
function scoreDoc(rubric: Rubric, doc: unknown): Result<ScoreResult> {
  let answers = doc;
  if (typeof doc === "object" && doc !== null && !Array.isArray(doc)) {
    answers = Object.fromEntries(Object.entries(doc).filter(([key]) => !(key in HEADER_FIELDS)));
  }
  const { inputs, adjustments } = splitAdjustments(answers);
  return score(rubric, inputs, adjustments);
}
