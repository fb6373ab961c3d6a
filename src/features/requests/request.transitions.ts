import type { Queryable } from '../../db/database';
import { audit } from '../../lib/audit';
import { AppError, notFound } from '../../lib/http/errors';
import { transition, type EnteRequestState, type RequestActor, type RequestEvent } from './request.state';

// The one way to move an ente request: lock the row, check the move with the state machine, write the new
// state and any fields that go with it, the history event and the audit row — in the caller's transaction.

export interface EnteRequestRow {
  id: string;
  request_id: string;
  service_id: string;
  organization_id: string;
  status: EnteRequestState;
}

/** Columns a transition may set with it (offer fields, decline reason, timestamps are set here). */
export interface TransitionPatch {
  decline_reason?: string | null;
  offer_price_computed?: number | null;
  offer_price?: number | null;
  offer_period_from?: string | null;
  offer_period_to?: string | null;
  offer_time_band?: string | null;
  offer_expires_on?: string | null;
  offer_notes?: string | null;
  offer_file_id?: string | null;
}

const STAMPS: Partial<Record<RequestEvent, string>> = {
  offer: 'offered_at = now()',
  accept: 'accepted_at = now()',
  start: 'started_at = now()',
  complete: 'completed_at = now(), closed_at = now()',
  decline: 'closed_at = now()',
  withdraw: 'closed_at = now()',
  not_chosen: 'closed_at = now()',
  expire: 'closed_at = now()',
};

/** Thrown for a refused move: the error handler answers 409 with a clear message. */
export class RefusedTransition extends AppError {}

export async function moveEnteRequest(
  tx: Queryable,
  enteRequestId: string,
  event: RequestEvent,
  actor: { side: RequestActor; userId: string | null; label: string; ip?: string | null },
  opts: { patch?: TransitionPatch; note?: string | null } = {},
): Promise<{ from: EnteRequestState; to: EnteRequestState; row: EnteRequestRow }> {
  const row = await tx.maybeOne<EnteRequestRow>(
    'select id, request_id, service_id, organization_id, status from ente_request where id = $1 for update',
    [enteRequestId],
  );
  if (!row) throw notFound('Request');
  let to: EnteRequestState;
  try {
    to = transition(row.status, event, actor.side);
  } catch {
    throw new RefusedTransition('conflict', `Refused: ${event} from ${row.status}`);
  }
  const patch = opts.patch ?? {};
  const keys = Object.keys(patch) as (keyof TransitionPatch)[];
  const sets = ['status = $2', 'updated_at = now()', ...keys.map((k, i) => `${k} = $${i + 3}`)];
  // The first answer of the ente (anything but silence) is what the 3-day standard measures.
  if (actor.side === 'ente') sets.push('first_response_at = coalesce(first_response_at, now())');
  if (STAMPS[event]) sets.push(STAMPS[event]!);
  await tx.query(`update ente_request set ${sets.join(', ')} where id = $1`, [row.id, to, ...keys.map((k) => patch[k] ?? null)]);
  await tx.query(
    `insert into ente_request_event (ente_request_id, from_status, to_status, actor_id, note) values ($1, $2, $3, $4, $5)`,
    [row.id, row.status, to, actor.userId, opts.note ?? null],
  );
  await audit(tx, {
    actorId: actor.userId,
    actorLabel: actor.label,
    action: `request.${event}`,
    targetType: 'ente_request',
    targetId: row.id,
    ip: actor.ip ?? null,
    details: { from: row.status, to, ...(opts.note ? { note: opts.note } : {}) },
  });
  return { from: row.status, to, row: { ...row, status: to } };
}
