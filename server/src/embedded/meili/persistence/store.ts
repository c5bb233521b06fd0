import fs from 'node:fs';
import path from 'node:path';
import type { Document } from '../engine/fields.js';
import type { Settings } from '../settings/settings.js';
import type { Task, TaskPayload } from '../tasks/task.js';
import { fsyncDirectory, readJsonLines, writeFileAtomic } from './files.js';

export interface IndexSnapshot {
  uid: string;
  primaryKey: string | null;
  createdAt: string;
  updatedAt: string;
  settings: Settings;
  /** Field paths in field-id order (the posting masks refer to them). */
  fields: string[];
}

export interface SnapshotState {
  lastAppliedUid: number;
  /** Tasks still enqueued at snapshot time: their journal entries stay live whatever their uid. */
  pendingUids: number[];
  nextBatchUid: number;
  tasks: Task[];
  indexes: IndexSnapshot[];
}

export type JournalEntry = { t: 'enqueue'; task: Task; payload: TaskPayload } | { t: 'finish'; task: Task };

export interface LoadedState {
  snapshot: SnapshotState | undefined;
  documents: (uid: string) => Document[];
  /** The index's vocabulary and encoded postings, when the snapshot has them. */
  postings: (uid: string) => { vocabulary: string[]; postings: Uint32Array } | undefined;
  journal: JournalEntry[];
}

/** Snapshot files of one index. */
export const snapshotFiles = (uid: string) => ({
  documents: `${uid}.jsonl`,
  vocabulary: `${uid}.vocabulary.json`,
  postings: `${uid}.postings.bin`,
});

/**
 * On-disk layout under the data directory:
 * - `journal.jsonl`: every enqueued task with its payload, then its final state, each line fsynced;
 * - `snapshot/`: `state.json` (indexes, settings, finished tasks) and one `<index>.jsonl` of documents;
 * - `keys.json`: API keys.
 * A snapshot replaces the journal prefix it covers; start-up loads the snapshot and replays the rest.
 */
export class Store {
  private journalFd: number | undefined;

  constructor(readonly directory: string) {
    fs.mkdirSync(directory, { recursive: true });
  }

  private file(name: string): string {
    return path.join(this.directory, name);
  }

  load(): LoadedState {
    const snapshotDir = fs.existsSync(this.file('snapshot'))
      ? this.file('snapshot')
      : this.file('snapshot.old');
    const stateFile = path.join(snapshotDir, 'state.json');
    const snapshot = fs.existsSync(stateFile)
      ? (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as SnapshotState)
      : undefined;
    const lastApplied = snapshot?.lastAppliedUid ?? -1;
    const pending = new Set(snapshot?.pendingUids ?? []);
    const journal = (readJsonLines(this.file('journal.jsonl')) as JournalEntry[]).filter(
      (entry) => entry.task.uid > lastApplied || pending.has(entry.task.uid),
    );
    const documents = (uid: string) =>
      readJsonLines(path.join(snapshotDir, snapshotFiles(uid).documents)) as Document[];
    const postings = (uid: string) => {
      const files = snapshotFiles(uid);
      const vocabularyFile = path.join(snapshotDir, files.vocabulary);
      const postingsFile = path.join(snapshotDir, files.postings);
      if (!fs.existsSync(vocabularyFile) || !fs.existsSync(postingsFile)) return undefined;
      const bytes = fs.readFileSync(postingsFile);
      const aligned = new Uint8Array(bytes.byteLength);
      aligned.set(bytes);
      return {
        vocabulary: JSON.parse(fs.readFileSync(vocabularyFile, 'utf8')) as string[],
        postings: new Uint32Array(aligned.buffer, 0, aligned.byteLength / 4),
      };
    };
    return { snapshot, documents, postings, journal };
  }

  append(entry: JournalEntry): void {
    this.journalFd ??= fs.openSync(this.file('journal.jsonl'), 'a');
    fs.writeSync(this.journalFd, `${JSON.stringify(entry)}\n`);
    fs.fsyncSync(this.journalFd);
  }

  journalSize(): number {
    return fs.existsSync(this.file('journal.jsonl')) ? fs.statSync(this.file('journal.jsonl')).size : 0;
  }

  /** Write a full snapshot, then restart the journal with the still-pending tasks only. */
  writeSnapshot(
    state: SnapshotState,
    files: Map<string, string | Uint8Array>,
    pending: JournalEntry[],
  ): void {
    const temporary = this.file('snapshot.tmp');
    fs.rmSync(temporary, { recursive: true, force: true });
    fs.mkdirSync(temporary);
    for (const [name, content] of files) writeFileAtomic(path.join(temporary, name), content);
    writeFileAtomic(path.join(temporary, 'state.json'), JSON.stringify(state));
    fs.rmSync(this.file('snapshot.old'), { recursive: true, force: true });
    if (fs.existsSync(this.file('snapshot'))) fs.renameSync(this.file('snapshot'), this.file('snapshot.old'));
    fs.renameSync(temporary, this.file('snapshot'));
    fsyncDirectory(this.directory);
    this.closeJournal();
    writeFileAtomic(
      this.file('journal.jsonl'),
      pending.map((entry) => `${JSON.stringify(entry)}\n`).join(''),
    );
    fs.rmSync(this.file('snapshot.old'), { recursive: true, force: true });
  }

  readKeys<T>(): T | undefined {
    const file = this.file('keys.json');
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : undefined;
  }

  writeKeys(keys: unknown): void {
    writeFileAtomic(this.file('keys.json'), JSON.stringify(keys));
  }

  closeJournal(): void {
    if (this.journalFd !== undefined) fs.closeSync(this.journalFd);
    this.journalFd = undefined;
  }
}
