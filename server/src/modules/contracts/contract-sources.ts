import type { ContractLinks, ContractPrefill, ErrorIssue } from '@techmatch/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { UserModel } from '../accounts/user.model.js';
import type { AchievementModel } from '../achievements/achievement.model.js';
import type { NeedModel } from '../needs/need.model.js';

/**
 * Resolves the platform records a contract says it came from. The contract service asks it to check the links
 * of every draft, correction and import, and to prefill a contract from an agreed inquiry; each feature that
 * produces deals (listings, matching, inquiries, challenges) plugs in here.
 */
export interface ContractSources {
  /** Issues (`links.<name>` paths) for links that name a record that does not exist or does not fit. */
  check(links: ContractLinks, actor: Actor): Promise<ErrorIssue[]>;
  /** The fields an agreed inquiry already knows, for the "register contract" shortcut. */
  prefill(inquiryId: string, actor: Actor): Promise<ContractPrefill>;
}

/** Checks one kind of link: resolves to true when the id names an acceptable record. */
export type LinkCheck = (id: string) => Promise<boolean>;

/** Link checks per link name (a link without a check is stored as given), and the inquiry prefill. */
export function contractSources(
  checks: Partial<Record<keyof ContractLinks, LinkCheck>>,
  prefill: ContractSources['prefill'],
): ContractSources {
  return {
    prefill,
    async check(links) {
      const issues: ErrorIssue[] = [];
      for (const [name, id] of Object.entries(links) as [keyof ContractLinks, string | null][]) {
        const check = checks[name];
        if (id !== null && check && !(await check(id))) {
          issues.push({ path: `body.links.${name}`, code: 'custom', message: 'v.linkUnknown' });
        }
      }
      return issues;
    },
  };
}

/** Linked listings exist and brokers are staff. */
export function listingLinkChecks(models: {
  achievements: AchievementModel;
  needs: NeedModel;
  users: UserModel;
}): Partial<Record<keyof ContractLinks, LinkCheck>> {
  return {
    achievementId: (id) => models.achievements.exists({ _id: id }).then(Boolean),
    needId: (id) => models.needs.exists({ _id: id }).then(Boolean),
    brokerId: (id) => models.users.exists({ _id: id, role: { $in: ['staff', 'admin'] } }).then(Boolean),
  };
}
