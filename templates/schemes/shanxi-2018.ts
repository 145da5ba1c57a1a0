import { DOCUMENTS, SEEDS } from "../documents";
import type { InputDef, SchemeSource, Source, Text } from "../schema";
import { shanxi2018Sample } from "../samples/shanxi-2018";

/**
 * 2018年山西省级智能制造试点示范要素条件 (seed 001 附件2; ruling T3).
 *
 * Five modes and two new technologies, each checked on its own ("alternatives"): an enterprise
 * applies under one or several of them. Every numbered 要素 is a checklist item. Seed 001 words
 * the numeric ones vaguely (数控化率/自动数采率/自控投用率 "接近或达到先进水平"); the province's
 * fund guide (seed 000 一、(一)3, (二)2, (二)3) states the same 要素 with numbers, so — as T3
 * rules — those items split into a rate compared with seed 000's threshold and a tick for the
 * rest of the item's wording. The 推荐的基本条件 (seed 001 一) are `common`, except (三), which
 * is "meet the 要素条件" — the tiers themselves.
 */
type ConditionSource = NonNullable<SchemeSource["common"]>[number];

interface Threshold {
  /** Input code suffix, e.g. cnc-rate → discrete.cnc-rate. */
  code: string;
  label: Text;
  op: ">" | ">=";
  value: number;
  text: Text;
  /** The item of seed 000 that states the number, under 一、智能制造示范. */
  item: string;
}

interface Element {
  /** The wording that remains a yes/no answer (for a numeric item: the item without its number). */
  text: Text;
  threshold?: Threshold;
  /** Why a tick may stand for "not applicable", shown in the input label. */
  notApplicable?: Text;
}

interface Mode {
  id: string;
  name: Text;
  /** The 附件2 heading, e.g. 一(一). */
  item: string;
  elements: Element[];
}

const annex = (item: string): Source => ({ doc: SEEDS.shanxi2018, annex: "附件2", item, ruling: "T3" });

const SECURITY_WITH_FUNCTIONAL: Element = {
  text: {
    zh: "建有工业信息安全管理制度和技术防护体系，具备网络防护、应急响应等信息安全保障能力；建有功能安全保护系统，采用全生命周期方法有效避免系统失效",
    en: "Industrial information-security rules and technical protection, with network protection and emergency response; a functional-safety system using a life-cycle approach to avoid system failure",
  },
};

const MODES: Mode[] = [
  {
    id: "discrete",
    name: { zh: "离散型智能制造", en: "Discrete smart manufacturing" },
    item: "一(一)",
    elements: [
      {
        text: {
          zh: "车间/工厂的总体设计、工艺流程及布局均已建立数字化模型，并进行模拟仿真，实现规划、生产、运营全流程数字化管理",
          en: "Digital models of the workshop/factory design, process flow and layout, simulated; planning, production and operations managed digitally end to end",
        },
      },
      {
        text: {
          zh: "应用数字化三维设计与工艺技术进行产品、工艺设计与仿真，并通过物理检测与试验验证优化；建立产品数据管理系统（PDM），实现产品设计、工艺数据的集成管理",
          en: "3D digital product and process design and simulation, verified by physical tests; a PDM system integrating design and process data",
        },
      },
      {
        text: {
          zh: "高档数控机床与工业机器人、智能传感与控制、智能检测与装配、智能物流与仓储等关键技术装备之间实现信息互联互通与集成",
          en: "High-end CNC machines, industrial robots, smart sensing and control, inspection and assembly, logistics and warehousing equipment interconnected and integrated",
        },
        threshold: {
          code: "cnc-rate",
          label: { zh: "制造装备数控化率", en: "Manufacturing equipment CNC rate" },
          op: ">",
          value: 0.7,
          text: { zh: "制造装备数控化率超过70%", en: "Manufacturing equipment CNC rate above 70%" },
          item: "一(一)3",
        },
      },
      {
        text: {
          zh: "建立生产过程数据采集和分析系统，生产进度、现场操作、质量检验、设备状态、物料传送等现场数据自动上传，并实现可视化管理",
          en: "A production data acquisition and analysis system: progress, operations, inspection, equipment status and material movement data uploaded automatically and visualised",
        },
      },
      {
        text: {
          zh: "建立车间制造执行系统（MES），实现计划、调度、质量、设备、生产、能效等管理功能；建立企业资源计划系统（ERP），实现供应链、物流、成本等经营管理功能",
          en: "A shop-floor MES for planning, scheduling, quality, equipment, production and energy efficiency; an ERP for supply chain, logistics and cost",
        },
      },
      {
        text: {
          zh: "建立工厂内部通信网络架构，实现设计、工艺、制造、检验、物流等各环节之间，以及制造过程与MES、ERP的信息互联互通",
          en: "An in-plant communication network linking design, process, manufacturing, inspection and logistics with each other and with MES and ERP",
        },
      },
      SECURITY_WITH_FUNCTIONAL,
    ],
  },
  {
    id: "process",
    name: { zh: "流程型智能制造", en: "Process smart manufacturing" },
    item: "一(二)",
    elements: [
      {
        text: {
          zh: "工厂总体设计、工艺流程及布局均已建立数字化模型，并进行模拟仿真，实现生产流程数据可视化和生产工艺优化",
          en: "Digital models of the plant design, process flow and layout, simulated; process data visualised and the process optimised",
        },
      },
      {
        // Seed 000 一(二)2 adds 原料、关键工艺和成品检测数据的采集和集成利用及实时质量预警; the
        // 2018 notice (seed 001) does not, and T3 takes only the number from seed 000.
        text: {
          zh: "实现对物流、能流、物性、资产的全流程监控，建立数据采集和监控系统",
          en: "Whole-process monitoring of material flow, energy flow, material properties and assets, with a data acquisition and monitoring system",
        },
        threshold: {
          code: "data-collection-rate",
          label: { zh: "生产工艺数据自动数采率", en: "Automatic collection rate of process data" },
          op: ">=",
          value: 0.9,
          text: { zh: "生产工艺数据自动数采率达到90%以上", en: "Automatic collection rate of process data at least 90%" },
          item: "一(二)2",
        },
      },
      {
        text: {
          zh: "采用先进控制系统，关键生产环节实现基于模型的先进控制和在线优化",
          en: "An advanced control system; model-based advanced control and online optimisation of key production steps",
        },
        threshold: {
          code: "auto-control-rate",
          label: { zh: "工厂自控投用率", en: "Plant automatic-control utilisation rate" },
          op: ">=",
          value: 0.9,
          text: { zh: "工厂自控投用率达到90%以上", en: "Plant automatic-control utilisation rate at least 90%" },
          item: "一(二)3",
        },
      },
      {
        text: {
          zh: "建立生产执行系统（MES），计划、调度均建立模型，实现模型化分析决策、过程量化管理、成本质量动态跟踪及原材料到产成品一体化协同优化；建立ERP，实现经营、管理和决策的智能优化",
          en: "An MES with modelled planning and scheduling, model-based decisions, quantified process management, dynamic cost and quality tracking and raw-material-to-product optimisation; an ERP optimising business, management and decisions",
        },
      },
      {
        text: {
          zh: "对于存在较高安全与环境风险的试点示范，实现有毒有害物质排放和危险源的自动检测与监控、安全生产全方位监控，建立在线应急指挥联动系统",
          en: "Where safety and environmental risks are high: automatic detection and monitoring of toxic emissions and hazards, all-round safety monitoring and an online emergency command system",
        },
        // The item applies only where the risk exists; otherwise it cannot be unmet.
        notApplicable: {
          zh: "无较高安全与环境风险的，视为不适用，请勾选",
          en: "without high safety or environmental risk it does not apply: tick it",
        },
      },
      {
        text: {
          zh: "建立工厂通信网络架构，实现工艺、生产、检验、物流等各环节之间，以及制造过程与数据采集和监控系统、MES、ERP之间的信息互联互通",
          en: "A plant communication network linking process, production, inspection and logistics with each other and with the data acquisition and monitoring system, MES and ERP",
        },
      },
      SECURITY_WITH_FUNCTIONAL,
    ],
  },
  {
    id: "networked",
    name: { zh: "网络协同制造", en: "Networked collaborative manufacturing" },
    item: "一(三)",
    elements: [
      {
        text: {
          zh: "建有网络化制造资源协同云平台，具有完善的体系架构和相应的运行规则",
          en: "A networked cloud platform for manufacturing-resource collaboration with a complete architecture and operating rules",
        },
      },
      {
        text: {
          zh: "通过协同云平台展示社会/企业/部门制造资源，实现制造资源和需求的有效对接",
          en: "The platform shows public, enterprise and department manufacturing resources and matches them with demand",
        },
      },
      {
        text: {
          zh: "通过协同云平台，实现面向需求的企业间/部门间创新资源、设计能力的共享、互补和对接",
          en: "Demand-driven sharing and matching of innovation resources and design capability between enterprises or departments",
        },
      },
      {
        text: {
          zh: "通过协同云平台，实现面向订单的企业间/部门间生产资源合理调配，以及制造过程各环节和供应链的并行组织生产",
          en: "Order-driven allocation of production resources between enterprises or departments and concurrent organisation of manufacturing steps and supply chain",
        },
      },
      {
        text: {
          zh: "建有围绕全生产链协同共享的产品溯源体系，实现企业间涵盖生产制造与运维服务等环节的信息溯源服务",
          en: "A product traceability system shared along the production chain, tracing information across enterprises from manufacturing to service",
        },
      },
      {
        text: {
          zh: "建有工业信息安全管理规章制度和技术防护体系，具备网络防护、应急响应等信息安全保障能力",
          en: "Industrial information-security rules and technical protection, with network protection and emergency response",
        },
      },
    ],
  },
  {
    id: "customization",
    name: { zh: "大规模个性化定制", en: "Mass customization" },
    item: "一(四)",
    elements: [
      {
        text: {
          zh: "产品采用模块化设计，通过差异化的定制参数，组合形成个性化产品",
          en: "Modular product design: differentiated customisation parameters combine into personalised products",
        },
      },
      {
        text: {
          zh: "建有基于互联网的个性化定制服务平台，通过参数选择、三维建模、VR/AR等方式与用户深度交互，快速生成定制方案",
          en: "An internet customisation platform interacting with users through parameter choice, 3D modelling, VR or AR, quickly producing customisation plans",
        },
      },
      {
        text: {
          zh: "建有个性化产品数据库，应用大数据技术对用户个性化需求特征进行挖掘和分析",
          en: "A personalised-product database, with big-data mining of users' individual needs",
        },
      },
      {
        text: {
          zh: "个性化定制平台与研发设计、计划排产、柔性制造、营销管理、供应链管理、物流配送和售后服务等数字化制造系统实现协同与集成",
          en: "The customisation platform is integrated with design, scheduling, flexible manufacturing, marketing, supply chain, delivery and after-sales systems",
        },
      },
    ],
  },
  {
    id: "remote-service",
    name: { zh: "远程运维服务", en: "Remote operation and maintenance services" },
    item: "一(五)",
    elements: [
      {
        text: {
          zh: "智能装备/产品配置开放数据接口，具备数据采集、通信和远程控制功能，利用支持IPv4、IPv6的工业互联网上传设备状态、作业操作、环境等数据，并可按远程指令调整运行参数",
          en: "Smart equipment/products with open data interfaces, data acquisition, communication and remote control, uploading status, operation and environment data over IPv4/IPv6 industrial internet and adjustable by remote command",
        },
      },
      {
        text: {
          zh: "建立智能装备/产品远程运维服务平台，对上传数据筛选、梳理、存储与管理，并通过数据挖掘分析提供运行维护、在线检测、预测性维护、故障预警、诊断与修复、运行优化、远程升级等服务",
          en: "A remote O&M platform that curates uploaded data and, by mining it, offers maintenance, online inspection, predictive maintenance, fault warning, diagnosis and repair, optimisation and remote upgrades",
        },
      },
      {
        text: {
          zh: "远程运维服务平台与设备制造商的PLM、CRM、产品研发管理系统实现信息共享",
          en: "The remote O&M platform shares information with the manufacturer's PLM, CRM and R&D management systems",
        },
      },
      {
        text: {
          zh: "远程运维服务平台建立专家库和专家咨询系统，为远程诊断提供智能决策支持，并向用户提出运行维护解决方案",
          en: "The platform has an expert base and consulting system supporting remote diagnosis and proposing maintenance solutions to users",
        },
      },
      {
        text: {
          zh: "建立信息安全管理机制，具备信息安全防护能力",
          en: "An information-security management mechanism and protection capability",
        },
      },
    ],
  },
  {
    id: "iot",
    name: { zh: "物联网创新应用", en: "Internet of Things innovative application" },
    item: "二(一)",
    elements: [
      {
        text: {
          zh: "采用工业以太网、工业PON、工业无线、IPv6等技术实现装备、传感器、控制系统与管理系统互联及数据采集、流转和处理；实现工厂内、外网互联互通，支持业务协同",
          en: "Industrial Ethernet, PON, wireless and IPv6 link equipment, sensors, control and management systems for data acquisition, flow and processing; plant intranet and extranet interconnected for business collaboration",
        },
      },
      {
        text: {
          zh: "采用标识技术自动识别零部件、在制品、工序、产品等，在仓储、生产中自动采集处理信息，与国家工业互联网标识解析系统对接，实现产品全生命周期管理",
          en: "Identification technology recognises parts, work in progress, operations and products, capturing data in warehousing and production, linked to the national industrial-internet identifier resolution system for life-cycle management",
        },
      },
      {
        text: {
          zh: "实现工厂管理软件之间的横向互联，实现数据流动、转换和互认",
          en: "Plant management software is horizontally interconnected: data flows, converts and is mutually recognised",
        },
      },
      {
        text: {
          zh: "在企业内部建设或利用网络上的物联网平台，实现数据集成、分析和挖掘，支撑智能化生产、个性化定制、网络化协同、服务化延伸等应用",
          en: "An in-house or online IoT platform integrating, analysing and mining data for smart production, customisation, networked collaboration and service extension",
        },
      },
      {
        text: {
          zh: "部署工业防火墙、安全监测审计、入侵检测等安全技术措施，实现对物联网安全风险的防范、监测和响应",
          en: "Industrial firewalls, security monitoring and audit, intrusion detection: IoT security risks prevented, monitored and answered",
        },
      },
    ],
  },
  {
    id: "ai",
    name: { zh: "人工智能创新应用", en: "Artificial intelligence innovative application" },
    item: "二(二)",
    elements: [
      {
        text: {
          zh: "关键制造装备嵌入计算机视听觉、生物特征识别、智能语音、自然语言理解、智能决策控制、新型人机交互等人工智能技术，实现自感知、自学习、自适应、自控制",
          en: "Key equipment embeds AI (vision and hearing, biometrics, speech, language understanding, decision control, new HMI) for self-sensing, self-learning, self-adapting and self-control",
        },
      },
      {
        text: {
          zh: "构建工业大数据平台，采集设计、工艺、制造、物流、管理、销售、服务、运维等各环节数据，并进行有效筛选、梳理、存储和管理",
          en: "An industrial big-data platform collecting and curating data from design, process, manufacturing, logistics, management, sales, service and maintenance",
        },
      },
      {
        text: {
          zh: "应用机器学习、专家系统、深度学习等技术分析挖掘数据，实现对研发设计、生产制造、经营管理、物流销售、运维服务等环节的智能决策支持",
          en: "Machine learning, expert systems and deep learning analyse the data to support decisions in design, manufacturing, management, logistics, sales and service",
        },
      },
      {
        text: {
          zh: "目标产品集成应用智能感知、模式识别、智能分析、智能控制等人工智能技术，传感、交互、控制、协作、决策等性能和智能化水平显著提高",
          en: "The target product integrates smart sensing, pattern recognition, analysis and control, markedly improving sensing, interaction, control, collaboration and decision performance",
        },
      },
    ],
  },
];

/** 一、推荐的基本条件 (一)(二)(四)(五); the code keeps the notice's number. */
const BASIC: { n: number; item: string; text: Text }[] = [
  {
    n: 1,
    item: "一(一)",
    text: {
      zh: "实施单位在山西省境内注册，具有独立法人资格，正常运营，财务状况良好",
      en: "Registered in Shanxi, an independent legal person, operating normally and in good financial health",
    },
  },
  {
    n: 2,
    item: "一(二)",
    text: {
      zh: "试点示范技术上处于省内领先或国内先进水平，关键技术装备、软件安全可控",
      en: "Technically leading in the province or advanced nationally; key equipment and software secure and controllable",
    },
  },
  {
    n: 4,
    item: "一(四)",
    text: { zh: "实施单位或母公司为规模以上企业", en: "The implementer or its parent is an enterprise above designated size" },
  },
  {
    n: 5,
    item: "一(五)",
    text: {
      zh: "在降低运营成本、缩短研制周期、提高生产效率、降低不良品率、提高能源利用率等方面取得显著成效并持续提升，具有良好增长性和示范引领作用",
      en: "Marked and continuing gains in operating cost, development cycle, productivity, defect rate and energy efficiency, with good growth and demonstration value",
    },
  },
];

function tickLabel(e: Element): Text {
  if (!e.notApplicable) return e.text;
  return { zh: `${e.text.zh}（${e.notApplicable.zh}）`, en: `${e.text.en} (${e.notApplicable.en})` };
}

const inputs: InputDef[] = [
  ...BASIC.map((b): InputDef => ({ code: `basic.${b.n}`, label: b.text, type: "tick" })),
  ...MODES.flatMap((m) =>
    m.elements.flatMap((e, i): InputDef[] => [
      { code: `${m.id}.${i + 1}`, label: tickLabel(e), type: "tick" },
      ...(e.threshold ? [{ code: `${m.id}.${e.threshold.code}`, label: e.threshold.label, type: "rate" as const }] : []),
    ]),
  ),
];

function conditions(m: Mode): ConditionSource[] {
  return m.elements.flatMap((e, i): ConditionSource[] => {
    const n = i + 1;
    const tick: ConditionSource = {
      id: `${m.id}.${n}`,
      text: e.text,
      source: annex(`${m.item}${n}`),
      test: { kind: "tick", input: `${m.id}.${n}` },
    };
    if (!e.threshold) return [tick];
    const t = e.threshold;
    const rate: ConditionSource = {
      id: `${m.id}.${t.code}`,
      text: t.text,
      source: { doc: SEEDS.shanxiFundGuide, item: t.item, ruling: "T3" },
      test: { kind: "compare", input: `${m.id}.${t.code}`, op: t.op, value: t.value },
    };
    return [tick, rate];
  });
}

export const shanxi2018 = {
  id: "shanxi-2018",
  version: 1,
  kind: "scheme",
  structure: "alternatives",
  title: {
    zh: "2018年山西省级智能制造试点示范要素条件",
    en: "Shanxi 2018 provincial smart-manufacturing pilot demonstration conditions",
  },
  document: DOCUMENTS.shanxi2018,
  source: annex("一、二"),
  inputs,
  common: BASIC.map((b) => ({
    id: `basic.${b.n}`,
    text: b.text,
    source: { doc: SEEDS.shanxi2018, item: b.item, ruling: "T3" },
    test: { kind: "tick" as const, input: `basic.${b.n}` },
  })),
  tiers: MODES.map((m) => ({
    id: m.id,
    name: m.name,
    source: annex(m.item),
    conditions: conditions(m),
  })),
  sheet: { name: "山西试点示范要素自评", byMode: true, commonTitle: "一、推荐的基本条件" },
  sample: shanxi2018Sample,
} satisfies SchemeSource;

