import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import { formatDate, formatNumber } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import type { PageContext } from '../../web/context';
import { BackOfficeLayout, cityCrumb, Notice, PostForm, PrivatePage, StateChip } from '../../web/backoffice';
import { ErrorSummary, Pagination } from '../../web/components';
import { RadioGroup, SelectField, TextAreaField, TextField, type FormState } from '../../web/forms';
import { cityPaths, entePaths, paths } from '../../web/paths';
import { reviewerInitials as reviewerName } from './public/reviews-public.presenter';
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

export type NoticeCode = 'published' | 'rejected' | 'replied';

const noticeText = (ctx: PageContext, notice: NoticeCode | undefined) => (notice ? ctx.t(`reviews.notice.${notice}` as MessageKey) : undefined);

const SCALE = [1, 2, 3, 4, 5] as const;

/** One rating from 1 to 5: radios side by side, all required. */
function RatingFieldset(props: { ctx: PageContext; form: FormState; name: RatingName }): Html {
  const { ctx, name } = props;
  return (
    <RadioGroup
      ctx={ctx}
      form={props.form}
      name={name}
      legend={ctx.t(`reviews.rating.${name}` as MessageKey)}
      hint={ctx.t(`reviews.rating.${name}.hint` as MessageKey)}
      options={SCALE.map((n) => ({ value: String(n), label: ctx.t(`reviews.scale.${n}` as MessageKey) }))}
      class="wemi-rating-group"
      optionsClass="wemi-rating-options"
      inline
      required
    />
  );
}

/** The comments' text areas: 2000 characters at most, their own minimum height. */
const COMMENT = { maxlength: COMMENT_MAX, rows: 6, inputClass: 'form-control wemi-textarea' } as const;

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

/** A page of reviews (the message saying there is none, when so), then the links to the other pages. */
function ReviewList(props: { ctx: PageContext; view: { rows: ReviewRow[]; page: number; pages: number }; empty: string; href: (page: number) => string; children?: Child }): Html {
  const { ctx, view } = props;
  return (
    <>
      {view.rows.length === 0 ? <p>{props.empty}</p> : null}
      <ul class="wemi-reviews-list">{props.children}</ul>
      <Pagination ctx={ctx} page={view.page} pages={view.pages} href={props.href} />
    </>
  );
}

/** A button-looking link acting on one review of a list (screen readers hear which one). */
function ReviewAction(props: { r: ReviewRow; class: string; href: string; label: string }): Html {
  return (
    <a class={props.class} href={props.href}>
      {props.label}
      <span class="visually-hidden"> – {props.r.service_name}</span>
    </a>
  );
}

/** One review of a list: its title, who and when, the four scores, then what the page adds (comment, actions). */
function ReviewItem(props: { ctx: PageContext; r: ReviewRow; title: string; head: Child; children?: Child }): Html {
  const { r } = props;
  return (
    <li class="wemi-review">
      <article aria-labelledby={`review-${r.id}`}>
        <h3 class="h5" id={`review-${r.id}`}>
          {props.title}
        </h3>
        <p class="wemi-review-head">{props.head}</p>
        <Scores ctx={props.ctx} r={r} />
        {props.children}
      </article>
    </li>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Citizen

function CitizenLayout(props: { ctx: PageContext; target: ReviewTarget; title: string; children?: Child }): Html {
  const { ctx, target } = props;
  return (
    <PrivatePage
      ctx={ctx}
      title={props.title}
      crumbs={[
        { href: paths.personalArea(), label: ctx.t('reviews.crumb.personal') },
        { href: paths.request(target.request_id), label: target.reference },
        { label: props.title },
      ]}
      lead={ctx.t('reviews.write.lead', { service: target.service_name, ente: target.organization_name })}
      columnClass="col-12 col-lg-8 px-lg-4"
    >
      {props.children}
    </PrivatePage>
  );
}

export function ReviewFormPage(props: { ctx: PageContext; target: ReviewTarget; form: FormState }): Html {
  const { ctx, target, form } = props;
  const { t } = ctx;
  return (
    <CitizenLayout ctx={ctx} target={target} title={t('reviews.write.title')}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <p>{t('reviews.write.intro')}</p>
      <PostForm ctx={ctx} action={paths.requestReview(target.request_id, target.ente_request_id)} class="wemi-review-form">
        {RATINGS.map((name) => (
          <RatingFieldset ctx={ctx} form={form} name={name} />
        ))}
        <TextAreaField ctx={ctx} form={form} name="comment" label={t('reviews.write.comment')} hint={t('reviews.write.commentHint', { max: COMMENT_MAX })} {...COMMENT} />
        <button type="submit" class="btn btn-primary">
          {t('reviews.write.submit')}
        </button>
      </PostForm>
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
        <a href={paths.request(target.request_id)}>{t('reviews.done.back')}</a>
      </p>
    </CitizenLayout>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// City

const queueCrumb = (ctx: PageContext) => ({ href: cityPaths.reviews(), label: ctx.t('reviews.city.title') });

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
  return `${cityPaths.reviews()}${s ? `?${s}` : ''}`;
};

function StatusChip(props: { ctx: PageContext; status: ReviewRow['comment_status'] }): Html {
  return <StateChip class={`wemi-review-status-${props.status}`} label={props.ctx.t(`reviews.status.${props.status}` as MessageKey)} />;
}

export function CityQueuePage(props: { ctx: PageContext; view: CityQueueView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const title = t('reviews.city.title');
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={t('reviews.city.lead')} crumbs={[cityCrumb(ctx), { label: title }]}>
      <Notice text={noticeText(ctx, view.notice)} />
      <ErrorSummary ctx={ctx} issues={view.issues} />
      <form method="get" action={cityPaths.reviews()} class="wemi-filter-form mb-4" role="search" aria-label={t('reviews.city.filters')}>
        <div class="row g-3 align-items-end">
          <div class="col-12 col-md-4">
            <SelectField
              ctx={ctx}
              name="stato"
              label={t('reviews.city.filter.status')}
              options={(Object.keys(STATUS_PARAMS) as StatusParam[]).map((s) => ({ value: s, label: t(`reviews.city.filter.${s}` as MessageKey) }))}
              value={view.status}
            />
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
      <ReviewList ctx={ctx} view={view} empty={t('reviews.city.empty')} href={(p) => queueHref(view.status, view.q, p)}>
        {view.rows.map((r) => (
          <ReviewItem
            ctx={ctx}
            r={r}
            title={`${r.service_name} · ${r.organization_name}`}
            head={
              <>
                {authorOf(ctx, r)} · <time datetime={new Date(r.created_at).toISOString()}>{formatDate(ctx.locale, r.created_at)}</time> · {r.reference} ·{' '}
                <StatusChip ctx={ctx} status={r.comment_status} />
              </>
            }
          >
            {r.comment ? <blockquote class="wemi-review-comment">{r.comment}</blockquote> : null}
            {r.moderation_note ? (
              <p class="wemi-review-note">
                {t('reviews.city.note')}: {r.moderation_note}
              </p>
            ) : null}
            {r.comment_status === 'pending' ? (
              <p class="wemi-review-actions">
                <ReviewAction r={r} class="btn btn-primary btn-sm me-2" href={cityPaths.reviewDecide(r.id, 'pubblica')} label={t('reviews.city.publish')} />
                <ReviewAction r={r} class="btn btn-outline-primary btn-sm" href={cityPaths.reviewDecide(r.id, 'rifiuta')} label={t('reviews.city.reject')} />
              </p>
            ) : null}
          </ReviewItem>
        ))}
      </ReviewList>
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
      <PostForm ctx={ctx} action={cityPaths.reviewDecide(review.id, decision)} class="">
        <TextAreaField
          ctx={ctx}
          form={form}
          name="note"
          label={t('reviews.decide.note')}
          hint={t(decision === 'pubblica' ? 'reviews.decide.noteHintPublish' : 'reviews.decide.noteHintReject')}
          required={decision === 'rifiuta'}
          {...COMMENT}
        />
        <button type="submit" class="btn btn-primary me-2">
          {t(decision === 'pubblica' ? 'reviews.decide.publishConfirm' : 'reviews.decide.rejectConfirm')}
        </button>
        <a class="btn btn-outline-primary" href={cityPaths.reviews()}>
          {t('reviews.cancel')}
        </a>
      </PostForm>
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
      <Notice text={noticeText(ctx, view.notice)} />
      <h2 class="h4">{t('reviews.results', { n: formatNumber(ctx.locale, view.total) })}</h2>
      <ReviewList ctx={ctx} view={view} empty={t('reviews.ente.empty')} href={(p) => `${entePaths.reviews(view.ente.id)}${p > 1 ? `?pagina=${p}` : ''}`}>
        {view.rows.map((r) => (
          <ReviewItem ctx={ctx} r={r} title={r.service_name} head={`${authorOf(ctx, r)} · ${formatDate(ctx.locale, r.created_at)} · ${r.reference}`}>
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
                <ReviewAction r={r} class="btn btn-outline-primary btn-sm" href={entePaths.reviewReply(view.ente.id, r.id)} label={t('reviews.ente.reply')} />
              </p>
            ) : null}
          </ReviewItem>
        ))}
      </ReviewList>
    </BackOfficeLayout>
  );
}

export function ReplyPage(props: { ctx: PageContext; ente: { id: string; name: string }; review: ReviewRow; form: FormState }): Html {
  const { ctx, ente, review, form } = props;
  const { t } = ctx;
  const title = t('reviews.reply.title');
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[...enteCrumbs(ctx, ente), { href: entePaths.reviews(ente.id), label: t('reviews.ente.title') }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <p>
        {review.service_name} · {authorOf(ctx, review)} · {formatDate(ctx.locale, review.created_at)}
      </p>
      <Scores ctx={ctx} r={review} />
      <blockquote class="wemi-review-comment">{review.comment ?? ''}</blockquote>
      <p>{t('reviews.reply.body')}</p>
      <PostForm ctx={ctx} action={entePaths.reviewReply(ente.id, review.id)} class="">
        <TextAreaField ctx={ctx} form={form} name="reply" label={t('reviews.reply.label')} hint={t('reviews.reply.hint', { max: COMMENT_MAX })} required {...COMMENT} />
        <button type="submit" class="btn btn-primary me-2">
          {t('reviews.reply.submit')}
        </button>
        <a class="btn btn-outline-primary" href={entePaths.reviews(ente.id)}>
          {t('reviews.cancel')}
        </a>
      </PostForm>
    </BackOfficeLayout>
  );
}
