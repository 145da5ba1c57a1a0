/**
 * exceljs writes a sheet's print titles and print area as `'<sheet name>'!$1:$3` without
 * doubling an apostrophe inside the name (issue 15, item 8), so a panel sheet for 西安（Xi'an）
 * gets `'Xi'an'!$1:$3`, a defined name Excel repairs and LibreOffice drops. It does so for a
 * sheet it writes and for every sheet of a workbook it loads and writes back. Its prepare step is
 * internal (and bundled differently for the browser), so the written workbook.xml is corrected
 * instead: only when some sheet name holds an apostrophe, which is rare; otherwise the bytes are
 * returned untouched.
 */
import JSZip from "jszip";

const WORKBOOK = "xl/workbook.xml";

export async function quotePrintNames(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes as Uint8Array);
  const part = zip.file(WORKBOOK);
  if (!part) return bytes;
  const xml = await part.async("string");
  // Sheet names as written in <sheet name="…">, in order: localSheetId indexes them.
  const names = [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]);
  if (!names.some((n) => n.includes("&apos;") || n.includes("'"))) return bytes;
  const fixed = xml.replace(/(<definedName\b[^>]*\bname="_xlnm\.Print_(?:Titles|Area)"[^>]*\blocalSheetId="(\d+)"[^>]*>)([^<]*)(<\/definedName>)/g, (all, open: string, id: string, body: string, close: string) => {
    const name = names[Number(id)];
    if (name === undefined) return all;
    // Both spelt as XML text: the name's apostrophes as &apos; (exceljs escapes them in text and attributes alike).
    const raw = name.replace(/&apos;/g, "'");
    const wrong = `'${raw}'!`.replace(/'/g, "&apos;");
    const right = `'${raw.replace(/'/g, "''")}'!`.replace(/'/g, "&apos;");
    return `${open}${body.split(wrong).join(right)}${close}`;
  });
  if (fixed === xml) return bytes;
  zip.file(WORKBOOK, fixed);
  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
