/** Small load-generation helpers shared by the benchmark scripts. */

export interface LatencySummary {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `task` `total` times with `concurrency` in flight, and summarises the latencies in milliseconds. */
export async function measure(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<unknown>,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      const i = next;
      next += 1;
      const t0 = performance.now();
      await task(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarise(latencies, (performance.now() - started) / 1000);
}

/**
 * Starts `task` `total` times at a steady `perSecond` rate whether or not earlier ones have finished (an open
 * loop, as independent users behave), and summarises the latencies in milliseconds.
 */
export async function paced(
  total: number,
  perSecond: number,
  task: (i: number) => Promise<unknown>,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  const started = performance.now();
  const runs: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const t0 = performance.now();
    runs.push(task(i).then(() => void latencies.push(performance.now() - t0)));
  }
  await Promise.all(runs);
  return summarise(latencies, (performance.now() - started) / 1000);
}

function summarise(latencies: number[], seconds: number): LatencySummary {
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? 0,
  };
}

export function formatSummary(label: string, s: LatencySummary): string {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return `${label.padEnd(44)} ${s.perSecond.toFixed(0).padStart(7)}/s   p50 ${ms(s.p50)}   p95 ${ms(s.p95)}   p99 ${ms(s.p99)}`;
}

export function residentMb(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}
