/**
 * Reading back a workbook Assessbook built: every sheet of the .xlsx file, checked against the
 * engine by src/sheets/check-sheet.ts (which the task pane uses too, on the open worksheet).
 * Through the same gate and reader as a merge (src/xlsx/gate.ts, reader.ts), keeping only the
 * cells the check reads: a file from anyone is refused with a reason, never read without bound.
 * A sheet built from a loaded template is read by the catalogue's copy, else by the copy the
 * workbook carries (src/xlsx/template-part.ts), else reported with the template to load.
 */
import { checkSheet, type SheetReport } from "../sheets/check-sheet";
import { checkedCells } from "./checked-cells";
import { readWorkbook } from "./reader";
import { loadCarriedTemplates } from "./template-part";

/** Throws UnreadableWorkbook (with its kind and one-line reason) for a file the gate or the reader refuses. */
export async function extractWorkbook(bytes: Uint8Array): Promise<SheetReport[]> {
  // The templates the workbook carries that the catalogue lacks, first: its sheets are read by them.
  await loadCarriedTemplates(bytes);
  return (await readWorkbook(bytes, { keep: checkedCells })).map(checkSheet);
}
