import fc from "fast-check";
import type { Problem, Result } from "../../src/core/problems";
import { score, splitAdjustments, type ItemScore, type ScoreResult } from "../../src/core/score";
import { findRubric } from "../../templates/index";
import type { InputDef, Rubric } from "../../templates/schema";

/**
 * Scoring with the two Shaoxing rubrics (seed 003 表1 离散型 / 表2 流程型): every option of
 * every row, every bracket boundary, the rulings (G1–G4, D1–D7, P1–P3), whole enterprises
 * computed by hand, and properties over any valid or invalid sheet.
 */

function rubric(id: string): Rubric {
  const r = findRubric(id);
  if (!r) throw new Error(`rubric ${id} is missing from the catalogue`);
  return r;
}

const discrete = rubric("shaoxing-discrete");
const process_ = rubric("shaoxing-process");
type Table = "表1" | "表2";
const BY: Record<Table, Rubric> = { 表1: discrete, 表2: process_ };

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.problems)}`);
  return r.value;
}

function problems<T>(r: Result<T>): Problem[] {
  if (r.ok) throw new Error(`expected problems, got a result with total ${JSON.stringify((r.value as { total?: unknown }).total)}`);
  return r.problems;
}

function itemOf(result: ScoreResult, code: string): ItemScore {
  const i = result.items.find((x) => x.code === code);
  if (!i) throw new Error(`no item ${code} in the result`);
  return i;
}

/** Item code → the score that counts. */
function scores(result: ScoreResult): Record<string, number> {
  return Object.fromEntries(result.items.map((i) => [i.code, i.score]));
}

function sections(result: ScoreResult): Record<string, number> {
  return Object.fromEntries(result.sections.map((s) => [s.code, s.score]));
}

/** Scores one item with only the given inputs answered. */
function scoreOf(t: Table, inputs: Record<string, unknown>, code: string): number {
  return itemOf(value(score(BY[t], inputs)), code).score;
}

describe("every row of the official tables, each option scored alone (seed 003)", () => {
  /** [test name, inputs, expected item scores (all other items 0)]. */
  type Row = [string, Record<string, unknown>, Record<string, number>];

  const rows1: Row[] = [
    ["表1 1.1 诊断方案 □无（0分）", { "1.1": "无" }, { "1.1": 0 }],
    ["表1 1.1 诊断方案 □有（10分）", { "1.1": "有" }, { "1.1": 10 }],
    ["表1 2.1 □无（0分）", { "2.1.1": false, "2.1.2": false, "2.1.3": false }, {}],
    ["表1 2.1 采用CAD等技术进行产品设计（6分）", { "2.1.1": true }, { "2.1.1": 6 }],
    ["表1 2.1 采用CAM等技术，已实现产品数字化工艺设计（2分）", { "2.1.2": true }, { "2.1.2": 2 }],
    ["表1 2.1 采用CAE等技术，已实现产品数字化仿真（2分）", { "2.1.3": true }, { "2.1.3": 2 }],
    ["表1 3.1 数控化率 □ <40%（5分）", { "3.1": "30%" }, { "3.1": 5 }],
    ["表1 3.1 数控化率 □ 40%-50%（6分）", { "3.1": "45%" }, { "3.1": 6 }],
    ["表1 3.1 数控化率 □ 50%-60%（8分）", { "3.1": "55%" }, { "3.1": 8 }],
    ["表1 3.1 数控化率 □ 60%-70%（10分）", { "3.1": "65%" }, { "3.1": 10 }],
    ...[
      "生产现场数据采集率50%以上",
      "制造进度分析",
      "物料信息采集",
      "质量检验",
      "设备状态监测",
      "能源监控",
      "环保监测",
    ].map((option, i): Row => [`表1 3.2 □ ${i + 1}${option} alone (D4: 1 of 3 → 3.3分)`, { [`3.2.${i + 1}`]: "√" }, { "3.2": 3.3 }]),
    ["表1 3.2 满足3条及以上得10分 (D4)", { "3.2.1": true, "3.2.2": true, "3.2.3": true }, { "3.2": 10 }],
    ["表1 3.3 应用工业机器人（4分）", { "3.3.1": "是" }, { "3.3.1": 4 }],
    ["表1 3.3 应用人工智能技术（2分）", { "3.3.2": "是" }, { "3.3.2": 2 }],
    ["表1 3.3 应用智能检测装置（2分）", { "3.3.3": "是" }, { "3.3.3": 2 }],
    ["表1 3.3 应用其他智能装备（2分）", { "3.3.4": "是" }, { "3.3.4": 2 }],
    ["表1 4.1 ERP □无（0分）", { "4.1": "无" }, {}],
    ["表1 4.1 ERP □有（8分）", { "4.1": "有" }, { "4.1": 8 }],
    ["表1 4.2 MES □无（0分）", { "4.2": "无" }, {}],
    ["表1 4.2 MES □有（8分）", { "4.2": "有" }, { "4.2": 8 }],
    ["表1 4.2(second, D1 → 4.3) MES–ERP □无", { "4.3": "无" }, {}],
    ["表1 4.2(second, D1 → 4.3) MES–ERP □实现互通集成（4分）", { "4.3": "☑" }, { "4.3": 4 }],
    ["表1 5.1 信息安全 □无（0分）", { "5.1.1": "□", "5.1.2": "□" }, {}],
    ["表1 5.1 建立办公信息安全系统（2分）", { "5.1.1": "☑" }, { "5.1.1": 2 }],
    ["表1 5.1 建立生产信息安全系统（2分）", { "5.1.2": "☑" }, { "5.1.2": 2 }],
    ["表1 6.1 亩均产值 □低于平均水平（0分）", { "6.1": "低于平均水平" }, {}],
    ["表1 6.1 亩均产值 □平均水平（3分）", { "6.1": "平均水平" }, { "6.1": 3 }],
    ["表1 6.1 亩均产值 □领先水平（5分）", { "6.1": "领先水平" }, { "6.1": 5 }],
    ["表1 6.2 人才储备 □无（0分）", { "6.2": "无" }, {}],
    ["表1 6.2 人才储备 □有（4分）", { "6.2": "有" }, { "6.2": 4 }],
    ["表1 6.3 R&D □<1%（1分）", { "6.3": "0.5%" }, { "6.3": 1 }],
    ["表1 6.3 R&D □1~2%（3分）", { "6.3": "1.5%" }, { "6.3": 3 }],
    ["表1 6.3 R&D □≧2%（4分）", { "6.3": "3%" }, { "6.3": 4 }],
    ["表1 6.4 生产效率提高 below 8% (D6: 0分)", { "6.4": "5%" }, {}],
    ["表1 6.4 生产效率提高 □8~15%（3分）", { "6.4": "10%" }, { "6.4": 3 }],
    ["表1 6.4 生产效率提高 □≧15%（5分）", { "6.4": "20%" }, { "6.4": 5 }],
    ["表1 6.5 不良品率降低 below 5% (D6: 0分)", { "6.5": "4%" }, {}],
    ["表1 6.5 不良品率降低 □5~8%（3分）", { "6.5": "6%" }, { "6.5": 3 }],
    ["表1 6.5 不良品率降低 □≧8%（4分）", { "6.5": "10%" }, { "6.5": 4 }],
    ["表1 6.6 低端用工下降率 below 8% (D6: 0分)", { "6.6": "6%" }, {}],
    ["表1 6.6 低端用工下降率 □8~15%（3分）", { "6.6": "10%" }, { "6.6": 3 }],
    ["表1 6.6 低端用工下降率 □≧15%（4分）", { "6.6": "20%" }, { "6.6": 4 }],
  ];

  const rows2: Row[] = [
    ["表2 1.1 诊断方案 □无（0分）", { "1.1": "无" }, {}],
    ["表2 1.1 诊断方案 □有（10分）", { "1.1": "有" }, { "1.1": 10 }],
    ["表2 2.1 □无", { "2.1.1": "无", "2.1.2": "无", "2.1.3": "无" }, {}],
    ["表2 2.1 生产工艺数据自动数采率60%以上（5分）", { "2.1.1": "√" }, { "2.1.1": 5 }],
    ["表2 2.1 能源监控数据自动数采率60%以上（5分）", { "2.1.2": "√" }, { "2.1.2": 5 }],
    ["表2 2.1 环保监测数据自动数采率60%以上（5分）", { "2.1.3": "√" }, { "2.1.3": 5 }],
    ["表2 2.2 自控投用率 □无 (below 30%: 0分)", { "2.2": "20%" }, {}],
    ["表2 2.2 工厂自控投用率30%以上（8分）", { "2.2": "40%" }, { "2.2": 8 }],
    ["表2 2.2 工厂自控投用率50%以上（10分）", { "2.2": "70%" }, { "2.2": 10 }],
    ["表2 2.3 □无", { "2.3.1": "否", "2.3.2": "否" }, {}],
    ["表2 2.3 关键质量指标在线测量的智能感知先进技术（8分）", { "2.3.1": "是" }, { "2.3.1": 8 }],
    ["表2 2.3 关键工艺参数在线测量的智能感知先进技术（7分）", { "2.3.2": "是" }, { "2.3.2": 7 }],
    ["表2 3.1 DCS □无（0分）", { "3.1": "无" }, {}],
    ["表2 3.1 DCS □有（10分）", { "3.1": "有" }, { "3.1": 10 }],
    ["表2 3.2 安全生产信息化管理系统 □无（0分）", { "3.2": "无" }, {}],
    ["表2 3.2 安全生产信息化管理系统 □有（5分）", { "3.2": "有" }, { "3.2": 5 }],
    ["表2 3.2(second, P1 → 3.3) 智能巡检系统 □无（0分）", { "3.3": "无" }, {}],
    ["表2 3.2(second, P1 → 3.3) 智能巡检系统 □有（5分）", { "3.3": "有" }, { "3.3": 5 }],
    ["表2 4.1 信息安全 □无（0分）", { "4.1.1": false, "4.1.2": false }, {}],
    ["表2 4.1 建立办公信息安全系统（2分）", { "4.1.1": true }, { "4.1.1": 2 }],
    ["表2 4.1 建立生产信息安全系统（2分）", { "4.1.2": true }, { "4.1.2": 2 }],
    ["表2 5.1 亩均产值 □低于平均水平（0分）", { "5.1": "低于平均水平" }, {}],
    ["表2 5.1 亩均产值 □平均水平（3分）", { "5.1": "平均水平" }, { "5.1": 3 }],
    ["表2 5.1 亩均产值 □领先水平（5分）", { "5.1": "领先水平" }, { "5.1": 5 }],
    ["表2 5.2 人才储备 □无（0分）", { "5.2": "无" }, {}],
    ["表2 5.2 人才储备 □有（4分）", { "5.2": "有" }, { "5.2": 4 }],
    ["表2 5.3 R&D □<1%（1分）", { "5.3": "0.5%" }, { "5.3": 1 }],
    ["表2 5.3 R&D □1~2%（3分）", { "5.3": "1.5%" }, { "5.3": 3 }],
    ["表2 5.3 R&D □≧2%（4分）", { "5.3": "3%" }, { "5.3": 4 }],
    ["表2 5.4 生产效率提高 below 8% (D6: 0分)", { "5.4": "5%" }, {}],
    ["表2 5.4 生产效率提高 □8~15%（3分）", { "5.4": "10%" }, { "5.4": 3 }],
    ["表2 5.4 生产效率提高 □≧15%（5分）", { "5.4": "20%" }, { "5.4": 5 }],
    ["表2 5.5 不良品率降低 below 5% (D6: 0分)", { "5.5": "4%" }, {}],
    ["表2 5.5 不良品率降低 □5~8%（3分）", { "5.5": "6%" }, { "5.5": 3 }],
    ["表2 5.5 不良品率降低 □≧8%（4分）", { "5.5": "10%" }, { "5.5": 4 }],
    ["表2 5.6 低端用工下降率 below 5% (P2: 0分)", { "5.6": "4%" }, {}],
    ["表2 5.6 低端用工下降率 □5~8%（3分）", { "5.6": "6%" }, { "5.6": 3 }],
    ["表2 5.6 低端用工下降率 □≧8%（4分）", { "5.6": "10%" }, { "5.6": 4 }],
  ];

  function check(r: Rubric, inputs: Record<string, unknown>, expected: Record<string, number>): void {
    const result = value(score(r, inputs));
    const all = Object.fromEntries(result.items.map((i) => [i.code, expected[i.code] ?? 0]));
    expect(scores(result)).toEqual(all);
    const sum = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(result.total).toBeCloseTo(sum, 9);
    expect(result.complete).toBe(false); // the other inputs are blank (G3)
  }

  it.each(rows1)("%s", (_name, inputs, expected) => check(discrete, inputs, expected));
  it.each(rows2)("%s", (_name, inputs, expected) => check(process_, inputs, expected));
});

describe("bracket boundaries: just below / at / just above (G1, G4 and the rulings)", () => {
  it.each<[string, Table, string, unknown, number]>([
    ["D3 表1 3.1 0% → 5 (even 0%)", "表1", "3.1", 0, 5],
    ["D3 表1 3.1 39.9999% → 5", "表1", "3.1", 0.399999, 5],
    ["D3 表1 3.1 40% → 6", "表1", "3.1", 0.4, 6],
    ["D3 表1 3.1 “40%” → 6", "表1", "3.1", "40%", 6],
    ["D3 表1 3.1 40.0001% → 6", "表1", "3.1", 0.400001, 6],
    ["D3 表1 3.1 49.9999% → 6", "表1", "3.1", 0.499999, 6],
    ["D3 表1 3.1 50% → 8", "表1", "3.1", 0.5, 8],
    ["D3 表1 3.1 50.0001% → 8", "表1", "3.1", 0.500001, 8],
    ["D3 表1 3.1 59.9999% → 8", "表1", "3.1", 0.599999, 8],
    ["D3 表1 3.1 60% → 10", "表1", "3.1", 0.6, 10],
    ["D3 表1 3.1 “60%” → 10", "表1", "3.1", "60%", 10],
    ["D3 表1 3.1 60.0001% → 10", "表1", "3.1", 0.600001, 10],
    ["G4 表1 3.1 70% → 10 (the top bracket 60%-70% extends upward)", "表1", "3.1", 0.7, 10],
    ["G4 表1 3.1 85% → 10", "表1", "3.1", 0.85, 10],
    ["G4 表1 3.1 100% → 10", "表1", "3.1", 1, 10],
    ["D5 表1 6.3 0% → 1 (even 0%)", "表1", "6.3", 0, 1],
    ["D5 表1 6.3 0.9999% → 1", "表1", "6.3", 0.009999, 1],
    ["D5 表1 6.3 1% → 3", "表1", "6.3", 0.01, 3],
    ["D5 表1 6.3 “1%” → 3", "表1", "6.3", "1%", 3],
    ["D5 表1 6.3 1.0001% → 3", "表1", "6.3", 0.010001, 3],
    ["D5 表1 6.3 1.9999% → 3", "表1", "6.3", 0.019999, 3],
    ["D5 表1 6.3 2% → 4", "表1", "6.3", 0.02, 4],
    ["D5 表1 6.3 2.0001% → 4", "表1", "6.3", 0.020001, 4],
    ["D6 表1 6.4 −10% → 0 (an improvement may be negative, G2)", "表1", "6.4", -0.1, 0],
    ["D6 表1 6.4 7.9999% → 0", "表1", "6.4", 0.079999, 0],
    ["D6 表1 6.4 8% → 3", "表1", "6.4", 0.08, 3],
    ["D6 表1 6.4 8.0001% → 3", "表1", "6.4", 0.080001, 3],
    ["D6 表1 6.4 14.9999% → 3", "表1", "6.4", 0.149999, 3],
    ["D6 表1 6.4 15% → 5", "表1", "6.4", 0.15, 5],
    ["D6 表1 6.4 “15%” → 5", "表1", "6.4", "15%", 5],
    ["D6 表1 6.4 15.0001% → 5", "表1", "6.4", 0.150001, 5],
    ["D6 表1 6.4 250% → 5 (an improvement may exceed 1, G2)", "表1", "6.4", 2.5, 5],
    ["D6 表1 6.5 4.9999% → 0", "表1", "6.5", 0.049999, 0],
    ["D6 表1 6.5 5% → 3", "表1", "6.5", 0.05, 3],
    ["D6 表1 6.5 5.0001% → 3", "表1", "6.5", 0.050001, 3],
    ["D6 表1 6.5 7.9999% → 3", "表1", "6.5", 0.079999, 3],
    ["D6 表1 6.5 8% → 4", "表1", "6.5", 0.08, 4],
    ["D6 表1 6.5 8.0001% → 4", "表1", "6.5", 0.080001, 4],
    ["D6 表1 6.6 5% → 0 (表1 starts at 8%, unlike 表2 5.6)", "表1", "6.6", 0.05, 0],
    ["D6 表1 6.6 7.9999% → 0", "表1", "6.6", 0.079999, 0],
    ["D6 表1 6.6 8% → 3", "表1", "6.6", 0.08, 3],
    ["D6 表1 6.6 8.0001% → 3", "表1", "6.6", 0.080001, 3],
    ["D6 表1 6.6 14.9999% → 3", "表1", "6.6", 0.149999, 3],
    ["D6 表1 6.6 15% → 4", "表1", "6.6", 0.15, 4],
    ["D6 表1 6.6 15.0001% → 4", "表1", "6.6", 0.150001, 4],
    ["P2 表2 5.6 4.9999% → 0", "表2", "5.6", 0.049999, 0],
    ["P2 表2 5.6 5% → 3", "表2", "5.6", 0.05, 3],
    ["P2 表2 5.6 “5%” → 3", "表2", "5.6", "5%", 3],
    ["P2 表2 5.6 5.0001% → 3", "表2", "5.6", 0.050001, 3],
    ["P2 表2 5.6 7.9999% → 3", "表2", "5.6", 0.079999, 3],
    ["P2 表2 5.6 8% → 4", "表2", "5.6", 0.08, 4],
    ["P2 表2 5.6 “8%” → 4", "表2", "5.6", "8%", 4],
    ["P2 表2 5.6 8.0001% → 4", "表2", "5.6", 0.080001, 4],
    ["P2 表2 5.6 15% → 4", "表2", "5.6", 0.15, 4],
    ["D5 表2 5.3 0% → 1", "表2", "5.3", 0, 1],
    ["D5 表2 5.3 1% → 3", "表2", "5.3", 0.01, 3],
    ["D5 表2 5.3 2% → 4", "表2", "5.3", 0.02, 4],
    ["D6 表2 5.4 7.9999% → 0", "表2", "5.4", 0.079999, 0],
    ["D6 表2 5.4 8% → 3", "表2", "5.4", 0.08, 3],
    ["D6 表2 5.4 15% → 5", "表2", "5.4", 0.15, 5],
    ["D6 表2 5.5 4.9999% → 0", "表2", "5.5", 0.049999, 0],
    ["D6 表2 5.5 5% → 3", "表2", "5.5", 0.05, 3],
    ["D6 表2 5.5 8% → 4", "表2", "5.5", 0.08, 4],
    ["G1 表2 2.2 0% → 0", "表2", "2.2", 0, 0],
    ["G1 表2 2.2 29.9999% → 0", "表2", "2.2", 0.299999, 0],
    ["G1 表2 2.2 30% → 8 (30%以上 includes 30%)", "表2", "2.2", 0.3, 8],
    ["G1 表2 2.2 “30%” → 8", "表2", "2.2", "30%", 8],
    ["G1 表2 2.2 30.0001% → 8", "表2", "2.2", 0.300001, 8],
    ["G1 表2 2.2 49.9999% → 8", "表2", "2.2", 0.499999, 8],
    ["G1 表2 2.2 50% → 10 (50%以上 includes 50%)", "表2", "2.2", 0.5, 10],
    ["G1 表2 2.2 50.0001% → 10", "表2", "2.2", 0.500001, 10],
    ["G1 表2 2.2 100% → 10", "表2", "2.2", 1, 10],
    ["G1 表2 2.1.1 rate 59.9999% → 0", "表2", "2.1.1", 0.599999, 0],
    ["G1 表2 2.1.1 rate 60% → 5 (60%以上 includes 60%)", "表2", "2.1.1", 0.6, 5],
    ["G1 表2 2.1.1 rate “60%” → 5", "表2", "2.1.1", "60%", 5],
    ["G1 表2 2.1.1 rate 60.0001% → 5", "表2", "2.1.1", 0.600001, 5],
    ["G1 表2 2.1.2 rate “59.9%” → 0", "表2", "2.1.2", "59.9%", 0],
    ["G1 表2 2.1.2 rate “100%” → 5", "表2", "2.1.2", "100%", 5],
    ["G1 表2 2.1.3 tick TRUE → 5", "表2", "2.1.3", "TRUE", 5],
    ["G1 表2 2.1.3 tick 否 → 0", "表2", "2.1.3", "否", 0],
    ["G1 表2 2.1.3 1 is a tick → 5", "表2", "2.1.3", 1, 5],
    ["G1 表2 2.1.3 0 is a tick (or 0%) → 0", "表2", "2.1.3", 0, 0],
  ])("%s", (_name, t, code, raw, expected) => {
    expect(scoreOf(t, { [code]: raw }, code)).toBe(expected);
  });
});

describe("rulings", () => {
  it("D1: 表1 4.3 MES–ERP 互通集成 is worth 4 (not the heading's 2); 4.1 + 4.2 + 4.3 = 20", () => {
    const r = value(score(discrete, { "4.1": true, "4.2": true, "4.3": true }));
    expect(scores(r)).toMatchObject({ "4.1": 8, "4.2": 8, "4.3": 4 });
    expect(sections(r)["4"]).toBe(20);
    expect(r.warnings).toEqual([]);
  });

  it("D2: 表1 5.1 both security options ticked → 4 (单项选择 notwithstanding)", () => {
    const r = value(score(discrete, { "5.1.1": "☑", "5.1.2": "☑" }));
    expect(scores(r)).toMatchObject({ "5.1.1": 2, "5.1.2": 2 });
    expect(sections(r)["5"]).toBe(4);
    expect(r.total).toBe(4);
  });

  it("P3: 表2 4.1 both security options ticked → 4 (read as D2)", () => {
    const r = value(score(process_, { "4.1.1": "有", "4.1.2": "有" }));
    expect(sections(r)["4"]).toBe(4);
    expect(r.total).toBe(4);
  });

  it("P1: 表2 3.3 智能巡检系统 (the second “3.2”) scores separately from 3.2: 3.1 + 3.2 + 3.3 = 20", () => {
    const r = value(score(process_, { "3.1": true, "3.2": true, "3.3": true }));
    expect(scores(r)).toMatchObject({ "3.1": 10, "3.2": 5, "3.3": 5 });
    expect(sections(r)["3"]).toBe(20);
  });

  describe("D4: 表1 3.2 满足3条及以上得10分，其他酌情减分", () => {
    const sevenWith = (n: number) => Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((k) => [`3.2.${k}`, k <= n]));
    it.each<[number, number]>([
      [0, 0],
      [1, 3.3],
      [2, 6.7],
      [3, 10],
      [4, 10],
      [5, 10],
      [6, 10],
      [7, 10],
    ])("%d ticked → %d", (n, expected) => {
      const item = itemOf(value(score(discrete, sevenWith(n))), "3.2");
      expect(item.score).toBe(expected);
      expect(item.computed).toBe(expected);
      expect(item.answer).toBe(n);
      expect(item.missing).toEqual([]);
    });

    it("which three are ticked does not matter (5, 6, 7 → 10)", () => {
      expect(scoreOf("表1", { "3.2.5": 1, "3.2.6": 1, "3.2.7": 1 }, "3.2")).toBe(10);
    });

    it("G3: blank options are listed in the item's missing; ticks among them still count (2 → 6.7)", () => {
      const item = itemOf(value(score(discrete, { "3.2.1": true, "3.2.3": true, "3.2.4": false })), "3.2");
      expect(item.score).toBe(6.7);
      expect(item.missing).toEqual(["3.2.2", "3.2.5", "3.2.6", "3.2.7"]);
    });

    it("the suggested score is worded as a suggestion the expert may adjust", () => {
      expect(itemOf(value(score(discrete, sevenWith(2))), "3.2").rule).toEqual({
        zh: "数据采集功能：勾选 2 项 < 3 项 → 建议 6.7 分（专家可酌情调整）",
        en: "Data-collection functions: 2 ticked < 3 → suggested 6.7 points (the expert may adjust)",
      });
      expect(itemOf(value(score(discrete, sevenWith(4))), "3.2").rule).toEqual({
        zh: "数据采集功能：勾选 4 项 ≥ 3 项 → 10 分",
        en: "Data-collection functions: 4 ticked ≥ 3 → 10 points",
      });
    });
  });

  describe("D4: an expert adjustment replaces an item's score; the computed score is kept", () => {
    it("表1 3.2 with 2 ticked: computed 6.7, adjusted 8; the section and total use 8", () => {
      const r = value(score(discrete, { "3.2.1": true, "3.2.2": "是", "3.1": "62%" }, { "3.2": 8 }));
      const item = itemOf(r, "3.2");
      expect(item).toMatchObject({ computed: 6.7, adjusted: 8, score: 8, max: 10 });
      expect(item.rule).toEqual({
        zh: "数据采集功能：勾选 2 项 < 3 项 → 建议 6.7 分（专家可酌情调整）；专家调整为 8 分",
        en: "Data-collection functions: 2 ticked < 3 → suggested 6.7 points (the expert may adjust); adjusted by the expert to 8 points",
      });
      expect(sections(r)["3"]).toBe(18); // 10 (3.1) + 8 (3.2, adjusted)
      expect(r.total).toBe(18);
    });

    it("any item may be adjusted within 0..max: 表1 3.1 computed 10 adjusted down to 7, as a string “7”", () => {
      const r = value(score(discrete, { "3.1": 0.62 }, { "3.1": "7" }));
      expect(itemOf(r, "3.1")).toMatchObject({ computed: 10, adjusted: 7, score: 7 });
      expect(r.total).toBe(7);
    });

    it("an adjustment to 0 and to the max are both accepted (bounds inclusive)", () => {
      const r = value(score(process_, { "1.1": true, "2.2": 0.1 }, { "1.1": 0, "2.2": 10 }));
      expect(scores(r)).toMatchObject({ "1.1": 0, "2.2": 10 });
      expect(itemOf(r, "1.1").computed).toBe(10);
      expect(itemOf(r, "2.2").computed).toBe(0);
      expect(r.total).toBe(10);
    });

    it("items without an adjustment have adjusted null; a blank adjustment is no adjustment", () => {
      const r = value(score(discrete, { "1.1": true }, { "3.2": "", "1.1": null }));
      expect(r.items.every((i) => i.adjusted === null)).toBe(true);
      expect(r.total).toBe(10);
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ["above the max (3.2: 11 > 10)", { "3.2": 11 }, "adjustments.3.2", 'an expert\'s score must be between 0 and 10, got "11"'],
      ["negative (4.3: −1)", { "4.3": -1 }, "adjustments.4.3", 'an expert\'s score must be between 0 and 4, got "-1"'],
      ["not a number (6.1: “高”)", { "6.1": "高" }, "adjustments.6.1", 'an expert\'s score must be between 0 and 5, got "高"'],
      ["a boolean (1.1: true)", { "1.1": true }, "adjustments.1.1", 'an expert\'s score must be between 0 and 10, got "true"'],
    ])("D4: an adjustment %s is a Problem naming it", (_name, adjustments, code, en) => {
      const ps = problems(score(discrete, { "3.2.1": true }, adjustments));
      expect(ps).toEqual([{ code, message: { zh: expect.stringContaining("专家调整分应在 0 到"), en } }]);
    });

    it("an adjustment for an unknown item (an input code such as 3.2.1 is not an item) is a Problem naming adjustments.3.2.1", () => {
      const ps = problems(score(discrete, {}, { "3.2.1": 1, "9.9": 2 }));
      expect(ps.map((p) => p.code)).toEqual(["adjustments.3.2.1", "adjustments.9.9"]);
      expect(ps[0].message.en).toMatch(/^not an item code of this rubric; the items are 1\.1, 2\.1\.1/);
    });

    it("表2 has no item 3.2.1 either, but 3.3 exists (P1)", () => {
      expect(problems(score(process_, {}, { "2.1": 5 }))[0].code).toBe("adjustments.2.1");
      expect(value(score(process_, {}, { "3.3": 5 })).total).toBe(5);
    });

    it.each<unknown>([5, "8", [8], true])("adjustments that are not an object (%j) are a Problem naming adjustments", (adj) => {
      expect(problems(score(discrete, {}, adj)).map((p) => p.code)).toEqual(["adjustments"]);
    });

    it("problems in inputs and adjustments are reported together", () => {
      const ps = problems(score(discrete, { "3.1": 62 }, { "3.2": 11 }));
      expect(ps.map((p) => p.code)).toEqual(["3.1", "adjustments.3.2"]);
    });

    it("splitAdjustments separates one JSON document into inputs and adjustments", () => {
      const doc = { "3.2.1": true, "3.2.2": true, adjustments: { "3.2": 9 } };
      const { inputs, adjustments } = splitAdjustments(doc);
      expect(inputs).toEqual({ "3.2.1": true, "3.2.2": true });
      expect(adjustments).toEqual({ "3.2": 9 });
      expect(value(score(discrete, inputs, adjustments)).total).toBe(9);
      expect(splitAdjustments([1, 2])).toEqual({ inputs: [1, 2], adjustments: undefined });
      expect(splitAdjustments({ "1.1": true })).toEqual({ inputs: { "1.1": true }, adjustments: undefined });
    });

    it("without splitAdjustments, an “adjustments” key among the inputs is an unknown input code", () => {
      expect(problems(score(discrete, { adjustments: { "3.2": 9 } })).map((p) => p.code)).toEqual(["adjustments"]);
    });
  });

  describe("D7: 4.3 ticked without both 4.1 ERP and 4.2 MES is scored as written and warned about", () => {
    const warning = {
      code: "4.3",
      message: {
        zh: "4.3 MES–ERP 互通集成已勾选，但未同时建立 ERP（4.1）和 MES（4.2）",
        en: "4.3 MES–ERP integration is ticked without both ERP (4.1) and MES (4.2)",
      },
      source: { doc: "003_aa3605fc89ed960c.txt", annex: "表1 离散型智能化改造认定标准", item: "4.3", ruling: "D7" },
    };

    it.each<[string, Record<string, unknown>, number]>([
      ["4.3 alone", { "4.3": true }, 4],
      ["4.3 with ERP only", { "4.1": true, "4.2": false, "4.3": true }, 12],
      ["4.3 with MES only", { "4.1": "无", "4.2": "有", "4.3": "有" }, 12],
    ])("%s → the 4 points count and a warning is given", (_name, inputs, section4) => {
      const r = value(score(discrete, inputs));
      expect(itemOf(r, "4.3").score).toBe(4);
      expect(sections(r)["4"]).toBe(section4);
      expect(r.warnings).toEqual([warning]);
    });

    it("4.3 with ERP and MES → no warning; 4.3 not ticked → no warning", () => {
      expect(value(score(discrete, { "4.1": true, "4.2": true, "4.3": true })).warnings).toEqual([]);
      expect(value(score(discrete, { "4.1": false, "4.2": false, "4.3": false })).warnings).toEqual([]);
      expect(value(score(discrete, {})).warnings).toEqual([]);
    });
  });

  describe("G3: a blank input scores 0, is listed in missing, and the total is incomplete", () => {
    it("an empty sheet: total 0, every input missing, complete false", () => {
      const r = value(score(discrete, {}));
      expect(r.total).toBe(0);
      expect(r.complete).toBe(false);
      expect(r.missing).toEqual(discrete.inputs.map((i) => i.code));
      expect(r.items.every((i) => i.score === 0 && i.computed === 0)).toBe(true);
      // Every single-input item reports a null answer; the D4 count item lists all seven options as missing.
      expect(r.items.filter((i) => i.code !== "3.2").every((i) => i.answer === null && i.missing.length === 1)).toBe(true);
      expect(itemOf(r, "3.2").missing).toEqual(["3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5", "3.2.6", "3.2.7"]);
    });

    it("D3: blank 3.1 scores 0 (not the 5 of “< 40%”) and is missing", () => {
      const r = value(score(discrete, { "3.1": "" }));
      expect(itemOf(r, "3.1")).toMatchObject({ score: 0, computed: 0, answer: null, missing: ["3.1"] });
      expect(r.missing).toContain("3.1");
    });

    it("D5: blank 6.3 scores 0 (not the 1 of “< 1%”)", () => {
      expect(itemOf(value(score(discrete, { "6.3": null })), "6.3")).toMatchObject({ score: 0, answer: null, missing: ["6.3"] });
    });

    it("blank answers of every kind (undefined, null, \"\", \"  \") are missing", () => {
      const r = value(score(process_, { "1.1": undefined, "2.1.1": null, "2.2": "", "5.1": "  " }));
      expect(r.missing).toEqual(process_.inputs.map((i) => i.code));
      expect(r.total).toBe(0);
    });

    it("a ticked 无, FALSE or 否 is an answer, not missing; one blank left makes complete false", () => {
      const inputs = Object.fromEntries(discrete.inputs.map((i) => [i.code, i.type === "tick" ? "无" : i.type === "level" ? "低于平均水平" : "0%"]));
      const full = value(score(discrete, inputs));
      expect(full.missing).toEqual([]);
      expect(full.complete).toBe(true);
      // 0% scores 5 for 3.1 (D3) and 1 for 6.3 (D5); everything else 0.
      expect(full.total).toBe(6);
      const oneBlank = value(score(discrete, { ...inputs, "6.6": " " }));
      expect(oneBlank.missing).toEqual(["6.6"]);
      expect(oneBlank.complete).toBe(false);
      expect(oneBlank.total).toBe(6);
    });

    it("a blank item's rule says 未填 / not answered", () => {
      expect(itemOf(value(score(discrete, {})), "1.1").rule).toEqual({ zh: "诊断方案：未填 → 0 分", en: "Diagnosis plan: not answered → 0 points" });
    });
  });

  it("G2: 表1 3.1 given as 62 is a Problem naming 3.1 that says “enter 62% or 0.62, not 62”", () => {
    expect(problems(score(discrete, { "3.1": 62 }))).toEqual([
      { code: "3.1", message: { zh: "比率不能超过 100%：请填 62% 或 0.62，而不是 62", en: "a rate cannot exceed 100%: enter 62% or 0.62, not 62" } },
    ]);
  });

  it("G2: 表2 2.2 自控投用率 given as 45 is refused; 表1 6.4 生产效率提高 given as 1.2 (120%) is scored", () => {
    expect(problems(score(process_, { "2.2": 45 }))[0]).toMatchObject({ code: "2.2", message: { en: expect.stringContaining("enter 45% or 0.45") } });
    expect(scoreOf("表1", { "6.4": 1.2 }, "6.4")).toBe(5);
  });

  it("every problem of a sheet is reported at once, each naming its input code", () => {
    const ps = problems(score(discrete, { "1.1": "maybe", "3.1": 62, "6.1": "top", "6.4": "much" }));
    expect(ps.map((p) => p.code)).toEqual(["1.1", "3.1", "6.1", "6.4"]);
  });
});

describe("rule texts (zh and en) say why each item scored what it did", () => {
  const rule = (t: Table, inputs: Record<string, unknown>, code: string) => itemOf(value(score(BY[t], inputs)), code).rule;

  it.each<[string, Table, Record<string, unknown>, string, string, string]>([
    ["D3 表1 3.1 62%", "表1", { "3.1": "62%" }, "3.1", "数控化率 62% ≥ 60% → 10 分", "CNC rate 62% ≥ 60% → 10 points"],
    ["D3 表1 3.1 45%", "表1", { "3.1": 0.45 }, "3.1", "数控化率 45% ∈ [40%, 50%) → 6 分", "CNC rate 45% ∈ [40%, 50%) → 6 points"],
    ["D3 表1 3.1 0%", "表1", { "3.1": 0 }, "3.1", "数控化率 0% < 40% → 5 分", "CNC rate 0% < 40% → 5 points"],
    ["D5 表1 6.3 0.5%", "表1", { "6.3": "0.5%" }, "6.3", "R&D 经费占比 0.5% < 1% → 1 分", "R&D share 0.5% < 1% → 1 point"],
    ["D6 表1 6.4 120%", "表1", { "6.4": "120%" }, "6.4", "生产效率提高 120% ≥ 15% → 5 分", "Efficiency improvement 120% ≥ 15% → 5 points"],
    ["表1 1.1 有", "表1", { "1.1": "有" }, "1.1", "诊断方案：有 → 10 分", "Diagnosis plan: yes → 10 points"],
    ["表1 4.1 否", "表1", { "4.1": "否" }, "4.1", "ERP：无 → 0 分", "ERP: no → 0 points"],
    ["表1 6.1 平均水平", "表1", { "6.1": "average" }, "6.1", "亩均产值：平均水平 → 3 分", "Output per mu: Average → 3 points"],
    ["G1 表2 2.1.1 65%", "表2", { "2.1.1": "65%" }, "2.1.1", "生产工艺数据 65% ≥ 60% → 5 分", "Process data 65% ≥ 60% → 5 points"],
    ["G1 表2 2.1.2 59%", "表2", { "2.1.2": 0.59 }, "2.1.2", "能源监控数据 59% < 60% → 0 分", "Energy data 59% < 60% → 0 points"],
    ["G1 表2 2.1.3 ticked", "表2", { "2.1.3": "√" }, "2.1.3", "环保监测数据：已勾选（≥ 60%） → 5 分", "Environmental data: ticked (≥ 60%) → 5 points"],
    ["G1 表2 2.1.3 not ticked", "表2", { "2.1.3": "□" }, "2.1.3", "环保监测数据：未勾选 → 0 分", "Environmental data: not ticked → 0 points"],
    ["G1 表2 2.2 30%", "表2", { "2.2": "30%" }, "2.2", "自控投用率 30% ∈ [30%, 50%) → 8 分", "Control usage rate 30% ∈ [30%, 50%) → 8 points"],
    ["P2 表2 5.6 6%", "表2", { "5.6": "6%" }, "5.6", "低端用工下降率 6% ∈ [5%, 8%) → 3 分", "Low-end labour reduction 6% ∈ [5%, 8%) → 3 points"],
  ])("%s", (_name, t, inputs, code, zh, en) => {
    expect(rule(t, inputs, code)).toEqual({ zh, en });
  });

  it("each item keeps its answer, name, max and source", () => {
    const r = value(score(discrete, { "3.1": "62%", "6.1": "领先", "3.2.1": true }));
    expect(itemOf(r, "3.1")).toMatchObject({
      code: "3.1",
      section: "3",
      name: { zh: "关键装备数控化率" },
      answer: 0.62,
      max: 10,
      source: { doc: "003_aa3605fc89ed960c.txt", item: "3.1", ruling: "D3" },
    });
    expect(itemOf(r, "6.1").answer).toBe("领先水平");
    expect(itemOf(r, "3.2").answer).toBe(1);
    expect(itemOf(r, "1.1").answer).toBeNull();
  });
});

describe("whole enterprises, computed by hand", () => {
  /*
   * 表1 enterprise A (complete sheet):
   *   1 入户诊断     1.1 有 → 10                                                = 10
   *   2 产品设计     2.1.1 √ 6 + 2.1.2 √ 2 + 2.1.3 否 0                         =  8
   *   3 制造过程     3.1 62% → 10 (≥ 60%, D3); 3.2 four ticked (1,2,4,5) → 10 (D4);
   *                  3.3.1 有 4 + 3.3.2 无 0 + 3.3.3 有 2 + 3.3.4 无 0 = 6         = 26
   *   4 信息化       4.1 有 8 + 4.2 有 8 + 4.3 有 4 (D1)                          = 20
   *   5 信息安全     5.1.1 √ 2 + 5.1.2 □ 0                                       =  2
   *   6 成效         6.1 平均水平 3 + 6.2 有 4 + 6.3 1.5% → 3 + 6.4 12% → 3
   *                  + 6.5 9% → 4 + 6.6 5% → 0 (D6: below 8%)                    = 17
   *   total 10 + 8 + 26 + 20 + 2 + 17 = 83
   */
  const enterpriseA: Record<string, unknown> = {
    "1.1": "有",
    "2.1.1": "√",
    "2.1.2": "√",
    "2.1.3": "否",
    "3.1": "62%",
    "3.2.1": true,
    "3.2.2": true,
    "3.2.3": false,
    "3.2.4": "TRUE",
    "3.2.5": 1,
    "3.2.6": 0,
    "3.2.7": "FALSE",
    "3.3.1": "有",
    "3.3.2": "无",
    "3.3.3": "有",
    "3.3.4": "无",
    "4.1": "有",
    "4.2": "有",
    "4.3": "有",
    "5.1.1": "√",
    "5.1.2": "□",
    "6.1": "平均水平",
    "6.2": "有",
    "6.3": "1.5%",
    "6.4": "12%",
    "6.5": 0.09,
    "6.6": "5%",
  };

  it("表1 enterprise A: 10 + 8 + 26 + 20 + 2 + 17 = 83, complete, no warnings", () => {
    const r = value(score(discrete, enterpriseA));
    expect(sections(r)).toEqual({ "1": 10, "2": 8, "3": 26, "4": 20, "5": 2, "6": 17 });
    expect(r.total).toBe(83);
    expect(r.max).toBe(100);
    expect(r.rubric).toBe("shaoxing-discrete");
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(scores(r)).toEqual({
      "1.1": 10, "2.1.1": 6, "2.1.2": 2, "2.1.3": 0, "3.1": 10, "3.2": 10, "3.3.1": 4, "3.3.2": 0, "3.3.3": 2, "3.3.4": 0,
      "4.1": 8, "4.2": 8, "4.3": 4, "5.1.1": 2, "5.1.2": 0, "6.1": 3, "6.2": 4, "6.3": 3, "6.4": 3, "6.5": 4, "6.6": 0,
    });
    expect(r.sections.map((s) => [s.code, s.max])).toEqual([["1", 10], ["2", 10], ["3", 30], ["4", 20], ["5", 4], ["6", 26]]);
  });

  /*
   * 表1 enterprise B (positional, in the 27-code order):
   *   1 入户诊断     1.1 无 → 0                                                  =  0
   *   2 产品设计     2.1.1 有 6 + 2.1.2 无 0 + 2.1.3 无 0                          =  6
   *   3 制造过程     3.1 45% → 6 (D3); 3.2 two ticked (3, 6) → round(2 × 10 / 3, 1) = 6.7 (D4);
   *                  3.3 none → 0                                               = 12.7
   *   4 信息化       4.1 有 8 + 4.2 无 0 + 4.3 有 4 (D7: scored, warned)          = 12
   *   5 信息安全     5.1.1 有 2 + 5.1.2 有 2 (D2)                                =  4
   *   6 成效         6.1 领先水平 5 + 6.2 无 0 + 6.3 0% → 1 (D5) + 6.4 20% → 5
   *                  + 6.5 5% → 3 + 6.6 15% → 4                                 = 18
   *   total 0 + 6 + 12.7 + 12 + 4 + 18 = 52.7
   *   With the expert adjusting 3.2 to 5: section 3 = 6 + 5 + 0 = 11, total 51.
   */
  const enterpriseB: unknown[] = [
    "无", // 1.1
    "有", "无", "无", // 2.1.1–2.1.3
    0.45, // 3.1
    false, false, true, false, false, true, false, // 3.2.1–3.2.7
    "否", "否", "否", "否", // 3.3.1–3.3.4
    "有", "无", "有", // 4.1, 4.2, 4.3
    "有", "有", // 5.1.1, 5.1.2
    "Leading", "无", 0, "20%", "5%", "15%", // 6.1–6.6
  ];

  it("表1 enterprise B (positional): 0 + 6 + 12.7 + 12 + 4 + 18 = 52.7, with the D7 warning", () => {
    const r = value(score(discrete, enterpriseB));
    expect(sections(r)).toEqual({ "1": 0, "2": 6, "3": 12.7, "4": 12, "5": 4, "6": 18 });
    expect(r.total).toBe(52.7);
    expect(r.complete).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(["4.3"]);
  });

  it("表1 enterprise B with the expert adjusting 3.2 from 6.7 to 5: section 3 = 11, total 51 (D4)", () => {
    const r = value(score(discrete, enterpriseB, { "3.2": 5 }));
    expect(itemOf(r, "3.2")).toMatchObject({ computed: 6.7, adjusted: 5, score: 5 });
    expect(sections(r)["3"]).toBe(11);
    expect(r.total).toBe(51);
  });

  /*
   * 表2 enterprise C (complete sheet):
   *   1 入户诊断     1.1 有 → 10                                                 = 10
   *   2 制造过程     2.1.1 65% → 5 + 2.1.2 √ → 5 + 2.1.3 55% → 0 (G1);
   *                  2.2 42% → 8 (30%以上); 2.3.1 有 8 + 2.3.2 无 0               = 26
   *   3 信息化       3.1 DCS 有 10 + 3.2 有 5 + 3.3 无 0 (P1)                     = 15
   *   4 信息安全     4.1.1 有 2 + 4.1.2 有 2 (P3)                                =  4
   *   5 成效         5.1 平均水平 3 + 5.2 有 4 + 5.3 2% → 4 + 5.4 15% → 5
   *                  + 5.5 7.9% → 3 + 5.6 6% → 3 (P2)                           = 22
   *   total 10 + 26 + 15 + 4 + 22 = 77
   */
  const enterpriseC: Record<string, unknown> = {
    "1.1": "有",
    "2.1.1": "65%",
    "2.1.2": "√",
    "2.1.3": 0.55,
    "2.2": "42%",
    "2.3.1": "有",
    "2.3.2": "无",
    "3.1": "有",
    "3.2": "有",
    "3.3": "无",
    "4.1.1": "有",
    "4.1.2": "有",
    "5.1": "平均水平",
    "5.2": "有",
    "5.3": "2%",
    "5.4": "15%",
    "5.5": "7.9%",
    "5.6": "6%",
  };

  it("表2 enterprise C: 10 + 26 + 15 + 4 + 22 = 77, complete", () => {
    const r = value(score(process_, enterpriseC));
    expect(sections(r)).toEqual({ "1": 10, "2": 26, "3": 15, "4": 4, "5": 22 });
    expect(r.total).toBe(77);
    expect(r.rubric).toBe("shaoxing-process");
    expect(r.complete).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(r.sections.map((s) => [s.code, s.max])).toEqual([["1", 10], ["2", 40], ["3", 20], ["4", 4], ["5", 26]]);
  });

  /*
   * 表2 enterprise D (positional, in the 18-code order):
   *   1 入户诊断     1.1 无 → 0                                                  =  0
   *   2 制造过程     2.1.1 否 0 + 2.1.2 60% → 5 (G1: 以上 includes 60%) + 2.1.3 是 5;
   *                  2.2 29% → 0 (below 30%); 2.3.1 无 0 + 2.3.2 有 7             = 17
   *   3 信息化       3.1 无 0 + 3.2 无 0 + 3.3 有 5                               =  5
   *   4 信息安全     4.1.1 无 0 + 4.1.2 有 2                                     =  2
   *   5 成效         5.1 低于平均水平 0 + 5.2 无 0 + 5.3 0.9% → 1 + 5.4 7.9% → 0
   *                  + 5.5 8% → 4 + 5.6 8% → 4 (P2; 表1 6.6 would give 3)       =  9
   *   total 0 + 17 + 5 + 2 + 9 = 33
   */
  const enterpriseD: unknown[] = ["无", "否", 0.6, "是", "29%", "无", "有", "无", "无", "有", "无", "有", "低于平均水平", "无", "0.9%", 0.079, "8%", "8%"];

  it("表2 enterprise D (positional): 0 + 17 + 5 + 2 + 9 = 33", () => {
    const r = value(score(process_, enterpriseD));
    expect(sections(r)).toEqual({ "1": 0, "2": 17, "3": 5, "4": 2, "5": 9 });
    expect(r.total).toBe(33);
    expect(r.complete).toBe(true);
  });

  it("表2 enterprise D with two items left blank (5.1, 5.2): same total, incomplete, both missing (G3)", () => {
    const partial = [...enterpriseD];
    partial[12] = "";
    partial[13] = null;
    const r = value(score(process_, partial));
    expect(r.total).toBe(33);
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(["5.1", "5.2"]);
  });
});

describe("input shapes: positional arrays, objects, and what is refused", () => {
  function asObject(r: Rubric, values: readonly unknown[]): Record<string, unknown> {
    return Object.fromEntries(r.inputs.map((i, k) => [i.code, values[k]]));
  }

  it("a positional array equals the same answers as an object (表1 enterprise B, 表2 enterprise D)", () => {
    const b = ["无", "有", "无", "无", 0.45, false, false, true, false, false, true, false, "否", "否", "否", "否", "有", "无", "有", "有", "有", "Leading", "无", 0, "20%", "5%", "15%"];
    expect(score(discrete, b)).toEqual(score(discrete, asObject(discrete, b)));
    const d = ["无", "否", 0.6, "是", "29%", "无", "有", "无", "无", "有", "无", "有", "低于平均水平", "无", "0.9%", 0.079, "8%", "8%"];
    expect(score(process_, d)).toEqual(score(process_, asObject(process_, d)));
  });

  it.each<[Table, number]>([
    ["表1", 26],
    ["表1", 28],
    ["表1", 0],
    ["表2", 17],
    ["表2", 27],
  ])("%s: a positional list of %d values is a Problem naming “inputs” and the expected count", (t, n) => {
    const ps = problems(score(BY[t], new Array(n).fill("")));
    const expected = BY[t].inputs.length;
    expect(ps).toHaveLength(1);
    expect(ps[0].code).toBe("inputs");
    expect(ps[0].message.en).toBe(`a positional list needs exactly ${expected} values (in the order ${BY[t].inputs.map((i) => i.code).join(", ")}), got ${n}`);
  });

  it("unknown input codes are Problems naming each code (表1 has no 3.2 input, only 3.2.1 … 3.2.7; 表2 has no 2.1)", () => {
    const ps = problems(score(discrete, { "3.2": true, "7.1": 1, "1.1": true }));
    expect(ps.map((p) => p.code)).toEqual(["3.2", "7.1"]);
    expect(ps[0].message.en).toMatch(/^not an input code of this template; the codes are 1\.1, 2\.1\.1, /);
    expect(problems(score(process_, { "2.1": true })).map((p) => p.code)).toEqual(["2.1"]);
  });

  it.each<unknown>([undefined, null, 42, "1.1=有", true])("non-object inputs (%j) are a Problem naming “inputs”", (raw) => {
    expect(problems(score(discrete, raw))).toEqual([
      { code: "inputs", message: { zh: "应为以输入编号为键的对象，或按顺序排列的数组", en: "expected an object keyed by input code, or a positional array" } },
    ]);
  });
});

/* ---------------------------------------------------------------------------------------- */
/* Properties: generated from each rubric's own input list.                                 */
/* ---------------------------------------------------------------------------------------- */

const blank = fc.constantFrom<unknown>(undefined, null, "", "  ");

const TICK_WORDS = ["true", "false", "1", "0", "是", "否", "有", "无", "☑", "□", "√"];
/** Words the engine also accepts (answers.ts TICK_ANSWERS) beyond the schema's list. */
const TICK_EXTRAS = ["✓", "✔", "☐", "yes", "y", "no", "n"];
const ACCEPTED_TICKS = new Set([...TICK_WORDS, ...TICK_EXTRAS]);

/** Upper-cases some letters and pads with spaces: answers are trimmed and case-insensitive. */
function sloppy(word: string): fc.Arbitrary<string> {
  return fc.tuple(fc.boolean(), fc.constantFrom("", " ", "  ")).map(([upper, pad]) => `${pad}${upper ? word.toUpperCase() : word}${pad}`);
}

const validTick = fc.oneof(fc.boolean(), fc.constantFrom(0, 1), fc.constantFrom(...TICK_WORDS).chain(sloppy));
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const validRate = fc.oneof(fraction, fc.integer({ min: 0, max: 10_000 }).map((n) => `${n / 100}%`), fraction.map((x) => String(x)));
const validImprovement = fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.integer({ min: -500, max: 500 }).map((n) => `${n}%`));
/** G2: a reduction may be negative (the measure rose) but not above 100%. */
const validReduction = fc.oneof(fc.double({ min: -5, max: 1, noNaN: true }), fc.integer({ min: -500, max: 100 }).map((n) => `${n}%`));

function levelWords(input: InputDef): string[] {
  return (input.levels ?? []).flatMap((l) => [l.name.zh, l.name.en, ...l.aliases]);
}

function validAnswer(input: InputDef): fc.Arbitrary<unknown> {
  switch (input.type) {
    case "tick":
      return fc.oneof(validTick, blank);
    case "rate":
      return fc.oneof(validRate, blank);
    case "improvement":
      return fc.oneof(validImprovement, blank);
    case "reduction":
      return fc.oneof(validReduction, blank);
    case "tick-or-rate":
      return fc.oneof(validTick, validRate, blank);
    case "level":
      return fc.oneof(fc.constantFrom(...levelWords(input)).chain(sloppy), blank);
    default:
      throw new Error(`no generator for ${input.type}`);
  }
}

/** Strings with no digit and not blank: never a number, so never a rate or an improvement. */
const wordWithoutDigits = fc.oneof(fc.string({ minLength: 1 }), fc.string({ unit: "grapheme", minLength: 1 })).filter((s) => s.trim() !== "" && !/\d/.test(s));
const notTickWord = wordWithoutDigits.filter((s) => !ACCEPTED_TICKS.has(s.trim().toLowerCase()));
const objects = fc.oneof(fc.object(), fc.array(fc.integer(), { maxLength: 3 }));
const above1 = fc.double({ min: 1, minExcluded: true, noNaN: true });
const below0 = fc.double({ max: 0, noNaN: true }).filter((x) => x < 0);
const overPercent = fc.integer({ min: 101, max: 100_000 }).map((n) => `${n}%`);
const nonFinite = fc.constantFrom(NaN, Infinity, -Infinity);

function invalidAnswer(input: InputDef): fc.Arbitrary<unknown> {
  switch (input.type) {
    case "tick":
      return fc.oneof(notTickWord, fc.double().filter((x) => x !== 0 && x !== 1), fc.constantFrom("2", "0.5", "-1", "10"), objects);
    case "rate":
      return fc.oneof(wordWithoutDigits, above1, below0, overPercent, nonFinite, fc.boolean(), objects);
    case "improvement":
      return fc.oneof(wordWithoutDigits, nonFinite, fc.boolean(), objects);
    case "reduction":
      return fc.oneof(wordWithoutDigits, above1, overPercent, nonFinite, fc.boolean(), objects);
    case "tick-or-rate":
      return fc.oneof(notTickWord, above1, below0, overPercent, nonFinite, objects);
    case "level": {
      const words = new Set(levelWords(input).map((w) => w.toLowerCase()));
      return fc.oneof(wordWithoutDigits.filter((s) => !words.has(s.trim().toLowerCase())), fc.double(), fc.boolean(), objects);
    }
    default:
      throw new Error(`no generator for ${input.type}`);
  }
}

function validSheet(r: Rubric): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(...r.inputs.map(validAnswer)).map((values) => Object.fromEntries(r.inputs.map((i, k) => [i.code, values[k]])));
}

/** Expert scores as experts write them: 0..max with up to two decimals (D4). */
function validAdjustments(r: Rubric): fc.Arbitrary<Record<string, number>> {
  const items = r.sections.flatMap((s) => s.items);
  return fc
    .subarray(items)
    .chain((chosen) =>
      fc.tuple(...chosen.map((i) => fc.integer({ min: 0, max: i.max * 100 }).map((n) => n / 100))).map((vs) => Object.fromEntries(chosen.map((i, k) => [i.code, vs[k]]))),
    );
}

describe.each<[Table]>([["表1"], ["表2"]])("properties of %s", (t) => {
  const r = BY[t];
  const itemMax = new Map(r.sections.flatMap((s) => s.items).map((i) => [i.code, i.max]));

  it("G2/G3: any valid sheet scores: total in [0, 100] = Σ item scores (1e-9) = Σ section scores; each item in [0, max]", () => {
    fc.assert(
      fc.property(validSheet(r), fc.option(validAdjustments(r), { nil: undefined }), (sheet, adjustments) => {
        const res = value(score(r, sheet, adjustments));
        expect(res.total).toBeGreaterThanOrEqual(0);
        expect(res.total).toBeLessThanOrEqual(100);
        const sum = res.items.reduce((a, i) => a + i.score, 0);
        expect(Math.abs(res.total - sum)).toBeLessThan(1e-9);
        expect(Math.abs(res.total - res.sections.reduce((a, s) => a + s.score, 0))).toBeLessThan(1e-9);
        for (const i of res.items) {
          expect(i.score).toBeGreaterThanOrEqual(0);
          expect(i.score).toBeLessThanOrEqual(itemMax.get(i.code) as number);
          expect(i.computed).toBeGreaterThanOrEqual(0);
          expect(i.computed).toBeLessThanOrEqual(i.max);
        }
        for (const s of res.sections) expect(s.score).toBeLessThanOrEqual(s.max);
        expect(res.complete).toBe(res.missing.length === 0);
      }),
    );
  });

  it("G3: an input is missing exactly when it was left blank", () => {
    fc.assert(
      fc.property(validSheet(r), (sheet) => {
        const res = value(score(r, sheet));
        const blanks = r.inputs.filter((i) => {
          const v = sheet[i.code];
          return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
        });
        expect(res.missing).toEqual(blanks.map((i) => i.code));
      }),
    );
  });

  it("key order never matters (shuffled object keys give the same result)", () => {
    fc.assert(
      fc.property(
        validSheet(r).chain((sheet) => fc.tuple(fc.constant(sheet), fc.shuffledSubarray(Object.entries(sheet), { minLength: r.inputs.length }))),
        ([sheet, shuffled]) => {
          expect(score(r, Object.fromEntries(shuffled))).toEqual(score(r, sheet));
        },
      ),
    );
  });

  it("a positional array equals the object with the same answers", () => {
    fc.assert(
      fc.property(validSheet(r), (sheet) => {
        expect(score(r, r.inputs.map((i) => sheet[i.code]))).toEqual(score(r, sheet));
      }),
    );
  });

  it("G2: any invalid answer yields ok:false with a problem naming that input code (and only that one)", () => {
    const oneInvalid = fc
      .tuple(validSheet(r), fc.integer({ min: 0, max: r.inputs.length - 1 }))
      .chain(([sheet, k]) => invalidAnswer(r.inputs[k]).map((bad) => ({ sheet: { ...sheet, [r.inputs[k].code]: bad }, code: r.inputs[k].code })));
    fc.assert(
      fc.property(oneInvalid, ({ sheet, code }) => {
        const ps = problems(score(r, sheet));
        expect(ps.map((p) => p.code)).toEqual([code]);
        expect(ps[0].message.zh.length).toBeGreaterThan(0);
        expect(ps[0].message.en.length).toBeGreaterThan(0);
      }),
    );
  });

  it("score never throws for fc.anything() inputs and adjustments; failures are Problems with both languages", () => {
    const codes = fc.constantFrom(...r.inputs.map((i) => i.code));
    const items = fc.constantFrom(...r.sections.flatMap((s) => s.items.map((i) => i.code)));
    const anyInputs = fc.oneof(fc.anything(), fc.dictionary(codes, fc.anything()), fc.array(fc.anything(), { minLength: r.inputs.length, maxLength: r.inputs.length }));
    const anyAdjustments = fc.oneof(fc.anything({ withBigInt: true }), fc.dictionary(items, fc.anything({ withBigInt: true })));
    fc.assert(
      fc.property(anyInputs, anyAdjustments, (inputs, adjustments) => {
        const res = score(r, inputs, adjustments);
        if (!res.ok) {
          expect(res.problems.length).toBeGreaterThan(0);
          for (const p of res.problems) {
            expect(typeof p.code).toBe("string");
            expect(typeof p.message.zh).toBe("string");
            expect(typeof p.message.en).toBe("string");
          }
        } else {
          expect(res.value.total).toBeGreaterThanOrEqual(0);
          expect(res.value.total).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("score never throws (problems.ts: core functions return Problems instead of throwing)", () => {
  // fast-check found this once: the refusal message must echo the value without calling its toString.
  it("an adjustment value { toString: undefined } is a Problem naming adjustments.1.1, not a TypeError", () => {
    expect(problems(score(discrete, {}, { "1.1": { toString: undefined } })).map((p) => p.code)).toEqual(["adjustments.1.1"]);
  });

  it("an adjustment value with no prototype (Object.create(null)) is a Problem naming adjustments.3.2, not a TypeError", () => {
    expect(problems(score(discrete, {}, { "3.2": Object.create(null) })).map((p) => p.code)).toEqual(["adjustments.3.2"]);
  });

  it("an adjustment value that is a plain object or an array is a Problem naming it", () => {
    expect(problems(score(discrete, {}, { "1.1": { a: 1 }, "3.2": [8] })).map((p) => p.code)).toEqual(["adjustments.1.1", "adjustments.3.2"]);
  });

  it("an input value with a toString key, or with no prototype, is a Problem naming the input", () => {
    expect(problems(score(discrete, { "1.1": { toString: undefined }, "3.1": Object.create(null) })).map((p) => p.code)).toEqual(["1.1", "3.1"]);
  });
});
