import type { Meilisearch } from 'meilisearch';
import type { AchievementDoc } from '../achievements/achievement.model.js';
import type { NeedDoc } from '../needs/need.model.js';
import { findMatches, type Judgements, type MatchCandidate, type MatchSubject } from './matcher.js';
import type { Term } from './term-weights.js';

export interface MatchResult {
  terms: Term[];
  candidates: MatchCandidate[];
}

/** How the parts of a listing count when it is matched: its title and keywords say most about it. */
export const PART_WEIGHTS = { title: 1.5, keywords: 2, body: 1 };

export function needSubject(
  need: Pick<NeedDoc, 'title' | 'description' | 'keywords' | 'field' | 'challenge'>,
): MatchSubject {
  return {
    field: need.field,
    parts: [
      { text: need.title, weight: PART_WEIGHTS.title },
      { text: need.keywords.join(' '), weight: PART_WEIGHTS.keywords },
      { text: need.description, weight: PART_WEIGHTS.body },
      { text: need.challenge?.requirements.join('；') ?? '', weight: PART_WEIGHTS.body },
    ],
  };
}

export function achievementSubject(
  achievement: Pick<AchievementDoc, 'title' | 'summary' | 'keywords' | 'field'>,
): MatchSubject {
  return {
    field: achievement.field,
    parts: [
      { text: achievement.title, weight: PART_WEIGHTS.title },
      { text: achievement.keywords.join(' '), weight: PART_WEIGHTS.keywords },
      { text: achievement.summary, weight: PART_WEIGHTS.body },
    ],
  };
}

interface MatchingDeps {
  client: Meilisearch;
  indexes: { achievements: string; needs: string };
}

export function matchingService({ client, indexes }: MatchingDeps) {
  /** Achievements that could answer a need, best first; what its owners starred and dismissed steers the search. */
  function achievementsFor(need: NeedDoc, limit = 20, judged?: Judgements): Promise<MatchResult> {
    return findMatches(client, { index: indexes.achievements }, needSubject(need), {
      limit,
      exclude: new Set([need._id.toHexString()]),
      ...(judged && { judged }),
    });
  }

  /** Needs and challenges an achievement could answer, best first. */
  function needsFor(achievement: AchievementDoc, limit = 20, judged?: Judgements): Promise<MatchResult> {
    return findMatches(client, { index: indexes.needs }, achievementSubject(achievement), {
      limit,
      ...(judged && { judged }),
    });
  }

  return { achievementsFor, needsFor };
}
export type MatchingService = ReturnType<typeof matchingService>;
