/**
 * Ruling S2: 涉及典型场景实例 lists one or more entries, each written 环节名—场景名—实例名, where
 * the 环节名 is one of the fourteen 环节 of 《智能制造典型场景参考指引（2024年版）》
 * (templates/guide-stages.ts). Entries go one per line and may be numbered (1. / 1、/ ①), as in
 * the official example; the example's own annotations （环节名）（场景名）（实例名） are allowed.
 */
import { GUIDE_STAGES } from "../../../templates/guide-stages";
import type { Text } from "../../../templates/schema";

const STAGE_NAMES: readonly string[] = GUIDE_STAGES.map((g) => g.name.zh);

/** Dashes people type between the parts: —, ——, －, –; an ASCII hyphen only when none of those is used. */
const LONG_DASH = /\s*(?:—+|－|–)\s*/;
const NUMBERING = /^\s*(?:\d+\s*[.、．)）]|[①-⑳])\s*/;
const ANNOTATION = /（(?:环节名|场景名|实例名)）/g;

/** The first problem with the entries, or undefined when every entry has the 环节名—场景名—实例名 form. */
export function scenarioProblem(text: string): Text | undefined {
  const entries = text
    .split(/\r?\n/)
    .map((line) => line.replace(NUMBERING, "").trim())
    .filter((line) => line !== "");
  if (entries.length === 0) return { zh: "未列出典型场景实例", en: "no scenario instance is listed" };
  for (const [i, entry] of entries.entries()) {
    const n = i + 1;
    const parts = (LONG_DASH.test(entry) ? entry.split(LONG_DASH) : entry.split(/\s*-\s*/)).map((p) => p.replace(ANNOTATION, "").trim());
    if (parts.length !== 3 || parts.some((p) => p === "")) {
      return {
        zh: `第 ${n} 条“${clip(entry)}”应写成“环节名—场景名—实例名”，如“生产作业—人机协同作业—多机协同的发动机壳体柔性加工与检测”；多条请分行`,
        en: `entry ${n} "${clip(entry)}" should read stage—scenario—instance, e.g. 生产作业—人机协同作业—多机协同的发动机壳体柔性加工与检测; put several entries on separate lines`,
      };
    }
    if (!STAGE_NAMES.includes(parts[0])) {
      return {
        zh: `第 ${n} 条的环节名“${clip(parts[0])}”不是《智能制造典型场景参考指引（2024年版）》的环节；应为：${STAGE_NAMES.join("、")}`,
        en: `entry ${n} names the stage "${clip(parts[0])}", which is not a stage of the 2024 scenario guide; use one of ${GUIDE_STAGES.map((g) => `${g.name.zh} (${g.name.en})`).join(", ")}`,
      };
    }
  }
  return undefined;
}

function clip(s: string): string {
  const chars = Array.from(s);
  return chars.length > 30 ? `${chars.slice(0, 29).join("")}…` : s;
}
