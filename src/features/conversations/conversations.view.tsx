import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../i18n/catalogue';
import { formatDate, formatNumber } from '../../i18n/i18n';
import { formatSize } from '../../lib/uploads';
import type { PageContext } from '../../web/context';
import { BackOfficeLayout, cityCrumb, DataTable, FilterForm, Notice, PostForm, StateChip, type Crumb } from '../../web/backoffice';
import { ErrorSummary } from '../../web/components';
import { CsrfField, FileField, SelectField, TextAreaField, TextField, type FormState } from '../../web/forms';
import { cityPaths, paths } from '../../web/paths';
import { COMPLAINT_STATES, type ComplaintRow, type ComplaintState, type MessageRow, type NotificationRow, type ThreadContext } from './conversations.repository';
import { canComplaint, type Breach, type QualityGroup } from './conversations.service';

// Pages: the thread (citizen, ente, City read-only), notifications received, the complaint form, the City's
// quality page, complaints queue and complaint page. Plain forms that post and redirect; no script needed.

const dateTime = (ctx: PageContext, d: Date) =>
  new Intl.DateTimeFormat(ctx.locale === 'it' ? 'it-IT' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(d);

export const requestStatusLabel = (ctx: PageContext, s: string) => ctx.t(`enteRequests.status.${s}` as MessageKey);
const complaintStatusLabel = (ctx: PageContext, s: ComplaintState) => ctx.t(`threads.cityComplaints.status.${s}`);

/** The messages' text areas: required, 5000 characters at most, their own minimum height. */
const MESSAGE = { required: true, maxlength: 5000, inputClass: 'form-control wemi-thread-textarea' } as const;

const complaintChip = (ctx: PageContext, s: ComplaintState) => <StateChip class={`wemi-complaint-${s}`} label={complaintStatusLabel(ctx, s)} />;

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
  const canWrite = view.viewer !== 'city';
  return (
    <BackOfficeLayout ctx={ctx} title={title} lead={lead} crumbs={[...view.crumbs, { label: title }]}>
      <Notice text={view.notice} />
      <p class="wemi-thread-status">{t('threads.status', { status: requestStatusLabel(ctx, th.status) })}</p>
      <h2 class="h4" id="thread-title">
        {t('threads.list')}
      </h2>
      {view.messages.length === 0 ? (
        // An invitation to write only to someone who can: the City reads the conversation and cannot write in it.
        <p>{canWrite ? t('threads.empty') : t('threads.emptyReadOnly')}</p>
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
      {!canWrite ? (
        <p class="wemi-thread-readonly">{t('threads.city.readOnly')}</p>
      ) : (
        <>
          <ErrorSummary ctx={ctx} issues={view.form.issues} />
          <form method="post" action={`${view.action}?_csrf=${ctx.csrfToken}`} enctype="multipart/form-data" class="wemi-thread-form mt-4" aria-labelledby="form-title">
            <h2 class="h5" id="form-title">
              {t('threads.form.title')}
            </h2>
            <CsrfField ctx={ctx} />
            <TextAreaField ctx={ctx} form={view.form} name="testo" label={t('threads.form.body')} hint={t('threads.form.bodyHint')} {...MESSAGE} />
            <FileField ctx={ctx} form={view.form} name="allegato" label={t('threads.form.file')} hint={t('threads.form.fileHint')} accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" />
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
            <PostForm ctx={ctx} action={paths.inboxRead()} class="mb-3">
              <button type="submit" class="btn btn-outline-primary">
                {t('threads.notif.markAll')}
              </button>
            </PostForm>
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
        { href: paths.request(thread.request_id), label: thread.reference },
        { href: paths.requestMessages(thread.request_id, thread.id), label: t('threads.title', { ente: thread.ente_name }) },
        { label: title },
      ]}
    >
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <form method="post" action={paths.requestComplaint(thread.request_id, thread.id)}>
        <CsrfField ctx={ctx} />
        <TextField ctx={ctx} form={form} name="oggetto" label={t('threads.complaint.subject')} required maxlength={200} />
        <TextAreaField ctx={ctx} form={form} name="testo" label={t('threads.complaint.body')} rows={8} {...MESSAGE} />
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
    <DataTable
      labelledBy={props.id}
      class="wemi-quality-table"
      caption={props.caption}
      captionId={props.id}
      captionVisible
      columns={[
        t('threads.quality.col.name'),
        props.withEnte && t('threads.quality.col.ente'),
        t('threads.quality.col.requests'),
        t('threads.quality.col.medianFirst'),
        t('threads.quality.col.avgFirst'),
        t('threads.quality.col.medianOffer'),
        t('threads.quality.col.avgOffer'),
        t('threads.quality.col.within'),
      ]}
    >
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
    </DataTable>
  );
}

export function QualityPage(props: { ctx: PageContext; form: FormState; byEnte: QualityGroup[]; byService: QualityGroup[]; breaches: Breach[] }): Html {
  const { ctx, form } = props;
  const { t } = ctx;
  return (
    <BackOfficeLayout ctx={ctx} title={t('threads.quality.title')} lead={t('threads.quality.lead')} crumbs={[cityCrumb(ctx), { label: t('threads.quality.title') }]}>
      <p>
        <a href={cityPaths.complaints()}>{t('threads.quality.complaints')}</a>
      </p>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      <FilterForm action={cityPaths.quality()} title={t('threads.quality.filter')} titleId="period-title" column="col-12 col-md-4" submit={t('threads.quality.submit')}>
        <TextField ctx={ctx} form={form} name="dal" label={t('threads.quality.from')} type="date" required />
        <TextField ctx={ctx} form={form} name="al" label={t('threads.quality.to')} type="date" required />
      </FilterForm>
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
        <DataTable
          labelledBy="breaches-title"
          class="wemi-breaches"
          columns={[t('threads.quality.col.reference'), t('threads.quality.col.ente'), t('threads.quality.col.sent'), t('threads.quality.col.problem')]}
        >
          {props.breaches.map((b) => (
            <tr data-id={b.row.id}>
              <th scope="row">
                <a href={cityPaths.requestMessages(b.row.id)}>{b.row.reference}</a>
              </th>
              <td>
                {b.row.ente_name} · {b.row.service_name}
              </td>
              <td>{formatDate(ctx.locale, b.row.created_at)}</td>
              <td>{b.kind === 'no_answer' ? t('threads.quality.noAnswer') : t('threads.quality.late', { hours: formatNumber(ctx.locale, b.hours) })}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </BackOfficeLayout>
  );
}

// 5. Complaints (City)

const complaintsCrumb = (ctx: PageContext): Crumb => ({ href: cityPaths.complaints(), label: ctx.t('threads.cityComplaints.title') });

export function ComplaintsListPage(props: { ctx: PageContext; items: ComplaintRow[]; status: string }): Html {
  const { ctx, items } = props;
  const { t } = ctx;
  return (
    <BackOfficeLayout ctx={ctx} title={t('threads.cityComplaints.title')} lead={t('threads.cityComplaints.lead')} crumbs={[cityCrumb(ctx), { label: t('threads.cityComplaints.title') }]}>
      <form method="get" action={cityPaths.complaints()} class="wemi-bo-filter mb-4">
        <SelectField
          ctx={ctx}
          name="stato"
          label={t('threads.cityComplaints.filter')}
          empty={t('threads.cityComplaints.any')}
          options={COMPLAINT_STATES.map((s) => ({ value: s, label: complaintStatusLabel(ctx, s) }))}
          value={props.status}
        />
        <button type="submit" class="btn btn-primary">
          {t('threads.cityComplaints.submit')}
        </button>
      </form>
      {items.length === 0 ? (
        <p>{t('threads.cityComplaints.none')}</p>
      ) : (
        <DataTable
          label={t('threads.cityComplaints.title')}
          class=""
          columns={[
            t('threads.cityComplaints.col.reference'),
            t('threads.cityComplaints.col.subject'),
            t('threads.cityComplaints.col.ente'),
            t('threads.cityComplaints.col.status'),
            t('threads.cityComplaints.col.created'),
          ]}
        >
          {items.map((c) => (
            <tr>
              <th scope="row">
                <a href={cityPaths.complaint(c.id)}>{c.reference}</a>
              </th>
              <td>{c.subject}</td>
              <td>{c.ente_name}</td>
              <td>{complaintChip(ctx, c.status)}</td>
              <td>{formatDate(ctx.locale, c.created_at)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </BackOfficeLayout>
  );
}

function ActionForm(props: { ctx: PageContext; action: string; value: string; label: string; children?: Child }): Html {
  return (
    <PostForm ctx={props.ctx} action={props.action} class="d-inline-block me-2">
      <input type="hidden" name="azione" value={props.value} />
      <button type="submit" class="btn btn-outline-primary">
        {props.label}
      </button>
    </PostForm>
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
        <dd>{complaintChip(ctx, c.status)}</dd>
        <dt>{t('threads.cityComplaints.context')}</dt>
        <dd>
          {t('threads.cityComplaints.contextLine', { reference: c.request_reference, service: c.service_name, ente: c.ente_name, status: requestStatusLabel(ctx, c.request_status) })}{' '}
          · <a href={cityPaths.requestMessages(c.ente_request_id)}>{t('threads.cityComplaints.thread')}</a>
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
      {canComplaint(c.status, 'take') ? <ActionForm ctx={ctx} action={cityPaths.complaintStatus(c.id)} value="take" label={t('threads.cityComplaints.take')} /> : null}
      {canComplaint(c.status, 'close') ? <ActionForm ctx={ctx} action={cityPaths.complaintStatus(c.id)} value="close" label={t('threads.cityComplaints.close')} /> : null}
      {canComplaint(c.status, 'answer') ? (
        <>
          <ErrorSummary ctx={ctx} issues={form.issues} />
          <form method="post" action={cityPaths.complaintAnswer(c.id)}>
            <CsrfField ctx={ctx} />
            <TextAreaField ctx={ctx} form={form} name="risposta" label={t('threads.cityComplaints.answer')} hint={t('threads.cityComplaints.answerHint')} rows={8} {...MESSAGE} />
            <button type="submit" class="btn btn-primary">
              {t('threads.cityComplaints.answerSubmit')}
            </button>
          </form>
        </>
      ) : null}
    </BackOfficeLayout>
  );
}
