import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppDeps } from '../../deps';
import { audit } from '../../lib/audit';
import type { Access } from '../../lib/http/access';
import { notFound } from '../../lib/http/errors';
import { formFields, formFile, sendStoredFile, takesFiles } from '../../lib/uploads';
import { cityPaths, entePaths, paths, withNotice } from '../../web/paths';
import { requireEnte } from '../ente-backoffice/ente-scope';
import {
  COMPLAINT_STATES,
  findComplaint,
  lastRead,
  listComplaints,
  listMessages,
  listNotifications,
  markAllNotificationsRead,
  markRead,
  messageFile,
  qualityRows,
  threadContext,
  type ComplaintState,
  type Side,
  type ThreadContext,
} from './conversations.repository';
import { fileComplaint, MESSAGE_FILE, moveComplaint, parseComplaint, postMessage, qualityFigures, type Actor } from './conversations.service';
import { ComplaintFormPage, ComplaintPage, ComplaintsListPage, NotificationsPage, QualityPage, ThreadPage, type ThreadView } from './conversations.view';
import { privateRoute, queryValue } from '../../lib/http/private-routes';

// Conversations on ente requests (citizen and ente sides, City read-only), notifications received in the personal
// area, complaints (citizen form; City queue and page), the City's quality page. A thread that is not the
// visitor's answers 404 (citizen, and another ente by requireEnte); every change is audited.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CITY: Access = { roles: ['city:requests'] };
const ENTE: Access = { roles: ['ente_admin', 'ente_operator'] };

const options = (access: Access): RouteShorthandOptions => privateRoute(access);

type Params = { requestId?: string; enteRequestId?: string; enteId?: string; messageId?: string; complaintId?: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;
const uuidParam = (v: string | undefined, what: string) => {
  if (!v || !UUID.test(v)) throw notFound(what);
  return v.toLowerCase();
};
const single = (query: unknown, name: string) => {
  const v = (query as Record<string, unknown> | undefined)?.[name];
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof s === 'string' ? s.trim() : '';
};
const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();
const actorOf = (request: FastifyRequest): Actor => ({ id: request.user!.id, label: request.user!.label, ip: request.ip });

const NOTICES = { 'messaggio-inviato': 'threads.notice.sent', 'reclamo-inviato': 'threads.notice.complaint' } as const;
const CITY_NOTICES = { take: 'threads.cityComplaints.notice.take', answer: 'threads.cityComplaints.notice.answer', close: 'threads.cityComplaints.notice.close' } as const;

export function registerConversationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const baseUrl = config.publicBaseUrl;

  /** The thread of the citizen who owns the request; 404 for anyone else. */
  async function citizenThread(request: FastifyRequest): Promise<ThreadContext> {
    const p = paramsOf(request);
    const requestId = uuidParam(p.requestId, 'Request');
    const th = await threadContext(db, uuidParam(p.enteRequestId, 'Request'));
    if (!th || th.request_id !== requestId || th.citizen_id !== request.user!.id) throw notFound('Request');
    return th;
  }

  /** The thread of a request to the ente the user acts for (404 for another ente and for another ente's request). */
  async function enteThread(request: FastifyRequest): Promise<ThreadContext> {
    const p = paramsOf(request);
    const enteId = requireEnte(request, p.enteId ?? '');
    const th = await threadContext(db, uuidParam(p.enteRequestId, 'Request'));
    if (!th || th.organization_id !== enteId) throw notFound('Request');
    return th;
  }

  async function threadPage(request: FastifyRequest, reply: FastifyReply, th: ThreadContext, side: Side, extra: Partial<ThreadView> = {}, status = 200) {
    const previous = await lastRead(db, th.id, side);
    const messages = await listMessages(db, th.id);
    if (status === 200) await markRead(db, th.id, side);
    const notice = queryValue(request.query, 'esito');
    const view: ThreadView = {
      thread: th,
      messages,
      viewer: side,
      lastRead: previous,
      form: { values: {}, issues: [] },
      notice: Object.hasOwn(NOTICES, notice) ? request.ctx.t(NOTICES[notice as keyof typeof NOTICES]) : undefined,
      ...(side === 'citizen'
        ? {
            action: paths.requestMessages(th.request_id, th.id),
            fileHref: (m: string) => paths.requestMessageFile(th.request_id, th.id, m),
            crumbs: [
              { href: paths.personalArea(), label: request.ctx.t('threads.notif.crumb') },
              { href: paths.request(th.request_id), label: th.reference },
            ],
            complaintHref: paths.requestComplaint(th.request_id, th.id),
          }
        : {
            action: entePaths.requestMessages(th.organization_id, th.id),
            fileHref: (m: string) => entePaths.requestMessageFile(th.organization_id, th.id, m),
            crumbs: [
              { href: entePaths.home(th.organization_id), label: request.ctx.t('threads.crumb.ente') },
              { href: entePaths.requests(th.organization_id), label: request.ctx.t('threads.crumb.requestsEnte') },
              { href: entePaths.request(th.organization_id, th.id), label: th.reference },
            ],
          }),
      ...extra,
    };
    return reply.page(ThreadPage({ ctx: request.ctx, view }), status);
  }

  async function post(request: FastifyRequest, reply: FastifyReply, th: ThreadContext, side: Side) {
    const body = formFields(request.body);
    const outcome = await postMessage(db, th, side, actorOf(request), { body: body.testo, file: formFile(request.body, 'allegato') }, request.ctx.t, { baseUrl });
    if (!outcome.ok) return threadPage(request, reply, th, side, { form: { values: { testo: body.testo }, issues: outcome.issues } }, 400);
    const path = side === 'citizen' ? paths.requestMessages(th.request_id, th.id) : entePaths.requestMessages(th.organization_id, th.id);
    return redirect(reply, withNotice(path, 'messaggio-inviato'));
  }

  async function download(reply: FastifyReply, th: ThreadContext, messageId: string | undefined) {
    const fileId = await messageFile(db, th.id, uuidParam(messageId, 'File'));
    if (!fileId) throw notFound('File');
    return sendStoredFile(db, reply, fileId);
  }

  // 1. Citizen side.
  app.get('/richieste/:requestId/enti/:enteRequestId/messaggi', options('authenticated'), async (request, reply) =>
    threadPage(request, reply, await citizenThread(request), 'citizen'),
  );
  app.post('/richieste/:requestId/enti/:enteRequestId/messaggi', takesFiles(options('authenticated'), MESSAGE_FILE), async (request, reply) =>
    post(request, reply, await citizenThread(request), 'citizen'),
  );
  app.get('/richieste/:requestId/enti/:enteRequestId/messaggi/:messageId/allegato', options('authenticated'), async (request, reply) =>
    download(reply, await citizenThread(request), paramsOf(request).messageId),
  );

  // 2. Ente side.
  app.get('/gestione-ente/:enteId/richieste/:enteRequestId/messaggi', options(ENTE), async (request, reply) =>
    threadPage(request, reply, await enteThread(request), 'ente'),
  );
  app.post('/gestione-ente/:enteId/richieste/:enteRequestId/messaggi', takesFiles(options(ENTE), MESSAGE_FILE), async (request, reply) =>
    post(request, reply, await enteThread(request), 'ente'),
  );
  app.get('/gestione-ente/:enteId/richieste/:enteRequestId/messaggi/:messageId/allegato', options(ENTE), async (request, reply) =>
    download(reply, await enteThread(request), paramsOf(request).messageId),
  );

  // 3. City: read-only, every reading audited.
  app.get('/gestione-wemi/richieste/:enteRequestId/messaggi', options(CITY), async (request, reply) => {
    const th = await threadContext(db, uuidParam(paramsOf(request).enteRequestId, 'Request'));
    if (!th) throw notFound('Request');
    await audit(db, { actorId: request.user!.id, actorLabel: request.user!.label, action: 'thread.read_by_city', targetType: 'ente_request', targetId: th.id, ip: request.ip });
    const view: ThreadView = {
      thread: th,
      messages: await listMessages(db, th.id),
      viewer: 'city',
      lastRead: null,
      form: { values: {}, issues: [] },
      action: '',
      fileHref: null,
      crumbs: [{ href: paths.cityBackOffice(), label: request.ctx.t('cityUsers.backOffice.title') }, { href: cityPaths.quality(), label: request.ctx.t('threads.city.crumb') }],
    };
    return reply.page(ThreadPage({ ctx: request.ctx, view }));
  });

  // 4. Notifications received.
  app.get(paths.inbox(), options('authenticated'), async (request, reply) => {
    const notice = queryValue(request.query, 'esito') === 'lette' ? request.ctx.t('threads.notif.marked') : undefined;
    return reply.page(NotificationsPage({ ctx: request.ctx, items: await listNotifications(db, request.user!.id), notice }));
  });
  app.post('/area-personale/notifiche-ricevute/lette', options('authenticated'), async (request, reply) => {
    await markAllNotificationsRead(db, request.user!.id);
    return redirect(reply, withNotice(paths.inbox(), 'lette'));
  });

  // 5. Complaints: the citizen's form.
  app.get('/richieste/:requestId/enti/:enteRequestId/reclamo', options('authenticated'), async (request, reply) => {
    const th = await citizenThread(request);
    return reply.page(ComplaintFormPage({ ctx: request.ctx, thread: th, form: { values: {}, issues: [] } }));
  });
  app.post('/richieste/:requestId/enti/:enteRequestId/reclamo', options('authenticated'), async (request, reply) => {
    const th = await citizenThread(request);
    const fields = formFields(request.body);
    const parsed = parseComplaint(fields, request.ctx.t);
    if (!parsed.ok) return reply.page(ComplaintFormPage({ ctx: request.ctx, thread: th, form: { values: fields, issues: parsed.issues } }), 400);
    await fileComplaint(db, th, actorOf(request), parsed);
    return redirect(reply, withNotice(paths.requestMessages(th.request_id, th.id), 'reclamo-inviato'));
  });

  // 6. Complaints: the City's queue and page.
  app.get('/gestione-wemi/reclami', options(CITY), async (request, reply) => {
    const s = queryValue(request.query, 'stato');
    const status = (COMPLAINT_STATES as readonly string[]).includes(s) ? (s as ComplaintState) : undefined;
    return reply.page(ComplaintsListPage({ ctx: request.ctx, items: await listComplaints(db, status), status: status ?? '' }));
  });

  const complaintPage = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string> = {}, issues: { field: string; message: string }[] = []) => {
    const c = await findComplaint(db, uuidParam(paramsOf(request).complaintId, 'Complaint'));
    if (!c) throw notFound('Complaint');
    const n = queryValue(request.query, 'esito');
    const notice = !issues.length && Object.hasOwn(CITY_NOTICES, n) ? request.ctx.t(CITY_NOTICES[n as keyof typeof CITY_NOTICES]) : undefined;
    return reply.page(ComplaintPage({ ctx: request.ctx, c, form: { values, issues }, notice }), issues.length ? 400 : 200);
  };

  app.get('/gestione-wemi/reclami/:complaintId', options(CITY), async (request, reply) => complaintPage(request, reply));

  app.post('/gestione-wemi/reclami/:complaintId/stato', options(CITY), async (request, reply) => {
    const id = uuidParam(paramsOf(request).complaintId, 'Complaint');
    const action = formFields(request.body).azione;
    if (action !== 'take' && action !== 'close') throw notFound('Action');
    await moveComplaint(db, id, action, actorOf(request));
    return redirect(reply, withNotice(cityPaths.complaint(id), action));
  });

  app.post('/gestione-wemi/reclami/:complaintId/risposta', options(CITY), async (request, reply) => {
    const id = uuidParam(paramsOf(request).complaintId, 'Complaint');
    const fields = formFields(request.body);
    const answer = (fields.risposta ?? '').replace(/\r\n/g, '\n').trim();
    if (!answer || answer.length > 5000) {
      return complaintPage(request, reply, fields, [{ field: 'risposta', message: request.ctx.t('threads.cityComplaints.answerError') }]);
    }
    await moveComplaint(db, id, 'answer', actorOf(request), answer);
    return redirect(reply, withNotice(cityPaths.complaint(id), 'answer'));
  });

  // 7. Quality of answers.
  app.get('/gestione-wemi/qualita', options(CITY), async (request, reply) => {
    const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
    // Milan calendar days: the default period is the last 90 days.
    const milanDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(ms));
    const today = milanDay(Date.now());
    const defaultFrom = milanDay(Date.now() - 90 * 86_400_000);
    const raw = { dal: queryValue(request.query, 'dal'), al: queryValue(request.query, 'al') };
    const issues = (['dal', 'al'] as const).filter((k) => raw[k] && !isDate(raw[k])).map((k) => ({ field: k, message: request.ctx.t('threads.quality.invalidDate') }));
    const from = raw.dal && isDate(raw.dal) ? raw.dal : defaultFrom;
    const to = raw.al && isDate(raw.al) ? raw.al : today;
    const figures = qualityFigures(await qualityRows(db, { from, to }));
    return reply.page(QualityPage({ ctx: request.ctx, form: { values: { dal: from, al: to }, issues }, ...figures }), issues.length ? 400 : 200);
  });
}
