/**
 * `npm run bench` (third part): the task pane as a browser meets it, from the production build in
 * dist/ (`npm run build` first), against a reference built and measured in the same run: a blank
 * React + Fluent UI page (a FluentProvider holding a tab list, a field and a button, nothing of
 * the add-in) bundled by webpack like the add-in and put in the same page shell (taskpane.html's
 * template: its Content-Security-Policy, stylesheet and office.js).
 *  - The gzipped size of the initial chunks each page loads: the webpack bundles of its <script>
 *    tags and stylesheets (office.js, copied as Microsoft ships it, is printed apart and not
 *    counted). Goal for the task pane: at most 230 KB.
 *  - Time to first render in headless Chromium: navigation start until a tab is visible, in a
 *    fresh browser context each run (nothing cached), the two pages taking turns in the same
 *    browser; medians of several runs and their ratio. Goal: the task pane at most 2.5 × the
 *    blank page. Skipped with a note when Chromium is not installed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack from "webpack";
import type { Browser } from "playwright-core";
import { addinTarget } from "../scripts/addin-target";
import { DIST, ROOT, chromiumInstalled, launchChromium, serveStatic, CHROMIUM_PATH } from "./chromium";

const GOAL_KB = 230;
const GOAL_RATIO = 2.5;
const RUNS = 9;
const PAGE = "taskpane.html";

/** The local files a page loads at start: <script src> and <link rel="stylesheet" href>. */
function initialAssets(html: string): string[] {
  // Minified HTML leaves attributes unquoted: src=taskpane.js as well as src="taskpane.js".
  const attribute = (tag: string, name: string): string | undefined => {
    const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
    return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  };
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, "src");
    if (src) found.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, "href");
    if (href && attribute(tag, "rel")?.toLowerCase() === "stylesheet") found.push(href);
  }
  return found.filter((src) => !/^[a-z]+:|^\/\//i.test(src)).map((src) => src.replace(/^\.?\//, "").split(/[?#]/)[0]);
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The gzipped bytes of a page's initial chunks (office.js apart), each file printed. */
function sizes(root: string, page: string, label: string): number {
  const html = readFileSync(join(root, page), "utf8");
  let bundle = 0;
  let office = 0;
  console.log(`${label}, initial chunks (${page}):`);
  for (const asset of initialAssets(html)) {
    const file = join(root, asset);
    if (!existsSync(file)) throw new Error(`${page} loads ${asset}, which is not in ${root}`);
    const raw = readFileSync(file);
    const gz = gzipSync(raw, { level: 9 }).length;
    const copied = asset.startsWith("office-js/");
    if (copied) office += gz;
    else bundle += gz;
    console.log(`  ${asset.padEnd(28)} ${kb(raw.length).padStart(10)} raw ${kb(gz).padStart(10)} gzipped${copied ? " (office.js, copied, not counted)" : ""}`);
  }
  console.log(`  together (zlib level 9): ${kb(bundle)}; office.js loader: ${kb(office)} gzipped`);
  return bundle;
}

/**
 * The blank page's entry: React + Fluent UI and nothing of the add-in, started the way
 * taskpane.tsx starts (after Office.onReady when office.js is there), showing tabs as the task
 * pane does, since the timing waits for a visible tab. Plain JavaScript: no TypeScript loader.
 */
const BLANK_ENTRY = `
import { createElement as h } from "react";
import { createRoot } from "react-dom/client";
import { Button, Field, FluentProvider, Select, Tab, TabList, webLightTheme } from "@fluentui/react-components";

function Blank() {
  return h(FluentProvider, { theme: webLightTheme },
    h("h1", null, "Assessbook"),
    h(Field, { label: "语言" }, h(Select, null, h("option", { value: "zh" }, "中文"), h("option", { value: "en" }, "English"))),
    h(TabList, { defaultSelectedValue: "a" }, h(Tab, { value: "a" }, "模板"), h(Tab, { value: "b" }, "检查"), h(Tab, { value: "c" }, "合并"), h(Tab, { value: "d" }, "函数")),
    h(Button, { appearance: "primary" }, "下载"));
}

function start() {
  createRoot(document.getElementById("root")).render(h(Blank));
}

if (typeof Office === "undefined") start();
else Office.onReady(start);
`;

/**
 * Builds the blank page into a temporary folder with webpack as the add-in is built (production
 * mode, its target, its downlevel loader for libraries, taskpane.html as the page), beside the
 * same stylesheet and office.js (a link to dist/office-js). Returns the folder.
 */
async function buildBlankPage(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "assessbook-blank-page-"));
  writeFileSync(join(dir, "blank-entry.js"), BLANK_ENTRY);
  writeFileSync(join(dir, "taskpane.css"), readFileSync(join(DIST, "taskpane.css")));
  symlinkSync(join(DIST, "office-js"), join(dir, "office-js"), "dir");
  const compiler = webpack({
    mode: "production",
    context: ROOT,
    target: ["web", `es${addinTarget(ROOT).year}`],
    entry: { blank: join(dir, "blank-entry.js") },
    output: { path: join(dir, "out"), filename: "[name].js" },
    resolve: { modules: [join(ROOT, "node_modules")] },
    module: { rules: [{ test: /\.[cm]?js$/, include: /node_modules/, use: { loader: join(ROOT, "build", "scripts", "downlevel-loader.js") } }] },
    plugins: [new HtmlWebpackPlugin({ filename: "blank.html", template: join(ROOT, "taskpane", "taskpane.html") })],
    performance: { hints: false },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((error, result) => (error || !result ? reject(error ?? new Error("webpack gave no result")) : resolve(result))));
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (stats.hasErrors()) throw new Error(`the blank page did not build:\n${stats.toString("errors-only")}`);
  // The page and its bundle beside the stylesheet and office.js, as in dist/.
  for (const name of ["blank.html", "blank.js"]) writeFileSync(join(dir, name), readFileSync(join(dir, "out", name)));
  return dir;
}

interface PageGlobals {
  document: { querySelector(selector: string): unknown };
  getComputedStyle(element: unknown): { visibility: string };
  performance: { now(): number };
}

/**
 * Runs in the page: performance.now() (ms since navigation start) once a tab is laid out and
 * visible, else null. A function, not a string: the page's Content-Security-Policy forbids eval.
 * Typed by hand, as this file compiles without the DOM library.
 */
function tabsVisibleAt(): number | null {
  const page = globalThis as unknown as PageGlobals;
  const tab = page.document.querySelector('[role="tab"]') as { getBoundingClientRect(): { width: number; height: number } } | null;
  if (!tab) return null;
  const box = tab.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && page.getComputedStyle(tab).visibility !== "hidden" ? page.performance.now() : null;
}

/** Milliseconds from navigation start until a [role=tab] is laid out and visible, measured in the page. */
async function timeToTabs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ locale: "zh-CN" });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit", timeout: 30_000 });
    const handle = await page.waitForFunction(tabsVisibleAt, undefined, { polling: "raf", timeout: 30_000 });
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Both pages in turn, in fresh contexts of one browser, each served by its own static server. */
async function firstRender(blankDir: string): Promise<void> {
  if (!chromiumInstalled()) {
    console.log(`time to first render: skipped, Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium)`);
    return;
  }
  const pane = await serveStatic(DIST);
  const blank = await serveStatic(blankDir);
  const browser = await launchChromium();
  try {
    const times = { pane: [] as number[], blank: [] as number[] };
    // One warm-up of each, not counted: the first page a new browser opens pays for its start.
    await timeToTabs(browser, `${blank.origin}/blank.html`);
    await timeToTabs(browser, `${pane.origin}/${PAGE}`);
    for (let run = 0; run < RUNS; run++) {
      times.blank.push(await timeToTabs(browser, `${blank.origin}/blank.html`));
      times.pane.push(await timeToTabs(browser, `${pane.origin}/${PAGE}`));
    }
    const list = (ts: number[]) => ts.map((t) => t.toFixed(0)).join(", ");
    const ratio = median(times.pane) / median(times.blank);
    console.log("time to first render (navigation start → a tab visible; headless Chromium, fresh context each run, the pages taking turns):");
    console.log(`  blank React + Fluent page: ${median(times.blank).toFixed(0)} ms median of ${RUNS} (${list(times.blank)} ms)`);
    console.log(`  task pane:                 ${median(times.pane).toFixed(0)} ms median of ${RUNS} (${list(times.pane)} ms)`);
    console.log(`  task pane / blank page: ${ratio.toFixed(2)} × (${ratio <= GOAL_RATIO ? "meets" : "ABOVE"} goal ≤ ${GOAL_RATIO} ×)`);
  } catch (e) {
    console.log(`time to first render: not measured, the tabs never became visible: ${(e as Error).message.split("\n")[0]}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
    await pane.close();
    await blank.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, PAGE))) throw new Error(`dist/${PAGE} is missing: run npm run build first`);
  const blankDir = await buildBlankPage();
  try {
    const pane = sizes(DIST, PAGE, "task pane");
    const blank = sizes(blankDir, "blank.html", "blank React + Fluent page (the reference)");
    console.log(
      `task pane, initial chunks gzipped: ${kb(pane)} (${pane <= GOAL_KB * 1024 ? "meets" : "ABOVE"} goal ≤ ${GOAL_KB} KB); blank React + Fluent page: ${kb(blank)} (${(pane / blank).toFixed(2)} ×)`,
    );
    await firstRender(blankDir);
  } finally {
    rmSync(blankDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
