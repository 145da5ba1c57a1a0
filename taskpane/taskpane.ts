/**
 * The shared runtime's page. Loading it starts office.js (which the custom functions need in a
 * shared runtime) and tells the reader whether Excel is connected; the list of functions is
 * rendered into the HTML at build time. The full task pane comes in a later issue.
 */
Office.onReady((info) => {
  const inExcel = info.host === Office.HostType.Excel;
  show("status-zh", inExcel ? "已在 Excel 中加载：可在单元格中输入 =ASSESS. 开头的函数。" : "未在 Excel 中打开：请在 Excel 中旁加载 manifest.xml 后使用这些函数。");
  show("status-en", inExcel ? "Loaded in Excel: type a formula starting with =ASSESS. in a cell." : "Not opened in Excel: sideload manifest.xml in Excel to use these functions.");
});

function show(id: string, text: string): void {
  const element = document.getElementById(id);
  if (element) element.textContent = text;
}
