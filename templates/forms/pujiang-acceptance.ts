import type { FormSource } from "../schema";
import { DOCUMENTS, SEEDS } from "../documents";
import { pujiangAcceptanceSample } from "../samples/pujiang-acceptance";

const doc = SEEDS.pujiang;
const annex = "附件3";
const at = (item: string) => ({ doc, annex, item });

/** The form's header says 单位：万元. */
const WAN_YUAN = { zh: "万元", en: "10,000 yuan" };

/**
 * 浦江县“企业数字化制造、行业平台化服务”验收表 (seed 004, 附件3). Each block of the printed table
 * (a merged row header on the left) is a section with the header's wording; 验收时间, printed above
 * the table, is a section of its own so that no field is filed under a heading it does not have.
 */
export const pujiangAcceptance = {
  id: "pujiang-acceptance",
  kind: "form",
  // 2: 专家签字 prints as its own line under 综合意见 and 企业参与验收人员 as the grid's row
  // header, so the inputs below 综合意见 moved (issue 11).
  version: 2,
  annex: "附件3",
  title: {
    zh: "浦江县“企业数字化制造、行业平台化服务”验收表",
    en: "Pujiang County acceptance form for “enterprise digital manufacturing, industry platform services” projects",
  },
  document: DOCUMENTS.pujiang,
  source: at("验收表"),
  sections: [
    {
      title: { zh: "验收时间", en: "Acceptance date" },
      source: at("验收时间"),
      // The form prints "2021年  月  日": the year is the draft's, so the field is a plain date.
      fields: [{ key: "acceptance-date", label: { zh: "验收时间", en: "Acceptance date" }, type: "date" }],
    },
    {
      title: { zh: "项目建设情况", en: "Project construction" },
      source: at("项目建设情况"),
      fields: [
        { key: "project-unit", label: { zh: "项目单位", en: "Project enterprise" }, type: "text" },
        { key: "project-name", label: { zh: "项目名称", en: "Project name" }, type: "text" },
        { key: "partner", label: { zh: "项目合作（支撑）单位名称", en: "Partner (supporting) organisation" }, type: "text" },
        { key: "equipment-amount", label: { zh: "本期设备金额", en: "Equipment spending this phase" }, type: "number", unit: WAN_YUAN },
        { key: "digital-amount", label: { zh: "本期软硬件金额", en: "Software and hardware spending this phase" }, type: "number", unit: WAN_YUAN },
        // "占投资总额及比例" could also be read as asking for the total investment as well as the
        // share; the cell is a single blank, so it holds the share, which is what 实施要求 tests
        // (数字化改造软硬件投资占总投资比例, ruling T4).
        { key: "digital-share", label: { zh: "软硬件占投资总额及比例", en: "Software and hardware share of total investment" }, type: "percent" },
        { key: "start-date", label: { zh: "开工时间", en: "Start date" }, type: "date" },
        { key: "completion-date", label: { zh: "竣工时间", en: "Completion date" }, type: "date" },
        {
          key: "content-and-results",
          label: { zh: "主要建设内容及成效", en: "Main construction content and results" },
          type: "longtext",
          hint: {
            zh: "从以下3个方面进行描述：\n1、企业信息基础设施及信息化人员配备情况；\n2、数字化制造及平台化服务建设内容及使用情况描述；\n3、从社会效益和经济效益维度进行效益分析，其中经济效益至少包括人员减少、效率提升、能耗减少、质量提升等方面进行描述。",
            en: "Describe three aspects:\n1. the enterprise's information infrastructure and IT staffing;\n2. what was built for digital manufacturing and platform services, and how it is used;\n3. social and economic benefits; economic benefits cover at least fewer staff, higher efficiency, lower energy use and better quality.",
          },
        },
      ],
    },
    {
      title: { zh: "验收中提出的主要问题及意见", en: "Main problems and opinions raised at acceptance" },
      source: at("验收中提出的主要问题及意见"),
      fields: [{ key: "problems", label: { zh: "验收中提出的主要问题及意见", en: "Main problems and opinions raised at acceptance" }, type: "longtext" }],
    },
    {
      title: { zh: "综合意见", en: "Overall opinion" },
      source: at("综合意见"),
      fields: [
        {
          // The cell ends with the experts' 专家签字 line, signed by hand on paper.
          key: "overall-opinion",
          label: { zh: "综合意见", en: "Overall opinion" },
          type: "longtext",
          signature: { zh: "专家签字：", en: "Expert signatures:" },
        },
      ],
    },
    {
      title: { zh: "企业参与验收人员", en: "Enterprise staff taking part in the acceptance" },
      source: at("企业参与验收人员"),
      fields: [
        {
          // The paper form sets two people side by side in 3 rows × 4 columns (姓名, 单位职务或岗位名称
          // twice) to save space. As data it is 6 people, one per row: a repeated 姓名 column would
          // make a column-addressed answer ambiguous, and the capacity (6) is the same.
          key: "enterprise-participants",
          label: { zh: "企业参与验收人员", en: "Enterprise staff taking part in the acceptance" },
          type: "grid",
          grid: {
            rows: [1, 2, 3, 4, 5, 6].map((n) => ({ zh: String(n), en: String(n) })),
            columns: [
              { zh: "姓名", en: "Name" },
              { zh: "单位职务或岗位名称", en: "Position or post in the enterprise" },
            ],
          },
        },
      ],
    },
  ],
  // Printed under the table; they govern the verdict written in 综合意见.
  notes: {
    label: { zh: "备注", en: "Notes" },
    items: [
      { zh: "验收时需考察软硬件实际运行情况", en: "Acceptance inspects the software and hardware actually running" },
      {
        zh: "如发现数字化投入明显不合理，数据造假等行为的，不予验收",
        en: "A project whose digital investment is clearly unreasonable, or whose data are falsified, is not accepted",
      },
      {
        zh: "第一次验收不合格，原则上再给一次验收机会，如果二次验收都不过则不再验收",
        en: "A project failing its first acceptance is in principle given one more; after two failures there is no further acceptance",
      },
    ],
    source: at("备注"),
  },
  sheet: { name: "浦江项目验收表" },
  sample: pujiangAcceptanceSample,
} satisfies FormSource;
