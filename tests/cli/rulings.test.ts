/**
 * The rulings through the CLI: `tier` reads the 2024 gradient as a ladder (T5), `score` refuses a
 * reduction above 100% and warns about an improvement above 100% (G2), and `tier pujiang`
 * refuses a part larger than its whole (G2) — the same readings as the engine, the custom
 * functions and the sheets.
 */
import { readFileSync } from "node:fs";
import { run } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

async function cli(args: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    read: async (path) => (path in files ? files[path] : readFileSync(path, "utf8")),
  };
  const code = await run(args, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const yes = (...codes: string[]) => Object.fromEntries(codes.map((c) => [c, "是"]));

/** 卓越级's own conditions, 先进级's too, but no 生产作业 环节: 基础级 fails, so nothing is met (T5). */
const EXCELLENT_WITHOUT_PRODUCTION = {
  ...yes("application.registered", "application.cooperation", "requirement.1", "requirement.2", "requirement.3", "requirement.4"),
  ...yes("stage.infrastructure", "stage.process-design", "stage.planning", "stage.supply-chain", "advanced.effect-2", "excellent.effect-2", "excellent.effect-3", "excellent.effect-4"),
  "stage.production": "否",
  "stage.quality": "否",
  "stage.equipment": "否",
  maturity: "三级",
  performance: "国内同行业领先",
};

test("T5: tier national-2024 meets nothing without 生产作业, and 卓越级 lists 基础级's and 先进级's coverage", async () => {
  const { code, out } = await cli(["tier", "national-2024", "in.json", "--json"], { "in.json": JSON.stringify(EXCELLENT_WITHOUT_PRODUCTION) });
  expect(code).toBe(0);
  const r = JSON.parse(out) as { met: string | null; tiers: { tier: string; met: boolean; unmet: { id: string }[] }[] };
  expect(r.met).toBeNull();
  expect(r.tiers.find((t) => t.tier === "excellent")?.unmet.map((c) => c.id)).toEqual(["basic.covers.production", "advanced.covers.production"]);
});

test("G2: score refuses 表1 6.5 = 9 naming the input, and warns how 6.4 = 12 was read", async () => {
  const refused = await cli(["score", "shaoxing-discrete", "in.json"], { "in.json": '{"6.4": 12, "6.5": 9}' });
  expect(refused.code).not.toBe(0);
  expect(refused.err).toContain("6.5: 降低（下降、减少、缩短）幅度不能超过 100%：请填 9% 或 0.09，而不是 9");
  const warned = await cli(["score", "shaoxing-discrete", "in.json"], { "in.json": '{"6.4": 12}' });
  expect(warned.code).toBe(0);
  expect(warned.out).toContain("生产效率提高：12 按 1200% 计；若指 12%，请填 12% 或 0.12");
});

test("G2: tier pujiang refuses digital investment 600 of a total of 500, naming both inputs", async () => {
  const { code, err } = await cli(["tier", "pujiang", "in.json"], { "in.json": '{"registered": "是", "total-investment": 500, "digital-investment": 600, "period": 1}' });
  expect(code).not.toBe(0);
  expect(err).toMatch(/digital-investment.*600.*total-investment.*500/);
});
