/**
 * Reading back a workbook Assessbook built: every sheet of the .xlsx file, checked against the
 * engine by src/sheets/check-sheet.ts (which the task pane uses too, on the open worksheet).
 */
import { checkSheet, type SheetReport } from "../sheets/check-sheet";
import { readWorkbook } from "./reader";

export async function extractWorkbook(bytes: Buffer): Promise<SheetReport[]> {
  return (await readWorkbook(bytes)).map(checkSheet);
}
