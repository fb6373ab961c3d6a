// The states of one ente's copy of a request, and who may move it. Pure code: the use cases call
// `transition` and store what it returns; a refused move throws and changes nothing.
//
//   sent ─take→ taken ─offer→ offered ─accept→ accepted ─start→ in_progress ─complete→ completed
//    │            │              │ (re-offer)     │
//    └─ decline / withdraw / expire (any open state) ; not_chosen when the citizen accepts another ente's offer

export const ENTE_REQUEST_STATES = [
  'sent', 'taken', 'offered', 'accepted', 'in_progress', 'completed',
  'declined', 'withdrawn', 'not_chosen', 'expired',
] as const;
export type EnteRequestState = (typeof ENTE_REQUEST_STATES)[number];

export type RequestEvent =
  | 'take' // the ente takes the request in charge
  | 'offer' // the ente makes (or updates) an offer
  | 'decline' // the ente declines, with a reason
  | 'accept' // the citizen accepts this ente's offer
  | 'not_chosen' // automatic: the citizen accepted another ente's offer
  | 'withdraw' // the citizen withdraws the request
  | 'start' // the ente starts the service
  | 'complete' // the ente marks it completed
  | 'expire'; // scheduled job: offer deadline passed or requested period over

export type RequestActor = 'citizen' | 'ente' | 'system';

/** Open states: the request can still change. */
export const OPEN_STATES: readonly EnteRequestState[] = ['sent', 'taken', 'offered', 'accepted', 'in_progress'];
export const isOpen = (s: EnteRequestState) => OPEN_STATES.includes(s);

const RULES: Record<RequestEvent, { actor: RequestActor; from: readonly EnteRequestState[]; to: EnteRequestState }> = {
  take: { actor: 'ente', from: ['sent'], to: 'taken' },
  offer: { actor: 'ente', from: ['sent', 'taken', 'offered'], to: 'offered' },
  decline: { actor: 'ente', from: ['sent', 'taken', 'offered'], to: 'declined' },
  accept: { actor: 'citizen', from: ['offered'], to: 'accepted' },
  not_chosen: { actor: 'system', from: ['sent', 'taken', 'offered'], to: 'not_chosen' },
  withdraw: { actor: 'citizen', from: ['sent', 'taken', 'offered', 'accepted'], to: 'withdrawn' },
  start: { actor: 'ente', from: ['accepted'], to: 'in_progress' },
  complete: { actor: 'ente', from: ['in_progress'], to: 'completed' },
  expire: { actor: 'system', from: ['sent', 'taken', 'offered'], to: 'expired' },
};

export class RequestTransitionError extends Error {
  constructor(
    readonly from: EnteRequestState,
    readonly event: RequestEvent,
    readonly actor: RequestActor,
    readonly reason: 'wrong_state' | 'wrong_actor',
  ) {
    super(`Refused: ${actor} cannot ${event} a request in state ${from} (${reason})`);
  }
}

/** The state after `event`, or throws RequestTransitionError. */
export function transition(from: EnteRequestState, event: RequestEvent, actor: RequestActor): EnteRequestState {
  const rule = RULES[event];
  if (rule.actor !== actor) throw new RequestTransitionError(from, event, actor, 'wrong_actor');
  if (!rule.from.includes(from)) throw new RequestTransitionError(from, event, actor, 'wrong_state');
  return rule.to;
}

/** Whether the move is allowed (for showing or hiding buttons). */
export function can(from: EnteRequestState, event: RequestEvent, actor: RequestActor): boolean {
  const rule = RULES[event];
  return rule.actor === actor && rule.from.includes(from);
}

export const RULE_TABLE = RULES;
