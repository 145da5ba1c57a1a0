import type { Template } from "../../templates/schema";

/** What each kind of template is called in the command line's output (list, template check). */
export const KIND_NAMES: Record<Template["kind"], { zh: string; en: string }> = {
  rubric: { zh: "评分表", en: "rubric" },
  scheme: { zh: "认定方案", en: "tier scheme" },
  "kpi-set": { zh: "绩效指标", en: "KPI set" },
  summary: { zh: "推荐汇总表", en: "summary table" },
  form: { zh: "表单", en: "form" },
};
