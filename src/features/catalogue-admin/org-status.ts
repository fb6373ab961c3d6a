// The life of an ente (organization.status), as a small pure state machine. Only 'active' enti are public
// (the public_service view, the search, /enti, HSDS all read the status); the other states keep the data.
//
//   draft ──qualify──▶ active ──suspend──▶ suspended
//                        ▲  │                 │  │
//                        │  └────revoke──┐    │  │
//                        └──reactivate───┼────┘  │
//                                        ▼       │
//                                     revoked ◀──┘ revoke
//
// 'qualify' belongs to the applications feature (the City qualifies an application); suspend, revoke and
// reactivate belong to the catalogue administration. 'revoked' is final.

export const ORG_STATUSES = ['active', 'suspended', 'revoked', 'draft'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

export const ORG_ACTIONS = ['qualify', 'suspend', 'revoke', 'reactivate'] as const;
export type OrgAction = (typeof ORG_ACTIONS)[number];

/** The actions the catalogue administration offers on an ente (qualification is the applications' job). */
export const ADMIN_ORG_ACTIONS = ['suspend', 'revoke', 'reactivate'] as const satisfies readonly OrgAction[];
export type AdminOrgAction = (typeof ADMIN_ORG_ACTIONS)[number];

const TRANSITIONS: Record<OrgAction, { from: readonly OrgStatus[]; to: OrgStatus }> = {
  qualify: { from: ['draft'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
  reactivate: { from: ['suspended'], to: 'active' },
};

export const isOrgStatus = (s: unknown): s is OrgStatus => typeof s === 'string' && (ORG_STATUSES as readonly string[]).includes(s);

/** The status after the action, or null when the action is not allowed from that status. */
export function nextOrgStatus(from: OrgStatus, action: OrgAction): OrgStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

/** The statuses from which the action is allowed (for a guarded UPDATE … WHERE status = any(…)). */
export const allowedFrom = (action: OrgAction): readonly OrgStatus[] => TRANSITIONS[action].from;

/** The administration actions allowed from a status, in the order the page offers them. */
export function adminActionsFrom(from: OrgStatus): AdminOrgAction[] {
  const order: AdminOrgAction[] = ['reactivate', 'suspend', 'revoke'];
  return order.filter((a) => nextOrgStatus(from, a) !== null);
}

/** A final status: nothing leads out of it. */
export const isFinal = (s: OrgStatus) => ORG_ACTIONS.every((a) => nextOrgStatus(s, a) === null);
