/**
 * The sample of national-2024-summary: a realistic recommendation list, within the default recommender's
 * limit. 附件1 (S2): two 卓越级 projects, scenario instances one per line as 环节名—场景名—实例名.
 */
export const national2024SummarySample = {
  recommender: "山西转型综合改革示范区管理委员会",
  rows: [
    {
      applicant: "山西晋阳液压装备有限公司",
      "project-name": "高端液压支架卓越级智能工厂",
      scenarios:
        "1. 生产作业—人机协同作业—液压支架结构件机器人焊接与视觉检测\n" +
        "2. 设备管理—设备运行监控—焊接机器人群远程状态监测与预测性维护\n" +
        "3. 计划调度—生产计划优化—基于APS的多品种订单排产",
      contact: "王建国",
      mobile: "13935112345",
    },
    {
      applicant: "山西汾河精密铸造有限公司",
      "project-name": "轻量化铝合金部件卓越级智能工厂",
      scenarios:
        "1. 工艺设计—工艺数字化设计—低压铸造工艺仿真与参数优化\n" +
        "2. 质量管控—在线智能检测—铸件X射线缺陷自动识别\n" +
        "3. 能碳管理—能耗数据监测—熔炼工序能耗实时监测与优化",
      contact: "李敏",
      mobile: "15803451234",
    },
  ],
};