import { Bitset } from './bitset.js';
import type { Document } from './fields.js';

/**
 * Documents by internal id. A write never changes a live id: it stores the new version under a
 * fresh id and, at commit, retires the old one, so searches running meanwhile see either the old
 * state or the new one, never a mix.
 */
export class DocumentStore {
  readonly documents: (Document | undefined)[] = [];
  readonly externalIds = new Map<string, number>();
  alive = new Bitset(1024);
  nextDocid = 0;
  deadCount = 0;

  get size(): number {
    return this.externalIds.size;
  }

  /** Capacity every query-time bitset must have to hold staged ids too. */
  get capacity(): number {
    return Math.max(this.nextDocid, this.alive.capacity);
  }

  get(externalId: string): Document | undefined {
    const docid = this.externalIds.get(externalId);
    return docid === undefined ? undefined : this.documents[docid];
  }

  stage(document: Document): number {
    const docid = this.nextDocid++;
    this.documents[docid] = document;
    return docid;
  }

  /** Make a staged id the live version of `externalId`; returns the retired id, if any. */
  publish(externalId: string, docid: number): number | undefined {
    if (docid >= this.alive.capacity)
      this.alive = this.alive.resized(Math.max(docid + 1, this.alive.capacity * 2));
    const previous = this.externalIds.get(externalId);
    if (previous !== undefined) this.retire(previous);
    this.externalIds.set(externalId, docid);
    this.alive.add(docid);
    return previous;
  }

  remove(externalId: string): number | undefined {
    const docid = this.externalIds.get(externalId);
    if (docid === undefined) return undefined;
    this.externalIds.delete(externalId);
    this.retire(docid);
    return docid;
  }

  /** Forget a staged id that will never be published (superseded within the same write). */
  discard(docid: number): void {
    this.documents[docid] = undefined;
    this.deadCount++;
  }

  private retire(docid: number): void {
    this.alive.remove(docid);
    this.documents[docid] = undefined;
    this.deadCount++;
  }

  /** Live documents in internal-id order, as `[externalId, docid]`. */
  liveEntries(): [string, number][] {
    return [...this.externalIds].sort((a, b) => a[1] - b[1]);
  }
}
