import { isExcelError, shown, thrown } from "./excel";
import { A, A_SECTIONS, B, B_SECTIONS, C, C_SECTIONS, D, DISCRETE } from "./fixtures";
import { scoreDiscrete, scoreExplain, scoreItem, scoreProcess } from "../../functions/functions";

/**
 * SCORE_DISCRETE, SCORE_PROCESS, SCORE_ITEM and SCORE_EXPLAIN on the enterprises tests/core
 * scored by hand (seed 003 表1/表2), ranges of many rows, and each kind of bad input.
 */

const VALUE = "#VALUE!";
const NA = "#N/A";

/** A row of A with one cell replaced. */
function aWith(code: string, value: unknown): unknown[] {
  const r = [...A];
  r[DISCRETE.inputs.findIndex((i) => i.code === code)] = value;
  return r;
}

describe("SCORE_DISCRETE (表1 离散型, seed 003)", () => {
  it("one row: enterprise A scores 83", () => {
    expect(scoreDiscrete([A])).toEqual([[83]]);
  });

  it("many rows spill one total per row: A 83, B 52.7 (D4: 2 of 3 ticked → 6.7), a blank row stays blank", () => {
    expect(scoreDiscrete([A, B, new Array(27).fill(""), B, A])).toEqual([[83], [52.7], [""], [52.7], [83]]);
  });

  it("detail TRUE gives the six section subtotals per row", () => {
    expect(scoreDiscrete([A, B], true)).toEqual([A_SECTIONS, B_SECTIONS]);
  });

  it.each<[unknown, boolean]>([
    [1, true],
    ["TRUE", true],
    ["是", true],
    [false, false],
    [0, false],
    ["", false],
    [null, false],
    [undefined, false],
  ])("detail %j is read as %j", (detail, expected) => {
    expect(scoreDiscrete([A], detail)[0]).toHaveLength(expected ? 6 : 1);
  });

  it("G3: blank cells score 0 and the row's total is the partial total (B with 3.1 and 6.x left blank)", () => {
    const partial = [...B];
    for (const i of [4, 23, 24, 25, 26]) partial[i] = "";
    // B lost 3.1 (6), 6.3 (1), 6.4 (5), 6.5 (3) and 6.6 (4): 52.7 − 19 = 33.7.
    expect(scoreDiscrete([partial])).toEqual([[33.7]]);
  });

  it("a bad row gets its own #VALUE! naming the row and input code; the other rows still score", () => {
    const result = scoreDiscrete([A, aWith("3.1", 62), B]);
    expect(result[0]).toEqual([83]);
    expect(result[2]).toEqual([52.7]);
    expect(shown(result[1][0])).toEqual({ code: VALUE, message: "inputs 第 2 行，3.1：比率不能超过 100%：请填 62% 或 0.62，而不是 62" });
  });

  it("a bad row with detail has its error in every column, so no subtotal of it looks valid", () => {
    const [, bad] = scoreDiscrete([A, aWith("6.1", "优秀")], true);
    expect(bad).toHaveLength(6);
    expect(bad.every((cell) => isExcelError(cell) && cell.message === "inputs 第 2 行，6.1：应为以下之一：低于平均水平 / 平均水平 / 领先水平，收到“优秀”")).toBe(true);
  });

  it("several bad answers in a row: the first is named, the rest counted", () => {
    const r = aWith("1.1", "maybe");
    r[4] = 62;
    expect(shown(scoreDiscrete([r])[0][0])).toEqual({ code: VALUE, message: "inputs 第 1 行，1.1：应为勾选答案（是/否、有/无、TRUE/FALSE、1/0、☑/□、√），收到“maybe”（另有 1 处问题）" });
  });

  it("a cell holding #N/A makes its row #N/A, naming the input; other errors become #VALUE! naming the error", () => {
    const na = new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);
    const div = new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    const [first, second] = scoreDiscrete([aWith("6.3", na), aWith("3.1", div)]);
    expect(shown(first[0])).toEqual({ code: NA, message: "inputs 第 1 行，6.3：单元格为错误值 #N/A" });
    expect(shown(second[0])).toEqual({ code: VALUE, message: "inputs 第 2 行，3.1：单元格为错误值 #DIV/0!" });
  });

  it("a formatted-number data type (0.62 shown as 62%) is read as its number", () => {
    expect(scoreDiscrete([aWith("3.1", { type: "FormattedNumber", basicValue: 0.62, numberFormat: "0%" })])).toEqual([[83]]);
  });

  it("one enterprise laid out down a column (27 rows × 1 column, as the official table lists its items) scores as one row", () => {
    expect(scoreDiscrete(A.map((cell) => [cell]))).toEqual([[83]]);
  });

  it("a range of the wrong width is refused as a whole, saying how many answers a row needs", () => {
    expect(shown(thrown(() => scoreDiscrete([A.slice(0, 26), B.slice(0, 26)])))).toEqual({
      code: VALUE,
      message: 'inputs：每行应有 27 个答案（1.1 到 6.6，顺序见 INPUT_HEADERS("shaoxing-discrete")），区域有 26 列',
    });
  });

  it("an empty range is refused", () => {
    expect(shown(thrown(() => scoreDiscrete([])))).toEqual({ code: VALUE, message: "inputs：区域为空：每行应有 27 个答案" });
  });

  it("rows of different lengths (never from Excel) each report their own length", () => {
    const [ok, short] = scoreDiscrete([A, ["有", "有", "无"]]);
    expect(ok).toEqual([83]);
    expect(shown(short[0])).toEqual({ code: VALUE, message: "inputs 第 2 行：应有 27 个答案，收到 3 个" });
  });

  it("an unreadable detail is refused, naming the argument", () => {
    expect(shown(thrown(() => scoreDiscrete([A], "maybe")))).toEqual({
      code: VALUE,
      message: "detail：应为勾选答案（是/否、有/无、TRUE/FALSE、1/0、☑/□、√），收到“maybe”",
    });
  });
});

describe("SCORE_PROCESS (表2 流程型, seed 003)", () => {
  it("C scores 77 and D 33 (P2: 5.6 8% → 4), one per row", () => {
    expect(scoreProcess([C, D])).toEqual([[77], [33]]);
  });

  it("detail TRUE gives the five section subtotals", () => {
    expect(scoreProcess([C], true)).toEqual([C_SECTIONS]);
  });

  // Issue 12 item 1: before, 5.5 = 9 scored 4 points as a 900% reduction.
  it("G2: 5.5 不良品率降低 given as 9 is refused with how to write it; 5.4 生产效率提高 given as 12 scores, and SCORE_EXPLAIN says how it was read", () => {
    const d = [...D];
    d[16] = 9;
    expect(shown(scoreProcess([d])[0][0])).toEqual({ code: VALUE, message: "inputs 第 1 行，5.5：降低（下降、减少、缩短）幅度不能超过 100%：请填 9% 或 0.09，而不是 9" });
    const e = [...D];
    e[15] = 12;
    expect(scoreProcess([e])).toEqual([[38]]);
    expect(scoreExplain("shaoxing-process", [e])[0][0]).toMatch(/警告：生产效率提高：12 按 1200% 计；若指 12%，请填 12% 或 0\.12$/);
  });

  it("G2: 2.2 自控投用率 given as 45 is refused with how to write it", () => {
    const d = [...D];
    d[4] = 45;
    expect(shown(scoreProcess([d])[0][0])).toEqual({ code: VALUE, message: "inputs 第 1 行，2.2：比率不能超过 100%：请填 45% 或 0.45，而不是 45" });
  });

  it("a 表1 row (27 answers) is refused: 表2 rows have 18", () => {
    expect(thrown(() => scoreProcess([A])).message).toBe('inputs：每行应有 18 个答案（1.1 到 5.6，顺序见 INPUT_HEADERS("shaoxing-process")），区域有 27 列');
  });
});

describe("SCORE_ITEM", () => {
  it.each<[string, string, unknown, number]>([
    ["D3 3.1 62% → 10", "3.1", "62%", 10],
    ["D3 3.1 0.45 → 6", "3.1", 0.45, 6],
    ["D3 3.1 0% → 5 (even 0%)", "3.1", 0, 5],
    ["D5 6.3 1.5% → 3", "6.3", "1.5%", 3],
    ["6.1 领先水平 → 5", "6.1", "领先水平", 5],
    ["1.1 有 → 10", "1.1", "有", 10],
  ])("表1 %s", (_name, code, answer, expected) => {
    expect(scoreItem("shaoxing-discrete", code, [[answer]])).toBe(expected);
  });

  it("an item code typed as a number (3.1 in a General cell) is the item 3.1", () => {
    expect(scoreItem("shaoxing-discrete", 3.1, [[0.45]])).toBe(6);
  });

  it("D4 3.2 takes its seven options as a row or a column: 2 ticked → 6.7, 3 → 10", () => {
    expect(scoreItem("shaoxing-discrete", "3.2", [[true, "是", false, false, false, false, false]])).toBe(6.7);
    expect(scoreItem("shaoxing-discrete", "3.2", [["√"], ["√"], ["√"], [""], [""], [""], [""]])).toBe(10);
  });

  it("表2 P2 5.6 低端用工下降率 6% → 3 (表1 6.6 would give 0)", () => {
    expect(scoreItem("shaoxing-process", "5.6", [["6%"]])).toBe(3);
    expect(scoreItem("shaoxing-discrete", "6.6", [["6%"]])).toBe(0);
  });

  it("G3: a blank answer gives a blank result", () => {
    expect(scoreItem("shaoxing-discrete", "3.1", [[""]])).toBe("");
    expect(scoreItem("shaoxing-discrete", "3.2", [[null, null, null, null, null, null, null]])).toBe("");
  });

  it.each<[string, () => unknown, string, string]>([
    ["a bad answer names the answer and the input code", () => scoreItem("shaoxing-discrete", "3.1", [[62]]), VALUE, "answer，3.1：比率不能超过 100%：请填 62% 或 0.62，而不是 62"],
    ["too many cells for a one-answer item", () => scoreItem("shaoxing-discrete", "3.1", [["62%", "70%"]]), VALUE, "answer：评分项 3.1 只有 1 个答案，收到 2 个单元格"],
    [
      "too few answers for 3.2",
      () => scoreItem("shaoxing-discrete", "3.2", [[true, true]]),
      VALUE,
      "answer：评分项 3.2 有 7 个选项（3.2.1, 3.2.2, 3.2.3, 3.2.4, 3.2.5, 3.2.6, 3.2.7），应给出 7 个答案，收到 2 个",
    ],
    ["an option's input code instead of its item", () => scoreItem("shaoxing-discrete", "3.2.1", [[true]]), NA, "code：3.2.1 是评分项 3.2 的选项之一：请用 3.2，并给出它 7 个选项的答案"],
    [
      "an unknown item",
      () => scoreItem("shaoxing-discrete", "9.9", [[true]]),
      NA,
      "code：shaoxing-discrete 没有评分项“9.9”；评分项有：1.1, 2.1.1, 2.1.2, 2.1.3, 3.1, 3.2, 3.3.1, 3.3.2, 3.3.3, 3.3.4, 4.1, 4.2, 4.3, 5.1.1, 5.1.2, 6.1, 6.2, 6.3, 6.4, 6.5, 6.6",
    ],
    ["a scheme id for the rubric", () => scoreItem("shaoxing", "3.1", [["62%"]]), NA, "rubric：“shaoxing”是认定方案，不是评分表（认定请用 TIER）；评分表有：shaoxing-discrete, shaoxing-process"],
    ["an unknown rubric", () => scoreItem("hangzhou", "3.1", [["62%"]]), NA, "rubric：没有编号为“hangzhou”的评分表；评分表有：shaoxing-discrete, shaoxing-process"],
    ["no rubric", () => scoreItem("", "3.1", [["62%"]]), NA, "rubric：未指定评分表；评分表有：shaoxing-discrete, shaoxing-process"],
    ["an answer cell holding #N/A", () => scoreItem("shaoxing-discrete", "3.1", [[new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable)]]), NA, "answer，3.1：单元格为错误值 #N/A"],
  ])("%s", (_name, call, code, message) => {
    expect(shown(thrown(call))).toEqual({ code, message });
  });

  it("rubric ids are read as typed, ignoring case and spaces around them", () => {
    expect(scoreItem(" Shaoxing-Discrete ", "3.1", [["62%"]])).toBe(10);
  });
});

describe("SCORE_EXPLAIN", () => {
  it("explains enterprise A item by item, in the engine's words, ending with the total", () => {
    const [[text]] = scoreExplain("shaoxing-discrete", [A]);
    expect(typeof text).toBe("string");
    const parts = (text as string).split("；");
    expect(parts).toHaveLength(22);
    expect(parts.slice(0, 2)).toEqual(["1.1 诊断方案：有 → 10 分", "2.1.1 CAD 产品设计：有 → 6 分"]);
    expect(parts).toContain("3.1 数控化率 62% ≥ 60% → 10 分");
    expect(parts).toContain("3.2 数据采集功能：勾选 4 项 ≥ 3 项 → 10 分");
    expect(parts).toContain("6.6 低端用工下降率 5% < 8% → 0 分");
    expect(parts[21]).toBe("总分 83/100");
  });

  it("in English on request", () => {
    const [[text]] = scoreExplain("shaoxing-discrete", [A], "en");
    expect((text as string).split("; ").slice(0, 1)).toEqual(["1.1 Diagnosis plan: yes → 10 points"]);
    expect(text).toMatch(/; total 83\/100$/);
  });

  it("one explanation per row, with what is missing (G3) and the D7 warning", () => {
    const partial = [...D];
    partial[12] = "";
    partial[13] = null;
    const [[b], [a]] = scoreExplain("shaoxing-discrete", [B, A]);
    const [[d]] = scoreExplain("shaoxing-process", [partial]);
    expect(a).toMatch(/；总分 83\/100$/);
    expect(b).toMatch(/；总分 52\.7\/100；警告：4\.3 MES–ERP 互通集成已勾选，但未同时建立 ERP（4\.1）和 MES（4\.2）$/);
    expect(d).toMatch(/；总分 33\/100；未完成，2 项未填：5\.1, 5\.2$/);
  });

  it("a bad row is that row's error; an unknown language is refused", () => {
    expect(shown(scoreExplain("shaoxing-discrete", [aWith("3.1", 62)])[0][0])).toMatchObject({ code: VALUE });
    expect(shown(thrown(() => scoreExplain("shaoxing-discrete", [A], "fr")))).toEqual({ code: VALUE, message: "language：语言应为 zh（中文）或 en（英文），收到“fr”" });
  });
});
