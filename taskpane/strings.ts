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
  tabs: { templates: string; check: string; merge: string; export: string; functions: string };
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
  /** The download button's accessible name: which sheet it downloads. */
  downloadName: (title: string) => string;
  /** The accessible names of a number field's step buttons (Fluent's default is English). */
  increment: (field: string) => string;
  decrement: (field: string) => string;
  working: string;
  /** A tab's code still loading (each tab but the first is loaded when first opened). */
  loading: string;
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
    title: string;
    intro: string;
    run: string;
    running: string;
    found: (n: number) => string;
    select: (address: string, message: string) => string;
    /** The problems of a sheet of a picked file (nothing to select outside Excel). */
    foundInFile: (n: number) => string;
    /** Outside Excel: the check of a picked workbook. */
    fileIntro: string;
    pickFile: string;
    fileInput: string;
    reading: string;
    /** A picked file the reading gate refuses, with the reason. */
    fileRefused: (file: string, reason: string) => string;
    /**
     * A sheet of the picked file with no spreadsheet's results: as Assessbook wrote it (its stored
     * results are Assessbook's own), or never opened and saved in a spreadsheet. Said as extract says it.
     */
    notCalculated: string;
    /** The picked file's name and how many sheets Assessbook built were checked. */
    fileIs: (file: string, sheets: number) => string;
    /** The sheets of the picked file Assessbook did not build: not checked. */
    otherSheets: (names: string[]) => string;
  };
  functions: {
    title: string;
    intro: string;
    /** The example as three parts: text before the formula, the formula, text after it. */
    example: (formula: string, result: string) => [string, string, string];
    insert: string;
    insertName: (id: string) => string;
    needsExcel: string;
    inserted: (formula: string, address: string) => string;
  };
  merge: MergeStrings;
  export: ExportStrings;
  templateImport: ImportStrings;
  close: string;
}

/** 导入模板: a template file (JSON) loaded into the catalogue, and in Excel stored in the workbook. */
export interface ImportStrings {
  title: string;
  intro: string;
  pick: string;
  fileInput: string;
  reading: string;
  /** The file's problems, each with its JSON path. */
  problems: (file: string, n: number) => string;
  loaded: (file: string, n: number) => string;
  /** In Excel: stored in the workbook too. */
  stored: string;
  /** In Excel: loaded, but the workbook could not store it. */
  notStored: (cause: string) => string;
  kinds: Record<"rubric" | "scheme" | "kpi-set" | "summary" | "form", string>;
  /** kind · id · version */
  identity: (kind: string, id: string, version: number) => string;
  sheets: string;
  /** The loaded templates (not built in), each with a remove button. */
  loadedList: string;
  none: string;
  remove: string;
  removeName: (id: string) => string;
  removed: (id: string) => string;
  /** On opening a workbook in Excel: the templates it stores, loaded. */
  fromWorkbook: (ids: string[]) => string;
  /** A template the workbook stores that was not taken, with why. */
  refusedFromWorkbook: string;
}

/** The 导出 (export) tab: a summary table or form as Word, or printed from the print view (ruling F3). */
export interface ExportStrings {
  title: string;
  intro: string;
  /** Inside Excel: what the buttons act on. */
  activeHint: string;
  pickFile: string;
  fileInput: string;
  reading: string;
  sheet: string;
  /** The picked workbook's name and how many sheets export. */
  fileIs: (file: string, sheets: number) => string;
  refused: (file: string, reason: string) => string;
  notExportable: string;
  word: string;
  print: string;
  printNow: string;
  printTitle: (title: string) => string;
  printHint: string;
  working: string;
  downloaded: (file: string) => string;
}

/** The 合并 (merge) tab: recommendation summaries consolidated from many submitted workbooks. */
export interface MergeStrings {
  title: string;
  intro: string;
  template: string;
  recommender: string;
  target: string;
  targetHint: string;
  pickTarget: string;
  targetInput: string;
  clearTarget: string;
  /** The target table the rows are appended to: its file (or this workbook), sheet and row count. */
  targetIs: (file: string, sheet: string, rows: number) => string;
  targetRules: string;
  targetNoSummary: string;
  targetRefused: (file: string, reason: string) => string;
  activeSheet: (sheet: string, rows: number) => string;
  /** The active sheet (its name when Assessbook built it) is not a summary table. */
  activeNotSummary: (sheet: string | null) => string;
  activeNone: string;
  rereadActive: string;
  pickFiles: string;
  filesInput: string;
  chosen: (n: number) => string;
  reading: string;
  progress: (done: number, total: number) => string;
  previewTitle: string;
  counts: (add: number, existing: number, problems: number, duplicates: number, refused: number) => string;
  rowsLabel: string;
  serial: string;
  audit: string;
  status: string;
  includeColumn: string;
  include: (audit: string) => string;
  existing: string;
  invalid: string;
  kept: string;
  duplicate: string;
  noRows: string;
  problems: (n: number) => string;
  warning: string;
  error: string;
  /** file › sheet › cell */
  where: (file: string, sheet: string, cell?: string) => string;
  line: (where: string, message: string) => string;
  duplicates: (n: number) => string;
  duplicateBy: Record<"uscc" | "name", string>;
  duplicateGroup: (enterprise: string, by: string, members: string[]) => string;
  /** The names of a duplicate group that are equal only once normalised, invisible characters as escapes. */
  variants: (spellings: string[]) => string;
  onePerYear: (n: number) => string;
  overLimit: string;
  skipped: (n: number) => string;
  refused: (n: number) => string;
  write: (rows: number, existing: number) => string;
  writing: string;
  nothingToWrite: string;
  needsNewerExcel: string;
  inserted: (sheet: string, rows: number) => string;
  downloaded: (file: string, rows: number) => string;
  mergedFile: (base: string) => string;
  wouldLose: (what: string[]) => string;
}

export const STRINGS: Record<Lang, UiStrings> = {
  zh: {
    appTitle: "Assessbook 智能制造评估",
    language: "语言",
    languageNames: { zh: "中文", en: "English" },
    tabs: { templates: "模板", check: "检查", merge: "合并", export: "导出", functions: "函数" },
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
    downloadName: (title) => `下载 .xlsx：${title}`,
    increment: (field) => `${field}：增加`,
    decrement: (field) => `${field}：减少`,
    working: "正在生成…",
    loading: "正在加载…",
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
      title: "检查填报",
      intro: "检查当前工作表：读回 Assessbook 生成的工作表的填报，逐格核对公式结果与计算核心是否一致。",
      run: "检查当前工作表",
      running: "正在检查…",
      found: (n) => `发现 ${n} 个问题；选择一项可定位到该单元格`,
      select: (address, message) => `定位到 ${address}：${message}`,
      foundInFile: (n) => `发现 ${n} 个问题`,
      fileIntro: "检查工作簿：选择已填写的 .xlsx 文件，读回其中 Assessbook 生成的各工作表，逐格核对公式结果与计算核心是否一致，并列出有问题的单元格。",
      pickFile: "选择要检查的工作簿…",
      fileInput: "要检查的工作簿（.xlsx）",
      reading: "正在读取并检查…",
      fileRefused: (file, reason) => `${file}：${reason}`,
      notCalculated: "尚未经电子表格计算（文件中没有公式结果，或只有 Assessbook 写入时算出的结果），无法核对结果；请用 Excel、WPS 或 LibreOffice 打开并保存后再检查",
      fileIs: (file, sheets) => `${file}：检查了 ${sheets} 张 Assessbook 生成的工作表`,
      otherSheets: (names) => `不是 Assessbook 生成的工作表，未检查：${names.join("、")}`,
    },
    functions: {
      title: "自定义函数",
      intro: "在单元格中输入 =ASSESS. 开头的函数。答案区域每行一家企业，各列按输入编号的顺序排列。",
      example: (formula, result) => ["示例：", formula, ` → 结果：${result}`],
      insert: "插入到所选单元格",
      insertName: (id) => `将 ${id} 示例插入到所选单元格`,
      needsExcel: "需要在 Excel 中使用",
      inserted: (formula, address) => `已在 ${address} 写入 ${formula}`,
    },
    merge: {
      title: "合并推荐汇总表",
      intro: "选择各单位报送的 .xlsx 文件，读取 Assessbook 生成的汇总表和申报书，逐行校验，确认后按优先顺序写入一张汇总表，并在来源列记录每行出处。",
      template: "汇总表",
      recommender: "推荐单位类别",
      target: "目标汇总表（可选）",
      targetHint: "已有汇总表时选择它的工作簿：其中的行排在最前，合并结果替换该表后下载。",
      pickTarget: "选择目标工作簿…",
      targetInput: "目标工作簿（.xlsx）",
      clearTarget: "不使用目标",
      targetIs: (file, sheet, rows) => `追加到 ${file} › ${sheet}（已有 ${rows} 行）`,
      targetRules: "汇总表和推荐单位类别取自目标表。",
      targetNoSummary: "目标工作簿中没有 Assessbook 生成的推荐汇总表",
      targetRefused: (file, reason) => `${file}：${reason}`,
      activeSheet: (sheet, rows) => `追加到当前工作表“${sheet}”（已有 ${rows} 行）`,
      activeNotSummary: (sheet) => `当前工作表${sheet === null ? "" : `“${sheet}”`}不是 Assessbook 生成的推荐汇总表：合并结果将插入为新工作表。`,
      activeNone: "尚未读取当前工作表。",
      rereadActive: "重新读取当前工作表",
      pickFiles: "选择要合并的文件…",
      filesInput: "要合并的文件（.xlsx，可多选）",
      chosen: (n) => `已选择 ${n} 个文件`,
      reading: "正在读取…",
      progress: (done, total) => `已读取 ${done} / ${total} 个文件`,
      previewTitle: "合并预览",
      counts: (add, existing, problems, duplicates, refused) =>
        `新增 ${add} 行${existing > 0 ? `（另有已有 ${existing} 行）` : ""}；问题 ${problems} 个；重复 ${duplicates} 组；无法读取的文件 ${refused} 个`,
      rowsLabel: "合并后的行（按优先顺序）",
      serial: "序号",
      audit: "来源",
      status: "状态",
      includeColumn: "写入",
      include: (audit) => `写入 ${audit}`,
      existing: "已有",
      invalid: "有错误，不写入",
      kept: "有错误，保留",
      duplicate: "重复",
      noRows: "所选文件中没有可合并的行。",
      problems: (n) => `问题（${n}）`,
      warning: "提示",
      error: "错误",
      where: (file, sheet, cell) => [file, sheet, cell].filter(Boolean).join(" › "),
      line: (where, message) => `${where}：${message}`,
      duplicates: (n) => `重复（${n} 组）`,
      duplicateBy: { uscc: "统一社会信用代码相同", name: "企业名称相同" },
      duplicateGroup: (enterprise, by, members) => `${enterprise}（${by}）：${members.join("；")}`,
      variants: (spellings) => `名称写法不同，仅在规范化后相同：${spellings.map((s) => `“${s}”`).join(" ")}`,
      onePerYear: (n) => `一年只能申报一项（第十三条，${n} 家企业）`,
      overLimit: "超过推荐上限",
      skipped: (n) => `未合并的工作表（${n}）`,
      refused: (n) => `无法读取的文件（${n}）`,
      write: (rows, existing) => `写入 ${rows} 行${existing > 0 ? `（含已有 ${existing} 行）` : ""}`,
      writing: "正在写入…",
      nothingToWrite: "没有要新增的行：请勾选要写入的行。",
      needsNewerExcel: "此版本的 Excel 无法插入工作表，合并结果无法写入。",
      inserted: (sheet, rows) => `已写入 ${rows} 行到新工作表“${sheet}”`,
      downloaded: (file, rows) => `已写入 ${rows} 行，已下载 ${file}`,
      mergedFile: (base) => `${base}-合并.xlsx`,
      wouldLose: (what) => `目标工作簿中有${what.join("、")}，重写时会丢失，因此未写入任何内容。请把汇总表移到单独的工作簿后再合并。`,
    },
    export: {
      title: "导出 Word 或打印",
      intro: "把推荐汇总表或申报表（申报书、申报表、验收表）导出为官方版式的 Word 文档，或打开打印视图，用浏览器打印或另存为 PDF。空行和示例行不导出。",
      activeHint: "导出当前工作表：请先切换到 Assessbook 生成的推荐汇总表或申报表。",
      pickFile: "选择工作簿…",
      fileInput: "选择要导出的 .xlsx 工作簿",
      reading: "正在读取…",
      sheet: "工作表",
      fileIs: (file, sheets) => `${file}：${sheets} 张可导出的表`,
      refused: (file, reason) => `${file}：${reason}`,
      notExportable: "当前工作表不是 Assessbook 生成的推荐汇总表或申报表，不能导出。",
      word: "下载 Word",
      print: "打印视图",
      printNow: "打印 / 另存为 PDF",
      printTitle: (title) => `${title} 打印视图`,
      printHint: "在打印对话框中选择“另存为 PDF”即可得到 PDF；纸张 A4，页边距已按公文格式设置。",
      working: "正在生成…",
      downloaded: (file) => `已下载 ${file}`,
    },
    templateImport: {
      title: "导入模板",
      intro: "导入地方或新年度的评分表、认定条件等模板文件（JSON），导入后即可生成工作表、使用自定义函数；在 Excel 中模板同时保存在当前工作簿内，他人打开该工作簿时也能使用。",
      pick: "导入模板",
      fileInput: "选择模板文件（.json）",
      reading: "正在读取…",
      problems: (file, n) => `${file} 有 ${n} 处问题，未导入：`,
      loaded: (file, n) => `已从 ${file} 导入 ${n} 个模板`,
      stored: "模板已保存到当前工作簿。",
      notStored: (cause) => `模板已导入，但未能保存到工作簿：${cause}`,
      kinds: { rubric: "评分表", scheme: "认定方案", "kpi-set": "绩效指标", summary: "推荐汇总表", form: "表单" },
      identity: (kind, id, version) => `${kind} · ${id} · 第 ${version} 版`,
      sheets: "生成的工作表：",
      loadedList: "已导入的模板",
      none: "尚未导入模板。",
      remove: "移除",
      removeName: (id) => `移除模板 ${id}`,
      removed: (id) => `已移除模板 ${id}`,
      fromWorkbook: (ids) => `已加载当前工作簿保存的模板：${ids.join("、")}`,
      refusedFromWorkbook: "工作簿保存的模板未加载",
    },
    close: "关闭",
  },
  en: {
    appTitle: "Assessbook smart-manufacturing assessment",
    language: "Language",
    languageNames: { zh: "中文", en: "English" },
    tabs: { templates: "Templates", check: "Check", merge: "Merge", export: "Export", functions: "Functions" },
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
    downloadName: (title) => `Download .xlsx: ${title}`,
    increment: (field) => `Increase ${field}`,
    decrement: (field) => `Decrease ${field}`,
    working: "Building…",
    loading: "Loading…",
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
      title: "Check the answers",
      intro: "Check the active sheet: reads back an Assessbook sheet's answers and compares every computed cell with the engine.",
      run: "Check the active sheet",
      running: "Checking…",
      found: (n) => `${n} problem${n === 1 ? "" : "s"}; choose one to select its cell`,
      select: (address, message) => `Select ${address}: ${message}`,
      foundInFile: (n) => `${n} problem${n === 1 ? "" : "s"}`,
      fileIntro: "Check a workbook: choose a filled .xlsx file. Every sheet Assessbook built in it is read back, every computed cell compared with the engine, and each cell with a problem listed.",
      pickFile: "Choose the workbook to check…",
      fileInput: "Workbook to check (.xlsx)",
      reading: "Reading and checking…",
      fileRefused: (file, reason) => `${file}: ${reason}`,
      notCalculated: "not calculated by a spreadsheet yet (the file holds no formula results, or only those Assessbook computed when writing it), so no result can be compared; open and save it in Excel, WPS or LibreOffice, then check again",
      fileIs: (file, sheets) => `${file}: ${sheets} sheet${sheets === 1 ? "" : "s"} built by Assessbook checked`,
      otherSheets: (names) => `Not built by Assessbook, not checked: ${names.join(", ")}`,
    },
    functions: {
      title: "Custom functions",
      intro: "Type a formula starting with =ASSESS. in a cell. Answer ranges hold one enterprise per row, answers in input-code order.",
      example: (formula, result) => ["Example: ", formula, ` → ${result}`],
      insert: "Insert into the selected cell",
      insertName: (id) => `Insert the ${id} example into the selected cell`,
      needsExcel: "Needs Excel",
      inserted: (formula, address) => `Wrote ${formula} into ${address}`,
    },
    merge: {
      title: "Merge recommendation summaries",
      intro: "Choose the .xlsx files the units submitted. Assessbook's summary tables and application forms are read and every row checked; once you confirm, the rows go into one summary table in priority order, each with its source in the audit column.",
      template: "Summary table",
      recommender: "Recommender",
      target: "Target summary (optional)",
      targetHint: "Choose the workbook of an existing summary: its rows come first, and the merged table replaces it in the download.",
      pickTarget: "Choose the target workbook…",
      targetInput: "Target workbook (.xlsx)",
      clearTarget: "No target",
      targetIs: (file, sheet, rows) => `Append to ${file} › ${sheet} (${rows} row${rows === 1 ? "" : "s"} already)`,
      targetRules: "The summary table and recommender are the target's.",
      targetNoSummary: "the target workbook has no recommendation summary Assessbook built",
      targetRefused: (file, reason) => `${file}: ${reason}`,
      activeSheet: (sheet, rows) => `Append to the active sheet "${sheet}" (${rows} row${rows === 1 ? "" : "s"} already)`,
      activeNotSummary: (sheet) => `The active sheet${sheet === null ? "" : ` "${sheet}"`} is not a recommendation summary Assessbook built: the merged table is inserted as a new sheet.`,
      activeNone: "The active sheet has not been read yet.",
      rereadActive: "Read the active sheet again",
      pickFiles: "Choose the files to merge…",
      filesInput: "Files to merge (.xlsx, several at once)",
      chosen: (n) => `${n} file${n === 1 ? "" : "s"} chosen`,
      reading: "Reading…",
      progress: (done, total) => `Read ${done} / ${total} files`,
      previewTitle: "Merge preview",
      counts: (add, existing, problems, duplicates, refused) =>
        `${add} row${add === 1 ? "" : "s"} to add${existing > 0 ? ` (besides ${existing} already there)` : ""}; ${problems} problem${problems === 1 ? "" : "s"}; ${duplicates} duplicate group${duplicates === 1 ? "" : "s"}; ${refused} unreadable file${refused === 1 ? "" : "s"}`,
      rowsLabel: "The merged rows (in priority order)",
      serial: "No.",
      audit: "Source",
      status: "Status",
      includeColumn: "Write",
      include: (audit) => `Write ${audit}`,
      existing: "Already there",
      invalid: "Errors; left out",
      kept: "Errors; kept",
      duplicate: "Duplicate",
      noRows: "The chosen files hold no rows to merge.",
      problems: (n) => `Problems (${n})`,
      warning: "Warning",
      error: "Error",
      where: (file, sheet, cell) => [file, sheet, cell].filter(Boolean).join(" › "),
      line: (where, message) => `${where}: ${message}`,
      duplicates: (n) => `Duplicates (${n} group${n === 1 ? "" : "s"})`,
      duplicateBy: { uscc: "same unified social credit code", name: "same enterprise name" },
      duplicateGroup: (enterprise, by, members) => `${enterprise} (${by}): ${members.join("; ")}`,
      variants: (spellings) => `names written differently, equal only once normalised: ${spellings.map((s) => `"${s}"`).join(" ")}`,
      onePerYear: (n) => `One application per year (第十三条, ${n} enterprise${n === 1 ? "" : "s"})`,
      overLimit: "Over the recommender's limit",
      skipped: (n) => `Sheets not merged (${n})`,
      refused: (n) => `Unreadable files (${n})`,
      write: (rows, existing) => `Write ${rows} row${rows === 1 ? "" : "s"}${existing > 0 ? ` (${existing} already there)` : ""}`,
      writing: "Writing…",
      nothingToWrite: "No rows to add: tick the rows to write.",
      needsNewerExcel: "This Excel cannot insert sheets, so the merged table cannot be written.",
      inserted: (sheet, rows) => `Wrote ${rows} row${rows === 1 ? "" : "s"} to the new sheet "${sheet}"`,
      downloaded: (file, rows) => `Wrote ${rows} row${rows === 1 ? "" : "s"}; downloaded ${file}`,
      mergedFile: (base) => `${base}-merged.xlsx`,
      wouldLose: (what) => `the target workbook has ${what.join(", ")}, which rewriting it would lose, so nothing was written. Move the summary table to a workbook of its own and merge again.`,
    },
    export: {
      title: "Export to Word or print",
      intro: "Export a recommendation summary table or a form (application, acceptance form) as a Word document in the official layout, or open the print view and print or save it as PDF from the browser. Blank rows and the example row are left out.",
      activeHint: "Exports the active sheet: first switch to a summary table or form Assessbook built.",
      pickFile: "Choose a workbook…",
      fileInput: "Choose the .xlsx workbook to export",
      reading: "Reading…",
      sheet: "Sheet",
      fileIs: (file, sheets) => `${file}: ${sheets} sheet${sheets === 1 ? "" : "s"} to export`,
      refused: (file, reason) => `${file}: ${reason}`,
      notExportable: "The active sheet is not a summary table or form built by Assessbook, so it cannot be exported.",
      word: "Download Word",
      print: "Print view",
      printNow: "Print / save as PDF",
      printTitle: (title) => `${title}, print view`,
      printHint: "Choose “Save as PDF” in the print dialog for a PDF; the page is A4 with the official margins.",
      working: "Working…",
      downloaded: (file) => `Downloaded ${file}`,
    },
    templateImport: {
      title: "Import template",
      intro: "Import a template file (JSON) for a local or new scoring table, tier scheme or form: its sheets and custom functions work at once. In Excel the template is stored in the open workbook too, so whoever opens it with the add-in has it.",
      pick: "Import template",
      fileInput: "Choose a template file (.json)",
      reading: "Reading…",
      problems: (file, n) => `${file} has ${n} problem${n === 1 ? "" : "s"}; nothing was imported:`,
      loaded: (file, n) => `Imported ${n} template${n === 1 ? "" : "s"} from ${file}`,
      stored: "The template is stored in the open workbook.",
      notStored: (cause) => `The template is imported, but the workbook could not store it: ${cause}`,
      kinds: { rubric: "Rubric", scheme: "Tier scheme", "kpi-set": "KPI set", summary: "Summary table", form: "Form" },
      identity: (kind, id, version) => `${kind} · ${id} · version ${version}`,
      sheets: "Sheets it makes:",
      loadedList: "Imported templates",
      none: "No template imported yet.",
      remove: "Remove",
      removeName: (id) => `Remove template ${id}`,
      removed: (id) => `Template ${id} removed`,
      fromWorkbook: (ids) => `Loaded the templates the open workbook stores: ${ids.join(", ")}`,
      refusedFromWorkbook: "Templates the workbook stores that were not loaded",
    },
    close: "Close",
  },
};
