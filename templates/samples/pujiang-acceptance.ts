/**
 * The sample of pujiang-acceptance: the 验收表 of the same 浦江 crystal-ware maker's project,
 * filled in: answers by field key, as its sheet's data takes them.
 */
export const pujiangAcceptanceSample = {
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