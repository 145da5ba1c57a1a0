/**
 * Tier self-checks (rulings T1–T4): one sheet per recognition scheme, each condition a row with
 * its wording, source, answer cell, requirement and a native formula giving 满足 / 不满足 / 未填,
 * per-tier verdicts, the tier reached and what is missing. Everything is generated from the
 * scheme's data; a scheme with `sheet.byMode` (seed 001's 要素条件) shows one mode at a time (param mode). On a cumulative
 * ladder (ruling T5, the 2024 gradient) each tier's verdict, count and 尚缺 list include the
 * unmet required conditions of the tiers below; a groups test (seed 003 第八条(二)) shows each
 * element on a row of its own under its condition.
 */
import type { Scheme, Tier } from "../../../templates/schema";
import type { Answers } from "../../core/inputs";
import { ok, type Result } from "../../core/problems";
import { PlanBuilder } from "../builder";
import { isBlankCell, isTicked, ref, str } from "../formula";
import { checkParams } from "../params";
import type { Range, SheetPlan } from "../plan";
import type { ParamDef, Params, SheetTemplate } from "../sheet-template";
import { MARKS, PERCENT, STYLES } from "../styles";
import { answerFormat, answerValidation, answerValue } from "./answer-cells";
import { fitLabel } from "../printed-text";
import { basisLine, cite, fitHeight, marker } from "./common";
import { completeGroups, conditionFormula, countOf, operands, ratioFormula, requirement, shortName, STATE, type GroupCells, type Operands } from "./conditions";
import { expectedTiers, readTierData, VERDICT } from "./tier-data";
import { layoutTiers, type PlacedCondition, type PlacedElement, type TierLayout } from "./tier-layout";

/** The condition table's columns. */
const COL = { no: 1, text: 2, source: 3, answer: 4, requirement: 5, result: 6 } as const;
/** The results block reuses the grid: verdict, count of failing conditions, count needing a justification. */
const VERDICT_COL = { status: 3, failing: 4, advisory: 5 } as const;
/** 104 characters fit A4 portrait at 0.86: 11-pt notes print at 9.5 pt (ruling F1). */
const WIDTHS = [6, 36, 14, 13, 14, 11];
const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);
/** The list of unmet conditions spans columns B–F; the next-tier line C–F. */
const LIST_WIDTH = sum(WIDTHS.slice(1));
const NEXT_WIDTH = sum(WIDTHS.slice(2));
const BODY_PT = 12;
/** The instructions' column, one column clear of the table and outside the print area. */
const HOW_COL = 8;
const HOW_WIDTH = 40;

export interface TierSheetConfig {
  /** Proposed sheet name, ≤ 31 characters. */
  name: string;
  role: SheetTemplate["role"];
  /** Show one tier at a time, chosen by the `mode` parameter (seed 001's 要素条件). */
  byMode: boolean;
  /** The document's own heading of the conditions every tier needs, e.g. 一、基础要求. */
  commonTitle: string;
  sample: unknown;
}

const span = (row: number, left: number, right: number): Range => ({ top: row, left, bottom: row, right });

export function tierSheet(scheme: Scheme, config: TierSheetConfig): SheetTemplate {
  const modeParam: ParamDef = {
    key: "mode",
    label: { zh: "模式", en: "Mode" },
    type: "choice",
    default: scheme.tiers[0].id,
    options: scheme.tiers.map((t) => ({ value: t.id, label: t.name })),
  };
  const params = config.byMode ? [modeParam] : [];

  /** The params checked, the tiers shown, where everything goes, and the answers read as the engine reads them. */
  function read(p: Params, data: unknown): Result<{ shown: Tier[]; resolved: Params; layout: TierLayout; answers: Answers }> {
    const checked = checkParams(params, p);
    if (!checked.ok) return checked;
    // checkParams returns one of the options, which are the tier ids.
    const shown = config.byMode ? scheme.tiers.filter((t) => t.id === checked.value.mode) : scheme.tiers;
    const layout = layoutTiers(scheme, shown);
    const onSheet = new Set(scheme.inputs.filter((i) => layout.cellRow.has(i.code)).map((i) => i.code));
    const answers = readTierData(scheme, onSheet, shown, data);
    return answers.ok ? ok({ shown, resolved: checked.value, layout, answers: answers.value }) : answers;
  }

  return {
    id: scheme.id,
    template: scheme.id,
    title: { zh: `${scheme.title.zh}自评表`, en: `${scheme.title.en}: self-check` },
    role: config.role,
    source: scheme.source,
    params,
    sample: () => structuredClone(config.sample),
    render(p, data): Result<SheetPlan> {
      const r = read(p, data);
      if (!r.ok) return r;
      return ok(draw(scheme, config, r.value.shown, r.value.resolved, r.value.layout, r.value.answers));
    },
    expected(p, data) {
      const r = read(p, data);
      return r.ok ? expectedTiers(scheme, r.value.shown, data) : r;
    },
  };
}

function draw(scheme: Scheme, config: TierSheetConfig, shown: Tier[], params: Params, layout: TierLayout, answers: Answers): SheetPlan {
  const b = new PlanBuilder(config.name, marker(scheme, params), { orientation: "portrait", fitToWidth: true });
  WIDTHS.forEach((w, i) => b.width(i + 1, w));
  const refs = new Map([...layout.cellRow].map(([code, row]) => [code, ref(row, COL.answer)]));
  const ops = operands(scheme, refs);
  const advisory = [...scheme.common, ...shown.flatMap((t) => t.conditions)].some((c) => c.severity === "advisory");

  const title = config.byMode ? `${scheme.title.zh}自评表（${shown[0].name.zh}）` : `${scheme.title.zh}自评表`;
  b.merge(span(1, 1, 6), title, STYLES.title).height(1, Math.max(60, fitHeight(title, sum(WIDTHS) * 0.9, 22)));
  b.merge(span(2, 1, 6), basisLine(scheme), STYLES.subtitle);
  const how =
    "黄色单元格为填写项：“是/否”从下拉列表选择，比率填百分比（如 62%），留空视为未填。" +
    "“结果”列由公式按条件计算：满足 / 不满足 / 未填 / 输入有误（答案不合要求，如比率超过 100%）。" +
    (advisory ? "“需书面说明”的条件未满足时不影响认定，但须书面说明理由。" : "");
  // How to fill in is for the screen (ruling F2): beside the table, right of the print area.
  b.width(HOW_COL, HOW_WIDTH);
  b.value(3, HOW_COL, how, STYLES.note).height(3, fitHeight(how, HOW_WIDTH, 11));

  writeResults(b, scheme, layout, ops);
  writeData(b, layout, ops, answers);
  writeConditions(b, scheme, config.commonTitle, layout, ops, answers);
  // Columns A–F only: the spare columns a writer adds on the right (dropdown lists, the marker) never print.
  const rows = allPlaced(layout).map((p) => p.row);
  b.print({ area: { top: 1, left: 1, bottom: Math.max(...rows), right: 6 } });
  return b.build();
}

/** Every condition row, a groups test's element rows included. */
function allPlaced(layout: TierLayout): { row: number }[] {
  const conditions = [...layout.common.conditions, ...layout.tiers.flatMap((t) => t.conditions)];
  return [...conditions, ...conditions.flatMap((p) => p.elements?.flat() ?? [])];
}

/** Where a groups test's elements show their states (column F of their rows). */
function groupCells(p: PlacedCondition): GroupCells | undefined {
  if (!p.elements) return undefined;
  const rows = p.elements.flat().map((e) => e.row);
  return {
    results: p.elements.map((g) => g.map((e) => ref(e.row, COL.result))),
    range: `${ref(Math.min(...rows), COL.result)}:${ref(Math.max(...rows), COL.result)}`,
  };
}

function writeResults(b: PlanBuilder, scheme: Scheme, layout: TierLayout, ops: Operands): void {
  const ladder = scheme.structure === "ladder";
  const unit = ladder ? "等级" : "类型";
  const status = (row: number) => ref(row, VERDICT_COL.status);
  const reached = str(VERDICT.reached);
  b.merge(span(layout.headings.results, 1, 6), "一、自评结果", STYLES.subtitle);

  // The met tier: ladder — the highest met (the engine's lastIndexOf); alternatives — every met
  // type, joined with spaces by TRIM so no separator dangles.
  const tiers = layout.tiers;
  let verdict: string;
  if (ladder) {
    verdict = tiers.reduce((inner, t) => `IF(${status(t.statusRow)}=${reached},${str(t.tier.name.zh)},${inner})`, str(VERDICT.noneLadder));
  } else {
    const none = `AND(${tiers.map((t) => `${status(t.statusRow)}<>${reached}`).join(",")})`;
    const names = tiers.map((t) => `IF(${status(t.statusRow)}=${reached},${str(t.tier.name.zh)},"")`).join(`&" "&`);
    verdict = `IF(${none},${str(VERDICT.noneAlternatives)},TRIM(${names}))`;
  }
  b.merge(span(layout.resultRow, 1, 2), ladder ? "达到等级" : "达到类型", STYLES.label);
  b.merge(span(layout.resultRow, 3, 6), undefined, STYLES.computed);
  b.formula(layout.resultRow, 3, verdict, { ...STYLES.computed, horizontal: "left" }).result("tier", layout.resultRow, 3);
  const none = str(ladder ? VERDICT.noneLadder : VERDICT.noneAlternatives);
  const verdictCell = ref(layout.resultRow, 3);
  b.highlight({ range: span(layout.resultRow, 3, 3), formula: `${verdictCell}<>${none}`, style: MARKS.good });
  b.highlight({ range: span(layout.resultRow, 3, 3), formula: `${verdictCell}=${none}`, style: MARKS.bad });

  if (layout.nextRow !== undefined) {
    // From the top tier down: the first tier met decides which tier is next (T1: say what the next tier lacks).
    const top = tiers[tiers.length - 1];
    const lacks = (t: TierLayout["tiers"][number]) =>
      `"「${t.tier.name.zh}」尚缺 "&${ref(t.statusRow, VERDICT_COL.failing)}&" 项："&${ref(t.listRow, 2)}`;
    let next = lacks(tiers[0]);
    for (let i = 0; i < tiers.length - 1; i++) next = `IF(${status(tiers[i].statusRow)}=${reached},${lacks(tiers[i + 1])},${next})`;
    next = `IF(${status(top.statusRow)}=${reached},${str(`已达到最高一级（${top.tier.name.zh}）`)},${next})`;
    b.merge(span(layout.nextRow, 1, 2), "下一级尚缺", STYLES.label);
    b.merge(span(layout.nextRow, 3, 6), undefined, STYLES.label);
    b.formula(layout.nextRow, 3, next, { ...STYLES.label, wrap: true });
    const listed = (i: number) => [...layout.common.conditions, ...(scheme.cumulative ? tiers.slice(0, i + 1) : [tiers[i]]).flatMap((t) => t.conditions)];
    b.height(layout.nextRow, Math.max(...tiers.map((_, i) => listHeight(listed(i), ops, NEXT_WIDTH))));
  }

  const h = layout.headings.tierHeader;
  b.merge(span(h, 1, 2), unit, STYLES.header);
  // Broken as typeset and given the rows' height, so a heading never runs over its value.
  const failingHeader = fitLabel("未满足必备条件（项）", WIDTHS[VERDICT_COL.failing - 1], 12);
  b.value(h, VERDICT_COL.status, "结果", STYLES.header).value(h, VERDICT_COL.failing, failingHeader, STYLES.header);
  b.merge(span(h, VERDICT_COL.advisory, 6), "需书面说明（项）", STYLES.header);
  b.height(h, fitHeight(failingHeader, WIDTHS[VERDICT_COL.failing - 1], 12));
  tiers.forEach((t, i) => writeTierVerdict(b, t, scheme.cumulative ? tiers.slice(0, i) : [], layout, ops));
  const range = { top: tiers[0].statusRow, left: VERDICT_COL.status, bottom: tiers[tiers.length - 1].statusRow, right: VERDICT_COL.status };
  const first = status(range.top);
  b.highlight({ range, formula: `${first}=${reached}`, style: MARKS.good });
  b.highlight({ range, formula: `${first}=${str(VERDICT.notReached)}`, style: MARKS.bad });
}

/**
 * A tier's verdict, count of failing conditions and list of unmet ones. On a cumulative ladder
 * (ruling T5) `lower` holds the tiers below, whose required conditions count here too.
 */
function writeTierVerdict(b: PlanBuilder, t: TierLayout["tiers"][number], lower: TierLayout["tiers"], layout: TierLayout, ops: Operands): void {
  const inherited = lower.flatMap((l) => l.conditions).filter((p) => p.condition.severity === "required");
  const placed = [...layout.common.conditions, ...inherited, ...t.conditions];
  const required = placed.filter((p) => p.condition.severity === "required");
  const advisory = placed.filter((p) => p.condition.severity === "advisory");
  const result = (p: PlacedCondition) => ref(p.row, COL.result);
  // A required condition counts until it is 满足; an advisory one only when its answer is malformed.
  const failing = [
    ...required.map((p) => `--(${result(p)}<>${str(STATE.met)})`),
    ...advisory.map((p) => `--(${result(p)}=${str(STATE.invalid)})`),
  ];
  const row = t.statusRow;
  const [failingCell, advisoryCell] = [ref(row, VERDICT_COL.failing), ref(row, VERDICT_COL.advisory)];
  b.merge(span(row, 1, 2), `${t.tier.name.zh}（${cite(t.tier.source)}）`, STYLES.label);
  b.formula(row, VERDICT_COL.failing, `SUM(${failing.join(",")})`, { ...STYLES.computed, numberFormat: "0" });
  b.formula(row, VERDICT_COL.status, `IF(${failingCell}=0,${str(VERDICT.reached)},${str(VERDICT.notReached)})`, STYLES.computed);
  b.result(`tier:${t.tier.id}:met`, row, VERDICT_COL.status);
  b.merge(span(row, VERDICT_COL.advisory, 6), undefined, STYLES.computed);
  if (advisory.length) {
    b.formula(row, VERDICT_COL.advisory, countOf(advisory.map(result), (c) => `${c}<>${str(STATE.met)}`), { ...STYLES.computed, numberFormat: "0" });
  } else {
    b.value(row, VERDICT_COL.advisory, "—", STYLES.computed);
  }

  // The unmet conditions by number and short name, each tagged when unanswered or malformed.
  const items = placed.map((p) => {
    const cell = result(p);
    const tag = `IF(${cell}=${str(STATE.blank)},"（未填）",IF(${cell}=${str(STATE.invalid)},"（输入有误）",IF(${cell}=${str(STATE.justify)},"（需书面说明）","")))`;
    return `IF(${cell}=${str(STATE.met)},"",${str(`【${p.no}】${shortName(p.condition, ops)}`)}&${tag})`;
  });
  const anyOpen = advisory.length ? `${failingCell}+${advisoryCell}=0` : `${failingCell}=0`;
  // "未满足：无" — not "未满足：全部满足", which says the opposite of what it means.
  b.value(t.listRow, 1, "未满足", STYLES.label);
  b.merge(span(t.listRow, 2, 6), undefined, STYLES.label);
  b.formula(t.listRow, 2, `IF(${anyOpen},"无",${items.join("&")})`, { ...STYLES.label, wrap: true });
  b.height(t.listRow, Math.min(409, listHeight(placed, ops, LIST_WIDTH)));
}

/** Tall enough for every condition of the list to be unmet at once. */
function listHeight(placed: PlacedCondition[], ops: Operands, width: number): number {
  const everything = placed.map((p) => `【${p.no}】${shortName(p.condition, ops)}（输入有误）`).join("");
  return fitHeight(everything, width * 0.9, BODY_PT);
}

function writeData(b: PlanBuilder, layout: TierLayout, ops: Operands, answers: Answers): void {
  const { data, dataHeader } = layout.headings;
  if (data === undefined || dataHeader === undefined) return;
  b.merge(span(data, 1, 6), "二、基本数据（多项条件共用，填写一次）", STYLES.subtitle);
  b.merge(span(dataHeader, 1, 2), "项目", STYLES.header).value(dataHeader, 3, "用于条件", STYLES.header);
  b.value(dataHeader, 4, "填写", STYLES.header);
  b.merge(span(dataHeader, 5, 6), "说明", STYLES.header);
  const usedBy = (nos: number[]) => `第 ${nos.join("、")} 项`;
  for (const { def, row, usedBy: nos } of layout.shared) {
    b.merge(span(row, 1, 2), def.label.zh, STYLES.label).value(row, 3, usedBy(nos), STYLES.label);
    b.input(row, COL.answer, def.code, { ...STYLES.input, numberFormat: answerFormat(def) }, answerValue(def, answers.get(def.code)));
    const v = answerValidation(def, span(row, COL.answer, COL.answer));
    if (v) b.validate(v);
    // The document's own definition of what the answer covers (seed 004 备注) follows the prompt.
    const explain = [v?.prompt?.zh, def.note?.text.zh].filter(Boolean).join("。");
    b.merge(span(row, 5, 6), explain, { ...STYLES.note, border: "thin" });
    b.height(row, Math.min(409, Math.max(fitHeight(def.label.zh, (WIDTHS[0] + WIDTHS[1]) * 0.9, BODY_PT, 2), fitHeight(explain, (WIDTHS[4] + WIDTHS[5]) * 0.9, 11))));
  }
  for (const { value, row, usedBy: nos } of layout.derived) {
    const [n, d] = value.ratio.map((code) => ops.input(code)?.label.zh ?? code);
    b.merge(span(row, 1, 2), value.label.zh, STYLES.label).value(row, 3, usedBy(nos), STYLES.label);
    b.formula(row, COL.answer, ratioFormula(value, ops), { ...STYLES.computed, numberFormat: PERCENT });
    b.merge(span(row, 5, 6), `自动计算：${n} ÷ ${d}`, { ...STYLES.note, border: "thin" });
    b.height(row, fitHeight(value.label.zh, (WIDTHS[0] + WIDTHS[1]) * 0.9, BODY_PT, 2));
  }
}

function writeConditions(b: PlanBuilder, scheme: Scheme, commonTitle: string, layout: TierLayout, ops: Operands, answers: Answers): void {
  const { conditions, conditionHeader } = layout.headings;
  b.merge(span(conditions, 1, 6), `${layout.headings.data === undefined ? "二" : "三"}、条件核对`, STYLES.subtitle);
  ["序号", "条件", "出处", "填写", "要求", "结果"].forEach((h, i) => b.value(conditionHeader, i + 1, h, STYLES.header));
  const every = scheme.structure === "ladder" ? "各级" : "各类型";
  b.merge(span(layout.common.header, 1, 6), `${commonTitle}（${every}均须满足）`, { ...STYLES.header, horizontal: "left" });
  layout.common.conditions.forEach((p) => writeCondition(b, p, ops, answers));
  for (const t of layout.tiers) {
    b.merge(span(t.header, 1, 6), `${t.tier.name.zh}（${cite(t.tier.source)}）`, { ...STYLES.header, horizontal: "left" });
    t.conditions.forEach((p) => writeCondition(b, p, ops, answers));
  }
  const rows = allPlaced(layout).map((p) => p.row);
  const range = { top: Math.min(...rows), left: COL.result, bottom: Math.max(...rows), right: COL.result };
  const at = ref(range.top, COL.result);
  b.highlight({ range, formula: `${at}=${str(STATE.met)}`, style: MARKS.good });
  b.highlight({ range, formula: `OR(${at}=${str(STATE.unmet)},${at}=${str(STATE.invalid)})`, style: MARKS.bad });
  b.highlight({ range, formula: `OR(${at}=${str(STATE.blank)},${at}=${str(STATE.justify)})`, style: MARKS.attention });
}

function writeCondition(b: PlanBuilder, p: PlacedCondition | PlacedElement, ops: Operands, answers: Answers): void {
  const c = p.condition;
  const row = p.row;
  const groups = "no" in p ? groupCells(p) : undefined;
  b.value(row, COL.no, "no" in p ? p.no : p.label, { ...STYLES.label, horizontal: "center" });
  b.value(row, COL.text, c.text.zh, STYLES.label);
  b.value(row, COL.source, cite(c.source), STYLES.label);
  if (p.inline) {
    const def = p.inline;
    b.input(row, COL.answer, def.code, { ...STYLES.input, numberFormat: answerFormat(def) }, answerValue(def, answers.get(def.code)));
    const v = answerValidation(def, span(row, COL.answer, COL.answer));
    if (v) b.validate(v);
  } else if (groups) {
    b.formula(row, COL.answer, completeGroups(groups), { ...STYLES.computed, numberFormat: `"齐备 "0" 组"` });
  } else {
    b.formula(row, COL.answer, shownAnswer(c, ops), { ...STYLES.computed, numberFormat: shownFormat(c, ops) });
  }
  b.value(row, COL.requirement, requirement(c.test, ops), { ...STYLES.label, horizontal: "center" });
  b.formula(row, COL.result, conditionFormula(c, ops, groups), STYLES.computed);
  // 10 % narrower than the column, as it wraps with the cell's padding: a row too short would print over the one above.
  b.height(row, fitHeight(c.text.zh, WIDTHS[1] * 0.9, BODY_PT));
  if ("elements" in p) p.elements?.flat().forEach((e) => writeCondition(b, e, ops, answers));
}

/** The answer a condition reads from the 基本数据 block, shown on its own row. */
function shownAnswer(c: PlacedCondition["condition"], ops: Operands): string {
  if (c.test.kind === "any") return countOf(c.test.inputs.map((code) => ops.ref(code)), isTicked);
  if (c.test.kind === "groups") throw new Error(`${c.id}: a groups test shows its complete groups`);
  const cell = ops.ref(c.test.input);
  return ops.derived(c.test.input) ? cell : `IF(${isBlankCell(cell)},"",${cell})`;
}

function shownFormat(c: PlacedCondition["condition"], ops: Operands): string | undefined {
  if (c.test.kind === "any") return `"已选 "0" 项"`;
  if (c.test.kind === "groups") return undefined;
  if (ops.derived(c.test.input)) return PERCENT;
  const def = ops.input(c.test.input);
  return def ? answerFormat(def) : undefined;
}
