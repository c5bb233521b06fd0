import { ThesaurusEntryInputSchema } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { emptyThesaurusForm, thesaurusInputOf } from './thesaurus-form.js';

describe('thesaurus entry form', () => {
  it('sends only the lists of the chosen kind, so switching kind leaves no stale words behind', () => {
    const model = { ...emptyThesaurusForm('expansion'), words: ['残留'], from: ['掉渣'], to: ['剥落'] };
    expect(thesaurusInputOf(model)).toEqual({ kind: 'expansion', from: ['掉渣'], to: ['剥落'], note: '' });
    model.kind = 'synonyms';
    expect(thesaurusInputOf(model)).toEqual({ kind: 'synonyms', words: ['残留'], note: '' });
  });

  it('is checked by the shared schema: a one-word synonym group and a looping expansion are refused', () => {
    const oneWord = thesaurusInputOf({ ...emptyThesaurusForm(), words: ['赤泥'] });
    expect(ThesaurusEntryInputSchema.safeParse(oneWord).success).toBe(false);
    const loop = thesaurusInputOf({ ...emptyThesaurusForm('expansion'), from: ['赤泥'], to: ['赤泥'] });
    expect(ThesaurusEntryInputSchema.safeParse(loop).success).toBe(false);
  });
});
