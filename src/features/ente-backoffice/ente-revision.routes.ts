import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppDeps } from '../../deps';
import type { Role } from '../../lib/http/access';
import { AppError, notFound, type FieldIssue } from '../../lib/http/errors';
import { pageParam, privateRoute, queryValue } from '../../lib/http/private-routes';
import { bodyString } from '../../web/forms';
import { cityPaths, withNotice } from '../../web/paths';
import { changedFacts, readFacts } from './ente-facts';
import { countEnteOverdue, countEnteQueue, enteRevisionsOf, findEnteRevision, listEnteQueue, type EnteQueueFilter, type EnteRevisionRow } from './ente-revision.repository';
import { approveFacts, NOTE_MAX, REVIEW_DAYS, sendBackFacts, type Actor } from './ente-revision.service';
import { ENTE_REVIEW_NOTICES, EnteApprovePage, EnteQueuePage, EnteRevisionPage, EnteSendBackPage, QUEUE_FILTERS, type EnteReviewNotice } from './ente-revision.view';
import { findEnteCard } from './ente-card.repository';

// The City's validation of the public facts of ente cards (/gestione-wemi/schede-enti…, permission 'enti'): the
// queue of requests, one request with what it changes, approve (the facts go public) or send back with a note
// (e-mailed to the ente). The ente proposes and withdraws from its card page (ente-card.routes.ts).

const CITY_ENTI: readonly Role[] = ['city:enti'];
const options = (auditAction?: string): RouteShorthandOptions => privateRoute({ roles: CITY_ENTI }, auditAction);
export const QUEUE_PAGE_SIZE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();
const actorOf = (request: FastifyRequest): Actor => ({ id: request.user!.id, label: request.user!.label, ip: request.ip });

/** Days between two instants in Milan's calendar. */
const milanDay = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
const daysSince = (d: Date) => Math.max(0, Math.round((Date.parse(milanDay(new Date())) - Date.parse(milanDay(d))) / 86_400_000));

/** The note of a decision: trimmed, Windows line ends made plain. */
const noteOf = (body: unknown) => (bodyString(body, 'nota') ?? '').replace(/\r\n?/g, '\n').trim();
/** The version of the request the City looked at (0: none given, refused as a conflict). */
const versionOf = (body: unknown) => {
  const n = Number(bodyString(body, 'versione'));
  return Number.isInteger(n) && n > 0 ? n : 0;
};

export function registerEnteReviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const mail = { baseUrl: config.publicBaseUrl };

  async function revisionParam(request: FastifyRequest): Promise<EnteRevisionRow> {
    const id = (request.params as { revisionId?: string }).revisionId;
    const revision = id && UUID.test(id) ? await findEnteRevision(db, id.toLowerCase()) : undefined;
    if (!revision) throw notFound('Ente revision');
    return revision;
  }

  // The queue.
  app.get(cityPaths.enteRevisions(), options(), async (request, reply) => {
    const ctx = request.ctx;
    const stato = queryValue(request.query, 'stato');
    const issues: FieldIssue[] = [];
    if (stato && !(QUEUE_FILTERS as readonly string[]).includes(stato)) issues.push({ field: 'stato', message: ctx.t('enteReview.queue.filter.error') });
    const base = { filter: { stato }, issues, standardDays: REVIEW_DAYS };
    if (issues.length) return reply.page(EnteQueuePage({ ctx, view: { ...base, items: [], total: 0, overdue: 0, page: 1, pages: 1 } }), 400);
    const filter = (stato || 'submitted') as EnteQueueFilter;
    const total = await countEnteQueue(db, filter);
    const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
    const page = Math.min(pageParam(request.query), pages);
    const [rows, overdue] = await Promise.all([listEnteQueue(db, filter, QUEUE_PAGE_SIZE, (page - 1) * QUEUE_PAGE_SIZE), countEnteOverdue(db, REVIEW_DAYS)]);
    // What each request changes, against the card as it is published now.
    const published = new Map<string, ReturnType<typeof readFacts>>();
    for (const r of rows) if (!published.has(r.organization_id)) published.set(r.organization_id, readFacts(await findEnteCard(db, r.organization_id)));
    const items = rows.map((r) => ({ ...r, fields: changedFacts(published.get(r.organization_id)!, readFacts(r.data)) }));
    return reply.page(EnteQueuePage({ ctx, view: { ...base, items, total, overdue, page, pages } }));
  });

  // One request.
  app.get('/gestione-wemi/schede-enti/:revisionId', options(), async (request, reply) => {
    const revision = await revisionParam(request);
    const [ente, history] = await Promise.all([findEnteCard(db, revision.organization_id), enteRevisionsOf(db, revision.organization_id)]);
    const notice = queryValue(request.query, 'esito');
    return reply.page(
      EnteRevisionPage({
        ctx: request.ctx,
        view: {
          revision,
          published: readFacts(ente),
          history,
          waitingDays: daysSince(revision.submitted_at),
          standardDays: REVIEW_DAYS,
          notice: Object.hasOwn(ENTE_REVIEW_NOTICES, notice) ? (notice as EnteReviewNotice) : undefined,
        },
      }),
    );
  });

  /** A decision page is only for a request waiting for the City (409 otherwise, as a decision would be). */
  async function waitingRevision(request: FastifyRequest): Promise<EnteRevisionRow> {
    const revision = await revisionParam(request);
    if (revision.status !== 'submitted') throw new AppError('conflict', `Ente revision is ${revision.status}`);
    return revision;
  }

  async function fieldsOf(revision: EnteRevisionRow) {
    return changedFacts(readFacts(await findEnteCard(db, revision.organization_id)), readFacts(revision.data));
  }

  // Approve (a confirmation with an optional note).
  app.get('/gestione-wemi/schede-enti/:revisionId/approva', options(), async (request, reply) => {
    const revision = await waitingRevision(request);
    return reply.page(EnteApprovePage({ ctx: request.ctx, revision, fields: await fieldsOf(revision), note: '', issues: [] }));
  });

  app.post('/gestione-wemi/schede-enti/:revisionId/approva', options('ente.card.revision.approve'), async (request, reply) => {
    const ctx = request.ctx;
    const revision = await revisionParam(request);
    const note = noteOf(request.body);
    if (note.length > NOTE_MAX) {
      if (revision.status !== 'submitted') throw new AppError('conflict', `Ente revision is ${revision.status}`);
      const issues = [{ field: 'nota', message: ctx.t('validation.tooLong', { max: NOTE_MAX }) }];
      return reply.page(EnteApprovePage({ ctx, revision, fields: await fieldsOf(revision), note, issues }), 400);
    }
    await approveFacts(db, actorOf(request), revision.id, versionOf(request.body), note || undefined, mail);
    return redirect(reply, withNotice(cityPaths.enteRevision(revision.id), 'approvata'));
  });

  // Send back (a note is required: it is what the ente reads).
  app.get('/gestione-wemi/schede-enti/:revisionId/modifiche', options(), async (request, reply) => {
    const revision = await waitingRevision(request);
    return reply.page(EnteSendBackPage({ ctx: request.ctx, revision, note: '', issues: [] }));
  });

  app.post('/gestione-wemi/schede-enti/:revisionId/modifiche', options('ente.card.revision.request_changes'), async (request, reply) => {
    const ctx = request.ctx;
    const revision = await revisionParam(request);
    const note = noteOf(request.body);
    const issues: FieldIssue[] = [];
    if (!note) issues.push({ field: 'nota', message: ctx.t('enteReview.changes.error.required') });
    else if (note.length > NOTE_MAX) issues.push({ field: 'nota', message: ctx.t('validation.tooLong', { max: NOTE_MAX }) });
    if (issues.length) {
      // A wrong state is reported as such, before any form problem.
      if (revision.status !== 'submitted') throw new AppError('conflict', `Ente revision is ${revision.status}`);
      return reply.page(EnteSendBackPage({ ctx, revision, note, issues }), 400);
    }
    await sendBackFacts(db, actorOf(request), revision.id, versionOf(request.body), note, mail);
    return redirect(reply, withNotice(cityPaths.enteRevision(revision.id), 'rinviata'));
  });
}
