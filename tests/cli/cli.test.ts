/**
 * The `assessbook` command: run in-process with a recording IO for the behaviour, and once
 * as a real process (the compiled bin) for exit codes and standard input.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

const ROOT = join(__dirname, "..", "..");
const example = (name: string) => join(ROOT, "examples", name);

function recorder(files: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    read: async (path) => {
      if (path in files) return files[path];
      return readFileSync(path, "utf8");
    },
  };
  return { io, out, err };
}

async function cli(args: string[], files?: Record<string, string>) {
  const r = recorder(files);
  const code = await run(args, r.io);
  return { code, out: r.out.join("\n"), err: r.err.join("\n") };
}

describe("assessbook list", () => {
  test("lists every public id with its document reference", async () => {
    const { code, out } = await cli(["list"]);
    expect(code).toBe(0);
    for (const id of ["shaoxing-discrete", "shaoxing-process", "shaoxing", "national-2024", "shanxi-2018", "pujiang", "national-2024-kpis", "shanxi-2018-summary", "national-2024-summary"]) {
      expect(out).toMatch(new RegExp(`^${id}\\s`, "m"));
    }
    expect(out).toContain("绍市工转升〔2019〕6号");
    expect(out).toContain("晋经信技术函〔2018〕91号");
  });

  test("--json gives id, kind, title and source for each template", async () => {
    const { code, out } = await cli(["list", "--json"]);
    expect(code).toBe(0);
    const rows = JSON.parse(out) as { id: string; kind: string; source: { doc: string } }[];
    expect(rows.find((r) => r.id === "shaoxing-discrete")).toMatchObject({ kind: "rubric", source: { doc: "003_aa3605fc89ed960c.txt" } });
    expect(rows.filter((r) => r.kind === "scheme").map((r) => r.id)).toEqual(["shaoxing", "national-2024", "shanxi-2018", "pujiang"]);
  });
});

describe("assessbook score", () => {
  test("prints a Chinese table with each rule, the sections, the total and what is missing (examples/shaoxing-discrete.json)", async () => {
    const { code, out } = await cli(["score", "shaoxing-discrete", example("shaoxing-discrete.json")]);
    expect(code).toBe(0);
    expect(out).toContain("数控化率 62% ≥ 60% → 10 分");
    expect(out).toContain("专家调整为 6 分");
    expect(out).toContain("总分：79 / 100");
    expect(out).toContain("状态：未完成，1 项未填：3.2.3");
  });

  test("--json prints the engine's result with rule texts in the chosen language", async () => {
    const { code, out } = await cli(["score", "shaoxing-process", example("shaoxing-process.json"), "--json", "--lang", "en"]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r).toMatchObject({ rubric: "shaoxing-process", total: 89, max: 100, complete: true, missing: [], warnings: [] });
    expect(r.items).toHaveLength(18);
    expect(r.items.find((i: { code: string }) => i.code === "2.2")).toMatchObject({ score: 10, max: 10, rule: "Control usage rate 55% ≥ 50% → 10 points" });
  });

  test("a D7 contradiction is a warning, not an error", async () => {
    const { code, out } = await cli(["score", "shaoxing-discrete", "in.json", "--json"], { "in.json": JSON.stringify({ "4.3": "有", "4.1": "无" }) });
    expect(code).toBe(0);
    expect(JSON.parse(out).warnings).toEqual([expect.objectContaining({ code: "4.3" })]);
  });

  test("invalid answers exit 1 with one line per problem naming the input code, no stack trace", async () => {
    const { code, out, err } = await cli(["score", "shaoxing-discrete", "in.json"], { "in.json": JSON.stringify({ "3.1": 62, "1.1": "maybe", "9.9": 1 }) });
    expect(code).toBe(1);
    expect(out).toBe("");
    const lines = err.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith("3.1: "))).toContain("62%");
    expect(lines.find((l) => l.startsWith("1.1: "))).toContain("maybe");
    expect(lines.find((l) => l.startsWith("9.9: "))).toBeDefined();
    expect(err).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  test("a file that is not JSON, or is missing, exits 1 with the file named", async () => {
    expect(await cli(["score", "shaoxing-discrete", "bad.json"], { "bad.json": "{ nope" })).toMatchObject({ code: 1, err: expect.stringContaining("bad.json: 不是有效的 JSON") });
    expect(await cli(["score", "shaoxing-discrete", join(ROOT, "no-such-file.json")])).toMatchObject({ code: 1, err: expect.stringContaining("no-such-file.json: 无法读取") });
  });

  test("usage errors exit 2: unknown rubric, missing argument, unknown option, unknown command", async () => {
    for (const args of [["score", "shaoxing", "x.json"], ["score", "shaoxing-discrete"], ["score", "--bogus"], ["frobnicate"], [], ["list", "--lang", "fr"]]) {
      const { code, err } = await cli(args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(err).toContain("用法 / usage");
    }
  });
});

describe("assessbook tier", () => {
  test("says the tier met and what the next tier lacks, citing the article (T1)", async () => {
    const { code, out } = await cli(["tier", "shaoxing", example("shaoxing-tier.json")]);
    expect(code).toBe(0);
    expect(out).toContain("结果：达到「智能制造示范车间」");
    expect(out).toContain("下一级「智能工厂」尚缺 2 项");
    expect(out).toMatch(/60% < 70%（第八条\(三\)）/);
  });

  test("--json has scheme, met and tiers with unmet conditions", async () => {
    const { code, out } = await cli(["tier", "shaoxing", example("shaoxing-tier.json"), "--json"]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.scheme).toBe("shaoxing");
    expect(r.met).toBe(r.tiers[1].tier);
    expect(r.tiers.map((t: { met: boolean }) => t.met)).toEqual([true, true, false]);
    expect(r.tiers[2].unmet).toHaveLength(2);
    expect(r.tiers[2].unmet[0]).toHaveProperty("source.doc", "003_aa3605fc89ed960c.txt");
  });

  test("an unknown scheme is a usage error listing the schemes", async () => {
    const { code, err } = await cli(["tier", "shaoxing-discrete", example("shaoxing-tier.json")]);
    expect(code).toBe(2);
    expect(err).toContain("shaoxing, national-2024, shanxi-2018, pujiang");
  });
});

describe("the installed bin", () => {
  const bin = join(ROOT, "bin", "assessbook.js");
  beforeAll(() => {
    if (!existsSync(join(ROOT, "build", "src", "cli", "main.js"))) execFileSync("npm", ["run", "build:cli"], { cwd: ROOT, stdio: "ignore" });
  });

  test("reads answers from standard input with '-' and exits 0", () => {
    const r = spawnSync(process.execPath, [bin, "score", "shaoxing-process", "-", "--json"], { input: readFileSync(example("shaoxing-process.json")), encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).total).toBe(89);
  });

  test("exit codes are 1 for invalid input and 2 for usage errors", () => {
    expect(spawnSync(process.execPath, [bin, "score", "shaoxing-process", "-"], { input: "[1]", encoding: "utf8" }).status).toBe(1);
    expect(spawnSync(process.execPath, [bin, "nonsense"], { encoding: "utf8" }).status).toBe(2);
  });
});

describe("assessbook score takes what extract gives", () => {
  test("the enterprise, date and expert fields of a scoring sheet are set aside, and the enterprise is named", async () => {
    const doc = { ...JSON.parse(readFileSync(example("shaoxing-discrete.json"), "utf8")), enterprise: "绍兴某纺织有限公司", date: "2024-05-10", expert: "王工" };
    const table = await cli(["score", "shaoxing-discrete", "in.json"], { "in.json": JSON.stringify(doc) });
    expect(table.code).toBe(0);
    expect(table.out.split("\n")[0]).toBe("绍兴市智能化改造认定标准 表1 离散型（百分制） · 绍兴某纺织有限公司");
    expect(table.out).toContain("总分：79 / 100");
    const json = await cli(["score", "shaoxing-discrete", "in.json", "--json"], { "in.json": JSON.stringify(doc) });
    expect(JSON.parse(json.out)).toMatchObject({ enterprise: "绍兴某纺织有限公司", date: "2024-05-10", expert: "王工", total: 79 });
  });
});
