/**
 * Realistic data for `assessbook build --all` and the sheet tests: fictitious Shaoxing
 * enterprises (names marked 示例), answered the way an on-site review records them. The batch
 * rows between them meet every bracket boundary a clerk is likely to type (40%, 50%, 60%, 8% …),
 * a blank answer (G3), a D7 contradiction and answers written as ☑, TRUE, 1 or √; the panels have
 * one expert far enough from the others to be flagged.
 */
import type { Rubric } from "../../../templates/schema";
import { score, splitAdjustments } from "../../core/score";

type Answers = Record<string, unknown>;

export interface RubricSamples {
  /** One enterprise: the score JSON plus header fields. */
  single: Answers;
  /** Batch rows: each is the single sample's answers with these changes (undefined = left blank). */
  batch: { enterprise: string; changes: Answers }[];
  /** Panel experts: each scores the single sample's items as the engine does, with these changes. */
  panel: { name: string; changes: Record<string, number> }[];
}

export const DISCRETE_SAMPLES: RubricSamples = {
  single: {
    enterprise: "绍兴市示例纺织机械有限公司",
    date: "2024-05-20",
    expert: "王工",
    "1.1": "有",
    "2.1.1": "有",
    "2.1.2": "有",
    "2.1.3": "无",
    "3.1": "62%",
    "3.2.1": "有",
    "3.2.2": "有",
    "3.2.3": "无",
    "3.2.4": "无",
    "3.2.5": "无",
    "3.2.6": "无",
    "3.2.7": "无",
    "3.3.1": "有",
    "3.3.2": "无",
    "3.3.3": "有",
    "3.3.4": "无",
    "4.1": "有",
    "4.2": "有",
    "4.3": "有",
    "5.1.1": "有",
    "5.1.2": "无",
    "6.1": "平均水平",
    "6.2": "有",
    "6.3": "1.5%",
    "6.4": "12%",
    "6.5": "9%",
    "6.6": "6%",
    // Two data-collection functions suggest 6.7 (D4); the expert judged 6.
    adjustments: { "3.2": 6 },
  },
  batch: [
    { enterprise: "绍兴市示例纺织机械有限公司", changes: {} },
    {
      enterprise: "诸暨市示例针织有限公司",
      changes: { "3.1": "38%", "3.2.3": "☑", "3.2.4": "√", "4.2": "无", "6.1": "低于平均水平", "6.3": "0.8%", "6.4": "7%", "6.5": "5%", "6.6": "15%" },
    },
    {
      enterprise: "上虞区示例汽车零部件有限公司",
      changes: {
        "2.1.3": true, "3.1": 0.75, "3.2.3": 1, "3.2.5": "是", "3.3.2": "有", "3.3.4": "有", "5.1.2": "有",
        "6.1": "领先水平", "6.3": "2%", "6.4": "15%", "6.5": "8%", "6.6": "20%",
      },
    },
    { enterprise: "嵊州市示例五金制品有限公司", changes: { "3.1": "40%", "3.2.2": "无", "6.3": undefined, "6.4": undefined, "6.5": undefined, "6.6": undefined } },
    { enterprise: "新昌县示例轴承有限公司", changes: { "3.1": "50%", "3.2.2": false, "4.3": "无", "6.4": "8%", "6.5": "4.9%", "6.6": "8%" } },
    { enterprise: "柯桥区示例印花机械有限公司", changes: { "3.1": "60%", "3.2.1": 0, "3.2.2": 0, "2.1.1": "否", "6.1": "average", "6.3": "1%" } },
  ],
  panel: [
    { name: "张工", changes: {} },
    { name: "李教授", changes: { "3.2": 6.7, "6.1": 5 } },
    { name: "王高工", changes: { "2.1.3": 1, "6.4": 5 } },
    // Scores the MES integration, robots, security and talent at nothing: 18 below the others.
    { name: "赵工", changes: { "3.1": 6, "4.3": 0, "3.3.1": 0, "5.1.1": 0, "6.2": 0 } },
    { name: "陈研究员", changes: { "3.2": 8 } },
  ],
};

export const PROCESS_SAMPLES: RubricSamples = {
  single: {
    enterprise: "绍兴市示例印染有限公司",
    date: "2024-05-21",
    expert: "李工",
    "1.1": "有",
    "2.1.1": "65%",
    "2.1.2": "有",
    "2.1.3": "无",
    "2.2": "55%",
    "2.3.1": "有",
    "2.3.2": "无",
    "3.1": "有",
    "3.2": "有",
    "3.3": "无",
    "4.1.1": "有",
    "4.1.2": "有",
    "5.1": "领先水平",
    "5.2": "有",
    "5.3": "2.3%",
    "5.4": "16%",
    "5.5": "6%",
    "5.6": "8%",
  },
  batch: [
    { enterprise: "绍兴市示例印染有限公司", changes: {} },
    { enterprise: "柯桥区示例化纤有限公司", changes: { "2.1.1": "60%", "2.1.2": "59%", "2.1.3": 0.75, "2.2": "30%", "5.6": "5%" } },
    { enterprise: "上虞区示例精细化工有限公司", changes: { "2.1.1": "无", "2.1.2": "☑", "2.1.3": 1, "2.2": "29%", "5.1": "平均水平", "5.3": "0.5%", "5.6": "4%" } },
    { enterprise: "诸暨市示例造纸有限公司", changes: { "2.2": undefined, "3.3": undefined, "5.4": undefined } },
    { enterprise: "嵊州市示例酿造有限公司", changes: { "2.3.2": "有", "3.3": "有", "5.3": "1%", "5.4": "15%", "5.5": "8%", "5.6": "7.9%" } },
  ],
  panel: [
    { name: "周工", changes: {} },
    { name: "吴教授", changes: { "2.2": 8, "5.3": 3 } },
    { name: "郑高工", changes: { "2.3.2": 4 } },
    { name: "孙工", changes: { "5.1": 3 } },
    // Scores DCS and online measurement at nothing: 18 below the others.
    { name: "钱研究员", changes: { "3.1": 0, "2.3.1": 0 } },
  ],
};

/** The batch sample: an array of the score JSON, one enterprise each, named. */
export function batchSample(samples: RubricSamples): Answers[] {
  // A batch row has no date, expert or adjustment column.
  const answers = without(samples.single, ["enterprise", "date", "expert", "adjustments"]);
  return samples.batch.map(({ enterprise, changes }) => {
    const blanks = Object.keys(changes).filter((code) => changes[code] === undefined);
    return { enterprise, ...without({ ...answers, ...changes }, blanks) };
  });
}

/** The panel sample: each expert starts from the engine's item scores for the single sample. */
export function panelSample(rubric: Rubric, samples: RubricSamples): unknown {
  const { enterprise, date } = samples.single;
  const { inputs, adjustments } = splitAdjustments(without(samples.single, ["enterprise", "date", "expert"]));
  const scored = score(rubric, inputs, adjustments);
  if (!scored.ok) throw new Error(`the ${rubric.id} sample is refused by the engine: ${JSON.stringify(scored.problems)}`);
  const base = Object.fromEntries(scored.value.items.map((i) => [i.code, i.score]));
  return { enterprise, date, experts: samples.panel.map(({ name, changes }) => ({ name, scores: { ...base, ...changes } })) };
}

function without(answers: Answers, keys: string[]): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !keys.includes(key)));
}
