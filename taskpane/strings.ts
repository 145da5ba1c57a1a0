/**
 * The one source of the task pane's words, Chinese first, English beside it. Function
 * descriptions come from functions/strings.ts and sheet titles, parameters and sources from
 * the templates; this file holds only the words of the page itself.
 */
import type { SheetTemplate } from "../src/sheets/registry";

export type Lang = "zh" | "en";

export interface UiStrings {
  appTitle: string;
  language: string;
  languageNames: Record<Lang, string>;
  tabs: { templates: string; check: string; functions: string };
  tabsLabel: string;
  roles: Record<SheetTemplate["role"], string>;
  roleHint: Record<SheetTemplate["role"], string>;
  source: (where: string) => string;
  failure: (title: string, cause: string) => string;
  preview: (title: string) => string;
  previewNote: (rows: number, cols: number, totalRows: number, totalCols: number) => string;
  formulaMarker: string;
  formulaTitle: (formula: string) => string;
  parameters: string;
  noParameters: string;
  insert: string;
  openNew: string;
  download: string;
  working: string;
  inserted: (sheets: string[]) => string;
  opened: string;
  downloaded: (file: string) => string;
  failed: string;
  fixParams: string;
  listSeparator: string;
  renderFailed: string;
  outsideExcel: string;
  excelTooOld: (missing: string[]) => string;
  check: {
    intro: string;
    run: string;
    running: string;
    found: (n: number) => string;
    select: (address: string, message: string) => string;
    needsExcel: string;
  };
  functions: {
    intro: string;
    /** The example as three parts: text before the formula, the formula, text after it. */
    example: (formula: string, result: string) => [string, string, string];
    insert: string;
    insertName: (id: string) => string;
    needsExcel: string;
    inserted: (formula: string, address: string) => string;
  };
  close: string;
}

export const STRINGS: Record<Lang, UiStrings> = {
  zh: {
    appTitle: "Assessbook 智能制造评估",
    language: "语言",
    languageNames: { zh: "中文", en: "English" },
    tabs: { templates: "模板", check: "检查", functions: "函数" },
    tabsLabel: "任务窗格功能",
    roles: { clerk: "经办人", expert: "评审专家", enterprise: "企业" },
    roleHint: {
      clerk: "经信局、工信局经办人：推荐汇总表与批量评分表",
      expert: "评审专家：按官方认定标准评分，可多人组成专家组",
      enterprise: "企业：认定条件自评、关键绩效指标跟踪与申报表",
    },
    source: (where) => `依据：${where}`,
    failure: (title, cause) => `${title}：${cause}`,
    preview: (title) => `${title} 预览`,
    previewNote: (rows, cols, totalRows, totalCols) => `预览前 ${rows} 行 × ${cols} 列（共 ${totalRows} 行 × ${totalCols} 列）；ƒx 表示公式`,
    formulaMarker: "ƒx",
    formulaTitle: (formula) => `公式：=${formula}`,
    parameters: "参数",
    noParameters: "本表无参数",
    insert: "插入到当前工作簿",
    openNew: "新建工作簿打开",
    download: "下载 .xlsx",
    working: "正在生成…",
    inserted: (sheets) => `已插入工作表：${sheets.join("、")}`,
    opened: "已在新工作簿中打开",
    downloaded: (file) => `已下载 ${file}`,
    failed: "未能完成",
    fixParams: "请先改正参数",
    listSeparator: "；",
    renderFailed: "无法按这些参数生成工作表",
    outsideExcel: "未在 Excel 中打开：可下载 .xlsx 文件，用 Excel、WPS 或 LibreOffice 打开。",
    excelTooOld: (missing) => `此版本的 Excel 太旧，无法插入工作表（需要 ${missing.join("、")}）。请更新 Excel，或用“新建工作簿打开”。`,
    check: {
      intro: "检查当前工作表：读回 Assessbook 生成的工作表的填报，逐格核对公式结果与计算核心是否一致。",
      run: "检查当前工作表",
      running: "正在检查…",
      found: (n) => `发现 ${n} 个问题；选择一项可定位到该单元格`,
      select: (address, message) => `定位到 ${address}：${message}`,
      needsExcel: "检查需要在 Excel 中打开本加载项：它读取当前工作表并定位有问题的单元格。",
    },
    functions: {
      intro: "在单元格中输入 =ASSESS. 开头的函数。答案区域每行一家企业，各列按输入编号的顺序排列。",
      example: (formula, result) => ["示例：", formula, ` → 结果：${result}`],
      insert: "插入到所选单元格",
      insertName: (id) => `将 ${id} 示例插入到所选单元格`,
      needsExcel: "需要在 Excel 中使用",
      inserted: (formula, address) => `已在 ${address} 写入 ${formula}`,
    },
    close: "关闭",
  },
  en: {
    appTitle: "Assessbook smart-manufacturing assessment",
    language: "Language",
    languageNames: { zh: "中文", en: "English" },
    tabs: { templates: "Templates", check: "Check", functions: "Functions" },
    tabsLabel: "Task pane sections",
    roles: { clerk: "Clerk", expert: "Expert reviewer", enterprise: "Enterprise" },
    roleHint: {
      clerk: "Bureau clerks: recommendation summary tables and batch scoring sheets",
      expert: "Expert reviewers: score on the official tables, alone or as a panel",
      enterprise: "Enterprises: tier self-checks, KPI tracking and application forms",
    },
    source: (where) => `Source: ${where}`,
    failure: (title, cause) => `${title}: ${cause}`,
    preview: (title) => `Preview of ${title}`,
    previewNote: (rows, cols, totalRows, totalCols) => `First ${rows} rows × ${cols} columns of ${totalRows} × ${totalCols}; ƒx marks a formula`,
    formulaMarker: "ƒx",
    formulaTitle: (formula) => `Formula: =${formula}`,
    parameters: "Parameters",
    noParameters: "No parameters",
    insert: "Insert into this workbook",
    openNew: "Open as a new workbook",
    download: "Download .xlsx",
    working: "Building…",
    inserted: (sheets) => `Inserted: ${sheets.join(", ")}`,
    opened: "Opened in a new workbook",
    downloaded: (file) => `Downloaded ${file}`,
    failed: "Could not finish",
    fixParams: "Correct the parameters first",
    listSeparator: "; ",
    renderFailed: "The sheet cannot be built with these parameters",
    outsideExcel: "Not opened in Excel: download the .xlsx and open it in Excel, WPS or LibreOffice.",
    excelTooOld: (missing) => `This Excel is too old to insert sheets (it needs ${missing.join(", ")}). Update Excel, or use "Open as a new workbook".`,
    check: {
      intro: "Check the active sheet: reads back an Assessbook sheet's answers and compares every computed cell with the engine.",
      run: "Check the active sheet",
      running: "Checking…",
      found: (n) => `${n} problem${n === 1 ? "" : "s"}; choose one to select its cell`,
      select: (address, message) => `Select ${address}: ${message}`,
      needsExcel: "Checking needs the add-in opened in Excel: it reads the active sheet and selects the cells with problems.",
    },
    functions: {
      intro: "Type a formula starting with =ASSESS. in a cell. Answer ranges hold one enterprise per row, answers in input-code order.",
      example: (formula, result) => ["Example: ", formula, ` → ${result}`],
      insert: "Insert into the selected cell",
      insertName: (id) => `Insert the ${id} example into the selected cell`,
      needsExcel: "Needs Excel",
      inserted: (formula, address) => `Wrote ${formula} into ${address}`,
    },
    close: "Close",
  },
};
