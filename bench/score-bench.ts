/**
 * `npm run bench`: scores 100,000 random answer sets on each rubric with the real engine
 * (positional rows, as a worksheet range arrives) and prints rows per second and peak memory.
 * Goal on the 2-core reference machine: ≥ 500,000 rows/s.
 */
import { RUBRICS } from "../templates/index";
import type { InputDef, Rubric } from "../templates/schema";
import { score } from "../src/core/score";
import { prng } from "./random";

const ROWS = 100_000;
const GOAL = 500_000;

function randomAnswer(def: InputDef, rnd: () => number): unknown {
  if (rnd() < 0.05) return null;
  switch (def.type) {
    case "tick":
      return [true, false, "有", "无", "√", "□", 1, 0][Math.floor(rnd() * 8)];
    case "tick-or-rate":
      return rnd() < 0.5 ? rnd() < 0.5 : Math.round(rnd() * 100) / 100;
    case "rate":
      return rnd() < 0.5 ? Math.round(rnd() * 1000) / 1000 : `${Math.round(rnd() * 100)}%`;
    case "improvement":
      return Math.round(rnd() * 40) / 100;
    case "level":
      return (def.levels ?? [])[Math.floor(rnd() * (def.levels ?? []).length)].name.zh;
    default:
      return Math.round(rnd() * 100);
  }
}

/** Scores every row once; returns the seconds taken and a checksum that keeps the work observable. */
function pass(rubric: Rubric, rows: unknown[][]): { seconds: number; checksum: number } {
  let checksum = 0;
  const start = process.hrtime.bigint();
  for (const row of rows) {
    const r = score(rubric, row);
    if (r.ok) checksum += r.value.total;
  }
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, checksum };
}

/** One warm-up pass (the JIT compiles the scorer), then the median of three timed passes. */
function bench(rubric: Rubric): void {
  const rnd = prng(42);
  const rows = Array.from({ length: ROWS }, () => rubric.inputs.map((d) => randomAnswer(d, rnd)));
  pass(rubric, rows.slice(0, 10_000));
  const runs = [pass(rubric, rows), pass(rubric, rows), pass(rubric, rows)].sort((a, b) => a.seconds - b.seconds);
  const { seconds, checksum } = runs[1];
  const rate = ROWS / seconds;
  const verdict = rate >= GOAL ? "meets" : "BELOW";
  const all = runs.map((r) => r.seconds.toFixed(3)).join(", ");
  console.log(
    `${rubric.id.padEnd(18)} ${ROWS} rows in ${seconds.toFixed(3)} s (median of ${all}) = ${Math.round(rate).toLocaleString("en-US")} rows/s (${verdict} goal ${GOAL.toLocaleString("en-US")}); checksum ${checksum.toFixed(1)}`,
  );
}

for (const rubric of RUBRICS) bench(rubric);
const peak = process.resourceUsage().maxRSS / 1024;
console.log(`peak memory (max RSS): ${peak.toFixed(1)} MiB`);
