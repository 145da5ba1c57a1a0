/**
 * The merge preview as the terminal shows it: every row in priority order with the 序号 it
 * would get, what happens to it and where it came from, then the problems (file › sheet › cell),
 * duplicates, 第十三条, the limit, and the sheets and files left out with their reasons.
 */
import type { Text } from "../../templates/schema";
import { overLimit, type MergePreview, type PreviewRow, type RefusedFile, type SkippedSheet } from "../merge/preview";
import { findSheetTemplate } from "../sheets/registry";
import type { Lang } from "./context";
import { displayWidth, renderTable } from "./text-table";

export type RowStatus = "existing" | "added" | "kept" | "invalid" | "dropped";

export interface RowOutcome {
  status: RowStatus;
  /** The 序号 the row gets in the merged table, null when it is not written. */
  serial: number | null;
}

const STATUS_WORDS: Record<RowStatus, Record<Lang, string>> = {
  existing: { zh: "原有", en: "existing" },
  added: { zh: "追加", en: "added" },
  kept: { zh: "有误，保留", en: "invalid, kept" },
  invalid: { zh: "有误，不写入", en: "invalid, not written" },
  dropped: { zh: "剔除", en: "dropped" },
};

/** Each row's fate, given the rows accepted() chose. */
export function rowStatuses(preview: MergePreview, rows: readonly PreviewRow[], keep: ReadonlySet<string>, drop: ReadonlySet<string>): Map<string, RowOutcome> {
  const serial = new Map(rows.map((r, i) => [r.id, i + 1]));
  return new Map(
    preview.rows.map((r) => {
      const status: RowStatus = r.source.existing ? "existing" : drop.has(r.id) ? "dropped" : r.invalid ? (keep.has(r.id) ? "kept" : "invalid") : "added";
      return [r.id, { status, serial: serial.get(r.id) ?? null }];
    }),
  );
}

/** Long cells (a list of scenarios) are cut so the table stays one line a row. */
function cut(text: string | null, width = 24): string {
  if (text === null) return "";
  const line = text.replace(/\s*\n\s*/g, "；");
  if (displayWidth(line) <= width) return line;
  let out = "";
  for (const ch of line) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}

export function mergeReport(preview: MergePreview, outcomes: ReadonlyMap<string, RowOutcome>, { lang, target }: { lang: Lang; target: string | null }): string {
  const zh = lang === "zh";
  const r = preview.recommender;
  const written = [...outcomes.values()].filter((o) => o.serial !== null).length;
  const title = findSheetTemplate(preview.template)?.title[lang] ?? preview.template;
  const lines: string[] = [
    zh ? `合并预览：${title}，${r.name}（上限 ${r.limit} 项）` : `Merge preview: ${title}, ${r.name} (limit ${r.limit})`,
    zh ? `目标：${target ?? "新建汇总表"}；将写入 ${written} 行（共 ${preview.rows.length} 行）` : `Target: ${target ?? "a new summary table"}; ${written} of ${preview.rows.length} rows to write`,
    "",
    renderTable(
      [zh ? "序号" : "no.", zh ? "行" : "row", ...preview.columns.map((c) => c.header), zh ? "处理" : "action", zh ? "来源" : "source"],
      preview.rows.map((row) => {
        const o = outcomes.get(row.id);
        return [o?.serial == null ? "" : String(o.serial), row.id, ...preview.columns.map((c) => cut(row.values[c.key])), o ? STATUS_WORDS[o.status][lang] : "", row.audit];
      }),
    ),
  ];
  const section = (title: string, items: string[]) => appendSection(lines, title, items);
  section(zh ? "问题：" : "Problems:", preview.problems.map((p) => problemLine(p, lang)));
  section(
    zh ? "重复（同一统一社会信用代码或企业名称）：" : "Duplicates (same credit code or enterprise name):",
    preview.duplicates.map((d) => `${d.enterprise}：${d.members.map((m) => m.rowId).join(", ")}${variantsNote(d.variants, lang)}`),
  );
  section(zh ? "一年一项（第十三条）：" : "One application a year (第十三条):", preview.onePerYear.map((o) => o.message[lang]));
  // Counted over the rows this run writes (after --drop, without unkept invalid rows).
  const over = overLimit(preview, preview.rows.filter((row) => outcomes.get(row.id)?.serial != null));
  if (over) section(zh ? "超出上限：" : "Over the limit:", [over.message[lang]]);
  leftOut(lines, preview, lang);
  const invalid = preview.rows.filter((row) => outcomes.get(row.id)?.status === "invalid").map((row) => row.id);
  if (invalid.length > 0) {
    lines.push("", zh ? `有误的行不写入；确需保留请加 --keep ${invalid.join(",")}` : `Invalid rows are not written; to keep them add --keep ${invalid.join(",")}`);
  }
  return lines.join("\n");
}

/** "（名称写法不同，仅在规范化后相同：“王工” “王工\u200B”）" when the names matched only once normalised (identityKey). */
export function variantsNote(variants: string[], lang: Lang): string {
  if (variants.length === 0) return "";
  const listed = variants.map((v) => (lang === "zh" ? `“${v}”` : `"${v}"`)).join(" ");
  return lang === "zh" ? `（名称写法不同，仅在规范化后相同：${listed}）` : ` (names written differently, equal only once normalised: ${listed})`;
}

/** A titled, indented list after a blank line; nothing when the list is empty. */
export function appendSection(lines: string[], title: string, items: string[]): void {
  if (items.length > 0) lines.push("", title, ...items.map((i) => `  ${i}`));
}

/** "file › sheet › cell（row）：message", warnings marked as such. */
export function problemLine(p: { file: string; sheet: string; cell?: string; rowId?: string; severity: "error" | "warning"; message: Text }, lang: Lang): string {
  const warning = p.severity === "warning" ? (lang === "zh" ? "提示 " : "warning ") : "";
  return `${[p.file, p.sheet, p.cell].filter(Boolean).join(" › ")}${p.rowId ? `（${p.rowId}）` : ""}：${warning}${p.message[lang]}`;
}

/** The sheets not merged and the files refused, each with its reason. */
export function leftOut(lines: string[], { skipped, refused }: { skipped: SkippedSheet[]; refused: RefusedFile[] }, lang: Lang): void {
  appendSection(lines, lang === "zh" ? "未合并的工作表：" : "Sheets not merged:", skipped.map((s) => `${s.file} › ${s.sheet}：${s.reason[lang]}`));
  appendSection(lines, lang === "zh" ? "拒收的文件：" : "Files refused:", refused.map((f) => `${f.file}：${f.reason[lang]}`));
}
