/**
 * Messages a clerk can act on (issue 12 item 8): where a JSON file is broken and why, rows
 * counted from 1 as on the sheet, the usage of the command at hand, an empty file said to be
 * empty, and the recommender choices in `list` and `--help`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { unzipSync, zipSync, strToU8, strFromU8 } from "fflate";
import { run } from "../../src/cli/main";
import * as extract from "../../src/xlsx/extract";
import { writeWorkbook } from "../../src/xlsx/writer";
import { assembleZip, oleFile } from "../merge/bad-files";
import { filledPlan } from "../merge/submissions";
import type { CliIO } from "../../src/cli/io";
import { syntaxErrorAt } from "../../src/core/json-syntax";
import { fieldName } from "../../src/core/problems";
import { national2024SummarySample as NATIONAL_2024_SUMMARY_SAMPLE } from "../../templates/samples/national-2024-summary";

async function cli(args: string[], files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    read: async (path) => {
      if (path in files) return files[path];
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
    },
  };
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** An output path that does not exist: every run here stops before writing. */
const nowhere = join(tmpdir(), "assessbook-messages-never-written.xlsx");

describe("a JSON syntax error gives line and column, and names full-width punctuation", () => {
  test.each([
    ["a full-width colon", '{"3.1"：62}', "第 1 行第 7 列：「：」是全角冒号，JSON 须用半角 :"],
    ["a full-width comma", '{"3.1": "62%"，\n"1.1": "有"}', "第 1 行第 14 列：「，」是全角逗号，JSON 须用半角 ,"],
    ["full-width quotes around a value, on line 2", '{\n  "3.1": “62%”\n}', "第 2 行第 10 列：「“」是全角左引号，JSON 须用半角 \""],
    ["full-width quotes around a key", "{“3.1”: 1}", "第 1 行第 2 列：「“」是全角左引号，JSON 须用半角 \""],
  ])("%s", async (_what, text, expected) => {
    const r = await cli(["score", "shaoxing-discrete", "in.json"], { "in.json": text });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`in.json: 不是有效的 JSON，${expected} / not valid JSON at line`);
  });

  test("a plain mistake gives its line and column without a full-width hint; English says the same", async () => {
    const r = await cli(["score", "shaoxing-discrete", "in.json"], { "in.json": '{\n  "3.1": "62%",\n  "1.1": 有\n}' });
    expect(r.err).toMatch(/^in\.json: 不是有效的 JSON，第 3 行第 10 列 \/ not valid JSON at line 3, column 10 \(/);
    expect(r.err).not.toContain("全角");
  });

  test("a document that stops early says so", async () => {
    const r = await cli(["score", "shaoxing-discrete", "-"], { "-": '{"3.1": "62%"' });
    expect(r.err).toMatch(/^-: 不是有效的 JSON：内容在结尾处不完整/);
  });

  test("syntaxErrorAt finds the first fault, and null for valid JSON (JSON.parse agrees)", () => {
    const cases: [string, number | null][] = [
      ['{"a": [1, 2.5e3, true, null, "x\\u00e9\\n"], "b": {}}', null],
      ["[]", null],
      [' "text" ', null],
      ['{"a": 1,}', 8],
      ["[1 2]", 3],
      ['{"a" 1}', 5],
      ['"bad \\x"', 6],
      ["01", 1],
      ["[", 1],
      ["", 0],
      ['{"a": 1} x', 9],
    ];
    for (const [text, at] of cases) {
      expect([text, syntaxErrorAt(text)]).toEqual([text, at]);
      expect([text, at === null]).toEqual([text, (() => { try { JSON.parse(text); return true; } catch { return false; } })()]);
    }
    // Deep nesting is scanned without recursion.
    expect(syntaxErrorAt("[".repeat(100_000))).toBe(100_000);
  });
});

describe("an empty input says it is empty", () => {
  test.each([
    ["0 bytes", ""],
    ["only whitespace", " \n\t\r\n"],
    ["only a byte-order mark and spaces", "\uFEFF  \n"],
  ])("%s", async (_what, text) => {
    const r = await cli(["tier", "shaoxing", "in.json"], { "in.json": text });
    expect(r).toMatchObject({ code: 1, err: "in.json: 文件为空 / the file is empty" });
  });

  test("standard input", async () => {
    expect(await cli(["score", "shaoxing-discrete", "-"], { "-": "" })).toMatchObject({ code: 1, err: "标准输入为空 / standard input is empty" });
  });
});

describe("row numbers are counted from 1, as on the sheet", () => {
  test("build --data: a bad mobile in the second row is 第 2 行 (row 2), never rows/1", async () => {
    const [first, second] = NATIONAL_2024_SUMMARY_SAMPLE.rows;
    const data = JSON.stringify({ recommender: "某市工信局", rows: [first, { ...second, mobile: "1580345123" }] });
    const zh = await cli(["build", "national-2024-summary", "--data", "d.json", "-o", nowhere], { "d.json": data });
    expect(zh.code).toBe(1);
    expect(zh.err).toMatch(/^第 2 行 mobile: 手机号码应为 11 位数字/);
    expect(zh.err).not.toContain("rows/1");
    const en = await cli(["build", "national-2024-summary", "--data", "d.json", "-o", nowhere, "--lang", "en"], { "d.json": data });
    expect(en.err).toMatch(/^row 2 mobile: a mobile number has 11 digits/);
  });

  test("text a workbook cannot hold is named by its row the same way", async () => {
    const [first] = NATIONAL_2024_SUMMARY_SAMPLE.rows;
    const data = JSON.stringify({ recommender: "某市工信局", rows: [first, { ...first, contact: "王\u0001工" }] });
    const r = await cli(["build", "national-2024-summary", "--data", "d.json", "-o", nowhere], { "d.json": data });
    expect(r.err).toMatch(/^d\.json: 第 2 行 contact: .* \/ row 2 contact: /);
  });

  test("fieldName: table rows, experts and periods from 1; item codes with dots are left alone", () => {
    expect(fieldName("rows/0/mobile", "zh")).toBe("第 1 行 mobile");
    expect(fieldName("rows[4].email", "en")).toBe("row 5 email");
    expect(fieldName("experts/2/scores/3.1", "zh")).toBe("第 3 位专家 scores/3.1");
    expect(fieldName("indicators/3/values/0", "en")).toBe("indicators/3 period 1");
    expect(fieldName("3/3.1", "zh")).toBe("第 4 行 3.1");
    expect(fieldName("2.1.1", "zh")).toBe("2.1.1");
    // A batch problem whose message already counts the enterprise is not counted twice.
    expect(fieldName("[1].3.1", "zh", "第 2 家企业：…")).toBe("3.1");
    expect(fieldName("[1].3.1", "zh")).toBe("第 2 项 3.1");
  });
});

describe("a usage error prints the usage of the command at hand", () => {
  test("merge without sources: the merge lines only, and where the rest is", async () => {
    const r = await cli(["merge", "-o", "out.xlsx"]);
    expect(r.code).toBe(2);
    const lines = r.err.split("\n");
    expect(lines[0]).toBe("assessbook: merge 需要至少一个来源文件 / merge needs at least one source file");
    expect(lines[1]).toBe("用法 / usage:");
    expect(lines.filter((l) => l.startsWith("  assessbook "))).toEqual([expect.stringMatching(/^ {2}assessbook merge <source\.xlsx>/), expect.stringMatching(/^ {2}assessbook merge <expert\.xlsx>/)]);
    expect(r.err).not.toContain("assessbook build");
    expect(r.err).not.toContain("退出码");
    expect(lines[lines.length - 1]).toContain("assessbook --help");
  });

  test("an unknown option names the command's usage too", async () => {
    const r = await cli(["build", "shaoxing", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.err.split("\n").filter((l) => l.startsWith("  assessbook "))).toEqual([expect.stringMatching(/^ {2}assessbook build <sheet>/), expect.stringMatching(/^ {2}assessbook build --all/)]);
  });

  test("an unknown or missing command lists the commands, not the whole help", async () => {
    for (const args of [["frob"], []]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain("命令 / commands: list, score, tier, build, extract, export, merge");
      expect(r.err).not.toContain("  assessbook ");
    }
  });

  test("--help still prints everything", async () => {
    const r = await cli(["--help"]);
    expect(r.code).toBe(0);
    for (const name of ["list", "score", "tier", "build", "extract", "export", "merge"]) expect(r.out).toContain(`  assessbook ${name} `);
    expect(r.out).toContain("退出码 / exit codes");
  });
});

describe("recommender choices and default", () => {
  test("--help lists each summary table's categories, the default marked, with their limits", async () => {
    const { out } = await cli(["--help"]);
    expect(out).toContain("--recommender");
    expect(out).toMatch(/shanxi-2018-summary: reform-zone（默认 \/ default） 综改示范区管委会（上限 5 项）, city-eitc 市经信委（上限 5 项）, industry-office 省行业管理办公室（上限 2 项）/);
    expect(out).toMatch(/national-2024-summary: reform-zone（默认 \/ default） 山西综改示范区管委会（上限 3 项）, city-miit 市工信局（上限 3 项）/);
  });

  test("assessbook list shows every choice with its meaning; --json gives the options", async () => {
    const { out } = await cli(["list"]);
    expect(out).toMatch(/^shanxi-2018-summary\s+recommender\s+reform-zone\s+综改示范区管委会（默认，上限 5 项）$/m);
    expect(out).toMatch(/^\s+industry-office\s+省行业管理办公室（上限 2 项）$/m);
    expect(out).toMatch(/^\s+city-miit\s+市工信局（上限 3 项）$/m);
    const rows = JSON.parse((await cli(["list", "--json"])).out) as { id: string; kind: string; params?: { key: string; default: unknown; options?: string[] }[] }[];
    const summary = rows.find((r) => r.kind === "sheet" && r.id === "national-2024-summary");
    expect(summary?.params?.find((p) => p.key === "recommender")).toEqual({ key: "recommender", type: "choice", default: "reform-zone", options: ["reform-zone", "city-miit"] });
  });
});

describe("extract of a bad file: words, never a library's message; every invalid answer", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "assessbook-extract-messages-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const extractOf = (path: string) => cli(["extract", path]);

  test.each([["0 bytes", ""], ["only whitespace", "  \r\n\t \n"]])("an empty file (%s) says it is empty", async (_what, text) => {
    const r = await extractOf(file(`empty-${text.length}.xlsx`, text));
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining("文件为空（0 字节或只有空白） / not a readable .xlsx workbook: the file is empty (0 bytes, or only whitespace)") });
  });

  test("damaged workbooks are refused in words: no stack, no library message, no URL", async () => {
    const good = (await writeWorkbook([filledPlan("national-2024-summary", {}, { "rows/0/mobile": "123" })])).bytes;
    const parts = unzipSync(new Uint8Array(good));
    const edited = (part: string, edit: (xml: string) => string) => zipSync({ ...parts, [part]: strToU8(edit(strFromU8(parts[part]))) });
    const bad: Record<string, Uint8Array> = {
      "truncated.xlsx": good.subarray(0, 3000),
      "text.xlsx": strToU8("企业名称,手机号码\n"),
      "encrypted.xlsx": oleFile(["EncryptionInfo", "EncryptedPackage"]),
      "broken-xml.xlsx": assembleZip([{ name: "[Content_Types].xml", data: Buffer.from("<Types") }, { name: "xl/workbook.xml", data: Buffer.from("<<<") }]),
      "bad-address.xlsx": edited("xl/worksheets/sheet1.xml", (xml) => xml.replace(/r="A1"/, 'r="ZZZZZ0"')),
      "external-sheet.xlsx": edited("xl/_rels/workbook.xml.rels", (xml) => xml.replace(/Target="[^"]*sheet1.xml"/, 'Target="http://example.com/x.xml" TargetMode="External"')),
    };
    for (const [name, bytes] of Object.entries(bad)) {
      const r = await extractOf(file(name, bytes));
      expect([name, r.code]).toEqual([name, 1]);
      expect(r.err).toMatch(new RegExp(`^${join(dir, name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: 不是可读取的 .xlsx 工作簿：[^\n]+ / not a readable .xlsx workbook: [^\n]+$`));
      expect(r.err).not.toMatch(/https?:|Error:|\bat \S+ \(|node_modules/);
    }
  });

  test("an unexpected failure inside the reader is still said in words", async () => {
    const path = file("odd.xlsx", (await writeWorkbook([filledPlan("national-2024-summary", {}, {})])).bytes);
    const spy = jest.spyOn(extract, "extractWorkbook").mockRejectedValue(new TypeError("Cannot read properties of undefined (see https://example.com/lib/issues/1)"));
    try {
      const r = await extractOf(path);
      expect(r).toMatchObject({ code: 1, err: `${path}: 不是可读取的 .xlsx 工作簿：内容无法解析 / not a readable .xlsx workbook: its content cannot be parsed` });
    } finally {
      spy.mockRestore();
    }
  });

  test("every invalid answer of a sheet is reported, each naming its cell and its row from 1", async () => {
    const path = file("answers.xlsx", (await writeWorkbook([filledPlan("national-2024-summary", {}, { "rows/0/mobile": "123", "rows/1/mobile": "1", "rows/2/scenarios": "设备管理 远程监测" })])).bytes);
    const r = await extractOf(path);
    expect(r.code).toBe(1);
    expect(r.err.split("\n")).toEqual([
      expect.stringMatching(/^卓越级推荐汇总表![A-Z]+5 第 1 行 mobile: 手机号码应为 11 位数字/),
      expect.stringMatching(/^卓越级推荐汇总表![A-Z]+6 第 2 行 mobile: 手机号码应为 11 位数字/),
      expect.stringMatching(/^卓越级推荐汇总表![A-Z]+7 第 3 行 scenarios: 第 1 条“设备管理 远程监测”应写成“环节名—场景名—实例名”/),
    ]);
  });
});
