/**
 * The task pane inside a simulated Excel: the production build in dist/, in headless Chromium,
 * with office.js answered by an empty script and a small recording Office/Excel object model
 * injected before the page's scripts run (fake-office.ts). Office.onReady reports host Excel,
 * so the page offers 插入到当前工作簿 (insert into this workbook); inserting 绍兴 表1 离散型
 * 评分表 must write, through Excel.run, a new sheet of that name whose cells hold the constants
 * and native formulas of the plan the engine renders, with its marker in row 1. The custom
 * functions of the shared runtime must register themselves with CustomFunctions.associate.
 *
 * What this does not show: how a real Excel lays out, calculates or protects the sheet.
 *
 * Without Chromium the suite says so and skips, except in CI, where it fails.
 */
import { join } from "node:path";
import type { Browser, Locator } from "playwright-core";
import { FUNCTION_STRINGS } from "../../functions/strings";
import { decodeMarker } from "../../src/sheets/marker";
import { findSheetTemplate } from "../../src/sheets/registry";
import type { SheetPlan } from "../../src/sheets/plan";
import { cleanSheetName } from "../../src/xlsx/sheet-names";
import { parseInput } from "../office/excel-double";
import { installFakeOffice, type FakeCell, type FakeOfficeOptions, type FakeWorkbookState } from "./fake-office";
import { artifactsDir, describeInChromium, ensureBuilt, launchChromium, recordedPage, serveStatic, unexpectedConsoleErrors, type Recorded, type StaticServer } from "./harness";

jest.setTimeout(90_000);

const DISCRETE = "shaoxing-discrete";
const DISCRETE_TITLE = "绍兴市智能化改造认定标准 表1 离散型（百分制） 评分表";

function renderPlan(id: string): SheetPlan {
  const plan = findSheetTemplate(id)?.render({});
  if (!plan?.ok) throw new Error(`${id} does not render with its default parameters`);
  return plan.value;
}

/**
 * What Excel holds after the writes: the entry is parsed as Excel parses typed input ("=…" a
 * formula, "12" a number, "TRUE" a boolean, unless the cell's number format is Text "@"), with
 * the same rule the src/office tests' double uses (tests/office/excel-double.ts).
 */
function excelHolds(cell: FakeCell | undefined): { formula: string } | { value: unknown } {
  const entered = cell?.formulas !== undefined ? cell.formulas : cell?.values;
  if (entered === undefined || entered === null) return { value: null };
  if (typeof entered !== "string" && typeof entered !== "number" && typeof entered !== "boolean") return { value: entered };
  const parsed = parseInput(entered, typeof cell?.numberFormat === "string" ? cell.numberFormat : "General");
  return parsed.formula !== undefined ? { formula: parsed.formula.replace(/^=/, "") } : { value: parsed.value };
}

async function openInFakeExcel(browser: Browser, server: StaticServer, options: FakeOfficeOptions, locale: string): Promise<Recorded> {
  const recorded = await recordedPage(browser, { locale });
  // In Excel, office.js comes from Office; here the test's object model stands in for it.
  await recorded.context.route("**/office-js/office.js", (route) => {
    recorded.requests.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: "/* office.js: replaced by the test's fake Office host (tests/browser/fake-office.ts) */\n" });
  });
  await recorded.page.addInitScript(installFakeOffice, options);
  await recorded.page.goto(`${server.origin}/taskpane.html`, { waitUntil: "load" });
  return recorded;
}

/** The message the card shows when its action ends: a status on success, an alert (with the cause) on failure. */
async function outcomeOf(card: Locator): Promise<string> {
  const message = card.getByRole("status").or(card.getByRole("alert"));
  await message.first().waitFor({ state: "visible", timeout: 30_000 });
  const text = (await message.first().innerText()).trim();
  return text.replace(/\s+/g, " ");
}

function state(recorded: Recorded): Promise<FakeWorkbookState> {
  return recorded.page.evaluate("window.__fakeExcel") as Promise<FakeWorkbookState>;
}

describeInChromium("task pane inside a simulated Excel (fake Office host, headless Chromium)", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureBuilt();
    server = await serveStatic();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test("inserts 绍兴 表1 离散型 评分表 into the workbook through Excel.run: its sheet, constants, formulas and marker", async () => {
    const excel = await openInFakeExcel(browser, server, { displayLanguage: "zh-CN", sheets: ["Sheet1"] }, "zh-CN");
    try {
      const { page } = excel;
      await page.getByRole("tab", { name: "模板" }).waitFor({ state: "visible" });
      // The shared runtime registered the custom functions with the host.
      const before = await state(excel);
      expect(before.associated).toEqual(expect.arrayContaining(["SCORE_DISCRETE", "SCORE_PROCESS", "TIER_CHECK", "KPI_CHANGE", "CHECK_USCC"]));
      // Inside Excel there is no download and no "not in Excel" notice.
      await expect(page.getByText("未在 Excel 中打开").count()).resolves.toBe(0);
      await expect(page.getByRole("button", { name: "下载 .xlsx" }).count()).resolves.toBe(0);

      const card = page.getByRole("group", { name: DISCRETE_TITLE });
      await card.scrollIntoViewIfNeeded();
      await card.getByRole("button", { name: "插入到当前工作簿" }).click();
      const plan = renderPlan(DISCRETE);
      const sheetName = cleanSheetName(plan.name);
      await expect(outcomeOf(card)).resolves.toBe(`已插入工作表：${sheetName}`);
      await page.screenshot({ path: join(artifactsDir(), "excel-zh-CN-inserted.png") });

      const after = await state(excel);
      expect(after.sheets).toEqual(["Sheet1", sheetName]);
      expect(after.runs).toBeGreaterThanOrEqual(1);
      expect(after.syncs).toBeGreaterThanOrEqual(1);
      const cells = after.cells[sheetName];

      // The marker: row 1, some column right of the table, decodes to the plan's marker.
      const markers = Object.entries(cells)
        .filter(([key]) => key.startsWith("1,"))
        .map(([, cell]) => excelHolds(cell))
        .map((holds) => ("value" in holds ? decodeMarker(holds.value) : null))
        .filter((m) => m !== null);
      expect(markers).toEqual([plan.marker]);
      expect(plan.marker).toEqual({ template: DISCRETE, version: expect.any(Number), params: {} });

      // Every constant and native formula of the plan, where the plan puts it.
      const written = plan.cells.filter((c) => c.formula !== undefined || (c.value !== undefined && c.value !== null && c.value !== ""));
      expect(written.length).toBeGreaterThan(50);
      for (const c of written) {
        const holds = excelHolds(cells[`${c.row},${c.col}`]);
        expect({ at: [c.row, c.col], holds }).toEqual({ at: [c.row, c.col], holds: c.formula !== undefined ? { formula: c.formula } : { value: c.value } });
      }
      // The total: a native formula in the cell the plan names.
      const total = plan.results.find((r) => r.key === "total");
      expect(total).toBeDefined();
      const totalHolds = excelHolds(cells[`${total?.row},${total?.col}`]);
      expect(totalHolds).toEqual({ formula: expect.stringMatching(/SUM|\+/) });
      expect(JSON.stringify(totalHolds)).not.toMatch(/ASSESS\./);

      expect(excel.foreign).toEqual([]);
      expect(unexpectedConsoleErrors(excel.consoleErrors)).toEqual([]);
      expect(excel.pageErrors).toEqual([]);
    } finally {
      await excel.context.close();
    }
  });

  test("a second insert of the same sheet gets a new name and leaves the first alone", async () => {
    const plan = renderPlan(DISCRETE);
    const first = cleanSheetName(plan.name);
    const excel = await openInFakeExcel(browser, server, { displayLanguage: "zh-CN", sheets: ["Sheet1", first] }, "zh-CN");
    try {
      const card = excel.page.getByRole("group", { name: DISCRETE_TITLE });
      await card.getByRole("button", { name: "插入到当前工作簿" }).click();
      await expect(outcomeOf(card)).resolves.toBe(`已插入工作表：${first} (2)`);
      const after = await state(excel);
      expect(after.sheets).toEqual(["Sheet1", first, `${first} (2)`]);
      expect(after.cells[first]).toEqual({});
      expect(excel.pageErrors).toEqual([]);
    } finally {
      await excel.context.close();
    }
  });

  test("函数 tab: the SCORE_DISCRETE example goes into the selected cell as a formula", async () => {
    const example = FUNCTION_STRINGS.find((f) => f.id === "SCORE_DISCRETE")?.example.formula;
    expect(example).toMatch(/^=ASSESS\.SCORE_DISCRETE\(/);
    const excel = await openInFakeExcel(browser, server, { displayLanguage: "zh-CN", sheets: ["Sheet1"] }, "zh-CN");
    try {
      const { page } = excel;
      await page.getByRole("tab", { name: "函数" }).click();
      await page.getByRole("button", { name: /\bSCORE_DISCRETE\b/ }).click();
      const message = page.getByRole("status").or(page.getByRole("alert")).first();
      await message.waitFor({ state: "visible" });
      await expect(message.innerText()).resolves.toContain(example);
      const after = await state(excel);
      expect(excelHolds(after.cells.Sheet1["2,2"])).toEqual({ formula: example?.slice(1) });
      expect(excel.pageErrors).toEqual([]);
      expect(unexpectedConsoleErrors(excel.consoleErrors)).toEqual([]);
    } finally {
      await excel.context.close();
    }
  });

  test("follows Office's display language: English Excel opens the task pane in English", async () => {
    const excel = await openInFakeExcel(browser, server, { displayLanguage: "en-US", sheets: ["Sheet1"] }, "zh-CN");
    try {
      const { page } = excel;
      await page.getByRole("tab", { name: "Templates" }).waitFor({ state: "visible" });
      for (const name of ["Check", "Functions"]) await expect(page.getByRole("tab", { name }).isVisible()).resolves.toBe(true);
      await expect(page.getByRole("button", { name: "Insert into this workbook" }).first().isVisible()).resolves.toBe(true);
      await page.screenshot({ path: join(artifactsDir(), "excel-en.png") });
      expect(excel.foreign).toEqual([]);
      expect(unexpectedConsoleErrors(excel.consoleErrors)).toEqual([]);
      expect(excel.pageErrors).toEqual([]);
    } finally {
      await excel.context.close();
    }
  });
});
