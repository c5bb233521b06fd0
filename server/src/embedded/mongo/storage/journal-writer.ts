import { writeSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Appends records to one file with group commit. A record is written to the file (the page cache) as soon
 * as it is appended, which takes microseconds; one fdatasync at a time then makes everything written so far
 * durable, so all writers that arrive during an fsync share the next one.
 */
export class JournalWriter {
  private appended = 0;
  private synced = 0;
  private waiters: Waiter[] = [];
  private syncing: Promise<void> | undefined;
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
    this.syncing ??= this.syncAll();
  }

  /** Resolves once everything appended so far is on disk. */
  durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.synced >= this.appended) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ upTo: this.appended, resolve, reject }));
  }

  async close(): Promise<void> {
    await this.syncing;
    await this.handle.close();
  }

  private async syncAll(): Promise<void> {
    try {
      while (this.synced < this.appended && !this.failure) {
        const upTo = this.appended;
        await this.handle.datasync();
        this.synced = upTo;
        this.settle(
          (waiter) => waiter.upTo <= upTo,
          (waiter) => waiter.resolve(),
        );
      }
    } catch (error) {
      this.fail(error as Error);
    } finally {
      this.syncing = undefined;
    }
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
