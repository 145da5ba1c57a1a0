/**
 * `npm run bench`: scores 100,000 random answer sets on each rubric with the real engine
 * (positional rows, as a worksheet range arrives) and prints rows per second and peak memory.
 * Goal on the 2-core reference machine: ≥ 500,000 rows/s.
 */
import { RUBRICS } from "../templates/index";
import type { Rubric } from "../templates/schema";
import { score } from "../src/core/score";
import { prng, randomAnswer } from "./random";

const ROWS = 100_000;
const GOAL = 500_000;


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
