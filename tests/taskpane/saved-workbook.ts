/**
 * Workbooks for the check tests as a spreadsheet leaves them: written by the real .xlsx writer,
 * then marked as saved by a spreadsheet (app.xml names Microsoft Excel instead of Assessbook, so
 * the reader trusts the stored results) with a result cell showing what a spreadsheet might have
 * calculated instead of the engine's value. Without the mark the file is as Assessbook wrote it,
 * which the reader reads as not calculated.
 */
import JSZip from "jszip";
import { colLetter } from "../../src/sheets/formula";
import { checkParams } from "../../src/sheets/params";
import type { SheetPlan } from "../../src/sheets/plan";
import { findSheetTemplate } from "../../src/sheets/registry";
import { writeWorkbook } from "../../src/xlsx/writer";

/** A sheet template rendered with its own sample answers. */
export function sampleSheet(id: string): SheetPlan {
  const template = findSheetTemplate(id);
  if (!template) throw new Error(`no sheet template ${id}`);
  const params = checkParams(template.params, {});
  if (!params.ok) throw new Error(`${id}: default parameters refused`);
  const rendered = template.render(params.value, template.sample());
  if (!rendered.ok) throw new Error(`${id}: its sample is refused: ${JSON.stringify(rendered.problems)}`);
  return rendered.value;
}

/** The A1 address of a result cell of the plan. */
export function resultCell(plan: SheetPlan, key: string): string {
  const result = plan.results.find((r) => r.key === key);
  if (!result) throw new Error(`${plan.name} has no result ${key}`);
  return `${colLetter(result.col)}${result.row}`;
}

/** The bytes as Assessbook writes them. */
export async function written(plans: SheetPlan[]): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array((await writeWorkbook(plans)).bytes);
}

/**
 * The workbook as a spreadsheet saved it, the first sheet's cell at `address` showing `shown`
 * (a number) as its calculated result.
 */
export async function savedBySpreadsheet(plans: SheetPlan[], address: string, shown: number): Promise<Uint8Array<ArrayBuffer>> {
  const zip = await JSZip.loadAsync(await written(plans));
  const app = await (zip.file("docProps/app.xml") as JSZip.JSZipObject).async("string");
  zip.file("docProps/app.xml", app.replace("<Application>Assessbook</Application>", "<Application>Microsoft Excel</Application>"));
  const path = "xl/worksheets/sheet1.xml";
  const sheet = await (zip.file(path) as JSZip.JSZipObject).async("string");
  const cell = new RegExp(`(<c r="${address}"[^>]*>(?:(?!</c>).)*?<v>)[^<]*(</v>)`, "s");
  if (!cell.test(sheet)) throw new Error(`${address} holds no stored result in ${path}`);
  zip.file(path, sheet.replace(cell, `$1${shown}$2`));
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}
