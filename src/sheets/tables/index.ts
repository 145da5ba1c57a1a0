/**
 * The table sheets: tier self-checks (T1–T4), the recommendation summary tables (S1–S3), the
 * KPI tracker (K1) and the forms (F1), each built from its catalogue template.
 */
import { findTemplate } from "../../../templates/index";
import type { Form, KpiSet, Scheme, SummaryTable, Template } from "../../../templates/schema";
import type { SheetTemplate } from "../sheet-template";
import { PUJIANG_ACCEPTANCE_SAMPLE, PUJIANG_APPLICATION_SAMPLE, SHANXI_2018_APPLICATION_SAMPLE } from "./form-samples";
import { formSheet } from "./form-sheet";
import { KPI_SAMPLE } from "./kpi-samples";
import { kpiSheet } from "./kpi-sheet";
import { NATIONAL_2024_SUMMARY_SAMPLE, SHANXI_2018_SUMMARY_SAMPLE } from "./summary-samples";
import { summarySheet } from "./summary-sheet";
import { NATIONAL_SAMPLE, PUJIANG_SAMPLE, SHANXI_DISCRETE_SAMPLE, SHAOXING_SAMPLE } from "./tier-samples";
import { tierSheet } from "./tier-sheet";

function template<K extends Template["kind"]>(kind: K, id: string): Extract<Template, { kind: K }> {
  const t = findTemplate(id);
  if (t?.kind !== kind) throw new Error(`the catalogue has no ${kind} ${id}`);
  return t as Extract<Template, { kind: K }>;
}

const scheme = (id: string): Scheme => template("scheme", id);
const summary = (id: string): SummaryTable => template("summary", id);
const kpis = (id: string): KpiSet => template("kpi-set", id);
const form = (id: string): Form => template("form", id);

export const TABLE_SHEETS: SheetTemplate[] = [
  tierSheet(scheme("shaoxing"), { name: "绍兴认定条件自评", role: "enterprise", byMode: false, commonTitle: "第五条 基本条件", sample: SHAOXING_SAMPLE }),
  tierSheet(scheme("national-2024"), { name: "梯度培育要素自评", role: "enterprise", byMode: false, commonTitle: "一、基础要求", sample: NATIONAL_SAMPLE }),
  tierSheet(scheme("shanxi-2018"), { name: "山西试点示范要素自评", role: "enterprise", byMode: true, commonTitle: "一、推荐的基本条件", sample: SHANXI_DISCRETE_SAMPLE }),
  tierSheet(scheme("pujiang"), { name: "浦江试点示范自评", role: "enterprise", byMode: false, commonTitle: "注册要求（各类型第1项）", sample: PUJIANG_SAMPLE }),
  summarySheet(summary("shanxi-2018-summary"), { name: "试点示范推荐汇总表", sample: SHANXI_2018_SUMMARY_SAMPLE }),
  summarySheet(summary("national-2024-summary"), { name: "卓越级推荐汇总表", sample: NATIONAL_2024_SUMMARY_SAMPLE }),
  kpiSheet(kpis("national-2024-kpis"), { name: "关键绩效指标跟踪", sample: KPI_SAMPLE }),
  formSheet(form("shanxi-2018-application"), { name: "试点示范申报书", sample: SHANXI_2018_APPLICATION_SAMPLE }),
  formSheet(form("pujiang-application"), { name: "浦江项目申报表", sample: PUJIANG_APPLICATION_SAMPLE }),
  formSheet(form("pujiang-acceptance"), { name: "浦江项目验收表", sample: PUJIANG_ACCEPTANCE_SAMPLE }),
];
