/**
 * The task pane's only door to Excel: every call the UI makes into the workbook goes through
 * here, so the components stay testable (their tests mock this module) and the Office.js work
 * lives in src/office/ (insert, read-and-check, requirements). Inside Excel only: the UI never
 * calls these when the page runs without a host. A failure is thrown as an ActionError whose
 * cause is in both languages.
 */
import type { Text } from "../templates/schema";
import type { SheetPlan } from "../src/sheets/plan";
import type { ExcelRun, OfficeFailure } from "../src/office/insert";
import type { MarkedSheet } from "../src/merge/read-source";
import { checkRequirements as checkSets } from "../src/office/requirements";
import { ActionError } from "./action-error";
import { sheetCheckOf, type SheetCheck } from "./sheet-check";

export type { SheetCheck, SheetProblem } from "./sheet-check";

export interface InsertOutcome {
  /** The sheets the plans became, in plan order. */
  sheetNames: string[];
}

export interface Requirements {
  /** True when this Excel has every API set the task pane's writes need. */
  ok: boolean;
  /** What is missing, e.g. "ExcelApi 1.9". */
  missing: string[];
  /** Which features would not work, and what to do, when something is missing. */
  message?: Text;
}

const run: ExcelRun = (batch) => Excel.run(batch);

/**
 * The Office.js work of the writes and of the reads, each a chunk loaded on its first use: the
 * task pane's first load needs neither (only the requirements check, kept static).
 */
const writing = () => import(/* webpackChunkName: "office-insert" */ "../src/office/insert");
const reading = () => import(/* webpackChunkName: "office-read" */ "../src/office/read-sheet");

function failed(failure: OfficeFailure): ActionError {
  const office = [failure.code, failure.officeMessage].filter(Boolean).join(": ");
  return new ActionError(office ? { zh: `${failure.message.zh}（${office}）`, en: `${failure.message.en} (${office})` } : failure.message);
}

/** The API sets the writes need, checked against this Excel. */
export function checkRequirements(): Requirements {
  const checked = checkSets((name, version) => Office.context.requirements.isSetSupported(name, version));
  if (checked.ok) return { ok: true, missing: [] };
  return { ok: false, missing: checked.missing.map((r) => `${r.set} ${r.version}`), message: checked.message };
}

/** Writes the plans as new sheets of the open workbook. */
export async function insertPlans(plans: SheetPlan[]): Promise<InsertOutcome> {
  const result = await (await writing()).insertPlans(run, plans);
  if (!result.ok) throw failed(result.failure);
  return { sheetNames: result.sheets };
}

/** Reads the active sheet and checks it against the engine. */
export async function checkActiveSheet(): Promise<SheetCheck> {
  const result = await (await reading()).checkActiveSheet(run);
  if (!result.ok) throw failed(result.failure);
  return sheetCheckOf(result.sheet, result.report, result.issues, result.summary);
}

/**
 * The active sheet as the merge reads a target table: the sheet with its cells when Assessbook
 * built it (it has its marker), null for any other sheet. Whether it is a summary table is the
 * caller's question.
 */
export async function readActiveSheetForMerge(): Promise<MarkedSheet | null> {
  const result = await (await reading()).readActiveSheet(run);
  if (!result.ok) throw failed(result.failure);
  const { sheet } = result;
  return sheet.marker === null ? null : { ...sheet, marker: sheet.marker };
}

/** Shows the sheet and selects the cell. */
export async function selectCell(sheet: string, address: string): Promise<void> {
  const result = await (await reading()).selectCell(run, sheet, address);
  if (!result.ok) throw failed(result.failure);
}

/** Puts a formula into the top-left cell of the selection; returns that cell's address. */
export async function insertFormula(formula: string): Promise<string> {
  try {
    return await Excel.run(async (context) => {
      const cell = context.workbook.getSelectedRange().getCell(0, 0);
      cell.formulas = [[formula]];
      cell.load("address");
      await context.sync();
      return cell.address;
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new ActionError({ zh: `无法写入所选单元格（${message}）`, en: `could not write the selected cell (${message})` });
  }
}

/** Opens the .xlsx (base64) as a new workbook (ExcelApi 1.8). */
export async function openWorkbook(base64: string): Promise<void> {
  try {
    await Excel.createWorkbook(base64);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new ActionError({ zh: `无法新建工作簿（${message}）`, en: `could not open a new workbook (${message})` });
  }
}
