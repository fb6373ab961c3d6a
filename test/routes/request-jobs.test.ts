import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/database';
import { createRequestJobs, EXPIRY_JOB, REMINDER_JOB } from '../../src/features/conversations/conversations.jobs';

const requestJobs = createRequestJobs({ baseUrl: 'http://localhost:3000' });
import { makeDue, registerJobs, runDueJobs } from '../../src/lib/jobs';
import { createTestDb } from '../support/app';
import { createTestUser, type TestUser } from '../support/accounts';

// Scheduled jobs of requests: offers and requests expire only when 'requests.expiry' runs; enti are reminded
// once, 48 hours after a request with no answer; each job runs once across two nodes and keeps its schedule
// across restarts.

const TODAY = `(now() at time zone 'Europe/Rome')::date`;

describe('request jobs', () => {
  let db: Db;
  let second: Db;
  let close: () => Promise<void>;
  let citizen: TestUser;
  let admin: TestUser;
  let operator: TestUser;
  let org: string;
  let card: { id: string; organization_id: string; service_type_id: string };
  let n = 0;

  /** A sent request with one ente request; SQL expressions for the period end, state and creation time. */
  async function enteRequest(opts: { periodTo?: string; status?: string; offerExpires?: string; createdAt?: string; firstResponse?: string } = {}): Promise<string> {
    n++;
    const req = await db.one<{ id: string }>(
      `insert into service_request (reference, citizen_id, service_type_id, status, step, sent_at, period_from, period_to)
       values ($1, $2, $3, 'sent', 5, now(), ${TODAY} - 60, ${opts.periodTo ?? 'null'}) returning id`,
      [`RIC-2026-J${String(n).padStart(5, '0')}`, citizen.id, card.service_type_id],
    );
    const er = await db.one<{ id: string }>(
      `insert into ente_request (request_id, service_id, organization_id, status, offer_expires_on, created_at, first_response_at)
       values ($1, $2, $3, $4, ${opts.offerExpires ?? 'null'}, ${opts.createdAt ?? 'now()'}, ${opts.firstResponse ?? 'null'}) returning id`,
      [req.id, card.id, card.organization_id, opts.status ?? 'sent'],
    );
    return er.id;
  }
  const statusOf = async (id: string) => (await db.one<{ status: string }>('select status from ente_request where id = $1', [id])).status;
  const mails = async (to: string, like: string) =>
    (await db.one<{ n: number }>('select count(*)::int as n from email_outbox where to_address = $1 and subject like $2', [to, like])).n;

  let offerPast: string;
  let offerToday: string;
  let periodOver: string;
  let periodToday: string;
  let accepted: string;
  let remindDue: string;
  let remindEarly: string;
  let answered: string;

  beforeAll(async () => {
    const created = await createTestDb();
    db = created.db;
    close = created.close;
    second = created.url ? await openDatabase({ databaseUrl: created.url, dataDir: null, poolSize: 2 }) : db;
    card = (await db.query<{ id: string; organization_id: string; service_type_id: string }>(
      `select s.id, s.organization_id, s.service_type_id from service s join organization o on o.id = s.organization_id
        where s.status = 'published' and o.status = 'active' and o.is_demo order by s.id limit 1`,
    ))[0]!;
    org = card.organization_id;
    citizen = await createTestUser(db);
    admin = await createTestUser(db, { kind: 'ente', roles: [{ role: 'ente_admin', organizationId: org }] });
    operator = await createTestUser(db, { kind: 'ente', roles: [{ role: 'ente_operator', organizationId: org }] });
    offerPast = await enteRequest({ status: 'offered', offerExpires: `${TODAY} - 1`, firstResponse: 'now()' });
    offerToday = await enteRequest({ status: 'offered', offerExpires: TODAY, firstResponse: 'now()' });
    periodOver = await enteRequest({ status: 'sent', periodTo: `${TODAY} - 1` });
    periodToday = await enteRequest({ status: 'taken', periodTo: TODAY, firstResponse: 'now()' });
    accepted = await enteRequest({ status: 'accepted', periodTo: `${TODAY} - 1`, firstResponse: 'now()' });
    remindDue = await enteRequest({ createdAt: `now() - interval '49 hours'` });
    remindEarly = await enteRequest({ createdAt: `now() - interval '47 hours'` });
    answered = await enteRequest({ status: 'taken', createdAt: `now() - interval '60 hours'`, firstResponse: `now() - interval '50 hours'` });
    await registerJobs(db, requestJobs);
  });
  afterAll(async () => {
    if (second && second !== db) await second.close();
    await close?.();
  });

  it('changes nothing before the jobs run', async () => {
    expect(await statusOf(offerPast)).toBe('offered');
    expect(await statusOf(periodOver)).toBe('sent');
    expect((await db.one<{ reminded_at: Date | null }>('select reminded_at from ente_request where id = $1', [remindDue])).reminded_at).toBeNull();
  });

  it('runs each job once with two nodes, expiring offers and requests whose period is over, reminding at 48 h', async () => {
    const [a, b] = await Promise.all([runDueJobs(db, requestJobs, 'node-a'), runDueJobs(second, requestJobs, 'node-b')]);
    const ran = [...a, ...b];
    expect(ran.map((o) => o.job).sort()).toEqual([EXPIRY_JOB, REMINDER_JOB]);
    expect(ran.every((o) => o.outcome === 'ok')).toBe(true);
    expect(ran.find((o) => o.job === EXPIRY_JOB)!.details).toEqual({ expired: 2, offers: 1, periods: 1 });
    expect(ran.find((o) => o.job === REMINDER_JOB)!.details).toMatchObject({ reminded: 1 });
    expect((await db.one<{ n: number }>(`select count(*)::int as n from job_run where job in ($1, $2)`, [EXPIRY_JOB, REMINDER_JOB])).n).toBe(2);

    expect(await statusOf(offerPast)).toBe('expired');
    expect(await statusOf(offerToday)).toBe('offered');
    expect(await statusOf(periodOver)).toBe('expired');
    expect(await statusOf(periodToday)).toBe('taken');
    expect(await statusOf(accepted)).toBe('accepted');
    // History, audit, e-mails and notification of the expiries.
    const events = await db.query<{ to_status: string; actor_id: string | null }>('select to_status, actor_id from ente_request_event where ente_request_id = $1', [offerPast]);
    expect(events).toEqual([{ to_status: 'expired', actor_id: null }]);
    expect((await db.one<{ n: number }>(`select count(*)::int as n from audit_log where action = 'request.expire' and actor_label = 'system'`)).n).toBe(2);
    expect(await mails(citizen.email, '%scaduta%')).toBe(2);
    expect(await mails(admin.email, '%scaduta%')).toBe(2);
    expect((await db.one<{ n: number }>(`select count(*)::int as n from notification where user_id = $1 and kind = 'request.expired'`, [citizen.id])).n).toBe(2);

    // Reminder: once, to the administrators and operators, only for the request waiting more than 48 hours.
    expect(await mails(admin.email, 'Promemoria%')).toBe(1);
    expect(await mails(operator.email, 'Promemoria%')).toBe(1);
    const reminded = await db.query<{ id: string }>('select id from ente_request where reminded_at is not null and id = any($1::uuid[])', [[remindDue, remindEarly, answered]]);
    expect(reminded).toEqual([{ id: remindDue }]);
  });

  it('does not run again before it is due, keeps the schedule on restart, and reminds only once', async () => {
    // The early one now crosses 48 hours; the jobs are not due yet.
    await db.query(`update ente_request set created_at = now() - interval '49 hours' where id = $1`, [remindEarly]);
    expect(await runDueJobs(db, requestJobs, 'node-a')).toEqual([]);
    // A restart registers the jobs again: the schedule in the database stays.
    await registerJobs(second, requestJobs);
    expect(await runDueJobs(second, requestJobs, 'node-c')).toEqual([]);
    const due = await db.one<{ later: boolean }>(
      `select bool_and(next_run_at > now() + interval '14 minutes') as later from scheduled_job where name in ($1, $2)`,
      [EXPIRY_JOB, REMINDER_JOB],
    );
    expect(due.later).toBe(true);

    await makeDue(db, REMINDER_JOB);
    await makeDue(db, EXPIRY_JOB);
    const outcomes = await runDueJobs(second, requestJobs, 'node-c');
    expect(outcomes.find((o) => o.job === REMINDER_JOB)!.details).toMatchObject({ reminded: 1 });
    expect(outcomes.find((o) => o.job === EXPIRY_JOB)!.details).toEqual({ expired: 0, offers: 0, periods: 0 });
    // One more e-mail for the newly due request, none again for the first.
    expect(await mails(admin.email, 'Promemoria%')).toBe(2);
    const about = async (ref: string) =>
      (await db.one<{ n: number }>(`select count(*)::int as n from email_outbox where to_address = $1 and subject like '%' || $2 || '%'`, [admin.email, ref])).n;
    expect(await about('RIC-2026-J00006')).toBe(1);
    expect(await about('RIC-2026-J00007')).toBe(1);
  });
});
