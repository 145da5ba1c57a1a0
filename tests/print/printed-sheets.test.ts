/**
 * What prints (rulings F1, F2; issue 11): every sheet Assessbook builds, filled with its sample
 * data, written to .xlsx, printed to PDF by LibreOffice (one launch for all sixteen) and read
 * back with poppler-utils. The pages must hold the official document and nothing else: the
 * seed's blocks in its words, no working cells, no label wrapped to a lone "）", text at 9 pt or
 * more after scaling, everything inside the GB/T 9704 margins, the page count a person expects,
 * and no input shade on the official documents.
 *
 * Without LibreOffice, poppler-utils or Carlito (Calibri's metric twin, which LibreOffice needs
 * to lay columns out as Excel does) the suite says so and skips, except in CI, where it fails.
 */
import { checkParams } from "../../src/sheets/params";
import { GBT_9704_MM } from "../../src/sheets/print-layout";
import { SHEET_TEMPLATES, type SheetTemplate } from "../../src/sheets/registry";
import { writeWorkbook } from "../../src/xlsx/writer";
import { IN_CI, findSoffice, printToPdf } from "../sheets/libreoffice";
import { hasCarlito, joined, missingPoppler, pixelsNear, printedSizes, readPdf, stackedColumns, type PrintedPage } from "./pdf";

jest.setTimeout(300_000);

const soffice = findSoffice();
const missing = !soffice ? "LibreOffice (soffice)" : missingPoppler() ? `poppler-utils (${missingPoppler()})` : !hasCarlito() ? "the Carlito font (fonts-crosextra-carlito)" : null;

/** The pages of each sheet as printed: the expected count, or at most this many. */
const PAGES: Record<string, { exactly?: number; atMost?: number }> = {
  // The single scoring sheet: two pages at most (issue 11).
  "shaoxing-discrete": { atMost: 2 },
  "shaoxing-process": { atMost: 2 },
  // A3 landscape at 100 %, several pages wide with 序号/企业名称/总分 repeated: 51 and 40 columns.
  "shaoxing-discrete-batch": { exactly: 4 },
  "shaoxing-process-batch": { exactly: 3 },
  "shaoxing-discrete-panel": { atMost: 2 },
  "shaoxing-process-panel": { atMost: 2 },
  "shanxi-2018-summary": { exactly: 1 },
  "national-2024-summary": { exactly: 1 },
  "national-2024-kpis": { atMost: 2 },
  // The cover on its own page, then the table (seed 001 附件1).
  "shanxi-2018-application": { exactly: 4 },
  "pujiang-application": { exactly: 3 },
  "pujiang-acceptance": { exactly: 3 },
  // The self-checks run as long as their schemes' conditions: no fixed count, only no near-empty last page.
  shaoxing: {},
  "national-2024": {},
  "shanxi-2018": {},
  pujiang: {},
};

/**
 * The seed's blocks, in its words, that each official document prints. "|" separates the lines
 * of a text the sheet breaks inside a narrow cell, whose lines interleave with the next cells'.
 */
const OFFICIAL: Record<string, string[]> = {
  "shanxi-2018-application": [
    "附件1",
    "一、企业和试点示范基本信息",
    "真实性承诺",
    "我单位申报的所有材料，均真实、完整，如有不实，愿承担相应的责任。",
    "法定代表人签章：",
    "公　　章：",
    "年　　月　　日",
  ],
  "pujiang-application": ["附件1", "六、审核意见", "专家评审意见"],
  "pujiang-acceptance": ["附件3", "专家签字：", "企业参与验收|人员", "备注：1、验收时需考察软硬件实际运行情况；2、如发现数字化投入明显不合理，数据造假等行为的，不予验收；3、第一次验收不合格，原则上再给一次验收机会，如果二次验收都不过则不再验收。"],
  "shanxi-2018-summary": ["附件4", "推荐单位（盖章）：", "注：1.推荐试点示范排名有先后；2.推荐数量不能超过规定的上限。"],
  "national-2024-summary": ["附件1", "推荐单位（盖章）：", "联系方式|（手机号）", "注：1.推荐的卓越级智能工厂项目按优先次序排名；2.推荐数量不能超过通知中规定的上限。"],
  "shaoxing-discrete": ["注：亩均产值的平均水平参照评价年度上一年度行业平均值。"],
  "shaoxing-process": ["注：亩均产值的平均水平参照评价年度上一年度行业平均值。"],
  "shaoxing-discrete-batch": ["注：亩均产值的平均水平参照评价年度上一年度行业平均值。", "打印：A3横向"],
  "shaoxing-process-batch": ["注：亩均产值的平均水平参照评价年度上一年度行业平均值。"],
  "shaoxing-discrete-panel": ["专家签字", "专家组组长签字："],
  "shaoxing-process-panel": ["专家签字", "专家组组长签字："],
};

/** Working cells: status, completeness, consistency, counts and helpers stay on screen. */
const WORKING = ["核对无误", "未超上限", "是否完整", "TRUE", "FALSE", "一致性提示", "填报情况", "填报说明", "不打印", "封面"];

/** The documents a bureau receives: printed without any input shade, even where blank. */
const DOCUMENTS = ["shanxi-2018-summary", "national-2024-summary", "shanxi-2018-application", "pujiang-application", "pujiang-acceptance"];
const INPUT_SHADE: [number, number, number] = [0xff, 0xf2, 0xcc];

const MM = 72 / 25.4;

interface Printed {
  template: SheetTemplate;
  pages: PrintedPage[];
  pdf: Buffer;
  landscape: boolean;
}

let printed: Printed[] = [];

function suite(): void {
  beforeAll(async () => {
    const built = await Promise.all(
      SHEET_TEMPLATES.map(async (t) => {
        const params = checkParams(t.params, {});
        if (!params.ok) throw new Error(`${t.id}: default parameters refused`);
        const plan = t.render(params.value, t.sample());
        if (!plan.ok) throw new Error(`${t.id}: sample refused: ${JSON.stringify(plan.problems)}`);
        return { template: t, plan: plan.value, bytes: (await writeWorkbook([plan.value])).bytes };
      }),
    );
    const pdfs = await printToPdf(soffice as string, built.map((b) => ({ name: b.template.id, bytes: b.bytes })));
    printed = await Promise.all(built.map(async (b, i) => ({ template: b.template, pdf: pdfs[i], pages: await readPdf(pdfs[i]), landscape: b.plan.print.orientation === "landscape" })));
  });

  const each = (name: string, check: (p: Printed) => void | Promise<void>) =>
    test.each(SHEET_TEMPLATES.map((t) => t.id))(`%s: ${name}`, async (id) => {
      const p = printed.find((x) => x.template.id === id);
      if (!p) throw new Error(`${id} was not printed`);
      await check(p);
    });

  each("prints the pages a person expects, the last one not almost empty", (p) => {
    const want = PAGES[p.template.id];
    if (want.exactly !== undefined) expect(p.pages.length).toBe(want.exactly);
    if (want.atMost !== undefined) expect(p.pages.length).toBeLessThanOrEqual(want.atMost);
    const last = p.pages[p.pages.length - 1];
    const body = last.words.filter((w) => !/^第|页|共/.test(w.text) && w.yMax < last.height - 20 * MM);
    const lines = new Set(body.map((w) => Math.round(w.yMin / 4)));
    expect(lines.size).toBeGreaterThanOrEqual(3);
  });

  each("prints the seed's blocks in its words", (p) => {
    const text = p.pages.map(joined).join("");
    for (const block of OFFICIAL[p.template.id] ?? []) for (const line of block.split("|")) expect(text).toContain(line.replace(/\s+/g, ""));
  });

  each("prints no working cell", (p) => {
    const text = p.pages.map(joined).join("");
    for (const word of WORKING) expect(text).not.toContain(word);
    // Counts such as 已填 3 项, 已填 114 字 / 限 400 字 (an instruction may still say 已填的期间).
    expect(text).not.toMatch(/已填\d/);
  });

  /**
   * Every sheet but the self-checks, whose computed lists of unmet conditions (a formula's text,
   * which cannot be broken in advance) LibreOffice may still wrap before a "）".
   */
  const LISTS = new Set(["shaoxing", "national-2024", "shanxi-2018", "pujiang"]);
  each("wraps no line to a lone punctuation mark such as \"）\"", (p) => {
    if (LISTS.has(p.template.id)) return;
    const lone = p.pages.flatMap((page) => page.words.filter((w) => /^[）)，,。.、；;：:”」』】]+$/.test(w.text)).map((w) => w.text));
    expect(lone).toEqual([]);
  });

  test.each(DOCUMENTS)("%s: no line of the official document starts with a closing bracket or quote", (id) => {
    const p = printed.find((x) => x.template.id === id) as Printed;
    // Closing brackets and quotes only: pdftotext also starts a word after a digit ("1" | "、企业…").
    const starts = p.pages.flatMap((page) => page.words.filter((w) => /^[）)”]/.test(w.text)).map((w) => w.text));
    expect(starts).toEqual([]);
  });

  each("prints text at 9 pt or more after scaling (F1)", (p) => {
    const sizes = p.pages.flatMap(printedSizes);
    expect(sizes.length).toBeGreaterThan(0);
    const smallest = sizes.reduce((a, b) => (b.size < a.size ? b : a));
    // A glyph box is measured to a tenth of a point or so.
    expect(smallest.size).toBeGreaterThanOrEqual(8.9);
  });

  each("prints inside the GB/T 9704 margins, the page number under the text block (F2)", (p) => {
    const mm = GBT_9704_MM[p.landscape ? "landscape" : "portrait"];
    for (const page of p.pages) {
      expect(page.width > page.height).toBe(p.landscape);
      const inBlock = page.words.filter((w) => w.yMax < page.height - mm.bottom * MM);
      const footer = page.words.filter((w) => w.yMin >= page.height - mm.bottom * MM);
      expect(footer.map((w) => w.text).join("")).toMatch(/^第\d+页，共\d+页$/);
      // A CJK glyph box reaches a little above its line (about 0.15 em: 3–4 pt for a title).
      const tolerance = { x: 2, y: 4 };
      for (const w of inBlock) {
        expect(w.xMin).toBeGreaterThanOrEqual(mm.left * MM - tolerance.x);
        expect(w.xMax).toBeLessThanOrEqual(page.width - mm.right * MM + tolerance.x);
        expect(w.yMin).toBeGreaterThanOrEqual(mm.top * MM - tolerance.y);
      }
    }
  });

  test.each(DOCUMENTS)("%s: the official document prints without the input shade, blank rows included (F2)", async (id) => {
    const p = printed.find((x) => x.template.id === id) as Printed;
    for (let page = 1; page <= p.pages.length; page++) expect(await pixelsNear(p.pdf, page, INPUT_SHADE)).toBe(0);
  });

  test("the check can fail: a scoring sheet's blank answers are shaded on screen, and LibreOffice prints the shade", async () => {
    const p = printed.find((x) => x.template.id === "shaoxing-discrete-batch") as Printed;
    expect(await pixelsNear(p.pdf, 1, INPUT_SHADE)).toBeGreaterThan(0);
  });

  test("浦江申报表 prints 项目内容概述 down the left of its five long texts (seed 004 附件1)", () => {
    const p = printed.find((x) => x.template.id === "pujiang-application") as Printed;
    expect(p.pages.flatMap(stackedColumns).some((c) => c.includes("项目内容概述"))).toBe(true);
  });

  test("the 申报书's table starts on a new page under 一、企业和试点示范基本信息, after the cover", () => {
    const p = printed.find((x) => x.template.id === "shanxi-2018-application") as Printed;
    expect(joined(p.pages[0])).toContain("试点示范名称");
    expect(joined(p.pages[0])).not.toContain("一、企业和试点示范基本信息");
    expect(joined(p.pages[1]).startsWith("一、企业和试点示范基本信息")).toBe(true);
  });

  test("a heading is never the last line of a page (六、审核意见 goes with its box)", () => {
    for (const p of printed) {
      for (const page of p.pages) {
        const lines = page.text.split("\n").map((l) => l.trim()).filter((l) => l && !/^第 \d+ 页/.test(l));
        const last = lines[lines.length - 1] ?? "";
        expect(`${p.template.id}: ${last}`).not.toMatch(/: [一二三四五六七八九十]+、\S+$/);
      }
    }
  });
}

if (missing) {
  if (IN_CI) {
    test("the print tools are installed (CI never skips the print check)", () => {
      throw new Error(`${missing} is missing: .ci/run installs libreoffice-calc-nogui, poppler-utils and fonts-crosextra-carlito`);
    });
  } else {
    console.warn(`tests/print/printed-sheets.test.ts: skipped, ${missing} is not installed.`);
    test.skip(`every sheet prints as an official document (skipped: ${missing} is not installed)`, () => undefined);
  }
} else {
  describe("printed sheets", suite);
}
