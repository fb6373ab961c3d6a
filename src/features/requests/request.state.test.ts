import { describe, expect, it } from 'vitest';
import { can, ENTE_REQUEST_STATES, RULE_TABLE, RequestTransitionError, transition, type RequestActor, type RequestEvent } from './request.state';

// Every state × event × actor: the allowed moves give their target, every other combination is refused.
const ACTORS: RequestActor[] = ['citizen', 'ente', 'system'];
const EVENTS = Object.keys(RULE_TABLE) as RequestEvent[];

const ALLOWED: [string, RequestEvent, string][] = [
  ['sent', 'take', 'taken'],
  ['sent', 'offer', 'offered'], ['taken', 'offer', 'offered'], ['offered', 'offer', 'offered'],
  ['sent', 'decline', 'declined'], ['taken', 'decline', 'declined'], ['offered', 'decline', 'declined'],
  ['offered', 'accept', 'accepted'],
  ['sent', 'not_chosen', 'not_chosen'], ['taken', 'not_chosen', 'not_chosen'], ['offered', 'not_chosen', 'not_chosen'],
  ['sent', 'withdraw', 'withdrawn'], ['taken', 'withdraw', 'withdrawn'], ['offered', 'withdraw', 'withdrawn'], ['accepted', 'withdraw', 'withdrawn'],
  ['accepted', 'start', 'in_progress'],
  ['in_progress', 'complete', 'completed'],
  ['sent', 'expire', 'expired'], ['taken', 'expire', 'expired'], ['offered', 'expire', 'expired'],
];

describe('ente request state machine', () => {
  for (const [from, event, to] of ALLOWED) {
    it(`${from} --${event}--> ${to}`, () => {
      expect(transition(from as never, event, RULE_TABLE[event].actor)).toBe(to);
    });
  }

  it('refuses every other state × event × actor combination', () => {
    let refused = 0;
    for (const from of ENTE_REQUEST_STATES) {
      for (const event of EVENTS) {
        for (const actor of ACTORS) {
          const allowed = ALLOWED.some(([f, e]) => f === from && e === event) && RULE_TABLE[event].actor === actor;
          expect(can(from, event, actor), `${actor} ${event} from ${from}`).toBe(allowed);
          if (!allowed) {
            expect(() => transition(from, event, actor)).toThrow(RequestTransitionError);
            refused++;
          }
        }
      }
    }
    expect(refused).toBe(ENTE_REQUEST_STATES.length * EVENTS.length * ACTORS.length - ALLOWED.length);
  });

  it('says why a move is refused', () => {
    expect(() => transition('sent', 'accept', 'ente')).toThrow(/wrong_actor/);
    expect(() => transition('completed', 'decline', 'ente')).toThrow(/wrong_state/);
  });
});
