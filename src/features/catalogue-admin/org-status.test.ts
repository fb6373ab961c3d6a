import { describe, expect, it } from 'vitest';
import { adminActionsFrom, allowedFrom, isFinal, isOrgStatus, nextOrgStatus, ORG_ACTIONS, ORG_STATUSES, type OrgAction, type OrgStatus } from './org-status';

// The ente status machine: every (status, action) pair, allowed or refused.

const EXPECTED: Record<OrgStatus, Partial<Record<OrgAction, OrgStatus>>> = {
  draft: { qualify: 'active' },
  active: { suspend: 'suspended', revoke: 'revoked' },
  suspended: { reactivate: 'active', revoke: 'revoked' },
  revoked: {},
};

describe('organization status machine', () => {
  for (const from of ORG_STATUSES) {
    for (const action of ORG_ACTIONS) {
      const to = EXPECTED[from][action] ?? null;
      it(`${from} --${action}--> ${to ?? 'refused'}`, () => {
        expect(nextOrgStatus(from, action)).toBe(to);
        expect(allowedFrom(action).includes(from)).toBe(to !== null);
      });
    }
  }

  it('offers the administration actions each status allows, never qualification', () => {
    expect(adminActionsFrom('active')).toEqual(['suspend', 'revoke']);
    expect(adminActionsFrom('suspended')).toEqual(['reactivate', 'revoke']);
    expect(adminActionsFrom('revoked')).toEqual([]);
    expect(adminActionsFrom('draft')).toEqual([]);
  });

  it('revoked is the only final status; a suspended ente can come back', () => {
    expect(ORG_STATUSES.filter(isFinal)).toEqual(['revoked']);
    expect(nextOrgStatus(nextOrgStatus('active', 'suspend')!, 'reactivate')).toBe('active');
  });

  it('recognises the statuses', () => {
    expect(isOrgStatus('active')).toBe(true);
    expect(isOrgStatus('deleted')).toBe(false);
    expect(isOrgStatus(undefined)).toBe(false);
  });
});
