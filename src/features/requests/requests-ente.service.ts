import type { Db, Queryable } from '../../db/database';
import { formatDate, formatEuro, translator, type Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import { audit } from '../../lib/audit';
import type { FieldIssue } from '../../lib/http/errors';
import { enqueueMail } from '../../lib/mail/outbox';
import { checkUpload, formFields, PDF_DOCUMENT, storeFile, type UploadedFile } from '../../lib/uploads';
import { paths } from '../../web/paths';
import { computePrice } from './request-price';
import { periodText } from './request-period';
import { moveEnteRequest, type TransitionPatch } from './request.transitions';
import { ENTE_REQUEST_STATES, type EnteRequestState, type RequestEvent } from './request.state';
import { insertNotification, priceListToday, setAssignee, type EnteRequestDetail, type InboxFilters } from './requests-ente.repository';
import { queryValue } from '../../lib/http/private-routes';

// Use cases of the ente's side of requests: read the inbox filters, check the offer and decline forms, and
// move an ente request (always through moveEnteRequest), telling the citizen by e-mail (outbox) and with an
// in-app notification, in the same transaction.

export interface Actor {
  id: string;
  label: string;
  ip: string;
}

export const LIMITS = { notes: 2000, reason: 1000, price: 99_999_999.99 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Milan, 'YYYY-MM-DD'. */
export const todayInMilan = (now = new Date()) => now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });

/** A real calendar date 'YYYY-MM-DD', or undefined. */
export function isoDate(s: string | undefined): string | undefined {
  const v = (s ?? '').trim();
  if (!ISO_DATE.test(v)) return undefined;
  const d = new Date(`${v}T12:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? v : undefined;
}

/** The inbox filters from the query string; anything not understood is ignored (and shown as not set). */
export function parseInboxQuery(query: unknown): { filters: InboxFilters; values: Record<string, string> } {
  const stato = queryValue(query, 'stato');
  const servizio = queryValue(query, 'servizio').toLowerCase();
  const dal = isoDate(queryValue(query, 'dal'));
  const al = isoDate(queryValue(query, 'al'));
  const operatore = queryValue(query, 'operatore').toLowerCase();
  const pageRaw = Number.parseInt(queryValue(query, 'pagina'), 10);
  const filters: InboxFilters = {
    status: (ENTE_REQUEST_STATES as readonly string[]).includes(stato) ? (stato as EnteRequestState) : undefined,
    serviceId: UUID.test(servizio) ? servizio : undefined,
    from: dal,
    to: al,
    operator: operatore === 'none' || UUID.test(operatore) ? operatore : undefined,
    page: Number.isFinite(pageRaw) && pageRaw >= 1 && pageRaw <= 10_000 ? pageRaw : 1,
  };
  const values: Record<string, string> = {
    stato: filters.status ?? '',
    servizio: filters.serviceId ?? '',
    dal: filters.from ?? '',
    al: filters.to ?? '',
    operatore: filters.operator ?? '',
  };
  return { filters, values };
}

// Offer

export interface OfferForm {
  price: number;
  from: string;
  to: string;
  timeBand: string | null;
  expires: string;
  notes: string | null;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** "1.234,50", "1234.5", "120" → 1234.5 …; undefined when not a money amount. */
export function parseMoney(s: string): number | undefined {
  let v = s.trim().replace(/\s|€/g, '');
  if (!v) return undefined;
  if (v.includes(',')) v = v.replace(/\./g, '').replace(',', '.');
  if (!/^-?\d+(\.\d{1,2})?$/.test(v)) return undefined;
  return Number(v);
}

export function parseOfferForm(body: unknown, t: Translate, timeBands: readonly string[], today = todayInMilan()): Parsed<OfferForm> {
  const f = formFields(body);
  const issues: FieldIssue[] = [];
  const price = parseMoney(f.prezzo ?? '');
  if (price === undefined || price < 0 || price > LIMITS.price) issues.push({ field: 'prezzo', message: t('enteRequests.error.price') });
  const from = isoDate(f.dal);
  if (!from) issues.push({ field: 'dal', message: t('enteRequests.error.date') });
  const to = isoDate(f.al);
  if (!to) issues.push({ field: 'al', message: t('enteRequests.error.date') });
  else if (from && to < from) issues.push({ field: 'al', message: t('enteRequests.error.periodOrder') });
  const band = (f.fascia ?? '').trim();
  if (band && !timeBands.includes(band)) issues.push({ field: 'fascia', message: t('enteRequests.error.timeBand') });
  const expires = isoDate(f.scadenza);
  if (!expires) issues.push({ field: 'scadenza', message: t('enteRequests.error.date') });
  else if (expires <= today) issues.push({ field: 'scadenza', message: t('enteRequests.error.expiresPast') });
  else if (to && expires >= to) issues.push({ field: 'scadenza', message: t('enteRequests.error.expiresAfterEnd') });
  const notes = (f.note ?? '').replace(/\r\n/g, '\n').trim();
  if (notes.length > LIMITS.notes) issues.push({ field: 'note', message: t('enteRequests.error.notes', { max: LIMITS.notes }) });
  if (issues.length) return { ok: false, issues };
  return { ok: true, value: { price: price!, from: from!, to: to!, timeBand: band || null, expires: expires!, notes: notes || null } };
}

export function parseDeclineForm(body: unknown, t: Translate): Parsed<string> {
  const reason = (formFields(body).motivo ?? '').replace(/\r\n/g, '\n').trim();
  if (reason.length < 5 || reason.length > LIMITS.reason) return { ok: false, issues: [{ field: 'motivo', message: t('enteRequests.error.reason', { max: LIMITS.reason }) }] };
  return { ok: true, value: reason };
}

/** The price from the card's price list valid today, for the request's people × units; null when none applies. */
export async function computedPrice(q: Queryable, r: Pick<EnteRequestDetail, 'service_id' | 'people' | 'units'>): Promise<number | null> {
  const list = await priceListToday(q, r.service_id);
  if (!list) return null;
  return computePrice(list.tiers, r.people ?? 1, r.units ?? 1, list.minUnits);
}

// Moves and what the citizen is told

type EnteEvent = Extract<RequestEvent, 'take' | 'offer' | 'decline' | 'start' | 'complete'>;

async function tellCitizen(tx: Queryable, r: EnteRequestDetail, event: EnteEvent, opts: { baseUrl: string; extra?: { price?: number; expires?: string; reason?: string; from?: string; to?: string } }) {
  const link = paths.request(r.request_id);
  const it = translator('it');
  const params = { ente: r.ente_name, reference: r.reference };
  await insertNotification(tx, { userId: r.citizen_id, kind: `request.${event}`, title: it(`enteRequests.notification.${event}` as MessageKey, params), link });
  if (!r.citizen_email || !r.citizen_notify_email) return;
  const part = (t: Translate, locale: 'it' | 'en') => {
    const what = t(`enteRequests.mail.what.${event}` as MessageKey);
    const e = opts.extra ?? {};
    const extra =
      event === 'offer' && e.price !== undefined && e.expires
        ? t('enteRequests.mail.offerExtra', { price: formatEuro(locale, e.price), period: periodText(t, locale, e.from, e.to) ?? t('common.notAvailable'), expires: formatDate(locale, e.expires) })
        : event === 'decline' && e.reason
          ? t('enteRequests.mail.declineExtra', { reason: e.reason })
          : '';
    return {
      subject: t('enteRequests.mail.subject', { reference: r.reference, what }),
      text: t('enteRequests.mail.body', { name: r.citizen_name, ente: r.ente_name, reference: r.reference, service: r.service_name, what, extra: extra ? `${extra}\n` : '', link: `${opts.baseUrl}${link}` }),
    };
  };
  const itPart = part(it, 'it');
  const enPart = part(translator('en'), 'en');
  await enqueueMail(tx, { to: r.citizen_email, subject: itPart.subject, text: `${itPart.text}\n\n---\n\n${enPart.text}` });
}

/**
 * Moves the ente request (409 when the state machine refuses) and tells the citizen. `file`: the offer's quote,
 * already checked, stored in the same transaction.
 */
export async function moveAndTell(
  db: Db,
  actor: Actor,
  r: EnteRequestDetail,
  event: EnteEvent,
  opts: { baseUrl: string; patch?: TransitionPatch; note?: string | null; file?: UploadedFile | undefined; t?: Translate },
): Promise<void> {
  await db.transaction(async (tx) => {
    const patch: TransitionPatch = { ...(opts.patch ?? {}) };
    if (opts.file && opts.t) {
      const checked = checkUpload(opts.file, PDF_DOCUMENT, opts.t);
      if (checked.ok) patch.offer_file_id = await storeFile(tx, opts.file, checked, actor.id);
    }
    await moveEnteRequest(tx, r.id, event, { side: 'ente', userId: actor.id, label: actor.label, ip: actor.ip }, { patch, note: opts.note ?? null });
    const extra: { price?: number; expires?: string; reason?: string; from?: string; to?: string } = {};
    if (patch.offer_price != null) extra.price = patch.offer_price;
    if (patch.offer_period_from) extra.from = patch.offer_period_from;
    if (patch.offer_period_to) extra.to = patch.offer_period_to;
    if (patch.offer_expires_on) extra.expires = patch.offer_expires_on;
    if (patch.decline_reason) extra.reason = patch.decline_reason;
    await tellCitizen(tx, r, event, { baseUrl: opts.baseUrl, extra });
  });
}

/** Assigns the request to a person of the ente (or nobody), with an audit row. */
export async function assign(db: Db, actor: Actor, r: EnteRequestDetail, userId: string | null): Promise<boolean> {
  if (r.assigned_to === userId) return false;
  await db.transaction(async (tx) => {
    await tx.query('select id from ente_request where id = $1 for update', [r.id]);
    await setAssignee(tx, r.id, userId);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'request.assign',
      targetType: 'ente_request',
      targetId: r.id,
      ip: actor.ip,
      details: { from: r.assigned_to, to: userId },
    });
  });
  return true;
}
