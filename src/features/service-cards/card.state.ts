// The life of a service-card revision, as pure code.
//
//   draft ──submit──► submitted ──approve──► approved
//     ▲                  │
//     │ edit             └──request_changes──► changes_requested ──submit──► submitted
//     └──────────────────────────────────────────────┘ (edit: the ente works on it again)
//   draft, submitted, changes_requested ──withdraw──► withdrawn (by the ente)
//
// The ente edits, submits and withdraws; the City approves or sends back. Approved and withdrawn are final; a
// new change to the card starts a new revision. At most one revision per card is open (draft, submitted or
// changes_requested), which the database also enforces (service_revision_open_idx).

export const REVISION_STATES = ['draft', 'submitted', 'changes_requested', 'approved', 'withdrawn'] as const;
export type RevisionState = (typeof REVISION_STATES)[number];

export const REVISION_EVENTS = ['edit', 'submit', 'approve', 'request_changes', 'withdraw'] as const;
export type RevisionEvent = (typeof REVISION_EVENTS)[number];

export type RevisionActor = 'ente' | 'city';

/** Who may cause each event. */
export const EVENT_ACTOR: Record<RevisionEvent, RevisionActor> = {
  edit: 'ente',
  submit: 'ente',
  withdraw: 'ente',
  approve: 'city',
  request_changes: 'city',
};

const TRANSITIONS: Record<RevisionState, Partial<Record<RevisionEvent, RevisionState>>> = {
  draft: { edit: 'draft', submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { approve: 'approved', request_changes: 'changes_requested', withdraw: 'withdrawn' },
  changes_requested: { edit: 'draft', submit: 'submitted', withdraw: 'withdrawn' },
  approved: {},
  withdrawn: {},
};

export const OPEN_STATES: readonly RevisionState[] = ['draft', 'submitted', 'changes_requested'];
export const isOpen = (s: RevisionState) => OPEN_STATES.includes(s);
/** The ente can change the content (the City is not looking at it). */
export const isEditable = (s: RevisionState) => s === 'draft' || s === 'changes_requested';

export type TransitionResult = { ok: true; to: RevisionState } | { ok: false; reason: 'not_allowed' | 'wrong_actor' };

export function transition(from: RevisionState, event: RevisionEvent, actor: RevisionActor): TransitionResult {
  if (EVENT_ACTOR[event] !== actor) return { ok: false, reason: 'wrong_actor' };
  const to = TRANSITIONS[from][event];
  return to ? { ok: true, to } : { ok: false, reason: 'not_allowed' };
}

/** Events the state allows (for the buttons a page offers). */
export const allowedEvents = (from: RevisionState): RevisionEvent[] => REVISION_EVENTS.filter((e) => TRANSITIONS[from][e] !== undefined);

// The card's own status (service.status) follows its first revisions until it is published: a card that was
// never online shows 'draft', 'submitted' or 'changes_requested'; once approved it is 'published' (a card the City
// suspended or archived keeps that status, and so does a card its ente took offline: approving a change does not
// bring it back online; card-control.state.ts moves those).

export type ServiceStatus = 'draft' | 'submitted' | 'changes_requested' | 'published' | 'suspended' | 'archived' | 'expired' | 'offline';
const NEVER_PUBLISHED: readonly string[] = ['draft', 'submitted', 'changes_requested'];

export function serviceStatusAfter(current: ServiceStatus, revision: RevisionState): ServiceStatus {
  if (revision === 'approved') return current === 'suspended' || current === 'archived' || current === 'offline' ? current : 'published';
  if (!NEVER_PUBLISHED.includes(current)) return current;
  if (revision === 'submitted' || revision === 'changes_requested') return revision;
  return 'draft';
}
