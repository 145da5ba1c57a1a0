import type { KpiSetSource } from "../schema";
import { DOCUMENTS, SEEDS } from "../documents";
import { national2024KpisSample } from "../samples/national-2024-kpis";

const doc = SEEDS.shanxi2024;
const annex = "附1";
const at = (item: string) => ({ doc, annex, item, ruling: "K1" });

type Indicator = KpiSetSource["categories"][number]["indicators"][number];

const PERCENT = { zh: "%", en: "%" };

/** A level KPI (ruling K1): the value is the indicator itself, and more is better. */
function level(no: number, zh: string, en: string, unit = PERCENT): Indicator {
  return { no, name: { zh, en }, unit, kind: "level", better: "higher", measure: { zh, en }, source: at(String(no)) };
}

/**
 * A change KPI (ruling K1): computed from a baseline and a current value of `measure`. Every
 * change KPI in 附1 is a percentage, so the unit is fixed; `better` follows the name's last
 * word (提升/增长 → higher, 缩短/下降/降低 → lower).
 */
function change(no: number, name: { zh: string; en: string }, better: "higher" | "lower", measure: { zh: string; en: string }): Indicator {
  return { no, name, unit: PERCENT, kind: "change", better, measure, source: at(String(no)) };
}

/**
 * 《智能工厂建设关键绩效指标参考》 (seed 002, 附件2's 附1): the 20 indicators in the table's order,
 * numbering and five categories. The seed prints each unit after the name, e.g. "(%)"; it is
 * `unit` here, not part of the name.
 */
export const nationalKpis = {
  id: "national-2024-kpis",
  kind: "kpi-set",
  version: 1,
  title: { zh: "智能工厂建设关键绩效指标参考", en: "Key performance indicators for smart factory construction (reference)" },
  document: DOCUMENTS.shanxi2024,
  source: at("智能工厂建设关键绩效指标参考"),
  categories: [
    {
      code: "(一)",
      name: { zh: "能力提升类指标", en: "Capability improvement indicators" },
      indicators: [
        level(1, "关键设备数控化率", "CNC rate of key equipment"),
        level(2, "先进过程控制投用率", "Advanced process control utilisation rate"),
        level(3, "应用人工智能技术场景比例", "Share of scenarios applying AI technology"),
        level(4, "工厂应用智能决策模型数量", "Number of intelligent decision models applied in the factory", { zh: "个", en: "models" }),
      ],
    },
    {
      code: "(二)",
      name: { zh: "价值效益类指标", en: "Value and benefit indicators" },
      indicators: [
        change(5, { zh: "研制周期缩短", en: "Development cycle reduction" }, "lower", { zh: "研制周期", en: "Development cycle time" }),
        // 销售增长率 ends in 率, not 增长, but it is the growth of sales between two periods, so
        // K1 counts it as a change; the seed does not name the measure, 销售额 is the plain reading.
        change(6, { zh: "销售增长率", en: "Sales growth rate" }, "higher", { zh: "销售额", en: "Sales" }),
      ],
    },
    {
      code: "(三)",
      name: { zh: "生产运营效率类指标", en: "Production and operations efficiency indicators" },
      indicators: [
        change(7, { zh: "生产效率提升", en: "Production efficiency improvement" }, "higher", { zh: "生产效率", en: "Production efficiency" }),
        change(8, { zh: "资源综合利用率提升", en: "Comprehensive resource utilisation rate improvement" }, "higher", { zh: "资源综合利用率", en: "Comprehensive resource utilisation rate" }),
        change(9, { zh: "产品不良率下降", en: "Product defect rate reduction" }, "lower", { zh: "产品不良率", en: "Product defect rate" }),
        change(10, { zh: "设备综合利用率提升", en: "Overall equipment utilisation rate improvement" }, "higher", { zh: "设备综合利用率", en: "Overall equipment utilisation rate" }),
        change(11, { zh: "库存周转率提升", en: "Inventory turnover improvement" }, "higher", { zh: "库存周转率", en: "Inventory turnover" }),
        change(12, { zh: "供应商准时交付率提升", en: "Supplier on-time delivery rate improvement" }, "higher", { zh: "供应商准时交付率", en: "Supplier on-time delivery rate" }),
        change(13, { zh: "订单准时交付率提升", en: "Order on-time delivery rate improvement" }, "higher", { zh: "订单准时交付率", en: "Order on-time delivery rate" }),
        change(14, { zh: "运营成本下降", en: "Operating cost reduction" }, "lower", { zh: "运营成本", en: "Operating cost" }),
        change(15, { zh: "全员劳动生产率提升", en: "Overall labour productivity improvement" }, "higher", { zh: "全员劳动生产率", en: "Overall labour productivity" }),
      ],
    },
    {
      code: "(四)",
      name: { zh: "可持续发展类指标", en: "Sustainable development indicators" },
      indicators: [
        change(16, { zh: "单位产品综合能耗降低", en: "Reduction of comprehensive energy consumption per unit of product" }, "lower", {
          zh: "单位产品综合能耗",
          en: "Comprehensive energy consumption per unit of product",
        }),
        // The transcription prints "二氧化碳 (CO ₂) 排放量": the spaces and half-width brackets are
        // artefacts of the subscript; the official typography is 二氧化碳（CO₂）.
        change(17, { zh: "单位产品二氧化碳（CO₂）排放量降低", en: "Reduction of CO₂ emissions per unit of product" }, "lower", {
          zh: "单位产品二氧化碳（CO₂）排放量",
          en: "CO₂ emissions per unit of product",
        }),
        level(18, "一般固废综合利用率", "Comprehensive utilisation rate of general solid waste"),
        level(19, "水资源重复利用率", "Water reuse rate"),
      ],
    },
    {
      code: "(五)",
      name: { zh: "推广应用类指标", en: "Dissemination and application indicators" },
      indicators: [
        level(
          20,
          "先进制造模式/解决方案向产业链供应链上下游复制推广的企业数量",
          "Number of upstream and downstream enterprises to which advanced manufacturing models or solutions have been replicated",
          { zh: "家", en: "enterprises" },
        ),
      ],
    },
  ],
  sheet: { name: "关键绩效指标跟踪" },
  sample: national2024KpisSample,
} satisfies KpiSetSource;
