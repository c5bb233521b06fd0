import type { ContractInput, ContractLinks, ErrorIssue } from '@techmatch/shared';
import type { Actor } from '../../platform/auth/actor.js';
import type { UserModel } from '../accounts/user.model.js';
import type { AchievementModel } from '../achievements/achievement.model.js';
import type { NeedModel } from '../needs/need.model.js';

/**
 * Resolves the platform records a contract says it came from. The contract service asks it to check the links
 * of every draft, correction and import, and (once inquiries exist) to prefill a contract from an agreed
 * inquiry; each feature that produces deals (listings, matching, inquiries, challenges) plugs in here.
 */
export interface ContractSources {
  /** Issues (`links.<name>` paths) for links that name a record that does not exist or does not fit. */
  check(links: ContractLinks, actor: Actor): Promise<ErrorIssue[]>;
  /** The fields an agreed inquiry (or another source) already knows, for the "register contract" shortcut. */
  prefill?(source: { inquiryId: string }, actor: Actor): Promise<Partial<ContractInput> | null>;
}

/** Checks one kind of link: resolves to true when the id names an acceptable record. */
export type LinkCheck = (id: string) => Promise<boolean>;

/**
 * Link checks per link name; links without a check are stored as given (inquiries, matches and challenges
 * are checked once their modules provide a `LinkCheck`).
 */
export function contractSources(checks: Partial<Record<keyof ContractLinks, LinkCheck>>): ContractSources {
  return {
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

/** The checks this branch can make: linked listings exist and brokers are staff. */
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
