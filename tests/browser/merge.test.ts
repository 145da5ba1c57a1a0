/**
 * The task pane's 合并 (merge) flow on the standalone page (no Office): the production build in
 * dist/, served on 127.0.0.1, in headless Chromium. Twelve submitted files are picked through the
 * page's own button (a file chooser): district summaries written by the xlsx writer, one of them
 * repeating another's application, one with a 10-digit mobile number, and one that is not a
 * workbook at all. The page must read them with a progress bar (more than ten files), preview the
 * rows with the problem's file, sheet and cell, the duplicate and the refused file's reason, and
 * on confirmation download exactly the confirmed rows, in priority order, each with its source in
 * the audit column; also into a target workbook, whose other sheets are kept. Nothing may be
 * requested from another host, and nothing may be written to the console as an error.
 *
 * Without Chromium the suite says so and skips, except in CI, where it fails.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { readSources, type MarkedSheet } from "../../src/merge/read-source";
import type { SheetPlan } from "../../src/sheets/plan";
import { findSheetTemplate } from "../../src/sheets/registry";
import { readWorkbook } from "../../src/xlsx/reader";
import { cleanSheetName } from "../../src/xlsx/sheet-names";
import { writeWorkbook } from "../../src/xlsx/writer";
import { artifactsDir, describeInChromium, ensureBuilt, launchChromium, recordedPage, serveStatic, unexpectedConsoleErrors, type Recorded, type StaticServer } from "./harness";
import { summaryPlan } from "../merge/submissions";

jest.setTimeout(120_000);

const SUMMARY = "shanxi-2018-summary";
const SHEET = "试点示范推荐汇总表";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The table: 序号 (A), 试点示范名称, 企业名称 (C), 联系人, 手机号码 (E), 邮箱, then the audit column (G); data from row 5. */
const AUDIT_COL = 7;
const FIRST_ROW = 5;

type Row = Record<"pilot-name" | "enterprise" | "contact" | "mobile" | "email", string>;


/** A distinct, valid application of district n. */
function application(n: number): Row {
  return {
    "pilot-name": `第${n}区智能工厂试点示范`,
    enterprise: `山西第${n}精密制造有限公司`,
    contact: `联系人${n}`,
    mobile: `1393511${String(1000 + n).slice(-4)}`,
    email: `contact${n}@district${n}.cn`,
  };
}

interface Submitted {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

async function submitted(name: string, plans: SheetPlan[]): Promise<Submitted> {
  return { name, mimeType: XLSX_TYPE, buffer: Buffer.from((await writeWorkbook(plans)).bytes) };
}

/**
 * Twelve files in the order picked: 区县01 … 区县09 one application each, 区县10 two (the second
 * a 10-digit mobile), 区县11 repeating 区县03's application, and 随机.xlsx, 4 KB of noise.
 */
async function twelveFiles(): Promise<Submitted[]> {
  const files: Submitted[] = [];
  for (let n = 1; n <= 9; n++) files.push(await submitted(`区县0${n}.xlsx`, [summaryPlan([application(n)])]));
  files.push(await submitted("区县10.xlsx", [summaryPlan([application(10), { ...application(12), mobile: "1393511001" }])]));
  files.push(await submitted("区县11.xlsx", [summaryPlan([application(3)])]));
  let seed = 7;
  const noise = Buffer.alloc(4096, 0).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
  files.push({ name: "随机.xlsx", mimeType: XLSX_TYPE, buffer: Buffer.from(noise) });
  return files;
}

/** Picks the files through the page's button: a file chooser, as a person would. */
async function choose(page: Page, button: string, files: Submitted[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: button }).click()]);
  await chooser.setFiles(files);
}

/** Records, from now on, every value the progress bar of the files read shows. */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__progress = [];
    const seen = () => {
      const bar = document.querySelector('[role="progressbar"][aria-valuemax]');
      if (bar) window.__progress.push(bar.getAttribute("aria-valuenow") + "/" + bar.getAttribute("aria-valuemax"));
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true });
  })()`);
}

function cellText(sheet: MarkedSheet, row: number, col: number): string | null {
  const cell = sheet.cell(row, col);
  return cell.kind === "value" ? String(cell.value) : null;
}

/** The data rows of the merged sheet that hold anything, as [enterprise, mobile, audit]. */
function dataRows(sheet: MarkedSheet): [string | null, string | null, string | null][] {
  const rows: [string | null, string | null, string | null][] = [];
  const count = Number(sheet.marker.params.rows);
  for (let r = FIRST_ROW; r < FIRST_ROW + count; r++) {
    const row: [string | null, string | null, string | null] = [cellText(sheet, r, 3), cellText(sheet, r, 5), cellText(sheet, r, AUDIT_COL)];
    if (row.some((v) => v !== null)) rows.push(row);
  }
  return rows;
}

const audit = (file: string, row = 1) => `${file} › ${SHEET} 第 ${row} 行`;

describeInChromium("task pane merge flow (standalone page, headless Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let zh: Recorded;
  let files: Submitted[];

  beforeAll(async () => {
    ensureBuilt();
    files = await twelveFiles();
    server = await serveStatic();
    browser = await launchChromium();
  }, 120_000);

  beforeEach(async () => {
    zh = await recordedPage(browser, { locale: "zh-CN" });
    await zh.page.goto(`${server.origin}/taskpane.html`, { waitUntil: "load" });
    await zh.page.getByRole("tab", { name: "合并" }).click();
    await zh.page.getByRole("button", { name: "选择要合并的文件…" }).waitFor({ state: "visible" });
  });

  afterEach(async () => {
    await zh?.context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("twelve files: progress, preview with problems, duplicates and the refused file, then exactly the confirmed rows downloaded", async () => {
    const { page } = zh;
    // The 2018 table for a 市经信委 (limit 5).
    await page.getByRole("combobox", { name: "推荐单位类别" }).selectOption("city-eitc");
    await watchProgress(page);
    await choose(page, "选择要合并的文件…", files);

    const table = page.getByRole("table", { name: "合并后的行（按优先顺序）" });
    await table.waitFor({ state: "visible", timeout: 60_000 });
    const progress = (await page.evaluate("window.__progress")) as string[];
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((p) => p.endsWith("/12"))).toBe(true);
    await expect(page.getByRole("progressbar").count()).resolves.toBe(0);
    await expect(page.getByText("已选择 12 个文件").isVisible()).resolves.toBe(true);

    // 12 rows: 区县01–09, 区县10's two, 区县11's copy of 区县03.
    await expect(page.getByText("新增 12 行；问题 1 个；重复 1 组；无法读取的文件 1 个").isVisible()).resolves.toBe(true);
    await expect(table.getByRole("row").count()).resolves.toBe(13);
    const problems = page.getByRole("list", { name: "问题（1）" });
    // 区县10's second data row (row 6), 手机号码 (column E).
    await expect(problems.innerText()).resolves.toContain(`区县10.xlsx › ${SHEET} › E6：手机号码`);
    const duplicates = page.getByRole("list", { name: "重复（1 组）" });
    await expect(duplicates.innerText()).resolves.toContain(`山西第3精密制造有限公司（企业名称相同）：${audit("区县03.xlsx")}；${audit("区县11.xlsx")}`);
    const refused = page.getByRole("list", { name: "无法读取的文件（1）" });
    await expect(refused.innerText()).resolves.toMatch(/^随机\.xlsx：不是 \.xlsx 文件/);
    // Counted on the rows that will be written (11 ticked), naming the duplicate still in twice.
    await expect(page.getByText(/共 11 项，超过市经信委的推荐上限 5 项；其中 1 家企业的重复行仍都在内/).isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(artifactsDir(), "merge-preview-zh-CN.png"), fullPage: true });

    // Valid rows are ticked, the invalid one is not: 11. Drop 区县11's copy, keep the bad mobile on purpose: 11.
    const write = page.getByRole("button", { name: /^写入 \d+ 行$/ });
    await expect(write.innerText()).resolves.toBe("写入 11 行");
    const invalid = page.getByRole("checkbox", { name: `写入 ${audit("区县10.xlsx", 2)}` });
    await expect(invalid.isChecked()).resolves.toBe(false);
    await page.getByRole("checkbox", { name: `写入 ${audit("区县11.xlsx")}` }).uncheck();
    await expect(write.innerText()).resolves.toBe("写入 10 行");
    await invalid.check();
    await expect(write.innerText()).resolves.toBe("写入 11 行");

    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), write.click()]);
    expect(download.suggestedFilename()).toBe(`${SHEET}.xlsx`);
    const saved = join(artifactsDir(), "merge-standalone.xlsx");
    await download.saveAs(saved);
    await expect(page.getByRole("status").innerText()).resolves.toContain(`已写入 11 行，已下载 ${SHEET}.xlsx`);

    const bytes = new Uint8Array(await readFile(saved));
    const [read] = await readSources([{ name: "merged.xlsx", bytes }]);
    if (!read.ok) throw new Error(`the download does not read back: ${read.reason.en}`);
    expect(read.sheets.map((s) => s.name)).toEqual([SHEET]);
    const [sheet] = read.sheets;
    expect(sheet.marker).toEqual({ template: SUMMARY, version: expect.any(Number), params: { recommender: "city-eitc", rows: 11 } });
    const expected: [string, string, string][] = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n): [string, string, string] => [application(n).enterprise, application(n).mobile, audit(`区县0${n}.xlsx`)]),
      [application(10).enterprise, application(10).mobile, audit("区县10.xlsx")],
      [application(12).enterprise, "1393511001", audit("区县10.xlsx", 2)],
    ];
    expect(dataRows(sheet)).toEqual(expected);
    // 序号: a formula in every data row, numbering the filled ones, with the count above the table.
    // Read whole: the merge's reader keeps result cells by their value only, not their formula text.
    const [whole] = await readWorkbook(bytes);
    const serials = Array.from({ length: 11 }, (_, i) => whole.cell(FIRST_ROW + i, 1));
    expect(serials.every((c) => c.kind === "formula" && /SUM\(/.test(c.formula))).toBe(true);
    // The filled-rows count keeps its formula, where the plan binds it (under the table).
    const count = summaryPlan([], { recommender: "city-eitc", size: 11 }).results.find((r) => r.key === "count");
    expect(count && whole.cell(count.row, count.col)).toMatchObject({ kind: "formula" });
    // Every written row's audit text appears once: each accepted source row exactly once.
    expect(new Set(expected.map((r) => r[2])).size).toBe(expected.length);

    expect(zh.foreign).toEqual([]);
    expect(unexpectedConsoleErrors(zh.consoleErrors)).toEqual([]);
    expect(zh.pageErrors).toEqual([]);
  });

  test("into a target workbook: its table's rows first, its other sheets kept, saved as <target>-合并.xlsx", async () => {
    const { page } = zh;
    // Another sheet of the clerk's workbook: the 2024 summary, left as it is.
    const other = findSheetTemplate("national-2024-summary")?.render({ recommender: "city-miit", rows: 3 });
    if (!other?.ok) throw new Error("national-2024-summary does not render");
    const existing = { ...application(20), enterprise: "山西太行智能装备股份有限公司" };
    const target = await submitted("推荐汇总表.xlsx", [summaryPlan([existing], { recommender: "reform-zone", size: 6, stamp: "综改区管委会" }), other.value]);

    await choose(page, "选择目标工作簿…", [target]);
    await page.getByText(`追加到 推荐汇总表.xlsx › ${SHEET}（已有 1 行）`).waitFor({ state: "visible", timeout: 30_000 });
    await expect(page.getByRole("combobox", { name: "推荐单位类别" }).inputValue()).resolves.toBe("reform-zone");
    await choose(page, "选择要合并的文件…", files.slice(0, 2));
    await page.getByRole("table", { name: "合并后的行（按优先顺序）" }).waitFor({ state: "visible", timeout: 60_000 });
    // The target's row cannot be left out.
    await expect(page.getByRole("checkbox", { name: `写入 ${audit("推荐汇总表.xlsx")}` }).isDisabled()).resolves.toBe(true);
    const write = page.getByRole("button", { name: /^写入 \d+ 行/ });
    await expect(write.innerText()).resolves.toBe("写入 3 行（含已有 1 行）");

    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), write.click()]);
    expect(download.suggestedFilename()).toBe("推荐汇总表-合并.xlsx");
    const saved = join(artifactsDir(), "merge-standalone-target.xlsx");
    await download.saveAs(saved);

    const buffer = await readFile(saved);
    const sheets = await readWorkbook(buffer);
    expect(sheets.map((s) => s.name)).toEqual([SHEET, cleanSheetName(other.value.name)]);
    expect(sheets[1].marker).toEqual(other.value.marker);
    const [read] = await readSources([{ name: "merged.xlsx", bytes: new Uint8Array(buffer) }]);
    if (!read.ok) throw new Error(read.reason.en);
    const summary = read.sheets[0];
    expect(summary.marker.params).toEqual({ recommender: "reform-zone", rows: 6 });
    // The 推荐单位（盖章） line, under the 附件1 label and the title.
    expect(cellText(summary, 3, 3)).toBe("综改区管委会");
    expect(dataRows(summary)).toEqual([
      [existing.enterprise, existing.mobile, audit("推荐汇总表.xlsx")],
      [application(1).enterprise, application(1).mobile, audit("区县01.xlsx")],
      [application(2).enterprise, application(2).mobile, audit("区县02.xlsx")],
    ]);

    expect(zh.foreign).toEqual([]);
    expect(unexpectedConsoleErrors(zh.consoleErrors)).toEqual([]);
    expect(zh.pageErrors).toEqual([]);
  });
});
