/**
 * `npm run bench` (command line): the wall time of `assessbook score` on one enterprise, beside
 * the time Node takes to start and do nothing (`node -e 0`), measured in the same run with the
 * two interleaved, so a machine busy with other work slows both alike. Issue 14's target:
 * the command within 2.5 times Node's own start. Each figure is the median of RUNS runs after
 * one unmeasured run of each (which warms the file cache).
 *
 * The difference is what the command loads and does; the command loads only its own modules
 * (src/cli/main.ts) and the catalogue validated by the build (templates/shipped.ts).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { SCORE_SHORTCUTS } from "../templates/shortcuts";

const ROOT = join(__dirname, "..", "..");
const RUNS = Number(process.env.CLI_BENCH_RUNS ?? 21);
const TARGET = 2.5;

/** The rubric SCORE_DISCRETE scores, and its example answers (examples/<id>.json). */
const RUBRIC = SCORE_SHORTCUTS.SCORE_DISCRETE;
const SCORE = [join(ROOT, "bin", "assessbook.js"), "score", RUBRIC, join(ROOT, "examples", `${RUBRIC}.json`)];
const NOTHING = ["-e", "0"];

/** Seconds one run of `node <args>` takes from spawn to exit; a failing run stops the bench. */
function timed(args: readonly string[]): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${run.status ?? run.signal}: ${run.stderr}`);
  return seconds;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;

timed(SCORE);
timed(NOTHING);
const score: number[] = [];
const nothing: number[] = [];
for (let i = 0; i < RUNS; i++) {
  score.push(timed(SCORE));
  nothing.push(timed(NOTHING));
}
const ratio = median(score) / median(nothing);
console.log(`\nassessbook score ${RUBRIC} (one enterprise), ${RUNS} runs each, interleaved with node -e 0:`);
console.log(`  assessbook score  median ${ms(median(score))}  fastest ${ms(Math.min(...score))}`);
console.log(`  node -e 0         median ${ms(median(nothing))}  fastest ${ms(Math.min(...nothing))}`);
console.log(`  ratio ${ratio.toFixed(2)}× (target ≤ ${TARGET}×) ${ratio <= TARGET ? "✓" : "✗ over target"}`);
