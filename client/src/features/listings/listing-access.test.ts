import { roleHasPermission, type Role } from '@techmatch/shared';
import { describe, expect, it } from 'vitest';
import { actionsFor, type Viewer } from './listing-access.js';

const ORG = 'a'.repeat(24);
const OTHER = 'b'.repeat(24);

function viewer(role: Role, organisationId: string | null = ORG, membership = 'active' as const): Viewer {
  return {
    user: { organisationId, membership },
    can: (permission) => roleHasPermission(role, permission),
  };
}
const visitor: Viewer = { user: null, can: () => false };

describe('actionsFor', () => {
  it('offers the owner what the status allows: a draft is edited, submitted or deleted', () => {
    expect(actionsFor(viewer('researcher'), { organisationId: ORG, status: 'draft' })).toEqual([
      'edit',
      'submit',
      'delete',
    ]);
    expect(actionsFor(viewer('researcher'), { organisationId: ORG, status: 'published' })).toEqual([
      'edit',
      'close',
    ]);
    expect(actionsFor(viewer('firm'), { organisationId: ORG, status: 'closed' })).toEqual([]);
  });

  it('lets the bureau review pending listings and close any, but never edit them', () => {
    expect(actionsFor(viewer('staff', null), { organisationId: ORG, status: 'pending_review' })).toEqual([
      'review',
      'close',
    ]);
    expect(actionsFor(viewer('admin', null), { organisationId: ORG, status: 'draft' })).toEqual([]);
  });

  it('offers nothing to visitors, other organisations or members awaiting approval', () => {
    const listing = { organisationId: ORG, status: 'draft' } as const;
    expect(actionsFor(visitor, listing)).toEqual([]);
    expect(actionsFor(viewer('researcher', OTHER), listing)).toEqual([]);
    expect(actionsFor(viewer('researcher', ORG, 'pending' as 'active'), listing)).toEqual([]);
  });
});
