import type { Achievement, AchievementInput } from '@techmatch/shared';
import type { ListingKind, ListingService } from '../listings/listing.service.js';
import { presentListingBase } from '../listings/listing.presenters.js';
import type { AchievementDoc, AchievementModel } from './achievement.model.js';

export function presentAchievement(doc: AchievementDoc, withContact: boolean): Achievement {
  return {
    ...presentListingBase(doc, withContact),
    summary: doc.summary,
    team: doc.team,
    maturity: doc.maturity,
    ipType: doc.ipType,
    patentNumbers: doc.patentNumbers,
    transferModes: doc.transferModes,
    askingPriceFen: doc.askingPriceFen,
  };
}

/** 科技成果 as a listing kind: researchers post them; content changes after publication need review again. */
export function achievementKind(
  model: AchievementModel,
): ListingKind<AchievementDoc, AchievementInput, Achievement> {
  return {
    type: 'achievement',
    model,
    createPermission: 'achievement.create',
    toFields: (input) => ({ ...input }),
    contentFields: ['title', 'summary', 'field', 'keywords', 'team', 'maturity', 'ipType', 'patentNumbers'],
    present: presentAchievement,
  };
}

export type AchievementService = ListingService<AchievementDoc, AchievementInput, Achievement>;
