import type { Scheme, Text } from "../templates/schema";
import { tier, type ConditionResult, type SchemeResult } from "../src/core/tier";
import { problemsError } from "./errors";
import { readLanguage, readScheme } from "./arguments";
import { perRow, type Cell } from "./answer-rows";
import type { Lang } from "./language";

/** What TIER_CHECK shows when no tier is met; the documents' own word for it. */
export const NONE_MET = "未达标";

/**
 * TIER_CHECK: per row, the official (Chinese) name of the highest tier met, or every type met
 * joined by 、 for schemes whose types are recognised independently. Always Chinese: these are
 * the names the documents, summary tables and review meetings use, and a value must not change
 * with the language of the Excel that computes it.
 */
export function tierCheckTable(schemeRaw: unknown, inputs: unknown): Cell[][] {
  const scheme = readScheme(schemeRaw);
  return evaluateTiers(scheme, inputs, (r) => (r.metNames.length ? r.metNames.map((n) => n.zh).join("、") : NONE_MET));
}

/** TIER_GAP: per row, the unmet conditions of the next tier (or of each type not met), with their articles. */
export function tierGapTable(schemeRaw: unknown, inputs: unknown, languageRaw: unknown): Cell[][] {
  const scheme = readScheme(schemeRaw);
  const lang = readLanguage(languageRaw);
  return evaluateTiers(scheme, inputs, (r) => gap(r, lang));
}

function evaluateTiers(scheme: Scheme, inputs: unknown, text: (r: SchemeResult) => string): Cell[][] {
  return perRow(inputs, scheme, 1, (values, row) => {
    const result = tier(scheme, values);
    return result.ok ? [text(result.value)] : problemsError(result.problems, { argument: "inputs", row });
  });
}

function gap(r: SchemeResult, lang: Lang): string {
  const zh = lang === "zh";
  if (r.structure === "ladder") {
    if (r.next === null) {
      const top = r.tiers[r.tiers.length - 1].name[lang];
      return zh ? `已达到最高一级「${top}」` : `meets the top tier, "${top}"`;
    }
    const warnings = r.tiers.find((t) => t.tier === r.next?.tier)?.warnings ?? [];
    return lacking(r.next.name, r.next.unmet, warnings, lang, true);
  }
  const unmet = r.tiers.filter((t) => !t.met);
  if (unmet.length === 0) return zh ? "全部达到" : "every type is met";
  return unmet.map((t) => lacking(t.name, t.unmet, t.warnings, lang, false)).join(zh ? "。" : ". ");
}

function lacking(name: Text, unmet: ConditionResult[], warnings: ConditionResult[], lang: Lang, next: boolean): string {
  const zh = lang === "zh";
  const head = zh
    ? `${next ? "下一级" : ""}「${name.zh}」${next ? "尚" : ""}缺 ${unmet.length} 项：`
    : `${next ? "the next tier, " : ""}"${name.en}", lacks ${unmet.length}: `;
  const body = unmet.map((c) => condition(c, lang)).join(zh ? "；" : "; ");
  const advisory = warnings.length
    ? zh
      ? `；另需书面说明：${warnings.map((c) => condition(c, lang)).join("；")}`
      : `; and needs a written justification for: ${warnings.map((c) => condition(c, lang)).join("; ")}`
    : "";
  return head + body + advisory;
}

/** As the CLI words a condition: the condition, what was found, and where the rule comes from. */
function condition(c: ConditionResult, lang: Lang): string {
  const where = [c.source.annex, c.source.item].filter(Boolean).join(" ");
  return lang === "zh" ? `${c.text.zh}：${c.found.zh}（${where}）` : `${c.text.en}: ${c.found.en} (${where})`;
}
