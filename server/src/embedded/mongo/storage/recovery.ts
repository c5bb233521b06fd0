import { readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import type { Catalog } from '../engine/catalog.js';
import type { Logger } from '../logger.js';
import { journalName, listDataFiles, snapshotName } from './files.js';
import { decodeRecords } from './records.js';
import { replayChange } from './replay.js';

/**
 * Rebuilds the catalog from the newest snapshot and the journals after it. A damaged tail (a write torn by
 * a crash, or garbage) is cut off with a warning: recovery always ends with the intact prefix, never a crash.
 * Returns the newest generation found.
 */
export async function recover(dir: string, catalog: Catalog, log: Logger): Promise<number> {
  const files = await listDataFiles(dir);
  const snapshot = files.snapshots.at(-1);
  if (snapshot !== undefined) await replayFile(join(dir, snapshotName(snapshot)), catalog, log, false);
  const journals = files.journals.filter((generation) => generation >= (snapshot ?? 0));
  for (const generation of journals) await replayFile(join(dir, journalName(generation)), catalog, log, true);
  return Math.max(snapshot ?? 0, ...journals);
}

async function replayFile(path: string, catalog: Catalog, log: Logger, isJournal: boolean): Promise<void> {
  const buffer = await readFile(path);
  const { changes, validBytes, damage } = decodeRecords(buffer);
  for (const change of changes) {
    try {
      replayChange(catalog, change);
    } catch (error) {
      log('warn', 'skipped a change that no longer applies', {
        file: path,
        op: change.op,
        error: String(error),
      });
    }
  }
  if (!damage) return;
  const fields = {
    file: path,
    offset: validBytes,
    discardedBytes: buffer.length - validBytes,
    reason: damage,
  };
  if (isJournal) {
    log('warn', 'journal tail is damaged; cutting it off', fields);
    await truncate(path, validBytes);
  } else {
    log('error', 'snapshot is damaged; loaded the intact part only', fields);
  }
}
