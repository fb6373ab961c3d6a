import type { Queryable } from '../../db/database';
import { OPEN_STATES } from '../requests/request.state';
import type { ServiceStatus } from './card.state';
import type { ControlAction, ControlSide } from './card-control.state';

// SQL of card-level control: the card locked for a move, its moves (service_status_change, migration 0013) and
// their reasons, the open requests that continue, and who hears of the City's decisions.

const TODAY = `(now() at time zone 'Europe/Rome')::date`;

export interface ControlCard {
  id: string;
  slug: string;
  name: string;
  status: ServiceStatus;
  organization_id: string;
  org_name: string;
  org_status: string;
  offer_type: string;
  /** Free, or a paid card with a price list valid today (Milan calendar day). */
  covered_today: boolean;
}

const CONTROL_SELECT = `
  select s.id, s.slug, s.name, s.status, s.organization_id, o.name as org_name, o.status as org_status, s.offer_type,
         (s.offer_type <> 'paid' or exists (select 1 from price_list pl where pl.service_id = s.id
            and pl.valid_from <= ${TODAY} and (pl.valid_to is null or pl.valid_to >= ${TODAY}))) as covered_today
    from service s join organization o on o.id = s.organization_id`;

/** The card, locked for a control move (two moves of one card queue up). */
export async function lockControlCard(tx: Queryable, serviceId: string): Promise<ControlCard | undefined> {
  await tx.query(`select id from service where id = $1 for update`, [serviceId]);
  return tx.maybeOne<ControlCard>(`${CONTROL_SELECT} where s.id = $1`, [serviceId]);
}

export async function findControlCard(q: Queryable, serviceId: string): Promise<ControlCard | undefined> {
  return q.maybeOne<ControlCard>(`${CONTROL_SELECT} where s.id = $1`, [serviceId]);
}

/** The status the card had before the City's current hold (null when not on record, e.g. demo data). */
export async function statusBeforeHold(q: Queryable, serviceId: string): Promise<ServiceStatus | null> {
  const row = await q.maybeOne<{ from_status: ServiceStatus }>(
    `select from_status from service_status_change
      where service_id = $1 and action in ('suspend', 'withdraw') and from_status not in ('suspended', 'archived')
      order by id desc limit 1`,
    [serviceId],
  );
  return row?.from_status ?? null;
}

/** Moves the card from `from` to `to`; false when its status is no longer `from`. */
export async function setCardStatus(tx: Queryable, serviceId: string, from: ServiceStatus, to: ServiceStatus): Promise<boolean> {
  const rows = await tx.query(`update service set status = $3, updated_at = now() where id = $1 and status = $2 returning id`, [serviceId, from, to]);
  return rows.length === 1;
}

export async function recordChange(
  tx: Queryable,
  change: { serviceId: string; action: ControlAction; side: ControlSide; from: ServiceStatus; to: ServiceStatus; reason: string | null; actorId: string },
): Promise<void> {
  await tx.query(
    `insert into service_status_change (service_id, action, side, from_status, to_status, reason, actor_id) values ($1, $2, $3, $4, $5, $6, $7)`,
    [change.serviceId, change.action, change.side, change.from, change.to, change.reason, change.actorId],
  );
}

export interface ChangeRow {
  id: string;
  service_id: string;
  action: ControlAction;
  side: ControlSide;
  from_status: ServiceStatus;
  to_status: ServiceStatus;
  reason: string | null;
  at: Date;
  actor_name: string | null;
}

const CHANGE_SELECT = `
  select c.id::text as id, c.service_id, c.action, c.side, c.from_status, c.to_status, c.reason, c.at,
         nullif(trim(coalesce(u.given_name, '') || ' ' || coalesce(u.family_name, '')), '') as actor_name
    from service_status_change c left join app_user u on u.id = c.actor_id`;

/** The card's control moves, newest first. */
export async function changesOf(q: Queryable, serviceId: string, limit = 50): Promise<ChangeRow[]> {
  return q.query<ChangeRow>(`${CHANGE_SELECT} where c.service_id = $1 order by c.id desc limit $2`, [serviceId, limit]);
}

/**
 * The move that put each card of the ente in its current status, for cards out of the catalogue by control
 * (suspended, withdrawn, offline): the ente's list shows the state and the City's reason.
 */
export async function currentChangesOfEnte(q: Queryable, enteId: string): Promise<Map<string, ChangeRow>> {
  const rows = await q.query<ChangeRow>(
    `select distinct on (c.service_id) c.id::text as id, c.service_id, c.action, c.side, c.from_status, c.to_status, c.reason, c.at,
            nullif(trim(coalesce(u.given_name, '') || ' ' || coalesce(u.family_name, '')), '') as actor_name
       from service s
       join service_status_change c on c.service_id = s.id and c.to_status = s.status
       left join app_user u on u.id = c.actor_id
      where s.organization_id = $1 and s.status in ('suspended', 'archived', 'offline')
      order by c.service_id, c.id desc`,
    [enteId],
  );
  return new Map(rows.map((r) => [r.service_id, r]));
}

/** The move that put the card in its current status (undefined when not on record). */
export async function currentChangeOf(q: Queryable, serviceId: string): Promise<ChangeRow | undefined> {
  return q.maybeOne<ChangeRow>(
    `${CHANGE_SELECT} join service s on s.id = c.service_id and s.status = c.to_status where c.service_id = $1 order by c.id desc limit 1`,
    [serviceId],
  );
}

/** Open requests citizens sent to the card (they continue whatever the card's status). */
export async function openRequestsOf(q: Queryable, serviceId: string): Promise<number> {
  const row = await q.one<{ n: number }>(`select count(*)::int as n from ente_request where service_id = $1 and status = any($2::text[])`, [serviceId, OPEN_STATES]);
  return row.n;
}

/** E-mail addresses of the people who act for the ente (administrators and operators; roles valid now, active accounts). */
export async function enteStaffEmails(q: Queryable, enteId: string): Promise<string[]> {
  const rows = await q.query<{ email: string }>(
    `select distinct u.email from user_role ur join app_user u on u.id = ur.user_id
      where ur.role in ('ente_admin', 'ente_operator') and ur.organization_id = $1
        and ur.revoked_at is null and ur.valid_from <= now() and (ur.valid_to is null or ur.valid_to > now())
        and u.status = 'active' and u.email is not null
      order by u.email`,
    [enteId],
  );
  return rows.map((r) => r.email);
}
