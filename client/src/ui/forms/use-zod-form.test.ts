import { AchievementInputSchema } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { useZodForm } from './use-zod-form.js';

describe('useZodForm', () => {
  it('says plainly that a field is empty, too short, or needs a choice', async () => {
    const form = useZodForm(AchievementInputSchema, { title: '', summary: '太短了', transferModes: [] });
    expect(await form.submit(() => Promise.resolve(true))).toBeNull();
    expect(form.errorOf.value('title')).toBe('此项必填');
    expect(form.errorOf.value('summary')).toBe('至少 20 个字');
    expect(form.errorOf.value('transferModes')).toBe('请至少选择 1 项');
  });

  it('lets widget checks speak first on their field, and blocks the submit', async () => {
    const form = useZodForm(
      AchievementInputSchema,
      { title: '', price: 'abc' },
      (model) => ({ title: model.title }),
      (model) => (model.price === 'abc' ? [{ path: 'title', message: '金额不对' }] : []),
    );
    let sent = false;
    await form.submit(async () => (sent = true));
    expect(sent).toBe(false);
    expect(form.errorOf.value('title')).toBe('金额不对');
  });

  it('finds the first message about a list or any of its items', async () => {
    const form = useZodForm(AchievementInputSchema, { keywords: ['好', 'x'.repeat(30)] });
    await form.submit(() => Promise.resolve(true));
    expect(form.errorOf.value('keywords')).toBeUndefined();
    expect(form.errorWithin.value('keywords')).toMatch(/20/);
  });
});
