import type { FormSource } from "../schema";
import { DOCUMENTS, SEEDS } from "../documents";
import { pujiangApplicationSample } from "../samples/pujiang-application";

const doc = SEEDS.pujiang;
const annex = "附件1";
const at = (item: string) => ({ doc, annex, item });

/** The form's header says 金额单位：万元: every amount on it is in 万元. */
const WAN_YUAN = { zh: "万元", en: "10,000 yuan" };

/** The merged row header the seed prints left of 主要目标 … 技术路线 (附件1 三). */
const OVERVIEW = { zh: "项目内容概述", en: "Project overview" };

/**
 * 浦江县“企业数字化制造、行业平台化服务”改造提升项目申报表 (seed 004, 附件1), in the printed order,
 * row by row and left to right. The form jumps from 三 to 六: there is no 四 or 五 in the seed,
 * so the section keeps its printed number rather than being renumbered.
 */
export const pujiangApplication = {
  id: "pujiang-application",
  kind: "form",
  // 2: 项目内容概述 prints as a row header left of the five long texts, which moved right (issue 11).
  version: 2,
  annex: "附件1",
  title: {
    zh: "浦江县“企业数字化制造、行业平台化服务”改造提升项目申报表",
    en: "Pujiang County application form for “enterprise digital manufacturing, industry platform services” upgrading projects",
  },
  document: DOCUMENTS.pujiang,
  source: at("申报表"),
  sections: [
    {
      title: { zh: "一、企业基本情况", en: "1. Enterprise basic information" },
      source: at("一"),
      fields: [
        // Printed above the table, beside 金额单位; it names the enterprise the whole form is about.
        { key: "enterprise-name", label: { zh: "企业名称（公章）", en: "Enterprise name (official seal)" }, type: "text" },
        { key: "address", label: { zh: "通讯地址", en: "Mailing address" }, type: "text" },
        { key: "postcode", label: { zh: "邮政编码", en: "Postcode" }, type: "text" },
        { key: "legal-representative", label: { zh: "法人代表", en: "Legal representative" }, type: "text" },
        { key: "registered-capital", label: { zh: "注册资本金", en: "Registered capital" }, type: "number", unit: WAN_YUAN },
        // The form offers no options for 经济性质, so it is free text.
        { key: "ownership", label: { zh: "企业经济性质", en: "Economic nature of the enterprise" }, type: "text" },
        { key: "total-assets", label: { zh: "总资产", en: "Total assets" }, type: "number", unit: WAN_YUAN },
        { key: "fixed-assets", label: { zh: "固定资产总额", en: "Total fixed assets" }, type: "number", unit: WAN_YUAN },
        // Printed as 资产负债率（％）: the （％） is what the percent type means.
        { key: "debt-ratio", label: { zh: "资产负债率", en: "Asset-liability ratio" }, type: "percent" },
      ],
    },
    {
      title: { zh: "二、企业经营情况", en: "2. Business performance" },
      source: at("二"),
      fields: [
        {
          // The rows are printed as 2020年 (the draft's previous year) and the current year to date;
          // they are kept as printed, since the seed gives no rule for later years.
          key: "performance",
          label: { zh: "企业经营情况", en: "Business performance" },
          type: "grid",
          unit: WAN_YUAN,
          grid: {
            rows: [
              { zh: "2020年", en: "2020" },
              { zh: "本年度（截至申报期）", en: "This year (to the application date)" },
            ],
            columns: [
              { zh: "企业营业收入", en: "Operating revenue" },
              { zh: "利润总额", en: "Total profit" },
              { zh: "上缴税金", en: "Taxes paid" },
              { zh: "信息化总投入", en: "Total IT investment" },
            ],
          },
        },
      ],
    },
    {
      title: { zh: "三、项目基本情况", en: "3. Project basic information" },
      source: at("三"),
      fields: [
        { key: "project-name", label: { zh: "项目名称", en: "Project name" }, type: "text" },
        {
          key: "project-type",
          label: { zh: "项目类型", en: "Project type" },
          type: "choice",
          options: [
            { zh: "未来工厂", en: "Future factory" },
            { zh: "智能工厂", en: "Smart factory" },
            { zh: "数字工厂", en: "Digital factory" },
            { zh: "数字化制造及行业平台化服务", en: "Digital manufacturing and industry platform services" },
          ],
        },
        { key: "project-period", label: { zh: "项目实施起止时间", en: "Project start and end dates" }, type: "period" },
        { key: "project-lead", label: { zh: "项目负责人", en: "Project lead" }, type: "text" },
        { key: "project-lead-mobile", label: { zh: "手机号码", en: "Mobile number (project lead)" }, type: "mobile" },
        { key: "contact-name", label: { zh: "联系人", en: "Contact person" }, type: "text" },
        { key: "contact-mobile", label: { zh: "手机号码", en: "Mobile number (contact)" }, type: "mobile" },
        { key: "contact-fax", label: { zh: "传真", en: "Fax" }, type: "phone" },
        // The five below sit under the merged row header 项目内容概述 (project overview).
        { key: "goals", label: { zh: "主要目标", en: "Main goals" }, type: "longtext", group: OVERVIEW },
        {
          key: "content",
          label: { zh: "实施内容", en: "Implementation content" },
          type: "longtext",
          hint: { zh: "如项目分期，明确注明每期具体目标和实施内容", en: "If the project is phased, state each phase's goals and content" },
          group: OVERVIEW,
        },
        { key: "foundation", label: { zh: "现有基础", en: "Existing foundation" }, type: "longtext", group: OVERVIEW },
        { key: "key-issues", label: { zh: "关键问题", en: "Key issues" }, type: "longtext", group: OVERVIEW },
        { key: "technical-route", label: { zh: "技术路线", en: "Technical route" }, type: "longtext", group: OVERVIEW },
      ],
    },
    {
      title: { zh: "六、审核意见", en: "6. Review opinion" },
      source: at("六"),
      fields: [{ key: "expert-opinion", label: { zh: "专家评审意见", en: "Expert review opinion" }, type: "longtext" }],
    },
  ],
  sheet: { name: "浦江项目申报表" },
  sample: pujiangApplicationSample,
} satisfies FormSource;
