import { describeProblem } from "../core/problems";
import { buildDocument, exportableIds, type DocumentModel } from "../export/document";
import { docxBytes } from "../export/docx";
import { docxToPdf, PdfUnavailable } from "../export/pdf";
import { exportableSheets, sheetDocument } from "../export/source";
import type { ReadSheet } from "../sheets/check-sheet";
import { readWorkbook, UnreadableWorkbook } from "../xlsx/reader";
import { loadCarriedTemplates } from "../xlsx/template-part";
import { exists, readWorkbookInput, unreadable, writeAtomically } from "./files";
import { InputError, UsageError } from "./io";
import type { CommandContext, Lang } from "./context";
import { readJson } from "./read-json";

type Format = "docx" | "pdf";

/**
 * `assessbook export <in.xlsx> [--sheet <name>] --format docx|pdf -o <out>`: the document a
 * bureau receives (a 推荐汇总表 or a form, ruling F3) from a sheet Assessbook built, as Word, or as
 * PDF through LibreOffice. `assessbook export <template> --data <data.json> …` writes it from the
 * data `build --data` takes instead. Blank rows and the official example row are left out.
 *
 * Exit 1 for what the files hold (no such sheet, a sheet that is not a summary table or form,
 * answers the engine refuses, an existing output without --force, no LibreOffice for PDF);
 * exit 2 for a malformed command line.
 */
export async function exportCommand({ io, json, lang, args, options }: CommandContext): Promise<void> {
  if (args.length !== 1) throw new UsageError("export 需要一个 <in.xlsx> 或 <模板编号> / export needs one <in.xlsx> or <template id>");
  const output = options.output;
  if (output === undefined) throw new UsageError("export 需要 -o <输出文件> / export needs -o <out.docx|out.pdf>");
  const format = chooseFormat(options.format, output);
  const [input] = args;
  if (options.data !== undefined && options.sheet !== undefined) throw new UsageError("--sheet 指定工作簿中的表，不能与 --data 同用 / --sheet names a sheet of a workbook and cannot be combined with --data");
  if (options.data === undefined && exportableIds().includes(input) && !/\.xlsx$/i.test(input)) {
    throw new UsageError(`按模板导出需要 --data <data.json> / exporting template ${input} needs --data <data.json>`);
  }
  if (options.data !== undefined && !exportableIds().includes(input)) {
    throw new UsageError(`--data 与模板编号同用；可导出的模板 / --data goes with a template id; exportable: ${exportableIds().join(", ")}`);
  }
  if (!options.force && (await exists(output))) throw new InputError([`${output}: 文件已存在，加 --force 覆盖 / already exists; add --force to overwrite it`]);

  const { model, sheet } = options.data !== undefined ? { model: fromData(input, await readJson(io, options.data), lang), sheet: null } : await fromWorkbook(input, options.sheet, lang);
  const docx = await docxBytes(model);
  const bytes = format === "docx" ? Buffer.from(docx) : await toPdf(docx, lang);
  await writeAtomically(output, bytes);

  if (json) {
    io.out(JSON.stringify({ output, format, template: model.template, sheet }, null, 2));
    return;
  }
  const from = sheet === null ? model.template : `${sheet}（${model.template}）`;
  io.out(lang === "zh" ? `已写入 ${output}：${model.title}，来自 ${from}` : `Wrote ${output}: ${model.title}, from ${sheet === null ? model.template : `${sheet} (${model.template})`}`);
}

function chooseFormat(given: string | undefined, output: string): Format {
  const extension = /\.(docx|pdf)$/i.exec(output)?.[1].toLowerCase() as Format | undefined;
  if (given !== undefined && given !== "docx" && given !== "pdf") throw new UsageError(`--format 应为 docx 或 pdf / --format must be docx or pdf, got ${given}`);
  const format = (given as Format | undefined) ?? extension;
  if (format === undefined) throw new UsageError(`请用 --format docx|pdf 指定格式，或让输出文件以 .docx / .pdf 结尾 / give --format docx|pdf, or end the output file in .docx or .pdf: ${output}`);
  if (extension !== format) throw new UsageError(`输出文件应以 .${format} 结尾 / the output file must end in .${format}: ${output}`);
  return format;
}

function fromData(template: string, data: unknown, lang: Lang): DocumentModel {
  const built = buildDocument(template, data);
  if (!built.ok) throw new InputError(built.problems.map((p) => describeProblem(p, lang)));
  return built.value;
}

async function fromWorkbook(path: string, sheetName: string | undefined, lang: Lang): Promise<{ model: DocumentModel; sheet: string }> {
  const bytes = await readWorkbookInput(path);
  let sheets: ReadSheet[];
  try {
    // A sheet of a loaded template is read by the copy the workbook carries, as extract reads it.
    await loadCarriedTemplates(bytes);
    sheets = await readWorkbook(bytes);
  } catch (e) {
    if (e instanceof UnreadableWorkbook) throw unreadable(path, e);
    throw e;
  }
  const candidates = exportableSheets(sheets);
  const listed = candidates.map((s) => `${s.name}（${s.marker?.template}）`).join("、") || "无 / none";
  let sheet: ReadSheet | undefined;
  if (sheetName !== undefined) {
    sheet = sheets.find((s) => s.name === sheetName);
    if (!sheet) throw new InputError([`${path}: 没有名为“${sheetName}”的工作表 / has no sheet named "${sheetName}"；可导出 / exportable: ${listed}`]);
  } else if (candidates.length === 1) {
    sheet = candidates[0];
  } else {
    const why = candidates.length === 0 ? "中没有可导出的推荐汇总表或申报表 / has no summary table or form to export" : "中有多张可导出的表，请用 --sheet 指定 / has several exportable sheets; name one with --sheet";
    throw new InputError([`${path} ${why}：${listed}`]);
  }
  const doc = sheetDocument(sheet);
  if (!doc.ok) {
    const name = sheet.name;
    // A refusal of the whole sheet says so in its own words; an answer's problem names its cell.
    throw new InputError(doc.problems.map((p) => (p.cell ? `${name}!${p.cell} ${describeProblem(p, lang)}` : p.code === "sheet" ? p.message[lang] : `${name} ${describeProblem(p, lang)}`)));
  }
  return { model: doc.model, sheet: sheet.name };
}

async function toPdf(docx: Uint8Array, lang: Lang): Promise<Buffer> {
  try {
    return await docxToPdf(docx);
  } catch (e) {
    if (e instanceof PdfUnavailable) throw new InputError([lang === "zh" ? `${e.zh} / ${e.en}` : e.en]);
    throw e;
  }
}
