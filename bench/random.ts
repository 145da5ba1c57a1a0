import type { InputDef } from "../templates/schema";

/** A deterministic generator (mulberry32), so every bench run measures the same rows. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plausible answer to one input, as people type them (ticks as words or symbols, rates as
 * fractions or "62%"), blank one time in twenty: null for the engine, "" as a blank cell reaches
 * a custom function.
 */
export function randomAnswer(def: InputDef, rnd: () => number, blank: null | "" = null): unknown {
  if (rnd() < 0.05) return blank;
  switch (def.type) {
    case "tick":
      return [true, false, "有", "无", "√", "□", 1, 0][Math.floor(rnd() * 8)];
    case "tick-or-rate":
      return rnd() < 0.5 ? rnd() < 0.5 : Math.round(rnd() * 100) / 100;
    case "rate":
      return rnd() < 0.5 ? Math.round(rnd() * 1000) / 1000 : `${Math.round(rnd() * 100)}%`;
    case "reduction":
    case "improvement":
      return Math.round(rnd() * 40) / 100;
    case "level":
      return (def.levels ?? [])[Math.floor(rnd() * (def.levels ?? []).length)].name.zh;
    default:
      return Math.round(rnd() * 100);
  }
}
