/**
 * The one source of the custom functions' user-facing words, in both languages.
 *
 * Excel reads function descriptions from functions.json, which custom-functions-metadata
 * generates from the JSDoc in functions.ts; that JSDoc must therefore carry the English words.
 * Everything else is derived from this file: the zh-CN metadata (functions.zh-CN.json, built by
 * functions/metadata.ts) and the task pane's list of functions with their examples. The build and
 * the tests check that the JSDoc says exactly the English written here, so the two copies of the
 * English can never drift apart.
 *
 * Function names stay in English in both languages: Chinese Excel keeps its built-in names
 * (SUM, VLOOKUP …) in English too, and people type them with the IME off.
 */
import { findRubric, rubrics, schemes } from "../templates/index";
import type { Rubric, Scheme } from "../templates/schema";
import { SCORE_SHORTCUTS } from "../templates/shortcuts";

export interface Words {
  zh: string;
  en: string;
}

export interface ParameterStrings {
  /** en is the TypeScript parameter name; zh is what Chinese Excel shows in the tooltip. */
  name: Words;
  description: Words;
  optional?: true;
}

export interface FunctionStrings {
  /** The id and the name Excel shows (after the ASSESS. namespace). */
  id: string;
  description: Words;
  parameters: ParameterStrings[];
  /** A formula to show people, with its result. */
  example: { formula: string; result: Words };
}

// Ids are never listed here: a function takes any rubric or scheme of the catalogue, and a wrong
// id is answered with the list (functions/arguments.ts). The examples use the catalogue's own.
const RUBRIC: ParameterStrings = {
  name: { zh: "评分表", en: "rubric" },
  description: { zh: "评分表编号（编号有误时返回 #N/A 并列出所有评分表）", en: "The rubric id (a wrong id gives #N/A listing the rubrics)" },
};

const SCHEME: ParameterStrings = {
  name: { zh: "认定方案", en: "scheme" },
  description: { zh: "认定方案编号（编号有误时返回 #N/A 并列出所有认定方案）", en: "The scheme id (a wrong id gives #N/A listing the schemes)" },
};

/** The catalogue's rubric a shortcut scores; its input count is part of the shortcut's description. */
function shortcut(name: keyof typeof SCORE_SHORTCUTS): Rubric | undefined {
  return findRubric(SCORE_SHORTCUTS[name]);
}

const DISCRETE = shortcut("SCORE_DISCRETE");
const PROCESS = shortcut("SCORE_PROCESS");
/** The examples' rubric and scheme: the catalogue's first, built in, since the strings are made as the bundle loads. */
const EXAMPLE_RUBRIC: Rubric = rubrics()[0];
const EXAMPLE_SCHEME: Scheme = schemes()[0];

/** The A1 range of one answer row starting at B2 for a template with that many inputs. */
function answerRange(count: number): string {
  let n = count + 1;
  let col = "";
  while (n > 0) {
    col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
    n = Math.floor((n - 1) / 26);
  }
  return `B2:${col}2`;
}

const LANGUAGE: ParameterStrings = {
  name: { zh: "语言", en: "language" },
  description: { zh: "zh（默认）或 en", en: "zh (the default) or en" },
  optional: true,
};

const DETAIL: ParameterStrings = {
  name: { zh: "明细", en: "detail" },
  description: { zh: "为 TRUE 时返回各分项小计，而不是总分", en: "TRUE returns the section subtotals instead of the total" },
  optional: true,
};

function answerRows(rubric: Rubric | undefined, table: Words): ParameterStrings {
  const count = rubric?.inputs.length;
  return {
    name: { zh: "答案", en: "inputs" },
    description: {
      zh: `每行一家企业，按${table.zh}的输入编号顺序（见 INPUT_HEADERS）排列的 ${count} 个答案`,
      en: `One enterprise per row: ${count} answers in the input-code order INPUT_HEADERS gives for ${table.en}`,
    },
  };
}

const RUBRIC_ROWS: ParameterStrings = {
  name: { zh: "答案", en: "inputs" },
  description: {
    zh: "每行一家企业，按该评分表输入编号顺序排列的答案（见 INPUT_HEADERS）",
    en: "One enterprise per row, answers in the rubric's input-code order (see INPUT_HEADERS)",
  },
};

/** What TIER and TIER_CHECK show in the example: the name of a tier of the example scheme. */
const TIER_RESULT: Words = { zh: `如“${EXAMPLE_SCHEME.tiers[0].name.zh}”`, en: `e.g. "${EXAMPLE_SCHEME.tiers[0].name.zh}"` };

/** SCORE_ITEM's and SCORE_EXPLAIN's example item: the example rubric's first tick item, answered 有. */
const EXAMPLE_ITEM = EXAMPLE_RUBRIC.sections.flatMap((s) => s.items).find((i) => i.rule.kind === "tick") ?? EXAMPLE_RUBRIC.sections[0].items[0];

const SCHEME_ROWS: ParameterStrings = {
  name: { zh: "答案", en: "inputs" },
  description: {
    zh: "每行一家企业，按该方案输入编号顺序排列的答案（见 INPUT_HEADERS）",
    en: "One enterprise per row, answers in the scheme's input-code order (see INPUT_HEADERS)",
  },
};

const CHECKED_VALUE: ParameterStrings = {
  name: { zh: "值", en: "value" },
  description: { zh: "要检查的单元格", en: "The cell to check" },
};

export const FUNCTION_STRINGS: readonly FunctionStrings[] = [
  {
    id: "SCORE_DISCRETE",
    description: {
      zh: "按绍兴 表1 离散型（百分制）计分：每行一家企业的 27 个答案，逐行返回总分（多行时溢出为一列）；明细为 TRUE 时返回各分项小计",
      en: "Scores Shaoxing Table 1 (discrete, 100 points): one total per row of 27 answers, spilling a column for many rows; detail TRUE gives section subtotals",
    },
    parameters: [answerRows(DISCRETE, { zh: "绍兴 表1", en: "Shaoxing Table 1" }), DETAIL],
    example: { formula: `=ASSESS.SCORE_DISCRETE(${answerRange(DISCRETE?.inputs.length ?? 0)})`, result: { zh: "该行企业的总分", en: "the row's total" } },
  },
  {
    id: "SCORE_PROCESS",
    description: {
      zh: "按绍兴 表2 流程型（百分制）计分：每行一家企业的 18 个答案，逐行返回总分（多行时溢出为一列）；明细为 TRUE 时返回各分项小计",
      en: "Scores Shaoxing Table 2 (process, 100 points): one total per row of 18 answers, spilling a column for many rows; detail TRUE gives section subtotals",
    },
    parameters: [answerRows(PROCESS, { zh: "绍兴 表2", en: "Shaoxing Table 2" }), DETAIL],
    example: {
      formula: `=ASSESS.SCORE_PROCESS(${answerRange(PROCESS?.inputs.length ?? 0).replace(/2$/, "101")}, TRUE)`,
      result: { zh: `100 行 × ${PROCESS?.sections.length} 列的分项小计`, en: `100 rows × ${PROCESS?.sections.length} columns of section subtotals` },
    },
  },
  {
    id: "SCORE",
    description: {
      zh: "按任一评分表计分：每行一家企业的答案，逐行返回总分（多行时溢出为一列）；明细为 TRUE 时返回各分项小计",
      en: "Scores any rubric: one total per row of answers, spilling a column for many rows; detail TRUE gives section subtotals",
    },
    parameters: [RUBRIC, RUBRIC_ROWS, DETAIL],
    example: { formula: `=ASSESS.SCORE("${EXAMPLE_RUBRIC.id}", ${answerRange(EXAMPLE_RUBRIC.inputs.length)})`, result: { zh: "该行企业的总分", en: "the row's total" } },
  },
  {
    id: "SCORE_ITEM",
    description: {
      zh: "评分表中一个评分项按给定答案的得分；有多个选项的评分项（如 3.2）给出选项区域",
      en: "The score of one item of a rubric for the given answer; an item with several options (such as 3.2) takes the range of its options",
    },
    parameters: [
      RUBRIC,
      { name: { zh: "评分项", en: "code" }, description: { zh: "评分项编号，如 3.1", en: "The item code, such as 3.1" } },
      { name: { zh: "答案", en: "answer" }, description: { zh: "该项的答案，如 62% 或 有", en: "The item's answer, such as 62% or 有" } },
    ],
    example: { formula: `=ASSESS.SCORE_ITEM("${EXAMPLE_RUBRIC.id}", "${EXAMPLE_ITEM.code}", "有")`, result: { zh: `${EXAMPLE_ITEM.max}`, en: `${EXAMPLE_ITEM.max}` } },
  },
  {
    id: "SCORE_EXPLAIN",
    description: {
      zh: "逐行说明计分依据：每个评分项的答案、得分和所用规则，以及总分、未填项和警告",
      en: "Explains each row's score as text: every item's answer, score and rule, then the total, unanswered inputs and warnings",
    },
    parameters: [RUBRIC, RUBRIC_ROWS, LANGUAGE],
    example: {
      formula: `=ASSESS.SCORE_EXPLAIN("${EXAMPLE_RUBRIC.id}", ${answerRange(EXAMPLE_RUBRIC.inputs.length)})`,
      result: { zh: `${EXAMPLE_ITEM.code} ${EXAMPLE_ITEM.short.zh}：有 → ${EXAMPLE_ITEM.max} 分；…；总分 …/${EXAMPLE_RUBRIC.max}`, en: "the same text in Chinese, or in English with language \"en\"" },
    },
  },
  {
    id: "INPUT_HEADERS",
    description: {
      zh: "评分表或认定方案的输入编号（第一行）和名称（第二行），顺序即答案区域各列的顺序",
      en: "The input codes (first row) and labels (second row) of a rubric or scheme, in the column order its answer ranges use",
    },
    parameters: [
      { name: { zh: "编号", en: "template" }, description: { zh: "评分表或认定方案编号（编号有误时返回 #N/A 并列出所有编号）", en: "A rubric or scheme id (a wrong id gives #N/A listing them)" } },
      LANGUAGE,
    ],
    example: {
      formula: `=ASSESS.INPUT_HEADERS("${EXAMPLE_RUBRIC.id}")`,
      result: { zh: `2 行 × ${EXAMPLE_RUBRIC.inputs.length} 列`, en: `2 rows × ${EXAMPLE_RUBRIC.inputs.length} columns` },
    },
  },
  {
    id: "TIER",
    description: {
      zh: "按任一认定方案，逐行返回达到的最高认定等级（官方名称），未达到任何等级时为“未达标”；各类型独立认定的方案返回所有达到的类型，以“、”分隔",
      en: "The highest recognition tier each row meets in any scheme, by its official name, or 未达标; for schemes of independent types, every type met, joined by 、",
    },
    parameters: [SCHEME, SCHEME_ROWS],
    example: { formula: `=ASSESS.TIER("${EXAMPLE_SCHEME.id}", ${answerRange(EXAMPLE_SCHEME.inputs.length)})`, result: TIER_RESULT },
  },
  {
    id: "TIER_CHECK",
    description: { zh: "与 TIER 相同，为使用此名称的已有工作簿保留", en: "The same as TIER, under the name workbooks written before TIER use" },
    parameters: [SCHEME, SCHEME_ROWS],
    example: { formula: `=ASSESS.TIER_CHECK("${EXAMPLE_SCHEME.id}", ${answerRange(EXAMPLE_SCHEME.inputs.length)})`, result: TIER_RESULT },
  },
  {
    id: "TIER_GAP",
    description: {
      zh: "逐行说明距下一等级还缺哪些条件（各类型独立认定的方案：每个未达到的类型），并注明条款出处",
      en: "What each row still lacks for the next tier (or, for schemes of independent types, for each type not met), citing each condition's article",
    },
    parameters: [SCHEME, SCHEME_ROWS, LANGUAGE],
    example: {
      formula: `=ASSESS.TIER_GAP("${EXAMPLE_SCHEME.id}", ${answerRange(EXAMPLE_SCHEME.inputs.length)})`,
      result: { zh: `下一级「${EXAMPLE_SCHEME.tiers[EXAMPLE_SCHEME.tiers.length - 1].name.zh}」尚缺 … 项：…`, en: "the same text in Chinese, or in English with language \"en\"" },
    },
  },
  {
    id: "KPI_CHANGE",
    description: {
      zh: "关键绩效指标的变化（小数，0.12 即改善 12%）：按指标序号或名称（2024 年附1），或按方向 increase/decrease 计算",
      en: "The change of a key performance indicator as a fraction (0.12 is 12% better), by indicator number or name (2024 annex 1) or by direction increase/decrease",
    },
    parameters: [
      { name: { zh: "基期值", en: "baseline" }, description: { zh: "基期（改造前）的值", en: "The value before (the baseline)" } },
      { name: { zh: "当前值", en: "current" }, description: { zh: "当前（改造后）的值", en: "The value now (the current value)" } },
      {
        name: { zh: "指标", en: "indicator" },
        description: {
          zh: "指标序号 1–20 或完整名称，或方向：increase/提升（越大越好）、decrease/降低（越小越好）",
          en: "An indicator number 1–20 or full name, or a direction: increase (larger is better) or decrease (smaller is better)",
        },
      },
      { name: { zh: "指标集", en: "set" }, description: { zh: "关键绩效指标集编号；只有一套时可留空", en: "The KPI set id; blank when the catalogue holds one set" }, optional: true },
    ],
    example: { formula: '=ASSESS.KPI_CHANGE(200, 150, "研制周期缩短")', result: { zh: "0.25（缩短 25%）", en: "0.25 (25% shorter)" } },
  },
  {
    id: "EXPERT_SCORE",
    description: {
      zh: "专家组评分：由各位专家的总分得出，默认去掉一个最高分和一个最低分后取平均（trimmed），也可用 mean 或 median",
      en: "A panel's score from its experts' totals: trimmed (the default, dropping one highest and one lowest), mean or median",
    },
    parameters: [
      { name: { zh: "专家分数", en: "scores" }, description: { zh: "各位专家的百分制总分（空白表示该专家缺席）", en: "Each expert's total out of 100 (a blank is an absent expert)" } },
      { name: { zh: "方法", en: "method" }, description: { zh: "trimmed（默认）、mean 或 median", en: "trimmed (the default), mean or median" }, optional: true },
    ],
    example: { formula: "=ASSESS.EXPERT_SCORE(C2:C8)", result: { zh: "去掉最高分和最低分后的平均分", en: "the mean without the highest and the lowest" } },
  },
  {
    id: "CHECK_MOBILE",
    description: {
      zh: "是否为 11 位大陆手机号码（1 后接 3–9，再加 9 位数字）：TRUE 或 FALSE",
      en: "TRUE when the value is an 11-digit mainland mobile number (1, then 3–9, then 9 digits), else FALSE",
    },
    parameters: [CHECKED_VALUE],
    example: { formula: '=ASSESS.CHECK_MOBILE("13800138000")', result: { zh: "TRUE", en: "TRUE" } },
  },
  {
    id: "CHECK_USCC",
    description: {
      zh: "是否为校验位正确的 18 位统一社会信用代码（GB 32100-2015）：TRUE 或 FALSE",
      en: "TRUE when the value is an 18-character unified social credit code with the right check character (GB 32100-2015), else FALSE",
    },
    parameters: [CHECKED_VALUE],
    example: { formula: '=ASSESS.CHECK_USCC("91330600MA2BDXQ01G")', result: { zh: "TRUE", en: "TRUE" } },
  },
  {
    id: "CHECK_EMAIL",
    description: {
      zh: "是否为一个有效邮箱地址（能发现全角＠、末尾中文标点、一格两个地址等常见错误）：TRUE 或 FALSE",
      en: "TRUE when the value is one valid e-mail address, catching the usual mistakes (full-width ＠, trailing Chinese punctuation, two addresses), else FALSE",
    },
    parameters: [CHECKED_VALUE],
    example: { formula: '=ASSESS.CHECK_EMAIL("zhang@example.com")', result: { zh: "TRUE", en: "TRUE" } },
  },
];
