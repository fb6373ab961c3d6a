import type { Db, Queryable } from '../../db/database';
import { translator, type Translate } from '../../i18n/i18n';
import { audit } from '../../lib/audit';
import { AppError, notFound, type FieldIssue } from '../../lib/http/errors';
import { enqueueMail } from '../../lib/mail/outbox';
import { checkUpload, formFields, formFile, formList, storeFile, type UploadedFile, type UploadRule } from '../../lib/uploads';
import { entePaths, paths } from '../../web/paths';
import type { EnteRequestState } from './request.state';
import { coverageOf, outsideText } from './request-coverage';
import { periodText } from './request-period';
import { moveEnteRequest } from './request.transitions';
import {
  addTarget,
  attachmentsOf,
  cardsByIds,
  createDraft,
  enteRecipients,
  findDraft,
  findRequest,
  publishedCardBySlug,
  replaceTargets,
  targetsOf,
  termsOf,
  type RequestRow,
} from './requests-citizen.repository';

// Use cases of the citizen's request: start (or reopen) a draft from a service card, save each step of the
// stepper (the draft is saved at every "Avanti"), send to the chosen enti in one transaction, accept one offer
// (the others become "not chosen"), withdraw. Ownership: a request of someone else is "not found".

export const MAX_ENTI = 5;
export const MAX_ATTACHMENTS = 5;
export const ATTACHMENT: UploadRule = { kinds: ['pdf', 'png', 'jpeg'], maxBytes: 5 * 1024 * 1024 };
export const DAYS = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'] as const;
export const STEPS = [1, 2, 3, 4, 5] as const;
export type Step = (typeof STEPS)[number];
export const LIMITS = { name: 200, relation: 100, needs: 2000, notes: 2000, address: 200, people: 100, units: 10000 } as const;

export interface Actor {
  id: string;
  label: string;
  email: string | null;
  givenName: string;
  ip: string | null;
}

export type FormValues = Record<string, string | string[]>;

const absolute = (base: string, path: string) => `${base.replace(/\/$/, '')}${path}`;

/** The logged-in citizen's request (404 when missing or someone else's). */
export async function ownRequest(q: Queryable, id: string, citizenId: string): Promise<RequestRow> {
  const row = await findRequest(q, id);
  if (!row || row.citizen_id !== citizenId) throw notFound('Request');
  return row;
}

// ------------------------------------------------------------------------------------------------- start

/** Reopens the citizen's draft for the card's service type (adding the card) or starts a new one. */
export async function startRequest(db: Db, actor: Actor, slug: string): Promise<{ id: string; created: boolean }> {
  const card = await publishedCardBySlug(db, slug);
  if (!card) throw notFound('Service');
  return db.transaction(async (tx) => {
    const existing = await findDraft(tx, actor.id, card.service_type_id);
    if (existing) {
      const targets = await targetsOf(tx, existing.id);
      if (!targets.some((x) => x.id === card.id) && targets.length < MAX_ENTI && !targets.some((x) => x.organization_id === card.organization_id)) {
        await addTarget(tx, existing.id, card.id);
      }
      return { id: existing.id, created: false };
    }
    const created = await createDraft(tx, actor.id, card.service_type_id);
    await addTarget(tx, created.id, card.id);
    await audit(tx, { actorId: actor.id, actorLabel: actor.label, action: 'request.draft', targetType: 'service_request', targetId: created.id, ip: actor.ip, details: { reference: created.reference, service: slug } });
    return { id: created.id, created: true };
  });
}

// ------------------------------------------------------------------------------------------- form values

export async function valuesOf(q: Queryable, row: RequestRow): Promise<FormValues> {
  const [targets, municipi, bands] = await Promise.all([targetsOf(q, row.id), termsOf(q, 'municipio'), termsOf(q, 'time_band')]);
  return {
    enti: targets.map((x) => x.id),
    per_chi: row.for_whom ?? '',
    nome_beneficiario: row.beneficiary_name,
    relazione: row.beneficiary_relation,
    bisogno: row.needs,
    dal: row.period_from ?? '',
    al: row.period_to ?? '',
    giorni: row.days,
    fasce: row.time_bands.filter((s) => bands.some((b) => b.slug === s)),
    persone: row.people !== null ? String(row.people) : '',
    unita: row.units !== null ? String(row.units) : '',
    note: row.notes,
    municipio: municipi.find((m) => m.id === row.municipio_id)?.slug ?? '',
    indirizzo: row.address,
  };
}

const clean = (s: string | undefined) => (s ?? '').replace(/\r\n?/g, '\n').trim();
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const today = () => new Date().toISOString().slice(0, 10);

/** The uploaded files of a (possibly repeated) file field. */
function filesOf(body: unknown, name: string): UploadedFile[] {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map((part) => formFile({ f: part }, 'f')).filter((f): f is UploadedFile => f !== undefined);
}

interface StepCheck {
  values: FormValues;
  issues: FieldIssue[];
}

/** Checks the fields of one step (values as typed, problems in the visitor's language). */
export async function checkStep(q: Queryable, row: RequestRow, step: Step, values: FormValues, t: Translate): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const list = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : []);
  if (step === 1) {
    const ids = list('enti');
    if (ids.length === 0) add('enti', t('requests.error.enti.required'));
    else if (ids.length > MAX_ENTI) add('enti', t('requests.error.enti.tooMany', { max: MAX_ENTI }));
    else {
      const cards = await cardsByIds(q, ids.filter((x) => /^[0-9a-f-]{36}$/i.test(x)));
      if (cards.length !== ids.length || cards.some((c) => c.service_type_id !== row.service_type_id)) add('enti', t('requests.error.enti.unknown'));
      else if (new Set(cards.map((c) => c.organization_id)).size !== cards.length) add('enti', t('requests.error.enti.sameEnte'));
    }
  }
  if (step === 2) {
    const who = str('per_chi');
    if (who !== 'self' && who !== 'other') add('per_chi', t('requests.error.forWhom.required'));
    if (who === 'other') {
      if (!str('nome_beneficiario')) add('nome_beneficiario', t('requests.error.beneficiary.required'));
      else if (str('nome_beneficiario').length > LIMITS.name) add('nome_beneficiario', t('validation.tooLong', { max: LIMITS.name }));
      if (!str('relazione')) add('relazione', t('requests.error.relation.required'));
      else if (str('relazione').length > LIMITS.relation) add('relazione', t('validation.tooLong', { max: LIMITS.relation }));
    }
  }
  if (step === 3) {
    if (!str('bisogno')) add('bisogno', t('requests.error.needs.required'));
    else if (str('bisogno').length > LIMITS.needs) add('bisogno', t('validation.tooLong', { max: LIMITS.needs }));
    const from = str('dal');
    const to = str('al');
    if (!from) add('dal', t('requests.error.from.required'));
    else if (!validDate(from)) add('dal', t('requests.error.date.invalid'));
    else if (from < today()) add('dal', t('requests.error.from.past'));
    if (to && !validDate(to)) add('al', t('requests.error.date.invalid'));
    else if (to && from && validDate(from) && to < from) add('al', t('requests.error.to.beforeFrom'));
    if (list('giorni').some((d) => !(DAYS as readonly string[]).includes(d))) add('giorni', t('requests.error.days.unknown'));
    const bands = await termsOf(q, 'time_band');
    if (list('fasce').some((s) => !bands.some((b) => b.slug === s))) add('fasce', t('requests.error.bands.unknown'));
    const int = (k: 'persone' | 'unita', max: number) => {
      const v = str(k);
      if (!v) return add(k, t(k === 'persone' ? 'requests.error.people.required' : 'requests.error.units.required'));
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < 1 || n > max) add(k, t('requests.error.number', { max }));
    };
    int('persone', LIMITS.people);
    int('unita', LIMITS.units);
    if (str('note').length > LIMITS.notes) add('note', t('validation.tooLong', { max: LIMITS.notes }));
  }
  if (step === 4) {
    const municipi = await termsOf(q, 'municipio');
    if (!str('municipio')) add('municipio', t('requests.error.municipio.required'));
    else if (!municipi.some((m) => m.slug === str('municipio'))) add('municipio', t('requests.error.municipio.unknown'));
    if (!str('indirizzo')) add('indirizzo', t('requests.error.address.required'));
    else if (str('indirizzo').length > LIMITS.address) add('indirizzo', t('validation.tooLong', { max: LIMITS.address }));
  }
  return issues;
}

/** The values of one step as submitted (strings trimmed, lists deduplicated). */
export function valuesFromBody(step: Step, body: unknown): FormValues {
  const f = formFields(body);
  const uniq = (name: string) => [...new Set(formList(body, name).map((s) => s.trim()).filter(Boolean))];
  if (step === 1) return { enti: uniq('enti') };
  if (step === 2) {
    const who = clean(f.per_chi);
    return { per_chi: who, nome_beneficiario: who === 'other' ? clean(f.nome_beneficiario) : '', relazione: who === 'other' ? clean(f.relazione) : '' };
  }
  if (step === 3) {
    return {
      bisogno: clean(f.bisogno),
      dal: clean(f.dal),
      al: clean(f.al),
      giorni: uniq('giorni'),
      fasce: uniq('fasce'),
      persone: clean(f.persone),
      unita: clean(f.unita),
      note: clean(f.note),
      rimuovi: uniq('rimuovi'),
    };
  }
  if (step === 4) return { municipio: clean(f.municipio), indirizzo: clean(f.indirizzo) };
  return {};
}

async function attachFiles(
  tx: Queryable,
  id: string,
  checked: { file: UploadedFile; check: Extract<ReturnType<typeof checkUpload>, { ok: true }> }[],
  userId: string,
): Promise<void> {
  for (const c of checked) {
    const fileId = await storeFile(tx, c.file, c.check, userId);
    await tx.query('insert into service_request_attachment (request_id, file_id) values ($1, $2)', [id, fileId]);
  }
}

/**
 * Saves one step. With problems nothing is saved except the files that passed their checks (the page is shown
 * again with the values typed and 400);
 * otherwise the step's fields are written, the reached step moves on, and attachments are stored.
 */
export async function saveStep(db: Db, actor: Actor, id: string, step: Step, body: unknown, t: Translate): Promise<StepCheck> {
  const row = await ownRequest(db, id, actor.id);
  if (row.status !== 'draft') throw new AppError('conflict', 'Request already sent');
  const values = valuesFromBody(step, body);
  const issues = await checkStep(db, row, step, values, t);
  const files = step === 3 ? filesOf(body, 'allegati') : [];
  const checked: { file: UploadedFile; check: Extract<ReturnType<typeof checkUpload>, { ok: true }> }[] = [];
  let tooMany = false;
  if (step === 3) {
    const existing = await attachmentsOf(db, id);
    const removing = (values.rimuovi as string[]).filter((x) => existing.some((a) => a.id === x));
    for (const file of files) {
      const c = checkUpload(file, ATTACHMENT, t);
      if (!c.ok) issues.push({ field: 'allegati', message: `${file.filename}: ${c.message}` });
      else checked.push({ file, check: c });
    }
    tooMany = existing.length - removing.length + checked.length > MAX_ATTACHMENTS || existing.length + checked.length > MAX_ATTACHMENTS;
    if (existing.length - removing.length + checked.length > MAX_ATTACHMENTS) issues.push({ field: 'allegati', message: t('requests.error.attachments.tooMany', { max: MAX_ATTACHMENTS }) });
  }
  if (issues.length) {
    // Files that passed their checks are kept even when another field (or another file) is wrong: the browser
    // cannot send them again by itself, and the page shows them among the attachments. Not past the limit.
    if (checked.length && !tooMany) {
      await db.transaction(async (tx) => {
        const locked = await tx.maybeOne<{ status: string }>('select status from service_request where id = $1 for update', [id]);
        if (locked?.status !== 'draft') throw new AppError('conflict', 'Request already sent');
        await attachFiles(tx, id, checked, actor.id);
      });
    }
    return { values, issues };
  }
  await db.transaction(async (tx) => {
    const locked = await tx.maybeOne<{ status: string }>('select status from service_request where id = $1 for update', [id]);
    if (locked?.status !== 'draft') throw new AppError('conflict', 'Request already sent');
    const next = Math.min(5, Math.max(row.step, step + 1));
    if (step === 1) await replaceTargets(tx, id, values.enti as string[]);
    if (step === 2) {
      await tx.query('update service_request set for_whom = $2, beneficiary_name = $3, beneficiary_relation = $4 where id = $1', [id, values.per_chi, values.nome_beneficiario, values.relazione]);
    }
    if (step === 3) {
      await tx.query(
        `update service_request set needs = $2, period_from = $3, period_to = $4, days = $5, time_bands = $6, people = $7, units = $8, notes = $9 where id = $1`,
        [id, values.bisogno, values.dal, values.al || null, values.giorni, values.fasce, Number(values.persone), Number(values.unita), values.note],
      );
      const remove = values.rimuovi as string[];
      if (remove.length) await tx.query('delete from service_request_attachment where request_id = $1 and id = any($2::uuid[])', [id, remove.filter((x) => /^[0-9a-f-]{36}$/i.test(x))]);
      await attachFiles(tx, id, checked, actor.id);
    }
    if (step === 4) {
      await tx.query(
        `update service_request set municipio_id = (select t.id from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = 'municipio' and t.slug = $2), address = $3 where id = $1`,
        [id, values.municipio, values.indirizzo],
      );
    }
    await tx.query('update service_request set step = $2, updated_at = now() where id = $1', [id, next]);
  });
  return { values, issues: [] };
}

/** Every step's problems on the saved draft (for the summary and before sending). */
export async function checkAll(q: Queryable, row: RequestRow, t: Translate): Promise<{ step: Step; issues: FieldIssue[] }[]> {
  const values = await valuesOf(q, row);
  const out: { step: Step; issues: FieldIssue[] }[] = [];
  for (const step of [1, 2, 3, 4] as const) {
    const issues = await checkStep(q, row, step, values, t);
    if (issues.length) out.push({ step, issues });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------- send

export async function sendRequest(db: Db, actor: Actor, id: string, t: Translate, baseUrl: string): Promise<{ ok: true; reference: string } | { ok: false; problems: { step: Step; issues: FieldIssue[] }[] }> {
  const row = await ownRequest(db, id, actor.id);
  if (row.status !== 'draft') throw new AppError('conflict', 'Request already sent');
  const problems = await checkAll(db, row, t);
  if (problems.length) return { ok: false, problems };
  const it = translator('it');
  await db.transaction(async (tx) => {
    const locked = await tx.maybeOne<{ status: string }>('select status from service_request where id = $1 for update', [id]);
    if (locked?.status !== 'draft') throw new AppError('conflict', 'Request already sent');
    await tx.query(`update service_request set status = 'sent', sent_at = now(), step = 5, updated_at = now() where id = $1`, [id]);
    const targets = await targetsOf(tx, id);
    for (const target of targets) {
      const er = await tx.one<{ id: string }>(
        `insert into ente_request (request_id, service_id, organization_id, status) values ($1, $2, $3, 'sent') returning id`,
        [id, target.id, target.organization_id],
      );
      await tx.query(`insert into ente_request_event (ente_request_id, from_status, to_status, actor_id) values ($1, null, 'sent', $2)`, [er.id, actor.id]);
      const coverage = coverageOf(target.area_codes, row.municipio_code);
      for (const r of await enteRecipients(tx, target.organization_id)) {
        await enqueueMail(tx, {
          to: r.email,
          subject: it('requests.mail.ente.new.subject', { reference: row.reference }),
          text: [
            it('requests.mail.ente.new.body', { reference: row.reference, service: target.name, type: row.service_type_name_it }),
            [
              it('requests.mail.ente.period', { period: periodText(it, 'it', row.period_from, row.period_to) ?? it('common.notAvailable') }),
              ...(coverage?.outside ? [outsideText(it, coverage)] : []),
            ].join('\n'),
            `${it('requests.mail.ente.open')}\n${absolute(baseUrl, entePaths.request(target.organization_id, er.id))}`,
          ].join('\n\n') + '\n',
        });
      }
    }
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'request.send',
      targetType: 'service_request',
      targetId: id,
      ip: actor.ip,
      details: { reference: row.reference, enti: targets.map((x) => x.organization_id) },
    });
    const link = paths.request(id);
    if (actor.email) {
      await enqueueMail(tx, {
        to: actor.email,
        subject: t('requests.mail.sent.subject', { reference: row.reference }),
        text: [
          t('requests.mail.greeting', { name: actor.givenName }),
          t('requests.mail.sent.body', { reference: row.reference, count: targets.length, enti: targets.map((x) => x.organization_name).join(', ') }),
          t('requests.payment.outside'),
          `${t('requests.mail.follow')}\n${absolute(baseUrl, link)}`,
        ].join('\n\n') + '\n',
      });
    }
    await tx.query('insert into notification (user_id, kind, title, link) values ($1, $2, $3, $4)', [actor.id, 'request.sent', t('requests.notification.sent', { reference: row.reference }), link]);
  });
  return { ok: true, reference: row.reference };
}

// ------------------------------------------------------------------------------------- accept, withdraw

const OPEN_FOR_CHOICE: readonly EnteRequestState[] = ['sent', 'taken', 'offered'];

async function mailEnte(tx: Queryable, organizationId: string, subject: string, body: string): Promise<void> {
  for (const r of await enteRecipients(tx, organizationId)) await enqueueMail(tx, { to: r.email, subject, text: `${body}\n` });
}

/** The ente request `enteRequestId` of the citizen's sent request `id` (404 otherwise). */
async function ownEnteRequest(q: Queryable, actor: Actor, id: string, enteRequestId: string) {
  const row = await ownRequest(q, id, actor.id);
  const er = await q.maybeOne<{ id: string; status: EnteRequestState; organization_id: string; offer_expires_on: string | null }>(
    'select id, status, organization_id, offer_expires_on::text as offer_expires_on from ente_request where id = $1 and request_id = $2',
    [enteRequestId, id],
  );
  if (!er) throw notFound('Request');
  return { row, er };
}

export async function acceptOffer(db: Db, actor: Actor, id: string, enteRequestId: string): Promise<void> {
  const it = translator('it');
  await db.transaction(async (tx) => {
    const { row, er } = await ownEnteRequest(tx, actor, id, enteRequestId);
    if (er.status === 'offered' && er.offer_expires_on && er.offer_expires_on < today()) throw new AppError('conflict', 'Offer expired');
    const who = { side: 'citizen' as const, userId: actor.id, label: actor.label, ip: actor.ip };
    await moveEnteRequest(tx, er.id, 'accept', who);
    await mailEnte(tx, er.organization_id, it('requests.mail.ente.accepted.subject', { reference: row.reference }), it('requests.mail.ente.accepted.body', { reference: row.reference }));
    const others = await tx.query<{ id: string; organization_id: string }>(
      `select id, organization_id from ente_request where request_id = $1 and id <> $2 and status = any($3::text[]) order by id`,
      [id, er.id, OPEN_FOR_CHOICE],
    );
    for (const o of others) {
      await moveEnteRequest(tx, o.id, 'not_chosen', { side: 'system', userId: actor.id, label: actor.label, ip: actor.ip });
      await mailEnte(tx, o.organization_id, it('requests.mail.ente.notChosen.subject', { reference: row.reference }), it('requests.mail.ente.notChosen.body', { reference: row.reference }));
    }
  });
}

/** Withdraws one ente's copy, or every open one when `enteRequestId` is null. */
export async function withdraw(db: Db, actor: Actor, id: string, enteRequestId: string | null): Promise<number> {
  const it = translator('it');
  return db.transaction(async (tx) => {
    const row = await ownRequest(tx, id, actor.id);
    if (row.status !== 'sent') throw new AppError('conflict', 'Request not sent');
    let targets: { id: string; organization_id: string }[];
    if (enteRequestId) targets = [(await ownEnteRequest(tx, actor, id, enteRequestId)).er];
    else {
      targets = await tx.query<{ id: string; organization_id: string }>(
        `select id, organization_id from ente_request where request_id = $1 and status in ('sent', 'taken', 'offered', 'accepted') order by id`,
        [id],
      );
      if (!targets.length) throw new AppError('conflict', 'Nothing to withdraw');
    }
    for (const target of targets) {
      await moveEnteRequest(tx, target.id, 'withdraw', { side: 'citizen', userId: actor.id, label: actor.label, ip: actor.ip });
      await mailEnte(tx, target.organization_id, it('requests.mail.ente.withdrawn.subject', { reference: row.reference }), it('requests.mail.ente.withdrawn.body', { reference: row.reference }));
    }
    return targets.length;
  });
}

/** Whether the user may read an attachment of request `id`: the owner, or an ente that received it. */
export async function mayReadAttachment(q: Queryable, requestId: string, user: { id: string; organizations: { id: string }[] }): Promise<boolean> {
  const row = await findRequest(q, requestId);
  if (!row) return false;
  if (row.citizen_id === user.id) return true;
  if (row.status !== 'sent' || !user.organizations.length) return false;
  const hit = await q.maybeOne('select 1 from ente_request where request_id = $1 and organization_id = any($2::uuid[])', [requestId, user.organizations.map((o) => o.id)]);
  return hit !== undefined;
}
