/**
 * The 检查 tab outside Excel: a picked .xlsx read through the reading gate exactly as the merge
 * reads a submission (readPicked → src/merge/read-source, the lean reader keeping the cells the
 * check reads), and each sheet Assessbook built checked as in Excel and by `assessbook extract`
 * (src/sheets/check-sheet, the issues listed by src/office/read-sheet). The check tab imports this
 * module on demand, a chunk of its own (check-file); the reader is the merge's xlsx-reader chunk.
 */
import type { Text } from "../templates/schema";
import type { MarkedSheet } from "../src/merge/read-source";
import { sheetIssues, summarize } from "../src/office/read-sheet";
import { checkSheet, missingInputs } from "../src/sheets/check-sheet";
import { readPicked, type PickedFile } from "./merge-files";
import { sheetCheckOf, type SheetCheck } from "./sheet-check";
import { STRINGS } from "./strings";

/** A picked workbook checked: each sheet Assessbook built, and the names of the others; or why the file is refused. */
export type FileCheck = { ok: true; name: string; sheets: SheetCheck[]; otherSheets: string[] } | { ok: false; name: string; reason: Text };

export async function checkFile(file: PickedFile): Promise<FileCheck> {
  const [read] = await readPicked([file]);
  if (!read.ok) return { ok: false, name: file.name, reason: read.reason };
  return { ok: true, name: file.name, sheets: read.sheets.map(checkOne), otherSheets: read.otherSheets };
}

/**
 * A file Assessbook wrote and no spreadsheet has saved holds only Assessbook's own results (the
 * reader reads them as not calculated): its summary says so and what to do, as extract does.
 */
function checkOne(sheet: MarkedSheet): SheetCheck {
  const report = checkSheet(sheet);
  const issues = sheetIssues(report, missingInputs(sheet));
  const summary = report.status === "not-calculated" ? { zh: STRINGS.zh.check.notCalculated, en: STRINGS.en.check.notCalculated } : summarize(report, issues);
  return sheetCheckOf(sheet.name, report, issues, summary);
}
