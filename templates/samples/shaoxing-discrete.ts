/**
 * The sample of shaoxing-discrete, its three sheets' data: a 绍兴 textile-machinery maker (表1 离散型) and more
 * fictitious enterprises (names marked 示例), answered the way an on-site review records them.
 * The batch rows between them meet the bracket boundaries a clerk is likely to type, a blank
 * answer (G3), a D7 contradiction and answers written as ☑, TRUE, 1 or √; the panel has one
 * expert far enough from the others to be flagged.
 */
import { batchRows, panelOf, type Answers, type BatchRow, type PanelExpert } from "./rubric-sample";

/** One enterprise: the score JSON plus the header fields. */
const single: Answers = {
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
};

/** Batch rows: the answers above with these changes (null: left blank). */
const rows: BatchRow[] = [
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
  { enterprise: "嵊州市示例五金制品有限公司", changes: { "3.1": "40%", "3.2.2": "无", "6.3": null, "6.4": null, "6.5": null, "6.6": null } },
  { enterprise: "新昌县示例轴承有限公司", changes: { "3.1": "50%", "3.2.2": false, "4.3": "无", "6.4": "8%", "6.5": "4.9%", "6.6": "8%" } },
  { enterprise: "柯桥区示例印花机械有限公司", changes: { "3.1": "60%", "3.2.1": 0, "3.2.2": 0, "2.1.1": "否", "6.1": "average", "6.3": "1%" } },
];

/** The engine's item scores of the answers above (tests/templates/samples.test.ts checks them). */
const base = { "1.1": 10, "2.1.1": 6, "2.1.2": 2, "2.1.3": 0, "3.1": 10, "3.2": 6, "3.3.1": 4, "3.3.2": 0, "3.3.3": 2, "3.3.4": 0, "4.1": 8, "4.2": 8, "4.3": 4, "5.1.1": 2, "5.1.2": 0, "6.1": 3, "6.2": 4, "6.3": 3, "6.4": 3, "6.5": 4, "6.6": 0 };

/** Panel experts: each scores the items as the engine does, with these changes. */
const experts: PanelExpert[] = [
  { name: "张工", changes: {} },
  { name: "李教授", changes: { "3.2": 6.7, "6.1": 5 } },
  { name: "王高工", changes: { "2.1.3": 1, "6.4": 5 } },
  // Scores the MES integration, robots, security and talent at nothing: 18 below the others.
  { name: "赵工", changes: { "3.1": 6, "4.3": 0, "3.3.1": 0, "5.1.1": 0, "6.2": 0 } },
  { name: "陈研究员", changes: { "3.2": 8 } },
];

export const shaoxingDiscreteSample = { single, batch: batchRows(single, rows), panel: panelOf(single, base, experts) };
