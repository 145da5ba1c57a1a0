/**
 * `assessbook build` and `assessbook extract`, run in-process against real files in a temporary
 * directory: exit codes, what is printed, what is (and is never) written.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";
import { colLetter } from "../../src/sheets/formula";
import { checkParams } from "../../src/sheets/params";
import { SHEET_TEMPLATES, findSheetTemplate } from "../../src/sheets/registry";
import { readWorkbook } from "../../src/xlsx/reader";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "assessbook-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => join(dir, name);

async function cli(args: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), read: async (path) => (path === "-" ? stdin : readFileSync(path, "utf8")) };
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const SINGLE = "shaoxing-discrete";
const sample = (id: string) => (findSheetTemplate(id) as NonNullable<ReturnType<typeof findSheetTemplate>>).sample();

describe("assessbook build", () => {
  test("writes one workbook with one sheet per template named, each carrying its marker", async () => {
    const r = await cli(["build", SINGLE, "shaoxing", "-o", at("two.xlsx")]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(`已写入 ${at("two.xlsx")}（2 张工作表）`);
    const sheets = await readWorkbook(readFileSync(at("two.xlsx")));
    expect(sheets.map((s) => s.marker?.template)).toEqual([SINGLE, "shaoxing"]);
  });

  test("--json prints the output file and each sheet's name, template and parameters", async () => {
    const r = await cli(["build", `${SINGLE}-batch`, "--param", "rows=3", "-o", at("b.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ output: at("b.xlsx"), sheets: [{ sheet: "表1 批量评分", template: `${SINGLE}-batch`, params: { rows: 3 } }] });
  });

  test("the same template twice gives two sheets, the second named (2)", async () => {
    const r = await cli(["build", SINGLE, SINGLE, "-o", at("twice.xlsx"), "--json"]);
    expect(JSON.parse(r.out).sheets.map((s: { sheet: string }) => s.sheet)).toEqual(["表1 评分", "表1 评分 (2)"]);
  });

  test("--all builds every sheet template with its sample data", async () => {
    const r = await cli(["build", "--all", "-o", at("demo.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    const sheets = await readWorkbook(readFileSync(at("demo.xlsx")));
    expect(sheets.map((s) => s.marker?.template)).toEqual(SHEET_TEMPLATES.map((t) => t.id));
    // The sample answers are in the cells: the single scoring sheet reads back its 数控化率.
    const reports = await cli(["extract", at("demo.xlsx"), "--json"]);
    const single = JSON.parse(reports.out).sheets.find((s: { template: string }) => s.template === SINGLE);
    expect(single.inputs["3.1"]).toBe(0.62);
  });

  test("unknown sheet ids are a usage error listing the ids there are", async () => {
    const r = await cli(["build", "shaoxing-discrete", "no-such-sheet", "-o", at("x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("未知工作表 / unknown sheet: no-such-sheet");
    expect(r.err).toContain(SHEET_TEMPLATES.map((t) => t.id).join(", "));
    expect(existsSync(at("x.xlsx"))).toBe(false);
  });

  test.each([
    [["build", SINGLE], "build 需要 -o <out.xlsx>"],
    [["build", "-o", "x.xlsx"], "build 需要至少一个工作表编号，或 --all"],
    [["build", SINGLE, "-o", "x.xls"], "输出文件应以 .xlsx 结尾"],
    [["build", "--all", SINGLE, "-o", "x.xlsx"], "--all 已包含全部工作表"],
    [["build", "--all", "--data", "d.json", "-o", "x.xlsx"], "不能与 --data 同用"],
    [["list", "--force"], "list 不接受 --force"],
    [["extract", "a.xlsx", "-o", "b.xlsx"], "extract 不接受 --output"],
  ])("usage error (exit 2): %j", async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  test("an existing output file is never overwritten without --force (exit 1); with --force it is replaced", async () => {
    writeFileSync(at("keep.xlsx"), "precious");
    const refused = await cli(["build", SINGLE, "-o", at("keep.xlsx")]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("已存在，加 --force 覆盖 / already exists; add --force to overwrite it");
    expect(readFileSync(at("keep.xlsx"), "utf8")).toBe("precious");
    const forced = await cli(["build", SINGLE, "-o", at("keep.xlsx"), "--force"]);
    expect(forced.code).toBe(0);
    expect((await readWorkbook(readFileSync(at("keep.xlsx"))))[0].marker?.template).toBe(SINGLE);
    expect(readdirSync(dir)).toEqual(["keep.xlsx"]);
  });

  test("--param values are checked against the sheet's parameters and recorded in its marker", async () => {
    const ok = await cli(["build", "shanxi-2018", "--param", "mode=process", "-o", at("p.xlsx")]);
    expect(ok.code).toBe(0);
    expect((await readWorkbook(readFileSync(at("p.xlsx"))))[0].marker?.params).toEqual({ mode: "process" });

    const bad = await cli(["build", `${SINGLE}-batch`, "--param", "rows=0", "-o", at("q.xlsx")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${SINGLE}-batch: --param rows: 企业行数应在 1–`);

    const stray = await cli(["build", SINGLE, "--param", "rows=3", "-o", at("q.xlsx")]);
    expect(stray.code).toBe(2);
    expect(stray.err).toContain("所选工作表没有参数 / no sheet being built has the parameter: rows");

    const malformed = await cli(["build", `${SINGLE}-batch`, "--param", "rows", "-o", at("q.xlsx")]);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain('--param 应写作 key=value / --param is written key=value, got "rows"');
    expect(existsSync(at("q.xlsx"))).toBe(false);
  });

  test("--data fills the answer cells; with one sheet the file is that sheet's data", async () => {
    writeFileSync(at("d.json"), JSON.stringify({ "3.1": "55%", "1.1": "☑", enterprise: "示例公司" }));
    expect((await cli(["build", SINGLE, "--data", at("d.json"), "-o", at("d.xlsx")])).code).toBe(0);
    const r = JSON.parse((await cli(["extract", at("d.xlsx"), "--json"])).out);
    expect(r.sheets[0].inputs).toEqual({ "3.1": 0.55, "1.1": "有", enterprise: "示例公司" });
  });

  test("--data may come from standard input", async () => {
    const r = await cli(["build", SINGLE, "--data", "-", "-o", at("s.xlsx")], JSON.stringify({ "6.1": "领先水平" }));
    expect(r.code).toBe(0);
    expect(JSON.parse((await cli(["extract", at("s.xlsx"), "--json"])).out).sheets[0].inputs).toEqual({ "6.1": "领先水平" });
  });

  test("--data with several sheets is keyed by sheet id; errors name the sheet and the field, and nothing is written", async () => {
    writeFileSync(at("many.json"), JSON.stringify({ [SINGLE]: { "3.1": 62 }, shaoxing: { nonsense: 1 } }));
    const r = await cli(["build", SINGLE, "shaoxing", "--data", at("many.json"), "-o", at("m.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${SINGLE}: 3.1: 比率不能超过 100%：请填 62% 或 0.62，而不是 62`);
    expect(r.err).toMatch(/^shaoxing: nonsense: /m);
    expect(readdirSync(dir)).toEqual(["many.json"]);

    writeFileSync(at("stray.json"), JSON.stringify({ [SINGLE]: {}, "shaoxing-process": {} }));
    const stray = await cli(["build", SINGLE, "shaoxing", "--data", at("stray.json"), "-o", at("m.xlsx")]);
    expect(stray.code).toBe(1);
    expect(stray.err).toContain("data.shaoxing-process: 不是本次生成的工作表");

    writeFileSync(at("array.json"), "[]");
    expect((await cli(["build", SINGLE, "shaoxing", "--data", at("array.json"), "-o", at("m.xlsx")])).err).toContain("数据应为以工作表编号为键的对象");
  });

  test("--data that is missing or not JSON exits 1 naming the file", async () => {
    expect(await cli(["build", SINGLE, "--data", at("none.json"), "-o", at("x.xlsx")])).toMatchObject({ code: 1, err: expect.stringContaining("none.json: 无法读取") });
    writeFileSync(at("bad.json"), "{ nope");
    expect(await cli(["build", SINGLE, "--data", at("bad.json"), "-o", at("x.xlsx")])).toMatchObject({ code: 1, err: expect.stringContaining("bad.json: 不是有效的 JSON") });
  });

  test("an output directory that does not exist exits 1 and leaves nothing behind", async () => {
    const r = await cli(["build", SINGLE, "-o", join(dir, "no", "such", "dir.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("无法写入 / cannot write");
    expect(readdirSync(dir)).toEqual([]);
  });
});

/**
 * Stands in for a spreadsheet that opened and saved the workbook: every result cell gets the
 * engine's value as its cached result, except the overrides (address → value).
 */
async function calculate(path: string, overrides: Record<string, unknown> = {}, replace: Record<string, ExcelJS.CellValue> = {}) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const [read] = await readWorkbook(readFileSync(path));
  const template = findSheetTemplate(read.marker?.template as string) as NonNullable<ReturnType<typeof findSheetTemplate>>;
  const params = checkParams(template.params, read.marker?.params ?? {});
  if (!params.ok) throw new Error("params");
  const data = JSON.parse((await cli(["extract", path, "--json"])).out).sheets[0].data;
  const plan = template.render(params.value, data);
  const expected = template.expected(params.value, data);
  if (!plan.ok || !expected.ok) throw new Error("render");
  const sheet = workbook.worksheets[0];
  for (const r of plan.value.results) {
    const cell = sheet.getCell(r.row, r.col);
    const address = `${colLetter(r.col)}${r.row}`;
    cell.value = { formula: cell.formula, result: (address in overrides ? overrides[address] : expected.value[r.key]) as ExcelJS.CellFormulaValue["result"] };
  }
  for (const [address, value] of Object.entries(replace)) sheet.getCell(address).value = value;
  await workbook.xlsx.writeFile(path);
  return plan.value;
}

describe("assessbook extract", () => {
  test("right after build: the answers come back, and the sheet is reported as not yet calculated", async () => {
    await cli(["build", SINGLE, "--data", "-", "-o", at("fresh.xlsx")], JSON.stringify(sample(SINGLE)));
    const r = await cli(["extract", at("fresh.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${at("fresh.xlsx")}\n表1 评分（${SINGLE}）：读回 31 项填报；尚未经电子表格计算（文件中没有公式结果，或只有 Assessbook 写入时算出的结果），请用 Excel、WPS 或 LibreOffice 打开并保存后再提取`);
  });

  test("a calculated sheet that agrees with the engine is reported as such, exit 0", async () => {
    await cli(["build", SINGLE, "--data", "-", "-o", at("ok.xlsx")], JSON.stringify(sample(SINGLE)));
    const plan = await calculate(at("ok.xlsx"));
    const r = await cli(["extract", at("ok.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`表1 评分（${SINGLE}）：读回 31 项填报；核对 ${plan.results.length} 个结果，全部与计算核心一致`);
  });

  test("every disagreement is reported with its cell, key, the sheet's value and the engine's; still exit 0", async () => {
    await cli(["build", SINGLE, "--data", "-", "-o", at("bad.xlsx")], JSON.stringify(sample(SINGLE)));
    const template = findSheetTemplate(SINGLE) as NonNullable<ReturnType<typeof findSheetTemplate>>;
    const blank = template.render({}, sample(SINGLE));
    if (!blank.ok) throw new Error("render");
    const total = blank.value.results.find((r) => r.key === "total") as { row: number; col: number };
    const item = blank.value.results.find((r) => r.key === "item:3.1") as { row: number; col: number };
    const [totalCell, itemCell] = [total, item].map((r) => `${colLetter(r.col)}${r.row}`);
    await calculate(at("bad.xlsx"), { [itemCell]: { error: "#VALUE!" } }, { [totalCell]: 95 });
    const r = await cli(["extract", at("bad.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("2 处与计算核心不一致");
    expect(r.out).toMatch(new RegExp(`${totalCell}\\s+total\\s+95\\s+79\\s+公式已被改写`));
    expect(r.out).toMatch(new RegExp(`${itemCell}\\s+item:3\\.1\\s+#VALUE!\\s+10\\s+公式出错`));

    const json = JSON.parse((await cli(["extract", at("bad.xlsx"), "--json"])).out);
    expect(json.sheets[0]).toMatchObject({ status: "checked", findings: 2 });
    expect(json.sheets[0].checks.find((c: { key: string }) => c.key === "total")).toEqual({ key: "total", cell: totalCell, sheet: 95, engine: 79, verdict: "overwritten" });
  });

  test("answers the engine refuses exit 1, each named by its sheet and cell on standard error", async () => {
    await cli(["build", SINGLE, "-o", at("typed.xlsx")]);
    const template = findSheetTemplate(SINGLE) as NonNullable<ReturnType<typeof findSheetTemplate>>;
    const blank = template.render({}, undefined);
    if (!blank.ok) throw new Error("render");
    const rate = blank.value.inputs.find((b) => b.code === "3.1") as { row: number; col: number };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(at("typed.xlsx"));
    workbook.worksheets[0].getCell(rate.row, rate.col).value = 62;
    await workbook.xlsx.writeFile(at("typed.xlsx"));
    const r = await cli(["extract", at("typed.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("填报内容无法识别，未能核对");
    expect(r.err).toBe(`表1 评分!${colLetter(rate.col)}${rate.row} 3.1: 比率不能超过 100%：请填 62% 或 0.62，而不是 62`);
  });

  test("files that cannot be read, or hold no Assessbook sheet, exit 1 with the file named", async () => {
    expect(await cli(["extract", at("none.xlsx")])).toMatchObject({ code: 1, err: expect.stringContaining("none.xlsx: 无法读取") });
    writeFileSync(at("text.xlsx"), "序号,企业名称\n");
    expect(await cli(["extract", at("text.xlsx")])).toMatchObject({ code: 1, err: expect.stringContaining("text.xlsx: 不是可读取的 .xlsx 工作簿") });
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet("Sheet1").getCell("A1").value = "推荐汇总表";
    await plain.xlsx.writeFile(at("plain.xlsx"));
    expect(await cli(["extract", at("plain.xlsx")])).toMatchObject({ code: 1, err: expect.stringContaining("没有 Assessbook 生成的工作表") });
  });

  test("sheets added by users are listed as skipped; a marker from a newer layout is not checked", async () => {
    await cli(["build", SINGLE, "-o", at("mixed.xlsx")]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(at("mixed.xlsx"));
    workbook.addWorksheet("备注").getCell("A1").value = "说明";
    const [read] = await readWorkbook(readFileSync(at("mixed.xlsx")));
    const marker = read.marker as NonNullable<typeof read.marker>;
    const copy = workbook.addWorksheet("新版");
    copy.getCell("A1").value = `assessbook:${JSON.stringify({ ...marker, version: marker.version + 1 })}`;
    await workbook.xlsx.writeFile(at("mixed.xlsx"));
    const r = await cli(["extract", at("mixed.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("备注：不是 Assessbook 生成的工作表，已跳过");
    // Issue 12: the message names the version the sheet was built from and the current one.
    expect(r.out).toContain(`新版（${SINGLE}）：本表由模板“${SINGLE}”第 ${marker.version + 1} 版生成，当前为第 ${marker.version} 版，单元格位置可能不同，未核对`);
  });
});
