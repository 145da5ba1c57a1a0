/**
 * A workbook with one of its sheets replaced by a plan, everything else as it was: how a merged
 * summary table goes back into the clerk's workbook (issue 6) as a new file.
 *
 * The workbook passes through exceljs, which keeps cells, styles, merges, validations,
 * conditional formats, print setup and workbook-wide names, but drops charts, pictures, pivot
 * tables, macros, external links and form controls, and makes sheet-scoped names workbook-wide
 * (two sheets' 总分 would become one broken name). A workbook holding any of these is refused
 * with the list, never written with them missing: the user can move the table to a workbook of
 * its own.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { SheetPlan } from "../sheets/plan";
import { encodeKeptText } from "./keep-text";
import { quotePrintNames } from "./print-names";
import { writeHonestAppProperties } from "./app-properties";
import { joinValidations } from "./validation-ranges";
import { PlanError, writeSheet, type WrittenWorkbook } from "./writer";

/** Parts exceljs would drop, by path inside the zip, with what the user calls them. */
const UNKEPT_PARTS: readonly { pattern: RegExp; zh: string; en: string }[] = [
  { pattern: /^xl\/charts\//, zh: "图表", en: "charts" },
  { pattern: /^xl\/(?:media|drawings)\//, zh: "图片或形状", en: "pictures or shapes" },
  { pattern: /^xl\/pivot(?:Tables|Cache)\//, zh: "数据透视表", en: "pivot tables" },
  { pattern: /^xl\/vbaProject\.bin$/, zh: "宏", en: "macros" },
  { pattern: /^xl\/externalLinks\//, zh: "外部链接", en: "external links" },
  { pattern: /^xl\/(?:slicers|slicerCaches|timelines|ctrlProps|activeX|embeddings)\//, zh: "切片器、控件或嵌入对象", en: "slicers, controls or embedded objects" },
];

/** The workbook holds something the rewrite would lose; `what` lists it in both languages. */
export class WouldLoseContent extends Error {
  constructor(readonly what: { zh: string[]; en: string[] }) {
    super(`the workbook has ${what.en.join(", ")}, which would be lost`);
  }
}

/** Throws WouldLoseContent when the workbook has parts or names a rewrite would not keep. */
async function checkKeepsEverything(bytes: Uint8Array): Promise<void> {
  const zip = await JSZip.loadAsync(bytes);
  const paths = Object.keys(zip.files);
  const found = UNKEPT_PARTS.filter((p) => paths.some((path) => p.pattern.test(path)));
  const workbook = await zip.file("xl/workbook.xml")?.async("string");
  // A name with localSheetId belongs to one sheet; Excel's own (_xlnm.Print_Titles …) are kept per sheet by exceljs.
  const scoped = [...(workbook ?? "").matchAll(/<definedName\b[^>]*>/g)].some((m) => /localSheetId=/.test(m[0]) && !/name="_xlnm\./.test(m[0]));
  const what = [...found, ...(scoped ? [{ zh: "工作表级名称", en: "sheet-level defined names" }] : [])];
  if (what.length > 0) throw new WouldLoseContent({ zh: what.map((w) => w.zh), en: what.map((w) => w.en) });
}

/** exceljs orders sheets by this field (its typings leave it out); a new sheet gets the last place. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

/** The workbook with the named sheet replaced by the plan, in the same place and under the same name. */
export async function replaceSheet(bytes: Uint8Array, sheetName: string, plan: SheetPlan): Promise<WrittenWorkbook> {
  if (plan.names.length > 0) throw new PlanError(`${plan.name}: a plan with defined names cannot replace a sheet (their scope would be lost)`);
  await checkKeepsEverything(bytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const old = workbook.getWorksheet(sheetName);
  if (!old) throw new RangeError(`the workbook has no sheet named ${sheetName}`);
  const { orderNo } = old as Ordered;
  workbook.removeWorksheet(old.id);
  const sheet = workbook.addWorksheet(sheetName);
  (sheet as Ordered).orderNo = orderNo;
  await writeSheet(sheet, plan);
  // exceljs read the other sheets' validations cell by cell; written back its way they could overlap.
  for (const other of workbook.worksheets) if (other !== sheet) joinValidations(other);
  // Their text as it was in the file: exceljs decoded its _xHHHH_ escapes and would write them raw.
  for (const other of workbook.worksheets) if (other !== sheet) encodeKeptText(other);
  // Ask the spreadsheet to calculate everything on open: the other sheets may refer to the new one.
  workbook.calcProperties.fullCalcOnLoad = true;
  writeHonestAppProperties(workbook);
  return { bytes: await quotePrintNames(Buffer.from(await workbook.xlsx.writeBuffer())), sheetNames: workbook.worksheets.map((w) => w.name) };
}
