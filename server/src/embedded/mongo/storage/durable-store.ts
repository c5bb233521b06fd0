import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog } from '../engine/catalog.js';
import { discardChanges, type Change, type ChangeLog } from '../engine/change-log.js';
import type { Logger } from '../logger.js';
import { acquireLock, journalName, listDataFiles, removeQuietly, snapshotName } from './files.js';
import { JournalWriter } from './journal-writer.js';
import { encodeChange } from './records.js';
import { recover } from './recovery.js';
import { captureCatalog, writeSnapshot } from './snapshot.js';

export interface StoreOptions {
  /** The journal is compacted into a new snapshot once it outgrows both this and twice the last snapshot. */
  compactAfterBytes?: number;
}

const COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

/**
 * Durability for a catalog: every change is appended to the journal, `durable()` waits for the fsync that
 * covers it. On open the data directory is recovered and compacted into a fresh snapshot; later the
 * journal is compacted in the background while writes continue into the next generation's journal.
 */
export class DurableStore implements ChangeLog {
  private retiring: JournalWriter | undefined;
  private compaction: Promise<void> | undefined;
  /** Changes recorded since start; a command compares it to know whether it must wait for the disk. */
  changeCount = 0;

  private constructor(
    private readonly dir: string,
    private readonly catalog: Catalog,
    private readonly log: Logger,
    private readonly lockPath: string,
    private readonly compactAfterBytes: number,
    private generation: number,
    private writer: JournalWriter,
    private snapshotBytes: number,
  ) {}

  static async open(
    dir: string,
    catalog: Catalog,
    log: Logger,
    options: StoreOptions = {},
  ): Promise<DurableStore> {
    await mkdir(dir, { recursive: true });
    const lockPath = await acquireLock(dir);
    await removeTemporaryFiles(dir);
    const started = Date.now();
    const generation = (await recover(dir, catalog, log)) + 1;
    const snapshotBytes = await writeSnapshot(join(dir, snapshotName(generation)), captureCatalog(catalog));
    await removeGenerationsBefore(dir, generation);
    const writer = await JournalWriter.open(join(dir, journalName(generation)));
    log('info', 'data directory recovered', { dir, generation, snapshotBytes, ms: Date.now() - started });
    const compactAfterBytes = options.compactAfterBytes ?? COMPACT_AFTER_BYTES;
    const store = new DurableStore(
      dir,
      catalog,
      log,
      lockPath,
      compactAfterBytes,
      generation,
      writer,
      snapshotBytes,
    );
    catalog.log = store;
    return store;
  }

  record(change: Change): void {
    this.writer.append(encodeChange(change));
    this.changeCount += 1;
    if (!this.compaction && this.writer.bytes > Math.max(this.compactAfterBytes, 2 * this.snapshotBytes)) {
      this.compaction = this.compact().finally(() => (this.compaction = undefined));
    }
  }

  /** Resolves once every change recorded so far is on disk. */
  async durable(): Promise<void> {
    await Promise.all([this.retiring?.durable(), this.writer.durable()]);
  }

  async close(): Promise<void> {
    await this.compaction;
    this.catalog.log = discardChanges;
    await this.writer.close();
    await removeQuietly(this.lockPath);
  }

  private async compact(): Promise<void> {
    const generation = this.generation + 1;
    try {
      const next = await JournalWriter.open(join(this.dir, journalName(generation)));
      // Switching journals and capturing the state happen in one synchronous step, so every change is either
      // in the snapshot or in the new journal.
      this.retiring = this.writer;
      this.writer = next;
      this.generation = generation;
      const parts = captureCatalog(this.catalog);
      await this.retiring.close();
      this.snapshotBytes = await writeSnapshot(join(this.dir, snapshotName(generation)), parts);
      await removeGenerationsBefore(this.dir, generation);
      this.log('info', 'journal compacted', { generation, snapshotBytes: this.snapshotBytes });
    } catch (error) {
      this.log('error', 'journal compaction failed; will retry later', { error: String(error) });
      this.snapshotBytes = Math.max(this.snapshotBytes, this.writer.bytes);
    } finally {
      this.retiring = undefined;
    }
  }
}

async function removeGenerationsBefore(dir: string, generation: number): Promise<void> {
  const files = await listDataFiles(dir);
  const stale = [
    ...files.snapshots.filter((gen) => gen < generation).map(snapshotName),
    ...files.journals.filter((gen) => gen < generation).map(journalName),
  ];
  await Promise.all(stale.map((name) => removeQuietly(join(dir, name))));
}

async function removeTemporaryFiles(dir: string): Promise<void> {
  const names = await readdir(dir);
  await Promise.all(
    names.filter((name) => name.endsWith('.tmp')).map((name) => removeQuietly(join(dir, name))),
  );
}
