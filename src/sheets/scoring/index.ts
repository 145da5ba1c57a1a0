/**
 * Scoring sheets for each 100-point rubric (绍兴 表1 离散型 / 表2 流程型), three layouts each:
 *
 * - <rubric id>: one enterprise, official layout. No parameters. Data: the JSON `assessbook
 *   score` takes (answers by input code or positional, optional "adjustments" by item code),
 *   plus optional "enterprise", "date", "expert" header texts.
 * - <rubric id>-batch: one enterprise per row. Parameter rows (default 20, 1–500; grows to fit
 *   the data). Data: an array of that JSON, each with an optional "enterprise" name and no
 *   adjustments (the batch has no adjustment column).
 * - <rubric id>-panel: several experts' item scores for one enterprise. Parameters experts
 *   (default 5, 3–15; grows to fit the data) and margin (default 10). Data: {"enterprise"?,
 *   "date"?, "experts": [{"name"?, "scores": {<item code>: points}}]}.
 *
 * Input bindings are data paths, "/" between steps (JSON Pointer without the leading "/"):
 * "3.1", "enterprise", "adjustments/3.2"; "0/3.1", "0/enterprise"; "experts/0/name",
 * "experts/0/scores/3.1". Result keys and their engine values: expected.ts.
 */
import { rubricSheetIds } from "../../../templates/index";
import type { Rubric } from "../../../templates/schema";
import type { ParamDef, SheetTemplate } from "../sheet-template";
import { MAX_ROWS, renderBatch } from "./batch-sheet";
import { expectedBatch, expectedPanel, expectedSingle } from "./expected";
import { generatedSamples } from "./generated-samples";
import { MAX_EXPERTS } from "./panel-data";
import { renderPanel } from "./panel-sheet";
import { renderSingle } from "./single-sheet";

const ROWS: ParamDef = { key: "rows", label: { zh: "企业行数", en: "Enterprise rows" }, type: "integer", default: 20, min: 1, max: MAX_ROWS };
const EXPERTS: ParamDef = { key: "experts", label: { zh: "专家人数", en: "Experts" }, type: "integer", default: 5, min: 3, max: MAX_EXPERTS };
const MARGIN: ParamDef = { key: "margin", label: { zh: "偏离阈值（分）", en: "Deviation margin (points)" }, type: "integer", default: 10, min: 0, max: 100 };

/**
 * The three scoring sheets of a rubric, named and filled as the rubric's `sheet` and `sample`
 * say. A rubric that gives neither (one loaded from a JSON file) has its sheets named after its
 * title and generated samples (generated-samples.ts).
 */
export function scoringSheets(rubric: Rubric): SheetTemplate[] {
  let generated: NonNullable<Rubric["sample"]> | undefined;
  const samples = (): NonNullable<Rubric["sample"]> => rubric.sample ?? (generated ??= generatedSamples(rubric, EXPERTS.min as number));
  const ids = rubricSheetIds(rubric.id);
  const common = { template: rubric.id, source: rubric.source };
  return [
    {
      ...common,
      id: ids.single,
      title: { zh: `${rubric.title.zh} 评分表`, en: `${rubric.title.en}: scoring sheet` },
      role: "expert",
      params: [],
      render: (params, data) => renderSingle(ids.single, rubric, params, data),
      expected: (_params, data) => expectedSingle(rubric, data),
      sample: () => structuredClone(samples().single),
    },
    {
      ...common,
      id: ids.batch,
      title: { zh: `${rubric.title.zh} 批量评分表`, en: `${rubric.title.en}: batch scoring, one enterprise per row` },
      role: "clerk",
      params: [ROWS],
      render: (params, data) => renderBatch(ids.batch, rubric, params, data),
      expected: (_params, data) => expectedBatch(rubric, data),
      sample: () => structuredClone(samples().batch),
    },
    {
      ...common,
      id: ids.panel,
      title: { zh: `${rubric.title.zh} 专家组评分表`, en: `${rubric.title.en}: expert panel` },
      role: "expert",
      params: [EXPERTS, MARGIN],
      render: (params, data) => renderPanel(ids.panel, rubric, params, data),
      expected: (params, data) => expectedPanel(rubric, params, data),
      sample: () => structuredClone(samples().panel),
    },
  ];
}
