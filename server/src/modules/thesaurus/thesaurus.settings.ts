import type { Settings } from 'meilisearch';

export interface ThesaurusContent {
  synonyms: string[][];
  expansions: { from: string[]; to: string[] }[];
  terms: string[];
}

/**
 * Meilisearch's form of the thesaurus: every word of a synonym group leads to the others; every complaint of
 * an expansion leads to its remedies (one way); multi-character words are kept whole by the tokenizer.
 */
export function thesaurusSettings(content: ThesaurusContent): Pick<Settings, 'synonyms' | 'dictionary'> {
  const synonyms: Record<string, string[]> = {};
  const add = (from: string, to: string[]) => {
    const key = from.toLowerCase();
    const targets = to.map((t) => t.toLowerCase()).filter((t) => t !== key);
    synonyms[key] = [...new Set([...(synonyms[key] ?? []), ...targets])];
  };
  for (const group of content.synonyms) for (const term of group) add(term, group);
  for (const { from, to } of content.expansions) for (const term of from) add(term, to);
  const words = [
    ...content.terms,
    ...content.synonyms.flat(),
    ...content.expansions.flatMap((e) => [...e.from, ...e.to]),
  ];
  const dictionary = [...new Set(words.filter((w) => w.length > 1 && /\p{Script=Han}/u.test(w)))].sort();
  return { synonyms, dictionary };
}
