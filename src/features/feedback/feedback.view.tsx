import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import type { FieldIssue } from '../../lib/http/errors';
import type { PageContext } from '../../web/context';
import { ErrorSummary, Icon } from '../../web/components';
import { Layout, PageHeader } from '../../web/layout';
import { paths } from '../../web/paths';
import { DETAILS_MAX, answerLabelKey, answersFor, polarityOf, type Polarity } from './feedback.schema';

// The Designers Italia page feedback widget ("Quanto sono chiare le informazioni su questa pagina?").
//
// Without JavaScript it is a two-step form: the stars post to /feedback, which redirects to the follow-up
// question for that rating (GET /feedback?pagina=…&voto=…); that form posts answer and details and
// redirects to a thank-you page with a link back. With JavaScript (src/client/feedback.ts) the follow-up
// appears in place as soon as a star is chosen, and the answer is sent with fetch.

/** Element ids, shared with src/client/feedback.ts and the error summary links. */
export const FEEDBACK_IDS = {
  star: (n: number) => `feedback-rating-${n}`,
  answer: (p: Polarity, code: string) => `feedback-answer-${p}-${code}`,
  details: 'feedback-details',
} as const;

export interface FeedbackValues {
  rating?: number | undefined;
  answer?: string | undefined;
  details?: string | undefined;
}

function Stars(props: { ctx: PageContext; checked?: number | undefined; invalid: boolean }): Html {
  const { t } = props.ctx;
  return (
    <fieldset class="wemi-stars" aria-describedby={props.invalid ? 'feedback-rating-error' : undefined}>
      <legend class="visually-hidden">{t('feedback.ratingLegend')}</legend>
      {[1, 2, 3, 4, 5].map((n) => (
        <>
          <input
            type="radio"
            class="wemi-star-input"
            name="rating"
            value={String(n)}
            id={FEEDBACK_IDS.star(n)}
            checked={props.checked === n}
          />
          <label class="wemi-star" for={FEEDBACK_IDS.star(n)} data-element={`feedback-rate-${n}`}>
            <Icon ctx={props.ctx} name="star-full" class="icon-sm" />
            <span class="visually-hidden">{n === 1 ? t('feedback.starOne') : t('feedback.star', { n })}</span>
          </label>
        </>
      ))}
      {props.invalid ? (
        <p class="wemi-field-error" id="feedback-rating-error">
          {t('feedback.error.rating')}
        </p>
      ) : null}
    </fieldset>
  );
}

function AnswerFieldset(props: {
  ctx: PageContext;
  polarity: Polarity;
  hidden: boolean;
  checked?: string | undefined;
  invalid?: boolean;
}): Html {
  const { t } = props.ctx;
  const p = props.polarity;
  return (
    <fieldset
      class="wemi-feedback-answers"
      data-element={p === 'positive' ? 'feedback-rating-positive' : 'feedback-rating-negative'}
      data-wemi-feedback-answers={p}
      hidden={props.hidden}
      aria-describedby={props.invalid ? 'feedback-answer-error' : undefined}
    >
      <legend class="wemi-feedback-question" data-element="feedback-rating-question">
        {t(p === 'positive' ? 'feedback.positive.question' : 'feedback.negative.question')}
      </legend>
      {props.invalid ? (
        <p class="wemi-field-error" id="feedback-answer-error">
          {t('feedback.error.answer')}
        </p>
      ) : null}
      {answersFor(p).map((code) => (
        <div class="form-check wemi-feedback-answer">
          <input type="radio" name="answer" value={code} id={FEEDBACK_IDS.answer(p, code)} checked={props.checked === code} />
          <label for={FEEDBACK_IDS.answer(p, code)} data-element="feedback-rating-answer">
            {t(answerLabelKey(p, code))}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function Details(props: { ctx: PageContext; value?: string | undefined; invalid: boolean }): Html {
  const { t } = props.ctx;
  return (
    <div class="wemi-feedback-details mb-3">
      <label for={FEEDBACK_IDS.details} class="form-label wemi-feedback-details-label">
        {t('feedback.details.label')}
      </label>
      <textarea
        id={FEEDBACK_IDS.details}
        name="details"
        rows="3"
        maxlength={String(DETAILS_MAX)}
        class={props.invalid ? 'form-control is-invalid' : 'form-control'}
        data-element="feedback-input-text"
        aria-describedby={props.invalid ? 'feedback-details-error feedback-details-hint' : 'feedback-details-hint'}
        aria-invalid={props.invalid ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
      <small id="feedback-details-hint" class="form-text">
        {t('feedback.details.hint', { max: DETAILS_MAX })}
      </small>
      {props.invalid ? (
        <p class="wemi-field-error" id="feedback-details-error">
          {t('feedback.error.details', { max: DETAILS_MAX })}
        </p>
      ) : null}
    </div>
  );
}

/** Texts the script needs, carried as data attributes (no inline script). */
function scriptTexts(ctx: PageContext): Record<string, string> {
  const { t } = ctx;
  return {
    'data-msg-thanks': t('feedback.thanks'),
    'data-msg-network': t('feedback.error.network'),
    'data-msg-too-many': t('feedback.error.tooMany'),
    'data-msg-summary': t('error.summary'),
  };
}

function Card(props: { ctx: PageContext; children?: Child }): Html {
  return (
    <div class="cmp-rating card shadow wemi-feedback-card" data-element="feedback">
      {props.children}
    </div>
  );
}

function Title(props: { ctx: PageContext }): Html {
  return (
    <h2 class="wemi-feedback-title" id="feedback-title" data-element="feedback-title">
      {props.ctx.t('feedback.title')}
    </h2>
  );
}

/**
 * The widget at the bottom of every content page, for the current page (ctx.path). Step 1 of the form:
 * the stars; the follow-up questions and the text field are in the markup, shown by the script.
 */
export function FeedbackWidget(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="wemi-feedback-section bg-primary" aria-labelledby="feedback-title">
      <div class="container">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-8 col-xl-6">
            <Card ctx={ctx}>
              <form method="post" action={paths.feedback()} class="wemi-feedback-form" data-wemi-feedback="" {...scriptTexts(ctx)}>
                <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                <input type="hidden" name="page" value={ctx.path} />
                <input type="hidden" name="step" value="rating" data-wemi-feedback-step="" />
                <Title ctx={ctx} />
                <div data-wemi-feedback-errors=""></div>
                <Stars ctx={ctx} invalid={false} />
                <div class="wemi-feedback-followup" data-wemi-feedback-followup="" hidden>
                  <AnswerFieldset ctx={ctx} polarity="negative" hidden />
                  <AnswerFieldset ctx={ctx} polarity="positive" hidden />
                  <Details ctx={ctx} invalid={false} />
                </div>
                <div class="wemi-feedback-actions">
                  <button type="submit" class="btn btn-primary" data-wemi-feedback-next="">
                    {t('feedback.next')}
                  </button>
                  <button type="submit" class="btn btn-primary" data-wemi-feedback-send="" hidden>
                    {t('feedback.submit')}
                  </button>
                </div>
              </form>
              <div class="wemi-feedback-status" role="status" data-wemi-feedback-status=""></div>
            </Card>
          </div>
        </div>
      </div>
    </section>
  );
}

export type FeedbackPageState =
  | { step: 'rating'; page: string; values: FeedbackValues; issues: FieldIssue[] }
  | { step: 'answer'; page: string; values: FeedbackValues & { rating: number }; issues: FieldIssue[] }
  | { step: 'thanks'; page: string };

/** GET/POST /feedback without JavaScript: the follow-up step, errors and the thank-you message. */
export function FeedbackPage(props: { ctx: PageContext; state: FeedbackPageState }): Html {
  const { ctx, state } = props;
  const { t } = ctx;
  const title = state.step === 'thanks' ? t('feedback.page.thanksTitle') : t('feedback.page.title');
  const invalid = (id: string) => state.step !== 'thanks' && state.issues.some((i) => i.field.startsWith(id));
  let body: Html;
  if (state.step === 'thanks') {
    body = (
      <Card ctx={ctx}>
        <div class="wemi-feedback-thanks" role="status">
          <p class="wemi-feedback-title">{t('feedback.thanks')}</p>
        </div>
        <p class="mb-0">
          <a class="btn btn-primary" href={state.page}>
            {t('feedback.backToPage')}
          </a>
        </p>
      </Card>
    );
  } else {
    const rating = state.step === 'answer' ? state.values.rating : undefined;
    // After an error on the stars, text already written stays visible (and is sent with the rating).
    const keep = state.step === 'rating' && !!state.values.details;
    const polarity = rating ? polarityOf(rating) : undefined;
    body = (
      <Card ctx={ctx}>
        <ErrorSummary ctx={ctx} issues={state.issues} />
        <form method="post" action={paths.feedback()} class="wemi-feedback-form" data-wemi-feedback="" {...scriptTexts(ctx)}>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <input type="hidden" name="page" value={state.page} />
          <input type="hidden" name="step" value={state.step === 'rating' && keep ? 'answer' : state.step} data-wemi-feedback-step="" />
          <Title ctx={ctx} />
          <div data-wemi-feedback-errors=""></div>
          {rating && polarity ? (
            <>
              <input type="hidden" name="rating" value={String(rating)} />
              <p class="wemi-feedback-chosen">
                <span class="wemi-stars-static" aria-hidden="true">
                  {[1, 2, 3, 4, 5].map((n) => (
                    <Icon ctx={ctx} name={n <= rating ? 'star-full' : 'star-outline'} class="icon-sm" />
                  ))}
                </span>{' '}
                {rating === 1 ? t('feedback.yourRatingOne') : t('feedback.yourRating', { n: rating })}{' '}
                <a href={`${paths.feedback()}?${new URLSearchParams({ pagina: state.page }).toString()}`}>{t('feedback.changeRating')}</a>
              </p>
              <AnswerFieldset ctx={ctx} polarity={polarity} hidden={false} checked={state.values.answer} invalid={invalid('feedback-answer')} />
              <Details ctx={ctx} value={state.values.details} invalid={invalid(FEEDBACK_IDS.details)} />
              <div class="wemi-feedback-actions">
                <button type="submit" class="btn btn-primary">
                  {t('feedback.submit')}
                </button>
              </div>
            </>
          ) : (
            <>
              <Stars ctx={ctx} checked={state.values.rating} invalid={invalid('feedback-rating')} />
              <div class="wemi-feedback-followup" data-wemi-feedback-followup="" hidden={!keep}>
                <AnswerFieldset ctx={ctx} polarity="negative" hidden />
                <AnswerFieldset ctx={ctx} polarity="positive" hidden />
                <Details ctx={ctx} value={state.values.details} invalid={invalid(FEEDBACK_IDS.details)} />
              </div>
              <div class="wemi-feedback-actions">
                <button type="submit" class="btn btn-primary" data-wemi-feedback-next="" hidden={keep}>
                  {t('feedback.next')}
                </button>
                <button type="submit" class="btn btn-primary" data-wemi-feedback-send="" hidden={!keep}>
                  {t('feedback.submit')}
                </button>
              </div>
            </>
          )}
        </form>
        <div class="wemi-feedback-status" role="status" data-wemi-feedback-status=""></div>
      </Card>
    );
  }
  return (
    <Layout ctx={ctx} title={title}>
      <PageHeader ctx={ctx} crumbs={[{ label: title }]} title={title} lead={t('feedback.page.lead')}>
        <p class="mb-0">
          <a href={state.page}>
            <Icon ctx={ctx} name="arrow-left" class="icon-sm icon-primary me-1" />
            {t('feedback.backToPage')}
            <span class="visually-hidden"> ({state.page})</span>
          </a>
        </p>
      </PageHeader>
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-8 col-xl-6">{body}</div>
        </div>
      </div>
    </Layout>
  );
}
