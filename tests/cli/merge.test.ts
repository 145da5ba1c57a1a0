/**
 * `assessbook merge` (issue 6), run in-process against real workbooks in a temporary directory:
 * the preview, the confirmation (a code, or a prompt), what is written and what never is, the
 * merged table read back, the workbook merged into kept whole, expert panels, and progress.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { RUBRICS } from "../../templates/index";
import type { Rubric } from "../../templates/schema";
import type { CliIO } from "../../src/cli/io";
import { run } from "../../src/cli/main";
import { score } from "../../src/core/score";
import { bindings, summarySheetRows } from "../../src/merge/preview";
import { readSources, type MarkedSheet } from "../../src/merge/read-source";
import { checkSheet, type ReadCell, type ReadSheet } from "../../src/sheets/check-sheet";
import { checkParams } from "../../src/sheets/params";
import type { SheetPlan } from "../../src/sheets/plan";
import { findSheetTemplate } from "../../src/sheets/registry";
import { shaoxingDiscreteSample as DISCRETE_SAMPLES } from "../../templates/samples/shaoxing-discrete";
import { national2024SummarySample as NATIONAL_2024_SUMMARY_SAMPLE } from "../../templates/samples/national-2024-summary";
import { readWorkbook } from "../../src/xlsx/reader";
import { writeWorkbook } from "../../src/xlsx/writer";
import { oleFile, plainWorkbook } from "../merge/bad-files";
import { FORM, formPlan, ROW_A, ROW_B, ROW_C, summaryPlan, type Row } from "../merge/submissions";

function fail(message: string): never {
  throw new Error(message);
}

// ---- running the command ----

interface Ran {
  code: number;
  out: string;
  err: string;
  asked: string[];
  progress: [number, number][];
}

/** Runs `assessbook <args>` with a recording IO; `answer` is what the person at the prompt types (absent: nobody there). */
async function cli(args: string[], { answer, progress = false }: { answer?: string | null; progress?: boolean } = {}): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const calls: [number, number][] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t), read: async (path) => readFileSync(path, "utf8") };
  if (answer !== undefined) {
    io.ask = async (question) => {
      asked.push(question);
      return answer;
    };
  }
  if (progress) io.progress = (done, total) => calls.push([done, total]);
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n"), asked, progress: calls };
}

/** The code the preview printed in "--confirm <code>". */
function confirmCode(out: string): string {
  const m = /--confirm ([0-9a-f]{10})\b/.exec(out);
  return m ? m[1] : fail(`no --confirm code in:\n${out}`);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// ---- reading the output back ----

function cellAt(sheet: ReadSheet, a1: string): ReadCell {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) ?? fail(`bad address ${a1}`);
  const col = Array.from(m[1]).reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheet.cell(Number(m[2]), col);
}

async function marked(path: string): Promise<MarkedSheet[]> {
  const [source] = await readSources([{ name: path, bytes: new Uint8Array(readFileSync(path)) }]);
  if (!source.ok) fail(`${path} refused: ${source.reason.en}`);
  return source.sheets;
}

interface SummaryBack {
  sheet: MarkedSheet;
  cells: Map<string, string>;
  /** The filled rows: their values (null when blank) and what their audit cell (rows/<i>/source) says. */
  rows: { values: Record<string, string | null>; source: string | null }[];
}

/** The (only) summary table of a written workbook, its filled rows in order. */
async function summaryBack(path: string): Promise<SummaryBack> {
  const sheets = (await marked(path)).filter((s) => s.marker.template.endsWith("-summary"));
  expect(sheets).toHaveLength(1);
  const [sheet] = sheets;
  const cells = bindings(sheet) ?? fail("no bindings");
  const rows = summarySheetRows(sheet, cells).map((r) => ({ values: r.values, source: r.recorded }));
  return { sheet, cells, rows };
}

/** A row as the summary holds it: blank cells null. */
const asWritten = (r: Row) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === "" ? null : v]));

// ---- the submissions ----

const SUMMARY = "shanxi-2018-summary";
const SHEET = "试点示范推荐汇总表";

/** ROW_B with a mobile number one digit short: invalid. */
const BAD_B: Row = { ...ROW_B, mobile: "1580345123" };
/** ROW_A again, its name written with a half-width and a full-width space: a duplicate. */
const A_SPACED: Row = { ...ROW_A, enterprise: " 山西晋阳液压装备　有限公司 " };
/** The same enterprise as ROW_C with another project: 第十三条. */
const C_OTHER: Row = { ...ROW_C, "pilot-name": "矿用掘进装备数字化车间试点示范" };
/** Already in the target table. */
const ROW_T: Row = { "pilot-name": "重型机械智能工厂试点示范", enterprise: "太原重型机械集团有限公司", contact: "刘强", mobile: "13834512345", email: "liuq@tz.com.cn" };
const FORM_ROW: Row = { "pilot-name": FORM["cover-pilot-name"], enterprise: FORM["enterprise-name"], contact: "孙丽", mobile: "13703551234", email: "sunli@czbearing.cn" };

/** A sheet template rendered with its sample data (or with `data`). */
function rendered(id: string, data?: unknown, params: Record<string, string | number> = {}): SheetPlan {
  const t = findSheetTemplate(id) ?? fail(`no sheet template ${id}`);
  const checked = checkParams(t.params, params);
  if (!checked.ok) fail(`bad params for ${id}`);
  const plan = t.render(checked.value, data === undefined ? t.sample() : data);
  if (!plan.ok) fail(`${id} refuses the data: ${JSON.stringify(plan.problems)}`);
  return plan.value;
}

async function xlsx(plans: SheetPlan[]): Promise<Buffer> {
  return (await writeWorkbook(plans)).bytes;
}

let root: string;
let dir: string;
/** Each source's path, in argument order (ids are 1-based positions in it). */
const SOURCES = ["甲区.xlsx", "乙区.xlsx", "丙区.xlsx", "混合.xlsx", "名单.csv", "加密.xlsx", "名单.xlsx"];
let sources: string[];
let target: string;
let originals: Map<string, Buffer>;
let n = 0;
/** A fresh output path in the shared directory. */
const output = () => join(dir, `out-${++n}.xlsx`);
const at = (name: string) => join(dir, name);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "assessbook-merge-"));
  dir = join(root, "batch");
  mkdirSync(dir);
  const files: Record<string, Buffer> = {
    "甲区.xlsx": await xlsx([summaryPlan([ROW_A, BAD_B])]),
    "乙区.xlsx": await xlsx([summaryPlan([ROW_C, A_SPACED])]),
    "丙区.xlsx": await xlsx([summaryPlan([C_OTHER])]),
    "混合.xlsx": await xlsx([rendered("shaoxing-discrete"), formPlan(FORM), summaryPlan([], { template: "national-2024-summary" })]),
    "名单.csv": Buffer.from("企业名称\n某某公司\n"),
    "加密.xlsx": oleFile(["EncryptionInfo", "EncryptedPackage"]),
    "名单.xlsx": await plainWorkbook(),
    // The clerk's workbook: a scoring sheet, the summary table with one row, a self-assessment.
    "推荐汇总表.xlsx": await xlsx([rendered("shaoxing-discrete"), summaryPlan([ROW_T], { stamp: "太原市工业和信息化局" }), rendered("shanxi-2018")]),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(at(name), bytes);
  sources = SOURCES.map(at);
  target = at("推荐汇总表.xlsx");
  originals = new Map(Object.keys(files).map((name) => [at(name), readFileSync(at(name))]));
}, 30_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Inputs are never modified, whatever ran. */
function expectInputsUnchanged(): void {
  for (const [path, bytes] of originals) expect(readFileSync(path).equals(bytes)).toBe(true);
}

/** No temporary file of an atomic write is left behind. */
function expectNoTempFiles(): void {
  expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
}

const merge = (...extra: string[]) => ["merge", "--template", SUMMARY, ...sources, ...extra];

describe("assessbook merge: the preview", () => {
  let ran: Ran;
  let out: string;
  beforeAll(async () => {
    out = output();
    ran = await cli(merge("-o", out));
  });

  test("without --confirm and nobody to ask: the preview, exit 3, nothing written, and the --confirm line", () => {
    expect(ran.code).toBe(3);
    expect(ran.err).toBe("");
    expect(existsSync(out)).toBe(false);
    expect(ran.out).toContain("合并预览：山西省级智能制造试点示范推荐汇总表，综改示范区管委会（上限 5 项）");
    expect(ran.out).toContain("目标：新建汇总表；将写入 5 行（共 6 行）");
    const code = confirmCode(ran.out);
    expect(ran.out.trimEnd().split("\n").pop()).toBe(`未写入。确认写入以上内容，请加 --confirm ${code} 重新运行。`);
    expectInputsUnchanged();
  });

  test("every row with the 序号 it would get, its id, what happens to it and its source", () => {
    expect(ran.out).toMatch(/^序号\s+行\s+试点示范名称\s+企业名称\s+联系人\s+手机号码\s+邮箱\s+处理\s+来源\s*$/m);
    const rows: [string, string, string, string][] = [
      ["1", "1:1:1", "追加", `${sources[0]} › ${SHEET} 第 1 行`],
      ["", "1:1:2", "有误，不写入", `${sources[0]} › ${SHEET} 第 2 行`],
      ["2", "2:1:1", "追加", `${sources[1]} › ${SHEET} 第 1 行`],
      ["3", "2:1:2", "追加", `${sources[1]} › ${SHEET} 第 2 行`],
      ["4", "3:1:1", "追加", `${sources[2]} › ${SHEET} 第 1 行`],
      ["5", "4:2:form", "追加", `${sources[3]} › 试点示范申报书`],
    ];
    const lines = ran.out.split("\n");
    const found = rows.map(([serial, id, action, audit]) => {
      const line = new RegExp(`^${serial ? `${serial}\\s+` : "\\s+"}${escape(id)}\\s.*\\s${escape(action)}\\s+${escape(audit)}\\s*$`);
      const index = lines.findIndex((l) => line.test(l));
      expect([id, index]).not.toEqual([id, -1]);
      return index;
    });
    // In priority order: the sources in argument order, rows in sheet order.
    expect(found).toEqual([...found].sort((a, b) => a - b));
  });

  test("problems name file › sheet › cell and the row; the invalid row gets the --keep hint", () => {
    expect(ran.out).toMatch(new RegExp(`^问题：\\n  ${escape(`${sources[0]} › ${SHEET} › E6（1:1:2）：手机号码：`)}.*11 位`, "m"));
    expect(ran.out).toContain("有误的行不写入；确需保留请加 --keep 1:1:2");
  });

  test("duplicates, 第十三条 and the limit, each in its section", () => {
    expect(ran.out).toContain("重复（同一统一社会信用代码或企业名称）：\n  山西晋阳液压装备有限公司：1:1:1, 2:1:2\n  山西太行智能装备股份有限公司：2:1:1, 3:1:1");
    expect(ran.out).toContain(`一年一项（第十三条）：\n  一年只能申报一项（第十三条）：山西太行智能装备股份有限公司 申报了 2 项：${ROW_C["pilot-name"]}；${C_OTHER["pilot-name"]}`);
    // 6 rows, but the invalid one is not written: 5 rows, within the limit of 5 (issue 12 item 6).
    expect(ran.out).not.toContain("超出上限");
  });

  test("the limit counts the rows that will be written, and names duplicates still both in (issue 12 item 6)", async () => {
    const kept = await cli(merge("-o", output(), "--keep", "1:1:2"));
    expect(kept.out).toContain(
      "超出上限：\n  共 6 项，超过综改示范区管委会的推荐上限 5 项；其中 2 家企业的重复行仍都在内：山西晋阳液压装备有限公司（1:1:1, 2:1:2）；山西太行智能装备股份有限公司（2:1:1, 3:1:1），每家只留一份可少 2 项",
    );
    const json = JSON.parse((await cli(merge("-o", output(), "--keep", "1:1:2", "--json"))).out);
    expect(json.overLimit).toMatchObject({ limit: 5, count: 6, duplicatesIn: [{ rowIds: ["1:1:1", "2:1:2"] }, { rowIds: ["2:1:1", "3:1:1"] }] });
    // One copy dropped: 5 rows are written, and nothing is over.
    const dropped = await cli(merge("-o", output(), "--keep", "1:1:2", "--drop", "2:1:2"));
    expect(dropped.out).toContain("将写入 5 行（共 6 行）");
    expect(dropped.out).not.toContain("超出上限");
  });

  test("sheets not merged and refused files, each on one line with its reason", () => {
    const section = (title: string) => {
      const lines = ran.out.split("\n");
      const start = lines.indexOf(title);
      expect(start).toBeGreaterThanOrEqual(0);
      const items: string[] = [];
      for (const line of lines.slice(start + 1)) {
        if (!line.startsWith("  ")) break;
        items.push(line.slice(2));
      }
      return items;
    };
    const skipped = section("未合并的工作表：");
    expect(skipped).toHaveLength(2);
    expect(skipped[0]).toMatch(new RegExp(`^${escape(`${sources[3]} › 表1 评分：`)}.*不是可合并的`));
    expect(skipped[1]).toMatch(new RegExp(`^${escape(`${sources[3]} › 卓越级推荐汇总表：`)}是另一张汇总表`));
    const refused = section("拒收的文件：");
    expect(refused).toEqual([
      expect.stringMatching(new RegExp(`^${escape(sources[4])}：不是 \\.xlsx 文件`)),
      expect.stringMatching(new RegExp(`^${escape(sources[5])}：工作簿受密码保护`)),
      expect.stringMatching(new RegExp(`^${escape(sources[6])}：工作簿中没有 Assessbook 生成的表`)),
    ]);
  });

  test("--lang en gives the same preview in English", async () => {
    const en = await cli(merge("-o", output(), "--lang", "en"));
    expect(en.code).toBe(3);
    expect(en.out).toContain("Target: a new summary table; 5 of 6 rows to write");
    expect(en.out).toContain("Files refused:");
    expect(en.out).toContain(`Nothing written. To write exactly what is shown above, run again with --confirm ${confirmCode(ran.out)}.`);
  });
});

describe("assessbook merge --confirm", () => {
  test("the printed code writes exactly the previewed rows, in order, each with its source", async () => {
    const out = output();
    const first = await cli(merge("-o", out));
    const r = await cli(merge("-o", out, "--confirm", confirmCode(first.out)));
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(`已写入 ${out}（5 项）。`);
    // The preview is shown with what was written.
    expect(r.out).toContain("目标：新建汇总表；将写入 5 行（共 6 行）");
    const back = await summaryBack(out);
    expect(back.sheet.name).toBe(SHEET);
    // The template's default rows, as a new table has: spare rows stay for hand additions.
    const defaultRows = Number(findSheetTemplate(SUMMARY)?.params.find((p) => p.key === "rows")?.default);
    expect(back.sheet.marker.params).toMatchObject({ recommender: "reform-zone", rows: Math.max(5, defaultRows) });
    expect(back.rows).toEqual([
      { values: ROW_A, source: `${sources[0]} › ${SHEET} 第 1 行` },
      { values: ROW_C, source: `${sources[1]} › ${SHEET} 第 1 行` },
      // Written as it came, spaces and all: it is the user's to drop.
      { values: A_SPACED, source: `${sources[1]} › ${SHEET} 第 2 行` },
      { values: C_OTHER, source: `${sources[2]} › ${SHEET} 第 1 行` },
      { values: FORM_ROW, source: `${sources[3]} › 试点示范申报书` },
    ]);
    // The audit cell is the rows/<i>/source input.
    expect(cellAt(back.sheet, back.cells.get("rows/0/source") ?? fail("no source cell"))).toEqual({ kind: "value", value: `${sources[0]} › ${SHEET} 第 1 行` });
    // The bad mobile is nowhere.
    expect(JSON.stringify(back.rows)).not.toContain(BAD_B.mobile);
    expectInputsUnchanged();
    expectNoTempFiles();
  });

  test("--keep writes the invalid row in its place; --drop leaves one copy of a duplicate out; every row once", async () => {
    const out = output();
    const args = merge("-o", out, "--keep", "1:1:2", "--drop", "2:1:2");
    const first = await cli(args);
    expect(first.code).toBe(3);
    expect(first.out).toMatch(/^2\s+1:1:2\s.*有误，保留\s/m);
    expect(first.out).toMatch(/^\s+2:1:2\s.*剔除\s/m);
    expect(first.out).not.toContain("确需保留请加 --keep");
    const r = await cli([...args, "--confirm", confirmCode(first.out)]);
    expect(r.code).toBe(0);
    const back = await summaryBack(out);
    expect(back.rows.map((row) => row.values)).toEqual([ROW_A, BAD_B, ROW_C, C_OTHER, FORM_ROW].map(asWritten));
    expect(back.rows.map((row) => row.source)).toEqual([
      `${sources[0]} › ${SHEET} 第 1 行`,
      `${sources[0]} › ${SHEET} 第 2 行`,
      `${sources[1]} › ${SHEET} 第 1 行`,
      `${sources[2]} › ${SHEET} 第 1 行`,
      `${sources[3]} › 试点示范申报书`,
    ]);
    expect(new Set(back.rows.map((row) => row.source)).size).toBe(back.rows.length);
  });

  test("ids are taken comma separated or repeated, and a valid row named with --keep changes nothing", async () => {
    const plain = confirmCode((await cli(merge("-o", output(), "--keep", "1:1:2,2:1:1", "--drop", "2:1:2"))).out);
    const repeated = confirmCode((await cli(merge("-o", output(), "--keep", "1:1:2", "--keep", "2:1:1", "--drop", "2:1:2"))).out);
    const alone = confirmCode((await cli(merge("-o", output(), "--keep", "1:1:2", "--drop", "2:1:2"))).out);
    expect(repeated).toBe(plain);
    expect(alone).toBe(plain);
  });

  test("a stale code (the preview without --keep, then run with --keep): exit 1, the new preview, nothing written", async () => {
    const out = output();
    const old = confirmCode((await cli(merge("-o", out))).out);
    const r = await cli(merge("-o", out, "--keep", "1:1:2", "--confirm", old));
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.err).toContain(`确认码 ${old} 与本次预览`);
    expect(r.err).toContain("未写入");
    // The new preview, showing the kept row, with its own code in the refusal.
    expect(r.out).toMatch(/^2\s+1:1:2\s.*有误，保留\s/m);
    expect(r.out).toContain("将写入 6 行（共 6 行）");
    const fresh = /（([0-9a-f]{10})）/.exec(r.err)?.[1] ?? fail(`no new code in ${r.err}`);
    expect(fresh).not.toBe(old);
    expect((await cli(merge("-o", out, "--keep", "1:1:2", "--confirm", fresh))).code).toBe(0);
  });

  test("a wrong code, or a source changed since the preview: exit 1 and nothing written", async () => {
    const wrong = await cli(merge("-o", output(), "--confirm", "0123456789"));
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain("确认码 0123456789 与本次预览");

    const own = join(root, "changed");
    mkdirSync(own);
    const path = join(own, "区县.xlsx");
    writeFileSync(path, await xlsx([summaryPlan([ROW_A])]));
    const out = join(own, "out.xlsx");
    const args = ["merge", "--template", SUMMARY, path, "-o", out];
    const code = confirmCode((await cli(args)).out);
    writeFileSync(path, await xlsx([summaryPlan([{ ...ROW_A, contact: "王建民" }])]));
    const r = await cli([...args, "--confirm", code]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("王建民");
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(own)).toEqual(["区县.xlsx"]);
  });

  test("the code is the same for the same rows: an upper-case code is accepted", async () => {
    const out = output();
    const code = confirmCode((await cli(merge("-o", out))).out);
    expect((await cli(merge("-o", out, "--confirm", ` ${code.toUpperCase()} `))).code).toBe(0);
  });
});

describe("assessbook merge at a terminal", () => {
  test("answering y writes, after showing the preview and asking about the row count and the file", async () => {
    const out = output();
    const r = await cli(merge("-o", out), { answer: "y" });
    expect(r.code).toBe(0);
    expect(r.asked).toEqual([`将以上 5 项写入 ${out}？输入 y 确认：`]);
    expect(r.out).toContain("合并预览");
    expect(r.out).toContain(`已写入 ${out}（5 项）。`);
    expect((await summaryBack(out)).rows).toHaveLength(5);
  });

  test.each([["n"], [""], [null], ["yes please"]])("answering %p writes nothing: exit 3", async (answer) => {
    const out = output();
    const r = await cli(merge("-o", out), { answer });
    expect(r.code).toBe(3);
    expect(r.asked).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    expect(r.out).toContain("未写入。确认写入以上内容，请加 --confirm");
  });

  test("with --confirm or --json nobody is asked", async () => {
    const out = output();
    const code = confirmCode((await cli(merge("-o", out))).out);
    const confirmed = await cli(merge("-o", out, "--confirm", code), { answer: "n" });
    expect(confirmed.code).toBe(0);
    expect(confirmed.asked).toEqual([]);
    const json = await cli(merge("-o", output(), "--json"), { answer: "y" });
    expect(json.code).toBe(3);
    expect(json.asked).toEqual([]);
  });
});

describe("assessbook merge --into", () => {
  let out: string;
  let first: Ran;
  let r: Ran;
  beforeAll(async () => {
    out = output();
    const args = ["merge", "--into", target, ...sources.slice(0, 4), "-o", out];
    first = await cli(args);
    r = await cli([...args, "--confirm", confirmCode(first.out)]);
  }, 20_000);

  test("the target's rows come first, then the sources' in argument order, each with its source", async () => {
    expect(first.code).toBe(3);
    expect(first.out).toContain(`目标：${target} › ${SHEET}；将写入 6 行（共 7 行）`);
    expect(first.out).toMatch(new RegExp(`^1\\s+t:1\\s.*原有\\s+${escape(`${target} › ${SHEET} 第 1 行`)}\\s*$`, "m"));
    expect(r.code).toBe(0);
    const back = await summaryBack(out);
    // The target's recommender category and at least its rows (3), here the 6 merged.
    expect(back.sheet.marker.params).toMatchObject({ recommender: "reform-zone", rows: 6 });
    expect(back.rows).toEqual([
      { values: ROW_T, source: `${target} › ${SHEET} 第 1 行` },
      { values: ROW_A, source: `${sources[0]} › ${SHEET} 第 1 行` },
      { values: ROW_C, source: `${sources[1]} › ${SHEET} 第 1 行` },
      { values: A_SPACED, source: `${sources[1]} › ${SHEET} 第 2 行` },
      { values: C_OTHER, source: `${sources[2]} › ${SHEET} 第 1 行` },
      { values: FORM_ROW, source: `${sources[3]} › 试点示范申报书` },
    ]);
    // The target's 推荐单位 stays.
    expect(cellAt(back.sheet, back.cells.get("recommender") ?? fail("no recommender cell"))).toEqual({ kind: "value", value: "太原市工业和信息化局" });
  });

  test("the other sheets stay, in their order, cell for cell; the target and the sources are unchanged", async () => {
    const before = await readWorkbook(readFileSync(target));
    const after = await readWorkbook(readFileSync(out));
    expect(after.map((s) => [s.name, s.marker?.template])).toEqual([
      ["表1 评分", "shaoxing-discrete"],
      [SHEET, SUMMARY],
      ["山西试点示范要素自评", "shanxi-2018"],
    ]);
    expect(after.map((s) => s.name)).toEqual(before.map((s) => s.name));
    for (const i of [0, 2]) {
      expect(after[i].marker).toEqual(before[i].marker);
      for (let row = 1; row <= 80; row++) {
        for (let col = 1; col <= 16; col++) {
          const [b, a] = [before[i].cell(row, col), after[i].cell(row, col)];
          if (JSON.stringify(a) !== JSON.stringify(b)) expect([before[i].name, row, col, a]).toEqual([before[i].name, row, col, b]);
        }
      }
    }
    // The scoring sheet's answers still read back as the sample's.
    const scoring = checkSheet(after[0]);
    expect(scoring.data).toEqual(checkSheet(before[0]).data);
    expectInputsUnchanged();
  });

  test("--drop of a row already in the target is refused: exit 2", async () => {
    const dropped = await cli(["merge", "--into", target, sources[0], "-o", output(), "--drop", "t:1"]);
    expect(dropped.code).toBe(2);
    expect(dropped.err).toContain("目标表已有的行总是保留");
  });

  test("a target without the table asked for is an input error naming the tables it has; a target refused says why", async () => {
    const noSheet = await cli(["merge", "--into", target, sources[0], "-o", output(), "--sheet", "没有这张表"]);
    expect(noSheet.code).toBe(1);
    expect(noSheet.err).toContain(`${target} 中没有符合条件的推荐汇总表`);
    expect(noSheet.err).toContain(`${SHEET}（${SUMMARY}）`);
    const plain = await cli(["merge", "--into", sources[6], sources[0], "-o", output()]);
    expect(plain.code).toBe(1);
    expect(plain.err).toContain(`${sources[6]}: 工作簿中没有 Assessbook 生成的表`);
  });
});

describe("assessbook merge: safety and usage", () => {
  test("-o naming a source with other letter case, or through a link: exit 2 (a case-blind file system would replace it)", async () => {
    const upper = join(dirname(sources[0]), basename(sources[0]).toUpperCase());
    expect((await cli(["merge", "--template", SUMMARY, sources[0], "-o", upper, "--force"])).code).toBe(2);
    const link = join(dir, `link-${++n}.xlsx`);
    symlinkSync(sources[0], link);
    expect((await cli(["merge", "--template", SUMMARY, sources[0], "-o", link, "--force"])).code).toBe(2);
  });

  test("a confirmation code is tied to the target: a code from a --template preview does not write into --into", async () => {
    const fresh = await cli(["merge", "--template", SUMMARY, sources[0], "-o", output()]);
    const code = /--confirm ([0-9a-f]{10})/.exec(fresh.out)?.[1];
    expect(code).toBeDefined();
    const out = output();
    const into = await cli(["merge", "--into", target, sources[0], "-o", out, "--confirm", code ?? ""]);
    expect(into.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  test("-o equal to a source or to the --into file: exit 2, nothing touched", async () => {
    const asSource = await cli(merge("-o", sources[0]));
    expect(asSource.code).toBe(2);
    expect(asSource.err).toContain("输出文件不能是输入文件之一");
    const asTarget = await cli(["merge", "--into", target, sources[0], "-o", join(dir, ".", "推荐汇总表.xlsx"), "--force"]);
    expect(asTarget.code).toBe(2);
    expectInputsUnchanged();
  });

  test("an existing -o without --force: exit 1 and the file untouched; with --force it is replaced once confirmed", async () => {
    const out = output();
    writeFileSync(out, "not yet");
    const r = await cli(merge("-o", out));
    expect(r.code).toBe(1);
    expect(r.err).toContain("文件已存在，加 --force 覆盖");
    expect(readFileSync(out, "utf8")).toBe("not yet");
    const preview = await cli(merge("-o", out, "--force"));
    expect(preview.code).toBe(3);
    expect(readFileSync(out, "utf8")).toBe("not yet");
    const written = await cli(merge("-o", out, "--force", "--confirm", confirmCode(preview.out)));
    expect(written.code).toBe(0);
    expect((await summaryBack(out)).rows).toHaveLength(5);
    expectNoTempFiles();
  });

  test.each([
    [["--keep", "9:9:9"], "--keep：预览中没有这些行"],
    [["--drop", "1:1:1,nope"], "--drop：预览中没有这些行 / no such rows in the preview: nope"],
    [["--recommender", "nobody"], 'unknown recommender "nobody"'],
  ])("%p: exit 2", async (extra, message) => {
    const out = output();
    const r = await cli(merge("-o", out, ...extra));
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  test.each([
    [["--template", "shaoxing-discrete"], "--template 应为推荐汇总表或专家组评分表之一"],
    [["--template", "national-2024-kpis"], "--template 应为推荐汇总表或专家组评分表之一"],
    [["--template", "shaoxing-discrete", "--into", "x.xlsx"], "--template 应为推荐汇总表或专家组评分表之一"],
    [["--sheet", "试点示范推荐汇总表", "--template", SUMMARY], "--sheet 指定 --into 工作簿中的汇总表，须与 --into 同用"],
    [["--into", "x.xlsx", "--recommender", "industry-office"], "--recommender 只用于新建汇总表"],
    [[], "merge 需要 --into <汇总表.xlsx> 或 --template <汇总表编号>"],
  ])("%p instead of a summary: exit 2", async (template, message) => {
    const out = output();
    const r = await cli(["merge", ...template, sources[0], "-o", out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  test.each([
    [["merge", "--template", SUMMARY, "a.xlsx"], "merge 需要 -o <out.xlsx>"],
    [["merge", "--template", SUMMARY, "a.xlsx", "-o", "out.xls"], "输出文件应以 .xlsx 结尾"],
    [["merge", "--template", SUMMARY, "-o", "out.xlsx"], "merge 需要至少一个来源文件"],
    [["merge", "--template", SUMMARY, "a.xlsx", "-o", "out.xlsx", "--param", "rows=3"], "merge 不接受 --param"],
    [["build", "shaoxing", "-o", "out.xlsx", "--keep", "1:1:1"], "build 不接受 --keep"],
  ])("%p: exit 2", async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  test("a source that cannot be read from disk is an input error", async () => {
    const r = await cli(["merge", "--template", SUMMARY, at("没有这个文件.xlsx"), "-o", output()]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("无法读取");
  });
});

describe("assessbook merge --json", () => {
  test("parseable: the preview, each row's status and serial, the code, and output null until confirmed", async () => {
    const out = output();
    const r = await cli(merge("-o", out, "--json"));
    expect(r.code).toBe(3);
    const preview = JSON.parse(r.out);
    expect(preview.confirm).toMatch(/^[0-9a-f]{10}$/);
    expect(preview.output).toBeNull();
    expect(preview.sheets).toBeNull();
    expect(preview.template).toBe(SUMMARY);
    expect(preview.recommender).toEqual({ id: "reform-zone", name: "综改示范区管委会", limit: 5 });
    expect(preview.rows.map((row: { id: string; status: string; serial: number | null }) => [row.id, row.status, row.serial])).toEqual([
      ["1:1:1", "added", 1],
      ["1:1:2", "invalid", null],
      ["2:1:1", "added", 2],
      ["2:1:2", "added", 3],
      ["3:1:1", "added", 4],
      ["4:2:form", "added", 5],
    ]);
    expect(preview.refused.map((f: { kind: string }) => f.kind)).toEqual(["not-xlsx", "encrypted", "no-assessbook-sheet"]);
    expect(preview.problems).toEqual([expect.objectContaining({ kind: "mobile", cell: "E6", rowId: "1:1:2", file: sources[0] })]);
    expect(existsSync(out)).toBe(false);
    // The code is the one the text preview prints.
    expect(preview.confirm).toBe(confirmCode((await cli(merge("-o", out))).out));

    const written = await cli(merge("-o", out, "--json", "--confirm", preview.confirm));
    expect(written.code).toBe(0);
    const done = JSON.parse(written.out);
    expect(done).toMatchObject({ confirm: preview.confirm, output: out, sheets: [SHEET] });
    expect(existsSync(out)).toBe(true);
  });

  test("with a stale code the new preview is still parseable JSON, and the refusal is on err", async () => {
    const r = await cli(merge("-o", output(), "--json", "--confirm", "0000000000"));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ output: null, confirm: expect.stringMatching(/^[0-9a-f]{10}$/) });
    expect(r.err).toContain("确认码 0000000000");
  });
});

describe("assessbook merge: text stays text", () => {
  test("a formula, +86… and @… typed as text in a source are plain strings in the output", async () => {
    const own = join(root, "text");
    mkdirSync(own);
    const typed: Row = { "pilot-name": '=HYPERLINK("http://x","y")', enterprise: "+86 山西某某科技有限公司", contact: "@x", mobile: "+8613935112345", email: "=1+1" };
    const path = join(own, "区县.xlsx");
    writeFileSync(path, await xlsx([summaryPlan([typed])]));
    const out = join(own, "out.xlsx");
    const args = ["merge", "--template", SUMMARY, path, "-o", out, "--keep", "1:1:1"];
    const first = await cli(args);
    expect(first.code).toBe(3);
    // The +86 and the missing user name are problems, so the row needs --keep.
    expect(first.out).toContain(`${path} › ${SHEET} › E5（1:1:1）：手机号码：请去掉国家代码 +86`);
    expect((await cli([...args, "--confirm", confirmCode(first.out)])).code).toBe(0);
    const [sheet] = await readWorkbook(readFileSync(out));
    const cells = bindings(sheet as MarkedSheet) ?? fail("no bindings");
    for (const [key, value] of Object.entries(typed)) {
      expect([key, cellAt(sheet, cells.get(`rows/0/${key}`) ?? fail(`no cell for ${key}`))]).toEqual([key, { kind: "value", value }]);
    }
  });
});

// ---- expert panels ----

const RUBRIC = "shaoxing-discrete";
const rubric: Rubric = RUBRICS.find((r) => r.id === RUBRIC) ?? fail(`no rubric ${RUBRIC}`);
const BASE: Record<string, unknown> = Object.fromEntries(Object.entries(DISCRETE_SAMPLES.single).filter(([k]) => !["enterprise", "date", "expert", "adjustments"].includes(k)));

interface Expert {
  enterprise: string;
  expert: string;
  changes?: Record<string, unknown>;
}

const scoringSheet = (e: Expert) => rendered(RUBRIC, { ...BASE, ...e.changes, enterprise: e.enterprise, expert: e.expert, date: "2024-05-20" });
const total = (e: Expert) => {
  const scored = score(rubric, { ...BASE, ...e.changes });
  return scored.ok ? scored.value.total : fail(JSON.stringify(scored.problems));
};
const figure = (x: number) => String(Math.round(x * 100) / 100);

const A = "绍兴市示例纺织机械有限公司";
const B = "诸暨市示例针织有限公司";
const ZHANG_A: Expert = { enterprise: A, expert: "张工" };
const LI_A: Expert = { enterprise: "绍兴市示例纺织机械 有限公司", expert: "李教授", changes: { "2.1.3": "有" } };
const WANG_A: Expert = { enterprise: " 绍兴市示例纺织机械　有限公司", expert: "王高工", changes: { "3.1": "38%" } };
const ZHANG_B: Expert = { enterprise: B, expert: "张工", changes: { "4.2": "无" } };
const WANG_B: Expert = { enterprise: B, expert: "王高工" };

describe("assessbook merge checks what build checks; nothing to write is said (issue 12 items 6 and 8)", () => {
  let own: string;
  beforeAll(() => {
    own = join(root, "checks");
    mkdirSync(own);
  });

  test("a 典型场景实例 build --data refuses is a problem of its cell, and its row is not written", async () => {
    const [first, second] = NATIONAL_2024_SUMMARY_SAMPLE.rows;
    const source = join(own, "某市.xlsx");
    writeFileSync(source, await xlsx([summaryPlan([first, { ...second, scenarios: "设备管理 远程监测" }], { template: "national-2024-summary" })]));
    const r = await cli(["merge", "--template", "national-2024-summary", source, "-o", join(own, "out-1.xlsx")]);
    expect(r.code).toBe(3);
    expect(r.out).toMatch(new RegExp(`^  ${escape(`${source} › `)}[^›]+ › [A-Z]+6（1:1:2）：涉及典型场景实例（罗列）：第 1 条“设备管理 远程监测”应写成“环节名—场景名—实例名”`, "m"));
    expect(r.out).toMatch(/^\s+1:1:2\s.*有误，不写入\s/m);
    expect(r.out).toContain("将写入 1 行（共 2 行）");
  });

  test("a merge with nothing to write says so, asks for no code and writes nothing: exit 1", async () => {
    const source = join(own, "某县.xlsx");
    writeFileSync(source, await xlsx([summaryPlan([BAD_B])]));
    const out = join(own, "out-2.xlsx");
    const args = ["merge", "--template", SUMMARY, source, "-o", out];
    const r = await cli(args, { answer: "y" });
    expect(r.code).toBe(1);
    expect(r.asked).toEqual([]);
    expect(r.out).toContain("将写入 0 行（共 1 行）");
    expect(r.out).not.toContain("--confirm");
    expect(r.err).toBe("没有可追加的行：1 行有误（确需写入请加 --keep），未写入，也无需确认。");
    expect(existsSync(out)).toBe(false);
    const json = await cli([...args, "--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ confirm: null, output: null });
    const none = await cli(["merge", "--template", SUMMARY, at("名单.xlsx"), "-o", out, "--lang", "en"]);
    expect(none.err).toBe("the sources hold no row to merge; nothing written, and nothing to confirm.");
    // Kept, the row is written as usual.
    const kept = await cli([...args, "--keep", "1:1:1"]);
    expect(kept.code).toBe(3);
    expect(kept.out).toContain("--confirm");
  });
});

describe("assessbook merge --template <rubric>-panel", () => {
  let experts: string[];
  beforeAll(async () => {
    const own = join(root, "panel");
    mkdirSync(own);
    const files: [string, Expert[]][] = [
      ["张工.xlsx", [ZHANG_A, ZHANG_B]],
      ["李教授.xlsx", [LI_A]],
      ["王高工.xlsx", [WANG_A, WANG_B]],
    ];
    experts = [];
    for (const [name, sheets] of files) {
      writeFileSync(join(own, name), await xlsx(sheets.map(scoringSheet)));
      experts.push(join(own, name));
    }
  }, 20_000);

  test("the preview lists each enterprise, its experts and totals; confirming writes one panel sheet per enterprise", async () => {
    const out = join(root, "panel", "专家组.xlsx");
    const args = ["merge", "--template", `${RUBRIC}-panel`, ...experts, "-o", out];
    const first = await cli(args);
    expect(first.code).toBe(3);
    expect(existsSync(out)).toBe(false);
    expect(first.out).toMatch(/^合并预览：.*（偏离阈值 10 分）$/m);
    // The spaced names group with A.
    expect(first.out).toMatch(new RegExp(`^p1 ${A}：平均 `, "m"));
    expect(first.out).toMatch(new RegExp(`^p2 ${B}：平均 `, "m"));
    expect(first.out).not.toMatch(/^p3 /m);
    const rows: [Expert, string, string][] = [
      [ZHANG_A, "1:1", "张工.xlsx › 表1 评分"],
      [LI_A, "2:1", "李教授.xlsx › 表1 评分"],
      [WANG_A, "3:1", "王高工.xlsx › 表1 评分"],
      [ZHANG_B, "1:2", "张工.xlsx › 表1 评分 (2)"],
      [WANG_B, "3:2", "王高工.xlsx › 表1 评分 (2)"],
    ];
    const lines = first.out.split("\n");
    const found = rows.map(([e, id, audit]) => {
      const line = new RegExp(`^${escape(e.expert)}\\s+${escape(id)}\\s+${escape(figure(total(e)))}(?: 偏离)?\\s+写入\\s+.*${escape(audit)}\\s*$`);
      const index = lines.findIndex((l) => line.test(l));
      expect([id, index]).not.toEqual([id, -1]);
      return index;
    });
    expect(found).toEqual([...found].sort((a, b) => a - b));
    // Two experts for B: no trimmed mean, a warning.
    expect(first.out).toContain("至少 3 位");

    const r = await cli([...args, "--confirm", confirmCode(first.out)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已写入 ${out}（5 项）。`);
    const sheets = await marked(out);
    expect(sheets.map((s) => [s.name, s.marker.template])).toEqual([
      [A, `${RUBRIC}-panel`],
      [B, `${RUBRIC}-panel`],
    ]);
    const data = sheets.map((s) => checkSheet(s).data as { enterprise: string; experts: { name: string }[] });
    expect(data.map((d) => [d.enterprise, d.experts.map((e) => e.name)])).toEqual([
      [A, ["张工", "李教授", "王高工"]],
      [B, ["张工", "王高工"]],
    ]);
    for (const path of experts) expect(existsSync(path)).toBe(true);
  });

  test("--json lists the panels with each expert's total and whether it is written", async () => {
    const r = await cli(["merge", "--template", `${RUBRIC}-panel`, ...experts, "-o", join(root, "panel", "j.xlsx"), "--json"]);
    expect(r.code).toBe(3);
    const preview = JSON.parse(r.out);
    expect(preview.output).toBeNull();
    expect(preview.panels.map((p: { enterprise: string; experts: { name: string; total: number; written: boolean }[] }) => [p.enterprise, p.experts.map((e) => [e.name, e.total, e.written])])).toEqual([
      [A, [ZHANG_A, LI_A, WANG_A].map((e) => [e.expert, total(e), true])],
      [B, [ZHANG_B, WANG_B].map((e) => [e.expert, total(e), true])],
    ]);
  });

  test.each([
    [["--into", "target.xlsx"], "--into"],
    [["--drop", "1:1"], "--drop"],
    [["--recommender", "reform-zone"], "--recommender"],
  ])("%p with a panel template: exit 2", async (extra) => {
    const out = join(root, "panel", "no.xlsx");
    const r = await cli(["merge", "--template", `${RUBRIC}-panel`, ...experts, "-o", out, ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("专家组评分表的合并不接受");
    expect(existsSync(out)).toBe(false);
  });

  test("--keep naming no expert: exit 2", async () => {
    const r = await cli(["merge", "--template", `${RUBRIC}-panel`, ...experts, "-o", join(root, "panel", "k.xlsx"), "--keep", "9:9"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("预览中没有这些专家");
  });
});

describe("assessbook merge: progress", () => {
  let copies: string[];
  beforeAll(async () => {
    const own = join(root, "many");
    mkdirSync(own);
    const bytes = await xlsx([summaryPlan([ROW_A])]);
    copies = Array.from({ length: 11 }, (_, i) => {
      const path = join(own, `区县${i + 1}.xlsx`);
      writeFileSync(path, bytes);
      return path;
    });
  });

  test("11 files: progress (n, total) for each, ending at (total, total)", async () => {
    const r = await cli(["merge", "--template", SUMMARY, ...copies, "-o", join(root, "many", "out.xlsx")], { progress: true });
    expect(r.code).toBe(3);
    expect(r.progress).toEqual(Array.from({ length: 11 }, (_, i) => [i + 1, 11]));
  });

  test("10 files or fewer: no progress", async () => {
    const ten = await cli(["merge", "--template", SUMMARY, ...copies.slice(0, 10), "-o", join(root, "many", "out.xlsx")], { progress: true });
    expect(ten.code).toBe(3);
    expect(ten.progress).toEqual([]);
    const few = await cli(merge("-o", output()), { progress: true });
    expect(few.progress).toEqual([]);
  });
});
