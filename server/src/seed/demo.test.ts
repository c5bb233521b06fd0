import { readFileSync } from 'node:fs';
import path from 'node:path';
import { todayInChina } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { anonymous, signIn } from '../test/clients.js';
import { silentLogger, testConfig, useTestStack } from '../test/stack.js';
import demo from './demo-listings.json' with { type: 'json' };
import { seedDemo } from './demo.js';

const stack = useTestStack();

function passwordOf(email: string): string {
  const file = readFileSync(path.join(stack.dataDir, 'demo-credentials.txt'), 'utf8');
  const line = file.split('\n').find((l) => l.split('\t')[1] === email);
  if (!line) throw new Error(`${email} is not in the credentials file`);
  return line.split('\t')[2] ?? '';
}

describe('demo seed', () => {
  it('opens a living marketplace on a fresh database, and a second run duplicates nothing', async () => {
    const config = testConfig({ DATA_DIR: stack.dataDir, SEED_DEMO: 'true' });
    await seedDemo(stack.services, config, silentLogger);
    const firstPassword = passwordOf('researcher@demo.techmatch.cn');
    await seedDemo(stack.services, config, silentLogger);
    await stack.services.searchSync.drain(); // what visitors search; the matching it queued runs on its own

    const { models } = stack.services;
    expect(await models.organisations.countDocuments({ 'verification.status': 'verified' })).toBe(
      demo.organisations.length,
    );
    expect(await models.users.countDocuments({ role: { $in: ['researcher', 'firm'] } })).toBe(
      demo.organisations.length,
    );
    expect(await models.achievements.countDocuments({ status: 'published' })).toBe(demo.achievements.length);
    expect(await models.needs.countDocuments({ status: 'published' })).toBe(demo.needs.length);
    expect(await models.achievements.countDocuments({ status: { $ne: 'published' } })).toBe(0);

    const visitor = anonymous(stack.app);
    const achievements = await visitor.get('/api/achievements/search?pageSize=1');
    expect(achievements.body.total).toBe(demo.achievements.length);
    expect(Object.keys(achievements.body.facets.field)).toHaveLength(10);
    const redMud = await visitor.get(`/api/achievements/search?q=${encodeURIComponent('赤泥')}`);
    expect(redMud.body.total).toBeGreaterThan(0);

    const challenges = await visitor.get('/api/needs/search?kind=challenge&pageSize=50');
    expect(challenges.body.total).toBeGreaterThanOrEqual(5);
    for (const hit of challenges.body.hits) {
      expect(hit.bountyFen).toBeGreaterThan(0);
      expect(hit.applicationDeadline > todayInChina()).toBe(true);
    }
    const pingguo = await visitor.get(`/api/needs/search?county=${encodeURIComponent('平果市')}`);
    expect(pingguo.body.total).toBeGreaterThan(0);

    const researcher = await signIn(stack.app, 'researcher@demo.techmatch.cn', firstPassword);
    const mine = await researcher.get('/api/achievements/mine?pageSize=1');
    expect(mine.body.total).toBe(demo.achievements.filter((a) => a.organisation === '百色学院').length);
  }, 240_000);
});
