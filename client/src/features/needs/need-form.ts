import type { County, Need, NeedKind } from '@techmatch/shared';
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

/** The need form as its widgets hold it; the challenge terms are kept while the kind switch is on "general". */
export interface NeedForm extends ListingFormBase {
  description: string;
  county: County | '';
  budget: string;
  negotiable: boolean;
  deadline: string | null;
  kind: NeedKind;
  bounty: string;
  requirements: string[];
  applicationDeadline: string | null;
  visibility: 'public' | 'verified';
}

export function emptyNeedForm(): NeedForm {
  return {
    ...emptyListingForm(),
    description: '',
    county: '',
    budget: '',
    negotiable: false,
    deadline: null,
    kind: 'general',
    bounty: '',
    requirements: [''],
    applicationDeadline: null,
    visibility: 'public',
  };
}

export function needFormFrom(need: Need): NeedForm {
  const challenge = need.challenge;
  return {
    ...listingFormFrom(need),
    description: need.description,
    county: need.county,
    budget: amountText(need.budgetFen),
    negotiable: need.budgetFen === null,
    deadline: need.deadline,
    kind: need.kind,
    bounty: challenge ? amountText(challenge.bountyFen) : '',
    requirements: challenge ? [...challenge.requirements] : [''],
    applicationDeadline: challenge?.applicationDeadline ?? null,
    visibility: challenge?.visibility ?? 'public',
  };
}

/** What the form sends, before the shared `NeedInputSchema` checks it: challenge terms only for a challenge. */
export function needInputFrom(form: NeedForm) {
  const { description, county, budget, negotiable, deadline, kind, ...rest } = form;
  const { bounty, requirements, applicationDeadline, visibility, ...base } = rest;
  return {
    ...listingInputFrom(base),
    description,
    county,
    budgetFen: amountFen(budget, negotiable),
    deadline: deadline || null,
    kind,
    challenge:
      kind === 'challenge'
        ? { bountyFen: amountFen(bounty), requirements, applicationDeadline, visibility }
        : null,
  };
}

export function needFormIssues(form: NeedForm): FormIssue[] {
  const challenge = form.kind === 'challenge';
  return [
    ...choicesMade({
      field: form.field,
      county: form.county,
      ...(challenge ? { 'challenge.applicationDeadline': form.applicationDeadline } : {}),
    }),
    ...amountValid('budgetFen', form.budget, form.negotiable),
    ...(challenge ? amountValid('challenge.bountyFen', form.bounty) : []),
  ];
}
