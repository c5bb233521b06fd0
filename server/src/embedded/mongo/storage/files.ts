import { open, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * File layout of a data directory: `snapshot-<gen>.bin` holds the whole state when generation <gen> began,
 * `journal-<gen>.log` the changes made during generation <gen>. State = newest snapshot + journals of that
 * generation and later.
 */
export const snapshotName = (generation: number): string =>
  `snapshot-${String(generation).padStart(8, '0')}.bin`;
export const journalName = (generation: number): string =>
  `journal-${String(generation).padStart(8, '0')}.log`;

export interface DataFiles {
  snapshots: number[];
  journals: number[];
}

export async function listDataFiles(dir: string): Promise<DataFiles> {
  const names = await readdir(dir);
  const generations = (pattern: RegExp) =>
    names
      .map((name) => pattern.exec(name)?.[1])
      .filter((gen): gen is string => gen !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  return { snapshots: generations(/^snapshot-(\d+)\.bin$/), journals: generations(/^journal-(\d+)\.log$/) };
}

/** Makes a rename or unlink in the directory durable. */
export async function syncDirectory(path: string): Promise<void> {
  const handle = await open(dirname(path), 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/** Refuses a data directory that a live process holds; a lock left by a killed process is taken over. */
export async function acquireLock(dir: string): Promise<string> {
  const path = join(dir, 'LOCK');
  const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
  if (holder && holder !== process.pid && isAlive(holder)) {
    throw new Error(`data directory ${dir} is in use by process ${holder}`);
  }
  await writeFile(path, `${process.pid}\n`);
  return path;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
