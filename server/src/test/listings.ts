import type { AchievementInput, NeedInput } from '@techmatch/shared';
import type { TestClient } from './clients.js';
import { buildAchievementInput, buildNeedInput } from './factories.js';

/** Posts a listing as `owner`, submits it and has `staff` approve it; returns its id. */
export async function publishListing(
  owner: TestClient,
  staff: TestClient,
  kind: 'achievements' | 'needs',
  input: AchievementInput | NeedInput = kind === 'achievements' ? buildAchievementInput() : buildNeedInput(),
): Promise<string> {
  const created = await owner.post(`/api/${kind}`, input);
  if (created.status !== 201) throw new Error(`posting failed: ${JSON.stringify(created.body)}`);
  const id = created.body.id as string;
  await owner.post(`/api/${kind}/${id}/submit`);
  const reviewed = await staff.post(`/api/${kind}/${id}/review`, { decision: 'published' });
  if (reviewed.status !== 200) throw new Error(`review failed: ${JSON.stringify(reviewed.body)}`);
  return id;
}
