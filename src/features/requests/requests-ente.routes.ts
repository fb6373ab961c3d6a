import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppDeps } from '../../deps';
import type { Role } from '../../lib/http/access';
import { AppError, notFound, type FieldIssue } from '../../lib/http/errors';
import { checkUpload, formFields, formFile, PDF_DOCUMENT, sendStoredFile, takesFiles } from '../../lib/uploads';
import { entePaths, withNotice } from '../../web/paths';
import { findEnteCard } from '../ente-backoffice/ente-card.repository';
import { requireEnte } from '../ente-backoffice/ente-scope';
import {
  enteTeam,
  fileBelongs,
  findEnteRequest,
  listAttachments,
  listHistory,
  listInbox,
  PAGE_SIZE,
  servicesWithRequests,
  timeBandOptions,
  type EnteRequestDetail,
} from './requests-ente.repository';
import { assign, computedPrice, moveAndTell, parseDeclineForm, parseInboxQuery, parseOfferForm, type Actor } from './requests-ente.service';
import { CompletePage, DeclinePage, DetailPage, InboxPage, NOTICES, offerFormValues, type NoticeCode } from './requests-ente.view';
import { privateRoute } from '../../lib/http/private-routes';

// The ente's side of "citizens ask several enti at once": /gestione-ente/<ente id>/richieste — the inbox and the
// detail of each request, with the moves the ente makes (take in charge, offer, decline, start, complete), always
// through moveEnteRequest, each telling the citizen by e-mail and notification. Every route declares the ente
// roles and checks with requireEnte that the user acts for THIS ente; a request or file of another ente is 404.
// Assignment is for the ente's administrators; the other moves for administrators and operators.

const ENTE_ROLES: readonly Role[] = ['ente_admin', 'ente_operator'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ADMIN_ROLES: readonly Role[] = ['ente_admin'];

/** Route options: every route for the ente's people, assignment for its administrators (scope() checks THIS ente). */
const options = (auditAction?: string, adminOnly = false): RouteShorthandOptions => 
  privateRoute({ roles: adminOnly ? ADMIN_ROLES : ENTE_ROLES }, auditAction);

type Params = { enteId?: string; enteRequestId?: string; fileId?: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;

function noticeOf(request: FastifyRequest): NoticeCode | undefined {
  const v = (request.query as Record<string, unknown> | undefined)?.esito;
  const s = typeof v === 'string' ? v : '';
  return Object.hasOwn(NOTICES, s) ? (s as NoticeCode) : undefined;
}

const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();
const actorOf = (request: FastifyRequest): Actor => ({ id: request.user!.id, label: request.user!.label, ip: request.ip });

export function registerEnteRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const baseUrl = config.publicBaseUrl;

  async function scope(request: FastifyRequest): Promise<{ ente: { id: string; name: string }; isAdmin: boolean }> {
    const enteId = requireEnte(request, paramsOf(request).enteId ?? '');
    const isAdmin = request.user!.organizations.some((o) => o.id === enteId && o.role === 'ente_admin');
    const ente = await findEnteCard(db, enteId);
    if (!ente) throw notFound('Ente');
    return { ente: { id: ente.id, name: ente.name }, isAdmin };
  }

  /** The ente request of the path, only when it belongs to this ente (404 otherwise). */
  async function requestOf(request: FastifyRequest, enteId: string): Promise<EnteRequestDetail> {
    const id = paramsOf(request).enteRequestId ?? '';
    const r = UUID.test(id) ? await findEnteRequest(db, enteId, id.toLowerCase()) : undefined;
    if (!r) throw notFound('Request');
    return r;
  }

  const detailPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    s: { ente: { id: string; name: string }; isAdmin: boolean },
    r: EnteRequestDetail,
    opts: { offer?: { values: Record<string, string>; issues: FieldIssue[] }; assignIssues?: FieldIssue[]; status?: number } = {},
  ) => {
    const [attachments, history, team, timeBands, computed] = await Promise.all([
      listAttachments(db, r.request_id),
      listHistory(db, r.id),
      enteTeam(db, s.ente.id),
      timeBandOptions(db),
      computedPrice(db, r),
    ]);
    return reply.page(
      DetailPage({
        ctx: request.ctx,
        view: {
          ente: s.ente,
          isAdmin: s.isAdmin,
          request: r,
          attachments,
          history,
          team,
          timeBands,
          computed,
          offerForm: opts.offer ?? { values: offerFormValues(r, computed), issues: [] },
          assignForm: { values: { operatore: opts.assignIssues ? '' : (r.assigned_to ?? '') }, issues: opts.assignIssues ?? [] },
          notice: opts.status ? undefined : noticeOf(request),
        },
      }),
      opts.status ?? 200,
    );
  };

  const done = (reply: FastifyReply, enteId: string, id: string, notice: NoticeCode) => redirect(reply, withNotice(entePaths.request(enteId, id), notice));

  // 1. Inbox
  app.get('/gestione-ente/:enteId/richieste', options(), async (request, reply) => {
    const s = await scope(request);
    const { filters, values } = parseInboxQuery(request.query);
    const [{ rows, total }, services, team] = await Promise.all([listInbox(db, s.ente.id, filters), servicesWithRequests(db, s.ente.id), enteTeam(db, s.ente.id)]);
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return reply.page(InboxPage({ ctx: request.ctx, view: { ente: s.ente, rows, total, pages, filters, values, services, team, notice: noticeOf(request) } }));
  });

  // 2. Detail and files
  app.get('/gestione-ente/:enteId/richieste/:enteRequestId', options(), async (request, reply) => {
    const s = await scope(request);
    return detailPage(request, reply, s, await requestOf(request, s.ente.id));
  });

  app.get('/gestione-ente/:enteId/richieste/:enteRequestId/file/:fileId', options(), async (request, reply) => {
    const s = await scope(request);
    const r = await requestOf(request, s.ente.id);
    const fileId = paramsOf(request).fileId ?? '';
    if (!UUID.test(fileId) || !(await fileBelongs(db, s.ente.id, r.id, fileId.toLowerCase()))) throw notFound('File');
    return sendStoredFile(db, reply, fileId.toLowerCase());
  });

  // 3. Assignment (administrators of the ente)
  app.post('/gestione-ente/:enteId/richieste/:enteRequestId/assegna', options('request.assign', true), async (request, reply) => {
    const s = await scope(request);
    if (!s.isAdmin) throw new AppError('forbidden', 'Only the administrators of the ente may assign requests');
    const r = await requestOf(request, s.ente.id);
    const chosen = (formFields(request.body).operatore ?? '').trim().toLowerCase();
    const team = await enteTeam(db, s.ente.id);
    if (chosen && !team.some((m) => m.id === chosen)) {
      return detailPage(request, reply, s, r, { assignIssues: [{ field: 'operatore', message: request.ctx.t('enteRequests.error.operator') }], status: 400 });
    }
    await assign(db, actorOf(request), r, chosen || null);
    return done(reply, s.ente.id, r.id, 'assegnata');
  });

  // 4. Moves
  app.post('/gestione-ente/:enteId/richieste/:enteRequestId/prendi-in-carico', options('request.take'), async (request, reply) => {
    const s = await scope(request);
    const r = await requestOf(request, s.ente.id);
    await moveAndTell(db, actorOf(request), r, 'take', { baseUrl });
    return done(reply, s.ente.id, r.id, 'presa-in-carico');
  });

  app.post('/gestione-ente/:enteId/richieste/:enteRequestId/offerta', takesFiles(options('request.offer'), PDF_DOCUMENT), async (request, reply) => {
    const s = await scope(request);
    const r = await requestOf(request, s.ente.id);
    const t = request.ctx.t;
    const bands = (await timeBandOptions(db)).map((b) => b.slug);
    const parsed = parseOfferForm(request.body, t, bands);
    const issues: FieldIssue[] = parsed.ok ? [] : [...parsed.issues];
    const file = formFile(request.body, 'preventivo');
    if (file) {
      const checked = checkUpload(file, PDF_DOCUMENT, t);
      if (!checked.ok) issues.push({ field: 'preventivo', message: checked.message });
    }
    if (!parsed.ok || issues.length) {
      const typed = formFields(request.body);
      const values = Object.fromEntries(['prezzo', 'dal', 'al', 'fascia', 'scadenza', 'note'].map((k) => [k, typed[k] ?? '']));
      return detailPage(request, reply, s, r, { offer: { values, issues }, status: 400 });
    }
    const o = parsed.value;
    await moveAndTell(db, actorOf(request), r, 'offer', {
      baseUrl,
      t,
      file,
      patch: {
        offer_price_computed: await computedPrice(db, r),
        offer_price: o.price,
        offer_period_from: o.from,
        offer_period_to: o.to,
        offer_time_band: o.timeBand,
        offer_expires_on: o.expires,
        offer_notes: o.notes,
      },
    });
    return done(reply, s.ente.id, r.id, 'offerta-inviata');
  });

  app.get('/gestione-ente/:enteId/richieste/:enteRequestId/rifiuta', options(), async (request, reply) => {
    const s = await scope(request);
    const r = await requestOf(request, s.ente.id);
    return reply.page(DeclinePage({ ctx: request.ctx, ente: s.ente, request: r, form: { values: {}, issues: [] } }));
  });

  app.post('/gestione-ente/:enteId/richieste/:enteRequestId/rifiuta', options('request.decline'), async (request, reply) => {
    const s = await scope(request);
    const r = await requestOf(request, s.ente.id);
    const parsed = parseDeclineForm(request.body, request.ctx.t);
    if (!parsed.ok) {
      return reply.page(DeclinePage({ ctx: request.ctx, ente: s.ente, request: r, form: { values: { motivo: formFields(request.body).motivo ?? '' }, issues: parsed.issues } }), 400);
    }
    await moveAndTell(db, actorOf(request), r, 'decline', { baseUrl, patch: { decline_reason: parsed.value }, note: parsed.value });
    return done(reply, s.ente.id, r.id, 'rifiutata');
  });

  app.post('/gestione-ente/:enteId/richieste/:enteRequestId/avvia', options('request.start'), async (request, reply) => {
    const s = await scope(request);
    const r = await requestOf(request, s.ente.id);
    await moveAndTell(db, actorOf(request), r, 'start', { baseUrl });
    return done(reply, s.ente.id, r.id, 'avviata');
  });

  app.get('/gestione-ente/:enteId/richieste/:enteRequestId/completa', options(), async (request, reply) => {
    const s = await scope(request);
    const r = await requestOf(request, s.ente.id);
    return reply.page(CompletePage({ ctx: request.ctx, ente: s.ente, request: r }));
  });

  app.post('/gestione-ente/:enteId/richieste/:enteRequestId/completa', options('request.complete'), async (request, reply) => {
    const s = await scope(request);
    const r = await requestOf(request, s.ente.id);
    await moveAndTell(db, actorOf(request), r, 'complete', { baseUrl });
    return done(reply, s.ente.id, r.id, 'conclusa');
  });
}
