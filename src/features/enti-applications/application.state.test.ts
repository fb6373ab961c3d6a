import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  transition,
  TransitionError,
  type ApplicationAction,
  type ApplicationActor,
  type ApplicationStatus,
  type TransitionInput,
  type TransitionProblem,
} from './application.state';

// The state machine of an application, table-driven: every allowed transition, and every refused one
// (each state × each action × each actor) with the reason it is refused.

const ACTORS: ApplicationActor[] = ['applicant', 'city'];
const NOTES = { ente: 'Manca il numero RUNTS' };
const REASON = 'L’ente non è un ente del Terzo settore';

/** The allowed transitions, written out by hand (not derived from the code under test). */
const ALLOWED: [ApplicationStatus, ApplicationAction, ApplicationActor, ApplicationStatus][] = [
  ['draft', 'submit', 'applicant', 'submitted'],
  ['changes_requested', 'resubmit', 'applicant', 'resubmitted'],
  ['submitted', 'take_review', 'city', 'under_review'],
  ['resubmitted', 'take_review', 'city', 'under_review'],
  ['under_review', 'request_changes', 'city', 'changes_requested'],
  ['under_review', 'qualify', 'city', 'qualified'],
  ['under_review', 'reject', 'city', 'rejected'],
];

const inputFor = (action: ApplicationAction) => (action === 'request_changes' ? { notes: NOTES } : action === 'reject' ? { reason: REASON } : {});

function refused(): [ApplicationStatus, ApplicationAction, ApplicationActor, TransitionProblem][] {
  const out: [ApplicationStatus, ApplicationAction, ApplicationActor, TransitionProblem][] = [];
  for (const from of APPLICATION_STATUSES) {
    for (const action of APPLICATION_ACTIONS) {
      for (const actor of ACTORS) {
        if (ALLOWED.some(([f, a, who]) => f === from && a === action && who === actor)) continue;
        // The action exists from this state but belongs to the other actor: forbidden; otherwise illegal.
        const existsHere = ALLOWED.some(([f, a]) => f === from && a === action);
        out.push([from, action, actor, existsHere ? 'forbidden' : 'illegal']);
      }
    }
  }
  return out;
}

function problemOf(fn: () => unknown): TransitionError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TransitionError) return err;
    throw err;
  }
  throw new Error('Expected a TransitionError');
}

describe('application state machine', () => {
  it('covers every state × action × actor exactly once in the two tables', () => {
    expect(ALLOWED.length + refused().length).toBe(APPLICATION_STATUSES.length * APPLICATION_ACTIONS.length * ACTORS.length);
  });

  it.each(ALLOWED)('%s --%s by %s--> %s', (from, action, actor, to) => {
    expect(transition(from, action, actor, inputFor(action))).toBe(to);
  });

  it.each(refused())('%s --%s by %s--> refused (%s)', (from, action, actor, problem) => {
    const err = problemOf(() => transition(from, action, actor, inputFor(action)));
    expect(err.problem).toBe(problem);
    expect(err.action).toBe(action);
    expect(err.from).toBe(from);
    expect(err.status).toBe(problem === 'forbidden' ? 403 : 409);
    expect(err.messageKey).toBe(`applications.transition.${problem}`);
  });

  describe('what an action needs', () => {
    it.each<TransitionInput>([{}, { notes: {} }, { notes: { ente: '' } }, { notes: { ente: '   ', sede: '\n' } }])('request_changes without a note is refused (%j)', (input) => {
      const err = problemOf(() => transition('under_review', 'request_changes', 'city', input));
      expect(err.problem).toBe('notes_required');
      expect(err.status).toBe(400);
    });

    it('request_changes with one note among blank ones is allowed', () => {
      expect(transition('under_review', 'request_changes', 'city', { notes: { ente: ' ', documenti: 'Lo statuto non è firmato' } })).toBe('changes_requested');
    });

    it.each([{}, { reason: '' }, { reason: '   ' }])('reject without a reason is refused (%j)', (input) => {
      const err = problemOf(() => transition('under_review', 'reject', 'city', input));
      expect(err.problem).toBe('reason_required');
      expect(err.status).toBe(400);
    });

    it('the state is checked before the actor and the needs', () => {
      expect(problemOf(() => transition('draft', 'reject', 'applicant')).problem).toBe('illegal');
      expect(problemOf(() => transition('under_review', 'reject', 'applicant')).problem).toBe('forbidden');
    });
  });

  it.each([
    ['draft', 'applicant', ['submit']],
    ['draft', 'city', []],
    ['submitted', 'city', ['take_review']],
    ['under_review', 'city', ['request_changes', 'qualify', 'reject']],
    ['under_review', 'applicant', []],
    ['changes_requested', 'applicant', ['resubmit']],
    ['resubmitted', 'city', ['take_review']],
    ['qualified', 'city', []],
    ['rejected', 'applicant', []],
  ] as [ApplicationStatus, ApplicationActor, ApplicationAction[]][])('actions from %s for %s', (from, actor, actions) => {
    expect(actionsFrom(from, actor)).toEqual(actions);
  });
});
