/** Calls `tick` every interval in the background; unref'd so it never keeps the process alive. */
export class Ticker {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly tick: () => void) {}

  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(this.tick, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
