/**
 * `npm run bench`: scores 100,000 random answer rows on each rubric (positional rows, as a
 * worksheet range arrives) with the engine's totals (scoreTotals, what SCORE_DISCRETE uses) and
 * reports each figure beside a reference measured in the same run: a straight-line scorer
 * hand-written for the two tables (bench/straight-line.ts) over the same raw cells. Two data
 * sets: the typed answers of bench/random.ts (checksums comparable from run to run) and the same
 * rows with unique rates (bench/unique-rates.ts, what =B2/C2 gives). Also shown: the share of
 * time spent in garbage collection, and the explaining path (score(), every item's rule in two
 * languages, as SCORE_EXPLAIN and the CLI use it).
 *
 * Targets (issue 14): the engine ≥ 1,500,000 rows/s on both rubrics and both data sets, and at
 * least half the straight-line scorer's rate.
 */
import { RUBRICS } from "../templates/index";
import type { Rubric } from "../templates/schema";
import { score } from "../src/core/score";
import { scoreTotals } from "../src/core/score-fast";
import { prng, randomAnswer } from "./random";
import { STRAIGHT_LINE } from "./straight-line";
import { distinctRates, withUniqueRates } from "./unique-rates";
import { formatRate, gcWatch, rates, type Timed } from "./timing";

const ROWS = 100_000;
const RUNS = 5;
const GOAL = 1_500_000;
const GOAL_RATIO = 0.5;

type Scorer = (row: readonly unknown[]) => number;

/** Scores every row once; the checksum keeps the work observable and must agree between scorers. */
async function pass(scorer: Scorer, rows: readonly (readonly unknown[])[]): Promise<Timed> {
  return gcWatch(() => {
    let checksum = 0;
    for (const row of rows) checksum += scorer(row);
    return checksum;
  });
}

function engine(rubric: Rubric): Scorer {
  return (row) => {
    const r = scoreTotals(rubric, row);
    return r.ok ? r.value.total : 0;
  };
}

function explaining(rubric: Rubric): Scorer {
  return (row) => {
    const r = score(rubric, row);
    return r.ok ? r.value.total : 0;
  };
}

/** Warm-up, then RUNS passes of the reference and the engine taken in turn, so both see the same load. */
async function compare(rubric: Rubric, label: string, rows: readonly (readonly unknown[])[]): Promise<void> {
  const reference = STRAIGHT_LINE[rubric.id];
  if (!reference) throw new Error(`bench/straight-line.ts has no scorer for ${rubric.id}`);
  const fast = engine(rubric);
  const slow = explaining(rubric);
  const warm = rows.slice(0, 10_000);
  for (const scorer of [reference, fast, slow]) await pass(scorer, warm);
  const refs: Timed[] = [];
  const engines: Timed[] = [];
  for (let i = 0; i < RUNS; i++) {
    refs.push(await pass(reference, rows));
    engines.push(await pass(fast, rows));
  }
  const explained = [await pass(slow, rows), await pass(slow, rows), await pass(slow, rows)];
  const checksum = engines[0].checksum;
  for (const t of [...refs, ...engines, ...explained]) {
    if (t.checksum !== checksum) throw new Error(`${rubric.id} ${label}: checksums differ (${checksum} vs ${t.checksum}): the scorers disagree`);
  }
  const eng = rates(ROWS, engines);
  const ref = rates(ROWS, refs);
  const exp = rates(ROWS, explained);
  const wallRatio = eng.wall / ref.wall;
  const cpuRatio = eng.cpu / ref.cpu;
  const verdict = eng.wall >= GOAL && wallRatio >= GOAL_RATIO ? "meets" : eng.cpu >= GOAL && cpuRatio >= GOAL_RATIO ? "meets in CPU time" : "BELOW";
  const line = (name: string, r: ReturnType<typeof rates>) =>
    `  ${name.padEnd(26)} ${formatRate(r.wall).padStart(10)} rows/s  (${formatRate(r.cpu).padStart(10)} rows per CPU-second)  GC ${(r.gcShare * 100).toFixed(0)}%`;
  console.log(`${rubric.id}, ${label} (${ROWS.toLocaleString("en-US")} rows; checksum ${checksum.toFixed(1)}, the same for all three)`);
  console.log(`${line("engine (scoreTotals)", eng)}  passes ${engines.map((t) => t.seconds.toFixed(3)).join(", ")} s`);
  console.log(line("straight-line reference", ref));
  console.log(`  ${"engine / straight-line".padEnd(26)} ${wallRatio.toFixed(2)} (CPU time ${cpuRatio.toFixed(2)}): ${verdict} goal ≥ ${formatRate(GOAL)} rows/s and ≥ ${GOAL_RATIO}`);
  console.log(line("explaining path (score())", exp));
}

async function main(): Promise<void> {
  for (const rubric of RUBRICS) {
    const rnd = prng(42);
    const rows = Array.from({ length: ROWS }, () => rubric.inputs.map((d) => randomAnswer(d, rnd)));
    const unique = withUniqueRates(rubric.inputs, rows);
    const { distinct, rates: cells } = distinctRates(rubric.inputs, unique);
    await compare(rubric, "typed answers", rows);
    await compare(rubric, "unique rates", unique);
    console.log(`  (unique rates: ${distinct.toLocaleString("en-US")} distinct values in ${cells.toLocaleString("en-US")} numeric rate cells)`);
  }
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`peak memory (max RSS): ${peak.toFixed(1)} MiB`);
}

void main();
