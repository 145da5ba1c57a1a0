/**
 * One checked sheet as the 检查 tab lists it, whatever read the sheet: the active worksheet in
 * Excel (excel-actions.ts) or a sheet of a picked file (check-file.ts). Both check it with the
 * same code as `assessbook extract` (src/sheets/check-sheet.ts) and list the same issues
 * (src/office/read-sheet.ts sheetIssues), so a sheet shows the same findings either way.
 */
import type { Text } from "../templates/schema";
import type { SheetIssue } from "../src/office/read-sheet";
import type { SheetReport } from "../src/sheets/check-sheet";

export interface SheetProblem {
  /** The A1 address of the cell on the checked sheet, when the problem is about one cell. */
  address?: string;
  message: Text;
}

export interface SheetCheck {
  /** The checked sheet's name. */
  sheet: string;
  /** One line on the whole sheet: all well, not an Assessbook sheet, not calculated, n problems… */
  summary: Text;
  /** True when the sheet was checked and nothing is wrong. */
  clean: boolean;
  problems: SheetProblem[];
}

export function sheetCheckOf(sheet: string, report: SheetReport, issues: readonly SheetIssue[], summary: Text): SheetCheck {
  return {
    sheet,
    summary,
    clean: issues.length === 0 && (report.status === "checked" || report.status === "invalid-answers"),
    problems: issues.map((issue) => ({ ...(issue.cell ? { address: issue.cell } : {}), message: issue.message })),
  };
}
