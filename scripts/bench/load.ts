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
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: total,
    seconds,
    perSecond: total / seconds,
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
