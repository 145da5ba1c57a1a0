/**
 * The browser suites' common ground: whether they can run (Chromium present; CI never skips),
 * the production build in dist/ served on 127.0.0.1, and a page that records every request,
 * console error and uncaught exception, so a test can fail on any of them.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, ConsoleMessage, Page } from "playwright-core";
import { CHROMIUM_PATH, DIST, ROOT, chromiumInstalled } from "../../bench/chromium";
import { IN_CI } from "../sheets/libreoffice";

export { launchChromium, serveStatic, type StaticServer } from "../../bench/chromium";

/** Screenshots and downloads of the browser suites; never committed (.gitignore). */
export const ARTIFACTS = process.env.ASSESSBOOK_ARTIFACTS ?? join(ROOT, "test-artifacts", "browser");

export function artifactsDir(): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

/**
 * describe() when Chromium is installed. Otherwise outside CI the suite says plainly that it
 * skips; in CI (CI=true) it fails, as .ci/run installs Chromium and CI must never skip.
 */
export function describeInChromium(name: string, body: () => void): void {
  if (chromiumInstalled()) {
    describe(name, body);
    return;
  }
  if (IN_CI) {
    describe(name, () => {
      test("Chromium is installed (CI never skips the browser tests)", () => {
        throw new Error(`Chromium is not at ${CHROMIUM_PATH}: .ci/run installs it (apt-get install chromium); the browser tests must run in CI`);
      });
    });
    return;
  }
  console.warn(`${name}: skipped, Chromium is not installed at ${CHROMIUM_PATH}. Install it (apt-get install chromium) to run the browser tests.`);
  describe.skip(`${name} (skipped: Chromium is not installed)`, body);
}

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/**
 * The production build the tests load. `npm test` builds dist/ before jest; run alone, the suite
 * builds it when it is missing, and says so when it is older than the task pane's sources.
 */
export function ensureBuilt(): void {
  const page = join(DIST, "taskpane.html");
  if (!existsSync(page)) {
    console.log("dist/taskpane.html is missing: running npm run build (about a minute)");
    try {
      execFileSync("npm", ["run", "build"], { cwd: ROOT, stdio: "pipe", encoding: "utf8" });
    } catch (e) {
      const { stdout, stderr } = e as { stdout?: string; stderr?: string };
      throw new Error(`npm run build failed, so the task pane cannot be loaded:\n${stdout ?? ""}${stderr ?? ""}`, { cause: e });
    }
    return;
  }
  const sources = ["taskpane", "functions", "src", "templates"].map((s) => join(ROOT, s)).filter(existsSync);
  if (newest(page) < Math.max(...sources.map(newest))) console.warn("dist/ is older than the task pane's sources: these tests load the last build (npm run build to refresh it)");
}

export interface Recorded {
  page: Page;
  context: BrowserContext;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** URLs on any host but 127.0.0.1 (aborted, never sent). */
  foreign: string[];
  /** console.error messages, with the script that wrote them. */
  consoleErrors: { text: string; url: string }[];
  /** Exceptions nothing caught. */
  pageErrors: string[];
}

/**
 * A fresh context (no cache, no storage) and page. Every request is routed through the test: one
 * to 127.0.0.1 goes on, any other is aborted and recorded, so nothing leaves the machine and a
 * test can fail on the attempt.
 */
export async function recordedPage(browser: Browser, options: { locale: string }): Promise<Recorded> {
  const context = await browser.newContext({ locale: options.locale, acceptDownloads: true, serviceWorkers: "block", viewport: { width: 420, height: 900 } });
  const recorded: Recorded = { page: undefined as unknown as Page, context, requests: [], foreign: [], consoleErrors: [], pageErrors: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    recorded.requests.push(url);
    const { protocol, hostname } = new URL(url);
    if ((protocol === "http:" || protocol === "https:" || protocol === "ws:" || protocol === "wss:") && hostname !== "127.0.0.1") {
      recorded.foreign.push(url);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") recorded.consoleErrors.push({ text: message.text(), url: message.location().url });
  });
  page.on("pageerror", (error) => recorded.pageErrors.push(`${error.name}: ${error.message}`));
  recorded.page = page;
  return recorded;
}

/**
 * Console errors that are not the page's own doing and change nothing:
 *  - the browser's request for /favicon.ico (the add-in has none; Office never asks for it);
 *  - office.js loaded outside Office tries to frame Microsoft's telemetry service in a hidden,
 *    inline-styled iframe; the page's Content-Security-Policy refuses both (no request is made,
 *    which `foreign` would show). Only messages written by office.js's own files are forgiven.
 */
export function unexpectedConsoleErrors(errors: Recorded["consoleErrors"]): Recorded["consoleErrors"] {
  return errors.filter((e) => {
    if (/\/favicon\.ico$/.test(e.url)) return false;
    if (/\/office-js\//.test(e.url) && /Content Security Policy/.test(e.text) && (/telemetryservice\.firstpartyapps\.oaspapps\.com/.test(e.text) || /inline style/.test(e.text))) return false;
    return true;
  });
}
