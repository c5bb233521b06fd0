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

/** Opens an inquiry from `firm` about `achievementId`, has its owner accept, and both sides agree; returns its id. */
export async function agreedInquiry(
  firm: TestClient,
  owner: TestClient,
  achievementId: string,
): Promise<string> {
  const opened = await firm.post('/api/inquiries', {
    listingType: 'achievement',
    listingId: achievementId,
    message: '我们希望签订技术许可合同。',
  });
  if (opened.status !== 201) throw new Error(`opening failed: ${JSON.stringify(opened.body)}`);
  const id = opened.body.id as string;
  await owner.post(`/api/inquiries/${id}/decision`, { decision: 'accept' });
  await firm.post(`/api/inquiries/${id}/agree`);
  const agreed = await owner.post(`/api/inquiries/${id}/agree`);
  if (agreed.body.status !== 'agreed') throw new Error(`agreeing failed: ${JSON.stringify(agreed.body)}`);
  return id;
}
