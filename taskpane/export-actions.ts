/**
 * The 导出 tab's work outside React (ruling F3): a sheet Assessbook built → its document model
 * (src/export/source, the same path as `assessbook export`) → a .docx download, or the print view.
 * The docx writer is imported on demand, a chunk of its own (docx-writer) that the pane loads only
 * when someone downloads Word, so the first paint never waits for it.
 */
import type { Text } from "../templates/schema";
import type { DocumentModel } from "../src/export/document";
import { exportableSheets, sheetDocument } from "../src/export/source";
import type { MarkedSheet } from "../src/merge/read-source";
import { ActionError } from "./action-error";
import { readPicked, type PickedFile } from "./merge-files";
import { downloadFile } from "./workbook-file";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The document of a sheet, or why there is none (naming the cells), as an ActionError. */
export function documentOf(sheet: MarkedSheet): DocumentModel {
  const doc = sheetDocument(sheet);
  if (doc.ok) return doc.model;
  const line = (lang: "zh" | "en") => doc.problems.map((p) => `${p.cell ? `${p.cell} ` : ""}${p.message[lang]}`).join(lang === "zh" ? "；" : "; ");
  throw new ActionError({ zh: line("zh"), en: line("en") });
}

/** The .docx of the document, downloaded as “<title>.docx”; returns the file name. */
export async function downloadWord(model: DocumentModel): Promise<string> {
  const { docxBytes } = await import(/* webpackChunkName: "docx-writer" */ "../src/export/docx");
  const bytes = await docxBytes(model);
  const name = `${model.title.replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").trim() || "Assessbook"}.docx`;
  downloadFile(new Uint8Array(bytes), name, DOCX_TYPE);
  return name;
}

/** A picked workbook's sheets that export (summary tables and forms), or why the file is refused. */
export type PickedWorkbook = { ok: true; name: string; sheets: MarkedSheet[] } | { ok: false; name: string; reason: Text };

export async function readWorkbookFile(file: PickedFile): Promise<PickedWorkbook> {
  const [read] = await readPicked([file]);
  if (!read.ok) return { ok: false, name: file.name, reason: read.reason };
  const sheets = exportableSheets(read.sheets) as MarkedSheet[];
  if (sheets.length === 0) {
    return {
      ok: false,
      name: file.name,
      reason: { zh: "工作簿中没有推荐汇总表或申报表（申报书、申报表、验收表）", en: "the workbook has no summary table or form (application, acceptance form)" },
    };
  }
  return { ok: true, name: file.name, sheets };
}
