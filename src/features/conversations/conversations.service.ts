import type { Db, Queryable } from '../../db/database';
import type { MessageKey } from '../../i18n/catalogue';
import { translator, type Locale, type MessageParams, type Translate } from '../../i18n/i18n';
import { audit } from '../../lib/audit';
import { AppError, type FieldIssue } from '../../lib/http/errors';
import { enqueueMail } from '../../lib/mail/outbox';
import { checkUpload, storeFile, type UploadedFile, type UploadRule } from '../../lib/uploads';
import { entePaths, paths } from '../../web/paths';
import {
  addNotification,
  citizenRecipient,
  enteRecipients,
  findComplaint,
  insertComplaint,
  type ComplaintState,
  type QualityRow,
  type Recipient,
  type Side,
  type ThreadContext,
} from './conversations.repository';

// Use cases: writing in a thread (with its e-mails and notification), complaints and their states, the quality
// figures. E-mails go out in Italian (no language preference on record), written to the outbox in the
// transaction of the change they report.

export const MAIL_LOCALE: Locale = 'it';
export const MESSAGE_FILE: UploadRule = { kinds: ['pdf', 'png', 'jpeg'], maxBytes: 5 * 1024 * 1024 };
export const STANDARD_HOURS = 72;

export interface Actor {
  id: string;
  label: string;
  ip: string | null;
}

const link = (baseUrl: string | undefined, path: string) => `${(baseUrl ?? '').replace(/\/+$/, '')}${path}`;

export function composeMail(t: Translate, r: Pick<Recipient, 'given_name' | 'family_name'> | undefined, paragraphs: string[]): string {
  const name = r ? `${r.given_name} ${r.family_name}`.trim() : '';
  const greeting = name ? t('threads.mail.greeting', { name }) : t('threads.mail.greetingAnonymous');
  return [greeting, ...paragraphs, `-- \n${t('threads.mail.signature')}\n${t('threads.mail.automatic')}`].join('\n\n') + '\n';
}

export async function mailTo(q: Queryable, recipients: Recipient[], subject: MessageKey, body: (t: Translate) => string[], params: MessageParams): Promise<number> {
  const t = translator(MAIL_LOCALE);
  for (const r of recipients) await enqueueMail(q, { to: r.email, subject: t(subject, params), text: composeMail(t, r, body(t)) });
  return recipients.length;
}

// Messages

export type MessageInput = { ok: true; body: string } | { ok: false; issues: FieldIssue[] };

export function parseMessage(raw: string | undefined, t: Translate): MessageInput {
  const body = (raw ?? '').replace(/\r\n/g, '\n').trim();
  if (!body) return { ok: false, issues: [{ field: 'testo', message: t('threads.error.bodyRequired') }] };
  if (body.length > 5000) return { ok: false, issues: [{ field: 'testo', message: t('threads.error.bodyTooLong') }] };
  return { ok: true, body };
}

/** Writes a message (and its checked attachment), e-mails the other side, notifies the citizen. */
export async function postMessage(
  db: Db,
  ctx: ThreadContext,
  side: Side,
  actor: Actor,
  input: { body: string | undefined; file: UploadedFile | undefined },
  t: Translate,
  opts: { baseUrl?: string | undefined },
): Promise<{ ok: true; id: string } | { ok: false; issues: FieldIssue[] }> {
  const parsed = parseMessage(input.body, t);
  const issues: FieldIssue[] = parsed.ok ? [] : [...parsed.issues];
  const checked = input.file ? checkUpload(input.file, MESSAGE_FILE, t) : undefined;
  if (checked && !checked.ok) issues.push({ field: 'allegato', message: checked.message });
  if (!parsed.ok || issues.length) return { ok: false, issues };
  return db.transaction(async (tx) => {
    const fileId = input.file && checked?.ok ? await storeFile(tx, input.file, checked, actor.id) : null;
    const row = await tx.one<{ id: string }>(
      'insert into request_message (ente_request_id, author_id, author_side, body, file_id) values ($1, $2, $3, $4, $5) returning id',
      [ctx.id, actor.id, side, parsed.body, fileId],
    );
    // Writing counts as reading: the writer's side has seen everything up to its own message.
    await tx.query(
      `insert into request_thread_read (ente_request_id, side, last_read_at) values ($1, $2, now())
       on conflict (ente_request_id, side) do update set last_read_at = now()`,
      [ctx.id, side],
    );
    const params = { ente: ctx.ente_name, reference: ctx.reference, service: ctx.service_name };
    if (side === 'ente') {
      const path = paths.requestMessages(ctx.request_id, ctx.id);
      const citizen = await citizenRecipient(tx, ctx.citizen_id);
      if (citizen) await mailTo(tx, [citizen], 'threads.mail.toCitizen.subject', (tt) => [tt('threads.mail.toCitizen.body', { ...params, link: link(opts.baseUrl, path) })], params);
      await addNotification(tx, { userId: ctx.citizen_id, kind: 'thread.message', title: `${ctx.reference} · ${ctx.ente_name}`, link: path });
    } else {
      const path = entePaths.requestMessages(ctx.organization_id, ctx.id);
      const people = await enteRecipients(tx, ctx.organization_id, ctx.assigned_to);
      await mailTo(tx, people, 'threads.mail.toEnte.subject', (tt) => [tt('threads.mail.toEnte.body', { ...params, link: link(opts.baseUrl, path) })], params);
    }
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'thread.message',
      targetType: 'ente_request',
      targetId: ctx.id,
      ip: actor.ip,
      details: { side, messageId: row.id, attachment: fileId !== null },
    });
    return { ok: true as const, id: row.id };
  });
}

// Complaints

export type ComplaintInput = { ok: true; subject: string; body: string } | { ok: false; issues: FieldIssue[] };

export function parseComplaint(fields: Record<string, string>, t: Translate): ComplaintInput {
  const subject = (fields.oggetto ?? '').trim();
  const body = (fields.testo ?? '').replace(/\r\n/g, '\n').trim();
  const issues: FieldIssue[] = [];
  if (!subject || subject.length > 200) issues.push({ field: 'oggetto', message: t('threads.complaint.error.subject') });
  if (!body || body.length > 5000) issues.push({ field: 'testo', message: t('threads.complaint.error.body') });
  return issues.length ? { ok: false, issues } : { ok: true, subject, body };
}

export async function fileComplaint(db: Db, ctx: ThreadContext, actor: Actor, input: { subject: string; body: string }): Promise<{ id: string; reference: string }> {
  return db.transaction(async (tx) => {
    const c = await insertComplaint(tx, { enteRequestId: ctx.id, citizenId: actor.id, ...input });
    const citizen = await citizenRecipient(tx, actor.id);
    const params = { reference: c.reference, subject: input.subject, ente: ctx.ente_name };
    if (citizen) await mailTo(tx, [citizen], 'threads.mail.complaint.subject', (t) => [t('threads.mail.complaint.body', params)], params);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'complaint.file',
      targetType: 'complaint',
      targetId: c.id,
      ip: actor.ip,
      details: { reference: c.reference, enteRequestId: ctx.id },
    });
    return c;
  });
}

export type ComplaintAction = 'take' | 'answer' | 'close';
const COMPLAINT_RULES: Record<ComplaintAction, { from: readonly ComplaintState[]; to: ComplaintState }> = {
  take: { from: ['open'], to: 'in_progress' },
  answer: { from: ['in_progress'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
};

export const canComplaint = (from: ComplaintState, action: ComplaintAction) => COMPLAINT_RULES[action].from.includes(from);

/** Moves a complaint (open → in_progress → answered → closed); the answer is e-mailed and notified to the citizen. */
export async function moveComplaint(
  db: Db,
  id: string,
  action: ComplaintAction,
  actor: Actor,
  answer?: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const c = await findComplaint(tx, id, true);
    if (!c) throw new AppError('not_found', 'Complaint not found');
    if (!canComplaint(c.status, action)) throw new AppError('conflict', `Refused: ${action} from ${c.status}`);
    const to = COMPLAINT_RULES[action].to;
    if (action === 'answer') {
      await tx.query(
        `update complaint set status = $2, answer = $3, handled_by = $4, answered_at = now(), updated_at = now() where id = $1`,
        [id, to, answer ?? '', actor.id],
      );
      if (c.citizen_id) {
        const citizen = await citizenRecipient(tx, c.citizen_id);
        const params = { reference: c.reference, subject: c.subject };
        if (citizen) await mailTo(tx, [citizen], 'threads.mail.complaintAnswer.subject', (t) => [t('threads.mail.complaintAnswer.body', params), answer ?? ''], params);
        await addNotification(tx, { userId: c.citizen_id, kind: 'complaint.answer', title: `${c.reference} · ${c.subject}`, link: paths.requestMessages(c.request_id, c.ente_request_id) });
      }
    } else {
      await tx.query(`update complaint set status = $2, handled_by = coalesce(handled_by, $3), updated_at = now() where id = $1`, [id, to, actor.id]);
    }
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: `complaint.${action}`,
      targetType: 'complaint',
      targetId: id,
      ip: actor.ip,
      details: { from: c.status, to, reference: c.reference },
    });
  });
}

// Quality figures

export interface QualityGroup {
  key: string;
  name: string;
  ente?: string;
  requests: number;
  /** Hours, rounded to one decimal; null when no request was answered. */
  medianFirst: number | null;
  avgFirst: number | null;
  medianOffer: number | null;
  avgOffer: number | null;
  /** Share of requests answered within 3 days (0..1); null when no request is measurable yet. */
  withinShare: number | null;
}

export interface Breach {
  row: QualityRow;
  kind: 'no_answer' | 'late';
  hours: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return round1(s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
}

export const average = (values: number[]): number | null => (values.length ? round1(values.reduce((a, b) => a + b, 0) / values.length) : null);

/** Whether the request is measured against the standard: answered, or unanswered for more than 3 days. */
const within = (r: QualityRow): boolean | null =>
  r.first_hours !== null ? r.first_hours <= STANDARD_HOURS : r.age_hours > STANDARD_HOURS ? false : null;

function group(rows: QualityRow[], key: (r: QualityRow) => string, name: (r: QualityRow) => string, ente?: (r: QualityRow) => string): QualityGroup[] {
  const map = new Map<string, QualityRow[]>();
  for (const r of rows) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return [...map.entries()]
    .map(([k, rs]) => {
      const first = rs.map((r) => r.first_hours).filter((h): h is number => h !== null);
      const offer = rs.map((r) => r.offer_hours).filter((h): h is number => h !== null);
      const measured = rs.map(within).filter((w): w is boolean => w !== null);
      return {
        key: k,
        name: name(rs[0]!),
        ...(ente ? { ente: ente(rs[0]!) } : {}),
        requests: rs.length,
        medianFirst: median(first),
        avgFirst: average(first),
        medianOffer: median(offer),
        avgOffer: average(offer),
        withinShare: measured.length ? measured.filter(Boolean).length / measured.length : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

export function qualityFigures(rows: QualityRow[]): { byEnte: QualityGroup[]; byService: QualityGroup[]; breaches: Breach[] } {
  const breaches: Breach[] = [];
  for (const r of rows) {
    if (r.first_hours === null && r.age_hours > STANDARD_HOURS) breaches.push({ row: r, kind: 'no_answer', hours: round1(r.age_hours) });
    else if (r.first_hours !== null && r.first_hours > STANDARD_HOURS) breaches.push({ row: r, kind: 'late', hours: round1(r.first_hours) });
  }
  return {
    byEnte: group(rows, (r) => r.organization_id, (r) => r.ente_name),
    byService: group(rows, (r) => r.service_id, (r) => r.service_name, (r) => r.ente_name),
    breaches,
  };
}
