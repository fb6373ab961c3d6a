import { describe, expect, it } from 'vitest';
import { allowedEvents, EVENT_ACTOR, isEditable, isOpen, REVISION_EVENTS, REVISION_STATES, serviceStatusAfter, transition, type RevisionEvent, type RevisionState, type ServiceStatus } from './card.state';

// Every (state, event) pair: the allowed ones lead where the table says; every other one is refused, and an
// event caused by the wrong side (the ente approving, the City submitting) is refused whatever the state.

const ALLOWED: [RevisionState, RevisionEvent, RevisionState][] = [
  ['draft', 'edit', 'draft'],
  ['draft', 'submit', 'submitted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'approve', 'approved'],
  ['submitted', 'request_changes', 'changes_requested'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['changes_requested', 'edit', 'draft'],
  ['changes_requested', 'submit', 'submitted'],
  ['changes_requested', 'withdraw', 'withdrawn'],
];

const allowed = (s: RevisionState, e: RevisionEvent) => ALLOWED.find(([a, b]) => a === s && b === e);
const REFUSED: [RevisionState, RevisionEvent][] = REVISION_STATES.flatMap((s) => REVISION_EVENTS.filter((e) => !allowed(s, e)).map((e) => [s, e] as [RevisionState, RevisionEvent]));

describe('revision state machine', () => {
  it('lists 25 pairs: 9 allowed, 16 refused', () => {
    expect(ALLOWED).toHaveLength(9);
    expect(REFUSED).toHaveLength(16);
  });

  it.each(ALLOWED)('%s --%s--> %s', (from, event, to) => {
    expect(transition(from, event, EVENT_ACTOR[event])).toEqual({ ok: true, to });
  });

  it.each(REFUSED)('%s refuses %s', (from, event) => {
    expect(transition(from, event, EVENT_ACTOR[event])).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it.each(REVISION_STATES.flatMap((s) => REVISION_EVENTS.map((e) => [s, e] as const)))('%s refuses %s by the wrong side', (from, event) => {
    const wrong = EVENT_ACTOR[event] === 'ente' ? 'city' : 'ente';
    expect(transition(from, event, wrong)).toEqual({ ok: false, reason: 'wrong_actor' });
  });

  it('the ente edits, submits and withdraws; the City approves and sends back', () => {
    expect(EVENT_ACTOR).toEqual({ edit: 'ente', submit: 'ente', withdraw: 'ente', approve: 'city', request_changes: 'city' });
  });

  it('names the open and editable states and the events each state allows', () => {
    expect(REVISION_STATES.filter(isOpen)).toEqual(['draft', 'submitted', 'changes_requested']);
    expect(REVISION_STATES.filter(isEditable)).toEqual(['draft', 'changes_requested']);
    expect(allowedEvents('submitted')).toEqual(['approve', 'request_changes', 'withdraw']);
    expect(allowedEvents('approved')).toEqual([]);
    expect(allowedEvents('withdrawn')).toEqual([]);
  });

  it.each([
    ['draft', 'submitted', 'submitted'],
    ['submitted', 'changes_requested', 'changes_requested'],
    ['changes_requested', 'draft', 'draft'],
    ['submitted', 'withdrawn', 'draft'],
    ['submitted', 'approved', 'published'],
    ['published', 'submitted', 'published'],
    ['published', 'withdrawn', 'published'],
    ['published', 'approved', 'published'],
    ['expired', 'approved', 'published'],
    ['suspended', 'approved', 'suspended'],
    ['archived', 'approved', 'archived'],
    ['offline', 'approved', 'offline'],
    ['suspended', 'submitted', 'suspended'],
  ] as [ServiceStatus, RevisionState, ServiceStatus][])('a card %s whose revision becomes %s is %s', (current, revision, expected) => {
    expect(serviceStatusAfter(current, revision)).toBe(expected);
  });
});
