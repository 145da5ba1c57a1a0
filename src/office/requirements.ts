/**
 * The Excel JavaScript API requirement sets the task pane needs, each with what in
 * src/office needs it (the "[Api set: …]" notes of @types/office-js). Requirement sets are
 * cumulative, so ExcelApi 1.9 (Excel 2019 / Microsoft 365 desktop, Excel on the web, Excel on Mac
 * 16.x, iPad) is enough; an older Excel is told plainly which features it lacks.
 */
import type { Text } from "../../templates/schema";

export interface Requirement {
  set: "ExcelApi";
  version: string;
  /** What the writer or reader uses from it. */
  uses: string[];
  /** The feature, as the user would name it. */
  feature: Text;
}

export const REQUIREMENTS: readonly Requirement[] = [
  {
    set: "ExcelApi",
    version: "1.2",
    uses: ["Range.merge", "Range.columnHidden", "RangeFormat.columnWidth/rowHeight", "RangeFormat.protection", "WorksheetProtection.protect"],
    feature: { zh: "合并单元格、列宽行高、隐藏列与工作表保护", en: "merged cells, column widths and row heights, hidden columns and sheet protection" },
  },
  {
    set: "ExcelApi",
    version: "1.4",
    uses: ["WorksheetCollection.getItemOrNullObject", "Worksheet.getUsedRangeOrNullObject", "Worksheet.names (sheet-scoped names)"],
    feature: { zh: "工作表级名称与读取已用区域", en: "sheet-scoped names and reading the used range" },
  },
  {
    set: "ExcelApi",
    version: "1.6",
    uses: ["Application.suspendApiCalculationUntilNextSync", "ConditionalFormatCollection.add(Custom)"],
    feature: { zh: "条件格式与写入时暂停计算", en: "conditional formats and suspending calculation while writing" },
  },
  {
    set: "ExcelApi",
    version: "1.7",
    uses: ["Worksheet.freezePanes"],
    feature: { zh: "冻结窗格", en: "frozen panes" },
  },
  {
    set: "ExcelApi",
    version: "1.8",
    uses: ["Range.dataValidation"],
    feature: { zh: "数据验证（下拉列表与输入提示）", en: "data validation (dropdowns and input prompts)" },
  },
  {
    set: "ExcelApi",
    version: "1.9",
    uses: ["Worksheet.pageLayout (A4, orientation, fit to width, print titles, margins, headersFooters)"],
    feature: { zh: "打印设置（A4、方向、缩放到一页宽、打印标题、页脚）", en: "print setup (A4, orientation, fit to one page wide, print titles, footer)" },
  },
];

/**
 * The newest set needed. The manifest does not require it (the custom functions work on an older
 * Excel): the task pane checks it at run time, before offering to insert sheets.
 */
export const MINIMUM = { set: "ExcelApi", version: "1.9" } as const;

export type RequirementCheck = { ok: true } | { ok: false; missing: Requirement[]; message: Text };

/**
 * Which requirement sets this Excel lacks, and a message naming the features that would not
 * work. `isSetSupported` is Office.context.requirements.isSetSupported (bound), or a test double.
 */
export function checkRequirements(isSetSupported: (name: string, minVersion?: string) => boolean): RequirementCheck {
  const missing = REQUIREMENTS.filter((r) => !safely(() => isSetSupported(r.set, r.version)));
  if (missing.length === 0) return { ok: true };
  const sets = missing.map((r) => `${r.set} ${r.version}`).join(", ");
  return {
    ok: false,
    missing,
    message: {
      zh: `此版本的 Excel 过旧，缺少 ${sets}，无法插入工作表（不支持：${missing.map((r) => r.feature.zh).join("；")}）。请使用 Microsoft 365、Excel 2019 或更新版本、Excel 网页版，或在浏览器中生成 .xlsx 文件后打开。`,
      en: `This Excel is too old: it lacks ${sets}, so the sheets cannot be inserted (missing: ${missing.map((r) => r.feature.en).join("; ")}). Use Microsoft 365, Excel 2019 or later, or Excel on the web — or build the .xlsx file in the browser and open it.`,
    },
  };
}

/** isSetSupported throws outside Office (or before Office.onReady): treat that as not supported. */
function safely(f: () => boolean): boolean {
  try {
    return f() === true;
  } catch {
    return false;
  }
}
