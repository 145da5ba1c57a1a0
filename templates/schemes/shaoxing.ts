import { DOCUMENTS, SEEDS } from "../documents";
import type { InputDef, SchemeSource, Source, Text } from "../schema";
import { shaoxingSample } from "../samples/shaoxing";

/**
 * 绍兴市传统产业智能化改造项目认定条件 (seed 003, 第五至八条; ruling T1).
 *
 * The three project types form a ladder: 生产线智能化改造项目 < 智能制造示范车间 < 智能工厂,
 * reported as the highest one met. It is not cumulative (ruling T5): each tier holds only the
 * conditions its own article states, and 第五条's 基本条件 are `common`.
 * 数控化率 and 机器联网率 are one input each, read by every article that sets a threshold on them,
 * so an enterprise answers them once and sees how far it is from each tier.
 */
const at = (item: string): Source => ({ doc: SEEDS.shaoxing2019, item, ruling: "T1" });

/**
 * 第八条(二) and its 附件《智能制造新模式关键要素》: a mode counts when the enterprise practises it
 * with first results (取得初步成效) and has each of its key elements (基本具备…关键要素), every
 * element an input of its own in the annex's order. Where an element sets a number (流程型 2.
 * 自动数采率达到90%以上, 3. 自控投用率达到90%以上) the number is a rate compared as ruling G1 reads
 * 达到…以上 (≥), beside a tick for the element's other wording. The closing 通过持续改进… paragraph
 * of each mode states the aim, not a key element, and is not asked.
 */
interface Mode {
  code: string;
  name: Text;
  elements: { zh: string; en: string; rate?: { code: string; label: Text } }[];
}

const MODES: Mode[] = [
  {
    code: "mode.discrete",
    name: { zh: "离散型智能制造模式", en: "Discrete smart manufacturing" },
    elements: [
      { zh: "工厂总体设计、工艺流程及布局均已建立数字化模型并模拟仿真，实现规划、生产、运营全流程数字化管理", en: "Digital models and simulation of plant design, process flow and layout; digital management of planning, production and operation" },
      { zh: "应用数字化三维设计与工艺技术进行产品、工艺设计与仿真并经检测试验验证优化，建立产品数据管理系统（PDM）", en: "3D digital product and process design and simulation, verified by tests; a product data management system (PDM)" },
      { zh: "高档数控机床与工业机器人、智能传感与控制、智能检测与装配、智能物流与仓储等关键技术装备在生产管控中互联互通与高度集成", en: "High-end CNC machines, robots, smart sensing, inspection, assembly, logistics and storage equipment interconnected and integrated in production control" },
      { zh: "建立生产过程数据采集和分析系统，充分采集生产现场数据并实现可视化管理", en: "A production data collection and analysis system gathering shop-floor data, with visual management" },
      { zh: "建立车间制造执行系统（MES）实现全过程闭环管理，建立企业资源计划系统（ERP）优化经营管理", en: "A shop-floor MES closing the loop over the whole process, and an ERP optimising business management" },
      { zh: "建立车间内部互联互通网络架构，各环节及与MES、ERP高效协同与集成，建立全生命周期产品信息统一平台", en: "An interconnected shop-floor network integrating every stage with MES and ERP, and a unified life-cycle product information platform" },
      { zh: "建有工业信息安全管理制度和技术防护体系，具备网络防护、应急响应等能力，建有功能安全保护系统", en: "Industrial information security rules and technical protection, network protection and emergency response, and a functional safety system" },
    ],
  },
  {
    code: "mode.process",
    name: { zh: "流程型智能制造模式", en: "Process smart manufacturing" },
    elements: [
      { zh: "工厂总体设计、工艺流程及布局均已建立数字化模型并模拟仿真，实现生产流程数据可视化和生产工艺优化", en: "Digital models and simulation of plant design, process flow and layout; visual process data and process optimisation" },
      {
        zh: "实现对物流、能流、物性、资产的全流程监控与高度集成，建立数据采集和监控系统",
        en: "Whole-process monitoring and integration of material, energy, properties and assets, with a data collection and monitoring system",
        rate: { code: "mode.process.data-rate", label: { zh: "生产工艺数据自动数采率", en: "Automatic collection rate of process data" } },
      },
      {
        zh: "采用先进控制系统，关键生产环节实现基于模型的先进控制和在线优化",
        en: "Advanced control systems, with model-based advanced control and online optimisation of key production steps",
        rate: { code: "mode.process.control-rate", label: { zh: "工厂自控投用率", en: "Plant automatic-control usage rate" } },
      },
      { zh: "建立制造执行系统（MES），生产计划、调度建立模型并一体化协同优化；建立企业资源计划系统（ERP）", en: "An MES with modelled planning and scheduling and integrated optimisation; an ERP" },
      { zh: "对存在较高安全风险和污染排放的项目，实现有毒有害物质排放和危险源自动检测监控，建立在线应急指挥联动系统（无此类风险的项目视为具备）", en: "Automatic monitoring of hazardous emissions and sources and an online emergency command system where the project carries such risks (met where it does not)" },
      { zh: "建立工厂内部互联互通网络架构，各环节及数据采集、监控系统与MES、ERP高效协同与集成，建立全生命周期数据统一平台", en: "An interconnected plant network integrating every stage, data collection and monitoring with MES and ERP, and a unified life-cycle data platform" },
      { zh: "建有工业信息安全管理制度和技术防护体系，具备网络防护、应急响应等能力，建有功能安全保护系统", en: "Industrial information security rules and technical protection, network protection and emergency response, and a functional safety system" },
    ],
  },
  {
    code: "mode.networked",
    name: { zh: "网络协同制造模式", en: "Networked collaborative manufacturing" },
    elements: [
      { zh: "建有工业互联网网络化制造资源协同云平台，具有完善的体系架构和相应的运行规则", en: "An industrial-internet cloud platform for networked manufacturing resources, with a complete architecture and operating rules" },
      { zh: "通过企业间研发系统协同，实现创新资源、设计能力的集成和对接", en: "Inter-company R&D collaboration integrating innovation resources and design capacity" },
      { zh: "通过企业间管理系统、服务支撑系统协同，实现生产与服务能力集成对接及制造各环节和供应链的并行组织和协同优化", en: "Inter-company management and service collaboration integrating production and service capacity and co-optimising stages and supply chain" },
      { zh: "利用工业云、工业大数据、标识解析等技术，建有全生产链协同共享的产品溯源体系", en: "A product traceability system shared along the production chain, built on industrial cloud, big data and identifier resolution" },
      { zh: "针对制造需求和社会化制造资源，开展制造服务和资源的动态分析和柔性配置", en: "Dynamic analysis and flexible allocation of manufacturing services and social manufacturing resources" },
      { zh: "建有工业信息安全管理制度和技术防护体系，具备网络防护、应急响应等信息安全保障能力", en: "Industrial information security rules and technical protection, with network protection and emergency response" },
    ],
  },
  {
    code: "mode.customization",
    name: { zh: "大规模个性化定制模式", en: "Mass customization" },
    elements: [
      { zh: "产品采用模块化设计，通过差异化的定制参数组合形成个性化产品", en: "Modular product design, combined into personalised products by differentiated parameters" },
      { zh: "建有工业互联网个性化定制服务平台，与用户深度交互，快速生成产品定制方案", en: "An industrial-internet customization platform interacting deeply with users and generating custom designs quickly" },
      { zh: "建有个性化产品数据库，应用大数据技术挖掘和分析用户个性化需求特征", en: "A personalised product database, with big-data mining of users' needs" },
      { zh: "个性化定制平台与研发设计、计划排产、柔性制造、营销、供应链、物流和售后等数字化制造系统协同与集成", en: "The customization platform integrated with design, scheduling, flexible manufacturing, marketing, supply chain, logistics and after-sales systems" },
    ],
  },
  {
    code: "mode.remote-service",
    name: { zh: "远程运维服务模式", en: "Remote operation and maintenance services" },
    elements: [
      { zh: "智能装备/产品配置开放的数据接口，具备数据采集、通信和远程控制等功能，可根据远程指令调整运行参数", en: "Smart equipment/products with open data interfaces for data collection, communication and remote control, adjustable by remote command" },
      { zh: "建立智能装备/产品远程运维服务平台，提供在线检测、故障预警与诊断、预测性维护、运行优化、远程升级等服务", en: "A remote O&M platform offering online inspection, fault warning and diagnosis, predictive maintenance, optimisation and remote upgrades" },
      { zh: "远程运维服务平台与产品全生命周期管理（PLM）、客户关系管理（CRM）、产品研发管理系统协同与集成", en: "The remote O&M platform integrated with PLM, CRM and product R&D management" },
      { zh: "建立专家库和专家咨询系统，为远程诊断提供决策支持并提出运行维护解决方案", en: "An expert base and consulting system supporting remote diagnosis and proposing O&M solutions" },
      { zh: "建立信息安全管理制度，具备信息安全防护能力", en: "Information security rules and protection" },
    ],
  },
];

/** 90%: 附件 二、2 and 3 (达到90%以上, ruling G1: ≥). */
const PROCESS_RATE_MIN = 0.9;

/** The practice tick, then per element its tick and, where it sets a number, its rate. */
function modeInputs(m: Mode): InputDef[] {
  return [
    {
      code: m.code,
      label: { zh: `开展${m.name.zh}创新实践，取得初步成效`, en: `Practising ${m.name.en} with first results` },
      type: "tick",
    },
    ...m.elements.flatMap((e, i): InputDef[] => [
      { code: `${m.code}.${i + 1}`, label: { zh: `${i + 1}. ${e.zh}`, en: `${i + 1}. ${e.en}` }, type: "tick" },
      ...(e.rate ? [{ code: e.rate.code, label: { zh: `${i + 1}. ${e.rate.label.zh}`, en: `${i + 1}. ${e.rate.label.en}` }, type: "rate" as const }] : []),
    ]),
  ];
}

function modeGroup(m: Mode) {
  return {
    name: m.name,
    elements: [
      { kind: "tick" as const, input: m.code },
      ...m.elements.flatMap((e, i) => [
        { kind: "tick" as const, input: `${m.code}.${i + 1}` },
        ...(e.rate ? [{ kind: "compare" as const, input: e.rate.code, op: ">=" as const, value: PROCESS_RATE_MIN }] : []),
      ]),
    ],
  };
}

export const shaoxing = {
  id: "shaoxing",
  // 2: 第八条(二) asks each new mode's key elements (附件) instead of one tick per mode (issue 12).
  version: 2,
  kind: "scheme",
  structure: "ladder",
  title: {
    zh: "绍兴市传统产业智能化改造项目认定条件",
    en: "Shaoxing recognition conditions for smart-upgrade projects of traditional industries",
  },
  document: DOCUMENTS.shaoxing2019,
  source: at("第五条至第八条"),
  inputs: [
    // 第五条 基本条件
    {
      code: "basic.1",
      label: {
        zh: "在绍兴市境内注册，具有独立法人资格的规模以上且生产经营正常的企业",
        en: "Registered in Shaoxing, an independent legal person, above designated size and operating normally",
      },
      type: "tick",
    },
    { code: "basic.2", label: { zh: "项目已建成投产", en: "The project is built and in production" }, type: "tick" },
    {
      code: "basic.3",
      label: {
        zh: "在降低运营成本、缩短研制周期、提高生产效率、降低不良品率、提高能源利用率等方面全面或部分取得成效，具有良好示范性",
        en: "Results in all or some of operating cost, development cycle, productivity, defect rate and energy efficiency, with good demonstration value",
      },
      type: "tick",
    },
    {
      code: "basic.4",
      label: {
        zh: "企业智能化、信息化建设制度健全，有对应的管理制度，执行情况良好",
        en: "Sound rules for smart and IT development, with matching management rules that are well carried out",
      },
      type: "tick",
    },
    // 第六条 生产线智能化改造项目
    {
      code: "line.equipment",
      label: {
        zh: "生产线关键生产装备中含有机器人、自动装配或智能检测等数字化、智能装备",
        en: "The line's key equipment includes digital or smart equipment such as robots, automatic assembly or smart inspection",
      },
      type: "tick",
    },
    { code: "cnc-rate", label: { zh: "装备数控化率", en: "Equipment CNC rate" }, type: "rate" },
    {
      code: "line.data",
      label: {
        zh: "生产线关键设备有输入输出数字接口，可采集生产执行、过程控制、物料能源消耗、产品产出、质量控制等数据",
        en: "The line's key equipment has digital I/O interfaces collecting execution, process control, material and energy use, output and quality data",
      },
      type: "tick",
    },
    { code: "network-rate", label: { zh: "机器联网率", en: "Machine networking rate" }, type: "rate" },
    // 第七条 智能制造示范车间
    {
      code: "workshop.1",
      label: {
        zh: "实时获取装备状态、过程控制和质量控制数据，并与信息系统有效集成，实现制造全过程透明化管理",
        en: "Equipment status, process control and quality data are captured in real time and integrated with information systems: a transparent manufacturing process",
      },
      type: "tick",
    },
    {
      code: "workshop.2",
      label: { zh: "关键技术装备实现信息互联互通", en: "Key technical equipment is interconnected" },
      type: "tick",
    },
    {
      code: "workshop.3",
      label: {
        zh: "以MES为核心，关键数控设备全部联网，实现车间现场网络化监控和可视化管理，建立综合自动化应用环境",
        en: "MES at the core, all key CNC equipment networked, networked monitoring and visual management of the shop floor, an integrated automation environment",
      },
      type: "tick",
    },
    {
      code: "workshop.4",
      label: {
        zh: "基于物联网、实时在线检测技术，实现加工、检测、物流等联网运行设备数据采集",
        en: "Data collection from networked machining, inspection and logistics equipment by IoT and real-time online inspection",
      },
      type: "tick",
    },
    // 第八条 智能工厂
    {
      code: "factory.1",
      label: {
        zh: "智能设备与信息技术有机融合，工作流、信息流、物流和资金流资源共享、高度协同，全部业务流程一体化智能化运作",
        en: "Smart equipment and IT fused; work, information, material and money flows shared and coordinated; all business processes run as one smart whole",
      },
      type: "tick",
    },
    // 第八条(二): the five new modes, each asked as its practice and its key elements (附件).
    ...MODES.flatMap(modeInputs),
    {
      code: "factory.3",
      label: {
        zh: "广泛采用工业机器人及智能加工、检测、搬运、采集、响应等智能装备",
        en: "Wide use of industrial robots and smart machining, inspection, handling, acquisition and response equipment",
      },
      type: "tick",
    },
    {
      code: "smart-equipment-share",
      label: { zh: "智能装备占主要生产装备总数比例", en: "Smart equipment as a share of main production equipment" },
      type: "rate",
    },
    {
      code: "factory.4",
      label: {
        zh: "物联网、大数据、云计算等广泛应用，自动识别技术广泛采用，“互联网+”协同制造得到体现",
        en: "Wide use of IoT, big data and cloud, and of automatic identification; \"Internet+\" collaborative manufacturing in evidence",
      },
      type: "tick",
    },
    {
      code: "design-tool-rate",
      label: {
        zh: "研发设计及管理工具（CAD、CAE、PDM、CAPP等）普及率",
        en: "Penetration of design and management tools (CAD, CAE, PDM, CAPP …)",
      },
      type: "rate",
    },
    {
      code: "mes-erp",
      label: {
        zh: "制造执行系统（MES）与企业资源计划系统（ERP）信息互联互通",
        en: "MES and ERP exchange information",
      },
      type: "tick",
    },
    {
      code: "factory.5",
      label: {
        zh: "统一信息管理平台和实时监控，实现生产操作、生产管理、管理决策全部业务流程闭环管理、智能化决策和执行",
        en: "A unified information platform and real-time monitoring: closed-loop, smart decision and execution across operations, production management and management decisions",
      },
      type: "tick",
    },
  ],
  common: [
    {
      id: "basic.1",
      text: {
        zh: "在绍兴市境内注册，具有独立法人资格的规模以上且生产经营正常的企业",
        en: "An enterprise registered in Shaoxing, an independent legal person, above designated size and operating normally",
      },
      source: at("第五条(一)"),
      test: { kind: "tick", input: "basic.1" },
    },
    {
      id: "basic.2",
      text: { zh: "项目已建成投产", en: "The project is built and in production" },
      source: at("第五条(二)"),
      test: { kind: "tick", input: "basic.2" },
    },
    {
      id: "basic.3",
      text: {
        zh: "在降本、缩短研制周期、提效、降不良品率、提高能源利用率等方面全面或部分指标取得成效，具有良好的示范性",
        en: "All or some indicators (cost, development cycle, productivity, defects, energy efficiency) improved, with good demonstration value",
      },
      source: at("第五条(三)"),
      test: { kind: "tick", input: "basic.3" },
    },
    {
      id: "basic.4",
      text: {
        zh: "企业智能化、信息化建设制度健全，有对应的管理制度，执行情况良好",
        en: "Sound rules for smart and IT development, with matching management rules that are well carried out",
      },
      source: at("第五条(四)"),
      test: { kind: "tick", input: "basic.4" },
    },
  ],
  tiers: [
    {
      id: "line",
      name: { zh: "生产线智能化改造项目", en: "Production-line smart upgrade project" },
      source: at("第六条"),
      conditions: [
        {
          id: "line.equipment",
          text: {
            zh: "关键生产装备中含有机器人、自动装配或智能检测等数字化、智能装备",
            en: "Key production equipment includes robots, automatic assembly or smart inspection",
          },
          source: at("第六条"),
          test: { kind: "tick", input: "line.equipment" },
        },
        {
          id: "line.cnc-rate",
          text: { zh: "装备数控化率达到60%以上", en: "Equipment CNC rate at least 60%" },
          source: at("第六条"),
          test: { kind: "compare", input: "cnc-rate", op: ">=", value: 0.6 },
        },
        {
          id: "line.data",
          text: {
            zh: "关键设备有输入输出数字接口，可实现生产执行、过程控制、物料能源消耗、产出、质量等数据信息采集",
            en: "Key equipment has digital I/O interfaces collecting execution, process, material, energy, output and quality data",
          },
          source: at("第六条"),
          test: { kind: "tick", input: "line.data" },
        },
        {
          id: "line.network-rate",
          text: { zh: "机器联网率达到40%以上", en: "Machine networking rate at least 40%" },
          source: at("第六条"),
          test: { kind: "compare", input: "network-rate", op: ">=", value: 0.4 },
        },
      ],
    },
    {
      id: "workshop",
      name: { zh: "智能制造示范车间", en: "Smart manufacturing demonstration workshop" },
      source: at("第七条"),
      conditions: [
        {
          id: "workshop.1",
          text: {
            zh: "实时获取装备状态、过程控制及质量控制数据并与信息系统有效集成，实现制造全过程透明化管理",
            en: "Real-time equipment, process and quality data integrated with information systems for a transparent manufacturing process",
          },
          source: at("第七条(一)"),
          test: { kind: "tick", input: "workshop.1" },
        },
        {
          id: "workshop.cnc-rate",
          text: { zh: "制造装备数控化率不低于65%", en: "Manufacturing equipment CNC rate not below 65%" },
          source: at("第七条(二)"),
          test: { kind: "compare", input: "cnc-rate", op: ">=", value: 0.65 },
        },
        {
          id: "workshop.2",
          text: { zh: "关键技术装备实现信息互联互通", en: "Key technical equipment is interconnected" },
          source: at("第七条(二)"),
          test: { kind: "tick", input: "workshop.2" },
        },
        {
          id: "workshop.3",
          text: {
            zh: "以MES为核心，关键数控设备全部联网，实现车间网络化监控和可视化管理，建立综合自动化应用环境",
            en: "MES at the core, all key CNC equipment networked, networked and visual shop-floor management, an integrated automation environment",
          },
          source: at("第七条(三)"),
          test: { kind: "tick", input: "workshop.3" },
        },
        {
          id: "workshop.4",
          text: {
            zh: "基于物联网、实时在线检测技术，实现加工、检测、物流等联网运行设备数据采集",
            en: "IoT and real-time online inspection collect data from networked machining, inspection and logistics equipment",
          },
          source: at("第七条(四)"),
          test: { kind: "tick", input: "workshop.4" },
        },
        {
          id: "workshop.network-rate",
          text: { zh: "机器联网率不低于50%", en: "Machine networking rate not below 50%" },
          source: at("第七条(四)"),
          test: { kind: "compare", input: "network-rate", op: ">=", value: 0.5 },
        },
      ],
    },
    {
      id: "factory",
      name: { zh: "智能工厂", en: "Smart factory" },
      source: at("第八条"),
      conditions: [
        {
          id: "factory.1",
          text: {
            zh: "智能设备与信息技术有机融合，四流资源共享、高度协同，全部业务流程一体化智能化运作",
            en: "Smart equipment and IT fused, the four flows shared and coordinated, all business processes run as one smart whole",
          },
          source: at("第八条(一)"),
          test: { kind: "tick", input: "factory.1" },
        },
        {
          id: "factory.2",
          text: {
            zh: "在智能制造5种新模式中开展一种及以上创新实践，取得初步成效，基本具备相应模式的关键要素",
            en: "Practising at least one of the five new smart-manufacturing modes with first results and its key elements basically in place",
          },
          source: { doc: SEEDS.shaoxing2019, annex: "附件《智能制造新模式关键要素》", item: "第八条(二)", ruling: "T1" },
          test: { kind: "groups", groups: MODES.map(modeGroup), atLeast: 1 },
        },
        {
          id: "factory.3",
          text: {
            zh: "广泛采用工业机器人，智能加工、检测、搬运、采集、响应等智能装备",
            en: "Wide use of industrial robots and smart machining, inspection, handling, acquisition and response equipment",
          },
          source: at("第八条(三)"),
          test: { kind: "tick", input: "factory.3" },
        },
        {
          id: "factory.smart-equipment-share",
          text: { zh: "智能装备占主要生产装备总数不低于70%", en: "Smart equipment at least 70% of main production equipment" },
          source: at("第八条(三)"),
          test: { kind: "compare", input: "smart-equipment-share", op: ">=", value: 0.7 },
        },
        {
          id: "factory.4",
          text: {
            zh: "物联网、大数据、云计算等广泛应用，自动识别技术广泛采用，“互联网+”协同制造得到体现",
            en: "IoT, big data, cloud and automatic identification widely used; \"Internet+\" collaborative manufacturing in evidence",
          },
          source: at("第八条(四)"),
          test: { kind: "tick", input: "factory.4" },
        },
        {
          id: "factory.design-tool-rate",
          text: {
            zh: "研发设计及管理工具（CAD、CAE、PDM、CAPP等）普及率不低于70%",
            en: "Design and management tools (CAD, CAE, PDM, CAPP …) penetration at least 70%",
          },
          source: at("第八条(四)"),
          test: { kind: "compare", input: "design-tool-rate", op: ">=", value: 0.7 },
        },
        {
          id: "factory.mes-erp",
          text: { zh: "制造执行系统（MES）与企业资源计划系统（ERP）信息互联互通", en: "MES and ERP exchange information" },
          source: at("第八条(四)"),
          test: { kind: "tick", input: "mes-erp" },
        },
        {
          id: "factory.network-rate",
          text: { zh: "机器联网率达到50%以上", en: "Machine networking rate at least 50%" },
          source: at("第八条(四)"),
          test: { kind: "compare", input: "network-rate", op: ">=", value: 0.5 },
        },
        {
          id: "factory.5",
          text: {
            zh: "统一信息管理平台和实时监控，实现生产操作、生产管理、管理决策全部业务流程闭环管理、一体化运作、智能化决策和执行",
            en: "A unified platform and real-time monitoring: closed-loop, integrated, smart decision and execution across all three layers",
          },
          source: at("第八条(五)"),
          test: { kind: "tick", input: "factory.5" },
        },
      ],
    },
  ],
  sheet: { name: "绍兴认定条件自评", commonTitle: "第五条 基本条件" },
  sample: shaoxingSample,
} satisfies SchemeSource;
