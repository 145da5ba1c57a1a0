/**
 * A workbook built from a template loaded with --templates carries it (src/xlsx/template-part.ts):
 * `extract` and `merge` of that workbook, run later WITHOUT --templates, find the template in the
 * workbook itself; a workbook that lost its copy is reported with the template and version to
 * load; a carried version other than the one --templates loads is refused by name.
 *
 * In-process (src/cli/main run), as the other CLI tests: the catalogue is a module's state, so
 * between runs it is emptied of loaded templates, as a new process would start.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { loadedTemplates, removeTemplate } from "../../templates/index";
import { run } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { readWorkbook } from "../../src/xlsx/reader";

jest.setTimeout(120_000);

const FIXTURES = join(__dirname, "..", "fixtures", "templates");
const RUBRIC_FILE = join(FIXTURES, "county-rubric.json");
const RUBRIC = "qinghe-diagnosis";
const SINGLE = JSON.parse(readFileSync(RUBRIC_FILE, "utf8")).sample.single as Record<string, unknown>;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "assessbook-carried-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

/** A new process's catalogue: the built-in templates only. */
function freshCatalogue(): void {
  for (const t of loadedTemplates()) removeTemplate(t.id);
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), read: async (path) => readFileSync(path, "utf8") };
  const code = await run(args, io);
  freshCatalogue();
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const EXPERTS = ["示例专家甲", "示例专家乙", "示例专家丙"];
const expertFile = (name: string) => at(`${name}.xlsx`);

beforeAll(async () => {
  freshCatalogue();
  for (const [i, expert] of EXPERTS.entries()) {
    const data = at(`${expert}.json`);
    writeFileSync(data, JSON.stringify({ ...SINGLE, expert, "2.1": `${40 + i * 5}%` }));
    const built = await cli(["build", RUBRIC, "--templates", RUBRIC_FILE, "--data", data, "-o", expertFile(expert)]);
    expect(built).toMatchObject({ code: 0, err: "" });
  }
});

test("each workbook built with --templates carries the template as a custom XML part", async () => {
  const zip = await JSZip.loadAsync(readFileSync(expertFile(EXPERTS[0])));
  expect(await zip.file("customXml/item1.xml")?.async("string")).toContain(`id="${RUBRIC}" version="1"`);
  const [sheet] = await readWorkbook(readFileSync(expertFile(EXPERTS[0])));
  expect(sheet.marker?.from).toEqual({ id: RUBRIC, version: 1 });
});

test("extract without --templates reads the sheet by the template the workbook carries", async () => {
  const r = await cli(["extract", expertFile(EXPERTS[0]), "--json"]);
  expect(r).toMatchObject({ code: 0, err: "" });
  const [sheet] = JSON.parse(r.out).sheets as { template: string; status: string; inputs: Record<string, unknown> }[];
  expect(sheet.template).toBe(RUBRIC);
  expect(sheet.status).toBe("not-calculated");
  expect(sheet.inputs["2.1"]).toBe(0.4);
});

test("merge --template <rubric>-panel without --templates finds the rubric in the experts' workbooks, and the panel carries it on", async () => {
  const out = at("专家组.xlsx");
  const args = ["merge", "--template", `${RUBRIC}-panel`, ...EXPERTS.map(expertFile), "-o", out];
  const first = await cli(args);
  expect(first.err).toBe("");
  expect(first.code).toBe(3);
  expect(first.out).toMatch(new RegExp(`^p1 ${SINGLE.enterprise as string}：平均 `, "m"));
  const code = /--confirm ([0-9a-f]{10})\b/.exec(first.out)?.[1];
  expect(code).toBeDefined();
  const written = await cli([...args, "--confirm", code as string]);
  expect(written).toMatchObject({ code: 0, err: "" });
  expect(existsSync(out)).toBe(true);
  const sheets = await readWorkbook(readFileSync(out));
  expect(sheets.map((s) => s.marker?.template)).toEqual([`${RUBRIC}-panel`]);
  expect(await (await JSZip.loadAsync(readFileSync(out))).file("customXml/item1.xml")?.async("string")).toContain(`id="${RUBRIC}"`);
});

test("a workbook that lost its copy names the template and version to load", async () => {
  const zip = await JSZip.loadAsync(readFileSync(expertFile(EXPERTS[0])));
  zip.remove("customXml/item1.xml");
  const stripped = at("stripped.xlsx");
  writeFileSync(stripped, await zip.generateAsync({ type: "uint8array" }));
  const r = await cli(["extract", stripped]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("由模板 qinghe-diagnosis 第 1 版生成，该模板未加载，工作簿中也没有携带：请用 --templates <文件> 加载");
  const en = await cli(["extract", stripped, "--lang", "en"]);
  expect(en.out).toContain("was built from template qinghe-diagnosis version 1, which is not loaded and not carried by the workbook: pass --templates <file>");
  // With the file, it reads.
  const loaded = await cli(["extract", stripped, "--templates", RUBRIC_FILE, "--json"]);
  expect(JSON.parse(loaded.out).sheets[0].status).toBe("not-calculated");
});

test("a carried version other than the one --templates loads is refused by name", async () => {
  const newer = at("county-rubric-v2.json");
  writeFileSync(newer, JSON.stringify({ ...JSON.parse(readFileSync(RUBRIC_FILE, "utf8")), version: 2 }));
  const r = await cli(["extract", expertFile(EXPERTS[0]), "--templates", newer]);
  expect(r.code).toBe(1);
  expect(r.err).toContain("工作簿携带模板 qinghe-diagnosis 第 1 版，而已加载的是第 2 版，已拒绝");
});
