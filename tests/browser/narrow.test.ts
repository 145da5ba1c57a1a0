/**
 * The task pane at 350 px, the narrowest width Office gives a task pane (issue 12): on the
 * standalone page (the production build in dist/, headless Chromium), every tab in Chinese and in
 * English must fit without a horizontal scroll bar (document.scrollWidth ≤ 350). A failure names
 * the elements that stick out, widest first. Screenshots go to test-artifacts/browser/.
 *
 * Without Chromium the suite says so and skips, except in CI, where it fails.
 */
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { writeWorkbook } from "../../src/xlsx/writer";
import { ROW_A, ROW_B, summaryPlan } from "../merge/submissions";
import { artifactsDir, describeInChromium, ensureBuilt, launchChromium, recordedPage, serveStatic, unexpectedConsoleErrors, type Recorded, type StaticServer } from "./harness";

jest.setTimeout(120_000);

const WIDTH = 350;
const TABS = {
  zh: { language: "中文", select: "语言", tabs: ["模板", "检查", "合并", "导出", "函数"] },
  en: { language: "English", select: "Language", tabs: ["Templates", "Check", "Merge", "Export", "Functions"] },
} as const;

/** The page's scroll width and the elements whose right edge passes the viewport, widest first. */
async function overflow(page: Page): Promise<{ scrollWidth: number; sticking: string[] }> {
  return page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const sticking = [...document.querySelectorAll("body *")]
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.right > width + 0.5 && r.width > 0)
      .sort((a, b) => b.r.width - a.r.width)
      .slice(0, 5)
      .map(({ e, r }) => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : "") + " " + Math.round(r.width) + "px: " + (e.textContent || "").slice(0, 40));
    return { scrollWidth: document.documentElement.scrollWidth, sticking };
  })()`);
}

describeInChromium("task pane at 350 px (standalone page, headless Chromium)", () => {
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
    await pane.page.getByRole("tab", { name: "模板" }).waitFor({ state: "visible" });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ["zh", "en"] as const) {
    test(`every tab fits ${WIDTH} px in ${TABS[lang].language}`, async () => {
      const { page } = pane;
      const other = lang === "zh" ? TABS.en : TABS.zh;
      // The language selector is labelled in the language showing now.
      const select = page.getByRole("combobox", { name: TABS[lang].select }).or(page.getByRole("combobox", { name: other.select }));
      await select.selectOption(lang);
      await page.getByRole("tab", { name: TABS[lang].tabs[0], exact: true }).waitFor({ state: "visible" });
      const found: Record<string, { scrollWidth: number; sticking: string[] }> = {};
      for (const name of TABS[lang].tabs) {
        await page.getByRole("tab", { name, exact: true }).click();
        await page.getByRole("tabpanel", { name }).getByRole("heading", { level: 2 }).first().waitFor({ state: "visible" });
        found[name] = await overflow(page);
        await page.screenshot({ path: join(artifactsDir(), `narrow-${lang}-${name}.png`), fullPage: true });
      }
      expect(Object.fromEntries(Object.entries(found).filter(([, f]) => f.scrollWidth > WIDTH))).toEqual({});
      expect(unexpectedConsoleErrors(pane.consoleErrors)).toEqual([]);
      expect(pane.pageErrors).toEqual([]);
    });
  }

  test(`the English merge tab fits ${WIDTH} px with a preview and after the download, its message in view`, async () => {
    const { page } = pane;
    await page.getByRole("combobox", { name: /^(语言|Language)$/ }).selectOption("en");
    await page.getByRole("tab", { name: "Merge", exact: true }).click();
    const bytes = Buffer.from((await writeWorkbook([summaryPlan([ROW_A, ROW_B])])).bytes);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "Choose the files to merge…" }).click()]);
    await chooser.setFiles([{ name: "district.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: bytes }]);
    await page.getByRole("table", { name: "The merged rows (in priority order)" }).waitFor({ state: "visible", timeout: 30_000 });
    expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(WIDTH);

    await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: /^Write 2 rows/ }).click()]);
    const message = page.getByRole("status").filter({ hasText: "downloaded" });
    await message.waitFor({ state: "visible" });
    // Scrolled into view once it appears (smoothly: give it a moment).
    const height = page.viewportSize()?.height ?? 0;
    const inView = async () => {
      const box = await message.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= height;
    };
    for (let tries = 0; tries < 50 && !(await inView()); tries++) await page.waitForTimeout(100);
    expect(await inView()).toBe(true);
    expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: join(artifactsDir(), "narrow-en-merged.png"), fullPage: true });
    expect(unexpectedConsoleErrors(pane.consoleErrors)).toEqual([]);
    expect(pane.pageErrors).toEqual([]);
  });
});
