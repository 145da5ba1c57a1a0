import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { accepted, overLimit, previewMerge, type MergePreview, type PreviewRow, type SummaryTemplateId } from "../merge/preview";
import { readPendingSources, readSource, type MarkedSheet, type PendingFile, type SourceResult } from "../merge/read-source";
import { isSummarySheet, mergedTablePlan, readTarget, summaryTemplates, type TargetTable } from "../merge/summary-merge";
import type { Text } from "../../templates/schema";
import { describeProblem } from "../core/problems";
import { findSheetTemplate } from "../sheets/registry";
import { replaceSheet, WouldLoseContent } from "../xlsx/replace-sheet";
import { readWorkbookFile } from "../xlsx/read-file";
import { loadCarriedTemplates } from "../xlsx/template-part";
import { writeWorkbook } from "../xlsx/writer";
import { exists, readWorkbookInput } from "./files";
import { InputError, UsageError } from "./io";
import type { CommandContext, CommandOptions, Lang } from "./context";
import { confirmationCode, confirmThenWrite, digest, type Merge } from "./merge-flow";
import { panelMerge, panelTemplates } from "./merge-panels";
import { mergeReport, rowStatuses } from "./merge-report";

/**
 * `assessbook merge [--into summary.xlsx] --template <summary> sources/*.xlsx -o out.xlsx`
 * (issue 6): reads every source (bad files are refused with a reason, never stop the batch),
 * previews the merged recommendation summary table, and writes it as a new file once the user
 * confirms (merge-flow.ts). With --into the merged table replaces the target's table in a copy
 * of its workbook; rows already there stay first. Invalid rows are written only when named with
 * --keep; --drop leaves rows out (one copy of a duplicate). With --template <rubric>-panel the
 * sources are experts' scoring sheets, merged into one panel sheet per enterprise
 * (merge-panels.ts). Inputs are only read, and the output may not be one of them.
 *
 * Exit codes: 0 written; 3 previewed, nothing written (not confirmed); 1 and 2 as elsewhere.
 */
export async function mergeCommand(ctx: CommandContext): Promise<number> {
  const { io, lang, args, options } = ctx;
  const output = options.output;
  if (output === undefined) throw new UsageError("merge 需要 -o <out.xlsx> / merge needs -o <out.xlsx>");
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`输出文件应以 .xlsx 结尾 / the output file must end in .xlsx: ${output}`);
  if (args.length === 0) throw new UsageError("merge 需要至少一个来源文件 / merge needs at least one source file");
  const inputs = [...args, ...(options.into ? [options.into] : [])];
  if (await isOneOf(output, inputs)) throw new UsageError(`输出文件不能是输入文件之一，输入文件从不改动 / the output cannot be one of the inputs, which are never modified: ${output}`);
  if (options.template !== undefined && !panelTemplates().has(options.template) && !(summaryTemplates() as readonly string[]).includes(options.template)) await loadCarriedFrom(inputs);
  const panelRubric = options.template === undefined ? undefined : panelTemplates().get(options.template);
  if (panelRubric && (options.into || options.recommender || options.sheet || options.drop.length > 0)) {
    throw new UsageError("专家组评分表的合并不接受 --into、--recommender、--sheet、--drop / merging into expert panels takes none of --into, --recommender, --sheet, --drop");
  }
  if (!panelRubric && options.template !== undefined && !(summaryTemplates() as readonly string[]).includes(options.template)) {
    const choices = [...summaryTemplates(), ...panelTemplates().keys()].join(", ");
    throw new UsageError(`--template 应为推荐汇总表或专家组评分表之一 / --template is a summary table or an expert panel: ${choices}; got ${options.template}`);
  }
  // The target's own recommender and sheet decide; a second answer would be silently overruled.
  if (options.into && options.recommender) throw new UsageError("--recommender 只用于新建汇总表（--template）；--into 的目标表已有推荐单位类别 / --recommender is for a new table (--template); the --into table has its own");
  if (!options.into && options.sheet) throw new UsageError("--sheet 指定 --into 工作簿中的汇总表，须与 --into 同用 / --sheet names the table in the --into workbook and needs --into");
  if (!options.force && (await exists(output))) throw new InputError([`${output}: 文件已存在，加 --force 覆盖 / already exists; add --force to overwrite it`]);

  const target = options.into ? await readIntoTarget(options.into, options.template, options.sheet) : null;
  const template = panelRubric ? null : chooseTemplate(target, options.template);
  const progress = args.length > 10 ? io.progress : undefined;
  const sources = await readPendingSources(await pendingFiles(args), progress && ((done, total) => progress(done, total)));

  const merge = panelRubric ? panelMerge(panelRubric, sources, options.keep, lang) : summaryMerge(template as SummaryTemplateId, target, sources, options, lang);
  return confirmThenWrite(ctx, output, merge);
}

function summaryMerge(template: SummaryTemplateId, target: LoadedTarget | null, sources: SourceResult[], options: CommandOptions, lang: Lang): Merge {
  const recommender = target?.recommender ?? options.recommender ?? String(findSheetTemplate(template)?.params.find((p) => p.key === "recommender")?.default);
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
  const statuses = rowStatuses(preview, rows, keep, drop);
  return {
    // The target is part of what is written: its file, sheet, stamp and size, and the digest of
    // its whole workbook, whose other sheets are written too (one edited after the preview changes the code).
    code: confirmationCode([preview.template, preview.recommender.id, target && [target.file, target.sheet, target.recommenderName, target.rowCount, digest(target.bytes)], rows.map((r) => [r.id, r.values, r.audit])]),
    count: rows.length,
    nothing: rows.some((r) => !r.source.existing) ? null : nothingToAdd(statuses),
    report: () => mergeReport(preview, statuses, { lang, target: target ? `${target.file} › ${target.sheet}` : null }),
    json: (written) => ({ ...preview, rows: preview.rows.map((r) => ({ ...r, ...statuses.get(r.id) })), overLimit: overLimit(preview, rows), sheets: written }),
    build: () => writeSummary(preview, rows, target, lang),
  };
}

/** Why no row would be added: no source row at all, or every one invalid and not kept, or dropped. */
function nothingToAdd(statuses: ReadonlyMap<string, { status: string }>): Text {
  const count = (status: string) => [...statuses.values()].filter((s) => s.status === status).length;
  const invalid = count("invalid");
  const dropped = count("dropped");
  if (invalid === 0 && dropped === 0) return { zh: "来源中没有可合并的行", en: "the sources hold no row to merge" };
  return {
    zh: `没有可追加的行：${[invalid > 0 ? `${invalid} 行有误（确需写入请加 --keep）` : "", dropped > 0 ? `${dropped} 行已剔除` : ""].filter(Boolean).join("，")}`,
    en: `no row to add: ${[invalid > 0 ? `${invalid} invalid (add --keep to write them)` : "", dropped > 0 ? `${dropped} dropped` : ""].filter(Boolean).join(", ")}`,
  };
}

/** The target table and the bytes of its workbook, which the merged table goes back into. */
type LoadedTarget = TargetTable & { bytes: Uint8Array };

async function readIntoTarget(path: string, template: string | undefined, sheetName: string | undefined): Promise<LoadedTarget> {
  const bytes = await readWorkbookInput(path);
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
  if (given === undefined) throw new UsageError(`merge 需要 --into <汇总表.xlsx> 或 --template <汇总表编号> / merge needs --into or --template（${summaryTemplates().join(", ")}）`);
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

async function writeSummary(preview: MergePreview, rows: PreviewRow[], target: LoadedTarget | null, lang: Lang): Promise<{ bytes: Buffer; sheetNames: string[] }> {
  const plan = mergedTablePlan(preview, rows, { recommenderName: target?.recommenderName, rowCount: target?.rowCount });
  if (!plan.ok) throw new InputError(plan.problems.map((p) => describeProblem(p, lang)));
  if (!target) return writeWorkbook([plan.value]);
  try {
    return await replaceSheet(target.bytes, target.sheet ?? "", plan.value);
  } catch (e) {
    if (!(e instanceof WouldLoseContent)) throw e;
    throw new InputError([
      lang === "zh"
        ? `${target.file}：工作簿含${e.what.zh.join("、")}，重写时会丢失，未写入。请把汇总表复制到单独的工作簿后再合并。`
        : `${target.file}: the workbook has ${e.what.en.join(", ")}, which a rewrite would lose; nothing written. Copy the summary table into a workbook of its own and merge into that.`,
    ]);
  }
}


/**
 * Whether the output names one of the inputs: the same path compared without case (Windows and
 * macOS file systems ignore it, and the atomic rename would replace the input), or, when the
 * output exists, the same file reached another way (a link).
 */
async function isOneOf(output: string, inputs: string[]): Promise<boolean> {
  const key = (p: string) => resolve(p).toLowerCase();
  if (inputs.some((p) => key(p) === key(output))) return true;
  const out = await stat(output).catch(() => null);
  if (!out) return false;
  for (const p of inputs) {
    const s = await stat(p).catch(() => null);
    if (s && s.dev === out.dev && s.ino === out.ino) return true;
  }
  return false;
}

/**
 * A --template the catalogue lacks may be one the inputs carry (the panel of a rubric loaded
 * where the experts' sheets were built, src/xlsx/template-part.ts): their templates are loaded
 * before the name is judged. A file that cannot be read, or carries a template that cannot be
 * taken, is passed over here: reading the sources refuses it, with its reason, in the report.
 */
async function loadCarriedFrom(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    try {
      await loadCarriedTemplates(await readWorkbookFile(path));
    } catch {
      continue;
    }
  }
}

/**
 * The sources as the batch reader takes them: sizes now, bytes when their batch comes. A path
 * that names no file is a mistyped argument, told at once, before anything is read; a file that
 * cannot be read later is refused like any bad file.
 */
async function pendingFiles(paths: string[]): Promise<PendingFile[]> {
  const missing: string[] = [];
  const files: PendingFile[] = [];
  for (const path of paths) {
    const s = await stat(path).catch(() => null);
    if (!s?.isFile()) missing.push(`${path}: 无法读取 / cannot read: ${s ? "不是文件 / not a file" : "文件或目录不存在 / no such file or directory"}`);
    else files.push({ name: path, size: s.size, bytes: () => readWorkbookFile(path) });
  }
  if (missing.length > 0) throw new InputError(missing);
  return files;
}
