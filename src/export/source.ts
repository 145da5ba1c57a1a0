/**
 * A sheet Assessbook built → the document it stands for. The sheet is read the way `extract` and
 * the task pane's check read it (src/sheets/check-sheet.ts: the marker, the input cells, the data
 * document they hold), whatever read the cells: the .xlsx reader in Node, Office.js in Excel.
 */
import { findTemplate } from "../../templates/index";
import type { Text } from "../../templates/schema";
import { checkSheet, type ReadSheet, type SheetProblem } from "../sheets/check-sheet";
import { buildDocument, exampleRowIndexes, isExportable, type DocumentModel } from "./document";

export type SheetDocument = { ok: true; template: string; model: DocumentModel } | { ok: false; problems: SheetProblem[] };

/** Sheets whose marker names a summary table or a form: the ones `export` can write. */
export function exportableSheets(sheets: readonly ReadSheet[]): ReadSheet[] {
  return sheets.filter((s) => s.marker !== null && isExportable(s.marker.template));
}

const refuse = (code: string, message: Text): SheetDocument => ({ ok: false, problems: [{ code, message }] });

export function sheetDocument(sheet: ReadSheet): SheetDocument {
  const template = sheet.marker?.template;
  if (!template) {
    return refuse("sheet", { zh: `工作表“${sheet.name}”不是 Assessbook 生成的（没有标记），不能导出`, en: `sheet "${sheet.name}" was not built by Assessbook (no marker) and cannot be exported` });
  }
  if (!isExportable(template)) {
    return refuse("sheet", {
      zh: `工作表“${sheet.name}”（${template}）不是推荐汇总表或申报表，不能导出为文档`,
      en: `sheet "${sheet.name}" (${template}) is not a summary table or a form and cannot be exported as a document`,
    });
  }
  const report = checkSheet(sheet);
  switch (report.status) {
    case "invalid-answers": {
      // The official example row fails the checks but is never exported: only the other rows count.
      const t = findTemplate(template);
      const examples = t?.kind === "summary" ? exampleRowIndexes(t, report.data) : [];
      const problems = report.problems.filter((p) => !examples.some((i) => p.code.startsWith(`rows/${i}/`)));
      if (problems.length > 0) return { ok: false, problems };
      return built(template, report.data);
    }
    case "other-version":
    case "unknown-template":
    case "invalid-params":
      return refuse("sheet", {
        zh: `工作表“${sheet.name}”由其他版本的 Assessbook 生成或标记被修改，无法确定单元格位置，不能导出`,
        en: `sheet "${sheet.name}" was built by another version of Assessbook or its marker was edited; its cells cannot be located, so it cannot be exported`,
      });
    default:
      return built(template, report.data);
  }
}

/** The document of the data the sheet holds, or the problems with that data by field. */
function built(template: string, data: unknown): SheetDocument {
  const doc = buildDocument(template, data);
  return doc.ok ? { ok: true, template, model: doc.value } : { ok: false, problems: doc.problems };
}
