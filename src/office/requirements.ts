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
    version: "1.5",
    uses: ["Workbook.customXmlParts (template-store.ts: imported templates stored in the workbook)"],
    feature: { zh: "在工作簿中保存导入的模板", en: "storing imported templates in the workbook" },
  },
  {
    set: "ExcelApi",
    version: "1.6",
    uses: ["Application.suspendApiCalculationUntilNextSync", "Worksheet.calculate", "ConditionalFormatCollection.add(Custom)"],
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
    uses: ["Worksheet.pageLayout (A4/A3, orientation, fit to width, print titles, margins, black and white, headersFooters)", "Worksheet.horizontalPageBreaks"],
    feature: { zh: "打印设置（A4、方向、缩放到一页宽、打印标题、页脚）", en: "print setup (A4, orientation, fit to one page wide, print titles, footer)" },
  },
];

/**
 * The newest set needed. The manifest does not require it (the custom functions work on an older
 * Excel): the task pane checks it at run time, before offering to insert sheets.
 */
export const MINIMUM = { set: "ExcelApi", version: "1.9" } as const;

/**
 * Where the add-in runs, and where everyone else goes. The manifest asks for SharedRuntime 1.1
 * and CustomFunctionsRuntime 1.2, which Microsoft 365, Office 2021 and later, Excel on the web
 * and Excel on Mac have; Excel 2016/2019, WPS and LibreOffice open the .xlsx files instead
 * (built on the standalone page or by the command line), whose native formulas work there.
 */
export const SUPPORTED: Text = {
  zh: "本加载项需要 Microsoft 365、Office 2021 或更新版本、Excel 网页版或 Mac 版 Excel。使用 Excel 2016/2019、WPS 或 LibreOffice 的用户，请在浏览器中打开本页面（或用 assessbook 命令行）生成 .xlsx 文件，再用原来的软件打开。",
  en: "The add-in needs Microsoft 365, Office 2021 or later, Excel on the web or Excel on Mac. With Excel 2016/2019, WPS or LibreOffice, open this page in a browser (or use the assessbook command line) to build the .xlsx file, then open it there.",
};

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
      zh: `此版本的 Excel 过旧，缺少 ${sets}，无法插入工作表（不支持：${missing.map((r) => r.feature.zh).join("；")}）。${SUPPORTED.zh}`,
      en: `This Excel is too old: it lacks ${sets}, so the sheets cannot be inserted (missing: ${missing.map((r) => r.feature.en).join("; ")}). ${SUPPORTED.en}`,
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
