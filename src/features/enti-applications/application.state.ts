import type { MessageKey } from '../../i18n/catalogue';

// The life of an application to join WeMi, as pure code (no database, no HTTP): which transitions exist,
// who may make each one and what each one needs. Every use case asks `transition()` before changing a row,
// and the row is changed only to the status it returns; an illegal request throws a TransitionError that the
// routes turn into a page with a clear message (409 for a wrong state, 403 for a wrong actor, 400 for a
// missing note or reason).
//
//   draft ─submit→ submitted ─take_review→ under_review ─qualify→ qualified
//                                           │  ▲      └─reject→ rejected
//                          request_changes ▼  │ take_review
//                           changes_requested ─resubmit→ resubmitted

export const APPLICATION_STATUSES = ['draft', 'submitted', 'under_review', 'changes_requested', 'resubmitted', 'qualified', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = ['submit', 'resubmit', 'take_review', 'request_changes', 'qualify', 'reject'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** Who acts: the person who applies (legal representative or delegate) or the City's enti team ('city:enti'). */
export type ApplicationActor = 'applicant' | 'city';

interface TransitionRule {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  by: ApplicationActor;
  /** What the action needs besides the right state and actor. */
  needs?: 'notes' | 'reason';
}

export const TRANSITIONS: Record<ApplicationAction, TransitionRule> = {
  submit: { from: ['draft'], to: 'submitted', by: 'applicant' },
  resubmit: { from: ['changes_requested'], to: 'resubmitted', by: 'applicant' },
  take_review: { from: ['submitted', 'resubmitted'], to: 'under_review', by: 'city' },
  request_changes: { from: ['under_review'], to: 'changes_requested', by: 'city', needs: 'notes' },
  qualify: { from: ['under_review'], to: 'qualified', by: 'city' },
  reject: { from: ['under_review'], to: 'rejected', by: 'city', needs: 'reason' },
};

/** The applicant may change the form (and its documents) only in these states. */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = ['draft', 'changes_requested'];
/** The City has the application in hand: the 30-day standard runs. */
export const WITH_CITY_STATUSES: readonly ApplicationStatus[] = ['submitted', 'under_review', 'resubmitted'];
/** No transition leaves these. */
export const FINAL_STATUSES: readonly ApplicationStatus[] = ['qualified', 'rejected'];

export const isEditable = (s: ApplicationStatus) => EDITABLE_STATUSES.includes(s);
export const isWithCity = (s: ApplicationStatus) => WITH_CITY_STATUSES.includes(s);
export const isFinal = (s: ApplicationStatus) => FINAL_STATUSES.includes(s);
export const isApplicationStatus = (s: unknown): s is ApplicationStatus => typeof s === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(s);

export type TransitionProblem = 'illegal' | 'forbidden' | 'notes_required' | 'reason_required';

const PROBLEM_STATUS: Record<TransitionProblem, 400 | 403 | 409> = { illegal: 409, forbidden: 403, notes_required: 400, reason_required: 400 };

/** Why a transition was refused; `status` is the HTTP status of the page that says so. */
export class TransitionError extends Error {
  readonly status: 400 | 403 | 409;
  constructor(
    readonly problem: TransitionProblem,
    readonly action: ApplicationAction,
    readonly from: ApplicationStatus,
  ) {
    super(`Transition '${action}' refused from '${from}': ${problem}`);
    this.name = 'TransitionError';
    this.status = PROBLEM_STATUS[problem];
  }

  /** The message for people (Italian first), with the action and the current state as parameters. */
  get messageKey(): MessageKey {
    return `applications.transition.${this.problem}` as MessageKey;
  }
}

export interface TransitionInput {
  /** City notes per section (request_changes): at least one not blank. */
  notes?: Readonly<Record<string, string>> | undefined;
  /** Reason of a rejection: not blank. */
  reason?: string | undefined;
}

/**
 * The status an action leads to, or a TransitionError. The state is checked first (an action that does not
 * exist from here is illegal whoever asks), then the actor, then what the action needs.
 */
export function transition(from: ApplicationStatus, action: ApplicationAction, actor: ApplicationActor, input: TransitionInput = {}): ApplicationStatus {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) throw new TransitionError('illegal', action, from);
  if (rule.by !== actor) throw new TransitionError('forbidden', action, from);
  if (rule.needs === 'notes' && !Object.values(input.notes ?? {}).some((n) => n.trim() !== '')) throw new TransitionError('notes_required', action, from);
  if (rule.needs === 'reason' && !(input.reason ?? '').trim()) throw new TransitionError('reason_required', action, from);
  return rule.to;
}

/** The applicant tried to change an application that is not a draft nor sent back for changes. */
export class NotEditableError extends Error {
  readonly status = 409 as const;
  readonly messageKey: MessageKey = 'applications.transition.notEditable';
  constructor(readonly from: ApplicationStatus) {
    super(`Application not editable in status '${from}'`);
    this.name = 'NotEditableError';
  }
}

/** Refuses a change of the form outside the editable states. */
export function assertEditable(from: ApplicationStatus): void {
  if (!isEditable(from)) throw new NotEditableError(from);
}

/** The actions an actor may take from a state (to show only the buttons that work). */
export function actionsFrom(from: ApplicationStatus, actor: ApplicationActor): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter((a) => TRANSITIONS[a].by === actor && TRANSITIONS[a].from.includes(from));
}
