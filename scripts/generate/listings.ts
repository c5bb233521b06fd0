// The shared enums are imported by path: this generator runs under plain `tsx`, without a build of shared/.
import type { County, Field, Maturity, TransferMode } from '../../shared/src/enums.js';
import { COUNTIES, MATURITIES, TRANSFER_MODES } from '../../shared/src/enums.js';
import type { FieldVocabulary } from './listing-vocabulary.js';
import {
  CONNECTIVES,
  FIELD_VOCABULARY,
  FIRM_PREFIXES,
  FIRM_TRADES,
  INSTITUTIONS,
  NEED_ASKS,
  NEED_OPENINGS,
} from './listing-vocabulary.js';

/** The ten key fields of the 2022 Baise plan, weighted toward aluminium and red-mud work. */
export const FIELD_WEIGHTS: Record<Field, number> = {
  生态铝: 26,
  新材料: 15,
  新能源及装备制造: 10,
  生物制药: 7,
  电子信息: 7,
  绿色化工: 8,
  绿色建材: 10,
  现代特色农林: 8,
  大健康和文旅: 5,
  现代服务: 4,
};
export interface ListingBase {
  id: string;
  title: string;
  summary: string;
  keywords: string[];
  field: Field;
  county: County;
  maturity: Maturity;
  transferModes: TransferMode[];
  createdAt: string;
}
export interface AchievementRecord extends ListingBase {
  kind: 'achievement';
  institution: string;
  /** Asking price in integer fen. */
  priceFen: number;
}
export interface NeedRecord extends ListingBase {
  kind: 'need';
  firm: string;
  /** Budget in integer fen. */
  budgetFen: number;
  challenge: boolean;
}

/** mulberry32: a small, fast, deterministic PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Composer {
  constructor(readonly next: () => number) {}

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('cannot pick from an empty vocabulary');
    return item;
  }

  some<T>(items: readonly T[], min: number, max: number): T[] {
    const count = min + Math.floor(this.next() * (max - min + 1));
    return [...items].sort(() => this.next() - 0.5).slice(0, Math.min(count, items.length));
  }

  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [name, weight] of entries) if ((roll -= weight) < 0) return name;
    return this.pick(entries)[0];
  }

  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
}

function achievementTitle(c: Composer, v: FieldVocabulary): string {
  const templates = [
    () => `${c.pick(v.subjects)}${c.pick(v.processes)}技术`,
    () => `基于${c.pick(v.processes)}的${c.pick(v.subjects)}制备方法`,
    () => `面向${c.pick(v.applications)}的${c.pick(v.subjects)}关键技术`,
    () => `${c.pick(v.subjects)}${c.pick(v.processes)}成套工艺与装备`,
  ];
  return c.pick(templates)();
}

function needTitle(c: Composer, v: FieldVocabulary): string {
  const templates = [
    () => `${c.pick(v.subjects)}${c.pick(v.processes)}技术需求`,
    () => `求购${c.pick(v.subjects)}${c.pick(v.processes)}解决方案`,
    () => `${c.pick(v.applications)}中${c.pick(v.subjects)}质量提升难题`,
  ];
  return c.pick(templates)();
}

/** 150–350 characters of technical prose assembled from the field's vocabulary. */
function summaryText(c: Composer, v: FieldVocabulary, opening: string, maturity: string): string {
  const sentences = [
    `${opening}针对${c.pick(v.subjects)}在${c.pick(v.applications)}中的关键问题，采用${c.pick(v.processes)}与${c.pick(v.processes)}相结合的技术路线`,
    `${c.pick(CONNECTIVES)}，通过${c.pick(v.processes)}优化工艺参数，实现${c.pick(v.results)}`,
    `${c.pick(CONNECTIVES)}，${c.pick(v.subjects)}经${c.pick(v.processes)}处理后${c.pick(v.results)}`,
    `项目可用于${c.pick(v.applications)}和${c.pick(v.applications)}，目前处于${maturity}，具备在百色推广的条件`,
    `团队已完成${c.integer(2, 30)}批次验证，申请发明专利${c.integer(1, 12)}项`,
  ];
  let text = '';
  for (const sentence of sentences) {
    if (text.length > 150 && c.next() < 0.35) break;
    const next = `${text}${sentence}。`;
    if (next.length > 350) break;
    text = next;
  }
  while (text.length < 150) text += `${c.pick(CONNECTIVES)}，${c.pick(v.subjects)}${c.pick(v.results)}。`;
  return text.slice(0, 350);
}

function base(
  c: Composer,
  index: number,
  prefix: string,
  seed: number,
): Omit<ListingBase, 'title' | 'summary'> & { v: FieldVocabulary } {
  const field = c.weighted(FIELD_WEIGHTS);
  const v = FIELD_VOCABULARY[field];
  const day = new Date(Date.UTC(2022, 0, 1) + c.integer(0, 1460) * 86_400_000);
  return {
    id: `${prefix}-${seed}-${index}`,
    keywords: c.some([...v.keywords, ...c.some(v.subjects, 1, 2)], 3, 6),
    field,
    county: c.pick(COUNTIES),
    maturity: c.pick(MATURITIES),
    transferModes: c.some(TRANSFER_MODES, 1, 3),
    createdAt: day.toISOString(),
    v,
  };
}

/** `count` 科技成果 records, identical for the same `seed`. */
export function generateAchievements(count: number, seed: number): AchievementRecord[] {
  const c = new Composer(random(seed));
  return Array.from({ length: count }, (_, index) => {
    const { v, ...common } = base(c, index, 'ach', seed);
    const institution = c.pick(INSTITUTIONS);
    return {
      ...common,
      kind: 'achievement',
      title: achievementTitle(c, v),
      summary: summaryText(c, v, `${institution}研究团队`, common.maturity),
      institution,
      priceFen: c.integer(5, 2000) * 1_000_000,
    };
  });
}

/** `count` 技术需求 records (about one in eight a 揭榜挂帅 challenge), identical for the same `seed`. */
export function generateNeeds(count: number, seed: number): NeedRecord[] {
  const c = new Composer(random(seed ^ 0x5bd1e995));
  return Array.from({ length: count }, (_, index) => {
    const { v, ...common } = base(c, index, 'need', seed);
    const firm = `${c.pick(FIRM_PREFIXES)}${c.pick(FIRM_TRADES)}有限公司`;
    return {
      ...common,
      kind: 'need',
      title: needTitle(c, v),
      summary: `${summaryText(c, v, c.pick(NEED_OPENINGS), common.maturity).slice(0, 320)}${c.pick(NEED_ASKS)}。`,
      firm,
      budgetFen: c.integer(10, 5000) * 1_000_000,
      challenge: c.next() < 0.125,
    };
  });
}
