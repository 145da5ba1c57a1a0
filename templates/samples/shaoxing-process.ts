/**
 * The sample of shaoxing-process, its three sheets' data: a 绍兴 dyeing works (表2 流程型) and more
 * fictitious enterprises (names marked 示例), answered the way an on-site review records them.
 * The batch rows between them meet the bracket boundaries a clerk is likely to type, a blank
 * answer (G3), a D7 contradiction and answers written as ☑, TRUE, 1 or √; the panel has one
 * expert far enough from the others to be flagged.
 */
import { batchRows, panelOf, type Answers, type BatchRow, type PanelExpert } from "./rubric-sample";

/** One enterprise: the score JSON plus the header fields. */
const single: Answers = {
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
};

/** Batch rows: the answers above with these changes (null: left blank). */
const rows: BatchRow[] = [
  { enterprise: "绍兴市示例印染有限公司", changes: {} },
  { enterprise: "柯桥区示例化纤有限公司", changes: { "2.1.1": "60%", "2.1.2": "59%", "2.1.3": 0.75, "2.2": "30%", "5.6": "5%" } },
  { enterprise: "上虞区示例精细化工有限公司", changes: { "2.1.1": "无", "2.1.2": "☑", "2.1.3": 1, "2.2": "29%", "5.1": "平均水平", "5.3": "0.5%", "5.6": "4%" } },
  { enterprise: "诸暨市示例造纸有限公司", changes: { "2.2": null, "3.3": null, "5.4": null } },
  { enterprise: "嵊州市示例酿造有限公司", changes: { "2.3.2": "有", "3.3": "有", "5.3": "1%", "5.4": "15%", "5.5": "8%", "5.6": "7.9%" } },
];

/** The engine's item scores of the answers above (tests/templates/samples.test.ts checks them). */
const base = { "1.1": 10, "2.1.1": 5, "2.1.2": 5, "2.1.3": 0, "2.2": 10, "2.3.1": 8, "2.3.2": 0, "3.1": 10, "3.2": 5, "3.3": 0, "4.1.1": 2, "4.1.2": 2, "5.1": 5, "5.2": 4, "5.3": 4, "5.4": 5, "5.5": 3, "5.6": 4 };

/** Panel experts: each scores the items as the engine does, with these changes. */
const experts: PanelExpert[] = [
  { name: "周工", changes: {} },
  { name: "吴教授", changes: { "2.2": 8, "5.3": 3 } },
  { name: "郑高工", changes: { "2.3.2": 4 } },
  { name: "孙工", changes: { "5.1": 3 } },
  // Scores DCS and online measurement at nothing: 18 below the others.
  { name: "钱研究员", changes: { "3.1": 0, "2.3.1": 0 } },
];

export const shaoxingProcessSample = { single, batch: batchRows(single, rows), panel: panelOf(single, base, experts) };
