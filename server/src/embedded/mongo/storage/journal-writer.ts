import { open, type FileHandle } from 'node:fs/promises';

interface Waiter {
  upTo: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Appends records to one file with group commit: records appended while an fsync is in flight are written
 * and synced together by the next one, so many concurrent writers share each fsync.
 */
export class JournalWriter {
  private pending: Buffer[] = [];
  private appended = 0;
  private synced = 0;
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | undefined;
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
    this.pending.push(record);
    this.appended += 1;
    this.bytes += record.length;
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flushAll());
  }

  /** Resolves once everything appended so far is on disk. */
  durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.synced >= this.appended) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ upTo: this.appended, resolve, reject }));
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle.close();
  }

  private async flushAll(): Promise<void> {
    try {
      while (this.pending.length > 0 && !this.failure) {
        const upTo = this.appended;
        const batch = Buffer.concat(this.pending);
        this.pending = [];
        await this.writeFully(batch);
        await this.handle.datasync();
        this.synced = upTo;
        this.settle(
          (waiter) => waiter.upTo <= upTo,
          (waiter) => waiter.resolve(),
        );
      }
    } catch (error) {
      this.failure = error as Error;
      this.settle(
        () => true,
        (waiter) => waiter.reject(this.failure as Error),
      );
    } finally {
      this.flushing = undefined;
    }
  }

  private async writeFully(buffer: Buffer): Promise<void> {
    let offset = 0;
    while (offset < buffer.length) {
      const { bytesWritten } = await this.handle.write(buffer, offset, buffer.length - offset);
      offset += bytesWritten;
    }
  }

  private settle(selected: (waiter: Waiter) => boolean, action: (waiter: Waiter) => void): void {
    const done = this.waiters.filter(selected);
    this.waiters = this.waiters.filter((waiter) => !selected(waiter));
    done.forEach(action);
  }
}
