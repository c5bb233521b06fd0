import type { MatchTermSource } from '@techmatch/shared';
import {
  MeilisearchApiError,
  type Meilisearch,
  type MultiSearchQuery,
  type SearchResponse,
} from 'meilisearch';
import { contentTerms } from './text-analysis.js';
import {
  adjacentPairs,
  inverseDocumentFrequency,
  termFrequencies,
  weighTerms,
  type Term,
  type WeightedText,
} from './term-weights.js';

/** The listing to find partners for, as text parts with weights. */
export interface MatchSubject {
  field: string;
  parts: WeightedText[];
}

/** The index searched for partners. */
export interface MatchTarget {
  index: string;
}

/**
 * What each hit of a term query carries: a need's key terms bring back thousands of hits, so only what
 * fusion needs travels; feedback reads the few documents it uses on their own.
 */
const HIT_ATTRIBUTES = ['id', 'field'];
const FEEDBACK_ATTRIBUTES = ['title', 'keywords'];

export interface MatchedTerm {
  term: string;
  weight: number;
  source: MatchTermSource;
}

export interface MatchCandidate {
  id: string;
  score: number;
  matchedTerms: MatchedTerm[];
  sameField: boolean;
}

/** What the subject's owners said about partners found before: starred ones answer it, dismissed ones do not. */
export interface Judgements {
  relevant: readonly string[];
  irrelevant: readonly string[];
}

export interface MatchOptions {
  limit: number;
  /** Ids never to return (the subject itself, dismissed pairs). */
  exclude?: ReadonlySet<string>;
  /** A filter every candidate must pass (published, visible…). */
  filter?: string;
  judged?: Judgements;
}

/** The engine's knobs; the defaults are what the evaluation on the development sets supports. */
export const MATCH_TUNING = {
  /** Bounds on the work for one item, whatever the length of its text. */
  maxText: 6_000,
  maxCandidateTerms: 80,
  maxQueryTerms: 40,
  hitsPerTerm: 60,
  sameFieldBoost: 0.06,
  /** Pseudo-relevance feedback: terms of the best first-round partners join the query… */
  feedbackDocuments: 3,
  feedbackTerms: 16,
  /** …with this share of the weight of an equally rare term of the subject itself. */
  feedbackWeight: 0.5,
  /** Starred and dismissed partners read as feedback, the most recent first (bounded work). */
  judgedDocuments: 5,
  /** A subject term that dismissed partners carry and starred ones do not keeps this share of its weight. */
  dismissedTermShare: 0.5,
  /** Adjacent key terms queried together, where Meilisearch's proximity rule rewards them side by side. */
  pairQueries: 10,
  pairWeight: 0.25,
};

const documentCounts = new Map<string, { count: number; at: number }>();

async function documentCount(client: Meilisearch, index: string): Promise<number> {
  const cached = documentCounts.get(index);
  if (cached && Date.now() - cached.at < 30_000) return cached.count;
  const { numberOfDocuments } = await client.index(index).getStats();
  documentCounts.set(index, { count: numberOfDocuments, at: Date.now() });
  return numberOfDocuments;
}

/**
 * Document frequencies already counted, per index, for a minute: listings of one marketplace share most of
 * their vocabulary, so this saves most counting queries. A zero is never kept — the next listing published
 * may be the first to use the term, and must be found by it at once.
 */
const DF_TTL_MS = 60_000;
const DF_CACHE_MAX = 50_000;
const knownFrequencies = new Map<string, { df: number; at: number }>();

function rememberedFrequency(index: string, term: string): number | undefined {
  const known = knownFrequencies.get(`${index}\u0000${term}`);
  return known && Date.now() - known.at < DF_TTL_MS ? known.df : undefined;
}

function rememberFrequency(index: string, term: string, df: number): void {
  if (df === 0) return;
  if (knownFrequencies.size >= DF_CACHE_MAX) knownFrequencies.clear();
  knownFrequencies.set(`${index}\u0000${term}`, { df, at: Date.now() });
}

/** Document frequencies of candidate terms, counted by the search engine itself (one multi-search). */
async function documentFrequencies(
  client: Meilisearch,
  index: string,
  terms: string[],
): Promise<Map<string, number>> {
  const frequencies = new Map<string, number>();
  const unknown: string[] = [];
  for (const term of terms) {
    const df = rememberedFrequency(index, term);
    if (df === undefined) unknown.push(term);
    else frequencies.set(term, df);
  }
  if (unknown.length === 0) return frequencies;
  const { results } = await client.multiSearch({
    queries: unknown.map((q) => ({ indexUid: index, q, limit: 0, matchingStrategy: 'all' as const })),
  });
  unknown.forEach((term, i) => {
    const df = (results[i] as SearchResponse).estimatedTotalHits ?? 0;
    frequencies.set(term, df);
    rememberFrequency(index, term, df);
  });
  return frequencies;
}

/** The item's key terms, weighted by how often it uses them and how rare they are in the index. */
export async function keyTerms(client: Meilisearch, index: string, subject: MatchSubject): Promise<Term[]> {
  const parts = subject.parts.map((part) => ({ ...part, text: part.text.slice(0, MATCH_TUNING.maxText) }));
  const frequencies = termFrequencies(parts);
  const candidates = [...frequencies.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MATCH_TUNING.maxCandidateTerms)
    .map(([term]) => term);
  const [df, documents] = await Promise.all([
    documentFrequencies(client, index, candidates),
    documentCount(client, index),
  ]);
  const kept = new Map(candidates.map((t) => [t, frequencies.get(t) ?? 0]));
  return weighTerms(kept, df, documents).slice(0, MATCH_TUNING.maxQueryTerms);
}

type Hit = Record<string, unknown> & { _rankingScore?: number };

interface TermResult {
  term: string;
  documentFrequency: number;
  hits: Hit[];
}

/**
 * One query per term: Meilisearch reads only ten words of a query, and a need is a paragraph. Each hit's
 * ranking score says how well the document carries the term (in its title, keywords or body, and where).
 */
async function searchTerms(
  client: Meilisearch,
  target: MatchTarget,
  terms: string[],
  options: MatchOptions,
): Promise<TermResult[]> {
  if (terms.length === 0) return [];
  const queries: MultiSearchQuery[] = terms.map((q) => ({
    indexUid: target.index,
    q,
    limit: MATCH_TUNING.hitsPerTerm,
    matchingStrategy: 'all',
    showRankingScore: true,
    attributesToRetrieve: HIT_ATTRIBUTES,
    ...(options.filter ? { filter: options.filter } : {}),
  }));
  const { results } = await client.multiSearch({ queries });
  return terms.map((term, i) => {
    const result = results[i] as SearchResponse<Hit>;
    return { term, documentFrequency: result.estimatedTotalHits ?? 0, hits: result.hits };
  });
}

/**
 * The fused evidence is the weighted share of the subject's terms a partner carries (a quarter is already a
 * strong answer); this monotone map spreads it over [0, 1) so that 0.6 reads as "strong" to users.
 */
export function displayScore(evidence: number): number {
  return 1 - Math.exp(-evidence / 0.2);
}

/** The evidence gathered for each candidate partner, term by term. */
class Evidence {
  private readonly byId = new Map<string, { score: number; field: unknown; matchedTerms: MatchedTerm[] }>();

  constructor(
    private readonly exclude: ReadonlySet<string> | undefined,
    private readonly totalWeight: number,
  ) {}

  add(result: TermResult, weight: number, source: MatchTermSource): void {
    for (const hit of result.hits) {
      const id = String(hit.id);
      if (this.exclude?.has(id)) continue;
      const entry = this.byId.get(id) ?? { score: 0, field: hit.field, matchedTerms: [] };
      entry.score += (weight * (hit._rankingScore ?? 0)) / this.totalWeight;
      entry.matchedTerms.push({ term: result.term, weight, source });
      this.byId.set(id, entry);
    }
  }

  /** Candidates best first; same-field partners get a boost, never a filter, so cross-field answers survive. */
  ranked(field: string): MatchCandidate[] {
    return [...this.byId.entries()]
      .map(([id, entry]) => {
        const sameField = entry.field === field;
        return {
          id,
          score: displayScore(entry.score * (sameField ? 1 + MATCH_TUNING.sameFieldBoost : 1)),
          matchedTerms: [...entry.matchedTerms].sort((a, b) => b.weight - a.weight),
          sameField,
        };
      })
      .sort((a, b) => b.score - a.score);
  }
}

/** A partner's title and keywords; none when it left the index since it was found. */
async function feedbackDocument(client: Meilisearch, target: MatchTarget, id: string): Promise<Hit | null> {
  try {
    return await client.index(target.index).getDocument<Hit>(id, { fields: FEEDBACK_ATTRIBUTES });
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === 'document_not_found') return null;
    throw error;
  }
}

function feedbackTerms(document: Hit): Set<string> {
  const text = [document.title, ...(Array.isArray(document.keywords) ? document.keywords : [])].join(' ');
  return new Set(contentTerms(text));
}

/** The subject owners' starred and dismissed partners, as much of them as feedback reads. */
interface JudgedDocuments {
  relevant: Hit[];
  irrelevant: Hit[];
}

async function readDocuments(
  client: Meilisearch,
  target: MatchTarget,
  ids: readonly string[],
): Promise<Hit[]> {
  const documents = await Promise.all(ids.map((id) => feedbackDocument(client, target, id)));
  return documents.filter((document): document is Hit => document !== null);
}

async function readJudged(
  client: Meilisearch,
  target: MatchTarget,
  judged: Judgements | undefined,
): Promise<JudgedDocuments> {
  const [relevant, irrelevant] = await Promise.all([
    readDocuments(client, target, judged?.relevant.slice(0, MATCH_TUNING.judgedDocuments) ?? []),
    readDocuments(client, target, judged?.irrelevant.slice(0, MATCH_TUNING.judgedDocuments) ?? []),
  ]);
  return { relevant, irrelevant };
}

/**
 * The subject's terms that only dismissed partners carry (not starred ones) describe what its owners do not
 * want: they count less, so partners resting on them sink.
 */
function discountDismissedTerms(weights: Map<string, number>, judged: JudgedDocuments): void {
  if (judged.irrelevant.length === 0) return;
  const wanted = new Set(judged.relevant.flatMap((document) => [...feedbackTerms(document)]));
  const unwanted = new Set(judged.irrelevant.flatMap((document) => [...feedbackTerms(document)]));
  for (const [term, weight] of weights) {
    if (unwanted.has(term) && !wanted.has(term)) weights.set(term, weight * MATCH_TUNING.dismissedTermShare);
  }
}

/**
 * Terms that the best partners share and the subject lacks: how the other side words the same thing (a firm's
 * 掉渣 against a researcher's 破损), taken from their titles and keywords. A starred partner's terms count as
 * much as the subject's own; the best first-round partners vote by rank; a dismissed partner's terms are voted
 * down.
 */
async function feedbackCandidates(
  client: Meilisearch,
  target: MatchTarget,
  judged: JudgedDocuments,
  ranked: string[],
  known: ReadonlySet<string>,
): Promise<Map<string, number>> {
  const votes = new Map<string, number>();
  const vote = (document: Hit, value: number) => {
    for (const term of feedbackTerms(document))
      if (!known.has(term)) votes.set(term, (votes.get(term) ?? 0) + value);
  };
  judged.relevant.forEach((document) => vote(document, 1 / MATCH_TUNING.feedbackWeight));
  (await readDocuments(client, target, ranked)).forEach((document, rank) => vote(document, 1 / (rank + 1)));
  judged.irrelevant.forEach((document) => vote(document, -1));
  return new Map([...votes].filter(([, value]) => value > 0));
}

/**
 * The feedback terms worth a query, with their weights: the most voted, weighed by rarity (counts are cheap
 * and mostly remembered, so only the terms kept are searched).
 */
async function feedbackWeights(
  client: Meilisearch,
  index: string,
  votes: ReadonlyMap<string, number>,
): Promise<Map<string, number>> {
  const chosen = [...votes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MATCH_TUNING.feedbackTerms * 2)
    .map(([term]) => term);
  const [frequencies, documents] = await Promise.all([
    documentFrequencies(client, index, chosen),
    documentCount(client, index),
  ]);
  const weighted = chosen.flatMap((term): [string, number][] => {
    const df = frequencies.get(term) ?? 0;
    if (df === 0) return [];
    const weight =
      MATCH_TUNING.feedbackWeight * (votes.get(term) ?? 0) * inverseDocumentFrequency(df, documents);
    return [[term, weight]];
  });
  return new Map(weighted.sort((a, b) => b[1] - a[1]).slice(0, MATCH_TUNING.feedbackTerms));
}

/** The strongest pairs of adjacent key terms, each weighted by its weaker term. */
function keyPairs(subject: MatchSubject, weights: ReadonlyMap<string, number>): Map<string, number> {
  const scored: [string, number][] = [];
  for (const pair of adjacentPairs(subject.parts).keys()) {
    const [a = '', b = ''] = pair.split(' ');
    const wa = weights.get(a);
    const wb = weights.get(b);
    if (wa !== undefined && wb !== undefined) scored.push([pair, MATCH_TUNING.pairWeight * Math.min(wa, wb)]);
  }
  return new Map(scored.sort((x, y) => y[1] - x[1]).slice(0, MATCH_TUNING.pairQueries));
}

/**
 * Finds the listings of `target` that best answer `subject`: key terms of the subject, one query each, fused by
 * term weight; then a second round with terms the best partners use for the same thing.
 */
export async function findMatches(
  client: Meilisearch,
  target: MatchTarget,
  subject: MatchSubject,
  options: MatchOptions,
): Promise<{ terms: Term[]; candidates: MatchCandidate[] }> {
  const [terms, judged] = await Promise.all([
    keyTerms(client, target.index, subject),
    readJudged(client, target, options.judged),
  ]);
  if (terms.length === 0) return { terms, candidates: [] };
  const weights = new Map(terms.map((t) => [t.term, t.weight]));
  discountDismissedTerms(weights, judged);
  const evidence = new Evidence(
    options.exclude,
    [...weights.values()].reduce((sum, weight) => sum + weight, 0),
  );
  const pairs = keyPairs(subject, weights);
  const results = await searchTerms(client, target, [...weights.keys(), ...pairs.keys()], options);
  for (const result of results) {
    const single = weights.get(result.term);
    if (single !== undefined) evidence.add(result, single, 'subject');
    else evidence.add(result, pairs.get(result.term) ?? 0, 'pair');
  }

  if (MATCH_TUNING.feedbackDocuments > 0) {
    const judgedIds = new Set([...(options.judged?.relevant ?? []), ...(options.judged?.irrelevant ?? [])]);
    const ranked = evidence
      .ranked(subject.field)
      .filter((candidate) => !judgedIds.has(candidate.id))
      .slice(0, MATCH_TUNING.feedbackDocuments)
      .map((candidate) => candidate.id);
    const votes = await feedbackCandidates(client, target, judged, ranked, new Set(weights.keys()));
    const feedback = await feedbackWeights(client, target.index, votes);
    const results = await searchTerms(client, target, [...feedback.keys()], options);
    for (const result of results) evidence.add(result, feedback.get(result.term) ?? 0, 'feedback');
  }

  return { terms, candidates: evidence.ranked(subject.field).slice(0, options.limit) };
}
