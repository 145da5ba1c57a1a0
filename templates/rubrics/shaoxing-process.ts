import type { RubricSource } from "../schema";
import { DOCUMENTS, SEEDS } from "../documents";
import { diagnosisSection, securityInputs, securitySection, outcomeInputs, outcomeItems, outputPerMuNote, tick } from "./shaoxing-shared";
import { shaoxingProcessSample } from "../samples/shaoxing-process";

const doc = SEEDS.shaoxing2019;
const annex = "表2 流程型智能化改造认定标准";
const at = (item: string, ruling?: string) => ({ doc, annex, item, ...(ruling ? { ruling } : {}) });

/** 2.1's three options: 自动数采率 60%以上, answered with a tick or the actual rate. */
const AUTO_COLLECTION = [
  { code: "2.1.1", zh: "生产工艺数据自动数采率", en: "Process data auto-collection rate", short: "生产工艺数据", shortEn: "Process data" },
  { code: "2.1.2", zh: "能源监控数据自动数采率", en: "Energy monitoring data auto-collection rate", short: "能源监控数据", shortEn: "Energy data" },
  { code: "2.1.3", zh: "环保监测数据自动数采率", en: "Environmental monitoring data auto-collection rate", short: "环保监测数据", shortEn: "Environmental data" },
];

/** 绍兴 表2 流程型 (seed 003), 100 points; input codes as in ruling "Shaoxing 表2". */
export const shaoxingProcess = {
  id: "shaoxing-process",
  kind: "rubric",
  version: 1,
  title: { zh: "绍兴市智能化改造认定标准 表2 流程型（百分制）", en: "Shaoxing smart-upgrade recognition, Table 2: process manufacturing (100 points)" },
  document: DOCUMENTS.shaoxing2019,
  source: at("表2"),
  max: 100,
  inputs: [
    tick("1.1", "智能化改造诊断方案", "Smart-upgrade diagnosis plan"),
    ...AUTO_COLLECTION.map((a) => ({ code: a.code, type: "tick-or-rate" as const, label: { zh: `${a.zh}（勾选或实际比率）`, en: `${a.en} (tick or actual rate)` } })),
    { code: "2.2", type: "rate", label: { zh: "工厂自控投用率", en: "Plant automatic-control usage rate" } },
    tick("2.3.1", "关键质量指标在线测量的智能感知先进技术", "Online measurement of key quality indicators"),
    tick("2.3.2", "关键工艺参数在线测量的智能感知先进技术", "Online measurement of key process parameters"),
    tick("3.1", "集散控制系统DCS", "DCS"),
    tick("3.2", "安全生产信息化管理系统", "Safety production information system"),
    tick("3.3", "企业智能巡检系统", "Smart inspection-round system"),
    ...securityInputs("4"),
    ...outcomeInputs("5"),
  ],
  sections: [
    diagnosisSection(annex),
    {
      code: "2",
      name: { zh: "制造过程数字化", en: "Digital manufacturing process" },
      max: 40,
      source: at("2"),
      items: [
        ...AUTO_COLLECTION.map((a) => ({
          code: a.code,
          name: { zh: `${a.zh}60%以上`, en: `${a.en} 60% or more` },
          short: { zh: a.short, en: a.shortEn },
          max: 5,
          source: at("2.1", "G1"),
          rule: { kind: "tick-or-rate" as const, input: a.code, points: 5, min: 0.6 },
        })),
        {
          code: "2.2",
          name: { zh: "工厂自控投用率50%以上", en: "Plant automatic-control usage rate 50% or more" },
          short: { zh: "自控投用率", en: "Control usage rate" },
          max: 10,
          source: at("2.2", "G1"),
          // The options are 30%以上 (8) and 50%以上 (10); 以上 includes the number (G1).
          rule: {
            kind: "brackets",
            input: "2.2",
            brackets: [
              { min: null, max: 0.3, points: 0 },
              { min: 0.3, max: 0.5, points: 8 },
              { min: 0.5, max: null, points: 10 },
            ],
          },
        },
        {
          code: "2.3.1",
          name: { zh: "关键质量指标在线测量的智能感知先进技术", en: "Smart sensing for online measurement of key quality indicators" },
          short: { zh: "质量指标在线测量", en: "Quality online measurement" },
          max: 8,
          source: at("2.3"),
          rule: { kind: "tick", input: "2.3.1", points: 8 },
        },
        {
          code: "2.3.2",
          name: { zh: "关键工艺参数在线测量的智能感知先进技术", en: "Smart sensing for online measurement of key process parameters" },
          short: { zh: "工艺参数在线测量", en: "Process online measurement" },
          max: 7,
          source: at("2.3"),
          rule: { kind: "tick", input: "2.3.2", points: 7 },
        },
      ],
    },
    {
      code: "3",
      name: { zh: "信息化系统", en: "Information systems" },
      max: 20,
      source: at("3"),
      items: [
        {
          code: "3.1",
          name: { zh: "建立集散控制系统DCS", en: "A distributed control system (DCS)" },
          short: { zh: "DCS", en: "DCS" },
          max: 10,
          source: at("3.1"),
          rule: { kind: "tick", input: "3.1", points: 10 },
        },
        {
          code: "3.2",
          name: { zh: "建立安全生产信息化管理系统", en: "A safety production information system" },
          short: { zh: "安全生产信息化", en: "Safety information system" },
          max: 5,
          source: at("3.2"),
          rule: { kind: "tick", input: "3.2", points: 5 },
        },
        {
          code: "3.3",
          name: { zh: "建立企业智能巡检系统", en: "A smart inspection-round system" },
          short: { zh: "智能巡检", en: "Smart inspection rounds" },
          max: 5,
          // P1: the table numbers this item 3.2 a second time.
          source: at("3.2（第二个，即 3.3）", "P1"),
          rule: { kind: "tick", input: "3.3", points: 5 },
        },
      ],
    },
    securitySection("4", annex, "P3"),
    {
      code: "5",
      name: { zh: "成效指标", en: "Outcome indicators" },
      max: 26,
      source: at("5"),
      items: outcomeItems("5", annex, { from: 0.05, to: 0.08 }, "P2"),
    },
  ],
  notes: outputPerMuNote(annex),
  sheet: { name: "表2" },
  sample: shaoxingProcessSample,
} satisfies RubricSource;
