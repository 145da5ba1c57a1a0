/**
 * The cells of a workbook exceljs loaded, made ready to be written back unchanged (issue 15).
 * exceljs decodes the `_xHHHH_` escapes in cell text on reading and does not encode anything on
 * writing, so a kept sheet holding `_xFFFE_` would come out as a raw U+FFFE (a part no XML
 * parser accepts) and one holding the text `_x0041_` (stored `_x005F_x0041_`) would come out
 * reading "A". Re-encoding every kept text (encodeXstring) gives back the bytes' meaning.
 */
import ExcelJS from "exceljs";
import { encodeXstring } from "./cell-text";

/** Re-encodes the text of every cell and note on the sheet, in place. */
export function encodeKeptText(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      // A merged area's other cells show the top-left cell's value; that cell is encoded itself.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const v = cell.value;
      if (typeof v === "string") cell.value = encodeXstring(v);
      else if (cell.type === ExcelJS.ValueType.RichText) {
        const rich = v as ExcelJS.CellRichTextValue;
        cell.value = { ...rich, richText: rich.richText.map((r) => ({ ...r, text: encodeXstring(r.text) })) };
      } else if (cell.type === ExcelJS.ValueType.Hyperlink) {
        const link = v as ExcelJS.CellHyperlinkValue;
        if (typeof link.text === "string") cell.value = { ...link, text: encodeXstring(link.text) };
      }
      const note = cell.note as string | ExcelJS.Comment | undefined;
      if (typeof note === "string") cell.note = encodeXstring(note);
      else if (note && Array.isArray(note.texts)) cell.note = { ...note, texts: note.texts.map((t) => ({ ...t, text: encodeXstring(t.text) })) };
    }),
  );
}
