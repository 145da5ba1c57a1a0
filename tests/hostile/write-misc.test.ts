/**
 * Issue 15, item 8: an apostrophe in a sheet name (Xi'an) keeps the print titles' defined name
 * well-formed; the confirmation code covers the whole --into workbook; an input cell holding a
 * formula is reported by merge and extract, cell named; the Office.js writer writes full-width
 * lookalikes of = + - @ and digits as text.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { insertPlans, keepsAsTyped } from "../../src/office/insert";
import { panelPlans, previewPanelMerge } from "../../src/merge/panel-merge";
import { previewMerge } from "../../src/merge/preview";
import { readSources } from "../../src/merge/read-source";
import { PlanBuilder } from "../../src/sheets/builder";
import { colLetter } from "../../src/sheets/formula";
import { checkParams } from "../../src/sheets/params";
import type { SheetPlan } from "../../src/sheets/plan";
import { findSheetTemplate } from "../../src/sheets/registry";
import { shaoxingDiscreteSample as DISCRETE_SAMPLES } from "../../templates/samples/shaoxing-discrete";
import { writeWorkbook } from "../../src/xlsx/writer";
import { WorkbookDouble } from "../office/excel-double";
import { FORM, formPlan, ROW_A, ROW_B, summaryPlan } from "../merge/submissions";
import { expectWellFormed } from "../xlsx/well-formed";
import { cli, confirmCode, tempDir, withFormulas } from "./write-support";

jest.setTimeout(120_000);

async function definedNames(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  return [...xml.matchAll(/<definedName\b[^>]*>([^<]*)<\/definedName>/g)].map((m) => m[1].replace(/&apos;/g, "'"));
}

function cellOf(plan: SheetPlan, code: string): string {
  const b = plan.inputs.find((x) => x.code === code);
  if (!b) throw new Error(`no input ${code}`);
  return `${colLetter(b.col)}${b.row}`;
}

describe("an apostrophe in a sheet name", () => {
  test("a panel sheet for Xi'an gets print titles that name its sheet with the apostrophe doubled", async () => {
    const t = findSheetTemplate("shaoxing-discrete");
    const params = t && checkParams(t.params, {});
    if (!t || !params?.ok) throw new Error("no template");
    const expert = (name: string) => {
      const plan = t.render(params.value, { ...DISCRETE_SAMPLES.single, enterprise: "西安（Xi'an）精工有限公司", expert: name });
      if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
      return plan.value;
    };
    const read = await readSources(await Promise.all(["王工", "李工", "赵工"].map(async (n) => ({ name: `${n}.xlsx`, bytes: new Uint8Array((await writeWorkbook([expert(n)])).bytes) }))));
    const plans = panelPlans(previewPanelMerge("shaoxing-discrete", read));
    if (!plans.ok) throw new Error(JSON.stringify(plans.problems));
    const { bytes, sheetNames } = await writeWorkbook(plans.value);
    expect(sheetNames).toEqual(["西安（Xi'an）精工有限公司"]);
    await expectWellFormed(bytes);
    expect(await definedNames(bytes)).toContainEqual(expect.stringMatching(/^'西安（Xi''an）精工有限公司'!\$\d+:\$\d+$/));
    // Read back, the print titles belong to the sheet again.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets[0].pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
  });

  test("merged --into a workbook whose summary sheet is named Xi'an, the print titles and area stay well-formed", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "汇总.xlsx"), (await writeWorkbook([{ ...summaryPlan([ROW_A]), name: "Xi'an 汇总" }])).bytes);
    writeFileSync(join(dir, "乙区.xlsx"), (await writeWorkbook([summaryPlan([ROW_B])])).bytes);
    const base = ["merge", join(dir, "乙区.xlsx"), "--into", join(dir, "汇总.xlsx"), "-o", join(dir, "out.xlsx")];
    const done = await cli([...base, "--confirm", confirmCode((await cli(base)).out)]);
    expect(done.code).toBe(0);
    const out = readFileSync(join(dir, "out.xlsx"));
    await expectWellFormed(out);
    const names = await definedNames(out);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/^'Xi''an 汇总'!/);
  });
});

describe("the confirmation code covers the whole --into workbook", () => {
  test("another sheet edited after the preview changes the code: nothing is written", async () => {
    const dir = tempDir();
    const into = join(dir, "汇总.xlsx");
    writeFileSync(into, (await writeWorkbook([summaryPlan([ROW_A]), formPlan(FORM)])).bytes);
    writeFileSync(join(dir, "乙区.xlsx"), (await writeWorkbook([summaryPlan([ROW_B])])).bytes);
    const base = ["merge", join(dir, "乙区.xlsx"), "--into", into, "-o", join(dir, "out.xlsx")];
    const code = confirmCode((await cli(base)).out);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(into) as unknown as ExcelJS.Buffer);
    workbook.worksheets[1].getCell("B3").value = "预览之后改动的内容";
    writeFileSync(into, Buffer.from(await workbook.xlsx.writeBuffer()));

    const ran = await cli([...base, "--confirm", code]);
    expect(ran.code).toBe(1);
    expect(ran.err).toContain(`确认码 ${code}`);
    expect(existsSync(join(dir, "out.xlsx"))).toBe(false);
    // The code of the new preview, which the refusal names, writes.
    const fresh = /本次预览（([0-9a-f]{10})）/.exec(ran.err)?.[1] ?? "";
    expect(fresh).not.toBe(code);
    expect((await cli([...base, "--confirm", fresh])).code).toBe(0);
  });
});

describe("an input cell holding a formula", () => {
  test("merge reads its last result and warns naming the cell; extract reports it too", async () => {
    const plan = summaryPlan([ROW_A, ROW_B]);
    const mobile = cellOf(plan, "rows/1/mobile");
    const bytes = await withFormulas(new Uint8Array((await writeWorkbook([plan])).bytes), { [mobile]: ['HYPERLINK("http://evil.example","15803451234")', "15803451234"] });
    const [source] = await readSources([{ name: "乙区.xlsx", bytes }]);
    const preview = previewMerge({ template: "shanxi-2018-summary", recommender: "reform-zone" }, [source]);
    expect(preview.rows.map((r) => r.values.mobile)).toEqual([ROW_A.mobile, ROW_B.mobile]);
    expect(preview.problems).toContainEqual(expect.objectContaining({ kind: "formula", severity: "warning", file: "乙区.xlsx", cell: mobile }));
    expect(preview.problems.find((p) => p.kind === "formula")?.message.zh).toContain("HYPERLINK");

    const dir = tempDir();
    writeFileSync(join(dir, "乙区.xlsx"), bytes);
    const extracted = await cli(["extract", join(dir, "乙区.xlsx")]);
    expect(`${extracted.out}\n${extracted.err}`).toContain(`${mobile} 输入单元格含公式（=HYPERLINK`);
  });
});

describe("the Office.js writer", () => {
  const lookalikes = ['＝HYPERLINK("http://evil.example","点此")', "＋86 138 0013 8000", "－5%", "＠SUM(A1)", "１３８００１３８０００", "＃N/A", "\u22125", "٣٤٥"];

  test.each(lookalikes)("%s is written as text", async (text) => {
    expect(keepsAsTyped(text)).toBe(false);
    const plan = new PlanBuilder("t", { template: "hand-made", version: 1, params: {} }).value(2, 2, text).value(2, 3, "普通文字").build();
    const book = new WorkbookDouble();
    expect((await insertPlans(book.run, [plan])).ok).toBe(true);
    expect(book.mustSheet("t").get(2, 2)).toMatchObject({ value: text, numberFormat: "@" });
    expect(book.mustSheet("t").get(2, 3)).toMatchObject({ value: "普通文字", numberFormat: "General" });
  });
});
