import type { SummarySource } from "../schema";
import { DOCUMENTS, SEEDS } from "../documents";
import { shanxi2018SummarySample } from "../samples/shanxi-2018-summary";

const doc = SEEDS.shanxi2018;
const at = (annex: string | undefined, item: string) => ({ doc, ...(annex ? { annex } : {}), item, ruling: "S1" });

/**
 * 山西省级智能制造试点示范推荐汇总表 (seed 001, 附件4; ruling S1). Rows are filled in priority
 * order (注 1, notice 二(四)); the limits come from the notice's 二(三). The transcription prints
 * the stamp line with half-width brackets, an artefact: the issued table uses full-width ones.
 */
export const shanxi2018Summary = {
  id: "shanxi-2018-summary",
  kind: "summary",
  // 2: the 附件N label took row 1 and the stamp line moved to row 3 (issue 11).
  version: 2,
  title: { zh: "山西省级智能制造试点示范推荐汇总表", en: "Shanxi provincial smart manufacturing pilot demonstration recommendation summary" },
  document: DOCUMENTS.shanxi2018,
  source: at("附件4", "山西省级智能制造试点示范推荐汇总表"),
  annex: "附件4",
  stampLine: { zh: "推荐单位（盖章）：", en: "Recommending unit (seal):" },
  columns: [
    // 序号 is numbered by the product, so nobody is asked to fill it.
    { key: "serial", header: { zh: "序号", en: "No." }, type: "serial", required: false },
    { key: "pilot-name", header: { zh: "试点示范名称", en: "Pilot demonstration name" }, type: "text", required: true, role: "project" },
    { key: "enterprise", header: { zh: "企业名称", en: "Enterprise name" }, type: "text", required: true, role: "enterprise" },
    { key: "contact", header: { zh: "联系人", en: "Contact person" }, type: "text", required: true, role: "contact" },
    { key: "mobile", header: { zh: "手机号码", en: "Mobile number" }, type: "mobile", required: true, role: "mobile" },
    { key: "email", header: { zh: "邮箱", en: "Email" }, type: "email", required: true, role: "email" },
  ],
  notes: [
    { zh: "推荐试点示范排名有先后", en: "Recommended pilot demonstrations are ranked in priority order" },
    { zh: "推荐数量不能超过规定的上限", en: "The number recommended may not exceed the prescribed limit" },
  ],
  recommenders: [
    {
      id: "reform-zone",
      name: { zh: "综改示范区管委会", en: "Comprehensive Reform Demonstration Zone Administrative Committee" },
      limit: 5,
      source: at(undefined, "二(三)"),
    },
    {
      id: "city-eitc",
      name: { zh: "市经信委", en: "Municipal Economic and Information Technology Commission" },
      limit: 5,
      source: at(undefined, "二(三)"),
    },
    {
      id: "industry-office",
      name: { zh: "省行业管理办公室", en: "Provincial industry administration office" },
      limit: 2,
      source: at(undefined, "二(三)"),
    },
  ],
  blankRows: 10,
  feeds: [
    {
      // The 申报书 (附件1) of each pilot demonstration is one row: 试点示范名称 is the cover's name,
      // or the form's 名称 when the cover is blank; 企业名称 is 一(一)'s, or the cover's 申报单位.
      form: "shanxi-2018-application",
      columns: {
        "pilot-name": ["cover-pilot-name", "pilot-name"],
        enterprise: ["enterprise-name", "cover-applicant"],
        contact: ["contact-name"],
        mobile: ["contact-mobile"],
        email: ["contact-email"],
      },
      source: { doc: SEEDS.shanxi2018, annex: "附件1", item: "一(一)", ruling: "S1" },
    },
  ],
  sheet: { name: "试点示范推荐汇总表" },
  sample: shanxi2018SummarySample,
} satisfies SummarySource;
