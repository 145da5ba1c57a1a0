/**
 * `npm run bench` (second part): ASSESS.SCORE_DISCRETE over a 10,000-row range in one call, as
 * Excel hands it over (an array of 10,000 rows of 27 cells, blanks as ""), and the rows per
 * second of that call. Run after score-bench.ts, which times the engine alone.
 */
import { RUBRICS } from "../templates/index";
import { installCustomFunctionsRuntime } from "../functions/outside-excel";
import { scoreDiscrete } from "../functions/functions";
import { prng, randomAnswer } from "./random";

const ROWS = 10_000;
const RUNS = 5;

installCustomFunctionsRuntime();

/** A cell as a worksheet holds it: ticks in the forms people type, rates as fractions or text, "" when blank. */

const discrete = RUBRICS.find((r) => r.id === "shaoxing-discrete");
if (!discrete) throw new Error("shaoxing-discrete is missing from the catalogue");
const rnd = prng(42);
const range = Array.from({ length: ROWS }, () => discrete.inputs.map((d) => randomAnswer(d, rnd, "")));

/** One call over the whole range; the checksum keeps the work observable and proves every row scored. */
function call(): { seconds: number; checksum: number } {
  const start = process.hrtime.bigint();
  const result = scoreDiscrete(range);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.length !== ROWS) throw new Error(`expected ${ROWS} results, got ${result.length}`);
  let checksum = 0;
  for (const [total] of result) {
    if (typeof total !== "number") throw new Error(`a row did not score: ${JSON.stringify(total)}`);
    checksum += total;
  }
  return { seconds, checksum };
}

call(); // warm-up: the JIT compiles the scorer
const runs = Array.from({ length: RUNS }, call).sort((a, b) => a.seconds - b.seconds);
const median = runs[Math.floor(RUNS / 2)];
const rate = ROWS / median.seconds;
console.log(
  `SCORE_DISCRETE     ${ROWS} rows in one call: ${(median.seconds * 1000).toFixed(1)} ms (median of ${RUNS}: ${runs.map((r) => (r.seconds * 1000).toFixed(1)).join(", ")} ms) = ${Math.round(rate).toLocaleString("en-US")} rows/s; checksum ${median.checksum.toFixed(1)}`,
);
