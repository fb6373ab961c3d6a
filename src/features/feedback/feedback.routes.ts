import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import type { Translate } from '../../i18n/i18n';
import { wantsJson } from '../../lib/http/error-handler';
import { AppError, badRequest, type FieldIssue } from '../../lib/http/errors';
import { parseInput, q } from '../../lib/http/validation';
import { paths } from '../../web/paths';
import { insertFeedback, recentSubmissions } from './feedback.repository';
import {
  DETAILS_MAX,
  MAX_PER_MINUTE,
  answersFor,
  feedbackInput,
  pagePath,
  polarityOf,
  type AnswerCode,
  type FeedbackInput,
} from './feedback.schema';
import { FEEDBACK_IDS, FeedbackPage, type FeedbackValues } from './feedback.view';

type Checked =
  | { ok: true; value: FeedbackInput }
  | { ok: false; issues: FieldIssue[]; page: string | undefined; values: FeedbackValues; ratingValid: boolean; step: string | undefined };

const str = (v: unknown): string | undefined => (Array.isArray(v) ? str(v[v.length - 1]) : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** Validates the form field by field, with the widget's own messages; answer must match the rating. */
function check(body: Record<string, unknown>, t: Translate): Checked {
  const result = feedbackInput.safeParse(body);
  const issues: FieldIssue[] = [];
  if (result.success) {
    const v = result.data;
    if (v.answer && !answersFor(polarityOf(v.rating)).includes(v.answer)) {
      issues.push({ field: 'answer', message: t('feedback.error.answer') });
    } else {
      return { ok: true, value: v };
    }
  } else {
    const fields = new Set(result.error.issues.map((i) => String(i.path[0] ?? '')));
    if (fields.has('page')) issues.push({ field: 'page', message: t('feedback.error.page') });
    if (fields.has('rating')) issues.push({ field: 'rating', message: t('feedback.error.rating') });
    if (fields.has('answer')) issues.push({ field: 'answer', message: t('feedback.error.answer') });
    if (fields.has('details')) issues.push({ field: 'details', message: t('feedback.error.details', { max: DETAILS_MAX }) });
    if (fields.has('step')) issues.push({ field: 'step', message: t('validation.invalid') });
  }
  const page = pagePath.safeParse(str(body.page));
  const rating = Number(str(body.rating));
  const ratingValid = Number.isInteger(rating) && rating >= 1 && rating <= 5;
  return {
    ok: false,
    issues,
    page: page.success ? page.data : undefined,
    values: { rating: ratingValid ? rating : undefined, answer: str(body.answer), details: str(body.details) },
    ratingValid,
    step: str(body.step),
  };
}

/** Issues named by the ids of the form controls, for the error summary links of the HTML page. */
function htmlIssues(issues: FieldIssue[], rating: number | undefined): FieldIssue[] {
  return issues.map((i) => {
    if (i.field === 'rating') return { ...i, field: FEEDBACK_IDS.star(1) };
    if (i.field === 'answer') {
      const p = polarityOf(rating ?? 1);
      return { ...i, field: FEEDBACK_IDS.answer(p, answersFor(p)[0]!) };
    }
    if (i.field === 'details') return { ...i, field: FEEDBACK_IDS.details };
    return { ...i, field: 'feedback-title' };
  });
}

const feedbackUrl = (params: Record<string, string>) => `${paths.feedback()}?${new URLSearchParams(params).toString()}`;

const pageQuery = z.object({
  pagina: z.preprocess((v) => (Array.isArray(v) ? v[v.length - 1] : v), pagePath),
  voto: q.int(1, 5),
  inviato: q.bool(),
});

export function registerFeedbackRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  // The no-JavaScript steps: follow-up question for a rating, or the thank-you message.
  app.get('/feedback', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = request.ctx;
    const input = parseInput(pageQuery, request.query, ctx.t);
    if (input.inviato) return reply.page(FeedbackPage({ ctx, state: { step: 'thanks', page: input.pagina } }));
    if (input.voto) {
      return reply.page(FeedbackPage({ ctx, state: { step: 'answer', page: input.pagina, values: { rating: input.voto }, issues: [] } }));
    }
    return reply.page(FeedbackPage({ ctx, state: { step: 'rating', page: input.pagina, values: {}, issues: [] } }));
  });

  app.post(
    '/feedback',
    { config: { access: 'public', audit: 'feedback.submit' } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const ctx = request.ctx;
      const json = wantsJson(request);
      const body = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
      const checked = check(body, ctx.t);

      if (!checked.ok) {
        if (json || !checked.page) throw badRequest('Invalid feedback', checked.issues);
        const backToRating = !checked.ratingValid || checked.step === 'rating';
        const issues = htmlIssues(checked.issues, checked.values.rating);
        return reply.page(
          FeedbackPage({
            ctx,
            state: backToRating
              ? { step: 'rating', page: checked.page, values: checked.values, issues }
              : { step: 'answer', page: checked.page, values: { ...checked.values, rating: checked.values.rating! }, issues },
          }),
          400,
        );
      }

      const v = checked.value;
      // First step without JavaScript: nothing is stored yet; the follow-up question comes next.
      if (v.step === 'rating' && !json) {
        return reply.code(303).header('location', feedbackUrl({ pagina: v.page, voto: String(v.rating) })).send();
      }

      if ((await recentSubmissions(db, v.page, request.ip)) >= MAX_PER_MINUTE) {
        if (json) throw new AppError('too_many_requests', 'Too many feedback submissions for this page');
        const issues = [{ field: 'feedback-title', message: ctx.t('feedback.error.tooMany') }];
        return reply.page(
          FeedbackPage({ ctx, state: { step: 'answer', page: v.page, values: { rating: v.rating, answer: v.answer, details: v.details }, issues } }),
          429,
        );
      }

      const id = await insertFeedback(db, {
        pagePath: v.page,
        rating: v.rating,
        answer: v.answer as AnswerCode | undefined,
        details: v.details,
        locale: ctx.locale,
        ip: request.ip,
      });

      if (json) {
        return reply.code(201).header('cache-control', 'no-store').send({ id, message: ctx.t('feedback.thanks') });
      }
      return reply.code(303).header('location', feedbackUrl({ pagina: v.page, inviato: '1' })).send();
    },
  );
}
