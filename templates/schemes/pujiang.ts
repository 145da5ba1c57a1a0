import { DOCUMENTS, SEEDS } from "../documents";
import type { InputDef, SchemeSource, Source, Text } from "../schema";
import { pujiangSample } from "../samples/pujiang";

/**
 * 浦江县制造业数字化转型试点示范 实施要求 (seed 004 三、(一)–(四); ruling T4).
 *
 * Four project types, each checked on its own ("alternatives"). Item 1 of every type repeats the
 * registration requirement (浦江县注册、独立法人), so it is one `common` tick; the rest of item 1
 * (investment, digital share, period) differs per type and is compared with the amounts. All
 * amounts are in 万元 and the total excludes civil works (不含土建、工程), as the item says.
 */
type ConditionSource = NonNullable<SchemeSource["common"]>[number];

const at = (item: string): Source => ({ doc: SEEDS.pujiang, item, ruling: "T4" });

const WAN = { zh: "万元", en: "10k CNY" };

/** A checklist item: one tick input and the condition reading it. */
interface Item {
  code: string;
  item: string;
  text: Text;
  /** Extra label wording, e.g. how a process-industry enterprise answers a discrete-only item. */
  note?: Text;
}

// Interpretation: 三(二)3 and 三(三)4 open with "对于离散制造业" — the whole item (工具普及率100%,
// 知识管理平台, 柔性协同设计平台) is asked of discrete manufacturers only. A process-industry
// enterprise cannot fail it, so it ticks the item as not applicable; the label says so, and the
// tick keeps the platforms; the 100% rate is asked as a rate of its own (design-tool-rate).
const DISCRETE_ONLY: Text = {
  zh: "仅适用于离散制造业；流程型企业视为不适用，请勾选",
  en: "applies to discrete manufacturing only; a process-industry enterprise ticks it as not applicable",
};

/** The rate part of 三(二)3 / 三(三)4, asked as a rate (研发设计工具普及率100%), with the same reading. */
const DISCRETE_RATE: Text = {
  zh: "仅适用于离散制造业；流程型企业视为不适用，请填 100%",
  en: "discrete manufacturing only; a process-industry enterprise enters 100% as not applicable",
};

function designTools(tier: string, item: string): ConditionSource {
  return {
    id: `${tier}.design-tool-rate`,
    text: { zh: "对于离散制造业，研发设计工具普及率100%", en: "For discrete manufacturing, 100% design-tool penetration" },
    source: at(item),
    test: { kind: "compare", input: "design-tool-rate", op: ">=", value: 1 },
  };
}

const DIGITAL_FACTORY: Item[] = [
  {
    code: "digital-factory.2",
    item: "三(一)2",
    text: {
      zh: "基于IOT技术实时在线检测和控制能耗设施，实现现场数据采集、过程监控、设备运维与产品质量跟踪追溯、优化控制和集约化生产",
      en: "IoT-based real-time monitoring and control of energy-using facilities: field data collection, process monitoring, equipment maintenance, quality traceability, optimised control and intensive production",
    },
  },
  {
    code: "digital-factory.3",
    item: "三(一)3",
    text: {
      zh: "数字化生产：以MES为核心，运用IOT技术，关键数控设备及大型加工中心全部联网，实现车间网络化监控和可视化管理，建立数字化工艺设计、加工、现场管理或质量检测的综合应用环境",
      en: "Digital production: MES at the core, all key CNC equipment and large machining centres networked by IoT, networked and visual shop-floor management, an integrated digital design, machining, shop-floor or quality environment",
    },
  },
];

const SMART_FACTORY: Item[] = [
  {
    code: "smart-factory.2",
    item: "三(二)2",
    text: {
      zh: "基于IOT和5G技术实时在线检测和控制能耗设施，实现现场数据采集、过程监控、设备运维与产品质量跟踪追溯、优化控制和集约化生产",
      en: "IoT- and 5G-based real-time monitoring and control of energy-using facilities: field data collection, process monitoring, maintenance, quality traceability, optimised control and intensive production",
    },
  },
  {
    code: "smart-factory.3",
    item: "三(二)3",
    text: {
      zh: "数字化研发：对于离散制造业，建有知识管理平台和面向订单的柔性协同设计平台（研发设计工具普及率另列）",
      en: "Digital R&D: for discrete manufacturing, a knowledge management platform and an order-driven flexible collaborative design platform (design-tool penetration asked separately)",
    },
    note: DISCRETE_ONLY,
  },
  {
    code: "smart-factory.4",
    item: "三(二)4",
    text: {
      zh: "智能化生产：建立工厂网络系统，广泛应用智能生产、检测、物流、自动仓储设备，依托数据采集与监视控制等系统实现采购计划调度、生产作业、仓储配送数据自动采集、在线分析和优化执行，工厂或车间少人化、无人化",
      en: "Smart production: a plant network, wide use of smart production, inspection, logistics and automated storage equipment; automatic collection, online analysis and optimised execution of purchasing, production and warehousing data; few or no operators",
    },
  },
  {
    code: "smart-factory.5",
    item: "三(二)5",
    text: {
      zh: "数字化管理：建立工业互联网平台，通过ERP、PLM、APS、WMS、SCM、CRM、OA等集成应用实现数据共享，在采购、生产、销售、质量等方面协同管理",
      en: "Digital management: an industrial internet platform integrating ERP, PLM, APS, WMS, SCM, CRM and OA, sharing data and coordinating purchasing, production, sales and quality",
    },
  },
  {
    code: "smart-factory.6",
    item: "三(二)6",
    text: {
      zh: "绿色化制造：建立能源综合管理监测系统和产耗预测模型，实现能源优化调度和节能管理；建立环保监测系统，实现全过程环保数据采集、实时监控及报警",
      en: "Green manufacturing: energy monitoring and a production-consumption forecasting model for optimised dispatch and saving; environmental monitoring with whole-process data collection, real-time monitoring and alarms",
    },
  },
];

const FUTURE_FACTORY: Item[] = [
  {
    code: "future-factory.2",
    item: "三(三)2",
    text: {
      zh: "架构先进性：信息化系统通过CPS采用微服务架构，整合ERP、MES、WMS、SRM、CRM、PLM等业务系统，能灵活扩展、轻松部署；有全业务系统长期规划方案",
      en: "Advanced architecture: CPS and microservices integrating ERP, MES, WMS, SRM, CRM and PLM, flexibly extensible and easy to deploy; a long-term plan for all business systems",
    },
  },
  {
    code: "future-factory.3",
    item: "三(三)3",
    text: {
      zh: "数字孪生应用：综合应用三维建模、仿真、VR/AR和物联网，构建产品、设备和产线数字孪生模型，实现实时可视化展示和迭代优化",
      en: "Digital twins: 3D modelling, simulation, VR/AR and IoT build twins of products, equipment and lines for real-time visualisation and iterative optimisation",
    },
  },
  {
    code: "future-factory.4",
    item: "三(三)4",
    text: {
      zh: "数字化设计：对于离散制造业，建有知识管理平台和面向订单的柔性协同设计平台（研发设计工具普及率另列）",
      en: "Digital design: for discrete manufacturing, a knowledge management platform and an order-driven flexible collaborative design platform (design-tool penetration asked separately)",
    },
    note: DISCRETE_ONLY,
  },
  {
    code: "future-factory.5",
    item: "三(三)5",
    text: {
      zh: "智能化生产：建立工厂网络系统，广泛应用智能生产、检测、物流设备和自动仓储，依托数据采集与监视控制、ERP、APS、MES、WMS等系统实现数据自动采集、在线分析和优化执行，少人化、无人化",
      en: "Smart production: a plant network, smart production, inspection and logistics equipment and automated storage; SCADA, ERP, APS, MES and WMS collect, analyse and act on data automatically; few or no operators",
    },
  },
  {
    code: "future-factory.6",
    item: "三(三)6",
    text: {
      zh: "绿色化制造：建立能源综合管理监测系统和产耗预测模型，实现能源优化调度和节能管理；建立环保监测系统，实现全过程环保数据采集、实时监控及报警",
      en: "Green manufacturing: energy monitoring and a production-consumption forecasting model; environmental monitoring with whole-process data collection, real-time monitoring and alarms",
    },
  },
  {
    code: "future-factory.7",
    item: "三(三)7",
    text: {
      zh: "数字化管理：建立工业互联网平台，通过ERP、PLM、SCM、CRM等集成应用实现数据共享，在采购、生产、销售、质量等方面协同管理",
      en: "Digital management: an industrial internet platform integrating ERP, PLM, SCM and CRM, sharing data and coordinating purchasing, production, sales and quality",
    },
  },
  {
    code: "future-factory.8",
    item: "三(三)8",
    text: {
      zh: "协同化制造：依托工业互联网平台共享人员、设备、数据等要素，打通企业间物流、资金流、信息流，实现设计、供应、制造和服务资源在线共享和优化配置",
      en: "Collaborative manufacturing: an industrial internet platform sharing people, equipment and data, linking material, money and information flows between enterprises, sharing design, supply, manufacturing and service resources online",
    },
  },
  {
    code: "future-factory.9",
    item: "三(三)9",
    text: {
      zh: "安全化管控：设立安全管理机构，制定风险管控准则和流程，实现人员、物料、过程、设备、环境、信息六类安全风险要素智能化管控，定期开展风险评估",
      en: "Safety control: a safety organisation, risk rules and procedures, smart control of the six risk factors (people, material, process, equipment, environment, information), regular risk assessment",
    },
  },
  {
    code: "future-factory.10",
    item: "三(三)10",
    text: {
      zh: "社会经济效益：提质增效成果显著，生产效率、资源综合利用率大幅提升，研制周期、运营成本、不良品率显著降低；形成一批专利、标准和经验成果，培育专业人才队伍",
      en: "Social and economic benefits: marked gains in productivity and resource use, shorter development cycles, lower cost and defects; patents, standards and experience; a professional team",
    },
  },
];

const SME: Item[] = [
  {
    code: "sme.2-1",
    item: "三(四)2(1)",
    text: {
      zh: "数字化制造—生产管理：打通人员、设备、材料、工艺等协同数据，运行数据数字化、网络化、无纸化、可视化、实时化，安装决策层、管理层到操作层的终端系统",
      en: "Digital manufacturing — production management: people, equipment, material and process data linked; digital, networked, paperless, visual, real-time operating data; terminals from decision to operator level",
    },
  },
  {
    code: "sme.2-2",
    item: "三(四)2(2)",
    text: {
      zh: "数字化制造—运营管理：打通生产经营全过程应用数据，实现设备与软件、软件与软件之间互联互通互操作",
      en: "Digital manufacturing — operations management: application data linked across production and business, equipment–software and software–software interoperability",
    },
  },
  {
    code: "sme.3",
    item: "三(四)3",
    text: {
      zh: "行业工业互联网平台服务：企业数据接入行业工业互联网平台，使用平台行业APP，实现生产过程无纸化、监控可视化及基于大数据和人工智能的运营分析（“三优化一全员的数字化服务”）",
      en: "Industry internet platform service: enterprise data on the industry platform, its apps used for paperless production, visual monitoring and big-data/AI operating analysis (\"three optimisations, all staff\" digital services)",
    },
  },
];

/**
 * The 备注 after 三(五) defines what counts: 智能化装备, and the 数字化改造软件 and 硬件 that make up
 * the digital investment. Shown beside the investment inputs, in the document's words.
 */
const NOTE_SOURCE = at("三 备注");
const EQUIPMENT_NOTE = {
  text: {
    zh: "智能化装备包括智能立库、AGV、机器人（三轴及以上）、机械臂、视觉检测、数字化仪器仪表、智能吊挂系统及具有联网功能的生产设备等",
    en: "Smart equipment includes smart high-bay warehouses, AGVs, robots (three axes or more), manipulators, vision inspection, digital instruments, smart hanging systems and networked production equipment",
  },
  source: NOTE_SOURCE,
};
const DIGITAL_NOTE = {
  text: {
    zh: "数字化改造软件包括产品生命周期管理（PLM）、产品数据管理（PDM）、计算机辅助工艺规划（CAPP）、计算机辅助工程（CAE）、计算机辅助设计与制造（CAD/CAM）、产品溯源系统、产品远程维修服务系统、数字控制系统、制造执行系统（MES）、柔性制造系统（FMS）、集散控制系统（DCS）、自动化立体仓库系统（AS/RS）、企业资源计划（ERP）、客户关系管理（CRM）、办公自动化（OA）、人力资源管理（HRM）、安全生产管理系统（SPMS）、商业智能（BI）、业务流程管理系统（BPMS）、供应链管理（SCM）、射频识别（RFID）、电子商城等现代物流技术应用系统、门户层应用系统、企业数据中心（IDC）、企业集团信息化集成平台、信息安全防护系统、边缘计算设备的嵌入式系统、工业及行业互联网平台的各种业务系统、微服务APP等；数字化改造硬件包括各种智能传感器、数据采集设备、边缘计算设备、网络连接设备及承载数字化系统的服务器设备、可视化看板、大屏、移动终端、扫码枪等终端设备",
    en: "Digital software includes PLM, PDM, CAPP, CAE, CAD/CAM, traceability, remote maintenance, numerical control, MES, FMS, DCS, AS/RS, ERP, CRM, OA, HRM, SPMS, BI, BPMS, SCM, RFID, e-commerce and logistics systems, portals, data centres, group integration platforms, security protection, embedded edge systems, industrial-internet platform systems and micro-service apps; digital hardware includes smart sensors, data acquisition, edge computing and network devices, servers hosting the digital systems, dashboards, large screens, mobile terminals and scanners",
  },
  source: NOTE_SOURCE,
};

function tickInput(i: Item): InputDef {
  const label = i.note ? { zh: `${i.text.zh}（${i.note.zh}）`, en: `${i.text.en} (${i.note.en})` } : i.text;
  return { code: i.code, label, type: "tick" };
}

function tickCondition(i: Item): ConditionSource {
  return { id: i.code, text: i.text, source: at(i.item), test: { kind: "tick", input: i.code } };
}

function atLeast(id: string, item: string, input: string, value: number, text: Text): ConditionSource {
  return { id, text, source: at(item), test: { kind: "compare", input, op: ">=", value } };
}

function period(id: string, item: string, years: number): ConditionSource {
  return {
    id,
    text: { zh: `建设周期不超过${years}年`, en: `Construction period at most ${years} year${years > 1 ? "s" : ""}` },
    source: at(item),
    test: { kind: "compare", input: "period", op: "<=", value: years },
  };
}

export const pujiang = {
  id: "pujiang",
  // 2: 研发设计工具普及率 became a rate input of its own (issue 12).
  version: 2,
  kind: "scheme",
  structure: "alternatives",
  title: {
    zh: "浦江县制造业数字化转型试点示范实施要求",
    en: "Pujiang manufacturing digital-transformation pilot requirements",
  },
  document: DOCUMENTS.pujiang,
  source: at("三(一)–(四)"),
  inputs: [
    {
      code: "registered",
      label: {
        zh: "项目实施主体在浦江县行政区域境内注册，具有独立法人资格",
        en: "The implementer is registered in Pujiang County and is an independent legal person",
      },
      type: "tick",
    },
    {
      code: "total-investment",
      label: { zh: "项目总投资（不含土建、工程）", en: "Total project investment (excluding civil works)" },
      type: "number",
      unit: WAN,
      min: 0,
      note: EQUIPMENT_NOTE,
    },
    {
      code: "digital-investment",
      label: { zh: "数字化改造软硬件投资", en: "Digital software and hardware investment" },
      type: "number",
      unit: WAN,
      min: 0,
      note: DIGITAL_NOTE,
    },
    {
      code: "design-tool-rate",
      label: { zh: `研发设计工具普及率（${DISCRETE_RATE.zh}）`, en: `Design-tool penetration (${DISCRETE_RATE.en})` },
      type: "rate",
    },
    { code: "period", label: { zh: "建设周期", en: "Construction period" }, type: "number", unit: { zh: "年", en: "years" }, min: 0 },
    ...[...DIGITAL_FACTORY, ...SMART_FACTORY, ...FUTURE_FACTORY, ...SME].map(tickInput),
  ],
  derived: [
    {
      code: "digital-share",
      label: { zh: "数字化改造软硬件投资占总投资比例", en: "Digital investment as a share of total investment" },
      ratio: ["digital-investment", "total-investment"],
      source: at("三(一)1"),
    },
  ],
  common: [
    {
      id: "registered",
      text: { zh: "在浦江县行政区域境内注册，具有独立法人资格", en: "Registered in Pujiang County, an independent legal person" },
      source: at("三(一)1、(二)1、(三)1、(四)1"),
      test: { kind: "tick", input: "registered" },
    },
  ],
  tiers: [
    {
      id: "digital-factory",
      name: { zh: "数字工厂（数字化车间）", en: "Digital factory (digital workshop)" },
      source: at("三(一)"),
      conditions: [
        atLeast("digital-factory.total", "三(一)1", "total-investment", 500, {
          zh: "项目总投资（不含土建、工程）达500万元以上",
          en: "Total investment (excluding civil works) at least 5 million CNY",
        }),
        atLeast("digital-factory.share", "三(一)1", "digital-share", 0.3, {
          zh: "数字化改造软硬件投资占总投资比例不低于30%",
          en: "Digital investment at least 30% of the total",
        }),
        atLeast("digital-factory.digital", "三(一)1", "digital-investment", 200, {
          zh: "数字化改造软硬件投资不低于200万元",
          en: "Digital investment at least 2 million CNY",
        }),
        period("digital-factory.period", "三(一)1", 2),
        ...DIGITAL_FACTORY.map(tickCondition),
      ],
    },
    {
      id: "smart-factory",
      name: { zh: "智能工厂", en: "Smart factory" },
      source: at("三(二)"),
      conditions: [
        atLeast("smart-factory.total", "三(二)1", "total-investment", 800, {
          zh: "项目总投资（不含土建、工程）达800万元以上",
          en: "Total investment (excluding civil works) at least 8 million CNY",
        }),
        atLeast("smart-factory.share", "三(二)1", "digital-share", 0.3, {
          zh: "数字化改造软硬件投资占总投资比例不低于30%",
          en: "Digital investment at least 30% of the total",
        }),
        atLeast("smart-factory.digital", "三(二)1", "digital-investment", 300, {
          zh: "数字化改造软硬件投资不低于300万元",
          en: "Digital investment at least 3 million CNY",
        }),
        period("smart-factory.period", "三(二)1", 2),
        ...SMART_FACTORY.map(tickCondition),
        designTools("smart-factory", "三(二)3"),
      ],
    },
    {
      id: "future-factory",
      name: { zh: "未来工厂", en: "Future factory" },
      source: at("三(三)"),
      conditions: [
        atLeast("future-factory.total", "三(三)1", "total-investment", 2000, {
          zh: "项目总投资（不含土建、工程）达2000万元以上",
          en: "Total investment (excluding civil works) at least 20 million CNY",
        }),
        // 三(三)1 sets a share only (不低于25%), no absolute digital amount.
        atLeast("future-factory.share", "三(三)1", "digital-share", 0.25, {
          zh: "数字化改造软硬件占总投资比例不低于25%",
          en: "Digital investment at least 25% of the total",
        }),
        period("future-factory.period", "三(三)1", 3),
        ...FUTURE_FACTORY.map(tickCondition),
        designTools("future-factory", "三(三)4"),
      ],
    },
    {
      id: "sme",
      name: { zh: "中小企业数字化制造及行业平台化服务", en: "SME digital manufacturing and industry platform services" },
      source: at("三(四)"),
      conditions: [period("sme.period", "三(四)1", 1), ...SME.map(tickCondition)],
    },
  ],
  sheet: { name: "浦江试点示范自评", commonTitle: "注册要求（各类型第1项）" },
  sample: pujiangSample,
} satisfies SchemeSource;
