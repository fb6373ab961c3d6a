import type { Html } from '../../../lib/jsx/jsx-runtime';
import { formatDate, formatNumber } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/catalogue';
import type { PageContext } from '../../../web/context';
import { Icon, Pagination } from '../../../web/components';
import { italianLang, Paragraphs } from '../../services/services.format';
import { PUBLIC_REVIEWS_PER_PAGE, REVIEWS_ANCHOR, reviewsPageHref, type PublicReview, type PublicReviewsView } from './reviews-public.presenter';
import type { Rating } from './reviews-public.repository';

// The published reviews of a service card or of an ente: the rating, then the comments the City published
// (newest first, a few per page, with the ente's public reply), paged by plain links that land back on the list.

const SCORES = ['overall', 'punctuality', 'speed', 'professionalism'] as const;

const avgText = (ctx: PageContext, avg: number) => formatNumber(ctx.locale, Math.round(avg * 10) / 10);

/** "4,2 su 5 (35 valutazioni)", or the empty state's words. */
export function ratingText(ctx: PageContext, rating: Rating): string {
  if (rating.average === null || rating.count === 0) return ctx.t('reviews.public.noRating');
  return ctx.t(rating.count === 1 ? 'reviews.public.ratingOne' : 'reviews.public.rating', {
    avg: avgText(ctx, rating.average),
    count: formatNumber(ctx.locale, rating.count),
  });
}

/** Five stars, drawn for sighted users only (the score is always written too). */
function Stars(props: { ctx: PageContext; value: number }): Html {
  const full = Math.round(props.value);
  return (
    <span class="wemi-stars-static" aria-hidden="true">
      {[1, 2, 3, 4, 5].map((n) => (
        <Icon ctx={props.ctx} name={n <= full ? 'star-full' : 'star-outline'} class="icon-sm" />
      ))}
    </span>
  );
}

function ReviewItem(props: { ctx: PageContext; r: PublicReview; showService: boolean }): Html {
  const { ctx, r } = props;
  const { t } = ctx;
  const it = italianLang(ctx);
  const date = formatDate(ctx.locale, r.date);
  return (
    <li class="wemi-review">
      <article aria-label={t('reviews.public.itemLabel', { author: r.author, date })}>
        <p class="wemi-review-head">
          <Stars ctx={ctx} value={r.overall} /> <strong>{t('reviews.score', { n: r.overall })}</strong>
          {' · '}
          <span class="wemi-review-author">{r.author}</span>
          {' · '}
          <time datetime={r.date}>{date}</time>
        </p>
        {props.showService ? (
          <p class="wemi-review-service mb-2">
            {t('reviews.public.about')} <a href={r.service.url}>{r.service.name}</a>
          </p>
        ) : null}
        <blockquote class="wemi-review-comment" lang={it}>
          <Paragraphs text={r.comment} class="mb-0" />
        </blockquote>
        <dl class="wemi-review-scores">
          {SCORES.slice(1).map((k) => (
            <div>
              <dt>{t(`reviews.rating.${k}` as MessageKey)}</dt>
              <dd>{t('reviews.score', { n: r[k] })}</dd>
            </div>
          ))}
        </dl>
        {r.reply ? (
          <div class="wemi-review-reply">
            <p class="wemi-review-reply-title">
              <strong>{t('reviews.public.reply')}</strong>
              {r.reply.date ? (
                <>
                  {' · '}
                  <time datetime={r.reply.date}>{formatDate(ctx.locale, r.reply.date)}</time>
                </>
              ) : null}
            </p>
            <div lang={it}>
              <Paragraphs text={r.reply.text} class="mb-0" />
            </div>
          </div>
        ) : null}
      </article>
    </li>
  );
}

/**
 * The reviews block. `path` is the page's own path (the page links add `?recensioni_pagina=N#recensioni`);
 * `showService` names the card of each comment (the ente page); `level` is the heading level in the page.
 */
export function PublicReviews(props: {
  ctx: PageContext;
  view: PublicReviewsView;
  path: string;
  level: 2 | 3;
  subject: 'service' | 'ente';
  showService?: boolean;
  /** Classes of the heading (the ente page uses its sections' title style). */
  headingClass?: string;
}): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const title = t('reviews.public.title');
  const heading =
    props.level === 2 ? (
      <h2 class={props.headingClass ?? 'h4'} id={REVIEWS_ANCHOR}>
        {title}
      </h2>
    ) : (
      <h3 class={props.headingClass ?? 'h5'} id={REVIEWS_ANCHOR}>
        {title}
      </h3>
    );
  const from = (view.page - 1) * PUBLIC_REVIEWS_PER_PAGE + 1;
  return (
    <div class="wemi-reviews" data-wemi-reviews="" data-element={props.subject === 'service' ? 'service-reviews' : undefined}>
      {heading}
      <p class="wemi-reviews-summary">
        {view.rating.average !== null ? <Stars ctx={ctx} value={view.rating.average} /> : null}{' '}
        <strong>{t('reviews.public.average')}</strong> {ratingText(ctx, view.rating)}
      </p>
      <p class="wemi-reviews-note">{t(props.subject === 'ente' ? 'reviews.public.noteEnte' : 'reviews.public.note')}</p>
      {view.total === 0 ? (
        <p class="wemi-reviews-empty">{t(props.subject === 'ente' ? 'reviews.public.emptyEnte' : 'reviews.public.empty')}</p>
      ) : (
        <>
          <p class="wemi-reviews-count">
            {view.pages > 1
              ? t('reviews.public.countPaged', {
                  from: formatNumber(ctx.locale, from),
                  to: formatNumber(ctx.locale, from + view.items.length - 1),
                  total: formatNumber(ctx.locale, view.total),
                })
              : view.total === 1
                ? t('reviews.public.countOne')
                : t('reviews.public.count', { total: formatNumber(ctx.locale, view.total) })}
          </p>
          <ol class="wemi-reviews-list">
            {view.items.map((r) => (
              <ReviewItem ctx={ctx} r={r} showService={props.showService === true} />
            ))}
          </ol>
          <Pagination ctx={ctx} page={view.page} pages={view.pages} href={(n) => reviewsPageHref(props.path, n)} />
        </>
      )}
    </div>
  );
}
