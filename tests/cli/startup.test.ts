/**
 * What the compiled command line loads (issue 14): each command loads its own modules only
 * (src/cli/main.ts), and the built-in catalogue comes validated from the build
 * (build/templates/catalogue.json), so `score` starts without zod, exceljs or docx.
 *
 * Run as real processes with a preloaded script that writes down every module Node loaded, not
 * in-process: jest has loaded half the project before a test begins.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "assessbook.js");
const example = (name: string) => join(ROOT, "examples", name);

let dir: string;
let hook: string;

beforeAll(() => {
  if (!existsSync(join(ROOT, "build", "src", "cli", "main.js")) || !existsSync(join(ROOT, "build", "templates", "catalogue.json"))) {
    execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "ignore" });
  }
  dir = mkdtempSync(join(tmpdir(), "assessbook-startup-"));
  hook = join(dir, "loaded.js");
  // Every module in Node's require cache when the process exits, written where the test says.
  writeFileSync(hook, `process.on("exit", () => require("node:fs").writeFileSync(process.env.LOADED_LIST, JSON.stringify(Object.keys(require.cache))));\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bin with `args` and returns its exit status and the modules it loaded, as paths from the project root. */
function loadedBy(args: string[]): { status: number | null; stderr: string; modules: string[] } {
  const list = join(dir, "list.json");
  rmSync(list, { force: true });
  const r = spawnSync(process.execPath, ["-r", hook, BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LOADED_LIST: list } });
  const modules = (JSON.parse(readFileSync(list, "utf8")) as string[]).filter((m) => m !== hook).map((m) => relative(ROOT, m).split(sep).join("/"));
  return { status: r.status, stderr: r.stderr, modules };
}

/** The npm packages among the modules (node_modules/<name>/… or node_modules/@scope/<name>/…). */
function packages(modules: readonly string[]): string[] {
  return [...new Set(modules.flatMap((m) => /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m)?.[1] ?? []))].sort();
}

/** What only build, extract, export and merge use: workbooks, Word, the formula evaluator, merging. */
const HEAVY_PACKAGES = ["exceljs", "docx", "jszip", "pako"];
const HEAVY_MODULES = [/^build\/src\/xlsx\/(?!cell-text\.js$)/, /^build\/src\/sheets\/calc\//, /^build\/src\/merge\//, /^build\/src\/export\//];

describe("the compiled command line loads only what the command uses", () => {
  test("score: no package at all (no zod, exceljs or docx), no workbook, export or merge code, no schema", () => {
    const { status, stderr, modules } = loadedBy(["score", "shaoxing-discrete", example("shaoxing-discrete.json")]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(modules).toContain("build/src/cli/score-command.js");
    expect(packages(modules)).toEqual([]);
    expect(modules.filter((m) => HEAVY_MODULES.some((p) => p.test(m)))).toEqual([]);
    // The catalogue is the shipped one: neither the zod schema nor the template sources are loaded.
    expect(modules).toContain("build/templates/shipped.js");
    expect(modules.filter((m) => /^build\/templates\/(schema|load|catalogue)\.js$|^build\/templates\/rubrics\//.test(m))).toEqual([]);
  });

  test.each([
    ["tier", ["tier", "shaoxing", example("shaoxing-tier.json")]],
    ["list", ["list"]],
  ])("%s: no exceljs, docx, jszip or pako, no workbook reader or writer, formula evaluator, export or merge code", (_name, args) => {
    const { status, stderr, modules } = loadedBy(args);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(packages(modules).filter((p) => HEAVY_PACKAGES.includes(p))).toEqual([]);
    expect(modules.filter((m) => HEAVY_MODULES.some((p) => p.test(m)))).toEqual([]);
  });

  test("the list sees what a heavier command loads (export: docx and the workbook reader)", () => {
    // The file does not exist: export fails after loading its modules, which is all this needs.
    const { status, modules } = loadedBy(["export", join(dir, "missing.xlsx"), "--format", "docx", "-o", join(dir, "out.docx")]);
    expect(status).toBe(1);
    expect(packages(modules)).toContain("docx");
    expect(modules).toContain("build/src/xlsx/reader.js");
  });
});
