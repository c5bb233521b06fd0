import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  COUNTIES,
  FEN_PER_WAN,
  creditCodeCheckChar,
  type AchievementInput,
  type County,
  type NeedInput,
} from '@techmatch/shared';
import { Types } from 'mongoose';
import type { Actor, RequestContext } from '../../server/src/platform/auth/actor.js';
import type { Services } from '../../server/src/services.js';

/** The labelled data sets' record shapes (see their README files). */
export interface DatasetAchievement {
  id: string;
  title: string;
  summary: string;
  field: AchievementInput['field'];
  keywords: string[];
  institution: string;
  maturity: AchievementInput['maturity'];
  ipType: AchievementInput['ipType'];
  transferModes: AchievementInput['transferModes'];
  askingPriceWan: number | null;
}

export interface DatasetNeed {
  id: string;
  title: string;
  description: string;
  field: NeedInput['field'];
  firm: string;
  county: string;
  kind: '一般需求' | '揭榜挂帅';
  budgetWan: number | null;
}

export interface Dataset {
  achievements: DatasetAchievement[];
  needs: DatasetNeed[];
  qrels: Record<string, Record<string, number>>;
}

export function readDataset(dir: string): Dataset {
  const read = <T>(file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
  return { achievements: read('achievements.json'), needs: read('needs.json'), qrels: read('qrels.json') };
}

const CONTACT = { contactName: '评测联系人', contactPhone: '13800000000', contactEmail: 'eval@example.cn' };
const fen = (wan: number | null) => (wan === null ? null : Math.round(wan * FEN_PER_WAN));
const fit = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

export function achievementInput(record: DatasetAchievement): AchievementInput {
  return {
    title: fit(record.title, 100),
    summary: record.summary,
    field: record.field,
    keywords: record.keywords.map((k) => fit(k, 20)).slice(0, 10),
    team: '',
    maturity: record.maturity,
    ipType: record.ipType,
    patentNumbers: [],
    transferModes: record.transferModes,
    askingPriceFen: fen(record.askingPriceWan),
    attachmentIds: [],
    ...CONTACT,
  };
}

export function needInput(record: DatasetNeed): NeedInput {
  const county: County = (COUNTIES as readonly string[]).includes(record.county)
    ? (record.county as County)
    : '右江区';
  const challenge = record.kind === '揭榜挂帅';
  return {
    title: fit(record.title, 100),
    description: record.description,
    field: record.field,
    keywords: [],
    county,
    budgetFen: fen(record.budgetWan),
    deadline: null,
    kind: challenge ? 'challenge' : 'general',
    challenge: challenge
      ? {
          bountyFen: fen(record.budgetWan) ?? FEN_PER_WAN,
          requirements: ['详见需求描述'],
          applicationDeadline: '2099-12-31',
          visibility: 'public',
        }
      : null,
    attachmentIds: [],
    ...CONTACT,
  };
}

let organisations = 0;

/** An organisation and a signed-in member of it, created through the models as registration would. */
async function member(
  services: Services,
  name: string,
  role: 'researcher' | 'firm',
): Promise<RequestContext> {
  organisations += 1;
  const first17 = `91451000MA${String(organisations).padStart(7, '0')}`;
  const org = await services.models.organisations.create({
    name: fit(name, 100),
    kind: role === 'firm' ? 'firm' : name.includes('研究') ? 'institute' : 'university',
    creditCode: first17 + creditCodeCheckChar(first17),
    contactName: '评测',
    contactPhone: '13800000000',
    contactEmail: 'eval@example.cn',
    verification: { status: 'verified' },
  });
  const actor: Actor = {
    id: new Types.ObjectId().toHexString(),
    name,
    role,
    organisationId: org._id.toHexString(),
    membership: 'active',
    organisationVerified: true,
    sessionId: 'evaluation',
  };
  return { actor, requestId: null, ip: null };
}

const staff: RequestContext = {
  actor: {
    id: new Types.ObjectId().toHexString(),
    name: '评测审核员',
    role: 'staff',
    organisationId: null,
    membership: 'active',
    organisationVerified: false,
    sessionId: 'evaluation',
  },
  requestId: null,
  ip: null,
};

/**
 * Posts every record through the same service functions the API calls (create, submit, review), so the
 * evaluation measures what users get. Returns the platform id of each data-set id.
 */
export async function loadDataset(services: Services, dataset: Dataset): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const members = new Map<string, RequestContext>();
  const memberOf = async (name: string, role: 'researcher' | 'firm') => {
    const key = `${role}:${name}`;
    if (!members.has(key)) members.set(key, await member(services, name, role));
    return members.get(key) as RequestContext;
  };
  for (const record of dataset.achievements) {
    const ctx = await memberOf(record.institution, 'researcher');
    const created = await services.achievements.create(ctx, achievementInput(record));
    await services.achievements.submit(ctx, created.id);
    await services.achievements.review(staff, created.id, { decision: 'published', reason: '' });
    ids.set(record.id, created.id);
  }
  for (const record of dataset.needs) {
    const ctx = await memberOf(record.firm, 'firm');
    const created = await services.needs.create(ctx, needInput(record));
    await services.needs.submit(ctx, created.id);
    await services.needs.review(staff, created.id, { decision: 'published', reason: '' });
    ids.set(record.id, created.id);
  }
  await services.searchSync.drain();
  return ids;
}
