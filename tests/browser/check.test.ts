/**
 * The 检查 (check) tab on the standalone page (no Office; the production build in dist/, served on
 * 127.0.0.1, in headless Chromium) at 350 px, Office's narrowest task pane (issue 12). A filled
 * workbook picked through the page's own button (a file chooser) is read and checked in the
 * browser: the result a spreadsheet shows differently from the engine is listed with its cell,
 * what the sheet shows and what the engine computes; a workbook as Assessbook wrote it says it is
 * not calculated. The reading and checking code is a chunk of its own, fetched on the first pick.
 * The page fits 350 px with the findings shown, in Chinese and in English.
 *
 * Without Chromium the suite says so and skips, except in CI, where it fails.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { artifactsDir, describeInChromium, ensureBuilt, launchChromium, recordedPage, serveStatic, unexpectedConsoleErrors, type Recorded, type StaticServer } from "./harness";
import { resultCell, sampleSheet, savedBySpreadsheet, written } from "../taskpane/saved-workbook";

jest.setTimeout(120_000);

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const WIDTH = 350;
/** 绍兴 表1 离散型 评分表 with its sample answers: the engine's total is 79. */
const SCORING = "shaoxing-discrete";
const SHEET = "表1 评分";

async function choose(page: Page, button: string, name: string, bytes: Uint8Array): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: button }).click()]);
  await chooser.setFiles([{ name, mimeType: XLSX_TYPE, buffer: Buffer.from(bytes) }]);
}

function scrollWidth(page: Page): Promise<number> {
  return page.evaluate("document.documentElement.scrollWidth") as Promise<number>;
}

describeInChromium("task pane check tab outside Excel (standalone page, headless Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let pane: Recorded;

  beforeAll(async () => {
    ensureBuilt();
    server = await serveStatic();
    browser = await launchChromium();
    pane = await recordedPage(browser, { locale: "zh-CN" });
    await pane.page.setViewportSize({ width: WIDTH, height: 800 });
    await pane.page.goto(`${server.origin}/taskpane.html`, { waitUntil: "load" });
    await pane.page.getByRole("tab", { name: "检查" }).click();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("a picked workbook's result that differs from the engine is listed with its cell; the page fits 350 px in 中文 and English", async () => {
    const { page } = pane;
    const plan = sampleSheet(SCORING);
    const total = resultCell(plan, "total");
    await page.getByRole("heading", { level: 2, name: "检查填报" }).waitFor({ state: "visible" });
    expect(server.served.filter((p) => p === "/check-file.js")).toEqual([]);

    await choose(page, "选择要检查的工作簿…", "填报.xlsx", await savedBySpreadsheet([plan], total, 81));
    const sheet = page.getByRole("region", { name: SHEET });
    await sheet.getByRole("heading", { level: 3, name: SHEET }).waitFor({ state: "visible", timeout: 30_000 });
    expect(server.served).toContain("/check-file.js");
    await expect(sheet.getByRole("listitem").filter({ hasText: `${total} 显示 81，计算核心为 79` }).count()).resolves.toBe(1);
    await expect(sheet.getByRole("status").textContent()).resolves.toMatch(/^发现 \d+ 处问题$/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(artifactsDir(), "check-file-zh-CN.png"), fullPage: true });

    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
    await expect(sheet.getByRole("listitem").filter({ hasText: `${total} shows 81, the engine computes 79` }).count()).resolves.toBe(1);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(artifactsDir(), "check-file-en.png"), fullPage: true });
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh");

    expect(pane.foreign).toEqual([]);
    expect(unexpectedConsoleErrors(pane.consoleErrors)).toEqual([]);
    expect(pane.pageErrors).toEqual([]);
  });

  test("a workbook as Assessbook wrote it, never saved by a spreadsheet, says it is not calculated", async () => {
    const { page } = pane;
    await choose(page, "选择要检查的工作簿…", "新表.xlsx", await written([sampleSheet(SCORING)]));
    await page.getByText("新表.xlsx：检查了 1 张 Assessbook 生成的工作表").waitFor({ state: "visible", timeout: 30_000 });
    await expect(page.getByRole("region", { name: SHEET }).getByRole("status").textContent()).resolves.toMatch(/^尚未经电子表格计算/);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(WIDTH);
    expect(unexpectedConsoleErrors(pane.consoleErrors)).toEqual([]);
    expect(pane.pageErrors).toEqual([]);
  });
});
