import type { SummarySource } from "../schema";
import { DOCUMENTS, SEEDS } from "../documents";
import { national2024SummarySample } from "../samples/national-2024-summary";

const doc = SEEDS.shanxi2024;
const at = (annex: string | undefined, item: string) => ({ doc, ...(annex ? { annex } : {}), item, ruling: "S2" });

/**
 * 卓越级智能工厂项目推荐汇总表 (seed 002, 附件1; ruling S2). Rows are filled in priority order
 * (注 1, notice 二(三)); the limit of 3 per recommender comes from the notice's 二(二). The blank
 * table prints rows 1–7 and then "....." : 7 is what it prints, not a cap on rows.
 */
export const national2024Summary = {
  id: "national-2024-summary",
  kind: "summary",
  // 2: the 附件N label took row 1 and the stamp line moved to row 3 (issue 11).
  version: 2,
  title: { zh: "卓越级智能工厂项目推荐汇总表", en: "Recommendation summary of excellence-level smart factory projects" },
  document: DOCUMENTS.shanxi2024,
  source: at("附件1", "卓越级智能工厂项目推荐汇总表"),
  annex: "附件1",
  stampLine: { zh: "推荐单位（盖章）：", en: "Recommending unit (seal):" },
  columns: [
    // 序号 is numbered by the product, so nobody is asked to fill it.
    { key: "serial", header: { zh: "序号", en: "No." }, type: "serial", required: false },
    { key: "applicant", header: { zh: "申报单位名称", en: "Applicant name" }, type: "text", required: true, role: "enterprise" },
    { key: "project-name", header: { zh: "卓越级智能工厂项目名称", en: "Excellence-level smart factory project name" }, type: "text", required: true, role: "project" },
    {
      key: "scenarios",
      header: { zh: "涉及典型场景实例（罗列）", en: "Typical scenario instances covered (listed)" },
      type: "scenarios",
      required: true,
      role: "scenarios",
      // The worked example in row 1 of the blank table. The transcription runs the cell's lines
      // together with spaces around the dashes; entries are one per line, 环节名—场景名—实例名 (S2).
      example: {
        zh: "示例：\n1. 生产作业（环节名）—人机协同作业（场景名）—多机协同的发动机壳体柔性加工与检测（实例名）\n2.",
        en: "Example:\n1. Production operations (stage) — human–machine collaborative operation (scenario) — flexible multi-machine machining and inspection of engine housings (instance)\n2.",
      },
    },
    { key: "contact", header: { zh: "联系人", en: "Contact person" }, type: "text", required: true, role: "contact" },
    { key: "mobile", header: { zh: "联系方式（手机号）", en: "Contact (mobile number)" }, type: "mobile", required: true, role: "mobile" },
  ],
  notes: [
    { zh: "推荐的卓越级智能工厂项目按优先次序排名", en: "Recommended excellence-level smart factory projects are ranked in priority order" },
    { zh: "推荐数量不能超过通知中规定的上限", en: "The number recommended may not exceed the limit set in the notice" },
  ],
  recommenders: [
    {
      id: "reform-zone",
      name: { zh: "山西综改示范区管委会", en: "Shanxi Comprehensive Reform Demonstration Zone Administrative Committee" },
      limit: 3,
      source: at(undefined, "二(二)"),
    },
    {
      id: "city-miit",
      name: { zh: "市工信局", en: "Municipal Bureau of Industry and Information Technology" },
      limit: 3,
      source: at(undefined, "二(二)"),
    },
  ],
  blankRows: 7,
  sheet: { name: "卓越级推荐汇总表" },
  sample: national2024SummarySample,
} satisfies SummarySource;
