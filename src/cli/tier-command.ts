import { findScheme, schemes } from "../../templates/index";
import { tier, type ConditionResult, type SchemeResult } from "../core/tier";
import type { CommandContext, Lang } from "./context";
import { UsageError } from "./io";
import { inputError, readJson } from "./read-json";

/** `assessbook tier <scheme> <inputs.json|->`: the tier met and what is missing for the next. */
export async function tierCommand({ io, json, lang, args }: CommandContext): Promise<void> {
  if (args.length !== 2) throw new UsageError("tier 需要 <scheme> <inputs.json|-> / tier needs <scheme> <inputs.json|->");
  const [id, path] = args;
  const scheme = findScheme(id);
  if (!scheme) throw new UsageError(`未知认定方案 / unknown scheme: ${id}（可用 / available: ${schemes().map((s) => s.id).join(", ")}）`);
  const result = tier(scheme, await readJson(io, path));
  if (!result.ok) throw inputError(result.problems, lang);
  io.out(json ? JSON.stringify(toJson(result.value, lang), null, 2) : render(result.value, scheme.title[lang], lang));
}

function conditionJson(c: ConditionResult, lang: Lang) {
  return { ...c, text: c.text[lang], found: c.found[lang] };
}

function toJson(r: SchemeResult, lang: Lang) {
  return {
    ...r,
    metNames: r.metNames.map((n) => n[lang]),
    tiers: r.tiers.map((t) => ({
      ...t,
      name: t.name[lang],
      unmet: t.unmet.map((c) => conditionJson(c, lang)),
      warnings: t.warnings.map((c) => conditionJson(c, lang)),
      conditions: t.conditions.map((c) => conditionJson(c, lang)),
    })),
    next: r.next && { ...r.next, name: r.next.name[lang], unmet: r.next.unmet.map((c) => conditionJson(c, lang)) },
  };
}

function conditionLine(c: ConditionResult, lang: Lang): string {
  const where = [c.source.annex, c.source.item].filter(Boolean).join(" ");
  return lang === "zh" ? `  - ${c.text.zh}：${c.found.zh}（${where}）` : `  - ${c.text.en}: ${c.found.en} (${where})`;
}

function render(r: SchemeResult, title: string, lang: Lang): string {
  const zh = lang === "zh";
  const names = r.metNames.map((n) => n[lang]).join(zh ? "、" : ", ");
  const lines = [title, ""];
  if (!names) lines.push(zh ? "结果：未达标" : "Result: no tier met");
  else lines.push(zh ? `结果：达到「${names}」` : `Result: meets ${names}`);
  if (r.next) {
    lines.push(zh ? `下一级「${r.next.name.zh}」尚缺 ${r.next.unmet.length} 项：` : `Next tier "${r.next.name.en}" lacks ${r.next.unmet.length}:`);
    for (const c of r.next.unmet) lines.push(conditionLine(c, lang));
  }
  lines.push("", zh ? "各级情况：" : "Tiers:");
  for (const t of r.tiers) {
    const status = t.met ? (zh ? "达到" : "met") : zh ? `未达到（缺 ${t.unmet.length} 项）` : `not met (${t.unmet.length} unmet)`;
    lines.push(`${t.name[lang]}${zh ? "：" : ": "}${status}`);
    if (r.structure === "alternatives" && !t.met) for (const c of t.unmet) lines.push(conditionLine(c, lang));
    for (const w of t.warnings) lines.push(`${conditionLine(w, lang)} ${zh ? "← 需书面说明" : "← needs a written justification"}`);
  }
  if (!r.complete) lines.push("", zh ? `未填 ${r.missing.length} 项：${r.missing.join(", ")}` : `Not answered (${r.missing.length}): ${r.missing.join(", ")}`);
  return lines.join("\n");
}
