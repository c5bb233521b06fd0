import type { InquiryMessage } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import {
  lastSeq,
  mergeMessages,
  newClientId,
  resumePoint,
  settle,
  type PendingMessage,
} from './conversation.js';

const message = (seq: number, clientId = `c${seq}`): InquiryMessage => ({
  id: String(seq).padStart(24, '0'),
  inquiryId: 'a'.repeat(24),
  seq,
  clientId,
  kind: 'text',
  sender: null,
  body: `#${seq}`,
  event: null,
  attachments: [],
  createdAt: new Date(0).toISOString(),
});

const pending = (clientId: string): PendingMessage => ({
  clientId,
  body: '…',
  attachmentIds: [],
  state: 'sending',
  error: null,
  createdAt: new Date(0).toISOString(),
});

describe('conversation', () => {
  it('orders by sequence number and keeps each message once, whatever the arrival order', () => {
    const merged = mergeMessages([message(1), message(3)], [message(2), message(3), message(5), message(4)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(lastSeq(merged)).toBe(5);
    expect(lastSeq([])).toBe(0);
  });

  it('settles the pending messages the server stored, matched by client id', () => {
    expect(settle([pending('x'), pending('y')], [message(7, 'y')]).map((p) => p.clientId)).toEqual(['x']);
  });

  it('resumes after the last unbroken message, so a message missed live is asked for again', () => {
    expect(resumePoint(3, [message(1), message(2), message(3), message(4), message(6)])).toBe(4);
    expect(resumePoint(3, [message(1), message(2), message(3)])).toBe(3);
    expect(resumePoint(0, [])).toBe(0);
  });

  it('makes ids the server accepts, different each time', () => {
    const id = newClientId();
    expect(id).toMatch(/^[\w-]{8,64}$/);
    expect(newClientId()).not.toBe(id);
  });
});
