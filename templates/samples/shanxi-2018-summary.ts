/**
 * The sample of shanxi-2018-summary: a realistic recommendation list, within the default recommender's
 * limit. 附件4 (S1) as the 综改示范区管委会 would send it: three pilots in priority order.
 */
export const shanxi2018SummarySample = {
  recommender: "山西转型综合改革示范区管理委员会",
  rows: [
    { "pilot-name": "高端液压支架离散型智能制造试点示范", enterprise: "山西晋阳液压装备有限公司", contact: "王建国", mobile: "13935112345", email: "wangjg@jyhydraulic.com.cn" },
    { "pilot-name": "铝合金轮毂大规模个性化定制试点示范", enterprise: "山西汾河精密铸造有限公司", contact: "李敏", mobile: "15803451234", email: "limin@fhcasting.cn" },
    { "pilot-name": "煤矿综采装备远程运维服务试点示范", enterprise: "山西太行智能装备股份有限公司", contact: "赵晓峰", mobile: "18636012345", email: "zhaoxf@taihang-ie.com" },
  ],
};