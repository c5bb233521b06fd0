import type { ThesaurusEntry, ThesaurusEntryInput, ThesaurusKind } from '@techmatch/shared';

/** What the entry dialog edits: one list of words, or the two sides of an expansion. */
export interface ThesaurusFormModel {
  kind: ThesaurusKind;
  words: string[];
  from: string[];
  to: string[];
  note: string;
}

export function emptyThesaurusForm(kind: ThesaurusKind = 'synonyms'): ThesaurusFormModel {
  return { kind, words: [], from: [], to: [], note: '' };
}

export function thesaurusFormOf(entry: ThesaurusEntry): ThesaurusFormModel {
  return {
    kind: entry.kind,
    words: [...entry.words],
    from: [...entry.from],
    to: [...entry.to],
    note: entry.note,
  };
}

/** The API input for the chosen kind: only the lists that kind has. */
export function thesaurusInputOf(model: ThesaurusFormModel): ThesaurusEntryInput {
  if (model.kind === 'expansion')
    return { kind: 'expansion', from: model.from, to: model.to, note: model.note };
  return { kind: model.kind, words: model.words, note: model.note };
}
