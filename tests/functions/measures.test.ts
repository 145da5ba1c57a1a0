import { shown, thrown } from "./excel";
import { DISCRETE, SHAOXING } from "./fixtures";
import { checkEmail, checkMobile, checkUscc, expertScore, inputHeaders, kpiChange } from "../../functions/functions";

/**
 * KPI_CHANGE (seed 002 附1, ruling K1), EXPERT_SCORE (panel aggregation), CHECK_MOBILE,
 * CHECK_USCC, CHECK_EMAIL (ruling S3) and INPUT_HEADERS, on tests/core's numbers.
 */

const NA_CELL = () => new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable);

describe("KPI_CHANGE (seed 002 附1, K1)", () => {
  it.each<[string, unknown, unknown, unknown, number]>([
    ["7 生产效率提升, by number: 100 → 120 is 20%", 100, 120, 7, 0.2],
    ["by the number as text", 100, 120, "7", 0.2],
    ["5 研制周期缩短, by name: 200 → 150 days is 25% shorter", 200, 150, "研制周期缩短", 0.25],
    ["by the English name, any case", 200, 150, "development CYCLE reduction", 0.25],
    ["a lower-is-better measure that grew is negative: 200 → 220 is −10%", 200, 220, 5, -0.1],
    ["9 产品不良率下降 in percentages: 2% → 1.5% is a 25% reduction", "2%", "1.5%", 9, 0.25],
    ["by direction increase", 100, 120, "increase", 0.2],
    ["by direction 降低", 200, 150, "降低", 0.25],
    ["1 关键设备数控化率 is a level: the current value, the baseline ignored", "", "62%", 1, 0.62],
  ])("%s", (_name, baseline, current, indicator, expected) => {
    expect(kpiChange(baseline, current, indicator)).toBeCloseTo(expected, 12);
  });

  it("G3: a blank baseline or current value gives a blank result", () => {
    expect(kpiChange("", 120, 7)).toBe("");
    expect(kpiChange(100, null, "increase")).toBe("");
  });

  it.each<[string, unknown, unknown, unknown, string, string]>([
    ["a zero baseline", 0, 120, 7, "#VALUE!", "baseline：基期值为 0，无法计算相对变化（不能除以 0）：请改用非零的基期值"],
    ["G2: a level in % given as 62", "", 62, 1, "#VALUE!", "current：比率不能超过 100%：请填 62% 或 0.62，而不是 62"],
    ["a negative measure", -5, 120, "increase", "#VALUE!", "baseline：基期值不能为负数，收到 -5"],
    ["a baseline so small the change overflows", 5e-324, 1, 7, "#VALUE!", "baseline：基期值过小，相对变化超出了 Excel 能表示的数值范围"],
    [
      "an unknown indicator number",
      100,
      120,
      21,
      "#N/A",
      "indicator：应为指标序号 1–20 或完整名称（如“生产效率提升”），或方向 increase/提升、decrease/降低，收到“21”",
    ],
    ["an unknown word", 100, 120, "up", "#N/A", "indicator：应为指标序号 1–20 或完整名称（如“生产效率提升”），或方向 increase/提升、decrease/降低，收到“up”"],
    ["a baseline cell holding #N/A", NA_CELL(), 120, 7, "#N/A", "baseline：单元格为错误值 #N/A"],
  ])("%s is refused", (_name, baseline, current, indicator, code, message) => {
    expect(shown(thrown(() => kpiChange(baseline, current, indicator)))).toEqual({ code, message });
  });
});

describe("EXPERT_SCORE", () => {
  const panel = [[60], [82], [84], [86], [98]];

  it("trimmed by default: 60, 82, 84, 86, 98 → (82 + 84 + 86) / 3 = 84; mean 82; median 84", () => {
    expect(expertScore(panel)).toBe(84);
    expect(expertScore(panel, "trimmed")).toBe(84);
    expect(expertScore(panel, "MEAN")).toBe(82);
    expect(expertScore(panel, " median ")).toBe(84);
  });

  it("reads a row as well as a column; blanks are absent experts", () => {
    expect(expertScore([[70, 80, "", 85, 90, null, 100]])).toBe(85);
  });

  it.each<[string, unknown[][], unknown, string, string]>([
    [
      "trimmed with 2 experts",
      [[80], [""], [90]],
      undefined,
      "#VALUE!",
      "scores：去掉一个最高分和一个最低分后取平均，至少需要 3 位专家的分数，收到 2 个；专家不足 3 位时请用 mean 或 median",
    ],
    ["a percentage", [[80], ["85%"], [90]], "mean", "#VALUE!", "scores：第 2 个分数应为百分制分数（如 85），不是百分比，收到“85%”"],
    ["above 100", [[80], [101], [90]], "mean", "#VALUE!", "scores：第 2 个分数超过满分 100，收到 101"],
    ["an unknown method", panel, "average", "#VALUE!", "method：汇总方式应为 trimmed（去掉最高分和最低分后平均）、mean 或 median，收到“average”"],
    ["a score cell holding #N/A", [[80], [85], [NA_CELL()]], undefined, "#N/A", "scores：第 3 个分数的单元格为错误值 #N/A"],
    ["nobody scored", [[""], [null]], "mean", "#VALUE!", "scores：没有专家分数：至少需要 1 位专家的分数"],
  ])("%s is refused", (_name, scores, method, code, message) => {
    expect(shown(thrown(() => expertScore(scores, method)))).toEqual({ code, message });
  });
});

describe("CHECK_MOBILE, CHECK_USCC, CHECK_EMAIL (S3)", () => {
  it.each<[string, (v: unknown) => boolean, unknown, boolean]>([
    ["a mobile number", checkMobile, "13800138000", true],
    ["a mobile number stored as a number", checkMobile, 13800138000, true],
    ["12 is no mobile prefix", checkMobile, "12812345678", false],
    ["a landline", checkMobile, "05758812345", false],
    ["a blank mobile", checkMobile, "", false],
    ["a credit code with its check character", checkUscc, "91330600MA2BDXQ01G", true],
    ["a credit code with a wrong check character", checkUscc, "91330600MA2BDXQ01H", false],
    ["a credit code stored as a number", checkUscc, 913306007463071100, false],
    ["an e-mail address", checkEmail, "zhang@example.com", true],
    ["a full-width ＠", checkEmail, "zhang＠example.com", false],
    ["a trailing 。", checkEmail, "zhang@example.com。", false],
    ["two addresses in one cell", checkEmail, "a@example.com;b@example.com", false],
  ])("%s", (_name, check, value, expected) => {
    expect(check(value)).toBe(expected);
  });

  it("a cell holding an error passes it on", () => {
    expect(shown(thrown(() => checkMobile(NA_CELL())))).toEqual({ code: "#N/A", message: "value：单元格为错误值 #N/A" });
  });
});

describe("INPUT_HEADERS", () => {
  it("表1: 27 codes in the first row and their Chinese labels in the second, in rubric.inputs order", () => {
    const [codes, labels] = inputHeaders("shaoxing-discrete");
    expect(codes).toEqual(DISCRETE.inputs.map((i) => i.code));
    expect(codes.slice(0, 5)).toEqual(["1.1", "2.1.1", "2.1.2", "2.1.3", "3.1"]);
    expect(labels).toEqual(DISCRETE.inputs.map((i) => i.label.zh));
  });

  it("a scheme, in English on request", () => {
    const headers = inputHeaders("shaoxing", "en");
    expect(headers).toEqual([SHAOXING.inputs.map((i) => i.code), SHAOXING.inputs.map((i) => i.label.en)]);
    expect(headers[1][5]).toBe("Equipment CNC rate");
  });

  it.each<[unknown, unknown, string, string]>([
    ["national-2024-kpis", undefined, "#N/A", "template：没有编号为“national-2024-kpis”的评分表或认定方案；可用：shaoxing-discrete, shaoxing-process, shaoxing, national-2024, shanxi-2018, pujiang"],
    ["shaoxing", "de", "#VALUE!", "language：语言应为 zh（中文）或 en（英文），收到“de”"],
  ])("%j, %j is refused", (template, language, code, message) => {
    expect(shown(thrown(() => inputHeaders(template, language)))).toEqual({ code, message });
  });
});
