/**
 * Submitted workbooks for the merge tests, written by the real .xlsx writer: a sheet rendered
 * blank with the given parameters, its input cells then written as a person types them
 * (fillInputs), so a submission can hold what render would refuse, such as a bad mobile number.
 */
import { fillInputs } from "../../src/sheets/fill-inputs";
import { checkParams } from "../../src/sheets/params";
import type { CellValue, SheetPlan } from "../../src/sheets/plan";
import { findSheetTemplate } from "../../src/sheets/registry";
import type { SourceFile } from "../../src/merge/read-source";
import { writeWorkbook } from "../../src/xlsx/writer";

export type Row = Record<string, string>;

/** Three pilots as counties write them, and an application form of a fourth enterprise. */
export const ROW_A: Row = { "pilot-name": "高端液压支架离散型智能制造试点示范", enterprise: "山西晋阳液压装备有限公司", contact: "王建国", mobile: "13935112345", email: "wangjg@jyhydraulic.com.cn" };
export const ROW_B: Row = { "pilot-name": "铝合金轮毂大规模个性化定制试点示范", enterprise: "山西汾河精密铸造有限公司", contact: "李敏", mobile: "15803451234", email: "limin@fhcasting.cn" };
export const ROW_C: Row = { "pilot-name": "煤矿综采装备远程运维服务试点示范", enterprise: "山西太行智能装备股份有限公司", contact: "赵晓峰", mobile: "18636012345", email: "zhaoxf@taihang-ie.com" };
export const FORM: Record<string, string> = {
  "cover-pilot-name": "精密轴承数字化车间试点示范",
  "enterprise-name": "山西长治轴承制造有限公司",
  "org-code": "91140400MA0K3L7X27",
  "contact-name": "孙丽",
  "contact-mobile": "13703551234",
  "contact-email": "sunli@czbearing.cn",
};

export function filledPlan(template: string, params: Record<string, string | number>, inputs: Record<string, CellValue>): SheetPlan {
  const t = findSheetTemplate(template);
  if (!t) throw new Error(`no sheet template ${template}`);
  const checked = checkParams(t.params, params);
  if (!checked.ok) throw new Error(`bad params for ${template}`);
  const blank = t.render(checked.value, undefined);
  if (!blank.ok) throw new Error(`${template} does not render blank`);
  return fillInputs(blank.value, Object.entries(inputs));
}

/** A summary table with these rows, as a county or a city sends it. */
export function summaryPlan(rows: Row[], { template = "shanxi-2018-summary", recommender = "reform-zone", size = Math.max(rows.length, 3), stamp = "某某区工信局" } = {}): SheetPlan {
  const inputs: Record<string, CellValue> = { recommender: stamp };
  rows.forEach((r, i) => Object.entries(r).forEach(([k, v]) => (inputs[`rows/${i}/${k}`] = v)));
  return filledPlan(template, { recommender, rows: size }, inputs);
}

/** A 2018 application form (申报书) with these fields. */
export function formPlan(fields: Record<string, string>): SheetPlan {
  return filledPlan("shanxi-2018-application", {}, fields);
}

export async function workbookFile(name: string, plans: SheetPlan[]): Promise<SourceFile> {
  return { name, bytes: new Uint8Array((await writeWorkbook(plans)).bytes) };
}
