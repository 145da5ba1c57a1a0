/**
 * The 量化考核 wording printed beside each item, generated from the same rule data as the
 * formulas (seed 003 表1/表2), so the options a reader sees are the ones the sheet scores.
 */
import { countText, optionsText } from "../../../src/sheets/scoring/rule-text";
import { findRubric } from "../../../templates/index";
import type { Rubric, RubricItem } from "../../../templates/schema";

const discrete = findRubric("shaoxing-discrete") as Rubric;
const process_ = findRubric("shaoxing-process") as Rubric;
const item = (r: Rubric, code: string) => r.sections.flatMap((s) => s.items).find((i) => i.code === code) as RubricItem;
const options = (r: Rubric, code: string) => optionsText(item(r, code), new Map(r.inputs.map((i) => [i.code, i])));

test("a tick prints the table's □无 / □有 with the points (表1 4.1 ERP: 8分)", () => {
  expect(options(discrete, "4.1")).toBe("□无（0分）\u3000□有（8分）");
});

test("D3 数控化率: the table's top option 60%-70% is printed ≥60%, since it extends upward (G4)", () => {
  expect(options(discrete, "3.1")).toBe("<40%（5分）；40%–50%（6分）；50%–60%（8分）；≥60%（10分）");
});

test("P2: 表2 5.6 低端用工下降率 prints its own brackets", () => {
  expect(options(process_, "5.6")).toBe("<5%（0分）；5%–8%（3分）；≥8%（4分）");
});

test("亩均产值 prints its three levels with their points", () => {
  expect(options(discrete, "6.1")).toBe("低于平均水平（0分）；平均水平（3分）；领先水平（5分）");
});

test("表2 2.1.x: a tick, or the actual rate, against 60%", () => {
  expect(options(process_, "2.1.2")).toBe("□无（0分）\u3000□有：达到 60% 以上（5分）；也可填实际比率");
});

test("D4 3.2: 满足 3 条及以上得 10 分, fewer a suggested score the expert may replace", () => {
  const rule = item(discrete, "3.2").rule;
  if (rule.kind !== "count") throw new Error("3.2 is a count rule");
  expect(countText(rule)).toBe("满足 3 条及以上得 10 分；不足 3 条建议得分 = 条数 × 10 ÷ 3（保留 1 位小数），专家可酌情调整");
  expect(options(discrete, "3.2")).toBe(countText(rule));
});
