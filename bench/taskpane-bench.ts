/**
 * `npm run bench` (third part): the task pane as a browser meets it, from the production build in
 * dist/ (`npm run build` first).
 *  - The gzipped size of the initial chunks taskpane.html loads: the webpack bundles of its
 *    <script> tags and stylesheets (office.js, copied as Microsoft ships it, is printed apart and
 *    not counted). Goal: at most 350 KB.
 *  - Time to first render in headless Chromium: navigation start until the task pane's tabs
 *    (模板/检查/合并/函数) are visible, in a fresh browser context each run (nothing cached), median of
 *    several runs. Skipped with a note when Chromium is not installed.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { DIST, chromiumInstalled, launchChromium, serveStatic, CHROMIUM_PATH } from "./chromium";

const GOAL_KB = 350;
const RUNS = 7;
const PAGE = "taskpane.html";

/** The local files taskpane.html loads at start: <script src> and <link rel="stylesheet" href>. */
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

function sizes(): void {
  const html = readFileSync(join(DIST, PAGE), "utf8");
  const assets = initialAssets(html);
  let bundle = 0;
  let office = 0;
  const rows: string[] = [];
  for (const asset of assets) {
    const file = join(DIST, asset);
    if (!existsSync(file)) throw new Error(`${PAGE} loads ${asset}, which is not in dist/`);
    const raw = readFileSync(file);
    const gz = gzipSync(raw, { level: 9 }).length;
    const copied = asset.startsWith("office-js/");
    if (copied) office += gz;
    else bundle += gz;
    rows.push(`  ${asset.padEnd(28)} ${kb(raw.length).padStart(10)} raw ${kb(gz).padStart(10)} gzipped${copied ? " (office.js, copied, not counted)" : ""}`);
  }
  console.log(`task pane initial chunks (${PAGE}):`);
  for (const row of rows) console.log(row);
  const verdict = bundle <= GOAL_KB * 1024 ? "meets" : "ABOVE";
  console.log(`task pane bundle, initial chunks gzipped (zlib level 9): ${kb(bundle)} (${verdict} goal ≤ ${GOAL_KB} KB); office.js loader: ${kb(office)} gzipped`);
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
async function firstRender(): Promise<void> {
  if (!chromiumInstalled()) {
    console.log(`time to first render: skipped, Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium)`);
    return;
  }
  const server = await serveStatic(DIST);
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ locale: "zh-CN" });
      const page = await context.newPage();
      await page.goto(`${server.origin}/${PAGE}`, { waitUntil: "commit", timeout: 30_000 });
      const handle = await page.waitForFunction(tabsVisibleAt, undefined, { polling: "raf", timeout: 30_000 });
      times.push((await handle.jsonValue()) as number);
      await context.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `time to first render (navigation start → tabs visible; standalone page, headless Chromium, fresh context each run): ${median.toFixed(0)} ms median of ${RUNS} (${times.map((t) => t.toFixed(0)).join(", ")} ms)`,
    );
  } catch (e) {
    console.log(`time to first render: not measured, the tabs never became visible: ${(e as Error).message.split("\n")[0]}`);
    process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, PAGE))) throw new Error(`dist/${PAGE} is missing: run npm run build first`);
  sizes();
  await firstRender();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
