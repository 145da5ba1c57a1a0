import { DOCUMENTS, SEEDS } from "../documents";
import type { SchemeSource, Source } from "../schema";

/**
 * 绍兴市传统产业智能化改造项目认定条件 (seed 003, 第五至八条; ruling T1).
 *
 * The three project types form a ladder: 生产线智能化改造项目 < 智能制造示范车间 < 智能工厂.
 * Each tier holds only the conditions its own article states (the articles do not say that a
 * higher type must also meet a lower type's numbers), and 第五条's 基本条件 are `common`.
 * 数控化率 and 机器联网率 are one input each, read by every article that sets a threshold on them,
 * so an enterprise answers them once and sees how far it is from each tier.
 */
const at = (item: string): Source => ({ doc: SEEDS.shaoxing2019, item, ruling: "T1" });

export const shaoxing = {
  id: "shaoxing",
  version: 1,
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
    // 第八条(二): one tick per mode of the 附件《智能制造新模式关键要素》; the label carries the
    // article's own bar (取得初步成效，基本具备关键要素), so ticking a mode means both.
    {
      code: "mode.discrete",
      label: {
        zh: "开展离散型智能制造模式创新实践，取得初步成效，基本具备其关键要素",
        en: "Practising the discrete smart-manufacturing mode with first results and its key elements basically in place",
      },
      type: "tick",
    },
    {
      code: "mode.process",
      label: {
        zh: "开展流程型智能制造模式创新实践，取得初步成效，基本具备其关键要素",
        en: "Practising the process smart-manufacturing mode with first results and its key elements basically in place",
      },
      type: "tick",
    },
    {
      code: "mode.networked",
      label: {
        zh: "开展网络协同制造模式创新实践，取得初步成效，基本具备其关键要素",
        en: "Practising networked collaborative manufacturing with first results and its key elements basically in place",
      },
      type: "tick",
    },
    {
      code: "mode.customization",
      label: {
        zh: "开展大规模个性化定制模式创新实践，取得初步成效，基本具备其关键要素",
        en: "Practising mass customization with first results and its key elements basically in place",
      },
      type: "tick",
    },
    {
      code: "mode.remote-service",
      label: {
        zh: "开展远程运维服务模式创新实践，取得初步成效，基本具备其关键要素",
        en: "Practising remote operation and maintenance services with first results and its key elements basically in place",
      },
      type: "tick",
    },
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
          test: {
            kind: "any",
            inputs: ["mode.discrete", "mode.process", "mode.networked", "mode.customization", "mode.remote-service"],
            atLeast: 1,
          },
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
} satisfies SchemeSource;
