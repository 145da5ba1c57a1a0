import { ALL_TEMPLATES } from "../../templates/index";
import type { Template } from "../../templates/schema";
import type { CommandContext } from "./main";
import { UsageError } from "./io";
import { renderTable } from "./text-table";

const KIND_NAMES: Record<Template["kind"], { zh: string; en: string }> = {
  rubric: { zh: "评分表", en: "rubric" },
  scheme: { zh: "认定方案", en: "tier scheme" },
  "kpi-set": { zh: "绩效指标", en: "KPI set" },
  summary: { zh: "推荐汇总表", en: "summary table" },
  form: { zh: "表单", en: "form" },
};

/** `assessbook list`: every template id with what it is and where it comes from. */
export function listCommand({ io, json, lang, args }: CommandContext): void {
  if (args.length > 0) throw new UsageError(`list 不接受参数 / list takes no arguments: ${args.join(" ")}`);
  const rows = ALL_TEMPLATES.map((t) => ({
    id: t.id,
    kind: t.kind,
    title: t.title,
    version: t.version,
    reference: t.document.reference,
    source: t.source,
  }));
  if (json) {
    io.out(JSON.stringify(rows, null, 2));
    return;
  }
  const header = lang === "zh" ? ["编号", "类别", "名称", "依据"] : ["id", "kind", "title", "source"];
  io.out(
    renderTable(
      header,
      rows.map((r) => [r.id, KIND_NAMES[r.kind][lang], r.title[lang], `${r.reference} · ${r.source.annex ?? r.source.item}`]),
    ),
  );
}
