import type { Attachment } from '@techmatch/shared';
import type { FormIssue } from '../../ui/forms/use-zod-form.js';
import { amountFen, amountValid } from '../listings/listing-form.js';

/** The 揭榜 application form as its widgets hold it: the amount in 万元 text, dates possibly not chosen. */
export interface ApplicationForm {
  plan: string;
  milestones: { title: string; dueDate: string | null; deliverable: string }[];
  amount: string;
  team: { name: string; role: string; expertise: string }[];
  attachments: Attachment[];
}

export const emptyMilestone = () => ({ title: '', dueDate: null, deliverable: '' });
export const emptyMember = () => ({ name: '', role: '', expertise: '' });

export function emptyApplicationForm(): ApplicationForm {
  return { plan: '', milestones: [emptyMilestone()], amount: '', team: [emptyMember()], attachments: [] };
}

/** What the form sends, before the shared `ApplicationInputSchema` checks it; the amount goes out in fen. */
export function applicationInputFrom(form: ApplicationForm) {
  return {
    plan: form.plan,
    milestones: form.milestones,
    requestedAmountFen: amountFen(form.amount),
    team: form.team,
    attachmentIds: form.attachments.map((attachment) => attachment.id),
  };
}

/** Checks the schema cannot make on widget values: the amount is 万元 text, at most the bounty. */
export function applicationFormIssues(
  form: ApplicationForm,
  bountyFen: number,
  tooMuch: string,
): FormIssue[] {
  const invalid = amountValid('requestedAmountFen', form.amount);
  if (invalid.length) return invalid;
  const fen = amountFen(form.amount) ?? 0;
  return fen > bountyFen ? [{ path: 'requestedAmountFen', message: tooMuch }] : [];
}
