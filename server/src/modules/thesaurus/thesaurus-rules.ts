import type { ThesaurusEntryInput } from '@techmatch/shared';

export interface StoredEntry {
  id: string;
  kind: ThesaurusEntryInput['kind'];
  words: string[];
  from: string[];
  to: string[];
}

const lower = (words: string[]) => words.map((w) => w.toLowerCase());

/** A word may name one synonym group (or one domain term) only, else search would merge unrelated groups. */
function wordTaken(candidate: StoredEntry, others: StoredEntry[]): string | null {
  if (candidate.kind === 'expansion') return null;
  const mine = new Set(lower(candidate.words));
  for (const other of others) {
    if (other.kind !== candidate.kind) continue;
    const clash = lower(other.words).find((w) => mine.has(w));
    if (clash) return clash;
  }
  return null;
}

/** Whether the one-way expansions, with the candidate among them, lead from some word back to itself. */
function expansionsLoop(entries: StoredEntry[]): boolean {
  const edges = new Map<string, string[]>();
  for (const entry of entries.filter((e) => e.kind === 'expansion')) {
    for (const from of lower(entry.from)) edges.set(from, [...(edges.get(from) ?? []), ...lower(entry.to)]);
  }
  const state = new Map<string, 'open' | 'done'>();
  const visit = (word: string): boolean => {
    if (state.get(word) === 'done') return false;
    if (state.get(word) === 'open') return true;
    state.set(word, 'open');
    const loops = (edges.get(word) ?? []).some(visit);
    state.set(word, 'done');
    return loops;
  };
  return [...edges.keys()].some(visit);
}

/** Why the candidate cannot join the thesaurus, or null when it can. */
export function thesaurusConflict(
  candidate: StoredEntry,
  others: StoredEntry[],
): { word?: string; loop?: true } | null {
  const taken = wordTaken(candidate, others);
  if (taken) return { word: taken };
  if (candidate.kind === 'expansion' && expansionsLoop([...others, candidate])) return { loop: true };
  return null;
}
