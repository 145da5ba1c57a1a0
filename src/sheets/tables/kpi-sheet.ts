/**
 * The KPI tracker (ruling K1): the 20 indicators of seed 002 附1 in their official order,
 * numbering and five categories, a baseline, several periods, the current value (the latest
 * period filled in), the indicator's value by formula — the relative change in the direction
 * the name gives, or the level itself — a target and a status with conditional formatting.
 * The formulas follow src/core/kpi.ts: a change is ROUND(±(current − baseline) / baseline, 9).
 */
import type { KpiIndicator, KpiSet } from "../../../templates/schema";
import { isReduction } from "../../core/kpi";
import { ok, type Result } from "../../core/problems";
import { PlanBuilder } from "../builder";
import { isBlankCell, ref, str } from "../formula";
import { checkParams } from "../params";
import type { Range, SheetPlan, Validation } from "../plan";
import type { ParamDef, SheetTemplate } from "../sheet-template";
import { fitLabel } from "../printed-text";
import { MARKS, PERCENT, STYLES } from "../styles";
import { basisLine, fitHeight, marker } from "./common";
import { expectedKpis, isRateLevel, KPI_STATUS, readKpiData, type IndicatorData, type KpiData } from "./kpi-data";

const ROW = { title: 1, basis: 2, how: 3, header: 4, labels: 5, first: 6 } as const;
/** Fixed columns before the periods; the periods, then current, value, target and status follow. */
const COL = { no: 1, name: 2, unit: 3, kind: 4, measure: 5, baseline: 6, firstPeriod: 7 } as const;
const MAX_PERIODS = 12;
/** src/core/kpi.ts rounds relative changes to 9 decimals, so a change landing on its target meets it. */
const CHANGE_DECIMALS = 9;

const span = (row: number, left: number, right: number): Range => ({ top: row, left, bottom: row, right });

export function kpiSheet(set: KpiSet, config: { name: string; sample: unknown }): SheetTemplate {
  const params: ParamDef[] = [{ key: "periods", label: { zh: "期数", en: "Periods" }, type: "integer", default: 4, min: 1, max: MAX_PERIODS }];
  return {
    id: set.id,
    template: set.id,
    title: { zh: `${set.title.zh}跟踪表`, en: `${set.title.en}: tracker` },
    role: "enterprise",
    source: set.source,
    params,
    sample: () => structuredClone(config.sample),
    render(p, data): Result<SheetPlan> {
      const checked = checkParams(params, p);
      if (!checked.ok) return checked;
      const read = readKpiData(set, Number(checked.value.periods), data);
      if (!read.ok) return read;
      return ok(draw(set, config.name, Number(checked.value.periods), read.value));
    },
    expected(p, data) {
      const checked = checkParams(params, p);
      if (!checked.ok) return checked;
      const read = readKpiData(set, Number(checked.value.periods), data);
      return read.ok ? expectedKpis(set, read.value) : read;
    },
  };
}

function draw(set: KpiSet, name: string, periods: number, data: KpiData): SheetPlan {
  const col = {
    current: COL.firstPeriod + periods,
    value: COL.firstPeriod + periods + 1,
    target: COL.firstPeriod + periods + 2,
    status: COL.firstPeriod + periods + 3,
  };
  const last = col.status;
  // A3: the 20 indicators with four periods and their computed columns are about 166 characters
  // wide, which on A4 would print 11-pt text at 7.6 pt; on A3 landscape it prints at full size (F1).
  const b = new PlanBuilder(name, marker(set, { periods }), { paper: "A3", orientation: "landscape", fitToWidth: true, repeatRows: { first: ROW.header, last: ROW.labels } });
  [5, 30, 6, 12, 16, 11].forEach((w, i) => b.width(i + 1, w));
  for (let c = COL.firstPeriod; c <= last; c++) b.width(c, c === col.status ? 9 : 11);

  b.merge(span(ROW.title, 1, last), `${set.title.zh}跟踪表`, STYLES.title).height(ROW.title, 40);
  b.merge(span(ROW.basis, 1, last), `${basisLine(set)}\u3000附1`, STYLES.subtitle);
  const how =
    "变化类指标（提升、缩短、降低……）的基期值和各期数值填“计量对象”本身（如研制周期的天数），指标值由公式按名称方向计算较基期的相对变化；" +
    "水平类指标直接填指标值，百分比填 62% 或 0.62。当前值取最近一个已填的期间；指标值不低于目标值为达标。";
  const howText = fitLabel(how, 120, 11);
  b.merge(span(ROW.how, 1, last), howText, STYLES.note).height(ROW.how, fitHeight(howText, 120, 11));

  const headers = ["序号", "关键绩效指标", "单位", "计算方式", "计量对象", "基期值"];
  headers.forEach((h, i) => b.value(ROW.header, i + 1, h, STYLES.header));
  for (let k = 0; k < periods; k++) {
    b.value(ROW.header, COL.firstPeriod + k, `第${k + 1}期`, STYLES.header);
    b.input(ROW.labels, COL.firstPeriod + k, `labels/${k}`, STYLES.input, data.labels[k] ?? null);
  }
  b.value(ROW.header, col.current, "当前值", STYLES.header).value(ROW.header, col.value, "指标值", STYLES.header);
  b.value(ROW.header, col.target, "目标值", STYLES.header).value(ROW.header, col.status, "状态", STYLES.header);
  b.merge(span(ROW.labels, 1, COL.baseline), "期间（如 2024年、2025年上半年）→", { ...STYLES.label, horizontal: "right" });
  b.merge(span(ROW.labels, col.current, last), "", STYLES.label);
  b.height(ROW.header, 30).freeze(ROW.first, COL.measure);

  let row = ROW.first;
  for (const category of set.categories) {
    b.merge(span(row, 1, last), `${category.code} ${category.name.zh}`, { ...STYLES.header, horizontal: "left" });
    row++;
    for (const indicator of category.indicators) {
      writeIndicator(b, row, indicator, periods, col, data.indicators.get(indicator.no));
      row++;
    }
  }

  const range = { top: ROW.first, left: col.status, bottom: row - 1, right: col.status };
  const at = ref(ROW.first, col.status);
  b.highlight({ range, formula: `${at}=${str(KPI_STATUS.met)}`, style: MARKS.good });
  b.highlight({ range, formula: `OR(${at}=${str(KPI_STATUS.unmet)},${at}=${str(KPI_STATUS.invalid)})`, style: MARKS.bad });
  b.highlight({ range, formula: `${at}=${str(KPI_STATUS.blank)}`, style: MARKS.attention });
  const note = `注：指标、序号与分类见${set.document.reference}附件2之附1《${set.title.zh}》；变化类指标方向：提升、增长为（当前值−基期值）÷基期值，缩短、下降、降低为（基期值−当前值）÷基期值。`;
  // Broken as typeset: a wrapped line never starts with the formula's "）".
  const noteText = fitLabel(note, 120, 11);
  b.merge(span(row + 1, 1, last), noteText, STYLES.note).height(row + 1, fitHeight(noteText, 120, 11));
  return b.build();
}

interface Cols {
  current: number;
  value: number;
  target: number;
  status: number;
}

function writeIndicator(b: PlanBuilder, row: number, indicator: KpiIndicator, periods: number, col: Cols, data: IndicatorData | undefined): void {
  const rate = isRateLevel(indicator);
  const change = indicator.kind === "change";
  const measureFormat = rate ? PERCENT : undefined;
  const path = `indicators/${indicator.no}`;
  b.value(row, COL.no, indicator.no, { ...STYLES.label, horizontal: "center" });
  b.value(row, COL.name, indicator.name.zh, STYLES.label);
  b.value(row, COL.unit, indicator.unit.zh, { ...STYLES.label, horizontal: "center" });
  b.value(row, COL.kind, change ? (indicator.better === "higher" ? "较基期提升" : "较基期降低") : "水平值", { ...STYLES.label, horizontal: "center" });
  b.value(row, COL.measure, change ? indicator.measure.zh : "—", STYLES.label);

  const inputStyle = { ...STYLES.input, numberFormat: measureFormat };
  b.input(row, COL.baseline, `${path}/baseline`, inputStyle, data?.baseline ?? null);
  b.validate(measureValidation(indicator, span(row, COL.baseline, COL.baseline), change));
  for (let k = 0; k < periods; k++) b.input(row, COL.firstPeriod + k, `${path}/values/${k}`, inputStyle, data?.values[k] ?? null);
  b.validate(measureValidation(indicator, span(row, COL.firstPeriod, COL.firstPeriod + periods - 1), false));

  // The current value: the latest period filled in, searched from the last period back.
  let current = `""`;
  for (let k = 0; k < periods; k++) {
    const cell = ref(row, COL.firstPeriod + k);
    current = `IF(${isBlankCell(cell)},${current},${cell})`;
  }
  b.formula(row, col.current, current, { ...STYLES.computed, numberFormat: measureFormat });

  const [base, now] = [ref(row, COL.baseline), ref(row, col.current)];
  const invalid = str(KPI_STATUS.invalid);
  let value: string;
  if (change) {
    const gain = indicator.better === "higher" ? `${now}-${base}` : `${base}-${now}`;
    const computed = `IF(${base}=0,${str(KPI_STATUS.zeroBaseline)},ROUND((${gain})/${base},${CHANGE_DECIMALS}))`;
    value = `IF(OR(${isBlankCell(base)},${now}=""),"",IF(AND(ISNUMBER(${base}),ISNUMBER(${now})),IF(AND(${base}>=0,${now}>=0),${computed},${invalid}),${invalid}))`;
  } else {
    const accepted = rate ? `AND(${now}>=0,${now}<=1)` : `${now}>=0`;
    value = `IF(${now}="","",IF(ISNUMBER(${now}),IF(${accepted},${now},${invalid}),${invalid}))`;
  }
  b.formula(row, col.value, value, { ...STYLES.computed, numberFormat: change || rate ? PERCENT : undefined }).result(`kpi:${indicator.no}:value`, row, col.value);

  b.input(row, col.target, `${path}/target`, { ...STYLES.input, numberFormat: change || rate ? PERCENT : undefined }, data?.target ?? null);
  b.validate(targetValidation(indicator, span(row, col.target, col.target)));
  const [v, t] = [ref(row, col.value), ref(row, col.target)];
  const verdict = `IF(${v}>=${t},${str(KPI_STATUS.met)},${str(KPI_STATUS.unmet)})`;
  // G2: a rate's target is in [0, 1]; a reduction's (…缩短/下降/降低) at most 1 (src/core/kpi.ts isReduction).
  const targetAccepted = rate ? `IF(AND(${t}>=0,${t}<=1),${verdict},${invalid})` : isReduction(indicator) ? `IF(${t}<=1,${verdict},${invalid})` : verdict;
  const status = `IF(OR(${v}="",${isBlankCell(t)}),${str(KPI_STATUS.blank)},IF(AND(ISNUMBER(${v}),ISNUMBER(${t})),${targetAccepted},${invalid}))`;
  b.formula(row, col.status, status, STYLES.computed).result(`kpi:${indicator.no}:met`, row, col.status);
  b.height(row, fitHeight(indicator.name.zh, 30, 12));
}

/** Baseline and period cells: a rate for % levels (G2), else a non-negative number; a change's baseline above 0. */
function measureValidation(indicator: KpiIndicator, range: Range, baselineOfChange: boolean): Validation {
  if (isRateLevel(indicator)) {
    return {
      kind: "decimal",
      range,
      min: 0,
      max: 1,
      prompt: { zh: "填写百分比，如 62%（0%–100%）", en: "A percentage such as 62% (0%–100%)" },
      error: { zh: "比率应在 0%–100% 之间：请填 62% 或 0.62，不要填 62", en: "A rate is between 0% and 100%: enter 62% or 0.62, not 62" },
    };
  }
  const what = indicator.kind === "change" ? `“${indicator.measure.zh}”的数值` : `数量（${indicator.unit.zh}）`;
  const whatEn = indicator.kind === "change" ? `the value of "${indicator.measure.en}"` : `the number (${indicator.unit.en})`;
  return {
    kind: "decimal",
    range,
    min: baselineOfChange ? 1e-9 : 0,
    max: 1e15,
    prompt: { zh: `填写${what}${baselineOfChange ? "（基期，须大于 0）" : "（不能为负）"}`, en: `Enter ${whatEn}${baselineOfChange ? " (baseline, above 0)" : " (not negative)"}` },
    error: { zh: baselineOfChange ? "基期值须为大于 0 的数值（相对变化不能以 0 为基期）" : "应为不小于 0 的数值", en: baselineOfChange ? "The baseline is a number above 0" : "A number of at least 0" },
  };
}

function targetValidation(indicator: KpiIndicator, range: Range): Validation {
  if (isRateLevel(indicator)) return { ...measureValidation(indicator, range, false), prompt: { zh: "填写目标值，如 70%", en: "The target, such as 70%" } };
  if (indicator.kind === "change") {
    return {
      kind: "decimal",
      range,
      min: -100,
      max: isReduction(indicator) ? 1 : 100,
      prompt: isReduction(indicator)
        ? { zh: "填写目标降低幅度，如 15%（不超过 100%）", en: "The target reduction, such as 15% (at most 100%)" }
        : { zh: "填写目标变化幅度，如 15%（向好的方向为正）", en: "The target change, such as 15% (positive is better)" },
      error: { zh: "请填写百分比，如 15% 或 0.15", en: "Enter a percentage such as 15% or 0.15" },
    };
  }
  return { ...measureValidation(indicator, range, false), prompt: { zh: `填写目标数量（${indicator.unit.zh}）`, en: `The target number (${indicator.unit.en})` } };
}
