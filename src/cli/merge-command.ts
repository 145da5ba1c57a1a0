import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { accepted, previewMerge, type MergePreview, type PreviewRow, type SummaryTemplateId } from "../merge/preview";
import { readSource, readSources, type MarkedSheet, type SourceFile } from "../merge/read-source";
import { isSummarySheet, mergedTablePlan, readTarget, SUMMARY_TEMPLATES, type TargetTable } from "../merge/summary-merge";
import { describeProblem } from "../core/problems";
import { findSheetTemplate } from "../sheets/registry";
import { replaceSheet, WouldLoseContent } from "../xlsx/replace-sheet";
import { writeWorkbook } from "../xlsx/writer";
import { exists, readBytes, writeAtomically } from "./files";
import { EXIT, InputError, UsageError, type CliIO } from "./io";
import type { CommandContext, Lang } from "./main";
import { mergeReport, rowStatuses } from "./merge-report";

/**
 * `assessbook merge [--into summary.xlsx] --template <summary> sources/*.xlsx -o out.xlsx`
 * (issue 6): reads every source, previews the merged recommendation summary table, and writes
 * it only when the user confirms the exact set of rows shown — at the prompt when a person is
 * at the terminal, or with `--confirm <code>`, the code the preview printed for that set. A
 * code from another preview (a file changed, another --keep) is refused, so a script never
 * writes rows nobody saw. Invalid rows are written only when named with --keep; --drop leaves
 * rows out (one copy of a duplicate). Inputs are only read; the output is a new file.
 *
 * Exit codes: 0 written; 3 previewed, nothing written (not confirmed); 1 and 2 as elsewhere.
 */
export async function mergeCommand({ io, json, lang, args, options }: CommandContext): Promise<number> {
  const output = options.output;
  if (output === undefined) throw new UsageError("merge 需要 -o <out.xlsx> / merge needs -o <out.xlsx>");
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`输出文件应以 .xlsx 结尾 / the output file must end in .xlsx: ${output}`);
  if (args.length === 0) throw new UsageError("merge 需要至少一个来源文件 / merge needs at least one source file");
  const inputs = [...args, ...(options.into ? [options.into] : [])];
  if (inputs.some((p) => resolve(p) === resolve(output))) throw new UsageError(`输出文件不能是输入文件之一，输入文件从不改动 / the output cannot be one of the inputs, which are never modified: ${output}`);
  if (!options.force && (await exists(output))) throw new InputError([`${output}: 文件已存在，加 --force 覆盖 / already exists; add --force to overwrite it`]);

  const target = options.into ? await readIntoTarget(options.into, options.template, options.sheet) : null;
  const template = chooseTemplate(target, options.template);
  const recommender = target?.recommender ?? options.recommender ?? String(findSheetTemplate(template)?.params.find((p) => p.key === "recommender")?.default);

  const files: SourceFile[] = [];
  for (const path of args) files.push({ name: path, bytes: new Uint8Array(await readBytes(path)) });
  const progress = files.length > 10 ? io.progress : undefined;
  const sources = await readSources(files, progress && ((done, total) => progress(done, total)));

  let preview: MergePreview;
  try {
    preview = previewMerge({ ...(target ?? {}), template, recommender }, sources);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message);
    throw e;
  }
  const keep = rowIds(preview, options.keep, "--keep");
  const drop = rowIds(preview, options.drop, "--drop");
  const rows = accepted(preview, keep, drop);
  const code = confirmationCode(preview, rows);
  const statuses = rowStatuses(preview, rows, keep, drop);

  const report = () => mergeReport(preview, statuses, { lang, target: target ? `${target.file} › ${target.sheet}` : null });
  const showJson = (written: string[] | null) =>
    io.out(JSON.stringify({ ...preview, rows: preview.rows.map((r) => ({ ...r, ...statuses.get(r.id) })), confirm: code, output: written ? output : null, sheets: written }, null, 2));

  if (options.confirm !== undefined) {
    if (options.confirm.trim().toLowerCase() !== code) {
      // The new preview first, so the user sees what changed; then the refusal.
      if (json) showJson(null);
      else io.out(report());
      throw new InputError([mismatchLine(lang, options.confirm, code)]);
    }
  } else if (!json) {
    io.out(report());
  }
  const confirmed = options.confirm !== undefined || (!json && (await askToConfirm(io, lang, rows.length, output)));
  const written = confirmed ? await write(preview, rows, target, output, lang) : null;
  if (json) showJson(written);
  else if (written && options.confirm !== undefined) io.out(`${report()}\n${writtenLine(lang, output, rows.length)}`);
  else io.out(written ? writtenLine(lang, output, rows.length) : unconfirmedLine(lang, code));
  return written ? EXIT.ok : EXIT.unconfirmed;
}

async function readIntoTarget(path: string, template: string | undefined, sheetName: string | undefined): Promise<TargetTable & { bytes: Uint8Array }> {
  const bytes = new Uint8Array(await readBytes(path));
  const read = await readSource(path, bytes);
  if (!read.ok) throw new InputError([`${path}: ${read.reason.zh} / ${read.reason.en}`]);
  const tables = read.sheets.filter(isSummarySheet);
  const pick = (s: MarkedSheet) => (sheetName === undefined || s.name === sheetName) && (template === undefined || s.marker.template === template);
  const found = tables.filter(pick);
  if (found.length !== 1) {
    const listed = tables.map((s) => `${s.name}（${s.marker.template}）`).join("、") || "无 / none";
    const why = found.length === 0 ? "中没有符合条件的推荐汇总表 / has no matching summary table" : "中有多张推荐汇总表，请用 --sheet 指定 / has several summary tables; name one with --sheet";
    throw new InputError([`${path} ${why}：${listed}`]);
  }
  const target = readTarget(path, found[0]);
  if (!target.ok) throw new InputError(target.problems.map((p) => describeProblem(p, "zh")));
  return { ...target.value, bytes };
}

function chooseTemplate(target: TargetTable | null, given: string | undefined): SummaryTemplateId {
  if (target) return target.template;
  if (given === undefined) throw new UsageError(`merge 需要 --into <汇总表.xlsx> 或 --template <汇总表编号> / merge needs --into or --template（${SUMMARY_TEMPLATES.join(", ")}）`);
  if (!(SUMMARY_TEMPLATES as readonly string[]).includes(given)) throw new UsageError(`--template 应为推荐汇总表之一 / --template is one of the summary tables: ${SUMMARY_TEMPLATES.join(", ")}; got ${given}`);
  return given as SummaryTemplateId;
}

/** Row ids given with --keep / --drop, comma separated or repeated; each must be a row of this preview. */
function rowIds(preview: MergePreview, given: string[], flag: string): Set<string> {
  const ids = new Set(given.flatMap((g) => g.split(",")).map((s) => s.trim()).filter(Boolean));
  const known = new Map(preview.rows.map((r) => [r.id, r]));
  const unknown = [...ids].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new UsageError(`${flag}：预览中没有这些行 / no such rows in the preview: ${unknown.join(", ")}`);
  const existing = [...ids].filter((id) => known.get(id)?.source.existing);
  if (existing.length > 0) throw new UsageError(`${flag}：目标表已有的行总是保留 / rows already in the target table are always kept: ${existing.join(", ")}`);
  return ids;
}

/**
 * A short code for the exact result: template, recommender and every written row's id, values
 * and source. Anything that changes what would be written changes the code.
 */
export function confirmationCode(preview: MergePreview, rows: readonly PreviewRow[]): string {
  const content = JSON.stringify([preview.template, preview.recommender.id, rows.map((r) => [r.id, r.values, r.audit])]);
  return createHash("sha256").update(content).digest("hex").slice(0, 10);
}

function mismatchLine(lang: Lang, given: string, code: string): string {
  return lang === "zh"
    ? `确认码 ${given} 与本次预览（${code}）不符：要写入的行已变化（文件被改动，或 --keep/--drop 不同），未写入。请查看上面新的预览。`
    : `confirmation ${given} does not match this preview (${code}): the rows to write have changed (a file changed, or other --keep/--drop); nothing written. Review the new preview above.`;
}

/** At a terminal, the person confirms the preview just shown; elsewhere nobody can, and nothing is written. */
async function askToConfirm(io: CliIO, lang: Lang, count: number, output: string): Promise<boolean> {
  if (!io.ask) return false;
  const answer = await io.ask(lang === "zh" ? `将以上 ${count} 行写入 ${output}？输入 y 确认：` : `Write these ${count} rows to ${output}? Type y to confirm: `);
  return answer !== null && /^(y|yes|是)$/i.test(answer.trim());
}

async function write(preview: MergePreview, rows: PreviewRow[], target: (TargetTable & { bytes: Uint8Array }) | null, output: string, lang: Lang): Promise<string[]> {
  const plan = mergedTablePlan(preview, rows, { recommenderName: target?.recommenderName, rowCount: target?.rowCount });
  if (!plan.ok) throw new InputError(plan.problems.map((p) => describeProblem(p, lang)));
  try {
    const written = target ? await replaceSheet(target.bytes, target.sheet ?? "", plan.value) : await writeWorkbook([plan.value]);
    await writeAtomically(output, written.bytes);
    return written.sheetNames;
  } catch (e) {
    if (!(e instanceof WouldLoseContent)) throw e;
    throw new InputError([
      lang === "zh"
        ? `${target?.file}：工作簿含${e.what.zh.join("、")}，重写时会丢失，未写入。请把汇总表复制到单独的工作簿后再合并。`
        : `${target?.file}: the workbook has ${e.what.en.join(", ")}, which a rewrite would lose; nothing written. Copy the summary table into a workbook of its own and merge into that.`,
    ]);
  }
}

function writtenLine(lang: Lang, output: string, count: number): string {
  return lang === "zh" ? `已写入 ${output}：汇总表共 ${count} 行。` : `Wrote ${output}: the summary table has ${count} rows.`;
}

function unconfirmedLine(lang: Lang, code: string): string {
  return lang === "zh"
    ? `未写入。确认写入以上的行，请加 --confirm ${code} 重新运行。`
    : `Nothing written. To write exactly these rows, run again with --confirm ${code}.`;
}
