/**
 * `npm run bench` (second part): ASSESS.SCORE_DISCRETE over a 10,000-row range in one call, as
 * Excel hands it over (an array of 10,000 rows of 27 cells, blanks as ""), beside two references
 * measured in the same run over the same cells: the engine alone (scoreTotals row by row, what
 * the function calls) and the straight-line scorer (bench/straight-line.ts). Two data sets, as in
 * score-bench.ts: the typed answers of bench/random.ts and the same rows with unique rates.
 *
 * Target (issue 14): the function takes at most 1.1× the engine alone.
 */
import { RUBRICS } from "../templates/index";
import { SCORE_SHORTCUTS } from "../templates/shortcuts";
import type { Rubric } from "../templates/schema";
import { installCustomFunctionsRuntime } from "../functions/outside-excel";
import { scoreDiscrete } from "../functions/functions";
import { scoreTotals } from "../src/core/score-fast";
import { prng, randomAnswer } from "./random";
import { discreteTotal } from "./straight-line";
import { withUniqueRates } from "./unique-rates";
import { formatRate, gcWatch, rates, type Timed } from "./timing";

const ROWS = 10_000;
const RUNS = 11;
/** Calls per timed pass: a pass of a few tens of milliseconds is less at the mercy of the scheduler on a shared machine. */
const CALLS = 5;
const GOAL = 1.1;

installCustomFunctionsRuntime();

const found = RUBRICS.find((r) => r.id === SCORE_SHORTCUTS.SCORE_DISCRETE);
if (!found) throw new Error(`${SCORE_SHORTCUTS.SCORE_DISCRETE} is missing from the catalogue`);
const discrete: Rubric = found;

/** One call over the whole range; the checksum keeps the work observable and proves every row scored. */
function functionCall(range: unknown[][]): number {
  const result = scoreDiscrete(range);
  if (result.length !== ROWS) throw new Error(`expected ${ROWS} results, got ${result.length}`);
  let checksum = 0;
  for (let i = 0; i < result.length; i++) {
    const total = result[i][0];
    if (typeof total !== "number") throw new Error(`a row did not score: ${JSON.stringify(total)}`);
    checksum += total;
  }
  return checksum;
}

function engineAlone(range: unknown[][]): number {
  let checksum = 0;
  for (const row of range) {
    const r = scoreTotals(discrete, row);
    if (!r.ok) throw new Error(`a row did not score: ${JSON.stringify(r.problems)}`);
    checksum += r.value.total;
  }
  return checksum;
}

function straightLine(range: unknown[][]): number {
  let checksum = 0;
  for (const row of range) checksum += discreteTotal(row);
  return checksum;
}

/** CALLS calls in a row; the checksum is the last call's. */
function repeated(f: (range: unknown[][]) => number, range: unknown[][]): () => number {
  return () => {
    let checksum = 0;
    for (let i = 0; i < CALLS; i++) checksum = f(range);
    return checksum;
  };
}

/** Warm-up, then RUNS rounds of the three taken in turn, so all see the same load. */
async function compare(label: string, range: unknown[][]): Promise<void> {
  const scorers = [functionCall, engineAlone, straightLine].map((f) => repeated(f, range));
  for (const f of scorers) await gcWatch(f);
  const timed: Timed[][] = scorers.map(() => []);
  for (let i = 0; i < RUNS; i++) for (const [k, f] of scorers.entries()) timed[k].push(await gcWatch(f));
  const checksum = timed[0][0].checksum;
  for (const t of timed.flat()) {
    if (t.checksum !== checksum) throw new Error(`${label}: checksums differ (${checksum} vs ${t.checksum}): the scorers disagree`);
  }
  const [fn, eng, ref] = timed.map((t) => rates(ROWS * CALLS, t));
  const line = (name: string, r: ReturnType<typeof rates>, extra = "") =>
    `  ${name.padEnd(28)} ${((ROWS / r.wall) * 1000).toFixed(1).padStart(6)} ms = ${formatRate(r.wall).padStart(10)} rows/s  (${formatRate(r.cpu).padStart(10)} rows per CPU-second)  GC ${(r.gcShare * 100).toFixed(0)}%${extra}`;
  const ratio = eng.wall / fn.wall;
  const cpuRatio = eng.cpu / fn.cpu;
  console.log(`SCORE_DISCRETE, ${ROWS.toLocaleString("en-US")} rows in one call, ${label} (checksum ${checksum.toFixed(1)}, the same for all three; median of ${RUNS} passes of ${CALLS} calls)`);
  console.log(line("SCORE_DISCRETE(range)", fn, `  passes ${timed[0].map((t) => ((t.seconds * 1000) / CALLS).toFixed(1)).join(", ")} ms per call`));
  console.log(line("engine alone (scoreTotals)", eng));
  console.log(line("straight-line reference", ref));
  const verdict = ratio <= GOAL ? "meets" : cpuRatio <= GOAL ? "meets in CPU time" : "BELOW";
  console.log(`  ${"function / engine alone".padEnd(28)} ${ratio.toFixed(2)}× (CPU time ${cpuRatio.toFixed(2)}×): ${verdict} goal ≤ ${GOAL}×; engine / straight-line ${(eng.wall / ref.wall).toFixed(2)}`);
}

async function main(): Promise<void> {
  const rnd = prng(42);
  const range = Array.from({ length: ROWS }, () => discrete.inputs.map((d) => randomAnswer(d, rnd, "")));
  await compare("typed answers", range);
  await compare("unique rates", withUniqueRates(discrete.inputs, range));
}

void main();
