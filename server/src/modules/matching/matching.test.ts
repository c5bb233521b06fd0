import { STRONG_MATCH_SCORE } from '@techmatch/shared';
import type { Meilisearch, MultiSearchParams } from 'meilisearch';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../test/clients.js';
import { buildAchievementInput, buildNeedInput } from '../../test/factories.js';
import { useTestStack } from '../../test/stack.js';
import { findMatches, MATCH_TUNING } from './matcher.js';
import { needSubject } from './matching.service.js';

const stack = useTestStack();
let researcher: TestAccount;
let firm: TestAccount;
let staff: TestAccount;

beforeEach(async () => {
  await stack.reset();
  researcher = await createAccount(stack.app, stack.services, { role: 'researcher' });
  firm = await createAccount(stack.app, stack.services, { role: 'firm' });
  staff = await createAccount(stack.app, stack.services, { role: 'staff' });
});

async function publish(kind: 'achievements' | 'needs', owner: TestAccount, input: object): Promise<string> {
  const created = await owner.client.post(`/api/${kind}`, input);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await owner.client.post(`/api/${kind}/${created.body.id}/submit`);
  await staff.client.post(`/api/${kind}/${created.body.id}/review`, { decision: 'published' });
  await stack.synced();
  return created.body.id as string;
}

const unrelated = buildAchievementInput({
  title: '芒果采后保鲜与冷链物流技术',
  summary:
    '针对芒果采后易腐烂的问题，研发复合涂膜保鲜与预冷分级技术，货架期延长7天以上，适合合作社推广应用。',
  field: '现代特色农林',
  keywords: ['芒果', '保鲜'],
});

describe('matches of a need', () => {
  it('finds the achievement that answers it, explains why, and tells both owners of a strong match', async () => {
    const answer = await publish('achievements', researcher, buildAchievementInput());
    await publish('achievements', researcher, unrelated);
    const need = await publish('needs', firm, buildNeedInput());

    const res = await firm.client.get(`/api/needs/${need}/matches`);
    expect(res.status).toBe(200);
    const [best] = res.body.items;
    expect(best.achievement.id).toBe(answer);
    expect(best.score).toBeGreaterThanOrEqual(STRONG_MATCH_SCORE);
    expect(best.explanation.terms.map((t: { term: string }) => t.term)).toContain('赤泥');
    expect(best.explanation.needExcerpt).toContain('<mark>赤泥</mark>');
    expect(best.explanation.achievementExcerpt).toContain('<mark>赤泥</mark>');
    expect(best.viewerSide).toBe('need');
    expect(best.explanation.terms.find((t: { term: string }) => t.term === '赤泥').source).toBe('subject');
    expect(res.body).toMatchObject({ state: 'ready', computedAt: expect.any(String) });
    expect(res.body.keyTerms).toContain('赤泥');
    expect(res.body.items.map((m: { achievement: { id: string } }) => m.achievement.id)).not.toContain(
      undefined,
    );

    const fromTheOtherSide = await researcher.client.get(`/api/achievements/${answer}/matches`);
    expect(fromTheOtherSide.body.items[0]).toMatchObject({ id: best.id, viewerSide: 'achievement' });

    for (const owner of [firm, researcher]) {
      const inbox = await owner.client.get('/api/notifications');
      expect(inbox.body.items.map((n: { type: string }) => n.type)).toContain('match_found');
    }
  });

  it('keeps a dismissed pair dismissed for that side even when it becomes stronger, but not for the other side', async () => {
    const answer = await publish('achievements', researcher, buildAchievementInput());
    const need = await publish('needs', firm, buildNeedInput());
    const [match] = (await firm.client.get(`/api/needs/${need}/matches`)).body.items as { id: string }[];
    expect((await firm.client.post(`/api/matches/${match?.id}/dismiss`)).body.dismissed).toBe(true);

    await firm.client.put(`/api/needs/${need}`, buildNeedInput({ budgetFen: null })); // stays published
    await stack.services.matchStore.recompute('need', need);
    expect((await firm.client.get(`/api/needs/${need}/matches`)).body.items).toEqual([]);
    const all = await firm.client.get(`/api/needs/${need}/matches?includeDismissed=true`);
    expect(all.body.items[0]).toMatchObject({ id: match?.id, dismissed: true });
    expect((await researcher.client.get(`/api/achievements/${answer}/matches`)).body.items[0].dismissed).toBe(
      false,
    );
  });

  it('lets an owner star a match, and nobody outside the two organisations act on it or read it', async () => {
    await publish('achievements', researcher, buildAchievementInput());
    const need = await publish('needs', firm, buildNeedInput());
    const [match] = (await firm.client.get(`/api/needs/${need}/matches`)).body.items as { id: string }[];
    expect((await firm.client.post(`/api/matches/${match?.id}/star`)).body.starred).toBe(true);
    const stranger = await createAccount(stack.app, stack.services, { role: 'firm' });
    expect((await stranger.client.post(`/api/matches/${match?.id}/dismiss`)).status).toBe(403);
    expect((await stranger.client.get(`/api/needs/${need}/matches`)).status).toBe(403);
  });

  it('clears the matches of a listing that leaves the marketplace', async () => {
    await publish('achievements', researcher, buildAchievementInput());
    const need = await publish('needs', firm, buildNeedInput());
    await firm.client.post(`/api/needs/${need}/close`);
    await stack.synced();
    expect(await stack.services.models.matches.countDocuments({ needId: need })).toBe(0);
  });
});

interface ListedMatch {
  id: string;
  score: number;
  achievement: { id: string };
  explanation: { terms: { term: string; source: string }[] };
}

async function matchesOfNeed(need: string): Promise<ListedMatch[]> {
  return (await firm.client.get(`/api/needs/${need}/matches`)).body.items as ListedMatch[];
}

const partnerOf = (items: ListedMatch[], achievement: string) =>
  items.find((m) => m.achievement.id === achievement);

async function judge(match: ListedMatch | undefined, action: 'star' | 'dismiss'): Promise<void> {
  expect((await firm.client.post(`/api/matches/${match?.id}/${action}`)).status).toBe(200);
  await stack.synced();
}

describe("what a need's owners say about its matches", () => {
  it('brings up listings worded like a starred partner, found through its words', async () => {
    await publish('achievements', researcher, buildAchievementInput());
    const starred = await publish(
      'achievements',
      researcher,
      buildAchievementInput({
        title: '赤泥堆场生态修复与植被覆盖技术',
        summary: '针对赤泥堆场表面裸露、雨季冲刷的问题，采用改良基质与耐碱植物组合，植被覆盖率达到85%以上。',
        keywords: ['赤泥', '生态修复', '植被覆盖'],
      }),
    );
    const alike = await publish(
      'achievements',
      researcher,
      buildAchievementInput({
        title: '排土场耐碱植物筛选与植被覆盖技术',
        summary:
          '针对矿山排土场土壤贫瘠、碱性强的问题，筛选耐碱植物并配套改良基质，实现快速植被覆盖与水土保持。',
        field: '现代特色农林',
        keywords: ['植被覆盖', '耐碱植物', '水土保持'],
      }),
    );
    const need = await publish('needs', firm, buildNeedInput());
    const before = await matchesOfNeed(need);

    await judge(partnerOf(before, starred), 'star');

    const after = partnerOf(await matchesOfNeed(need), alike);
    expect(after?.score).toBeGreaterThan(partnerOf(before, alike)?.score ?? 0);
    expect(after?.explanation.terms).toContainEqual(
      expect.objectContaining({ term: '植被', source: 'feedback' }),
    );
  });

  it('lowers partners that rest only on what a dismissed partner is about', async () => {
    const need = await publish(
      'needs',
      firm,
      buildNeedInput({ title: '赤泥综合利用', description: '希望引进赤泥脱碱和利用尾渣制备建材的技术。' }),
    );
    await publish('achievements', researcher, buildAchievementInput());
    const decoy = await publish(
      'achievements',
      researcher,
      buildAchievementInput({
        title: '高炉渣制备建材技术',
        summary: '以高炉渣为主要原料制备蒸压建材，产品强度满足标准要求。',
        keywords: ['高炉渣', '建材'],
      }),
    );
    const alike = await publish(
      'achievements',
      researcher,
      buildAchievementInput({
        title: '煤矸石制备建材技术',
        summary: '以煤矸石为主要原料烧结制备建材，产品满足墙体材料标准。',
        keywords: ['煤矸石', '建材'],
      }),
    );
    await stack.services.matchStore.recompute('need', need);
    const before = await matchesOfNeed(need);
    const scoreBefore = partnerOf(before, alike)?.score ?? 0;
    expect(scoreBefore).toBeGreaterThan(0);

    await judge(partnerOf(before, decoy), 'dismiss');

    expect(partnerOf(await matchesOfNeed(need), alike)?.score ?? 0).toBeLessThan(scoreBefore);
  });
});

describe('a listing that cannot be matched', () => {
  it('says a need written without any searchable term has too little text, rather than showing nothing', async () => {
    await publish('achievements', researcher, buildAchievementInput());
    const vague = buildNeedInput({
      title: '求助求助',
      description: '有没有人能帮我们看看这个问题，谢谢大家了，非常感谢，希望能够得到帮助。',
      keywords: [],
    });
    const need = await publish('needs', firm, vague);
    const res = await firm.client.get(`/api/needs/${need}/matches`);
    expect(res.body).toMatchObject({ state: 'too-little-text', keyTerms: [], items: [] });
  });

  it('says a draft is not matched until it is published', async () => {
    const draft = await firm.client.post('/api/needs', buildNeedInput());
    const res = await firm.client.get(`/api/needs/${draft.body.id}/matches`);
    expect(res.body).toMatchObject({ state: 'not-published', items: [] });
  });

  it('bounds the search work for an enormous text to a fixed number of queries', async () => {
    await publish('achievements', researcher, buildAchievementInput());
    const words = ['赤泥', '脱碱', '建材', '铁精粉', '堆场', '氧化铝', '尾渣', '固废', '烧结', '胶凝'];
    const enormous = Array.from({ length: 20_000 }, (_, i) => `${words[i % 10]}${i}号工艺`).join('，');
    let queries = 0;
    const client = stack.search.client;
    const counting = new Proxy(client, {
      get(target, property, receiver) {
        if (property !== 'multiSearch') return Reflect.get(target, property, receiver) as unknown;
        return (params: MultiSearchParams) => {
          queries += params.queries.length;
          return target.multiSearch(params);
        };
      },
    }) as Meilisearch;
    const subject = needSubject({ ...buildNeedInput({ description: enormous }), challenge: null });
    const started = performance.now();
    const { candidates } = await findMatches(
      counting,
      { index: stack.services.indexes.achievements },
      subject,
      { limit: 10 },
    );
    const bound =
      MATCH_TUNING.maxCandidateTerms +
      MATCH_TUNING.maxQueryTerms +
      MATCH_TUNING.pairQueries +
      2 * MATCH_TUNING.feedbackTerms + // counted
      MATCH_TUNING.feedbackTerms; // searched
    expect(queries).toBeLessThanOrEqual(bound);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(candidates.length).toBe(1);
  });
});

describe('staff matchmaking board', () => {
  it('shows strong unhandled pairs to staff, and a pair taken in hand leaves the board and is audited', async () => {
    await publish('achievements', researcher, buildAchievementInput());
    const need = await publish('needs', firm, buildNeedInput());
    expect((await firm.client.get('/api/matches/board')).status).toBe(403);
    const board = await staff.client.get('/api/matches/board');
    expect(board.body.total).toBe(1);
    const id = board.body.items[0].id as string;
    expect((await staff.client.post(`/api/matches/${id}/handle`)).body.handled).toBe(true);
    expect((await staff.client.get('/api/matches/board')).body.total).toBe(0);
    const audit = await staff.client.get(`/api/audit?action=match.handle&targetId=${need}`);
    expect(audit.body.total).toBe(1);
  });
});
