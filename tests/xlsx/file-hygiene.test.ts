/**
 * What Excel checks when it opens a file (and "repairs" when it does not like it): data
 * validations that overlap, texts over its limits; and what the file says about itself
 * (app.xml, the fonts' character set). Issue 10 items 2 and 6.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PlanBuilder } from "../../src/sheets/builder";
import type { Range } from "../../src/sheets/plan";
import { replaceSheet } from "../../src/xlsx/replace-sheet";
import { PlanError, writeWorkbook } from "../../src/xlsx/writer";
import { BUILT } from "../sheets/engine-comparison";
import { MARKER, part } from "./helpers";

jest.setTimeout(60_000);

/** "B7" → row 7, column 2. */
function cellAt(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a);
  if (!m) throw new Error(`not a cell address: ${a}`);
  return { row: Number(m[2]), col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
}

/** Every rectangle of a sqref ("A1 B2:C9"). */
function rectangles(sqref: string): Range[] {
  return sqref.split(/\s+/).map((piece) => {
    const [a, b = a] = piece.split(":");
    const tl = cellAt(a);
    const br = cellAt(b);
    return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
  });
}

const intersects = (a: Range, b: Range) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

interface WrittenValidation {
  sqref: string;
  attributes: Record<string, string>;
  formula1: string;
}

function unescape(x: string): string {
  return x.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

/** The <dataValidation> elements of every sheet in the package, by sheet part path. */
async function validationsOf(bytes: Buffer): Promise<Map<string, WrittenValidation[]>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, WrittenValidation[]>();
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const xml = await (zip.file(path) as JSZip.JSZipObject).async("string");
    const found = [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => {
      const attributes = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], unescape(a[2])]));
      return { sqref: attributes.sqref, attributes, formula1: unescape(/<formula1>([\s\S]*?)<\/formula1>/.exec(m[2])?.[1] ?? "") };
    });
    out.set(path, found);
  }
  return out;
}

/** Overlapping pairs, as "E10:E14 ~ E5:E14". */
function overlaps(validations: WrittenValidation[]): string[] {
  const all = validations.flatMap((v) => rectangles(v.sqref).map((r) => ({ r, sqref: v.sqref })));
  return all.flatMap((a, i) => all.slice(i + 1).filter((b) => intersects(a.r, b.r)).map((b) => `${a.sqref} ~ ${b.sqref}`));
}

/** Excel's limits: a prompt 255 characters, an error 225, titles 32, an inline list 255. */
function overLimits(validations: WrittenValidation[]): string[] {
  return validations.flatMap((v) => {
    const problems: string[] = [];
    if ((v.attributes.prompt ?? "").length > 255) problems.push(`${v.sqref}: prompt of ${v.attributes.prompt.length}`);
    if ((v.attributes.error ?? "").length > 225) problems.push(`${v.sqref}: error of ${v.attributes.error.length}`);
    if ((v.attributes.promptTitle ?? "").length > 32 || (v.attributes.errorTitle ?? "").length > 32) problems.push(`${v.sqref}: title over 32`);
    if (v.attributes.type === "list" && v.formula1.startsWith('"') && v.formula1.length - 2 > 255) problems.push(`${v.sqref}: inline list of ${v.formula1.length - 2}`);
    return problems;
  });
}

describe("data validations as Excel accepts them", () => {
  const plans = BUILT.map((b) => b.plan);

  test("no two validation ranges of any sheet intersect, and none is over Excel's limits", async () => {
    const { bytes } = await writeWorkbook(plans);
    const bySheet = await validationsOf(bytes);
    expect([...bySheet.values()].flat().length).toBeGreaterThan(0);
    for (const [path, validations] of bySheet) {
      expect({ path, overlaps: overlaps(validations) }).toEqual({ path, overlaps: [] });
      expect({ path, overLimits: overLimits(validations) }).toEqual({ path, overLimits: [] });
    }
  });

  test("a block crossing row 9 → 10 is written once, as planned (exceljs issue 2820)", async () => {
    const p = new PlanBuilder("跨行", MARKER)
      .validate({ kind: "list", range: { top: 5, left: 5, bottom: 14, right: 5 }, options: ["有", "无"], error: { zh: "请选择", en: "choose" } })
      .validate({ kind: "list", range: { top: 5, left: 6, bottom: 14, right: 6 }, options: ["有", "无"], error: { zh: "请选择", en: "choose" } })
      .build();
    const [validations] = [...(await validationsOf((await writeWorkbook([p])).bytes)).values()];
    expect(validations.map((v) => v.sqref).sort()).toEqual(["E5:E14", "F5:F14"]);
  });

  test("a plan whose own validation ranges overlap is refused, naming both", async () => {
    const p = new PlanBuilder("重叠", MARKER)
      .validate({ kind: "whole", range: { top: 1, left: 1, bottom: 5, right: 1 }, min: 0, max: 9, error: { zh: "整数", en: "whole" } })
      .validate({ kind: "whole", range: { top: 5, left: 1, bottom: 6, right: 1 }, min: 0, max: 9, error: { zh: "整数", en: "whole" } })
      .build();
    await expect(writeWorkbook([p])).rejects.toThrow(new PlanError("重叠: validations on A1:A5 and A5:A6 overlap; a cell takes one rule"));
  });

  test("a workbook rewritten by replaceSheet keeps its other sheets' validations without overlaps", async () => {
    // A clerk's own sheet with a rule on E5:E14, read by exceljs cell by cell.
    const own = new ExcelJS.Workbook();
    const sheet = own.addWorksheet("自己的表");
    for (let r = 5; r <= 14; r++) for (const c of [5, 6]) sheet.getCell(r, c).dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
    own.addWorksheet("替换我");
    const bytes = Buffer.from(await own.xlsx.writeBuffer());
    const replaced = await replaceSheet(bytes, "替换我", new PlanBuilder("替换我", MARKER).value(1, 1, "新").build());
    const all = [...(await validationsOf(replaced.bytes)).values()].flat();
    expect(overlaps(all)).toEqual([]);
    const covered = all.flatMap((v) => rectangles(v.sqref)).reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
    expect(covered).toBe(20);
  });
});

describe("what the file says about itself", () => {
  test("app.xml names Assessbook as the application and lists the sheets", async () => {
    const p = new PlanBuilder("A&B <表>", MARKER).value(1, 1, 1).build();
    const xml = await part((await writeWorkbook([p])).bytes, "docProps/app.xml");
    expect(xml).toContain("<Application>Assessbook</Application>");
    expect(xml).not.toContain("Microsoft");
    expect(xml).toContain("<vt:lpstr>A&amp;B &lt;表&gt;</vt:lpstr>");
  });

  test("Chinese fonts carry the GB2312 character set and family as Excel writes them; Latin fonts do not", async () => {
    const p = new PlanBuilder("字体", MARKER)
      .value(1, 1, "仿宋", { font: { name: "仿宋", size: 16 } })
      .value(2, 1, "Arial", { font: { name: "Arial", size: 10 } })
      .build();
    const styles = await part((await writeWorkbook([p])).bytes, "xl/styles.xml");
    const fonts = [...styles.matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1]);
    const fangsong = fonts.find((f) => f.includes('val="仿宋"')) as string;
    expect(fangsong).toContain('<charset val="134"/>');
    expect(fangsong).toContain('<family val="3"/>');
    expect(fonts.find((f) => f.includes('val="Arial"'))).not.toContain("charset");
  });

  test("replaceSheet's output names Assessbook too", async () => {
    const own = new ExcelJS.Workbook();
    own.addWorksheet("表");
    const replaced = await replaceSheet(Buffer.from(await own.xlsx.writeBuffer()), "表", new PlanBuilder("表", MARKER).value(1, 1, 1).build());
    expect(await part(replaced.bytes, "docProps/app.xml")).toContain("<Application>Assessbook</Application>");
  });
});
