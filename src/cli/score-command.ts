import { findRubric, rubrics } from "../../templates/index";
import { score, splitAdjustments, type ScoreResult } from "../core/score";
import { points } from "../core/format";
import type { CommandContext, Lang } from "./context";
import { UsageError } from "./io";
import { inputError, readJson } from "./read-json";
import { renderTable } from "./text-table";
import { HEADER_FIELDS } from "../sheets/scoring/header-fields";

/**
 * The descriptive fields a scoring sheet carries beside the answers (enterprise, date, expert):
 * `extract --json` gives them with the answers, so `score` takes that document as it is and
 * names the enterprise in its output instead of refusing the keys as unknown input codes.
 */
function setAsideHeader(doc: unknown): { answers: unknown; about: Record<string, unknown> } {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return { answers: doc, about: {} };
  // The header's own keys, looked up in the document: `"constructor" in HEADER_FIELDS` is true,
  // and __proto__, constructor or toString would be set aside instead of refused as unknown codes.
  const record = doc as Record<string, unknown>;
  const header = Object.keys(HEADER_FIELDS).filter((key) => Object.hasOwn(record, key));
  if (header.length === 0) return { answers: doc, about: {} };
  const answers = { ...record };
  for (const key of header) delete answers[key];
  return { answers, about: Object.fromEntries(header.map((key) => [key, record[key]])) };
}

/** `assessbook score <rubric> <inputs.json|->`: one enterprise's score with the rule behind each item. */
export async function scoreCommand({ io, json, lang, args }: CommandContext): Promise<void> {
  if (args.length !== 2) throw new UsageError("score 需要 <rubric> <inputs.json|-> / score needs <rubric> <inputs.json|->");
  const [id, path] = args;
  const rubric = findRubric(id);
  if (!rubric) throw new UsageError(`未知评分表 / unknown rubric: ${id}（可用 / available: ${rubrics().map((r) => r.id).join(", ")}）`);
  const { answers, about } = setAsideHeader(await readJson(io, path));
  const { inputs, adjustments } = splitAdjustments(answers);
  const result = score(rubric, inputs, adjustments);
  if (!result.ok) throw inputError(result.problems, lang);
  const title = typeof about.enterprise === "string" && about.enterprise.trim() ? `${rubric.title[lang]} · ${about.enterprise.trim()}` : rubric.title[lang];
  io.out(json ? JSON.stringify({ ...about, ...toJson(result.value, lang) }, null, 2) : render(result.value, title, lang));
}

/** Machine output: rule texts in the chosen language, everything else as the engine gives it. */
function toJson(r: ScoreResult, lang: Lang) {
  return {
    ...r,
    sections: r.sections.map((s) => ({ ...s, name: s.name[lang] })),
    items: r.items.map((i) => ({ ...i, name: i.name[lang], rule: i.rule[lang] })),
    warnings: r.warnings.map((w) => ({ ...w, message: w.message[lang] })),
  };
}

function render(r: ScoreResult, title: string, lang: Lang): string {
  const zh = lang === "zh";
  const table = renderTable(
    zh ? ["编号", "得分", "满分", "规则"] : ["item", "score", "max", "rule"],
    r.items.map((i) => [i.code, points(i.score), points(i.max), i.rule[lang]]),
    ["left", "right", "right", "left"],
  );
  const sections = r.sections.map((s) => `${s.code} ${s.name[lang]} ${points(s.score)}/${points(s.max)}`).join(zh ? "；" : "; ");
  const colon = zh ? "：" : ": ";
  const lines = [title, "", table, "", `${zh ? "分项小计" : "Sections"}${colon}${sections}`, `${zh ? "总分" : "Total"}${colon}${points(r.total)} / ${points(r.max)}`];
  lines.push(
    r.complete
      ? zh ? "状态：已填写完整" : "Status: complete"
      : zh ? `状态：未完成，${r.missing.length} 项未填：${r.missing.join(", ")}` : `Status: incomplete, ${r.missing.length} not answered: ${r.missing.join(", ")}`,
  );
  for (const w of r.warnings) lines.push(`${zh ? "警告" : "Warning"}${colon}${w.message[lang]}`);
  return lines.join("\n");
}
