/**
 * The sample of shanxi-2018-application: a 山西 hydraulics maker's 申报书,
 * filled in: answers by field key, as its sheet's data takes them.
 */
export const shanxi2018ApplicationSample = {
  "cover-pilot-name": "高端液压支架离散型智能制造试点示范",
  "cover-applicant": "山西晋阳液压装备有限公司",
  "cover-recommender": "山西转型综合改革示范区管理委员会",
  "cover-date": "2018-04-02",
  "enterprise-name": "山西晋阳液压装备有限公司",
  "org-code": "MA0K3L7X2",
  founded: "2006-05-18",
  ownership: "民营",
  address: "山西省太原市山西转型综合改革示范区学府产业园长治路268号",
  "contact-name": "王建国",
  "contact-phone": "0351-7021234",
  "contact-title": "智能制造部部长",
  "contact-mobile": "13935112345",
  "contact-fax": "0351-7021235",
  "contact-email": "wangjg@jyhydraulic.com.cn",
  "total-assets": 86500,
  "debt-ratio": "48.6%",
  "credit-rating": "AA",
  "last-year-sales": 52000,
  "last-year-tax": 2860,
  "last-year-profit": 4150,
  "in-demo-base": "是",
  "demo-base-name": "太原装备制造新型工业化产业示范基地",
  "integration-pilot": "否",
  profile:
    "公司成立于2006年，专业从事煤矿综采液压支架及液压元件的研发、制造和服务，是山西省高新技术企业。" +
    "主导产品覆盖两柱掩护式、四柱支撑掩护式液压支架，年产能3000架，产品销往山西、陕西、内蒙古等主要产煤省区，国内市场占有率约6%。",
  modes: ["离散型智能制造模式"],
  "new-technologies": ["物联网"],
  "pilot-name": "高端液压支架智能制造数字化车间",
  "pilot-address": "山西省太原市山西转型综合改革示范区学府产业园长治路268号二号厂房",
  "pilot-period": "2017年3月—2019年6月",
  "total-investment": 12800,
  "pilot-summary":
    "建设结构件机器人焊接、数控下料和自动化装配生产线，关键工序数控化率达到72%；" +
    "以MES为核心贯通PDM、ERP，实现计划排产、质量追溯与设备状态的实时可视化管理。",
};