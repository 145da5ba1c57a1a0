import type { InputDef } from "../templates/schema";
import { prng } from "./random";

/**
 * The benches' second data set: the same rows with every rate computed the way a worksheet
 * computes it (=B2/C2, a count over a count; a change as (C2−B2)/B2), so each one is a
 * distinct double instead of one of a hundred typed percentages. Ticks, levels and blanks stay
 * as they were, so the two data sets differ only in their rates. Deterministic (its own seed).
 */
export function withUniqueRates(defs: readonly InputDef[], rows: readonly (readonly unknown[])[], seed = 7): unknown[][] {
  const rnd = prng(seed);
  const count = () => 1 + Math.floor(rnd() * 1e9);
  return rows.map((row) =>
    row.map((cell, i) => {
      const type = defs[i].type;
      const blank = cell === null || cell === "";
      if (blank || (type === "tick-or-rate" && typeof cell === "boolean")) return cell;
      if (type === "rate" || type === "tick-or-rate") {
        const all = count();
        return Math.floor(all * rnd()) / all;
      }
      if (type === "improvement" || type === "reduction") {
        const before = count();
        return (Math.floor(before * (0.9 + rnd() * 0.5)) - before) / before;
      }
      return cell;
    }),
  );
}

/** How many of a data set's rate cells hold distinct numbers, to show the data is what it claims. */
export function distinctRates(defs: readonly InputDef[], rows: readonly (readonly unknown[])[]): { distinct: number; rates: number } {
  const seen = new Set<number>();
  let rates = 0;
  for (const row of rows) {
    row.forEach((cell, i) => {
      if (typeof cell === "number" && ["rate", "tick-or-rate", "reduction", "improvement"].includes(defs[i].type)) {
        rates++;
        seen.add(cell);
      }
    });
  }
  return { distinct: seen.size, rates };
}
