import { PerformanceObserver, performance } from "node:perf_hooks";

/**
 * One timed pass: wall seconds, the CPU seconds this process used meanwhile (on a machine
 * shared with other work the wall time stretches while the CPU time stays close to an idle
 * run's), the share of the wall time spent in garbage collection, and the pass's checksum.
 */
export interface Timed {
  seconds: number;
  cpuSeconds: number;
  gcShare: number;
  checksum: number;
}

const collections: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) collections.push({ start: e.startTime, duration: e.duration });
}).observe({ entryTypes: ["gc"] });

/**
 * Times `work` and adds up the garbage collections that started during it. Node reports them to
 * the observer in a later task, after the work: hence the short wait before counting.
 */
export async function gcWatch(work: () => number): Promise<Timed> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const checksum = work();
  const end = performance.now();
  const used = process.cpuUsage(cpu);
  await new Promise((resolve) => setTimeout(resolve, 10));
  let gc = 0;
  for (const c of collections.splice(0)) if (c.start >= start && c.start < end) gc += c.duration;
  return { seconds: (end - start) / 1000, cpuSeconds: (used.user + used.system) / 1e6, gcShare: gc / (end - start), checksum };
}

/** Rows per second of wall time and of CPU time, each the median of the passes, and the median GC share. */
export function rates(rows: number, runs: readonly Timed[]): { wall: number; cpu: number; gcShare: number } {
  const mid = <T>(xs: T[], by: (x: T) => number) => xs.sort((a, b) => by(a) - by(b))[Math.floor(xs.length / 2)];
  return {
    wall: rows / mid(runs.map((r) => r.seconds), (x) => x),
    cpu: rows / mid(runs.map((r) => r.cpuSeconds), (x) => x),
    gcShare: mid(runs.map((r) => r.gcShare), (x) => x),
  };
}

export function formatRate(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}
