import { describe, expect, it } from 'vitest';
import { inquiryOffer, type InquiryViewer } from './inquiry-access.js';

const viewer = (role: 'firm' | 'researcher' | 'staff', verified = true): InquiryViewer => ({
  user: { role, organisationId: 'o'.repeat(24), membership: 'active' },
  organisationVerified: verified,
});
const achievement = { type: 'achievement' as const, organisationId: 'a'.repeat(24) };
const need = { type: 'need' as const, organisationId: 'a'.repeat(24) };

describe('who is offered to open an inquiry', () => {
  it('offers firms achievements and researchers needs, and asks visitors to sign in', () => {
    expect(inquiryOffer(viewer('firm'), achievement)).toBe('open');
    expect(inquiryOffer(viewer('researcher'), need)).toBe('open');
    expect(inquiryOffer(viewer('firm'), need)).toBe('none');
    expect(inquiryOffer(viewer('staff'), achievement)).toBe('none');
    expect(inquiryOffer({ user: null, organisationVerified: false }, need)).toBe('signIn');
  });

  it('offers nothing on the viewer’s own listing, and waits for the organisation’s verification', () => {
    expect(inquiryOffer(viewer('firm'), { ...achievement, organisationId: 'o'.repeat(24) })).toBe('none');
    expect(inquiryOffer(viewer('firm', false), achievement)).toBe('verifyFirst');
    expect(inquiryOffer(viewer('firm'), { type: 'achievement' })).toBe('open');
  });
});
