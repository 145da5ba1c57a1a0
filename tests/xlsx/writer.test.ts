/**
 * The .xlsx writer, read back with exceljs (and the raw package where exceljs forgets):
 * everything a plan says is in the file, text never turns into a formula, and each formula
 * carries the result it computes (src/sheets/calc), never one made up.
 */
import ExcelJS from "exceljs";
import { PlanBuilder } from "../../src/sheets/builder";
import { decodeMarker } from "../../src/sheets/marker";
import { STYLES } from "../../src/sheets/styles";
import { PlanError } from "../../src/xlsx/writer";
import { MARKER, internals, load, part, smallPlan, write } from "./helpers";

describe("cells", () => {
  test("text beginning with = + - @ is written as text, never as a formula", async () => {
    const texts = ["=SUM(A1:A2)", "+86 138 0013 8000", "-5%", "@所有人", "=1+1"];
    const plan = new PlanBuilder("文本", MARKER);
    texts.forEach((t, i) => plan.value(i + 1, 1, t));
    const sheet = (await load(await write([plan.build()]))).getWorksheet("文本") as ExcelJS.Worksheet;
    texts.forEach((t, i) => {
      const cell = sheet.getCell(i + 1, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(t);
    });
  });

  test("formulas are written without '=' and with the result they compute cached; numbers and booleans keep their type", async () => {
    const plan = new PlanBuilder("式", MARKER).value(1, 1, 3).value(2, 1, true).formula(3, 1, "SUM(A1,1)").formula(4, 1, 'IF(A2,"是","否")').build();
    const sheet = (await load(await write([plan]))).getWorksheet("式") as ExcelJS.Worksheet;
    expect(sheet.getCell("A1").value).toBe(3);
    expect(sheet.getCell("A2").value).toBe(true);
    expect(sheet.getCell("A3").type).toBe(ExcelJS.ValueType.Formula);
    expect(sheet.getCell("A3").formula).toBe("SUM(A1,1)");
    // Issue 10: viewers that do not calculate (Protected View, phone previews) show the cached value.
    expect(sheet.getCell("A3").result).toBe(4);
    const xml = await part(await write([plan]), "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<f>SUM\(A1,1\)<\/f><v>4<\/v><\/c>/);
    expect(xml).toMatch(/<c r="A4"[^>]* t="str"><f>IF\(A2,&quot;是&quot;,&quot;否&quot;\)<\/f><v>是<\/v><\/c>/);
  });

  test("styles: font, fill, border, alignment, number format; merges, widths, hidden columns, heights", async () => {
    const plan = new PlanBuilder("样式", MARKER)
      .merge({ top: 1, left: 1, bottom: 1, right: 3 }, "标题", STYLES.title)
      // A fill of its own: the input shade itself is a conditional format on blank inputs (PlanBuilder).
      .value(2, 1, 0.625, { ...STYLES.input, fill: "FFE2EFDA", numberFormat: "0.0%" })
      .width(1, 24)
      .width(4, 5, true)
      .height(1, 36)
      .build();
    const sheet = (await load(await write([plan]))).getWorksheet("样式") as ExcelJS.Worksheet;
    const title = sheet.getCell("A1");
    expect(title.font).toMatchObject({ name: "黑体", size: 22, bold: true });
    expect(title.alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
    expect(sheet.getCell("C1").isMerged).toBe(true);
    expect(sheet.getCell("C1").master.address).toBe("A1");
    const input = sheet.getCell("A2");
    expect(input.numFmt).toBe("0.0%");
    expect(input.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } });
    expect(input.border.left).toMatchObject({ style: "thin" });
    expect(input.border.right).toMatchObject({ style: "thin" });
    expect(sheet.getColumn(1).width).toBe(24);
    expect(sheet.getColumn(4).hidden).toBe(true);
    expect(sheet.getRow(1).height).toBe(36);
  });
});

describe("sheet features", () => {
  let sheet: ExcelJS.Worksheet;
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await write([smallPlan()]);
    sheet = (await load(bytes)).getWorksheet("表1") as ExcelJS.Worksheet;
  });

  test("protection without a password: formula and label cells locked, input cells unlocked", () => {
    expect(internals(sheet).sheetProtection).toMatchObject({ sheet: true });
    expect(internals(sheet).sheetProtection).not.toHaveProperty("hashValue");
    expect(sheet.getCell("B3").protection).toMatchObject({ locked: false });
    expect(sheet.getCell("B4").protection).toMatchObject({ locked: false });
    for (const address of ["A3", "B5"]) expect(sheet.getCell(address).protection?.locked ?? true).toBe(true);
  });

  test("data validations carry the Chinese prompt and error and stop invalid entries; blanks stay allowed", () => {
    expect(sheet.getCell("B3").dataValidation).toMatchObject({
      type: "decimal",
      operator: "between",
      formulae: [0, 1],
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "stop",
      error: "比率应在 0 到 100% 之间",
      showInputMessage: true,
      prompt: "填 0–100%",
    });
    expect(sheet.getCell("B4").dataValidation).toMatchObject({ type: "whole", formulae: [0, 1000], error: "人数应为整数" });
  });

  test("conditional formats are expression rules with a fill and a font", () => {
    const [cf] = internals(sheet).conditionalFormattings;
    expect(cf.ref).toBe("B5");
    expect(cf.rules[0]).toMatchObject({ type: "expression", formulae: ["B5>=10"], style: { fill: { bgColor: { argb: "FFC6EFCE" } }, font: { color: { argb: "FF006100" } } } });
  });

  test("print setup: A4, orientation, one page wide, margins, print titles and area, page-numbered footer", () => {
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:2", printArea: "A1:C5" });
    // GB/T 9704 turned for a landscape table (ruling F2): top 28 mm, bottom 26 mm, left 35 mm, right 37 mm.
    expect(sheet.pageSetup.margins).toMatchObject({ left: 1.378, right: 1.4567, top: 1.1024, bottom: 1.0236 });
    expect(sheet.pageSetup.blackAndWhite).toBe(true);
    expect(sheet.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
  });

  test("frozen panes above and left of the plan's cell", () => {
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2, topLeftCell: "B3" });
  });

  test("the marker is in row 1 in a hidden column right of the used area", () => {
    const used = 3; // the title merge spans A:C
    const cell = sheet.getCell(1, used + 1);
    expect(decodeMarker(cell.value)).toEqual(MARKER);
    expect(sheet.getColumn(used + 1).hidden).toBe(true);
  });

  test("defined names are scoped to their sheet", async () => {
    expect(await part(bytes, "xl/workbook.xml")).toContain(`<definedName name="总分" localSheetId="0">&apos;表1&apos;!$B$5</definedName>`);
  });

  test("the workbook asks the spreadsheet to recalculate when it opens", async () => {
    expect(await part(bytes, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });
});

describe("workbooks of several sheets", () => {
  test("a name already taken is never overwritten: the second 表1 becomes 表1 (2), and so on", async () => {
    const workbook = await load(await write([smallPlan("表1"), smallPlan("表1"), smallPlan("表1")]));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["表1", "表1 (2)", "表1 (3)"]);
  });

  test("each sheet keeps its own name for its total", async () => {
    const xml = await part(await write([smallPlan("表1"), smallPlan("表1")]), "xl/workbook.xml");
    expect(xml).toContain(`<definedName name="总分" localSheetId="0">&apos;表1&apos;!$B$5</definedName>`);
    expect(xml).toContain(`<definedName name="总分" localSheetId="1">&apos;表1 (2)&apos;!$B$5</definedName>`);
  });

  test("names are cleaned: forbidden characters replaced, at most 31 characters", async () => {
    const long = "绍兴市智能化改造认定标准表1离散型百分制专家评分汇总表第一批次";
    const workbook = await load(await write([smallPlan("a/b:c*d?[e]\\f"), smallPlan(long), smallPlan(long)]));
    const [cleaned, first, second] = workbook.worksheets.map((w) => w.name);
    expect(cleaned).toBe("a_b_c_d__e__f");
    expect(first).toBe(long.slice(0, 31));
    expect(second).toHaveLength(31);
    expect(second.endsWith(" (2)")).toBe(true);
  });
});

describe("dropdown lists", () => {
  const list = (options: string[]) =>
    new PlanBuilder("列表", MARKER)
      .input(2, 2, "x", STYLES.input)
      .validate({ kind: "list", range: { top: 2, left: 2, bottom: 4, right: 2 }, options, error: { zh: "请从列表中选择", en: "pick from the list" } })
      .build();

  test("short option lists are written inline", async () => {
    const sheet = (await load(await write([list(["是", "否"])]))).getWorksheet("列表") as ExcelJS.Worksheet;
    for (const address of ["B2", "B3", "B4"]) expect(sheet.getCell(address).dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'], error: "请从列表中选择" });
  });

  test("options with a comma, or too long to inline, go down a hidden column the list refers to", async () => {
    const options = ["营销与售后,供应链管理", "工厂建设"];
    const sheet = (await load(await write([list(options)]))).getWorksheet("列表") as ExcelJS.Worksheet;
    expect(sheet.getCell("B4").dataValidation.formulae).toEqual(["$C$1:$C$2"]);
    expect([sheet.getCell("C1").value, sheet.getCell("C2").value]).toEqual(options);
    expect(sheet.getColumn(3).hidden).toBe(true);
    expect(decodeMarker(sheet.getCell("D1").value)).toEqual(MARKER);
  });
});

describe("plans a spreadsheet would mangle are refused, naming the place", () => {
  test("a formula written with its '='", async () => {
    const plan = new PlanBuilder("错", MARKER).formula(2, 3, "=SUM(A1)").build();
    await expect(write([plan])).rejects.toThrow(new PlanError('错!C2: formulas are written without the leading "=": =SUM(A1)'));
  });

  test("a value inside a merged area, where it would be lost", async () => {
    const plan = new PlanBuilder("错", MARKER).merge({ top: 1, left: 1, bottom: 1, right: 2 }).value(1, 2, "丢").build();
    await expect(write([plan])).rejects.toThrow(/错!B1: a value inside a merged area is lost/);
  });

  test("a defined name that reads as a cell reference", async () => {
    const plan = new PlanBuilder("错", MARKER).name("AB12", { top: 1, left: 1, bottom: 1, right: 1 }).build();
    await expect(write([plan])).rejects.toThrow(/"AB12" is not a valid defined name/);
  });

  test("a validation message longer than Excel allows", async () => {
    const plan = new PlanBuilder("错", MARKER).validate({ kind: "whole", range: { top: 1, left: 1, bottom: 1, right: 1 }, min: 0, max: 1, error: { zh: "长".repeat(226), en: "long" } }).build();
    await expect(write([plan])).rejects.toThrow(/validation error is 226 characters, Excel allows 225/);
  });
});
