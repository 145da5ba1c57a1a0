import { allTemplates, findTemplate } from "../../templates/index";
import { findSheetTemplate, sheetTemplates, type SheetTemplate } from "../sheets/registry";
import { KIND_NAMES } from "./kind-names";
import type { CommandContext } from "./context";
import { UsageError } from "./io";
import { renderTable } from "./text-table";

const ROLE_NAMES: Record<SheetTemplate["role"], { zh: string; en: string }> = {
  clerk: { zh: "经办人", en: "clerk" },
  expert: { zh: "评审专家", en: "expert" },
  enterprise: { zh: "企业", en: "enterprise" },
};

/** The recommender categories a summary table takes (S1, S2): `--param recommender=` and `merge --recommender`. */
export function recommenderChoices(): { sheet: string; default: string; choices: { id: string; name: { zh: string; en: string }; limit: number }[] }[] {
  return sheetTemplates().flatMap((s) => {
    const param = s.params.find((p) => p.key === "recommender");
    const template = findTemplate(s.template);
    if (!param || template?.kind !== "summary") return [];
    return [{ sheet: s.id, default: String(param.default), choices: template.recommenders.map((r) => ({ id: r.id, name: r.name, limit: r.limit })) }];
  });
}

/**
 * `assessbook list`: every template id with what it is and where it comes from, then the
 * worksheets `assessbook build` makes from them. In --json the worksheets are rows of kind
 * "sheet" naming the template they carry.
 */
export function listCommand({ io, json, lang, args }: CommandContext): void {
  if (args.length > 0) throw new UsageError(`list 不接受参数 / list takes no arguments: ${args.join(" ")}`);
  const rows = allTemplates().map((t) => ({
    id: t.id,
    kind: t.kind,
    title: t.title,
    version: t.version,
    reference: t.document.reference,
    source: t.source,
  }));
  const sheets = sheetTemplates().map((s) => ({
    id: s.id,
    kind: "sheet" as const,
    title: s.title,
    template: s.template,
    role: s.role,
    params: s.params.map((p) => ({ key: p.key, type: p.type, default: p.default, ...(p.options ? { options: p.options.map((o) => o.value) } : {}) })),
    source: s.source,
  }));
  if (json) {
    io.out(JSON.stringify([...rows, ...sheets], null, 2));
    return;
  }
  const zh = lang === "zh";
  const catalogue = renderTable(
    zh ? ["编号", "类别", "名称", "依据"] : ["id", "kind", "title", "source"],
    rows.map((r) => [r.id, KIND_NAMES[r.kind][lang], r.title[lang], `${r.reference} · ${r.source.annex ?? r.source.item}`]),
  );
  const worksheets = renderTable(
    zh ? ["工作表编号", "使用者", "名称", "参数（默认）"] : ["sheet id", "for", "title", "parameters (default)"],
    sheets.map((s) => [s.id, ROLE_NAMES[s.role][lang], s.title[lang], s.params.map((p) => `${p.key}=${p.default}`).join(" ")]),
  );
  // Each choice with what it means: the recommender's limit, a mode's name (the table above shows only the default).
  const limits = new Map(recommenderChoices().flatMap((r) => r.choices.map((c) => [`${r.sheet}:${c.id}`, c.limit])));
  const choices = renderTable(
    zh ? ["工作表编号", "参数", "取值", "含义"] : ["sheet id", "parameter", "value", "meaning"],
    sheets.flatMap((s) =>
      (findSheetTemplate(s.id)?.params ?? []).flatMap((p) =>
        (p.options ?? []).map((o, i) => {
          const limit = limits.get(`${s.id}:${o.value}`);
          const notes = [o.value === p.default ? (zh ? "默认" : "default") : "", limit === undefined ? "" : zh ? `上限 ${limit} 项` : `limit ${limit}`].filter(Boolean);
          const note = notes.length === 0 ? "" : zh ? `（${notes.join("，")}）` : ` (${notes.join(", ")})`;
          return [i === 0 ? s.id : "", i === 0 ? p.key : "", o.value, `${o.label[lang]}${note}`];
        }),
      ),
    ),
  );
  io.out(
    [
      catalogue,
      "",
      zh ? "工作表（assessbook build <工作表编号>）" : "Worksheets (assessbook build <sheet id>)",
      worksheets,
      "",
      zh ? "参数的取值（build --param 键=值；merge --template <汇总表> --recommender <取值>）" : "Parameter choices (build --param key=value; merge --template <summary> --recommender <value>)",
      choices,
    ].join("\n"),
  );
}
