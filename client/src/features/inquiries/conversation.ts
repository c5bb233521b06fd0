import type { InquiryMessage } from '@techmatch/shared';

/** A message of this tab that the server has not acknowledged yet (or refused). */
export interface PendingMessage {
  clientId: string;
  body: string;
  attachmentIds: string[];
  state: 'sending' | 'failed';
  /** Why it failed (an error code), for the retry prompt. */
  error: string | null;
  createdAt: string;
}

/** Merges messages into a conversation: ordered by sequence number, each once however often it arrived. */
export function mergeMessages(current: InquiryMessage[], incoming: InquiryMessage[]): InquiryMessage[] {
  if (incoming.length === 0) return current;
  const bySeq = new Map(current.map((message) => [message.seq, message]));
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Pending messages, minus those the server has now stored (matched by the client's id). */
export function settle(pending: PendingMessage[], stored: InquiryMessage[]): PendingMessage[] {
  const done = new Set(stored.map((message) => message.clientId));
  return pending.filter((message) => !done.has(message.clientId));
}

/**
 * Where to resume after a reconnection. Everything up to `baseline` (the end of the last answer to a join) is
 * known complete; after it, only messages received live, which may arrive out of order. The resume point is
 * the end of the unbroken run after the baseline, so a message still missing there is asked for again.
 */
export function resumePoint(baseline: number, messages: InquiryMessage[]): number {
  const seqs = new Set(messages.map((message) => message.seq));
  let point = baseline;
  while (seqs.has(point + 1)) point += 1;
  return point;
}

/** The highest sequence number in a conversation (0 when empty). */
export function lastSeq(messages: InquiryMessage[]): number {
  return messages.at(-1)?.seq ?? 0;
}

/** A client-generated message id: random, URL-safe, and available without a secure context. */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
