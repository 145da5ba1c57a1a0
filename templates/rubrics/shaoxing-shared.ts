import type { RubricSource } from "../schema";
import { SEEDS } from "../documents";

/**
 * What 表1 and 表2 of seed 003 print identically: 入户诊断, the information-security options and the
 * 成效指标 section (亩均产值, 人才储备, R&D, efficiency, defects, low-end labour). Only the
 * low-end-labour brackets differ (ruling P2), so they are a parameter.
 */
type Input = RubricSource["inputs"][number];
type Section = RubricSource["sections"][number];
type Item = Section["items"][number];

export function tick(code: string, zh: string, en: string): Input {
  return { code, type: "tick", label: { zh, en } };
}

/** 表1 3.2's seven 多项选择 options, in the table's order (input codes 3.2.1 … 3.2.7). */
export const DATA_COLLECTION_FUNCTIONS = [
  { zh: "生产现场数据采集率50%以上", en: "Shop-floor data collection rate 50% or more" },
  { zh: "制造进度分析", en: "Production progress analysis" },
  { zh: "物料信息采集", en: "Material data collection" },
  { zh: "质量检验", en: "Quality inspection" },
  { zh: "设备状态监测", en: "Equipment condition monitoring" },
  { zh: "能源监控", en: "Energy monitoring" },
  { zh: "环保监测", en: "Environmental monitoring" },
];

const INFO_SECURITY = [
  { zh: "建立办公信息安全系统", en: "Office information security system", short: { zh: "办公信息安全", en: "Office IT security" } },
  { zh: "建立生产信息安全系统", en: "Production information security system", short: { zh: "生产信息安全", en: "Production IT security" } },
];

const at = (annex: string, item: string, ruling?: string) => ({ doc: SEEDS.shaoxing2019, annex, item, ...(ruling ? { ruling } : {}) });

/** Section 1 入户诊断, the same in both tables. */
/** The 注 both tables print under their last row (seed 003, 表1 and 表2). */
export function outputPerMuNote(annex: string) {
  return {
    label: { zh: "注", en: "Note" },
    items: [
      {
        zh: "亩均产值的平均水平参照评价年度上一年度行业平均值",
        en: "The average output per mu is the industry average of the year before the year assessed",
      },
    ],
    source: at(annex, "注"),
  };
}

export function diagnosisSection(annex: string): Section {
  return {
    code: "1",
    name: { zh: "入户诊断", en: "On-site diagnosis" },
    max: 10,
    source: at(annex, "1"),
    items: [
      {
        code: "1.1",
        name: { zh: "基于产品工艺流程与设备布局建立行业/企业的智能化改造诊断方案", en: "A smart-upgrade diagnosis plan based on product processes and equipment layout" },
        short: { zh: "诊断方案", en: "Diagnosis plan" },
        max: 10,
        source: at(annex, "1.1"),
        rule: { kind: "tick", input: "1.1", points: 10 },
      },
    ],
  };
}

/**
 * 信息安全 (表1 section 5, 表2 section 4): headed 单项选择, but its two 2-point options make the
 * section's 4, so both may be ticked (rulings D2, P3). Input codes <section>.1.1 and <section>.1.2.
 */
export function securityInputs(section: string): Input[] {
  return INFO_SECURITY.map((s, i) => tick(`${section}.1.${i + 1}`, s.zh, s.en));
}

export function securitySection(section: string, annex: string, ruling: string): Section {
  return {
    code: section,
    name: { zh: "信息安全", en: "Information security" },
    max: 4,
    source: at(annex, section, ruling),
    items: INFO_SECURITY.map((s, i) => ({
      code: `${section}.1.${i + 1}`,
      name: { zh: s.zh, en: s.en },
      short: s.short,
      max: 2,
      source: at(annex, `${section}.1`, ruling),
      rule: { kind: "tick" as const, input: `${section}.1.${i + 1}`, points: 2 },
    })),
  };
}

/** 亩均产值 levels, lowest first; 平均水平 is the previous year's industry average (表 注). */
const OUTPUT_PER_MU_LEVELS = [
  { name: { zh: "低于平均水平", en: "Below average" }, aliases: ["below", "低于平均"] },
  { name: { zh: "平均水平", en: "Average" }, aliases: ["average", "平均"] },
  { name: { zh: "领先水平", en: "Leading" }, aliases: ["leading", "领先"] },
];

export function outcomeInputs(section: string): Input[] {
  return [
    { code: `${section}.1`, type: "level", label: { zh: "亩均产值", en: "Output value per mu" }, levels: OUTPUT_PER_MU_LEVELS },
    tick(`${section}.2`, "智能化改造人才储备", "Smart-upgrade talent pool"),
    { code: `${section}.3`, type: "rate", label: { zh: "研究与试验发展（R&D）经费占比", en: "R&D expenditure share" } },
    { code: `${section}.4`, type: "improvement", label: { zh: "生产效率提高", en: "Production efficiency improvement" } },
    // Ruling G2: a reduction (降低, 下降率) cannot exceed 100%; an improvement (提高) may.
    { code: `${section}.5`, type: "reduction", label: { zh: "产品不良品率降低", en: "Defect rate reduction" } },
    { code: `${section}.6`, type: "reduction", label: { zh: "低端用工下降率", en: "Low-end labour reduction" } },
  ];
}

/**
 * The 成效指标 items. `lowEndLabour` is the 3-point bracket of x.6: [8%, 15%) in 表1 (D6),
 * [5%, 8%) in 表2 (P2); the 4-point bracket starts where it ends.
 */
export function outcomeItems(section: string, annex: string, lowEndLabour: { from: number; to: number }, lowEndRuling: string): Item[] {
  const item = (n: number, ruling?: string) => at(annex, `${section}.${n}`, ruling);
  return [
    {
      code: `${section}.1`,
      name: { zh: "亩均产值", en: "Output value per mu" },
      short: { zh: "亩均产值", en: "Output per mu" },
      max: 5,
      source: item(1),
      rule: { kind: "level", input: `${section}.1`, points: { 低于平均水平: 0, 平均水平: 3, 领先水平: 5 } },
    },
    {
      code: `${section}.2`,
      name: { zh: "智能化改造人才储备", en: "Smart-upgrade talent pool" },
      short: { zh: "人才储备", en: "Talent pool" },
      max: 4,
      source: item(2),
      rule: { kind: "tick", input: `${section}.2`, points: 4 },
    },
    {
      code: `${section}.3`,
      name: { zh: "研究与试验发展（R&D）经费", en: "R&D expenditure" },
      short: { zh: "R&D 经费占比", en: "R&D share" },
      max: 4,
      source: item(3, "D5"),
      // D5: < 1% → 1 even at 0%.
      rule: {
        kind: "brackets",
        input: `${section}.3`,
        brackets: [
          { min: null, max: 0.01, points: 1 },
          { min: 0.01, max: 0.02, points: 3 },
          { min: 0.02, max: null, points: 4 },
        ],
      },
    },
    {
      code: `${section}.4`,
      name: { zh: "生产效率提高", en: "Production efficiency improvement" },
      short: { zh: "生产效率提高", en: "Efficiency improvement" },
      max: 5,
      source: item(4, "D6"),
      rule: {
        kind: "brackets",
        input: `${section}.4`,
        brackets: [
          { min: null, max: 0.08, points: 0 },
          { min: 0.08, max: 0.15, points: 3 },
          { min: 0.15, max: null, points: 5 },
        ],
      },
    },
    {
      code: `${section}.5`,
      name: { zh: "产品不良品率降低", en: "Defect rate reduction" },
      short: { zh: "不良品率降低", en: "Defect reduction" },
      max: 4,
      source: item(5, "D6"),
      rule: {
        kind: "brackets",
        input: `${section}.5`,
        brackets: [
          { min: null, max: 0.05, points: 0 },
          { min: 0.05, max: 0.08, points: 3 },
          { min: 0.08, max: null, points: 4 },
        ],
      },
    },
    {
      code: `${section}.6`,
      name: { zh: "低端用工下降率", en: "Low-end labour reduction" },
      short: { zh: "低端用工下降率", en: "Low-end labour reduction" },
      max: 4,
      source: item(6, lowEndRuling),
      rule: {
        kind: "brackets",
        input: `${section}.6`,
        brackets: [
          { min: null, max: lowEndLabour.from, points: 0 },
          { min: lowEndLabour.from, max: lowEndLabour.to, points: 3 },
          { min: lowEndLabour.to, max: null, points: 4 },
        ],
      },
    },
  ];
}
