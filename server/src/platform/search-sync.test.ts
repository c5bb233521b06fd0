import { Types } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { anonymous } from '../test/clients.js';
import { buildAchievementInput } from '../test/factories.js';
import { useTestStack } from '../test/stack.js';

const stack = useTestStack();

function achievement(title: string, status: 'published' | 'draft') {
  const { attachmentIds: _attachments, ...input } = buildAchievementInput({ title });
  return {
    ...input,
    organisationId: new Types.ObjectId(),
    organisationName: '百色学院',
    ownerId: new Types.ObjectId(),
    status,
    publishedAt: status === 'published' ? new Date() : null,
  };
}

const searchTotal = async () =>
  (await anonymous(stack.app).get('/api/achievements/search?pageSize=1')).body.total as number;

describe('reindex', () => {
  it('rebuilds the index from MongoDB: every published listing comes back, drafts stay out', async () => {
    await stack.services.models.achievements.insertMany([
      ...Array.from({ length: 30 }, (_, i) => achievement(`赤泥综合利用技术第${i}号`, 'published')),
      achievement('未提交的草稿成果', 'draft'),
    ]);
    await stack.synced();
    expect(await searchTotal()).toBe(30);

    await stack.search.client.index(stack.services.indexes.achievements).deleteAllDocuments().waitTask();
    expect(await searchTotal()).toBe(0);
    await stack.services.searchSync.reindexAll();
    expect(await searchTotal()).toBe(30);
    expect(await stack.services.models.achievements.countDocuments({ searchDirty: true })).toBe(0);
  });
});
