import { MeiliError } from '../errors.js';
import { applySettingsPatch } from '../settings/apply.js';
import type { Settings, SettingsPatch } from '../settings/settings.js';
import { defaultSettings } from '../settings/settings.js';
import { DocumentStore } from './document-store.js';
import { FacetIndex } from './facet-index.js';
import type { Document } from './fields.js';
import { FieldIds, flattenDocument, patternMatches } from './fields.js';
import type { FieldTokens } from './inverted-index.js';
import { InvertedIndex } from './inverted-index.js';
import { decodePostings, encodePostings } from './postings-codec.js';
import { documentIdOf, inferPrimaryKey } from './primary-key.js';
import { HARD_SEPARATOR_GAP, Tokenizer } from './tokenizer.js';

export type WriteMode = 'replace' | 'update';
export interface EngineSnapshot {
  documents: Document[];
  fields: string[];
  vocabulary: string[];
  postings: Uint32Array;
}
export interface ExperimentalFeatures {
  containsFilter: boolean;
}

/** Documents handled between two yields to the event loop, so searches keep flowing during big writes. */
const CHUNK = 256;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function tokenizerFor(settings: Settings): Tokenizer {
  return new Tokenizer({
    dictionary: settings.dictionary,
    separatorTokens: settings.separatorTokens,
    nonSeparatorTokens: settings.nonSeparatorTokens,
  });
}

/** Does a filterable-attributes rule enable filtering on `path`? */
export function filterRuleFor(settings: Settings, path: string) {
  for (const rule of settings.filterableAttributes) {
    if (typeof rule === 'string') {
      if (patternMatches(rule, path)) return { equality: true, comparison: true, facetSearch: true };
    } else if (rule.attributePatterns.some((pattern) => patternMatches(pattern, path))) {
      return { ...rule.features.filter, facetSearch: rule.features.facetSearch };
    }
  }
  return undefined;
}

/** One index: settings, documents, the inverted index and the facet index, kept consistent. */
export class IndexEngine {
  primaryKey: string | null = null;
  settings: Settings;
  tokenizer: Tokenizer;
  readonly fields = new FieldIds();
  store = new DocumentStore();
  inverted = new InvertedIndex();
  facets: FacetIndex;
  /** Bumped at each commit; query-side caches key on it. */
  version = 0;
  /** Instance-wide experimental features (shared object, toggled by `/experimental-features`). */
  features: ExperimentalFeatures = { containsFilter: false };

  constructor(
    public uid: string,
    settings: Settings = defaultSettings(),
  ) {
    this.settings = settings;
    this.tokenizer = tokenizerFor(settings);
    this.facets = this.newFacetIndex();
  }

  private newFacetIndex(): FacetIndex {
    const facetPaths = new Map<string, boolean>();
    return new FacetIndex((path) => {
      let facet = facetPaths.get(path);
      if (facet === undefined) {
        facet = filterRuleFor(this.settings, path) !== undefined;
        facetPaths.set(path, facet);
      }
      return facet;
    });
  }

  resolvePrimaryKey(documents: Document[], requested: string | undefined): string {
    if (requested !== undefined && this.primaryKey !== null && requested !== this.primaryKey) {
      throw new MeiliError(
        'index_primary_key_already_exists',
        `Index \`${this.uid}\`: Index already has a primary key: \`${this.primaryKey}\`.`,
      );
    }
    return requested ?? this.primaryKey ?? inferPrimaryKey(documents[0]);
  }

  /** Add or replace (`replace`) or shallow-merge (`update`) documents; returns how many were indexed. */
  async addDocuments(documents: Document[], mode: WriteMode, requestedKey?: string): Promise<number> {
    if (documents.length === 0) return 0;
    const primaryKey = this.resolvePrimaryKey(documents, requestedKey);
    const ids = documents.map((document) => documentIdOf(document, primaryKey));
    this.primaryKey = primaryKey;
    const staged = new Map<string, number>();
    for (let start = 0; start < documents.length; start += CHUNK) {
      for (let i = start; i < Math.min(start + CHUNK, documents.length); i++) {
        this.stageDocument(ids[i]!, documents[i]!, mode, staged);
      }
      await yieldToEventLoop();
    }
    for (const [externalId, docid] of staged) this.store.publish(externalId, docid);
    this.commit();
    return staged.size;
  }

  private stageDocument(
    externalId: string,
    document: Document,
    mode: WriteMode,
    staged: Map<string, number>,
  ): void {
    const earlier = staged.get(externalId);
    const base = earlier !== undefined ? this.store.documents[earlier] : this.store.get(externalId);
    const merged = mode === 'update' && base ? { ...base, ...document } : document;
    if (earlier !== undefined) this.store.discard(earlier);
    const docid = this.store.stage(merged);
    this.indexDocument(docid, merged);
    staged.set(externalId, docid);
  }

  deleteByExternalIds(ids: Iterable<string>): number {
    let deleted = 0;
    for (const id of ids) if (this.store.remove(id) !== undefined) deleted++;
    this.commit();
    return deleted;
  }

  deleteByDocids(docids: number[]): number {
    const byDocid = new Map([...this.store.externalIds].map(([externalId, docid]) => [docid, externalId]));
    return this.deleteByExternalIds(docids.flatMap((docid) => byDocid.get(docid) ?? []));
  }

  async applySettings(patch: SettingsPatch): Promise<void> {
    const change = applySettingsPatch(this.settings, patch);
    this.settings = change.settings;
    if (change.retokenise) {
      this.tokenizer = tokenizerFor(this.settings);
      await this.rebuild(true);
    } else if (change.refacet) {
      await this.rebuild(false);
    }
    this.commit();
  }

  private commit(): void {
    this.version++;
    if (this.store.deadCount > Math.max(10_000, this.store.size)) void this.rebuild(false);
  }

  /**
   * Rebuild posting lists, facets and internal ids from the live documents — re-tokenising them
   * when tokeniser settings changed, else renumbering the existing postings — then swap the new
   * structures in at once.
   */
  async rebuild(retokenise: boolean): Promise<void> {
    const store = new DocumentStore();
    const entries = this.store.liveEntries();
    const remap = new Int32Array(this.store.capacity).fill(-1);
    const facets = this.newFacetIndex();
    const inverted = retokenise ? new InvertedIndex() : undefined;
    for (let start = 0; start < entries.length; start += CHUNK) {
      for (const [externalId, oldDocid] of entries.slice(start, start + CHUNK)) {
        const document = this.store.documents[oldDocid]!;
        const docid = store.stage(document);
        remap[oldDocid] = docid;
        inverted?.indexDocument(docid, this.tokeniseFields(document));
        facets.addDocument(docid, flattenDocument(document));
        store.publish(externalId, docid);
      }
      if (retokenise) await yieldToEventLoop();
    }
    Object.assign(this, { store, inverted: inverted ?? this.inverted.remapped(remap), facets });
    this.version++;
  }

  /** The live state with dense internal ids (document order), for a snapshot. */
  exportSnapshot(): EngineSnapshot {
    const entries = this.store.liveEntries();
    let inverted = this.inverted;
    if (this.store.deadCount > 0 || entries.length !== this.store.nextDocid) {
      const remap = new Int32Array(this.store.capacity).fill(-1);
      entries.forEach(([, docid], dense) => (remap[docid] = dense));
      inverted = this.inverted.remapped(remap);
    }
    return {
      documents: entries.map(([, docid]) => this.store.documents[docid]!),
      fields: [...this.fields.names],
      vocabulary: inverted.vocabulary.words,
      postings: encodePostings(inverted),
    };
  }

  /** Restore an exported snapshot: posting lists as saved (no tokenising), facets rebuilt from the documents. */
  restoreSnapshot(snapshot: EngineSnapshot): void {
    for (const name of snapshot.fields) this.fields.idOf(name);
    const primaryKey = this.primaryKey ?? '';
    snapshot.documents.forEach((document) => {
      const docid = this.store.stage(document);
      this.facets.addDocument(docid, flattenDocument(document));
      this.store.publish(documentIdOf(document, primaryKey), docid);
    });
    this.inverted = decodePostings(snapshot.vocabulary, snapshot.postings);
    this.commit();
  }

  private indexDocument(docid: number, document: Document): void {
    const flat = flattenDocument(document);
    this.inverted.indexDocument(docid, this.tokeniseFields(document, flat));
    this.facets.addDocument(docid, flat);
  }

  private isSearchable(path: string): boolean {
    const patterns = this.settings.searchableAttributes;
    return patterns.includes('*') || patterns.some((pattern) => patternMatches(pattern, path));
  }

  /** Tokens of every searchable string or number, per field; one tokeniser call per document. */
  private tokeniseFields(document: Document, flat = flattenDocument(document)): FieldTokens[] {
    const paths: string[] = [];
    const texts: string[][] = [];
    for (const [path, field] of flat) {
      if (!this.isSearchable(path)) continue;
      const values = field.values.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
      if (values.length === 0) continue;
      paths.push(path);
      texts.push(values);
    }
    const tokens = this.tokenizer.tokenizeMany(texts.flat());
    let next = 0;
    return paths.map((path, i) => {
      let offset = 0;
      const values = texts[i]!.map(() => {
        const list = tokens[next++]!.map((token) => ({ ...token, position: token.position + offset }));
        if (list.length) offset = list[list.length - 1]!.position + HARD_SEPARATOR_GAP;
        return list;
      });
      return { fid: this.fields.idOf(path), values };
    });
  }
}
