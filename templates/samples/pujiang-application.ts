/**
 * The sample of pujiang-application: a 浦江 crystal-ware maker's 申报表,
 * filled in: answers by field key, as its sheet's data takes them.
 */
export const pujiangApplicationSample = {
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