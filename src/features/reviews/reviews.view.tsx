import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import { formatDate, formatNumber } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import type { PageContext } from '../../web/context';
import { ErrorSummary, Pagination } from '../../web/components';
import { CsrfField, TextField, type FormState } from '../../web/forms';
import { Layout, PageHeader } from '../../web/layout';
import { paths } from '../../web/paths';
import { BackOfficeLayout, cityCrumb } from '../accounts/city/users.view';
import { entePaths } from '../ente-backoffice/ente-paths';
import { reviewerName } from '../services/services.presenter';
import type { ReviewRow, ReviewTarget } from './reviews.repository';

// Pages of the reviews: the citizen's review form (four ratings as radio groups, optional comment), the City's
// moderation queue and confirmation pages, the ente's list of its reviews and its one public reply. Plain forms
// that post and redirect: everything works without JavaScript.

export const RATINGS = ['overall', 'punctuality', 'speed', 'professionalism'] as const;
export type RatingName = (typeof RATINGS)[number];
export const COMMENT_MAX = 2000;
export const STATUS_PARAMS = { 'in-attesa': 'pending', pubblicati: 'published', rifiutati: 'rejected', tutti: undefined } as const;
export type StatusParam = keyof typeof STATUS_PARAMS;
export type Decision = 'pubblica' | 'rifiuta';

export const reviewPaths = {
  write: (requestId: string, enteRequestId: string) => `/richieste/${encodeURIComponent(requestId)}/enti/${encodeURIComponent(enteRequestId)}/recensione`,
  request: (requestId: string) => `/richieste/${encodeURIComponent(requestId)}`,
  cityQueue: () => `${paths.cityBackOffice()}/recensioni`,
  cityDecide: (reviewId: string, d: Decision) => `${paths.cityBackOffice()}/recensioni/${encodeURIComponent(reviewId)}/${d}`,
  ente: (enteId: string) => `${entePaths.home(enteId)}/recensioni`,
  enteReply: (enteId: string, reviewId: string) => `${entePaths.home(enteId)}/recensioni/${encodeURIComponent(reviewId)}/risposta`,
} as const;

export type NoticeCode = 'published' | 'rejected' | 'replied';

const NOINDEX = <meta name="robots" content="noindex, nofollow" />;

function Notice(props: { ctx: PageContext; notice: NoticeCode | undefined }): Html {
  if (!props.notice) return <></>;
  return (
    <div class="alert alert-success wemi-notice" role="status">
      {props.ctx.t(`reviews.notice.${props.notice}` as MessageKey)}
    </div>
  );
}

const errorOf = (form: FormState, name: string) => form.issues.find((i) => i.field === name)?.message;

/** One rating from 1 to 5 as a radio group with a legend (the first radio carries the field's id). */
function RatingFieldset(props: { ctx: PageContext; form: FormState; name: RatingName }): Html {
  const { ctx, form, name } = props;
  const error = errorOf(form, name);
  const current = form.values[name];
  return (
    <fieldset class={`wemi-field wemi-fieldset wemi-rating-group${error ? ' wemi-field-error' : ''}`} aria-describedby={error ? `${name}-error` : `${name}-hint`}>
      <legend class="wemi-field-label">{ctx.t(`reviews.rating.${name}` as MessageKey)}</legend>
      <small class="form-text wemi-field-hint" id={`${name}-hint`}>
        {ctx.t(`reviews.rating.${name}.hint` as MessageKey)}
      </small>
      {error ? (
        <p class="wemi-field-message" id={`${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <div class="wemi-rating-options">
        {[1, 2, 3, 4, 5].map((n) => {
          const id = n === 1 ? name : `${name}-${n}`;
          return (
            <div class="form-check form-check-inline">
              <input class="form-check-input" type="radio" name={name} id={id} value={String(n)} checked={current === String(n)} required />
              <label class="form-check-label" for={id}>
                {ctx.t(`reviews.scale.${n}` as MessageKey)}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function TextArea(props: { ctx: PageContext; form: FormState; name: string; label: string; hint?: string; required?: boolean; max: number }): Html {
  const { ctx, form, name } = props;
  const error = errorOf(form, name);
  const described = [props.hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`form-group wemi-field${error ? ' wemi-field-error' : ''}`}>
      <label for={name} class="wemi-field-label">
        {props.label}
        {props.required ? null : <span class="wemi-optional"> ({ctx.t('form.optional')})</span>}
      </label>
      {props.hint ? (
        <small class="form-text wemi-field-hint" id={`${name}-hint`}>
          {props.hint}
        </small>
      ) : null}
      {error ? (
        <p class="wemi-field-message" id={`${name}-error`}>
          <span class="visually-hidden">{ctx.t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <textarea
        class={`form-control wemi-textarea${error ? ' is-invalid' : ''}`}
        id={name}
        name={name}
        rows="6"
        maxlength={String(props.max)}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
      >
        {form.values[name] ?? ''}
      </textarea>
    </div>
  );
}

function Scores(props: { ctx: PageContext; r: Pick<ReviewRow, RatingName> }): Html {
  const { ctx, r } = props;
  return (
    <dl class="wemi-review-scores">
      {RATINGS.map((k) => (
        <div>
          <dt>{ctx.t(`reviews.rating.${k}` as MessageKey)}</dt>
          <dd>{ctx.t('reviews.score', { n: r[k] })}</dd>
        </div>
      ))}
    </dl>
  );
}

const authorOf = (ctx: PageContext, r: ReviewRow) => reviewerName(r.given_name, r.family_name) ?? ctx.t('reviews.anonymous');

// ---------------------------------------------------------------------------------------------------------------
// Citizen

function CitizenLayout(props: { ctx: PageContext; target: ReviewTarget; title: string; children?: Child }): Html {
  const { ctx, target } = props;
  return (
    <Layout ctx={ctx} title={props.title} head={NOINDEX}>
      <PageHeader
        ctx={ctx}
        crumbs={[
          { href: paths.personalArea(), label: ctx.t('reviews.crumb.personal') },
          { href: reviewPaths.request(target.request_id), label: target.reference },
          { label: props.title },
        ]}
        title={props.title}
        lead={ctx.t('reviews.write.lead', { service: target.service_name, ente: target.organization_name })}
      />
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-8 px-lg-4">{props.children}</div>
        </div>
      </div>
    </Layout>
  );
}

export function ReviewFormPage(props: { ctx: PageContext; target: ReviewTarget; form: FormState }): Html {
  const { ctx, target, form } = props;
  const { t } = ctx;
  return (
    <CitizenLayout ctx={ctx} target={target} title={t('reviews.write.title')}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <p>{t('reviews.write.intro')}</p>
      <form method="post" action={reviewPaths.write(target.request_id, target.ente_request_id)} novalidate class="wemi-review-form">
        <CsrfField ctx={ctx} />
        {RATINGS.map((name) => (
          <RatingFieldset ctx={ctx} form={form} name={name} />
        ))}
        <TextArea ctx={ctx} form={form} name="comment" label={t('reviews.write.comment')} hint={t('reviews.write.commentHint', { max: COMMENT_MAX })} max={COMMENT_MAX} />
        <button type="submit" class="btn btn-primary">
          {t('reviews.write.submit')}
        </button>
      </form>
    </CitizenLayout>
  );
}

export function ReviewDonePage(props: { ctx: PageContext; target: ReviewTarget; justSent: boolean }): Html {
  const { ctx, target } = props;
  const { t } = ctx;
  return (
    <CitizenLayout ctx={ctx} target={target} title={t('reviews.done.title')}>
      <div class="alert alert-success" role="status">
        {t(props.justSent ? 'reviews.done.sent' : 'reviews.done.already')}
      </div>
      <p>{t('reviews.done.body')}</p>
      <p>
        <a href={reviewPaths.request(target.request_id)}>{t('reviews.done.back')}</a>
      </p>
    </CitizenLayout>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// City

const queueCrumb = (ctx: PageContext) => ({ href: reviewPaths.cityQueue(), label: ctx.t('reviews.city.title') });

export interface CityQueueView {
  status: StatusParam;
  q: string;
  rows: ReviewRow[];
  total: number;
  page: number;
  pages: number;
  notice?: NoticeCode | undefined;
  issues: FormState['issues'];
}

const queueHref = (status: StatusParam, q: string, page: number) => {
  const p = new URLSearchParams();
  if (status !== 'in-attesa') p.set('stato', status);
  if (q) p.set('q', q);
  if (page > 1) p.set('pagina', String(page));
  const s = p.toString();
  return `${reviewPaths.cityQueue()}${s ? `?${s}` : ''}`;
};

function StatusChip(props: { ctx: PageContext; status: ReviewRow['comment_status'] }): Html {
  return <span class={`wemi-chip wemi-review-status-${props.status}`}>{props.ctx.t(`reviews.status.${props.status}` as MessageKey)}</span>;
}

export function CityQueuePage(props: { ctx: PageContext; view: CityQueueView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const title = t('reviews.city.title');
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('reviews.city.lead')} crumbs={[cityCrumb(ctx), { label: title }]}>
      <Notice ctx={ctx} notice={view.notice} />
      <ErrorSummary ctx={ctx} issues={view.issues} />
      <form method="get" action={reviewPaths.cityQueue()} class="wemi-filter-form mb-4" role="search" aria-label={t('reviews.city.filters')}>
        <div class="row g-3 align-items-end">
          <div class="col-12 col-md-4">
            <div class="select-wrapper wemi-field">
              <label for="stato" class="wemi-field-label">
                {t('reviews.city.filter.status')}
              </label>
              <select id="stato" name="stato">
                {(Object.keys(STATUS_PARAMS) as StatusParam[]).map((s) => (
                  <option value={s} selected={s === view.status}>
                    {t(`reviews.city.filter.${s}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div class="col-12 col-md-5">
            <TextField ctx={ctx} name="q" label={t('reviews.city.filter.q')} value={view.q} maxlength={100} />
          </div>
          <div class="col-12 col-md-3">
            <button type="submit" class="btn btn-primary">
              {t('reviews.city.filter.submit')}
            </button>
          </div>
        </div>
      </form>
      <h2 class="h4" id="reviews-results" aria-live="polite">
        {t('reviews.results', { n: formatNumber(ctx.locale, view.total) })}
      </h2>
      {view.rows.length === 0 ? <p>{t('reviews.city.empty')}</p> : null}
      <ul class="wemi-reviews-list">
        {view.rows.map((r) => (
          <li class="wemi-review">
            <article aria-labelledby={`review-${r.id}`}>
              <h3 class="h5" id={`review-${r.id}`}>
                {r.service_name} · {r.organization_name}
              </h3>
              <p class="wemi-review-head">
                {authorOf(ctx, r)} · <time datetime={new Date(r.created_at).toISOString()}>{formatDate(ctx.locale, r.created_at)}</time> ·{' '}
                {r.reference} · <StatusChip ctx={ctx} status={r.comment_status} />
              </p>
              <Scores ctx={ctx} r={r} />
              {r.comment ? <blockquote class="wemi-review-comment">{r.comment}</blockquote> : null}
              {r.moderation_note ? (
                <p class="wemi-review-note">
                  {t('reviews.city.note')}: {r.moderation_note}
                </p>
              ) : null}
              {r.comment_status === 'pending' ? (
                <p class="wemi-review-actions">
                  <a class="btn btn-primary btn-sm me-2" href={reviewPaths.cityDecide(r.id, 'pubblica')}>
                    {t('reviews.city.publish')}
                    <span class="visually-hidden"> – {r.service_name}</span>
                  </a>
                  <a class="btn btn-outline-primary btn-sm" href={reviewPaths.cityDecide(r.id, 'rifiuta')}>
                    {t('reviews.city.reject')}
                    <span class="visually-hidden"> – {r.service_name}</span>
                  </a>
                </p>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
      <Pagination ctx={ctx} page={view.page} pages={view.pages} href={(p) => queueHref(view.status, view.q, p)} />
    </BackOfficeLayout>
  );
}

export function DecidePage(props: { ctx: PageContext; review: ReviewRow; decision: Decision; form: FormState }): Html {
  const { ctx, review, decision, form } = props;
  const { t } = ctx;
  const title = t(decision === 'pubblica' ? 'reviews.decide.publishTitle' : 'reviews.decide.rejectTitle');
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), queueCrumb(ctx), { label: title }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <p>
        {review.service_name} · {review.organization_name} · {authorOf(ctx, review)} · {formatDate(ctx.locale, review.created_at)}
      </p>
      <Scores ctx={ctx} r={review} />
      <blockquote class="wemi-review-comment">{review.comment ?? ''}</blockquote>
      <p>{t(decision === 'pubblica' ? 'reviews.decide.publishBody' : 'reviews.decide.rejectBody')}</p>
      <form method="post" action={reviewPaths.cityDecide(review.id, decision)} novalidate>
        <CsrfField ctx={ctx} />
        <TextArea
          ctx={ctx}
          form={form}
          name="note"
          label={t('reviews.decide.note')}
          hint={t(decision === 'pubblica' ? 'reviews.decide.noteHintPublish' : 'reviews.decide.noteHintReject')}
          required={decision === 'rifiuta'}
          max={COMMENT_MAX}
        />
        <button type="submit" class="btn btn-primary me-2">
          {t(decision === 'pubblica' ? 'reviews.decide.publishConfirm' : 'reviews.decide.rejectConfirm')}
        </button>
        <a class="btn btn-outline-primary" href={reviewPaths.cityQueue()}>
          {t('reviews.cancel')}
        </a>
      </form>
    </BackOfficeLayout>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Ente

const enteCrumbs = (ctx: PageContext, ente: { id: string; name: string }) => [
  { href: paths.enteBackOffice(), label: ctx.t('reviews.crumb.ente') },
  { href: entePaths.home(ente.id), label: ente.name },
];

export interface EnteReviewsView {
  ente: { id: string; name: string };
  rows: ReviewRow[];
  total: number;
  page: number;
  pages: number;
  isAdmin: boolean;
  notice?: NoticeCode | undefined;
}

export function EnteReviewsPage(props: { ctx: PageContext; view: EnteReviewsView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const title = t('reviews.ente.title');
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('reviews.ente.lead')} crumbs={[...enteCrumbs(ctx, view.ente), { label: title }]}>
      <Notice ctx={ctx} notice={view.notice} />
      <h2 class="h4">{t('reviews.results', { n: formatNumber(ctx.locale, view.total) })}</h2>
      {view.rows.length === 0 ? <p>{t('reviews.ente.empty')}</p> : null}
      <ul class="wemi-reviews-list">
        {view.rows.map((r) => (
          <li class="wemi-review">
            <article aria-labelledby={`review-${r.id}`}>
              <h3 class="h5" id={`review-${r.id}`}>
                {r.service_name}
              </h3>
              <p class="wemi-review-head">
                {authorOf(ctx, r)} · {formatDate(ctx.locale, r.created_at)} · {r.reference}
              </p>
              <Scores ctx={ctx} r={r} />
              {/* The comment is shown to the ente only once the City published it. */}
              {r.comment_status === 'published' && r.comment ? (
                <blockquote class="wemi-review-comment">{r.comment}</blockquote>
              ) : r.comment_status === 'pending' ? (
                <p class="wemi-review-note">{t('reviews.ente.commentPending')}</p>
              ) : null}
              {r.ente_reply ? (
                <div class="wemi-review-reply">
                  <p class="wemi-review-reply-title">
                    <strong>{t('reviews.ente.yourReply')}</strong>
                    {r.ente_reply_at ? ` · ${formatDate(ctx.locale, r.ente_reply_at)}` : ''}
                  </p>
                  <p>{r.ente_reply}</p>
                </div>
              ) : r.comment_status === 'published' && view.isAdmin ? (
                <p>
                  <a class="btn btn-outline-primary btn-sm" href={reviewPaths.enteReply(view.ente.id, r.id)}>
                    {t('reviews.ente.reply')}
                    <span class="visually-hidden"> – {r.service_name}</span>
                  </a>
                </p>
              ) : null}
            </article>
          </li>
        ))}
      </ul>
      <Pagination ctx={ctx} page={view.page} pages={view.pages} href={(p) => `${reviewPaths.ente(view.ente.id)}${p > 1 ? `?pagina=${p}` : ''}`} />
    </BackOfficeLayout>
  );
}

export function ReplyPage(props: { ctx: PageContext; ente: { id: string; name: string }; review: ReviewRow; form: FormState }): Html {
  const { ctx, ente, review, form } = props;
  const { t } = ctx;
  const title = t('reviews.reply.title');
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[...enteCrumbs(ctx, ente), { href: reviewPaths.ente(ente.id), label: t('reviews.ente.title') }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <p>
        {review.service_name} · {authorOf(ctx, review)} · {formatDate(ctx.locale, review.created_at)}
      </p>
      <Scores ctx={ctx} r={review} />
      <blockquote class="wemi-review-comment">{review.comment ?? ''}</blockquote>
      <p>{t('reviews.reply.body')}</p>
      <form method="post" action={reviewPaths.enteReply(ente.id, review.id)} novalidate>
        <CsrfField ctx={ctx} />
        <TextArea ctx={ctx} form={form} name="reply" label={t('reviews.reply.label')} hint={t('reviews.reply.hint', { max: COMMENT_MAX })} required max={COMMENT_MAX} />
        <button type="submit" class="btn btn-primary me-2">
          {t('reviews.reply.submit')}
        </button>
        <a class="btn btn-outline-primary" href={reviewPaths.ente(ente.id)}>
          {t('reviews.cancel')}
        </a>
      </form>
    </BackOfficeLayout>
  );
}
