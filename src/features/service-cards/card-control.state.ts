import type { ServiceStatus } from './card.state';

// Control of a published card, as pure code (decision 0006, "Card-level control"). It moves service.status,
// the one switch of public visibility, without a revision:
//
//   published ──offline (ente)──▶ offline ──online (ente)──▶ published
//   published, offline, expired ──suspend (City)──▶ suspended
//   published, offline, expired, suspended ──withdraw (City)──▶ archived ("ritirata")
//   suspended, archived ──reactivate (City)──▶ the status before the City's hold (published, offline or expired)
//
// The City's hold wins over the ente's choice: an ente cannot bring online a card the City suspended or
// withdrew, and reactivating a card the ente had taken offline leaves it offline. A card never published
// (draft, submitted, changes_requested) is not controlled here: the City answers its revisions instead.

export const CONTROL_ACTIONS = ['suspend', 'withdraw', 'reactivate', 'offline', 'online'] as const;
export type ControlAction = (typeof CONTROL_ACTIONS)[number];

export const CITY_ACTIONS = ['suspend', 'withdraw', 'reactivate'] as const satisfies readonly ControlAction[];
export type CityControlAction = (typeof CITY_ACTIONS)[number];
export const ENTE_ACTIONS = ['offline', 'online'] as const satisfies readonly ControlAction[];
export type EnteControlAction = (typeof ENTE_ACTIONS)[number];

export type ControlSide = 'city' | 'ente';

export const ACTION_SIDE: Record<ControlAction, ControlSide> = {
  suspend: 'city',
  withdraw: 'city',
  reactivate: 'city',
  offline: 'ente',
  online: 'ente',
};

/** The City's holds: only the City lifts them. */
export const CITY_HOLDS: readonly ServiceStatus[] = ['suspended', 'archived'];
export const isCityHold = (s: ServiceStatus) => CITY_HOLDS.includes(s);

const FROM: Record<ControlAction, readonly ServiceStatus[]> = {
  suspend: ['published', 'offline', 'expired'],
  withdraw: ['published', 'offline', 'expired', 'suspended'],
  reactivate: ['suspended', 'archived'],
  offline: ['published'],
  online: ['offline'],
};

/** The statuses from which the action is allowed (for a guarded UPDATE and for the pages). */
export const controlAllowedFrom = (action: ControlAction): readonly ServiceStatus[] => FROM[action];

export const canControl = (from: ServiceStatus, action: ControlAction) => FROM[action].includes(from);

/**
 * Where reactivation leads: back to what the card was before the City's hold (`before`, null when not on
 * record), i.e. offline if the ente had taken it offline, otherwise published; a paid card whose price lists
 * do not cover today goes to 'expired' instead (the price-list job would take it out within the hour anyway).
 */
export function reactivationTarget(before: ServiceStatus | null, coveredToday: boolean): ServiceStatus {
  if (before === 'offline') return 'offline';
  return coveredToday ? 'published' : 'expired';
}

export type ControlResult = { ok: true; to: ServiceStatus } | { ok: false; reason: 'wrong_side' | 'not_allowed' };

/**
 * The status after the action by `side`, or why not. `before` and `coveredToday` matter for reactivation only;
 * putting a card back online needs its price lists to cover today (`coveredToday`), else it is not allowed.
 */
export function controlTransition(
  from: ServiceStatus,
  action: ControlAction,
  side: ControlSide,
  ctx: { before?: ServiceStatus | null; coveredToday?: boolean } = {},
): ControlResult {
  if (ACTION_SIDE[action] !== side) return { ok: false, reason: 'wrong_side' };
  if (!canControl(from, action)) return { ok: false, reason: 'not_allowed' };
  switch (action) {
    case 'suspend':
      return { ok: true, to: 'suspended' };
    case 'withdraw':
      return { ok: true, to: 'archived' };
    case 'reactivate':
      return { ok: true, to: reactivationTarget(ctx.before ?? null, ctx.coveredToday ?? true) };
    case 'offline':
      return { ok: true, to: 'offline' };
    case 'online':
      return ctx.coveredToday === false ? { ok: false, reason: 'not_allowed' } : { ok: true, to: 'published' };
  }
}

/** The City's actions a card's status allows, in the order the page offers them. */
export const cityActionsFrom = (from: ServiceStatus): CityControlAction[] => (['reactivate', 'suspend', 'withdraw'] as const).filter((a) => canControl(from, a));

/** The ente's actions a card's status allows. */
export const enteActionsFrom = (from: ServiceStatus): EnteControlAction[] => ENTE_ACTIONS.filter((a) => canControl(from, a));

/** The reason is required for the City's actions, optional for the ente's. */
export const reasonRequired = (action: ControlAction) => ACTION_SIDE[action] === 'city';
export const REASON_MAX = 1000;
