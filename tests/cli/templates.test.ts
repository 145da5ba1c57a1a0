/**
 * Template files on the command line (issue 13 item 3): `assessbook template check <file>...`
 * reports every problem with its JSON path and what was expected (exit 1), or sums up a good
 * file (exit 0); `--templates <file|dir>` loads templates for any command, and a bad one is an
 * input error naming the file and the path.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { loadedTemplates, removeTemplate } from "../../templates/index";
import { SEEDS } from "../../templates/documents";

jest.setTimeout(60_000);

const GOOD = join(__dirname, "..", "fixtures", "templates", "check-good-rubric.json");
const goodData = () => JSON.parse(readFileSync(GOOD, "utf8")) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), read: (path) => readFile(path, "utf8") };
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

let dir: string;
let answers: string;
let broken: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "assessbook-cli-templates-"));
  answers = join(dir, "answers.json");
  writeFileSync(answers, JSON.stringify({ A1: "有", A2: "45%" }));
  broken = join(dir, "broken.json");
  const t = goodData();
  t.version = "2";
  t.sections[0].items[1].rule.brackets[1].points = "six";
  t.sections[0].source.doc = SEEDS.shaoxing2019;
  writeFileSync(broken, JSON.stringify(t, null, 2));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// run() loads --templates into this process's catalogue: each test starts without them.
afterEach(() => {
  for (const t of loadedTemplates()) removeTemplate(t.id);
});

describe("assessbook template check", () => {
  test("a good file: its kind, id, version, title, issuing document and the sheets it makes (exit 0)", async () => {
    const r = await cli(["template", "check", GOOD]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")).toEqual([
      `${GOOD}: 正确`,
      "  评分表 baishi-check 第 2 版：白石镇设备数字化自查表（虚构示例）",
      "    依据：白经发〔2026〕3号（虚构示例），白石镇经济发展办公室（虚构），2026，https://example.org/baishi/2026-3.pdf",
      "    工作表：baishi-check, baishi-check-batch, baishi-check-panel",
    ]);
    // Checking loads nothing into the catalogue.
    expect(loadedTemplates()).toEqual([]);
  });

  test("in English", async () => {
    const r = await cli(["template", "check", GOOD, "--lang", "en"]);
    expect(r.out).toContain("  rubric baishi-check version 2: Baishi Town equipment digitalisation self-check (fictional example)");
    expect(r.out).toContain("    sheets: baishi-check, baishi-check-batch, baishi-check-panel");
  });

  test("a broken file beside a good one: every problem of the broken one with its path (exit 1), the good one still summed up", async () => {
    const r = await cli(["template", "check", broken, GOOD]);
    expect(r.code).toBe(1);
    const lines = r.out.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      `${broken}: 3 处问题 / 3 problems`,
      '  $.version: 应为数字，实为文本 "2" / expected a number, found the text "2"',
      '  $.sections[0].items[1].rule.brackets[1].points: 应为数字，实为文本 "six" / expected a number, found the text "six"',
      `  $.sections[0].source.doc: ${SEEDS.shaoxing2019} 是内置模板的依据文件 / ${SEEDS.shaoxing2019} is the seed file of a built-in template: expected the file name or link of this template's own issuing document`,
    ]);
    expect(lines[4]).toBe(`${GOOD}: 正确`);
  });

  test("--json: one entry per file, problems as {path, message}", async () => {
    const r = await cli(["template", "check", broken, GOOD, "--json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as { files: Record<string, unknown>[] };
    expect(report.files).toEqual([
      { file: broken, ok: false, problems: expect.arrayContaining([{ path: "$.version", message: expect.stringContaining("expected a number") }]) },
      {
        file: GOOD,
        ok: true,
        templates: [
          {
            kind: "rubric",
            id: "baishi-check",
            version: 2,
            title: expect.objectContaining({ zh: "白石镇设备数字化自查表（虚构示例）" }),
            document: expect.objectContaining({ file: "https://example.org/baishi/2026-3.pdf" }),
            sheets: ["baishi-check", "baishi-check-batch", "baishi-check-panel"],
          },
        ],
      },
    ]);
  });

  test("bad JSON gives its line and column; a missing file is named", async () => {
    const bad = join(dir, "syntax.json");
    writeFileSync(bad, '{\n  "id": "baishi-check",\n  "kind": "rubric",,\n}');
    const missing = join(dir, "missing.json");
    const r = await cli(["template", "check", bad, missing]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${bad}: 1 处问题 / 1 problem\n  $: 不是有效的 JSON，第 3 行第 20 列 / not valid JSON at line 3, column 20`);
    expect(r.out).toContain(`${missing}: 1 处问题 / 1 problem\n  $: 文件不存在 / no such file or directory`);
  });

  test("usage: an action and at least one file", async () => {
    expect((await cli(["template"])).code).toBe(2);
    expect((await cli(["template", "lint", GOOD])).err).toMatch(/unknown action: template lint/);
    const r = await cli(["template", "check"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("assessbook template check <template.json|dir>...");
  });
});

describe("--templates <file|dir> on any command", () => {
  test("score scores on the loaded rubric: 8 (ticked) + 6 (45% networked) = 14", async () => {
    const r = await cli(["score", "baishi-check", answers, "--templates", GOOD, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ rubric: "baishi-check", total: 14 });
  });

  test("without --templates the rubric is unknown", async () => {
    const r = await cli(["score", "baishi-check", answers]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown rubric: baishi-check");
  });

  test("a directory loads each of its template files; list shows them", async () => {
    const set = join(dir, "set");
    mkdirSync(set);
    writeFileSync(join(set, "a.json"), JSON.stringify({ ...goodData(), id: "baishi-a" }));
    writeFileSync(join(set, "b.json"), JSON.stringify({ ...goodData(), id: "baishi-b" }));
    const r = await cli(["list", "--json", "--templates", set, "--templates", GOOD]);
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.out) as { id: string; kind: string }[]).filter((x) => x.kind === "rubric").map((x) => x.id);
    expect(ids).toEqual(expect.arrayContaining(["baishi-a", "baishi-b", "baishi-check"]));
  });

  test("a broken file is an input error (exit 1) naming the file and each path; the command does not run", async () => {
    const r = await cli(["score", "baishi-check", answers, "--templates", broken]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err.split("\n")).toEqual([
      `${broken}: $.version: 应为数字，实为文本 "2" / expected a number, found the text "2"`,
      `${broken}: $.sections[0].items[1].rule.brackets[1].points: 应为数字，实为文本 "six" / expected a number, found the text "six"`,
      expect.stringMatching(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\$\\.sections\\[0\\]\\.source\\.doc: `)),
    ]);
    expect(loadedTemplates()).toEqual([]);
  });

  test("a built-in id is refused with its path", async () => {
    const own = join(dir, "builtin-id.json");
    writeFileSync(own, JSON.stringify({ ...goodData(), id: "shaoxing-discrete" }));
    const r = await cli(["list", "--templates", own]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/builtin-id\.json: \$\.id: shaoxing-discrete 是内置模板的编号 \/ shaoxing-discrete is the id of a built-in template/);
  });

  test("one id in two files: both files named, nothing loaded", async () => {
    const copy = join(dir, "copy.json");
    writeFileSync(copy, readFileSync(GOOD));
    const r = await cli(["list", "--templates", GOOD, "--templates", copy]);
    expect(r.code).toBe(1);
    expect(r.err.split("\n")).toEqual([expect.stringMatching(/check-good-rubric\.json: 模板 baishi-check 出现了两次/), expect.stringMatching(/copy\.json: 模板 baishi-check 出现了两次/)]);
    expect(loadedTemplates()).toEqual([]);
  });

  test("--templates needs a value", async () => {
    const r = await cli(["list", "--templates"]);
    expect(r.code).toBe(2);
  });

  test("the help text lists template check and --templates", async () => {
    const r = await cli(["--help"]);
    expect(r.out).toContain("assessbook template check <template.json|dir>... [--json]");
    expect(r.out).toContain("--templates <file|dir>  加载模板文件（可重复）/ load template files (repeatable), for every command");
  });
});
