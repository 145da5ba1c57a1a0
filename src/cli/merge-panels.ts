/**
 * `assessbook merge --template <rubric>-panel experts/*.xlsx -o panels.xlsx` (issue 6, part 3):
 * several experts' scoring sheets become one expert-panel sheet per enterprise. The preview
 * lists each enterprise's experts with their totals and the panel's figures; the confirmation
 * flow is merge-command's.
 */
import { rubricSheetIds, rubrics } from "../../templates/index";
import { describeProblem } from "../core/problems";
import { panelPlans, previewPanelMerge, type PanelMember, type PanelMergePreview } from "../merge/panel-merge";
import type { SourceResult } from "../merge/read-source";
import { findSheetTemplate } from "../sheets/registry";
import { writeWorkbook } from "../xlsx/writer";
import { InputError, UsageError } from "./io";
import type { Lang } from "./context";
import { confirmationCode, type Merge } from "./merge-flow";
import { appendSection, leftOut, problemLine, variantsNote } from "./merge-report";
import { renderTable } from "./text-table";

/** Panel sheet id → its rubric. */
export function panelTemplates(): ReadonlyMap<string, string> {
  return new Map(rubrics().map((r) => [rubricSheetIds(r.id).panel, r.id]));
}

export function panelMerge(rubric: string, sources: SourceResult[], keepGiven: string[], lang: Lang): Merge {
  const preview = previewPanelMerge(rubric, sources);
  const members = new Map(preview.panels.flatMap((p) => p.experts.map((m) => [m.id, m])));
  const keep = new Set(keepGiven.flatMap((g) => g.split(",")).map((s) => s.trim()).filter(Boolean));
  const unknown = [...keep].filter((id) => !members.has(id));
  if (unknown.length > 0) throw new UsageError(`--keep：预览中没有这些专家 / no such experts in the preview: ${unknown.join(", ")}`);
  const written = (m: PanelMember) => !m.invalid || keep.has(m.id);
  const chosen = preview.panels.map((p) => [p.id, p.enterprise, p.date, p.experts.filter(written).map((m) => [m.id, m.name, m.scores])]);
  const count = [...members.values()].filter(written).length;
  return {
    code: confirmationCode([rubric, preview.margin, chosen]),
    count,
    nothing: count > 0 ? null : members.size > 0 ? { zh: "没有可写入的专家评分：各专家评分表都有误（确需写入请加 --keep）", en: "no expert scores to write: every expert sheet is invalid (add --keep to write them)" } : { zh: "来源中没有可合并的专家评分表", en: "the sources hold no expert scoring sheet to merge" },
    report: () => panelReport(preview, written, lang),
    json: (sheets) => ({ ...preview, panels: preview.panels.map((p) => ({ ...p, experts: p.experts.map((m) => ({ ...m, written: written(m) })) })), sheets }),
    build: async () => {
      const plans = panelPlans(preview, keep);
      if (!plans.ok) throw new InputError(plans.problems.map((p) => describeProblem(p, lang)));
      if (plans.value.length === 0) throw new InputError([lang === "zh" ? "没有可写入的专家评分，未写入" : "no expert scores to write; nothing written"]);
      return writeWorkbook(plans.value);
    },
  };
}

function figure(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : String(Math.round(n * 100) / 100);
}

function panelReport(preview: PanelMergePreview, written: (m: PanelMember) => boolean, lang: Lang): string {
  const zh = lang === "zh";
  const title = findSheetTemplate(rubricSheetIds(preview.rubric).panel)?.title[lang] ?? preview.rubric;
  const lines = [zh ? `合并预览：${title}（偏离阈值 ${preview.margin} 分）` : `Merge preview: ${title} (deviation margin ${preview.margin})`];
  for (const panel of preview.panels) {
    const s = panel.summary;
    const deviating = new Set(s?.deviating.map((d) => d.index) ?? []);
    lines.push(
      "",
      zh
        ? `${panel.id} ${panel.enterprise}${variantsNote(panel.variants, lang)}：平均 ${figure(s?.mean)}，中位数 ${figure(s?.median)}，去掉最高最低后平均 ${figure(s?.trimmedMean)}`
        : `${panel.id} ${panel.enterprise}${variantsNote(panel.variants, lang)}: mean ${figure(s?.mean)}, median ${figure(s?.median)}, trimmed mean ${figure(s?.trimmedMean)}`,
      renderTable(
        zh ? ["专家", "编号", "总分", "处理", "来源"] : ["expert", "id", "total", "action", "source"],
        panel.experts.map((m, i) => [
          m.name ?? "",
          m.id,
          `${figure(m.total)}${deviating.has(i) ? (zh ? " 偏离" : " deviates") : ""}`,
          written(m) ? (m.invalid ? (zh ? "有误，保留" : "invalid, kept") : zh ? "写入" : "written") : zh ? "有误，不写入" : "invalid, not written",
          m.audit,
        ]),
        ["left", "left", "right"],
      ),
    );
  }
  appendSection(lines, zh ? "问题：" : "Problems:", preview.problems.map((p) => problemLine(p, lang)));
  leftOut(lines, preview, lang);
  const invalid = preview.panels.flatMap((p) => p.experts).filter((m) => !written(m)).map((m) => m.id);
  if (invalid.length > 0) lines.push("", zh ? `有误的专家评分不写入；确需保留请加 --keep ${invalid.join(",")}` : `Invalid expert sheets are not written; to keep them add --keep ${invalid.join(",")}`);
  return lines.join("\n");
}
