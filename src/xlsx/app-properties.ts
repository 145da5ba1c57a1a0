/**
 * docProps/app.xml that says who wrote the file. exceljs always claims "Microsoft Excel" with
 * Excel's version number; a file Assessbook made says Assessbook, so nobody (and no program
 * that reads the generator to decide how far to trust a file) mistakes it for one Excel saved.
 */
import type ExcelJS from "exceljs";

const NS = 'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"';

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] as string);
}

/** The extended properties of a workbook with these sheets, in order. */
export function appPropertiesXml(sheetNames: readonly string[]): string {
  const titles = sheetNames.map((n) => `<vt:lpstr>${escapeXml(n)}</vt:lpstr>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties ${NS}><Application>Assessbook</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheetNames.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>` +
    `<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>`
  );
}

/** exceljs's hook that adds docProps/app.xml to the zip it writes (its typings leave it out). */
interface AppHook {
  addApp(zip: { append(data: string, options: { name: string }): void }, model: { worksheets: { name: string }[] }): Promise<void>;
}

/** Makes the workbook's next write carry Assessbook's app.xml instead of exceljs's. */
export function writeHonestAppProperties(workbook: ExcelJS.Workbook): void {
  const xlsx = workbook.xlsx as unknown as AppHook;
  xlsx.addApp = async (zip, model) => zip.append(appPropertiesXml(model.worksheets.map((w) => w.name)), { name: "docProps/app.xml" });
}
