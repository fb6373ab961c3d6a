import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod, RouteShorthandOptions } from 'fastify';
import type { AppDeps } from '../../deps';
import type { MessageKey } from '../../i18n/catalogue';
import { audit } from '../../lib/audit';
import { AppError, notFound, type FieldIssue } from '../../lib/http/errors';
import type { Access, Role } from '../../lib/http/access';
import { formFields, PDF_DOCUMENT, sendStoredFile, takesFiles } from '../../lib/uploads';
import { bodyString } from '../../web/forms';
import { DOCUMENT_KINDS, readData, SECTIONS, type Section } from './application.data';
import { isEditable, NotEditableError, TransitionError, type ApplicationStatus } from './application.state';
import { validateApplication } from './application.validation';
import { cityPaths, paths, withNotice } from '../../web/paths';
import {
  applicationsOf,
  countOverdue,
  countQueue,
  documentOf,
  documentsOf,
  eventsOf,
  findApplication,
  latestSubmissions,
  listQueue,
  type ApplicationRow,
  type QueueFilter,
} from './applications.repository';
import {
  formOptions,
  NOTE_MAX,
  notesOf,
  RESPONSE_DAYS,
  ownedBy,
  qualifyApplication,
  rejectApplication,
  removeDocument,
  requestChanges,
  saveApplication,
  startApplication,
  submitApplication,
  takeReview,
  validationContext,
  type Actor,
} from './applications.service';
import { ApplicationFormPage, ApplicationStatusPage, MyApplicationsPage, NOTICES, OpenCallPage, RefusedPage, RemoveDocumentPage, SummaryPage, type NoticeCode } from './applications.view';
import {
  CITY_NOTICES,
  CityApplicationPage,
  QualifyPage,
  QUEUE_STATUS_FILTERS,
  QueuePage,
  RejectPage,
  RequestChangesPage,
  type CityNoticeCode,
  type QueueFilterValues,
} from './applications-city.view';
import { pageParam, privateRoute, queryValue } from '../../lib/http/private-routes';

// "Enti join WeMi", part 1: the open call (public), the application (any logged-in person: the legal representative
// or a delegate, with SPID, CIE or an account) and the City's qualification (permission 'city:enti').
// Forms follow the GOV.UK pattern: a problem answers 400 with the same page, the values typed and an error summary;
// a success redirects (303) to a page announcing it. A change the state machine refuses answers with a page that
// says why (409 wrong state, 403 wrong actor) and changes nothing.

export const QUEUE_PAGE_SIZE = 20;

const CITY_ENTI: readonly Role[] = ['city:enti'];

const options = (access: Access): RouteShorthandOptions => privateRoute(access);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidParam(request: FastifyRequest, name: string): string {
  const v = (request.params as Record<string, string | undefined>)[name];
  if (!v || !UUID.test(v)) throw notFound();
  return v.toLowerCase();
}

function noticeOf<T extends string>(query: unknown, catalogue: Record<T, unknown>): T | undefined {
  const s = queryValue(query, 'esito');
  return Object.hasOwn(catalogue, s) ? (s as T) : undefined;
}

const actorOf = (request: FastifyRequest): Actor => ({ id: request.user!.id, label: request.user!.label, ip: request.ip });

const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();

export function registerApplicationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const mailOpts = { baseUrl: config.publicBaseUrl };

  /**
   * Runs a handler; a change refused by the state machine becomes a page that says why, with the right status
   * (nothing was changed: the transaction rolled back).
   */
  const guarded =
    (back: (request: FastifyRequest) => { href: string; label: string }, handler: RouteHandlerMethod): RouteHandlerMethod =>
    async function (this: FastifyInstance, request, reply) {
      try {
        return await handler.call(this, request, reply);
      } catch (err) {
        if (err instanceof TransitionError || err instanceof NotEditableError) {
          const { t } = request.ctx;
          const status = err instanceof TransitionError ? err.status : 409;
          const params = {
            action: err instanceof TransitionError ? t(`applications.action.${err.action}` as MessageKey) : '',
            status: t(`applications.status.${err.from}` as MessageKey),
          };
          return reply.page(RefusedPage({ ctx: request.ctx, message: t(err.messageKey, params), back: back(request) }), status);
        }
        throw err;
      }
    };

  const applicantBack = (request: FastifyRequest) => {
    const id = (request.params as { id?: string }).id;
    return id && UUID.test(id) ? { href: paths.application(id), label: request.ctx.t('applications.refused.backToApplication') } : { href: paths.myApplications(), label: request.ctx.t('applications.mine.title') };
  };
  const cityBack = (request: FastifyRequest) => {
    const id = (request.params as { id?: string }).id;
    return id && UUID.test(id) ? { href: cityPaths.application(id), label: request.ctx.t('applications.refused.backToApplication') } : { href: cityPaths.applications(), label: request.ctx.t('applications.city.queue.title') };
  };

  /** The logged-in person's application of `:id` (404 none, 403 someone else's). */
  async function myApplication(request: FastifyRequest): Promise<ApplicationRow> {
    return ownedBy(await findApplication(db, uuidParam(request, 'id')), request.user!.id);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Public: the open call

  app.get(paths.openCall(), { config: { access: 'public' } }, async (request, reply) => {
    const { categories } = await formOptions(db);
    return reply.page(OpenCallPage({ ctx: request.ctx, categories }));
  });

  // ---------------------------------------------------------------------------------------------------------
  // The applicant

  app.get(paths.myApplications(), options('authenticated'), async (request, reply) => {
    const items = await applicationsOf(db, request.user!.id);
    return reply.page(MyApplicationsPage({ ctx: request.ctx, items, notice: noticeOf<NoticeCode>(request.query, NOTICES) }));
  });

  app.post(paths.myApplications(), options('authenticated'), async (request, reply) => {
    const { id, created } = await startApplication(db, actorOf(request), request.ctx.locale);
    return redirect(reply, created ? paths.applicationEdit(id) : withNotice(paths.applicationEdit(id), 'bozza'));
  });

  app.get('/diventa-ente/domanda/:id', options('authenticated'), async (request, reply) => {
    const row = await myApplication(request);
    const [documents, events, opts] = await Promise.all([documentsOf(db, row.id), eventsOf(db, row.id), formOptions(db)]);
    return reply.page(
      ApplicationStatusPage({
        ctx: request.ctx,
        row,
        data: readData(row.data),
        documents,
        events,
        options: opts,
        notes: notesOf(row.section_notes),
        notice: noticeOf<NoticeCode>(request.query, NOTICES),
      }),
    );
  });

  async function formPage(request: FastifyRequest, reply: FastifyReply, row: ApplicationRow, view: { data?: ReturnType<typeof readData>; issues?: FieldIssue[]; status?: number }) {
    const [documents, opts] = await Promise.all([documentsOf(db, row.id), formOptions(db)]);
    return reply.page(
      ApplicationFormPage({
        ctx: request.ctx,
        view: {
          row,
          data: view.data ?? readData(row.data),
          documents,
          options: opts,
          issues: view.issues ?? [],
          notes: row.status === 'changes_requested' ? notesOf(row.section_notes) : {},
          notice: noticeOf<NoticeCode>(request.query, NOTICES),
        },
      }),
      view.status ?? 200,
    );
  }

  app.get('/diventa-ente/domanda/:id/modifica', options('authenticated'), async (request, reply) => {
    const row = await myApplication(request);
    if (!isEditable(row.status)) return redirect(reply, paths.application(row.id));
    return formPage(request, reply, row, {});
  });

  app.post(
    '/diventa-ente/domanda/:id/modifica',
    // One PDF per kind of document.
    takesFiles(options('authenticated'), PDF_DOCUMENT, DOCUMENT_KINDS.length),
    guarded(applicantBack, async (request, reply) => {
      const id = uuidParam(request, 'id');
      const ctx = request.ctx;
      const toSummary = formFields(request.body).azione === 'riepilogo';
      const outcome = await saveApplication(db, actorOf(request), id, request.body, ctx.t, ctx.locale, toSummary ? 'submit' : 'draft');
      if (outcome.issues.length) {
        const row = (await findApplication(db, id))!;
        return formPage(request, reply, row, { data: outcome.data, issues: outcome.issues, status: 400 });
      }
      return redirect(reply, toSummary ? paths.applicationSummary(id) : withNotice(paths.applicationEdit(id), 'salvata'));
    }),
  );

  app.get('/diventa-ente/domanda/:id/riepilogo', options('authenticated'), async (request, reply) => {
    const row = await myApplication(request);
    if (!isEditable(row.status)) return redirect(reply, paths.application(row.id));
    const [documents, opts] = await Promise.all([documentsOf(db, row.id), formOptions(db)]);
    const data = readData(row.data);
    const issues = validateApplication(data, 'submit', validationContext(opts, documents), request.ctx.t);
    return reply.page(SummaryPage({ ctx: request.ctx, row, data, documents, options: opts, issues }));
  });

  app.post(
    '/diventa-ente/domanda/:id/invia',
    options('authenticated'),
    guarded(applicantBack, async (request, reply) => {
      const id = uuidParam(request, 'id');
      const outcome = await submitApplication(db, actorOf(request), id, request.ctx.t, mailOpts);
      if (!outcome.ok) {
        const row = (await findApplication(db, id))!;
        return formPage(request, reply, row, { data: outcome.data, issues: outcome.issues, status: 400 });
      }
      return redirect(reply, withNotice(paths.application(id), outcome.resubmitted ? 'reinviata' : 'inviata'));
    }),
  );

  // Documents: the applicant and the City's enti team may read them; nobody else (403).
  async function sendDocument(request: FastifyRequest, reply: FastifyReply, row: ApplicationRow) {
    const doc = await documentOf(db, row.id, uuidParam(request, 'docId'));
    if (!doc) throw notFound('Document');
    if (row.applicant_id !== request.user!.id) {
      await audit(db, {
        actorId: request.user!.id,
        actorLabel: request.user!.label,
        action: 'applications.document.read',
        targetType: 'ente_application',
        targetId: row.id,
        ip: request.ip,
        details: { reference: row.reference, kind: doc.kind, documentId: doc.id },
      });
    }
    return sendStoredFile(db, reply, doc.file_id);
  }

  app.get('/diventa-ente/domanda/:id/documenti/:docId', { config: { access: 'authenticated' } }, async (request, reply) => {
    const row = await findApplication(db, uuidParam(request, 'id'));
    if (!row) throw notFound('Application');
    if (row.applicant_id !== request.user!.id && !request.roles.includes('city:enti')) throw new AppError('forbidden', 'Not allowed to read this document');
    return sendDocument(request, reply, row);
  });

  app.get('/diventa-ente/domanda/:id/documenti/:docId/elimina', options('authenticated'), async (request, reply) => {
    const row = await myApplication(request);
    if (!isEditable(row.status)) return redirect(reply, paths.application(row.id));
    const doc = await documentOf(db, row.id, uuidParam(request, 'docId'));
    if (!doc) throw notFound('Document');
    return reply.page(RemoveDocumentPage({ ctx: request.ctx, row, doc }));
  });

  app.post(
    '/diventa-ente/domanda/:id/documenti/:docId/elimina',
    options('authenticated'),
    guarded(applicantBack, async (request, reply) => {
      const id = uuidParam(request, 'id');
      await removeDocument(db, actorOf(request), id, uuidParam(request, 'docId'));
      return redirect(reply, `${withNotice(paths.applicationEdit(id), 'documento-rimosso')}#sezione-documenti`);
    }),
  );

  // ---------------------------------------------------------------------------------------------------------
  // The City: queue, application, decisions

  app.get(cityPaths.applications(), options({ roles: CITY_ENTI }), async (request, reply) => {
    const ctx = request.ctx;
    const filter: QueueFilterValues = { q: queryValue(request.query, 'q'), stato: queryValue(request.query, 'stato'), categoria: queryValue(request.query, 'categoria') };
    const opts = await formOptions(db);
    const issues: FieldIssue[] = [];
    if (filter.q.length > 100) issues.push({ field: 'q', message: ctx.t('validation.tooLong', { max: 100 }) });
    if (filter.stato && !(QUEUE_STATUS_FILTERS as readonly string[]).includes(filter.stato)) issues.push({ field: 'stato', message: ctx.t('applications.city.filter.error') });
    if (filter.categoria && !opts.categories.some((c) => c.code === filter.categoria)) issues.push({ field: 'categoria', message: ctx.t('applications.city.filter.error') });
    const now = new Date();
    if (issues.length) {
      return reply.page(QueuePage({ ctx, filter, issues, categories: opts.categories, items: [], total: 0, page: 1, pages: 1, overdue: 0, now }), 400);
    }
    const f: QueueFilter = {
      status: (filter.stato || undefined) as ApplicationStatus | 'open' | undefined,
      text: filter.q || undefined,
      category: filter.categoria || undefined,
    };
    const total = await countQueue(db, f);
    const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
    const page = Math.min(pageParam(request.query), pages);
    const [items, overdue] = await Promise.all([listQueue(db, f, QUEUE_PAGE_SIZE, (page - 1) * QUEUE_PAGE_SIZE), countOverdue(db, RESPONSE_DAYS)]);
    return reply.page(QueuePage({ ctx, filter, issues, categories: opts.categories, items, total, page, pages, overdue, now }));
  });

  /** An application the City may see: any but a draft (drafts are their applicant's alone). */
  async function cityApplication(request: FastifyRequest): Promise<ApplicationRow> {
    const row = await findApplication(db, uuidParam(request, 'id'));
    if (!row || row.status === 'draft') throw notFound('Application');
    return row;
  }

  /** Any application, for a decision: the state machine refuses the ones in the wrong state (drafts included). */
  async function decisionTarget(request: FastifyRequest): Promise<ApplicationRow> {
    const row = await findApplication(db, uuidParam(request, 'id'));
    if (!row) throw notFound('Application');
    return row;
  }

  app.get('/gestione-wemi/domande/:id', options({ roles: CITY_ENTI }), async (request, reply) => {
    const row = await cityApplication(request);
    const [documents, events, opts, submissions] = await Promise.all([documentsOf(db, row.id), eventsOf(db, row.id), formOptions(db), latestSubmissions(db, row.id, 2)]);
    return reply.page(
      CityApplicationPage({
        submissions,
        ctx: request.ctx,
        row,
        data: readData(row.data),
        documents,
        events,
        options: opts,
        notice: noticeOf<CityNoticeCode>(request.query, CITY_NOTICES),
        now: new Date(),
      }),
    );
  });

  app.get('/gestione-wemi/domande/:id/documenti/:docId', { config: { access: { roles: CITY_ENTI } } }, async (request, reply) => {
    const row = await cityApplication(request);
    return sendDocument(request, reply, row);
  });

  app.post(
    '/gestione-wemi/domande/:id/prendi-in-carico',
    options({ roles: CITY_ENTI }),
    guarded(cityBack, async (request, reply) => {
      const id = uuidParam(request, 'id');
      await takeReview(db, actorOf(request), id, mailOpts);
      return redirect(reply, withNotice(cityPaths.application(id), 'in-esame'));
    }),
  );

  // Request changes: one note per section, at least one.
  app.get(
    '/gestione-wemi/domande/:id/richiedi-modifiche',
    options({ roles: CITY_ENTI }),
    guarded(cityBack, async (request, reply) => {
      const row = await cityApplication(request);
      if (row.status !== 'under_review') throw new TransitionError('illegal', 'request_changes', row.status);
      return reply.page(RequestChangesPage({ ctx: request.ctx, row, data: readData(row.data), values: {}, issues: [] }));
    }),
  );

  app.post(
    '/gestione-wemi/domande/:id/richiedi-modifiche',
    options({ roles: CITY_ENTI }),
    guarded(cityBack, async (request, reply) => {
      const ctx = request.ctx;
      const row = await decisionTarget(request);
      const values: Partial<Record<Section, string>> = {};
      const issues: FieldIssue[] = [];
      for (const s of SECTIONS) {
        const v = (bodyString(request.body, `nota_${s}`) ?? '').replace(/\r\n?/g, '\n').trim();
        if (!v) continue;
        values[s] = v;
        if (v.length > NOTE_MAX) issues.push({ field: `nota_${s}`, message: ctx.t('validation.tooLong', { max: NOTE_MAX }) });
      }
      if (!Object.keys(values).length) issues.push({ field: 'nota_ente', message: ctx.t('applications.city.changes.error.none') });
      if (issues.length) {
        // A wrong state is reported as such, before any form problem.
        if (row.status !== 'under_review') throw new TransitionError('illegal', 'request_changes', row.status);
        return reply.page(RequestChangesPage({ ctx, row, data: readData(row.data), values, issues }), 400);
      }
      await requestChanges(db, actorOf(request), row.id, values, mailOpts);
      return redirect(reply, withNotice(cityPaths.application(row.id), 'modifiche-richieste'));
    }),
  );

  // Qualify: confirmation, then the one transaction that creates the ente.
  app.get(
    '/gestione-wemi/domande/:id/qualifica',
    options({ roles: CITY_ENTI }),
    guarded(cityBack, async (request, reply) => {
      const row = await cityApplication(request);
      if (row.status !== 'under_review') throw new TransitionError('illegal', 'qualify', row.status);
      return reply.page(QualifyPage({ ctx: request.ctx, row, data: readData(row.data), options: await formOptions(db) }));
    }),
  );

  app.post(
    '/gestione-wemi/domande/:id/qualifica',
    options({ roles: CITY_ENTI }),
    guarded(cityBack, async (request, reply) => {
      const id = uuidParam(request, 'id');
      await qualifyApplication(db, actorOf(request), id, mailOpts);
      return redirect(reply, withNotice(cityPaths.application(id), 'qualificata'));
    }),
  );

  // Reject: a reason, then the change.
  app.get(
    '/gestione-wemi/domande/:id/respingi',
    options({ roles: CITY_ENTI }),
    guarded(cityBack, async (request, reply) => {
      const row = await cityApplication(request);
      if (row.status !== 'under_review') throw new TransitionError('illegal', 'reject', row.status);
      return reply.page(RejectPage({ ctx: request.ctx, row, data: readData(row.data), reason: '', issues: [] }));
    }),
  );

  app.post(
    '/gestione-wemi/domande/:id/respingi',
    options({ roles: CITY_ENTI }),
    guarded(cityBack, async (request, reply) => {
      const ctx = request.ctx;
      const row = await decisionTarget(request);
      const reason = (bodyString(request.body, 'motivo') ?? '').replace(/\r\n?/g, '\n').trim();
      const issues: FieldIssue[] = [];
      if (!reason) issues.push({ field: 'motivo', message: ctx.t('applications.city.reject.error.required') });
      else if (reason.length > NOTE_MAX) issues.push({ field: 'motivo', message: ctx.t('validation.tooLong', { max: NOTE_MAX }) });
      if (issues.length) {
        if (row.status !== 'under_review') throw new TransitionError('illegal', 'reject', row.status);
        return reply.page(RejectPage({ ctx, row, data: readData(row.data), reason, issues }), 400);
      }
      await rejectApplication(db, actorOf(request), row.id, reason, mailOpts);
      return redirect(reply, withNotice(cityPaths.application(row.id), 'respinta'));
    }),
  );
}
