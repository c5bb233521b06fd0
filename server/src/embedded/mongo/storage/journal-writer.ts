import { writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Fsyncs in flight at once: a record appended during one fsync starts the next at once instead of queuing. */
const MAX_SYNCS_IN_FLIGHT = 2;

/**
 * Appends records to one file with group commit. A record is written to the file (the page cache) as soon
 * as it is appended, which takes microseconds; an fdatasync then makes everything written before it began
 * durable, so every writer that arrives while one runs shares the next.
 */
export class JournalWriter {
  private appended = 0;
  private synced = 0;
  /** How many records the most recently started fsync covers. */
  private covered = 0;
  private inFlight: Promise<void>[] = [];
  private waiters: Waiter[] = [];
  private failure: Error | undefined;
  bytes = 0;

  private constructor(private readonly handle: FileHandle) {}

  static async open(path: string): Promise<JournalWriter> {
    const handle = await open(path, 'a');
    const writer = new JournalWriter(handle);
    writer.bytes = (await handle.stat()).size;
    return writer;
  }

  append(record: Buffer): void {
    if (this.failure) return;
    try {
      for (let offset = 0; offset < record.length;) {
        offset += writeSync(this.handle.fd, record, offset, record.length - offset);
      }
    } catch (error) {
      this.fail(error as Error);
      return;
    }
    this.appended += 1;
    this.bytes += record.length;
    this.startSync();
  }

  /** Resolves once everything appended so far is on disk. */
  durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.synced >= this.appended) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ upTo: this.appended, resolve, reject }));
  }

  async close(): Promise<void> {
    while (this.inFlight.length > 0) await Promise.all(this.inFlight);
    await this.handle.close();
  }

  private startSync(): void {
    if (this.failure || this.covered >= this.appended || this.inFlight.length >= MAX_SYNCS_IN_FLIGHT) return;
    const upTo = this.appended;
    this.covered = upTo;
    const sync = this.handle.datasync().then(
      () => this.synced_(upTo),
      (error: unknown) => this.fail(error as Error),
    );
    this.inFlight.push(sync);
    void sync.finally(() => {
      this.inFlight = this.inFlight.filter((pending) => pending !== sync);
      this.startSync();
    });
  }

  private synced_(upTo: number): void {
    this.synced = Math.max(this.synced, upTo);
    this.settle(
      (waiter) => waiter.upTo <= this.synced,
      (waiter) => waiter.resolve(),
    );
  }

  private fail(error: Error): void {
    this.failure = error;
    this.settle(
      () => true,
      (waiter) => waiter.reject(error),
    );
  }

  private settle(selected: (waiter: Waiter) => boolean, action: (waiter: Waiter) => void): void {
    const done = this.waiters.filter(selected);
    this.waiters = this.waiters.filter((waiter) => !selected(waiter));
    done.forEach(action);
  }
}
