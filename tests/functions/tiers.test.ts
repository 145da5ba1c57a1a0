import { readFileSync } from "node:fs";
import { join } from "node:path";
import { shown, thrown } from "./excel";
import { NATIONAL, NATIONAL_ADVANCED, PUJIANG_ROW, SHAOXING, SHAOXING_ROWS, row } from "./fixtures";
import { tierCheck, tierGap } from "../../functions/functions";

/**
 * TIER_CHECK and TIER_GAP on the Shaoxing ladder (seed 003 第五至八条, ruling T1) and the Pujiang
 * alternatives (seed 004 三, ruling T4), with the README's example enterprise.
 */

/** The README's `assessbook tier shaoxing examples/shaoxing-tier.json` enterprise, as a worksheet row. */
const README_EXAMPLE = row(SHAOXING, JSON.parse(readFileSync(join(__dirname, "../../examples/shaoxing-tier.json"), "utf8")) as Record<string, unknown>);

describe("TIER_CHECK", () => {
  it("T1: the highest Shaoxing tier met, one per row, by official name; 未达标 when none; blank rows blank", () => {
    const { none, line, workshop, factory } = SHAOXING_ROWS;
    expect(tierCheck("shaoxing", [line, workshop, factory, new Array(SHAOXING.inputs.length).fill(""), none])).toEqual([
      ["生产线智能化改造项目"],
      ["智能制造示范车间"],
      ["智能工厂"],
      [""],
      ["未达标"],
    ]);
  });

  it("the README example meets 智能制造示范车间", () => {
    expect(tierCheck("shaoxing", [README_EXAMPLE])).toEqual([["智能制造示范车间"]]);
  });

  it("T2: national-2024 先进级", () => {
    expect(tierCheck("national-2024", [NATIONAL_ADVANCED])).toEqual([["先进级智能工厂"]]);
  });

  it("T4: for schemes of independent types every type met, joined by 、", () => {
    expect(tierCheck("pujiang", [PUJIANG_ROW])).toEqual([["数字工厂（数字化车间）、中小企业数字化制造及行业平台化服务"]]);
  });

  it("G2: a rate given as 66 is that row's error, naming the input", () => {
    const bad = [...SHAOXING_ROWS.line];
    bad[SHAOXING.inputs.findIndex((i) => i.code === "cnc-rate")] = 66;
    const [, [error]] = tierCheck("shaoxing", [SHAOXING_ROWS.line, bad]);
    expect(shown(error)).toEqual({ code: "#VALUE!", message: "inputs 第 2 行，cnc-rate：比率不能超过 100%：请填 66% 或 0.66，而不是 66" });
  });

  it.each<[string, unknown, unknown[][], string, string]>([
    ["a rubric id", "shaoxing-discrete", [SHAOXING_ROWS.line], "#N/A", "scheme：“shaoxing-discrete”是评分表，不是认定方案（计分请用 SCORE）；认定方案有：shaoxing, national-2024, shanxi-2018, pujiang"],
    ["an unknown scheme", "zhejiang", [SHAOXING_ROWS.line], "#N/A", "scheme：没有编号为“zhejiang”的认定方案；认定方案有：shaoxing, national-2024, shanxi-2018, pujiang"],
    ["a scheme cell holding #N/A", new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable), [SHAOXING_ROWS.line], "#N/A", "scheme：单元格为错误值 #N/A"],
    ["a range of the wrong width", "shaoxing", [SHAOXING_ROWS.line.slice(1)], "#VALUE!", `inputs：每行应有 ${SHAOXING.inputs.length} 个答案（basic.1 到 factory.5，顺序见 INPUT_HEADERS("shaoxing")），区域有 ${SHAOXING.inputs.length - 1} 列`],
  ])("%s is refused", (_name, scheme, inputs, code, message) => {
    expect(shown(thrown(() => tierCheck(scheme, inputs)))).toEqual({ code, message });
  });
});

describe("TIER_GAP", () => {
  it("T1: the README example lacks two conditions of 智能工厂, each with its article", () => {
    expect(tierGap("shaoxing", [README_EXAMPLE])).toEqual([
      [
        "下一级「智能工厂」尚缺 2 项：智能装备占主要生产装备总数不低于70%：智能装备占主要生产装备总数比例 60% < 70%（第八条(三)）；" +
          "统一信息管理平台和实时监控，实现生产操作、生产管理、管理决策全部业务流程闭环管理、一体化运作、智能化决策和执行：否（第八条(五)）",
      ],
    ]);
  });

  it("in English on request", () => {
    expect(tierGap("shaoxing", [README_EXAMPLE], "en")[0][0]).toMatch(/^the next tier, "Smart factory", lacks 2: .*60% < 70% \(第八条\(三\)\)/);
  });

  it("T1: the top tier met has no next tier; a row meeting nothing is told what 生产线 needs", () => {
    const [[top], [none]] = tierGap("shaoxing", [SHAOXING_ROWS.factory, SHAOXING_ROWS.none]);
    expect(top).toBe("已达到最高一级「智能工厂」");
    expect(none).toMatch(/^下一级「生产线智能化改造项目」尚缺 8 项：/);
  });

  it("T2: 卓越级's five unmet conditions, then the uncovered 环节 that need a written justification", () => {
    const [[gap]] = tierGap("national-2024", [NATIONAL_ADVANCED]);
    const [unmet, advisory] = (gap as string).split("；另需书面说明：");
    expect(unmet).toMatch(/^下一级「卓越级智能工厂」尚缺 5 项：/);
    expect(advisory).toMatch(/^原则上应覆盖工厂建设环节.*（附件2 四\(一\) 注\[1\]）；原则上应覆盖研发设计环节.*（附件2 四\(一\) 注\[2\]）$/);
  });

  // Issue 12 item 3: before T5, this row was 卓越级 with 先进级 failing.
  it("T5: TIER_CHECK and TIER_GAP read the 2024 gradient as a ladder: 卓越级 without 生产作业 meets nothing and is told 基础级's coverage", () => {
    const at = (code: string) => NATIONAL.inputs.findIndex((i) => i.code === code);
    const r = [...NATIONAL_ADVANCED];
    for (const [code, v] of Object.entries({ maturity: "三级", performance: "国内同行业领先", "excellent.effect-2": "是", "excellent.effect-3": "是", "excellent.effect-4": "是", "stage.equipment": "否" })) r[at(code)] = v;
    expect(tierCheck("national-2024", [r])).toEqual([["未达标"]]);
    const [[gap]] = tierGap("national-2024", [r]);
    expect(gap).toMatch(/^下一级「基础级智能工厂」尚缺 1 项：覆盖生产作业环节/);
    r[at("stage.quality")] = "是";
    expect(tierCheck("national-2024", [r])).toEqual([["卓越级智能工厂"]]);
  });

  it("T4: for independent types, each type not met with what it lacks", () => {
    const [[gap]] = tierGap("pujiang", [PUJIANG_ROW]);
    const [smart, future] = (gap as string).split("。");
    expect(smart).toMatch(/^「智能工厂」缺 8 项：项目总投资（不含土建、工程）达800万元以上：项目总投资（不含土建、工程） 600 万元 < 800 万元（三\(二\)1）；/);
    expect(future).toMatch(/^「未来工厂」缺 11 项：项目总投资（不含土建、工程）达2000万元以上：/);
  });
});
