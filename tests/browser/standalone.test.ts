/**
 * The task pane as a standalone page in a plain browser (no Office): the production build in
 * dist/, served on 127.0.0.1, in headless Chromium. It must load without a request to any other
 * host and without console errors, build an official sheet with the parameters set on its card
 * as an .xlsx download that reads back as that sheet, and switch between Chinese and English.
 * Screenshots of both languages go to test-artifacts/browser/ (not committed).
 *
 * Without Chromium the suite says so and skips, except in CI, where it fails.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { findSheetTemplate } from "../../src/sheets/registry";
import type { SheetPlan } from "../../src/sheets/plan";
import { readWorkbook } from "../../src/xlsx/reader";
import { cleanSheetName } from "../../src/xlsx/sheet-names";
import { artifactsDir, describeInChromium, ensureBuilt, launchChromium, recordedPage, serveStatic, unexpectedConsoleErrors, type Recorded, type StaticServer } from "./harness";

jest.setTimeout(90_000);

/** The 2024 recommendation summary table (卓越级智能工厂项目推荐汇总表), built with 3 rows by a city bureau. */
const SUMMARY = "national-2024-summary";
const PARAMS = { recommender: "city-miit", rows: 3 };

function renderPlan(id: string, params: Record<string, string | number>): SheetPlan {
  const template = findSheetTemplate(id);
  if (!template) throw new Error(`${id} is not a sheet template`);
  const plan = template.render(params);
  if (!plan.ok) throw new Error(`${id} does not render with ${JSON.stringify(params)}: ${JSON.stringify(plan.problems)}`);
  return plan.value;
}

describeInChromium("task pane outside Excel (standalone page, headless Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;
  let zh: Recorded;

  beforeAll(async () => {
    ensureBuilt();
    server = await serveStatic();
    browser = await launchChromium();
    zh = await recordedPage(browser, { locale: "zh-CN" });
    await zh.page.goto(`${server.origin}/taskpane.html`, { waitUntil: "load" });
    await zh.page.getByRole("tab", { name: "模板" }).waitFor({ state: "visible" });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("loads from 127.0.0.1 alone, without console errors, and opens on the tabs 模板 / 检查 / 函数", async () => {
    const { page } = zh;
    await page.waitForLoadState("networkidle");
    for (const name of ["模板", "检查", "函数"]) await expect(page.getByRole("tab", { name }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("tab", { name: "模板" }).getAttribute("aria-selected")).resolves.toBe("true");
    // Outside Excel the page says so and offers downloads.
    await expect(page.getByText("未在 Excel 中打开").first().isVisible()).resolves.toBe(true);

    expect(zh.foreign).toEqual([]);
    expect(zh.requests.length).toBeGreaterThan(0);
    expect(zh.requests.every((url) => new URL(url).hostname === "127.0.0.1" || /^(data|blob):/.test(url))).toBe(true);
    expect(server.served).toContain("/office-js/office.js");
    expect(unexpectedConsoleErrors(zh.consoleErrors)).toEqual([]);
    expect(zh.pageErrors).toEqual([]);
    await page.screenshot({ path: join(artifactsDir(), "standalone-zh-CN.png") });
  });

  test("builds 卓越级智能工厂项目推荐汇总表 with the parameters set on its card as an .xlsx download", async () => {
    const { page } = zh;
    const expected = renderPlan(SUMMARY, PARAMS);
    const card = page.getByRole("group", { name: "卓越级智能工厂项目推荐汇总表" });
    await card.scrollIntoViewIfNeeded();
    await card.getByRole("combobox", { name: "推荐单位类别" }).selectOption(PARAMS.recommender);
    const rows = card.getByRole("spinbutton", { name: "行数" });
    await rows.fill(String(PARAMS.rows));
    await rows.press("Tab");

    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 30_000 }), card.getByRole("button", { name: "下载 .xlsx" }).click()]);
    expect(download.suggestedFilename()).toBe("卓越级智能工厂项目推荐汇总表.xlsx");
    const saved = join(artifactsDir(), `standalone-${SUMMARY}.xlsx`);
    await download.saveAs(saved);
    await expect(card.getByRole("status").getByText(/已下载/).isVisible()).resolves.toBe(true);

    const sheets = await readWorkbook(await readFile(saved));
    expect(sheets.map((s) => s.name)).toEqual([cleanSheetName(expected.name)]);
    const [sheet] = sheets;
    expect(sheet.marker).toEqual(expected.marker);
    expect(sheet.marker).toEqual({ template: SUMMARY, version: expect.any(Number), params: PARAMS });

    // Every constant and formula of the plan the engine renders for the same parameters.
    const written = expected.cells.filter((c) => c.formula !== undefined || (c.value !== undefined && c.value !== null && c.value !== ""));
    expect(written.length).toBeGreaterThan(10);
    for (const c of written) {
      const read = sheet.cell(c.row, c.col);
      if (c.formula !== undefined) expect({ at: [c.row, c.col], read }).toEqual({ at: [c.row, c.col], read: { kind: "formula", formula: c.formula, result: null } });
      else expect({ at: [c.row, c.col], read }).toEqual({ at: [c.row, c.col], read: { kind: "value", value: c.value } });
    }
    expect(sheet.cell(1, 1)).toEqual({ kind: "value", value: "附件1" });
    expect(sheet.cell(2, 1)).toEqual({ kind: "value", value: "卓越级智能工厂项目推荐汇总表" });

    expect(zh.foreign).toEqual([]);
    expect(unexpectedConsoleErrors(zh.consoleErrors)).toEqual([]);
    expect(zh.pageErrors).toEqual([]);
  });

  test("switches between 中文 and English, and lists the ASSESS functions", async () => {
    const { page } = zh;
    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
    await page.getByRole("tab", { name: "Templates" }).waitFor({ state: "visible" });
    for (const name of ["Templates", "Check", "Functions"]) await expect(page.getByRole("tab", { name }).isVisible()).resolves.toBe(true);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(page.getByRole("group", { name: "Recommendation summary of excellence-level smart factory projects" }).isVisible()).resolves.toBe(true);
    await page.evaluate("window.scrollTo(0, 0)");
    await page.screenshot({ path: join(artifactsDir(), "standalone-en.png") });

    await page.getByRole("tab", { name: "Functions" }).click();
    // The tabs after the first are chunks loaded when first opened: wait for the tab's content.
    await page.getByText("SCORE_DISCRETE").first().waitFor({ state: "visible" });
    // Writing into a cell needs Excel: outside it the buttons are there but disabled.
    await expect(page.getByRole("button", { name: /\bSCORE_DISCRETE\b/ }).isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: join(artifactsDir(), "standalone-en-functions.png") });

    await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
    await page.getByRole("tab", { name: "函数" }).waitFor({ state: "visible" });
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
    await expect(page.getByRole("tab", { name: "函数" }).getAttribute("aria-selected")).resolves.toBe("true");

    // 检查 reads the active sheet in Excel; outside it, a workbook the user picks (tests/browser/check.test.ts).
    await page.getByRole("tab", { name: "检查" }).click();
    await page.getByRole("button", { name: "选择要检查的工作簿…" }).waitFor({ state: "visible" });

    expect(zh.foreign).toEqual([]);
    expect(unexpectedConsoleErrors(zh.consoleErrors)).toEqual([]);
    expect(zh.pageErrors).toEqual([]);
  });

  test("an English browser opens the page in English", async () => {
    const en = await recordedPage(browser, { locale: "en-US" });
    try {
      await en.page.goto(`${server.origin}/taskpane.html`, { waitUntil: "load" });
      await en.page.getByRole("tab", { name: "Templates" }).waitFor({ state: "visible" });
      await expect(en.page.getByRole("tab", { name: "Functions" }).isVisible()).resolves.toBe(true);
      expect(en.foreign).toEqual([]);
      expect(unexpectedConsoleErrors(en.consoleErrors)).toEqual([]);
      expect(en.pageErrors).toEqual([]);
    } finally {
      await en.context.close();
    }
  });
});
