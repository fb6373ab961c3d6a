import { describe, expect, it } from 'vitest';
import { catalogue } from '../../i18n/catalogue';
import type { ServiceStatus } from './card.state';
import { CITY_ACTIONS, cityActionsFrom, CONTROL_ACTIONS, ENTE_ACTIONS, controlTransition, enteActionsFrom, reactivationTarget, type ControlAction } from './card-control.state';

// Every control move from every card status, by both sides: what is allowed, what is refused and why.

const STATUSES: ServiceStatus[] = ['draft', 'submitted', 'changes_requested', 'published', 'suspended', 'archived', 'expired', 'offline'];

const ALLOWED: Record<ControlAction, Partial<Record<ServiceStatus, ServiceStatus>>> = {
  suspend: { published: 'suspended', offline: 'suspended', expired: 'suspended' },
  withdraw: { published: 'archived', offline: 'archived', expired: 'archived', suspended: 'archived' },
  reactivate: { suspended: 'published', archived: 'published' },
  offline: { published: 'offline' },
  online: { offline: 'published' },
};
const SIDE: Record<ControlAction, 'city' | 'ente'> = { suspend: 'city', withdraw: 'city', reactivate: 'city', offline: 'ente', online: 'ente' };

describe('card control: the state machine', () => {
  for (const action of CONTROL_ACTIONS) {
    for (const from of STATUSES) {
      const to = ALLOWED[action][from];
      it(`${action} from ${from}: ${to ?? 'refused'}`, () => {
        expect(controlTransition(from, action, SIDE[action])).toEqual(to ? { ok: true, to } : { ok: false, reason: 'not_allowed' });
        // The other side may never make this move.
        expect(controlTransition(from, action, SIDE[action] === 'city' ? 'ente' : 'city')).toEqual({ ok: false, reason: 'wrong_side' });
      });
    }
  }

  it('reactivation returns the card to what it was before the City’s hold', () => {
    expect(reactivationTarget('offline', true)).toBe('offline');
    expect(reactivationTarget('offline', false)).toBe('offline');
    expect(reactivationTarget('published', true)).toBe('published');
    expect(reactivationTarget('expired', true)).toBe('published');
    expect(reactivationTarget('published', false)).toBe('expired');
    expect(reactivationTarget(null, true)).toBe('published');
    expect(controlTransition('suspended', 'reactivate', 'city', { before: 'offline', coveredToday: true })).toEqual({ ok: true, to: 'offline' });
    expect(controlTransition('archived', 'reactivate', 'city', { before: 'published', coveredToday: false })).toEqual({ ok: true, to: 'expired' });
  });

  it('an ente cannot put online a paid card whose price lists do not cover today', () => {
    expect(controlTransition('offline', 'online', 'ente', { coveredToday: false })).toEqual({ ok: false, reason: 'not_allowed' });
  });

  it('offers each side only the moves the status allows', () => {
    expect(cityActionsFrom('published')).toEqual(['suspend', 'withdraw']);
    expect(cityActionsFrom('suspended')).toEqual(['reactivate', 'withdraw']);
    expect(cityActionsFrom('archived')).toEqual(['reactivate']);
    expect(cityActionsFrom('draft')).toEqual([]);
    expect(enteActionsFrom('published')).toEqual(['offline']);
    expect(enteActionsFrom('offline')).toEqual(['online']);
    expect(enteActionsFrom('suspended')).toEqual([]);
    expect(enteActionsFrom('archived')).toEqual([]);
  });
});

describe('card control: messages', () => {
  it('has a message for every state, action and notice the pages and e-mails name dynamically', () => {
    const keys = [
      ...STATUSES.map((s) => `cards.serviceStatus.${s}`),
      ...CONTROL_ACTIONS.map((a) => `cardControl.action.${a}`),
      ...CITY_ACTIONS.flatMap((a) => [`cardControl.city.button.${a}`, `cardControl.city.verb.${a}`, `cardControl.city.${a}.title`, `cardControl.city.${a}.lead`, `cardControl.city.${a}.submit`, `cardControl.mail.${a}.subject`, `cardControl.mail.${a}.body`]),
      ...['suspend', 'withdraw'].map((a) => `cardControl.mail.${a}.next`),
      ...['published', 'offline', 'expired'].map((s) => `cardControl.mail.reactivate.to.${s}`),
      ...ENTE_ACTIONS.flatMap((a) => [`cardControl.ente.button.${a}`, `cardControl.ente.${a}.title`, `cardControl.ente.${a}.lead`, `cardControl.ente.${a}.submit`, `cardControl.ente.notAllowed.${a}`, `cards.notice.${a}`]),
      ...['sospesa', 'ritirata', 'riattivata'].map((n) => `cardControl.city.notice.${n}`),
      ...['city', 'ente'].map((s) => `cardControl.side.${s}`),
      'catalogueAdmin.cardStatus.offline',
    ];
    for (const locale of ['it', 'en'] as const) {
      const missing = keys.filter((k) => !(k in catalogue[locale]));
      expect(missing, locale).toEqual([]);
    }
  });
});
