/**
 * `assessbook export` (issue 11 item 3, ruling F3), run in-process against real files in a
 * temporary directory: exit codes, the sheet chosen, what is written and what never is.
 * The PDF path through LibreOffice is in tests/export/pdf.test.ts.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { readDocx, tables } from "../export/docx-xml";
import { plan, sample, workbook } from "../export/workbook";

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "assessbook-export-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => join(dir, name);

async function cli(args: string[], env: Partial<NodeJS.ProcessEnv> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), read: async (path) => readFileSync(path, "utf8") };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const code = await run(args, io);
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    process.env = saved;
  }
}

async function saveWorkbook(name: string, ids: string[]): Promise<string> {
  writeFileSync(at(name), await workbook(ids.map((id) => plan(id, sample(id)))));
  return at(name);
}

describe("assessbook export <in.xlsx>", () => {
  test("with one exportable sheet, --sheet may be left out; the .docx holds its rows", async () => {
    const input = await saveWorkbook("汇总.xlsx", ["shaoxing-discrete", "shanxi-2018-summary"]);
    const r = await cli(["export", input, "--format", "docx", "-o", at("汇总.docx")]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toBe(`已写入 ${at("汇总.docx")}：山西省级智能制造试点示范推荐汇总表，来自 试点示范推荐汇总表（shanxi-2018-summary）`);
    const [table] = tables(await readDocx(readFileSync(at("汇总.docx"))));
    const rows = (sample("shanxi-2018-summary") as { rows: Record<string, string>[] }).rows;
    expect(table.slice(1).map((r) => r[2])).toEqual(rows.map((r) => r.enterprise));
  });

  test("with several exportable sheets and no --sheet: exit 1 listing the candidates, nothing written", async () => {
    const input = await saveWorkbook("多张.xlsx", ["shanxi-2018-summary", "pujiang-acceptance"]);
    const r = await cli(["export", input, "--format", "docx", "-o", at("out.docx")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("请用 --sheet 指定");
    expect(r.err).toContain("试点示范推荐汇总表（shanxi-2018-summary）");
    expect(r.err).toContain("浦江项目验收表（pujiang-acceptance）");
    expect(existsSync(at("out.docx"))).toBe(false);
  });

  test("--sheet picks the sheet by name", async () => {
    const input = await saveWorkbook("多张.xlsx", ["shanxi-2018-summary", "pujiang-acceptance"]);
    const r = await cli(["export", input, "--sheet", "浦江项目验收表", "-o", at("验收表.docx"), "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ output: at("验收表.docx"), format: "docx", template: "pujiang-acceptance", sheet: "浦江项目验收表" });
  });

  test("a sheet that is not a summary table or form is refused with a clear message (exit 1)", async () => {
    const input = await saveWorkbook("评分.xlsx", ["shaoxing-discrete", "shanxi-2018-summary"]);
    const r = await cli(["export", input, "--sheet", "表1 评分", "-o", at("x.docx")]);
    expect(r.code).toBe(1);
    expect(r.err).toBe("工作表“表1 评分”（shaoxing-discrete）不是推荐汇总表或申报表，不能导出为文档");
    const missing = await cli(["export", input, "--sheet", "没有这张表", "-o", at("x.docx")]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("没有名为“没有这张表”的工作表");
    expect(existsSync(at("x.docx"))).toBe(false);
  });

  test("an existing output is kept without --force and replaced with it; no temporary file is left", async () => {
    const input = await saveWorkbook("表.xlsx", ["pujiang-application"]);
    writeFileSync(at("申报表.docx"), "old");
    const kept = await cli(["export", input, "-o", at("申报表.docx")]);
    expect(kept.code).toBe(1);
    expect(kept.err).toContain("文件已存在，加 --force 覆盖");
    expect(readFileSync(at("申报表.docx"), "utf8")).toBe("old");
    const forced = await cli(["export", input, "-o", at("申报表.docx"), "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(at("申报表.docx")).subarray(0, 2).toString()).toBe("PK");
    expect(readdirSync(dir).sort()).toEqual(["申报表.docx", "表.xlsx"].sort());
  });

  test("a file that is not a workbook is exit 1", async () => {
    writeFileSync(at("x.xlsx"), "序号,企业名称\n");
    const r = await cli(["export", at("x.xlsx"), "-o", at("x.docx")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("不是可读取的 .xlsx 工作簿");
  });
});

describe("assessbook export <template> --data", () => {
  test("writes the document from the data; a bad field is exit 1 naming it", async () => {
    writeFileSync(at("d.json"), JSON.stringify(sample("national-2024-summary")));
    const r = await cli(["export", "national-2024-summary", "--data", at("d.json"), "--format", "docx", "-o", at("d.docx")]);
    expect(r.code).toBe(0);
    expect(tables(await readDocx(readFileSync(at("d.docx"))))[0]).toHaveLength(3);
    writeFileSync(at("bad.json"), JSON.stringify({ rows: [{ applicant: "甲", mobile: "12345" }] }));
    const bad = await cli(["export", "national-2024-summary", "--data", at("bad.json"), "-o", at("bad.docx")]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/^第 1 行 mobile: /);
    expect(existsSync(at("bad.docx"))).toBe(false);
  });
});

describe("usage errors (exit 2)", () => {
  test.each([
    [["export"], "export 需要一个 <in.xlsx> 或 <模板编号>"],
    [["export", "a.xlsx"], "export 需要 -o"],
    [["export", "a.xlsx", "-o", "a.odt"], "请用 --format docx|pdf 指定格式"],
    [["export", "a.xlsx", "--format", "rtf", "-o", "a.rtf"], "--format 应为 docx 或 pdf"],
    [["export", "a.xlsx", "--format", "pdf", "-o", "a.docx"], "输出文件应以 .pdf 结尾"],
    [["export", "shanxi-2018-summary", "-o", "a.docx"], "按模板导出需要 --data"],
    [["export", "shaoxing-discrete", "--data", "d.json", "-o", "a.docx"], "--data 与模板编号同用"],
    [["export", "shanxi-2018-summary", "--data", "d.json", "--sheet", "x", "-o", "a.docx"], "不能与 --data 同用"],
    [["export", "a.xlsx", "--param", "rows=3", "-o", "a.docx"], "export 不接受 --param"],
  ])("%j", async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).toContain("assessbook export <in.xlsx>");
  });

  test("the PDF needs LibreOffice: without soffice on PATH, exit 1 naming the Debian package, nothing written", async () => {
    const input = await saveWorkbook("表.xlsx", ["pujiang-acceptance"]);
    const r = await cli(["export", input, "-o", at("验收表.pdf")], { PATH: dir });
    expect(r.code).toBe(1);
    expect(r.err).toContain("libreoffice-writer-nogui");
    expect(existsSync(at("验收表.pdf"))).toBe(false);
  });
});
