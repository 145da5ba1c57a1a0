import { findRubric, findScheme } from "../../templates/index";
import type { Rubric, Scheme } from "../../templates/schema";

/**
 * Enterprises whose scores and tiers tests/core computed by hand (score.test.ts "whole
 * enterprises", tier.test.ts "whole enterprises"), laid out as worksheet rows: the template's
 * input-code order, one cell per input, "" for a blank cell.
 */
export const DISCRETE = findRubric("shaoxing-discrete") as Rubric;
export const PROCESS = findRubric("shaoxing-process") as Rubric;
export const SHAOXING = findScheme("shaoxing") as Scheme;
export const PUJIANG = findScheme("pujiang") as Scheme;
export const NATIONAL = findScheme("national-2024") as Scheme;

/** A worksheet row from answers keyed by input code. */
export function row(template: { inputs: readonly { code: string }[] }, answers: Record<string, unknown>): unknown[] {
  return template.inputs.map((i) => (i.code in answers ? answers[i.code] : ""));
}

/** 表1 enterprise A: 10 + 8 + 26 + 20 + 2 + 17 = 83, complete. */
export const A = row(DISCRETE, {
  "1.1": "有", "2.1.1": "√", "2.1.2": "√", "2.1.3": "否", "3.1": "62%",
  "3.2.1": true, "3.2.2": true, "3.2.3": false, "3.2.4": "TRUE", "3.2.5": 1, "3.2.6": 0, "3.2.7": "FALSE",
  "3.3.1": "有", "3.3.2": "无", "3.3.3": "有", "3.3.4": "无", "4.1": "有", "4.2": "有", "4.3": "有",
  "5.1.1": "√", "5.1.2": "□", "6.1": "平均水平", "6.2": "有", "6.3": "1.5%", "6.4": "12%", "6.5": 0.09, "6.6": "5%",
});
export const A_SECTIONS = [10, 8, 26, 20, 2, 17];

/** 表1 enterprise B: 0 + 6 + 12.7 + 12 + 4 + 18 = 52.7, with the D7 warning (4.3 without MES). */
export const B: unknown[] = [
  "无", "有", "无", "无", 0.45, false, false, true, false, false, true, false, "否", "否", "否", "否",
  "有", "无", "有", "有", "有", "Leading", "无", 0, "20%", "5%", "15%",
];
export const B_SECTIONS = [0, 6, 12.7, 12, 4, 18];

/** 表2 enterprise C: 10 + 26 + 15 + 4 + 22 = 77. */
export const C = row(PROCESS, {
  "1.1": "有", "2.1.1": "65%", "2.1.2": "√", "2.1.3": 0.55, "2.2": "42%", "2.3.1": "有", "2.3.2": "无",
  "3.1": "有", "3.2": "有", "3.3": "无", "4.1.1": "有", "4.1.2": "有",
  "5.1": "平均水平", "5.2": "有", "5.3": "2%", "5.4": "15%", "5.5": "7.9%", "5.6": "6%",
});
export const C_SECTIONS = [10, 26, 15, 4, 22];

/** 表2 enterprise D: 0 + 17 + 5 + 2 + 9 = 33. */
export const D: unknown[] = ["无", "否", 0.6, "是", "29%", "无", "有", "无", "无", "有", "无", "有", "低于平均水平", "无", "0.9%", 0.079, "8%", "8%"];

/** Every input answered "no": ticks false, levels the lowest, integers their minimum, rates and amounts 0. */
function allNo(s: Scheme): Record<string, unknown> {
  return Object.fromEntries(
    s.inputs.map((i) => [i.code, i.type === "tick" ? false : i.type === "level" ? i.levels?.[0].name.zh : i.type === "integer" ? (i.min ?? 0) : 0]),
  );
}

const SX_NO = allNo(SHAOXING);
const SX_BASIC = { "basic.1": true, "basic.2": true, "basic.3": true, "basic.4": true };
/** 第五条 + 第六条 exactly at the thresholds (数控化率 60%, 联网率 40%). */
const SX_LINE = { ...SX_NO, ...SX_BASIC, "line.equipment": "是", "cnc-rate": 0.6, "line.data": "√", "network-rate": 0.4 };
/** 第五至七条 exactly at the thresholds (数控化率 65%, 联网率 50%). */
const SX_WORKSHOP = { ...SX_LINE, "cnc-rate": 0.65, "network-rate": 0.5, "workshop.1": true, "workshop.2": true, "workshop.3": true, "workshop.4": true };
/** 第五至八条 exactly at the thresholds, one new mode (网络协同). */
const SX_FACTORY = {
  ...SX_WORKSHOP, "factory.1": true, "mode.networked": true, "factory.3": true, "smart-equipment-share": 0.7,
  // 第八条(二): 网络协同制造 with each of its six key elements (seed 003 附件 三、1–6).
  ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((k) => [`mode.networked.${k}`, true])),
  "factory.4": true, "design-tool-rate": 0.7, "mes-erp": true, "factory.5": true,
};
export const SHAOXING_ROWS = { none: row(SHAOXING, SX_NO), line: row(SHAOXING, SX_LINE), workshop: row(SHAOXING, SX_WORKSHOP), factory: row(SHAOXING, SX_FACTORY) };

/**
 * 浦江 (seed 004 三): registered, 600 万元 in total of which 200 digital (33%), 1 year, both 数字工厂
 * items and all three 中小企业 items ticked, everything else not: meets 数字工厂 (500, 30%, 200,
 * 2 years) and 中小企业 (1 year); 智能工厂 lacks 800, 300, its five items and 研发设计工具普及率 100%
 * (8); 未来工厂 lacks 2000, its nine items and the same rate (11).
 */
export const PUJIANG_ROW = row(
  PUJIANG,
  Object.fromEntries(
    PUJIANG.inputs.map((i) => {
      const given: Record<string, unknown> = { "total-investment": 600, "digital-investment": 200, "design-tool-rate": 0, period: 1 };
      if (i.code in given) return [i.code, given[i.code]];
      return [i.code, i.code === "registered" || i.code.startsWith("digital-factory.") || i.code.startsWith("sme.") ? "是" : "否"];
    }),
  ),
);

/**
 * national-2024 (seed 002 附件2, T2) 先进级 exactly: 二级, 生产作业 (设备管理) + 生产管理 (能碳管理) +
 * 运营管理 (供应链管理), provincial leading, 三(二)2. 卓越级 then lacks 三级, national leading and
 * 四(二)2–4 (5), and its uncovered 工厂建设 and 研发设计 are warnings needing a written justification.
 */
export const NATIONAL_ADVANCED = row(NATIONAL, {
  ...allNo(NATIONAL),
  "application.registered": true, "application.cooperation": true,
  "requirement.1": true, "requirement.2": true, "requirement.3": true, "requirement.4": true,
  maturity: 2, "stage.equipment": true, "stage.energy-carbon": true, "stage.supply-chain": "√",
  performance: "省内同行业领先", "advanced.effect-2": true,
});
