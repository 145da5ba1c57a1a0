/**
 * The print setup of every sheet, as planned and as both writers write it (rulings F1, F2; issue
 * 11): GB/T 9704 margins, black and white, what the print area leaves out, the scale a
 * spreadsheet prints at and the smallest text after it, A3 and repeated columns for the batch
 * sheets, manual page breaks; and the typesetting of fixed wording (避头尾, 注/备注).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { findTemplate } from "../../templates/index";
import type { Form, PrintedNote } from "../../templates/schema";
import { insertPlans } from "../../src/office/insert";
import { checkParams } from "../../src/sheets/params";
import type { SheetPlan } from "../../src/sheets/plan";
import { columnPoints, officialMargins, printableWidth, printScale, smallestPrintedFont } from "../../src/sheets/print-layout";
import { breakLines, fitLabel, printedNote } from "../../src/sheets/printed-text";
import { SHEET_TEMPLATES, findSheetTemplate } from "../../src/sheets/registry";
import { INPUT_FILL } from "../../src/sheets/styles";
import { writeWorkbook } from "../../src/xlsx/writer";
import { WorkbookDouble } from "../office/excel-double";

function render(id: string, data: unknown = findSheetTemplate(id)?.sample()): SheetPlan {
  const t = findSheetTemplate(id);
  if (!t) throw new Error(`no sheet ${id}`);
  const params = checkParams(t.params, {});
  if (!params.ok) throw new Error(`${id}: params refused`);
  const r = t.render(params.value, data);
  if (!r.ok) throw new Error(`${id}: ${JSON.stringify(r.problems)}`);
  return r.value;
}

const IDS = SHEET_TEMPLATES.map((t) => t.id);
const textAt = (plan: SheetPlan, row: number, col: number) => plan.cells.find((c) => c.row === row && c.col === col);

describe.each(IDS)("%s", (id) => {
  const sample = render(id);
  const blank = render(id, undefined);

  test("F2: GB/T 9704 margins for its orientation, and printed in black and white", () => {
    for (const p of [sample, blank]) {
      expect(p.print.margins).toEqual(officialMargins(p.print.orientation));
      expect(p.print.blackAndWhite).toBe(true);
    }
  });

  test("F1: its smallest printed text is at least 9 pt after fit-to-page scaling", () => {
    for (const p of [sample, blank]) expect(smallestPrintedFont(p)).toBeGreaterThanOrEqual(9);
  });

  test("F2: no cell keeps the input shade as a fill (it is a conditional format on blank inputs)", () => {
    expect(sample.cells.filter((c) => c.style?.fill === INPUT_FILL)).toEqual([]);
    for (const cf of sample.conditionalFormats.filter((c) => c.style.fill === INPUT_FILL)) expect(cf.formula).toMatch(/^ISBLANK\([A-Z]+\d+\)$/);
  });
});

describe("the scale and the smallest text are computed, and the check can fail", () => {
  test("GB/T 9704 in inches: portrait 37/35/28/26 mm; landscape turned, 28/26/35/37 mm", () => {
    expect(officialMargins("portrait")).toMatchObject({ top: 1.4567, bottom: 1.378, left: 1.1024, right: 1.0236 });
    expect(officialMargins("landscape")).toMatchObject({ top: 1.1024, bottom: 1.0236, left: 1.378, right: 1.4567 });
  });

  test("a batch sheet fitted to one A4 page wide would print its 10-pt headings at about 3 pt", () => {
    const batch = render("shaoxing-discrete-batch");
    const fitted: SheetPlan = { ...batch, print: { ...batch.print, paper: "A4", fitToWidth: true, margins: officialMargins("landscape") } };
    expect(printScale(fitted)).toBeLessThan(0.35);
    expect(smallestPrintedFont(fitted)).toBeLessThan(4);
    expect(printableWidth(fitted.print)).toBeCloseTo(((297 - 35 - 37) * 72) / 25.4, 1);
    expect(columnPoints(10)).toBeCloseTo(55.5, 6);
  });
});

describe("F1: the batch sheets print on A3 landscape at 100 %, several pages wide, the enterprise columns repeated", () => {
  test.each(["shaoxing-discrete-batch", "shaoxing-process-batch"])("%s", (id) => {
    const p = render(id);
    expect(p.print).toMatchObject({ paper: "A3", orientation: "landscape", fitToWidth: false, repeatColumns: { first: 1, last: 3 }, repeatRows: { first: 4, last: 6 } });
    expect(printScale(p)).toBe(1);
    // 已填, 完整, 状态 (and 一致性提示) are right of the print area, the 注 inside it.
    const heads = p.cells.filter((c) => c.row === 4 && ["已填", "完整", "状态", "一致性提示"].includes(String(c.value)));
    expect(heads.length).toBeGreaterThanOrEqual(3);
    for (const h of heads) expect(h.col).toBeGreaterThan(p.print.area?.right ?? 0);
    expect(p.cells.some((c) => c.value === "注：亩均产值的平均水平参照评价年度上一年度行业平均值。" && (p.print.area?.bottom ?? 0) >= c.row)).toBe(true);
    expect(p.cells.some((c) => typeof c.value === "string" && c.value.includes("打印：A3 横向"))).toBe(true);
  });
});

describe("F2: working cells lie outside the print area", () => {
  const inArea = (p: SheetPlan, row: number, col: number) => {
    const a = p.print.area;
    return a !== undefined && row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
  };
  const cellsMatching = (p: SheetPlan, re: RegExp) => p.cells.filter((c) => re.test(String(c.value ?? c.formula ?? "")));

  test("the single scoring sheet: 状态, 填报情况, 是否完整, 一致性提示 and 填报说明 do not print; the 注 does", () => {
    const p = render("shaoxing-discrete");
    for (const c of cellsMatching(p, /^(状态|填报情况|是否完整|一致性提示)$|^填报说明/)) expect(inArea(p, c.row, c.col)).toBe(false);
    const note = cellsMatching(p, /^注：亩均产值/);
    expect(note.length).toBe(1);
    expect(inArea(p, note[0].row, note[0].col)).toBe(true);
    for (const r of p.results.filter((x) => ["answered", "complete", "warnings"].includes(x.key))) expect(inArea(p, r.row, r.col)).toBe(false);
  });

  test.each(["shanxi-2018-summary", "national-2024-summary"])("%s: the count / limit / checks row is under the printed table", (id) => {
    const p = render(id);
    for (const r of p.results.filter((x) => ["count", "overLimit"].includes(x.key))) expect(inArea(p, r.row, r.col)).toBe(false);
    const annex = (findTemplate(id) as { annex: string }).annex;
    expect(textAt(p, 1, 1)?.value).toBe(annex);
  });

  test.each(["shanxi-2018-application", "pujiang-application", "pujiang-acceptance"])("%s: the choices' dropdowns and the counts are in the working column", (id) => {
    const p = render(id);
    const form = findTemplate(id) as Form;
    expect(textAt(p, 1, 1)?.value).toBe(form.annex);
    const choices = form.sections.flatMap((s) => s.fields).filter((f) => f.type === "choice" || f.type === "yesno");
    for (const f of choices) {
      const input = p.inputs.find((i) => i.code === f.key);
      expect(input && inArea(p, input.row, input.col)).toBe(false);
    }
    for (const c of cellsMatching(p, /已填 /)) expect(inArea(p, c.row, c.col)).toBe(false);
    expect(p.print.area).toMatchObject({ left: 1, right: 6 });
  });

  test("the 申报书's table starts a new page after the cover (a manual page break before its heading)", () => {
    const p = render("shanxi-2018-application");
    const heading = p.cells.find((c) => c.value === "一、企业和试点示范基本信息");
    expect(p.print.breaks).toContain(heading?.row);
    expect(p.cells.some((c) => c.value === "封面")).toBe(false);
  });
});

describe("both writers write the print setup", () => {
  test(".xlsx: A3, black and white, repeated rows and columns, 100 %, manual page breaks", async () => {
    const batch = render("shaoxing-discrete-batch");
    const form = render("shanxi-2018-application");
    const bytes = (await writeWorkbook([batch, form])).bytes;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const [b, f] = workbook.worksheets;
    expect(b.pageSetup).toMatchObject({ paperSize: 8, orientation: "landscape", blackAndWhite: true, fitToPage: false, scale: 100, printTitlesRow: "4:6", printTitlesColumn: "A:C" });
    expect(f.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", blackAndWhite: true });
    // A break is written after the row before the one that starts the page (ECMA-376 18.3.1.3: brk id).
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet2.xml")?.async("string");
    const rowBreaks = [...(xml ?? "").matchAll(/<brk id="(\d+)"[^>]*man="1"/g)].map((m) => Number(m[1]) + 1);
    expect(form.print.breaks?.length).toBeGreaterThan(0);
    expect(rowBreaks).toEqual(form.print.breaks);
  });

  test("Office.js: A3, black and white, print title columns, 100 %, page breaks (ExcelApi 1.9 names)", async () => {
    const batch = render("shaoxing-discrete-batch");
    const form = render("shanxi-2018-application");
    const book = new WorkbookDouble();
    const result = await insertPlans(book.run, [batch, form]);
    if (!result.ok) throw new Error(JSON.stringify(result.failure));
    const at = (sheet: string, path: string) => book.recorded(sheet, path).map((r) => r.value);
    expect(at(result.sheets[0], "pageLayout.paperSize")).toEqual(["A3"]);
    expect(at(result.sheets[0], "pageLayout.blackAndWhite")).toEqual([true]);
    expect(at(result.sheets[0], "pageLayout.zoom")).toEqual([{ scale: 100 }]);
    expect(at(result.sheets[0], "pageLayout.setPrintTitleColumns")).toEqual(["$A:$C"]);
    expect(at(result.sheets[1], "horizontalPageBreaks.add")).toEqual((form.print.breaks ?? []).map((r) => `A${r}`));
  });
});

describe("fixed wording is typeset as Chinese is (GB/T 15834 避头尾) and printed in the seed's words", () => {
  test.each<[string, number, string]>([
    ["上年销售（万元）", 12, "上年销售\n（万元）"],
    ["申报单位（盖章）", 12, "申报单位\n（盖章）"],
    ["项目合作（支撑）单位名称", 12, "项目合作\n（支撑）\n单位名称"],
    ["浦江县“企业数字化制造、行业平台化服务”验收表", 42, "浦江县“企业数字化制造、行业平台化服务”\n验收表"],
  ])("%s in %d units → %j", (text, room, lines) => {
    expect(breakLines(text, room)).toBe(lines);
  });

  test("no line starts with a closing mark and no last line is one character; a text that fits is left alone", () => {
    const text = "数字化改造软硬件投资占总投资比例不低于30%（不含土建），建设周期不超过2年。";
    for (const room of [8, 10, 12, 14, 20]) {
      const lines = breakLines(text, room).split("\n");
      expect(lines.join("")).toBe(text);
      for (const l of lines.slice(1)) expect(l).not.toMatch(/^[）)，。、；：”]/);
      expect([...lines[lines.length - 1]].length).toBeGreaterThan(1);
    }
    expect(fitLabel("企业名称", 20, 16)).toBe("企业名称");
  });

  test("注 with one item, 备注 with numbered items", () => {
    const rubric = findTemplate("shaoxing-discrete") as { notes?: PrintedNote };
    expect(printedNote(rubric.notes as PrintedNote)).toBe("注：亩均产值的平均水平参照评价年度上一年度行业平均值。");
    const acceptance = findTemplate("pujiang-acceptance") as Form;
    expect(printedNote(acceptance.notes as PrintedNote)).toBe(
      "备注：1、验收时需考察软硬件实际运行情况；2、如发现数字化投入明显不合理，数据造假等行为的，不予验收；3、第一次验收不合格，原则上再给一次验收机会，如果二次验收都不过则不再验收。",
    );
  });
});
