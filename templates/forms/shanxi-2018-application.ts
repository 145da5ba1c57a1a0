import type { FormSource } from "../schema";
import { DOCUMENTS, SEEDS } from "../documents";
import { shanxi2018ApplicationSample } from "../samples/shanxi-2018-application";

const doc = SEEDS.shanxi2018;
const annex = "附件1";
const at = (item: string) => ({ doc, annex, item });

const WAN_YUAN = { zh: "万元", en: "10,000 yuan" };

/**
 * 智能制造试点示范申报书 (seed 001, 附件1): the cover and section 一、企业和试点示范基本信息, the
 * part of the 申报书 that is a table. Sections 二 to 六 are free prose and are not fields.
 *
 * Fields follow the printed table row by row, left to right, which is how it is read and filled;
 * a row holding two fields (总资产 | 负债率) gives two fields in that order. The table prints
 * units in the label ("总资产(万元)"); here they are `unit`, and the label is the bare name.
 *
 * 真实性承诺 is fixed wording, not an answer: it is the form's `pledge`, printed as its last row
 * with the seed's 法定代表人签章 / 公章 / 年月日 lines, which are signed and sealed on paper.
 * The cover (试点示范名称 … 申报日期) has no printed title; the table starts on a new page under
 * the heading 一、企业和试点示范基本信息, as in the seed.
 */
export const shanxi2018Application = {
  id: "shanxi-2018-application",
  kind: "form",
  // 2: the cover lost its invented 封面 title row, so every input below it moved up (issue 11).
  version: 2,
  annex: "附件1",
  title: { zh: "智能制造试点示范申报书", en: "Smart manufacturing pilot demonstration application" },
  document: DOCUMENTS.shanxi2018,
  source: at("一、企业和试点示范基本信息"),
  sections: [
    {
      title: { zh: "封面", en: "Cover" },
      untitled: true,
      source: at("封面"),
      fields: [
        { key: "cover-pilot-name", label: { zh: "试点示范名称", en: "Pilot demonstration name" }, type: "text" },
        { key: "cover-applicant", label: { zh: "申报单位（盖章）", en: "Applicant (seal)" }, type: "text" },
        { key: "cover-recommender", label: { zh: "推荐单位（盖章）", en: "Recommending unit (seal)" }, type: "text" },
        { key: "cover-date", label: { zh: "申报日期", en: "Application date" }, type: "date" },
      ],
    },
    {
      // The transcription mixes half- and full-width brackets in numbering; the issued form
      // (GB/T 9704 style) uses full-width （一）.
      title: { zh: "（一）企业基本信息", en: "(1) Enterprise basic information" },
      heading: { zh: "一、企业和试点示范基本信息", en: "1. Enterprise and pilot demonstration basic information" },
      newPage: true,
      source: at("一(一)"),
      fields: [
        { key: "enterprise-name", label: { zh: "企业名称", en: "Enterprise name" }, type: "text" },
        // 组织机构代码 is the 9-character pre-2015 code; since 2015 it is part of the 18-character
        // 统一社会信用代码, which most enterprises now write here: 18 characters are checked as a
        // 统一社会信用代码 (ruling S3), 9 are accepted as the old code.
        { key: "org-code", label: { zh: "组织机构代码", en: "Organisation code" }, type: "text", check: "credit-code" },
        { key: "founded", label: { zh: "成立时间", en: "Date of establishment" }, type: "date" },
        {
          key: "ownership",
          label: { zh: "企业性质", en: "Ownership" },
          type: "choice",
          options: [
            { zh: "国有", en: "State-owned" },
            { zh: "民营", en: "Private" },
            { zh: "三资", en: "Foreign-invested" },
          ],
        },
        { key: "address", label: { zh: "单位地址", en: "Address" }, type: "text" },
        // The 联系人 block is a merged row header over three rows of two cells (姓名 | 电话,
        // 职务 | 手机, 传真 | E-mail). Flattened, a bare 姓名 would lose whose name it is, so each
        // label joins the row header and the cell label as the form is read.
        { key: "contact-name", label: { zh: "联系人姓名", en: "Contact name" }, type: "text" },
        { key: "contact-phone", label: { zh: "联系人电话", en: "Contact telephone" }, type: "phone" },
        { key: "contact-title", label: { zh: "联系人职务", en: "Contact position" }, type: "text" },
        { key: "contact-mobile", label: { zh: "联系人手机", en: "Contact mobile" }, type: "mobile" },
        { key: "contact-fax", label: { zh: "联系人传真", en: "Contact fax" }, type: "phone" },
        { key: "contact-email", label: { zh: "联系人E-mail", en: "Contact email" }, type: "email" },
        { key: "total-assets", label: { zh: "总资产", en: "Total assets" }, type: "number", unit: WAN_YUAN },
        { key: "debt-ratio", label: { zh: "负债率", en: "Debt ratio" }, type: "percent" },
        { key: "credit-rating", label: { zh: "信用等级", en: "Credit rating" }, type: "text" },
        { key: "last-year-sales", label: { zh: "上年销售", en: "Sales last year" }, type: "number", unit: WAN_YUAN },
        { key: "last-year-tax", label: { zh: "上年税金", en: "Taxes last year" }, type: "number", unit: WAN_YUAN },
        { key: "last-year-profit", label: { zh: "上年利润", en: "Profit last year" }, type: "number", unit: WAN_YUAN },
        { key: "in-demo-base", label: { zh: "是否在新型工业化示范基地", en: "Located in a new-industrialisation demonstration base" }, type: "yesno" },
        // The form asks for the base's name inside the 是 option: "□ 是 (基地名称: ____)".
        { key: "demo-base-name", label: { zh: "基地名称", en: "Name of the base" }, type: "text" },
        {
          key: "integration-pilot",
          label: { zh: "是否是两化融合管理体系贯标试点企业", en: "Pilot enterprise for the IT–industrialisation integration management system standard" },
          type: "yesno",
        },
        {
          key: "profile",
          label: { zh: "企业简介", en: "Enterprise profile" },
          type: "longtext",
          maxLength: 400,
          hint: { zh: "发展历程、主营业务、市场销售等方面基本情况，限400字", en: "History, main business, market and sales; at most 400 characters" },
        },
      ],
    },
    {
      title: { zh: "（二）试点示范基本信息", en: "(2) Pilot demonstration basic information" },
      source: at("一(二)"),
      fields: [
        {
          // The form sets the options in two columns of three; read row by row they are the five
          // modes in 附件2's order, then 其他. Several may be ticked: the notice (二(二)) favours
          // pilots that 开展多种模式.
          key: "modes",
          label: { zh: "试点示范模式", en: "Pilot demonstration modes" },
          type: "multichoice",
          options: [
            { zh: "离散型智能制造模式", en: "Discrete smart manufacturing" },
            { zh: "流程型智能制造模式", en: "Process smart manufacturing" },
            { zh: "网络协同制造模式", en: "Networked collaborative manufacturing" },
            { zh: "大规模个性化定制模式", en: "Mass customisation" },
            { zh: "远程运维服务模式", en: "Remote operation and maintenance services" },
          ],
          other: true,
        },
        {
          key: "new-technologies",
          label: { zh: "新技术创新应用", en: "Innovative application of new technologies" },
          type: "multichoice",
          options: [
            { zh: "物联网", en: "Internet of Things" },
            { zh: "人工智能", en: "Artificial intelligence" },
          ],
        },
        { key: "pilot-name", label: { zh: "名称", en: "Name (of the pilot demonstration)" }, type: "text" },
        { key: "pilot-address", label: { zh: "地址", en: "Address (of the pilot demonstration)" }, type: "text" },
        { key: "pilot-period", label: { zh: "起止日期", en: "Start and end dates" }, type: "period" },
        { key: "total-investment", label: { zh: "总投资", en: "Total investment" }, type: "number", unit: WAN_YUAN },
        {
          key: "pilot-summary",
          label: { zh: "试点示范简述", en: "Pilot demonstration summary" },
          type: "longtext",
          maxLength: 400,
          hint: { zh: "对试点示范的智能化特征进行简要描述，不超过400字。", en: "Briefly describe the pilot's smart features, in no more than 400 characters." },
        },
      ],
    },
  ],
  pledge: {
    title: { zh: "真实性承诺", en: "Pledge of truthfulness" },
    text: {
      zh: "我单位申报的所有材料，均真实、完整，如有不实，愿承担相应的责任。",
      en: "All materials our organisation submits are true and complete; we accept the responsibility for anything untrue.",
    },
    // The seed prints the three lines right-aligned; the spaces are the room left to sign and date.
    signatures: [
      { zh: "法定代表人签章：", en: "Legal representative (signature and seal):" },
      { zh: "公　　章：", en: "Official seal:" },
      { zh: "年　　月　　日", en: "Date (year, month, day)" },
    ],
    source: at("一(二) 真实性承诺"),
  },
  sheet: { name: "试点示范申报书" },
  sample: shanxi2018ApplicationSample,
} satisfies FormSource;
