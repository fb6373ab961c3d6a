import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps';
import { audit } from '../../lib/audit';
import type { Role } from '../../lib/http/access';
import { AppError, notFound, type FieldIssue } from '../../lib/http/errors';
import { bodyString, emptyForm, type FormState } from '../../web/forms';
import { cityPaths, entePaths, paths, patterns, withNotice } from '../../web/paths';
import { enteRoleOf, requireEnte } from '../ente-backoffice/ente-scope';
import { mailModeration, mailNewReview } from './reviews.mail';
import {
  findReview,
  findReviewTarget,
  insertReview,
  listReviews,
  moderateReview,
  organizationName,
  recomputeServiceRating,
  replyToReview,
} from './reviews.repository';
import {
  CityQueuePage,
  COMMENT_MAX,
  DecidePage,
  EnteReviewsPage,
  RATINGS,
  ReplyPage,
  ReviewDonePage,
  ReviewFormPage,
  STATUS_PARAMS,
  type Decision,
  type NoticeCode,
  type StatusParam,
} from './reviews.view';

// Reviews of a completed ente request, which the reviewed ente does not moderate:
// - the citizen who owns the request reviews each completed ente request once (ratings count at once);
// - the City (permission 'city:requests': reviews are part of the requests' quality follow-up) publishes or
//   rejects the comment, with a note; the citizen is told by e-mail;
// - the ente sees its reviews (comments only when published) and an administrator replies once, publicly.

const CITY: { roles: readonly Role[] } = { roles: ['city:requests'] };
const ENTE_ANY: { roles: readonly Role[] } = { roles: ['ente_admin', 'ente_operator'] };
const ENTE_ADMIN: { roles: readonly Role[] } = { roles: ['ente_admin'] };
const PER_PAGE = 20;
const NOTICES: readonly NoticeCode[] = ['published', 'rejected', 'replied'];

const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();
const single = (query: unknown, name: string): string | undefined => {
  const v = (query as Record<string, unknown> | undefined)?.[name];
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof s === 'string' ? s : undefined;
};
const noticeOf = (query: unknown) => {
  const s = single(query, 'esito');
  return NOTICES.find((n) => n === s);
};
const pageOf = (query: unknown, issues: FieldIssue[], t: FastifyRequest['ctx']['t']): number => {
  const raw = single(query, 'pagina');
  if (raw === undefined || raw === '') return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 10000) {
    issues.push({ field: 'pagina', message: t('validation.invalid') });
    return 1;
  }
  return n;
};
/** Text of a textarea: CRLF as LF, trimmed. */
const textOf = (body: unknown, name: string) => (bodyString(body, name) ?? '').replace(/\r\n?/g, '\n').trim();
const actor = (request: FastifyRequest) => ({ actorId: request.user!.id, actorLabel: request.user!.label, ip: request.ip });

export function registerReviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const baseUrl = config.PUBLIC_BASE_URL;

  // ------------------------------------------------------------------------------------------------------------
  // Citizen: write the review of a completed ente request.

  type WriteParams = { requestId: string; enteRequestId: string };

  const targetOf = async (request: FastifyRequest<{ Params: WriteParams }>) => {
    const target = await findReviewTarget(db, request.params.requestId, request.params.enteRequestId, request.user!.id);
    if (!target) throw notFound('Request');
    return target;
  };

  app.get<{ Params: WriteParams }>(patterns.requestReview, { config: { access: 'authenticated' } }, async (request, reply) => {
    const target = await targetOf(request);
    if (target.review_id) return reply.page(ReviewDonePage({ ctx: request.ctx, target, justSent: single(request.query, 'esito') === 'inviata' }));
    if (target.status !== 'completed') throw new AppError('conflict', 'The service is not completed yet');
    return reply.page(ReviewFormPage({ ctx: request.ctx, target, form: emptyForm() }));
  });

  app.post<{ Params: WriteParams }>(patterns.requestReview, { config: { access: 'authenticated', audit: 'review.create' } }, async (request, reply) => {
    const ctx = request.ctx;
    const target = await targetOf(request);
    if (target.review_id) throw new AppError('conflict', 'Already reviewed');
    if (target.status !== 'completed') throw new AppError('conflict', 'The service is not completed yet');
    const values: Record<string, string | undefined> = {};
    const issues: FieldIssue[] = [];
    const scores = {} as Record<(typeof RATINGS)[number], number>;
    for (const name of RATINGS) {
      const raw = bodyString(request.body, name);
      values[name] = raw;
      const n = Number(raw);
      if (!raw || !/^[1-5]$/.test(raw.trim())) issues.push({ field: name, message: ctx.t('reviews.error.rating') });
      else scores[name] = n;
    }
    const comment = textOf(request.body, 'comment');
    values.comment = comment;
    if ([...comment].length > COMMENT_MAX) issues.push({ field: 'comment', message: ctx.t('reviews.error.tooLong', { max: COMMENT_MAX }) });
    if (issues.length) return reply.page(ReviewFormPage({ ctx, target, form: { values, issues } }), 400);

    await db.transaction(async (tx) => {
      // Lock the ente request and check again: two submissions at once store one review.
      const locked = await findReviewTarget(tx, target.request_id, target.ente_request_id, request.user!.id, true);
      if (!locked || locked.status !== 'completed') throw new AppError('conflict', 'The service is not completed');
      const id = await insertReview(tx, {
        enteRequestId: locked.ente_request_id,
        serviceId: locked.service_id,
        organizationId: locked.organization_id,
        citizenId: request.user!.id,
        ...scores,
        comment: comment || null,
      });
      if (!id) throw new AppError('conflict', 'Already reviewed');
      const rating = await recomputeServiceRating(tx, locked.service_id);
      await audit(tx, {
        ...actor(request),
        action: 'review.create',
        targetType: 'review',
        targetId: id,
        details: { enteRequestId: locked.ente_request_id, serviceId: locked.service_id, ...scores, comment: !!comment, rating },
      });
      await mailNewReview(tx, { organizationId: locked.organization_id, serviceName: locked.service_name, overall: scores.overall }, baseUrl);
    });
    return redirect(reply, withNotice(paths.requestReview(target.request_id, target.ente_request_id), 'inviata'));
  });

  // ------------------------------------------------------------------------------------------------------------
  // City: the moderation queue, publish or reject a pending comment.

  app.get(patterns.city.reviews, { config: { access: CITY } }, async (request, reply) => {
    const ctx = request.ctx;
    const issues: FieldIssue[] = [];
    const rawStatus = single(request.query, 'stato') || 'in-attesa';
    let status: StatusParam = 'in-attesa';
    if (rawStatus in STATUS_PARAMS) status = rawStatus as StatusParam;
    else issues.push({ field: 'stato', message: ctx.t('validation.unknownValue', { value: rawStatus.slice(0, 100) }) });
    const q = (single(request.query, 'q') ?? '').trim().slice(0, 100);
    const page = pageOf(request.query, issues, ctx.t);
    if (issues.length) {
      return reply.page(CityQueuePage({ ctx, view: { status, q, rows: [], total: 0, page: 1, pages: 1, issues } }), 400);
    }
    const { total, rows } = await listReviews(db, { status: STATUS_PARAMS[status], q: q || undefined, page, perPage: PER_PAGE });
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    return reply.page(CityQueuePage({ ctx, view: { status, q, rows, total, page, pages, issues: [], notice: noticeOf(request.query) } }));
  });

  type DecideParams = { reviewId: string; decision: string };
  const decisionOf = (d: string): Decision => {
    if (d !== 'pubblica' && d !== 'rifiuta') throw notFound('Page');
    return d;
  };
  const pendingReview = async (id: string) => {
    const review = await findReview(db, id);
    if (!review || review.comment_status === 'none') throw notFound('Review');
    if (review.comment_status !== 'pending') throw new AppError('conflict', 'Already moderated');
    return review;
  };

  app.get<{ Params: DecideParams }>(patterns.city.reviewDecide, { config: { access: CITY } }, async (request, reply) => {
    const decision = decisionOf(request.params.decision);
    const review = await pendingReview(request.params.reviewId);
    return reply.page(DecidePage({ ctx: request.ctx, review, decision, form: emptyForm() }));
  });

  app.post<{ Params: DecideParams }>(patterns.city.reviewDecide, { config: { access: CITY, audit: 'review.moderate' } }, async (request, reply) => {
    const ctx = request.ctx;
    const decision = decisionOf(request.params.decision);
    const review = await pendingReview(request.params.reviewId);
    const note = textOf(request.body, 'note');
    const form: FormState = { values: { note }, issues: [] };
    if (decision === 'rifiuta' && !note) form.issues.push({ field: 'note', message: ctx.t('reviews.error.required') });
    if ([...note].length > COMMENT_MAX) form.issues.push({ field: 'note', message: ctx.t('reviews.error.tooLong', { max: COMMENT_MAX }) });
    if (form.issues.length) return reply.page(DecidePage({ ctx, review, decision, form }), 400);
    const status = decision === 'pubblica' ? 'published' : 'rejected';
    await db.transaction(async (tx) => {
      if (!(await moderateReview(tx, review.id, status, note || null, request.user!.id))) throw new AppError('conflict', 'Already moderated');
      await audit(tx, {
        ...actor(request),
        action: status === 'published' ? 'review.publish' : 'review.reject',
        targetType: 'review',
        targetId: review.id,
        details: { serviceId: review.service_id, organizationId: review.organization_id, ...(note ? { note } : {}) },
      });
      await mailModeration(tx, review, status, note || null);
    });
    return redirect(reply, withNotice(cityPaths.reviews(), status));
  });

  // ------------------------------------------------------------------------------------------------------------
  // Ente: its reviews and its one public reply.

  type EnteParams = { enteId: string };
  const enteOf = async (request: FastifyRequest, roles?: ('ente_admin' | 'ente_operator')[]) => {
    const id = requireEnte(request, (request.params as EnteParams).enteId, roles);
    const ente = await organizationName(db, id);
    if (!ente) throw notFound('Ente');
    return ente;
  };

  app.get<{ Params: EnteParams }>(patterns.ente.reviews, { config: { access: ENTE_ANY } }, async (request, reply) => {
    const ctx = request.ctx;
    const ente = await enteOf(request);
    const issues: FieldIssue[] = [];
    const page = pageOf(request.query, issues, ctx.t);
    if (issues.length) throw new AppError('bad_request', 'Invalid page', issues);
    const { total, rows } = await listReviews(db, { organizationId: ente.id, page, perPage: PER_PAGE });
    // Unpublished comments never leave the database for the ente.
    const visible = rows.map((r) => (r.comment_status === 'published' ? r : { ...r, comment: null, moderation_note: null }));
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const isAdmin = enteRoleOf(request, ente.id) === 'ente_admin';
    return reply.page(EnteReviewsPage({ ctx, view: { ente, rows: visible, total, page, pages, isAdmin, notice: noticeOf(request.query) } }));
  });

  type ReplyParams = { enteId: string; reviewId: string };
  const replyTarget = async (request: FastifyRequest<{ Params: ReplyParams }>) => {
    const ente = await enteOf(request, ['ente_admin']);
    const review = await findReview(db, request.params.reviewId);
    // Another ente's review is "not found": the ente learns nothing about it.
    if (!review || review.organization_id !== ente.id || review.comment_status !== 'published') throw notFound('Review');
    if (review.ente_reply) throw new AppError('conflict', 'Already replied');
    return { ente, review };
  };

  app.get<{ Params: ReplyParams }>(patterns.ente.reviewReply, { config: { access: ENTE_ADMIN } }, async (request, reply) => {
    const { ente, review } = await replyTarget(request);
    return reply.page(ReplyPage({ ctx: request.ctx, ente, review, form: emptyForm() }));
  });

  app.post<{ Params: ReplyParams }>(patterns.ente.reviewReply, { config: { access: ENTE_ADMIN, audit: 'review.reply' } }, async (request, reply) => {
    const ctx = request.ctx;
    const { ente, review } = await replyTarget(request);
    const text = textOf(request.body, 'reply');
    const form: FormState = { values: { reply: text }, issues: [] };
    if (!text) form.issues.push({ field: 'reply', message: ctx.t('reviews.error.required') });
    else if ([...text].length > COMMENT_MAX) form.issues.push({ field: 'reply', message: ctx.t('reviews.error.tooLong', { max: COMMENT_MAX }) });
    if (form.issues.length) return reply.page(ReplyPage({ ctx, ente, review, form }), 400);
    await db.transaction(async (tx) => {
      if (!(await replyToReview(tx, review.id, ente.id, text))) throw new AppError('conflict', 'Already replied');
      await audit(tx, { ...actor(request), action: 'review.reply', targetType: 'review', targetId: review.id, details: { organizationId: ente.id } });
    });
    return redirect(reply, withNotice(entePaths.reviews(ente.id), 'replied'));
  });
}
