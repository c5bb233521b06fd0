import type { Achievement, IpType, Maturity, TransferMode } from '@techmatch/shared';
import type { FormIssue } from '../../ui/forms/use-zod-form.js';
import {
  amountFen,
  amountText,
  amountValid,
  choicesMade,
  emptyListingForm,
  listingFormFrom,
  listingInputFrom,
  type ListingFormBase,
} from '../listings/listing-form.js';

/** The achievement form as its widgets hold it: the price as 万元 text with a 面议 switch. */
export interface AchievementForm extends ListingFormBase {
  summary: string;
  team: string;
  maturity: Maturity | '';
  ipType: IpType | '';
  patentNumbers: string[];
  transferModes: TransferMode[];
  price: string;
  negotiable: boolean;
}

export function emptyAchievementForm(): AchievementForm {
  return {
    ...emptyListingForm(),
    summary: '',
    team: '',
    maturity: '',
    ipType: '',
    patentNumbers: [],
    transferModes: [],
    price: '',
    negotiable: false,
  };
}

export function achievementFormFrom(achievement: Achievement): AchievementForm {
  return {
    ...listingFormFrom(achievement),
    summary: achievement.summary,
    team: achievement.team,
    maturity: achievement.maturity,
    ipType: achievement.ipType,
    patentNumbers: [...achievement.patentNumbers],
    transferModes: [...achievement.transferModes],
    price: amountText(achievement.askingPriceFen),
    negotiable: achievement.askingPriceFen === null,
  };
}

/** What the form sends, before the shared `AchievementInputSchema` checks it. */
export function achievementInputFrom(form: AchievementForm) {
  const { summary, team, maturity, ipType, patentNumbers, transferModes, price, negotiable, ...base } = form;
  return {
    ...listingInputFrom(base),
    summary,
    team,
    maturity,
    ipType,
    patentNumbers: patentNumbers ?? [],
    transferModes,
    askingPriceFen: amountFen(price, negotiable),
  };
}

export function achievementFormIssues(form: AchievementForm): FormIssue[] {
  return [
    ...choicesMade({ field: form.field, maturity: form.maturity, ipType: form.ipType }),
    ...amountValid('askingPriceFen', form.price, form.negotiable),
  ];
}
