/**
 * 导出 on the standalone page in headless Chromium (issue 11, ruling F3): a workbook picked from
 * disk, its summary table downloaded as Word (read back: the table's cells are the workbook's
 * rows), and the print view rendered under the page's Content-Security-Policy — all without a
 * request to any host but the page's own and without console errors.
 *
 * Without Chromium the suite says so and skips, except in CI, where it fails.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { readDocx, tables } from "../export/docx-xml";
import { plan, sample, workbook } from "../export/workbook";
import { artifactsDir, describeInChromium, ensureBuilt, launchChromium, recordedPage, serveStatic, unexpectedConsoleErrors, type Recorded, type StaticServer } from "./harness";

jest.setTimeout(120_000);

const SUMMARY = "national-2024-summary";
const TITLE = "卓越级智能工厂项目推荐汇总表";

describeInChromium("export tab on the standalone page (headless Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let zh: Recorded;
  let input: string;

  beforeAll(async () => {
    ensureBuilt();
    input = join(artifactsDir(), "导出-报送.xlsx");
    await writeFile(input, await workbook([plan("shaoxing-discrete", undefined), plan(SUMMARY, sample(SUMMARY))]));
    server = await serveStatic();
    browser = await launchChromium();
    zh = await recordedPage(browser, { locale: "zh-CN" });
    await zh.page.goto(`${server.origin}/taskpane.html`, { waitUntil: "load" });
    await zh.page.getByRole("tab", { name: "导出" }).click();
    await zh.page.getByRole("button", { name: "选择工作簿…" }).waitFor({ state: "visible" });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("downloads Word for the picked workbook's summary table: its cells are the workbook's rows", async () => {
    const { page } = zh;
    await page.getByLabel("选择要导出的 .xlsx 工作簿").setInputFiles(input);
    await page.getByText("导出-报送.xlsx：1 张可导出的表").waitFor({ state: "visible", timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: "下载 Word" }).click()]);
    expect(download.suggestedFilename()).toBe(`${TITLE}.docx`);
    const saved = join(artifactsDir(), `${TITLE}.docx`);
    await download.saveAs(saved);
    const [table] = tables(await readDocx(await readFile(saved)));
    const rows = (sample(SUMMARY) as { rows: Record<string, string>[] }).rows;
    expect(table.slice(1).map((r) => r[1])).toEqual(rows.map((r) => r.applicant));
    expect(table.slice(1).map((r) => r[3])).toEqual(rows.map((r) => r.scenarios));
  });

  test("the print view renders the document in the page's iframe, styled under its Content-Security-Policy", async () => {
    const { page } = zh;
    await page.getByRole("button", { name: "打印视图" }).click();
    const frame = page.frameLocator(`iframe[title="${TITLE} 打印视图"]`);
    await frame.getByText(TITLE).waitFor({ state: "visible" });
    await expect(frame.locator("p").first().textContent()).resolves.toBe("附件1");
    // The title's class gives it 黑体 at 22 pt: the CSSOM rules applied although inline style text is refused.
    // Run in the page; this project's test types have no DOM, so its one call is typed here.
    type Window = { getComputedStyle(element: unknown): { fontSize: string } };
    const size = await frame.locator("h1").evaluate((h) => parseFloat((globalThis as unknown as Window).getComputedStyle(h).fontSize));
    expect(size).toBeCloseTo((22 * 96) / 72, 2);
    await expect(frame.locator("tbody tr").count()).resolves.toBe((sample(SUMMARY) as { rows: unknown[] }).rows.length);
    await page.screenshot({ path: join(artifactsDir(), "export-print-view-zh-CN.png"), fullPage: true });
  });

  test("no request left 127.0.0.1 and nothing went wrong in the console", () => {
    expect(zh.foreign).toEqual([]);
    expect(zh.requests.every((url) => new URL(url).hostname === "127.0.0.1" || /^(data|blob|about):/.test(url))).toBe(true);
    expect(unexpectedConsoleErrors(zh.consoleErrors)).toEqual([]);
    expect(zh.pageErrors).toEqual([]);
  });
});
