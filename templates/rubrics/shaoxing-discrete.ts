import type { RubricSource } from "../schema";
import { DOCUMENTS, SEEDS } from "../documents";
import { diagnosisSection, securityInputs, securitySection, DATA_COLLECTION_FUNCTIONS, outcomeItems, outcomeInputs, outputPerMuNote, tick } from "./shaoxing-shared";
import { shaoxingDiscreteSample } from "../samples/shaoxing-discrete";

const doc = SEEDS.shaoxing2019;
const annex = "表1 离散型智能化改造认定标准";
const at = (item: string, ruling?: string) => ({ doc, annex, item, ...(ruling ? { ruling } : {}) });

/**
 * 绍兴 表1 离散型 (seed 003), 100 points. Input codes are the item ids of ruling "Shaoxing 表1",
 * in table order; they are the public input codes of functions, sheets and the CLI.
 */
export const shaoxingDiscrete = {
  id: "shaoxing-discrete",
  kind: "rubric",
  version: 1,
  title: { zh: "绍兴市智能化改造认定标准 表1 离散型（百分制）", en: "Shaoxing smart-upgrade recognition, Table 1: discrete manufacturing (100 points)" },
  document: DOCUMENTS.shaoxing2019,
  source: at("表1"),
  max: 100,
  inputs: [
    tick("1.1", "智能化改造诊断方案", "Smart-upgrade diagnosis plan"),
    tick("2.1.1", "采用CAD等技术进行产品设计", "CAD product design"),
    tick("2.1.2", "采用CAM等技术，已实现产品数字化工艺设计", "CAM digital process design"),
    tick("2.1.3", "采用CAE等技术，已实现产品数字化仿真", "CAE digital simulation"),
    { code: "3.1", type: "rate", label: { zh: "关键装备数控化率", en: "CNC rate of key equipment" } },
    ...DATA_COLLECTION_FUNCTIONS.map((f, i) => tick(`3.2.${i + 1}`, f.zh, f.en)),
    tick("3.3.1", "应用工业机器人", "Industrial robots applied"),
    tick("3.3.2", "应用人工智能技术", "AI technology applied"),
    tick("3.3.3", "应用智能检测装置", "Smart inspection devices applied"),
    tick("3.3.4", "应用其他智能装备", "Other smart equipment applied"),
    tick("4.1", "企业资源计划管理系统ERP", "ERP system"),
    tick("4.2", "车间制造执行系统MES", "MES system"),
    tick("4.3", "MES与ERP等系统实现互通集成", "MES–ERP integration"),
    ...securityInputs("5"),
    ...outcomeInputs("6"),
  ],
  sections: [
    diagnosisSection(annex),
    {
      code: "2",
      name: { zh: "产品设计数字化", en: "Digital product design" },
      max: 10,
      source: at("2"),
      items: [
        {
          code: "2.1.1",
          name: { zh: "采用CAD等技术进行产品设计", en: "Product design with CAD and similar tools" },
          short: { zh: "CAD 产品设计", en: "CAD product design" },
          max: 6,
          source: at("2.1"),
          rule: { kind: "tick", input: "2.1.1", points: 6 },
        },
        {
          code: "2.1.2",
          name: { zh: "采用CAM等技术，已实现产品数字化工艺设计", en: "Digital process design with CAM and similar tools" },
          short: { zh: "CAM 工艺设计", en: "CAM process design" },
          max: 2,
          source: at("2.1"),
          rule: { kind: "tick", input: "2.1.2", points: 2 },
        },
        {
          code: "2.1.3",
          name: { zh: "采用CAE等技术，已实现产品数字化仿真", en: "Digital simulation with CAE and similar tools" },
          short: { zh: "CAE 仿真", en: "CAE simulation" },
          max: 2,
          source: at("2.1"),
          rule: { kind: "tick", input: "2.1.3", points: 2 },
        },
      ],
    },
    {
      code: "3",
      name: { zh: "制造过程数字化", en: "Digital manufacturing process" },
      max: 30,
      source: at("3"),
      items: [
        {
          code: "3.1",
          name: { zh: "关键装备数控化率", en: "CNC rate of key equipment" },
          short: { zh: "数控化率", en: "CNC rate" },
          max: 10,
          source: at("3.1", "D3"),
          // D3: < 40% → 5 even at 0%; the table's top option "60%-70%" extends upward (G4).
          rule: {
            kind: "brackets",
            input: "3.1",
            brackets: [
              { min: null, max: 0.4, points: 5 },
              { min: 0.4, max: 0.5, points: 6 },
              { min: 0.5, max: 0.6, points: 8 },
              { min: 0.6, max: null, points: 10 },
            ],
          },
        },
        {
          code: "3.2",
          name: { zh: "建立制造过程现场数据自动采集和分析系统", en: "Automatic shop-floor data collection and analysis system" },
          short: { zh: "数据采集功能", en: "Data-collection functions" },
          max: 10,
          source: at("3.2", "D4"),
          // D4: 满足3条及以上得10分，其他酌情减分 → round(n × 10 / 3, 1), which the expert may replace.
          rule: { kind: "count", inputs: DATA_COLLECTION_FUNCTIONS.map((_, i) => `3.2.${i + 1}`), atLeast: 3, points: 10, partialDecimals: 1 },
        },
        {
          code: "3.3.1",
          name: { zh: "应用工业机器人", en: "Industrial robots applied" },
          short: { zh: "工业机器人", en: "Industrial robots" },
          max: 4,
          source: at("3.3"),
          rule: { kind: "tick", input: "3.3.1", points: 4 },
        },
        {
          code: "3.3.2",
          name: { zh: "应用人工智能技术", en: "AI technology applied" },
          short: { zh: "人工智能", en: "AI" },
          max: 2,
          source: at("3.3"),
          rule: { kind: "tick", input: "3.3.2", points: 2 },
        },
        {
          code: "3.3.3",
          name: { zh: "应用智能检测装置", en: "Smart inspection devices applied" },
          short: { zh: "智能检测", en: "Smart inspection" },
          max: 2,
          source: at("3.3"),
          rule: { kind: "tick", input: "3.3.3", points: 2 },
        },
        {
          code: "3.3.4",
          name: { zh: "应用其他智能装备", en: "Other smart equipment applied" },
          short: { zh: "其他智能装备", en: "Other smart equipment" },
          max: 2,
          source: at("3.3"),
          rule: { kind: "tick", input: "3.3.4", points: 2 },
        },
      ],
    },
    {
      code: "4",
      name: { zh: "信息化系统", en: "Information systems" },
      max: 20,
      source: at("4"),
      items: [
        {
          code: "4.1",
          name: { zh: "建立企业资源计划管理系统ERP", en: "An ERP system" },
          short: { zh: "ERP", en: "ERP" },
          max: 8,
          source: at("4.1"),
          rule: { kind: "tick", input: "4.1", points: 8 },
        },
        {
          code: "4.2",
          name: { zh: "建立车间制造执行系统MES", en: "A shop-floor MES" },
          short: { zh: "MES", en: "MES" },
          max: 8,
          source: at("4.2"),
          rule: { kind: "tick", input: "4.2", points: 8 },
        },
        {
          code: "4.3",
          name: { zh: "车间制造执行系统MES与企业资源计划管理系统ERP等系统实现互通集成", en: "MES and ERP integrated" },
          short: { zh: "MES–ERP 互通集成", en: "MES–ERP integration" },
          max: 4,
          // D1: the table numbers this item 4.2 again and heads it (2分); section 4 totals 20, so 4 points.
          source: at("4.2（第二个，即 4.3）", "D1"),
          rule: { kind: "tick", input: "4.3", points: 4 },
        },
      ],
    },
    securitySection("5", annex, "D2"),
    {
      code: "6",
      name: { zh: "成效指标", en: "Outcome indicators" },
      max: 26,
      source: at("6"),
      items: outcomeItems("6", annex, { from: 0.08, to: 0.15 }, "D6"),
    },
  ],
  consistency: [
    {
      when: "4.3",
      requires: ["4.1", "4.2"],
      message: {
        zh: "4.3 MES–ERP 互通集成已勾选，但未同时建立 ERP（4.1）和 MES（4.2）",
        en: "4.3 MES–ERP integration is ticked without both ERP (4.1) and MES (4.2)",
      },
      source: at("4.3", "D7"),
    },
  ],
  notes: outputPerMuNote(annex),
  sheet: { name: "表1" },
  sample: shaoxingDiscreteSample,
} satisfies RubricSource;
