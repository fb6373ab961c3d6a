import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../i18n/catalogue';
import { formatDate, formatNumber } from '../../i18n/i18n';
import type { FieldIssue } from '../../lib/http/errors';
import { formatSize } from '../../lib/uploads';
import type { PageContext } from '../../web/context';
import { ErrorSummary } from '../../web/components';
import { CsrfField, describedBy, FieldHead, TextField, type FormState } from '../../web/forms';
import { paths } from '../../web/paths';
import { BackOfficeLayout, cityCrumb } from '../accounts/city/users.view';
import { COMPLAINT_STATES, threadPaths, type ComplaintRow, type ComplaintState, type MessageRow, type NotificationRow, type ThreadContext } from './conversations.repository';
import { canComplaint, type Breach, type QualityGroup } from './conversations.service';

// Pages: the thread (citizen, ente, City read-only), notifications received, the complaint form, the City's
// quality page, complaints queue and complaint page. Plain forms that post and redirect; no script needed.

type Crumb = { href?: string; label: string };

const dateTime = (ctx: PageContext, d: Date) =>
  new Intl.DateTimeFormat(ctx.locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(d);

export const requestStatusLabel = (ctx: PageContext, s: string) => ctx.t(`enteRequests.status.${s}` as MessageKey);
const complaintStatusLabel = (ctx: PageContext, s: ComplaintState) => ctx.t(`threads.cityComplaints.status.${s}`);

function Notice(props: { text: string | undefined }): Html {
  return props.text ? (
    <div class="alert alert-success wemi-notice" role="status">
      {props.text}
    </div>
  ) : (
    <></>
  );
}

export function TextArea(props: { ctx: PageContext; form: FormState; name: string; label: string; hint?: string; maxlength: number; rows?: number; required?: boolean }): Html {
  const error = props.form.issues.find((i) => i.field === props.name)?.message;
  const described = describedBy(props.name, props.hint, error);
  return (
    <div class={`form-group wemi-field${error ? ' wemi-field-error' : ''}`}>
      <FieldHead ctx={props.ctx} name={props.name} label={props.label} hint={props.hint} error={error} />
      <textarea
        class={`form-control wemi-thread-textarea${error ? ' is-invalid' : ''}`}
        id={props.name}
        name={props.name}
        rows={String(props.rows ?? 5)}
        maxlength={String(props.maxlength)}
        required={props.required ?? true}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
      >
        {props.form.values[props.name] ?? ''}
      </textarea>
    </div>
  );
}

// 1. The thread

export interface ThreadView {
  thread: ThreadContext;
  messages: MessageRow[];
  /** The viewer's side ('city': read-only). */
  viewer: 'citizen' | 'ente' | 'city';
  lastRead: Date | null;
  form: FormState;
  notice?: string | undefined;
  /** Where the form posts and where attachments are served (null: not downloadable). */
  action: string;
  fileHref: ((messageId: string) => string) | null;
  crumbs: Crumb[];
  complaintHref?: string | undefined;
}

export function ThreadPage(props: { ctx: PageContext; view: ThreadView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const th = view.thread;
  const title =
    view.viewer === 'citizen' ? t('threads.title', { ente: th.ente_name }) : view.viewer === 'ente' ? t('threads.titleEnte', { reference: th.reference }) : t('threads.city.title', { reference: th.reference });
  const lead = view.viewer === 'city' ? t('threads.city.lead', { ente: th.ente_name, service: th.service_name }) : t('threads.lead', { reference: th.reference, service: th.service_name });
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={lead} crumbs={[...view.crumbs, { label: title }]}>
      <Notice text={view.notice} />
      <p class="wemi-thread-status">{t('threads.status', { status: requestStatusLabel(ctx, th.status) })}</p>
      <h2 class="h4" id="thread-title">
        {t('threads.list')}
      </h2>
      {view.messages.length === 0 ? (
        <p>{t('threads.empty')}</p>
      ) : (
        <ol class="list-unstyled wemi-thread" aria-labelledby="thread-title">
          {view.messages.map((m) => {
            const mine = view.viewer !== 'city' && m.author_side === view.viewer;
            const unread = view.viewer !== 'city' && !mine && (view.lastRead === null || m.created_at > view.lastRead);
            return (
              <li class={`wemi-thread-message wemi-thread-${m.author_side}${unread ? ' wemi-thread-unread' : ''}`} id={`m-${m.id}`}>
                <p class="wemi-thread-meta mb-1">
                  <strong>{t(`threads.side.${m.author_side}`)}</strong>
                  {m.author_side === 'ente' ? <> · {th.ente_name}</> : null}
                  {' · '}
                  <time datetime={m.created_at.toISOString()}>{dateTime(ctx, m.created_at)}</time>
                  {unread ? <span class="badge bg-primary ms-2 wemi-thread-new">{t('threads.unread')}</span> : null}
                </p>
                <div class="wemi-thread-body">
                  {m.body.split('\n').map((line, i) => (
                    <>
                      {i > 0 ? <br /> : null}
                      {line}
                    </>
                  ))}
                </div>
                {m.file_id && m.file_name ? (
                  <p class="wemi-thread-file mb-0">
                    {view.fileHref ? (
                      <a href={view.fileHref(m.id)}>{t('threads.attachment', { name: m.file_name, size: formatSize(m.file_size ?? 0, ctx.locale) })}</a>
                    ) : (
                      t('threads.attachment', { name: m.file_name, size: formatSize(m.file_size ?? 0, ctx.locale) })
                    )}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {view.viewer === 'city' ? null : (
        <>
          <ErrorSummary ctx={ctx} issues={view.form.issues} />
          <form method="post" action={view.action} enctype="multipart/form-data" class="wemi-thread-form mt-4" aria-labelledby="form-title">
            <h2 class="h5" id="form-title">
              {t('threads.form.title')}
            </h2>
            <CsrfField ctx={ctx} />
            <TextArea ctx={ctx} form={view.form} name="testo" label={t('threads.form.body')} hint={t('threads.form.bodyHint')} maxlength={5000} />
            <FileInput ctx={ctx} issues={view.form.issues} name="allegato" label={t('threads.form.file')} hint={t('threads.form.fileHint')} />
            <button type="submit" class="btn btn-primary">
              {t('threads.form.submit')}
            </button>
          </form>
        </>
      )}
      {view.complaintHref ? (
        <p class="mt-4">
          <a href={view.complaintHref}>{t('threads.complaintLink')}</a>
        </p>
      ) : null}
    </BackOfficeLayout>
  );
}

function FileInput(props: { ctx: PageContext; issues: FieldIssue[]; name: string; label: string; hint: string }): Html {
  const error = props.issues.find((i) => i.field === props.name)?.message;
  return (
    <div class={`form-group wemi-field${error ? ' wemi-field-error' : ''}`}>
      <label for={props.name} class="wemi-field-label">
        {props.label}
        <span class="wemi-optional"> ({props.ctx.t('form.optional')})</span>
      </label>
      <small class="form-text wemi-field-hint" id={`${props.name}-hint`}>
        {props.hint}
      </small>
      {error ? (
        <p class="wemi-field-message" id={`${props.name}-error`}>
          <span class="visually-hidden">{props.ctx.t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <input
        type="file"
        class="form-control"
        id={props.name}
        name={props.name}
        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${props.name}-hint${error ? ` ${props.name}-error` : ''}`}
      />
    </div>
  );
}

// 2. Notifications received

export function NotificationsPage(props: { ctx: PageContext; items: NotificationRow[]; notice?: string | undefined }): Html {
  const { ctx, items } = props;
  const { t } = ctx;
  const unread = items.filter((n) => !n.read_at).length;
  const kindLabel = (k: string) => (['thread.message', 'complaint.answer', 'request.expired'].includes(k) ? t(`threads.notif.kind.${k}` as MessageKey) : t('threads.notif.kind.other'));
  return (
    <BackOfficeLayout ctx={ctx} title={t('threads.notif.title')} lead={t('threads.notif.lead')} crumbs={[{ href: paths.personalArea(), label: t('threads.notif.crumb') }, { label: t('threads.notif.title') }]}>
      <Notice text={props.notice} />
      {items.length === 0 ? (
        <p>{t('threads.notif.empty')}</p>
      ) : (
        <>
          <p>{t('threads.notif.unreadCount', { n: formatNumber(ctx.locale, unread) })}</p>
          {unread > 0 ? (
            <form method="post" action={threadPaths.notificationsRead()} class="mb-3">
              <CsrfField ctx={ctx} />
              <button type="submit" class="btn btn-outline-primary">
                {t('threads.notif.markAll')}
              </button>
            </form>
          ) : null}
          <ul class="list-unstyled wemi-notifications">
            {items.map((n) => (
              <li class={`wemi-notification${n.read_at ? '' : ' wemi-notification-unread'}`}>
                {n.read_at ? null : <span class="badge bg-primary me-2">{t('threads.notif.unread')}</span>}
                <a href={n.link}>
                  <strong>{kindLabel(n.kind)}</strong>: {n.title}
                </a>{' '}
                <time class="wemi-muted" datetime={n.created_at.toISOString()}>
                  {dateTime(ctx, n.created_at)}
                </time>
              </li>
            ))}
          </ul>
        </>
      )}
    </BackOfficeLayout>
  );
}

// 3. Complaint form (citizen)

export function ComplaintFormPage(props: { ctx: PageContext; thread: ThreadContext; form: FormState }): Html {
  const { ctx, thread, form } = props;
  const { t } = ctx;
  const title = t('threads.complaint.title', { reference: thread.reference });
  return (
    <BackOfficeLayout
      ctx={ctx}
      title={title}
      lead={t('threads.complaint.lead', { ente: thread.ente_name })}
      crumbs={[
        { href: threadPaths.citizenRequest(thread.request_id), label: thread.reference },
        { href: threadPaths.citizenThread(thread.request_id, thread.id), label: t('threads.title', { ente: thread.ente_name }) },
        { label: title },
      ]}
    >
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <form method="post" action={threadPaths.complaint(thread.request_id, thread.id)}>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="oggetto" label={t('threads.complaint.subject')} required maxlength={200} />
        <TextArea ctx={ctx} form={form} name="testo" label={t('threads.complaint.body')} maxlength={5000} rows={8} />
        <button type="submit" class="btn btn-primary">
          {t('threads.complaint.submit')}
        </button>
      </form>
    </BackOfficeLayout>
  );
}

// 4. Quality (City)

const hours = (ctx: PageContext, h: number | null) => (h === null ? '–' : formatNumber(ctx.locale, h));
const share = (ctx: PageContext, s: number | null) => (s === null ? '–' : `${formatNumber(ctx.locale, Math.round(s * 1000) / 10)}%`);

function QualityTable(props: { ctx: PageContext; id: string; caption: string; rows: QualityGroup[]; withEnte: boolean }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <div class="table-responsive wemi-table-scroll" tabindex="0" role="region" aria-labelledby={props.id}>
      <table class="table wemi-quality-table">
        <caption id={props.id}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('threads.quality.col.name')}</th>
            {props.withEnte ? <th scope="col">{t('threads.quality.col.ente')}</th> : null}
            <th scope="col">{t('threads.quality.col.requests')}</th>
            <th scope="col">{t('threads.quality.col.medianFirst')}</th>
            <th scope="col">{t('threads.quality.col.avgFirst')}</th>
            <th scope="col">{t('threads.quality.col.medianOffer')}</th>
            <th scope="col">{t('threads.quality.col.avgOffer')}</th>
            <th scope="col">{t('threads.quality.col.within')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((g) => (
            <tr data-key={g.key}>
              <th scope="row">{g.name}</th>
              {props.withEnte ? <td>{g.ente ?? ''}</td> : null}
              <td>{formatNumber(ctx.locale, g.requests)}</td>
              <td>{hours(ctx, g.medianFirst)}</td>
              <td>{hours(ctx, g.avgFirst)}</td>
              <td>{hours(ctx, g.medianOffer)}</td>
              <td>{hours(ctx, g.avgOffer)}</td>
              <td>{share(ctx, g.withinShare)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function QualityPage(props: { ctx: PageContext; form: FormState; byEnte: QualityGroup[]; byService: QualityGroup[]; breaches: Breach[] }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <BackOfficeLayout ctx={ctx} title={t('threads.quality.title')} lead={t('threads.quality.lead')} crumbs={[cityCrumb(ctx), { label: t('threads.quality.title') }]}>
      <p>
        <a href={threadPaths.cityComplaints()}>{t('threads.quality.complaints')}</a>
      </p>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <form method="get" action={threadPaths.quality()} class="wemi-bo-filter mb-4" aria-labelledby="period-title">
        <h2 class="h5" id="period-title">
          {t('threads.quality.filter')}
        </h2>
        <div class="row g-3">
          <div class="col-12 col-md-4">
            <TextField ctx={ctx} form={form} name="dal" label={t('threads.quality.from')} type="date" required />
          </div>
          <div class="col-12 col-md-4">
            <TextField ctx={ctx} form={form} name="al" label={t('threads.quality.to')} type="date" required />
          </div>
        </div>
        <button type="submit" class="btn btn-primary">
          {t('threads.quality.submit')}
        </button>
      </form>
      {props.byEnte.length === 0 ? (
        <p>{t('threads.quality.none')}</p>
      ) : (
        <>
          <h2 class="h4">{t('threads.quality.byEnte')}</h2>
          <QualityTable ctx={ctx} id="q-ente" caption={t('threads.quality.byEnte')} rows={props.byEnte} withEnte={false} />
          <h2 class="h4">{t('threads.quality.byService')}</h2>
          <QualityTable ctx={ctx} id="q-service" caption={t('threads.quality.byService')} rows={props.byService} withEnte />
        </>
      )}
      <h2 class="h4" id="breaches-title">
        {t('threads.quality.breaches')}
      </h2>
      {props.breaches.length === 0 ? (
        <p>{t('threads.quality.breachesNone')}</p>
      ) : (
        <div class="table-responsive wemi-table-scroll" tabindex="0" role="region" aria-labelledby="breaches-title">
          <table class="table wemi-breaches">
            <thead>
              <tr>
                <th scope="col">{t('threads.quality.col.reference')}</th>
                <th scope="col">{t('threads.quality.col.ente')}</th>
                <th scope="col">{t('threads.quality.col.sent')}</th>
                <th scope="col">{t('threads.quality.col.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {props.breaches.map((b) => (
                <tr data-id={b.row.id}>
                  <th scope="row">
                    <a href={threadPaths.cityThread(b.row.id)}>{b.row.reference}</a>
                  </th>
                  <td>
                    {b.row.ente_name} · {b.row.service_name}
                  </td>
                  <td>{formatDate(ctx.locale, b.row.created_at)}</td>
                  <td>{b.kind === 'no_answer' ? t('threads.quality.noAnswer') : t('threads.quality.late', { hours: formatNumber(ctx.locale, b.hours) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </BackOfficeLayout>
  );
}

// 5. Complaints (City)

const complaintsCrumb = (ctx: PageContext): Crumb => ({ href: threadPaths.cityComplaints(), label: ctx.t('threads.cityComplaints.title') });

export function ComplaintsListPage(props: { ctx: PageContext; items: ComplaintRow[]; status: string }): Html {
  const { ctx, items } = props;
  const { t } = ctx;
  return (
    <BackOfficeLayout ctx={ctx} title={t('threads.cityComplaints.title')} lead={t('threads.cityComplaints.lead')} crumbs={[cityCrumb(ctx), { label: t('threads.cityComplaints.title') }]}>
      <form method="get" action={threadPaths.cityComplaints()} class="wemi-bo-filter mb-4">
        <div class="select-wrapper wemi-field">
          <label for="stato" class="wemi-field-label">
            {t('threads.cityComplaints.filter')}
          </label>
          <select id="stato" name="stato">
            <option value="">{t('threads.cityComplaints.any')}</option>
            {COMPLAINT_STATES.map((s) => (
              <option value={s} selected={props.status === s}>
                {complaintStatusLabel(ctx, s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="btn btn-primary">
          {t('threads.cityComplaints.submit')}
        </button>
      </form>
      {items.length === 0 ? (
        <p>{t('threads.cityComplaints.none')}</p>
      ) : (
        <div class="table-responsive wemi-table-scroll" tabindex="0" role="region" aria-label={t('threads.cityComplaints.title')}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('threads.cityComplaints.col.reference')}</th>
                <th scope="col">{t('threads.cityComplaints.col.subject')}</th>
                <th scope="col">{t('threads.cityComplaints.col.ente')}</th>
                <th scope="col">{t('threads.cityComplaints.col.status')}</th>
                <th scope="col">{t('threads.cityComplaints.col.created')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr>
                  <th scope="row">
                    <a href={threadPaths.cityComplaint(c.id)}>{c.reference}</a>
                  </th>
                  <td>{c.subject}</td>
                  <td>{c.ente_name}</td>
                  <td>
                    <span class={`wemi-chip wemi-complaint-${c.status}`}>{complaintStatusLabel(ctx, c.status)}</span>
                  </td>
                  <td>{formatDate(ctx.locale, c.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </BackOfficeLayout>
  );
}

function ActionForm(props: { ctx: PageContext; action: string; value: string; label: string; children?: Child }): Html {
  return (
    <form method="post" action={props.action} class="d-inline-block me-2">
      <CsrfField ctx={props.ctx} />
      <input type="hidden" name="azione" value={props.value} />
      <button type="submit" class="btn btn-outline-primary">
        {props.label}
      </button>
    </form>
  );
}

export function ComplaintPage(props: { ctx: PageContext; c: ComplaintRow; form: FormState; notice?: string | undefined }): Html {
  const { ctx, c, form } = props;
  const { t } = ctx;
  return (
    <BackOfficeLayout ctx={ctx} title={`${c.reference} · ${c.subject}`} crumbs={[cityCrumb(ctx), complaintsCrumb(ctx), { label: c.reference }]}>
      <Notice text={props.notice} />
      <dl class="wemi-complaint-facts">
        <dt>{t('threads.cityComplaints.col.status')}</dt>
        <dd>
          <span class={`wemi-chip wemi-complaint-${c.status}`}>{complaintStatusLabel(ctx, c.status)}</span>
        </dd>
        <dt>{t('threads.cityComplaints.context')}</dt>
        <dd>
          {t('threads.cityComplaints.contextLine', { reference: c.request_reference, service: c.service_name, ente: c.ente_name, status: requestStatusLabel(ctx, c.request_status) })}{' '}
          · <a href={threadPaths.cityThread(c.ente_request_id)}>{t('threads.cityComplaints.thread')}</a>
        </dd>
        <dt>{t('threads.cityComplaints.citizen')}</dt>
        <dd>{[c.citizen_name, c.citizen_email].filter(Boolean).join(' · ')}</dd>
        <dt>{t('threads.cityComplaints.col.created')}</dt>
        <dd>{dateTime(ctx, c.created_at)}</dd>
      </dl>
      <h2 class="h5">{t('threads.cityComplaints.body')}</h2>
      <div class="wemi-thread-body mb-4">{c.body}</div>
      {c.answer ? (
        <>
          <h2 class="h5">{t('threads.cityComplaints.answer')}</h2>
          <div class="wemi-thread-body mb-4">{c.answer}</div>
        </>
      ) : null}
      {canComplaint(c.status, 'take') ? <ActionForm ctx={ctx} action={threadPaths.cityComplaintStatus(c.id)} value="take" label={t('threads.cityComplaints.take')} /> : null}
      {canComplaint(c.status, 'close') ? <ActionForm ctx={ctx} action={threadPaths.cityComplaintStatus(c.id)} value="close" label={t('threads.cityComplaints.close')} /> : null}
      {canComplaint(c.status, 'answer') ? (
        <>
          <ErrorSummary ctx={ctx} issues={form.issues} />
          <form method="post" action={threadPaths.cityComplaintAnswer(c.id)}>
            <CsrfField ctx={ctx} />
            <TextArea ctx={ctx} form={form} name="risposta" label={t('threads.cityComplaints.answer')} hint={t('threads.cityComplaints.answerHint')} maxlength={5000} rows={8} />
            <button type="submit" class="btn btn-primary">
              {t('threads.cityComplaints.answerSubmit')}
            </button>
          </form>
        </>
      ) : null}
    </BackOfficeLayout>
  );
}
