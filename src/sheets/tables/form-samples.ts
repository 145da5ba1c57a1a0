/** Filled-in forms for `assessbook build --all`: a 山西 hydraulics maker and a 浦江 crystal-ware maker. */

export const SHANXI_2018_APPLICATION_SAMPLE = {
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

export const PUJIANG_APPLICATION_SAMPLE = {
  "enterprise-name": "浦江县鑫泰水晶工艺品有限公司",
  address: "浙江省金华市浦江县经济开发区恒昌大道188号",
  postcode: "322200",
  "legal-representative": "张伟",
  "registered-capital": 3000,
  ownership: "有限责任公司（自然人投资或控股）",
  "total-assets": 18600,
  "fixed-assets": 9200,
  "debt-ratio": "41.5%",
  performance: [
    [26800, 2150, 1320, 380],
    [21500, 1760, 1080, 520],
  ],
  "project-name": "水晶玻璃制品数字化车间改造提升项目",
  "project-type": "数字工厂",
  "project-period": "2021年3月—2022年8月",
  "project-lead": "张伟",
  "project-lead-mobile": "13757912345",
  "contact-name": "陈丽",
  "contact-mobile": "15858912345",
  "contact-fax": "0579-84123456",
  goals: "建成冷加工数字化车间，关键设备联网率100%，生产效率提高20%，产品不良率降低15%。",
  content: "一期（2021年）：磨抛设备数控化改造与设备联网；二期（2022年）：上线MES与WMS，实现订单到出库全过程数据贯通。",
  foundation: "已使用ERP系统五年，拥有数控磨抛设备86台，建有千兆工业以太网。",
  "key-issues": "老旧设备数据接口不统一；多品种小批量订单的排产效率低。",
  "technical-route": "加装物联网采集终端统一设备协议，以MES为核心集成ERP、WMS，基于APS进行排产优化。",
};

export const PUJIANG_ACCEPTANCE_SAMPLE = {
  "acceptance-date": "2022-11-16",
  "project-unit": "浦江县鑫泰水晶工艺品有限公司",
  "project-name": "水晶玻璃制品数字化车间改造提升项目",
  partner: "金华智联工业互联网科技有限公司",
  "equipment-amount": 520,
  "digital-amount": 310,
  "digital-share": "36%",
  "start-date": "2021-03-15",
  "completion-date": "2022-08-30",
  "content-and-results":
    "1、建成覆盖冷加工车间的千兆工业网络，配备信息化专职人员6名；" +
    "2、完成86台磨抛设备联网和MES、WMS上线，订单、生产、仓储数据贯通；" +
    "3、生产效率提高22%，产品不良率降低16%，单位产品能耗降低9%，车间用工减少18人。",
  problems: "部分设备数据采集频率偏低，建议提高采集频率并完善设备预警规则。",
  "overall-opinion": "项目按申报内容完成建设，软硬件运行正常，同意通过验收。",
  "enterprise-participants": [
    ["张伟", "总经理"],
    ["陈丽", "信息中心主任"],
    ["王强", "生产部经理"],
  ],
};
