import type { Child, Html } from '../../../lib/jsx/jsx-runtime';
import { catalogue, type MessageKey } from '../../../i18n/catalogue';
import { formatDate, formatEuro, formatNumber, type Locale } from '../../../i18n/i18n';
import type { PageContext } from '../../../web/context';
import { Icon } from '../../../web/components';
import { Layout, PageHeader } from '../../../web/layout';
import { paths } from '../../../web/paths';
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, EXPORT_SECTIONS, type ExportRequest, type FileMeta, type PersonalDataExport } from './my-data.presenter';
import { roleLabel, SectionPage } from './personal.view';

// "I miei dati": the page that explains the file and its shape (versioned), the printable summary of the same
// data (headings per section, an empty state for each), and the public page a person lands on right after
// deleting their account.

const dateTimeFormats = {
  it: new Intl.DateTimeFormat('it-IT', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Rome' }),
};
const when = (locale: Locale, d: Date | string | null | undefined) => (d ? dateTimeFormats[locale].format(typeof d === 'string' ? new Date(d) : d) : '—');
const day = (locale: Locale, d: string | Date | null | undefined) => (d ? formatDate(locale, d) : '—');

/** A label from the catalogue when there is one ('requests.status.' + 'offered'), the raw value otherwise. */
function labelOf(ctx: PageContext, prefix: string, value: string | null | undefined): string {
  if (!value) return '—';
  const key = `${prefix}${value}`;
  return key in catalogue.it ? ctx.t(key as MessageKey) : value;
}

const SECTION_KEYS: Record<(typeof EXPORT_SECTIONS)[number], MessageKey> = {
  account: 'personal.myData.key.account',
  profile: 'personal.myData.key.profile',
  identities: 'personal.myData.key.identities',
  security: 'personal.myData.key.security',
  notificationPreferences: 'personal.myData.key.notificationPreferences',
  consents: 'personal.myData.key.consents',
  roles: 'personal.myData.key.roles',
  requests: 'personal.myData.key.requests',
  complaints: 'personal.myData.key.complaints',
  reviews: 'personal.myData.key.reviews',
  notifications: 'personal.myData.key.notifications',
  emailMessages: 'personal.myData.key.emailMessages',
  uploadedFiles: 'personal.myData.key.uploadedFiles',
  enteApplications: 'personal.myData.key.enteApplications',
  work: 'personal.myData.key.work',
  sessions: 'personal.myData.key.sessions',
  loginDevices: 'personal.myData.key.loginDevices',
  singleUseLinks: 'personal.myData.key.singleUseLinks',
  loginThrottling: 'personal.myData.key.loginThrottling',
  activityLog: 'personal.myData.key.activityLog',
  notIncluded: 'personal.myData.key.notIncluded',
};

// -------------------------------------------------------------------------------------- the page

export function MyDataPage(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <SectionPage ctx={ctx} href={paths.myData()} title={t('personal.myData.title')} lead={t('personal.myData.lead')}>
      <section class="wemi-personal-block" aria-labelledby="mydata-download-title">
        <h2 class="wemi-personal-block-title" id="mydata-download-title">
          {t('personal.myData.downloadTitle')}
        </h2>
        <p>{t('personal.myData.includedText')}</p>
        <ul class="wemi-personal-actions wemi-mydata-actions">
          <li>
            <a class="btn btn-primary btn-icon" href={paths.myDataSummary()}>
              <Icon ctx={ctx} name="file" class="icon-white icon-sm me-1" />
              <span>{t('personal.myData.summaryLink')}</span>
            </a>
          </li>
          <li>
            <a class="btn btn-outline-primary btn-icon" href={paths.myDataJson()} download>
              <Icon ctx={ctx} name="download" class="icon-primary icon-sm me-1" />
              <span>{t('personal.myData.download')}</span>
            </a>
          </li>
        </ul>
        <p>{t('personal.myData.downloadText')}</p>
        <p>{t('personal.myData.notIncluded')}</p>
        <p class="wemi-personal-meta">{t('personal.myData.rights')}</p>
      </section>
      <section class="wemi-personal-block" aria-labelledby="formato">
        <h2 class="wemi-personal-block-title" id="formato">
          {t('personal.myData.formatTitle')}
        </h2>
        <p>{t('personal.myData.formatText', { format: EXPORT_FORMAT, version: String(EXPORT_FORMAT_VERSION) })}</p>
        <dl class="wemi-mydata-format">
          {EXPORT_SECTIONS.map((key) => (
            <>
              <dt>
                <code>{key}</code>
              </dt>
              <dd>{t(SECTION_KEYS[key])}</dd>
            </>
          ))}
        </dl>
        <p class="wemi-personal-meta">{t('personal.myData.formatDates')}</p>
      </section>
    </SectionPage>
  );
}

// ------------------------------------------------------------------------------------- the summary

/** A section of the summary: a heading and its content, or the empty state. */
function Part(props: { id: string; title: string; empty?: string | false; children?: Child }): Html {
  return (
    <section class="wemi-mydata-part" aria-labelledby={props.id}>
      <h2 class="wemi-personal-block-title" id={props.id}>
        {props.title}
      </h2>
      {props.empty ? <p class="wemi-mydata-empty">{props.empty}</p> : props.children}
    </section>
  );
}

/** Label and value pairs; the pairs without a value are left out. */
function Pairs(props: { items: [string, Child | null | undefined][] }): Html {
  const items = props.items.filter(([, v]) => v !== null && v !== undefined && v !== '');
  return (
    <dl class="wemi-mydata-dl">
      {items.map(([k, v]) => (
        <>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

/** A relative address for links of the file (absolute there, with the configured site address). */
const localHref = (link: string) => {
  try {
    const u = new URL(link);
    return `${u.pathname}${u.search}`;
  } catch {
    return link;
  }
};

function FileLine(props: { ctx: PageContext; file: FileMeta }): Html {
  const { ctx, file } = props;
  const meta = ctx.t('personal.summary.fileMeta', { type: file.type, size: formatNumber(ctx.locale, Math.max(1, Math.round(file.sizeBytes / 1024))), date: when(ctx.locale, file.uploadedAt) });
  return (
    <span class="wemi-mydata-file">
      {file.link ? <a href={localHref(file.link)}>{file.name}</a> : <span>{file.name}</span>} <span class="wemi-personal-meta">({meta})</span>
    </span>
  );
}

const yesNo = (ctx: PageContext, v: boolean) => ctx.t(v ? 'personal.summary.yes' : 'personal.summary.no');

function RequestPart(props: { ctx: PageContext; r: ExportRequest; n: number }): Html {
  const { ctx, r, n } = props;
  const { t, locale } = ctx;
  const d = r.details;
  const id = `richiesta-${n}`;
  const forWhom = d.forWhom === 'self' ? t('personal.summary.forSelf') : d.forWhom === 'other' ? t('personal.summary.forOther', { name: d.beneficiaryName || '—', relation: d.beneficiaryRelation || '—' }) : null;
  const period = d.periodFrom || d.periodTo ? `${day(locale, d.periodFrom)} – ${day(locale, d.periodTo)}` : null;
  return (
    <article class="wemi-mydata-request" aria-labelledby={id}>
      <h3 class="h5" id={id}>
        {r.reference} — {r.serviceType}
      </h3>
      <Pairs
        items={[
          [t('personal.summary.f.status'), labelOf(ctx, 'requests.status.', r.status)],
          [t('personal.summary.f.createdAt'), when(locale, r.createdAt)],
          [t('personal.summary.f.sentAt'), r.sentAt ? when(locale, r.sentAt) : null],
          [t('personal.summary.f.forWhom'), forWhom],
          [t('personal.summary.f.needs'), d.needs],
          [t('personal.summary.f.period'), period],
          [t('personal.summary.f.days'), d.days.map((x) => labelOf(ctx, 'requests.day.', x)).join(', ')],
          [t('personal.summary.f.timeBands'), d.timeBands.join(', ')],
          [t('personal.summary.f.municipio'), d.municipio],
          [t('personal.summary.f.address'), d.address],
          [t('personal.summary.f.people'), d.people === null ? null : String(d.people)],
          [t('personal.summary.f.units'), d.units === null ? null : String(d.units)],
          [t('personal.summary.f.notes'), d.notes],
          [t('personal.summary.f.chosen'), r.chosenServices.map((c) => `${c.service} (${c.organization})`).join('; ')],
        ]}
      />
      <h4 class="h6">{t('personal.summary.attachments')}</h4>
      {r.attachments.length === 0 ? (
        <p class="wemi-mydata-empty">{t('personal.summary.attachmentsEmpty')}</p>
      ) : (
        <ul>
          {r.attachments.map((f) => (
            <li>
              <FileLine ctx={ctx} file={f} />
            </li>
          ))}
        </ul>
      )}
      {r.enti.map((e, i) => (
        <section class="wemi-mydata-ente" aria-labelledby={`${id}-ente-${i}`}>
          <h4 class="h6" id={`${id}-ente-${i}`}>
            {e.organization} — {e.service}
          </h4>
          <Pairs
            items={[
              [t('personal.summary.f.status'), labelOf(ctx, 'requests.status.', e.status)],
              [t('personal.summary.f.receivedAt'), when(locale, e.createdAt)],
              [t('personal.summary.f.declineReason'), e.declineReason],
              [t('personal.summary.f.offerPrice'), e.offer?.price !== null && e.offer?.price !== undefined ? formatEuro(locale, e.offer.price) : null],
              [t('personal.summary.f.offerComputed'), e.offer?.priceComputed !== null && e.offer?.priceComputed !== undefined ? formatEuro(locale, e.offer.priceComputed) : null],
              [t('personal.summary.f.offerPeriod'), e.offer && (e.offer.periodFrom || e.offer.periodTo) ? `${day(locale, e.offer.periodFrom)} – ${day(locale, e.offer.periodTo)}` : null],
              [t('personal.summary.f.offerTimeBand'), e.offer?.timeBand],
              [t('personal.summary.f.offerExpires'), e.offer?.expiresOn ? day(locale, e.offer.expiresOn) : null],
              [t('personal.summary.f.offerNotes'), e.offer?.notes],
              [t('personal.summary.f.offerFile'), e.offer?.file ? <FileLine ctx={ctx} file={e.offer.file} /> : null],
              [t('personal.summary.f.offeredAt'), e.offeredAt ? when(locale, e.offeredAt) : null],
              [t('personal.summary.f.acceptedAt'), e.acceptedAt ? when(locale, e.acceptedAt) : null],
              [t('personal.summary.f.completedAt'), e.completedAt ? when(locale, e.completedAt) : null],
            ]}
          />
          <p class="wemi-mydata-subtitle">{t('personal.summary.history')}</p>
          {e.statusHistory.length === 0 ? (
            <p class="wemi-mydata-empty">{t('personal.summary.historyEmpty')}</p>
          ) : (
            <ul class="wemi-mydata-history">
              {e.statusHistory.map((h) => (
                <li>
                  {t(h.from ? 'personal.summary.historyLine' : 'personal.summary.historyFirst', {
                    date: when(locale, h.at),
                    from: labelOf(ctx, 'requests.status.', h.from),
                    to: labelOf(ctx, 'requests.status.', h.to),
                    by: t(h.by === 'you' ? 'personal.summary.by.you' : h.by === 'ente' ? 'personal.summary.by.ente' : 'personal.summary.by.system'),
                  })}
                  {h.note ? ` — ${h.note}` : null}
                </li>
              ))}
            </ul>
          )}
          <p class="wemi-mydata-subtitle">{t('personal.summary.conversation')}</p>
          {e.conversation.messages.length === 0 ? (
            <p class="wemi-mydata-empty">{t('personal.summary.conversationEmpty')}</p>
          ) : (
            <ol class="wemi-mydata-messages">
              {e.conversation.messages.map((m) => (
                <li class={m.from === 'you' ? 'wemi-mydata-message wemi-mydata-message-mine' : 'wemi-mydata-message'}>
                  <p class="wemi-mydata-message-head">
                    <strong>{m.from === 'you' ? t('personal.summary.you') : m.author}</strong>, {when(locale, m.at)}
                  </p>
                  <p class="wemi-mydata-message-text">{m.text}</p>
                  {m.attachment ? (
                    <p>
                      {t('personal.summary.attachment')}: <FileLine ctx={ctx} file={m.attachment} />
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </article>
  );
}

function Table(props: { caption: string; head: string[]; rows: Child[][] }): Html {
  return (
    <div class="table-responsive wemi-mydata-table">
      <table class="table table-sm">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              {r.map((c) => (
                <td>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const METHOD_KEYS: Record<string, MessageKey> = {
  password: 'personal.sessions.method.password',
  spid: 'personal.sessions.method.spid',
  cie: 'personal.sessions.method.cie',
  invitation: 'personal.sessions.method.invitation',
};
const methodName = (ctx: PageContext, m: string) => (METHOD_KEYS[m] ? ctx.t(METHOD_KEYS[m]!) : m);

export function MyDataSummaryPage(props: { ctx: PageContext; data: PersonalDataExport }): Html {
  const { ctx, data } = props;
  const { t, locale } = ctx;
  const p = data.profile;
  const w = data.work;
  const workCount =
    w.enteRequestsAssigned.length +
    w.enteRequestMoves.length +
    w.messagesWritten.length +
    w.cardRevisions.length +
    w.cardStatusChanges.length +
    w.enteCardRevisions.length +
    w.applicationsReviewed.length +
    w.applicationMoves.length +
    w.complaintsHandled.length +
    w.reviewsModerated.length +
    w.searchConceptsEdited.length +
    w.rolesGrantedToOthers.granted +
    w.rolesGrantedToOthers.revoked +
    w.invitationsSent.length;
  const parts: { id: string; title: MessageKey }[] = [
    { id: 'account', title: 'personal.summary.account' },
    { id: 'identita', title: 'personal.summary.identities' },
    { id: 'sicurezza', title: 'personal.summary.security' },
    { id: 'preferenze', title: 'personal.summary.preferences' },
    { id: 'profili', title: 'personal.summary.roles' },
    { id: 'richieste', title: 'personal.summary.requests' },
    { id: 'reclami', title: 'personal.summary.complaints' },
    { id: 'recensioni', title: 'personal.summary.reviews' },
    { id: 'avvisi', title: 'personal.summary.notifications' },
    { id: 'email', title: 'personal.summary.emails' },
    { id: 'file', title: 'personal.summary.files' },
    { id: 'domande-ente', title: 'personal.summary.applications' },
    { id: 'lavoro', title: 'personal.summary.work' },
    { id: 'sessioni', title: 'personal.summary.sessions' },
    { id: 'link-e-tentativi', title: 'personal.summary.links' },
    { id: 'registro', title: 'personal.summary.activity' },
    { id: 'non-inclusi', title: 'personal.summary.notIncluded' },
  ];
  return (
    <SectionPage ctx={ctx} href={paths.myDataSummary()} parent={{ href: paths.myData(), label: t('personal.myData.title') }} title={t('personal.summary.title')} lead={t('personal.summary.lead')}>
      <div class="wemi-mydata-summary">
        <p class="wemi-personal-meta">
          {t('personal.summary.generated', { date: when(locale, data.generatedAt), format: data.format, version: String(data.formatVersion) })}
        </p>
        <p class="wemi-personal-meta wemi-mydata-noprint">{t('personal.summary.printHint')}</p>
        <p class="wemi-mydata-noprint">
          <a class="btn btn-outline-primary btn-sm btn-icon" href={paths.myDataJson()} download>
            <Icon ctx={ctx} name="download" class="icon-primary icon-sm me-1" />
            <span>{t('personal.myData.download')}</span>
          </a>
        </p>
        <nav class="wemi-mydata-index wemi-mydata-noprint" aria-labelledby="mydata-index-title">
          <h2 class="h6" id="mydata-index-title">
            {t('personal.summary.index')}
          </h2>
          <ol>
            {parts.map((x) => (
              <li>
                <a href={`#${x.id}`}>{t(x.title)}</a>
              </li>
            ))}
          </ol>
        </nav>

        <Part id="account" title={t('personal.summary.account')}>
          <Pairs
            items={[
              [t('personal.profile.givenName'), p.givenName || t('personal.notSet')],
              [t('personal.profile.familyName'), p.familyName || t('personal.notSet')],
              [t('personal.profile.fiscalCode'), p.fiscalCode ?? t('personal.notSet')],
              [t('personal.profile.birthDate'), p.birthDate ? day(locale, p.birthDate) : t('personal.notSet')],
              [t('personal.profile.email'), p.email ?? t('personal.notSet')],
              [t('personal.summary.f.emailVerifiedAt'), p.emailVerifiedAt ? when(locale, p.emailVerifiedAt) : null],
              [t('personal.profile.phone'), p.phone ?? t('personal.notSet')],
              [t('personal.summary.f.accountCreated'), when(locale, data.account.createdAt)],
              [t('personal.summary.f.lastLogin'), data.account.lastLoginAt ? when(locale, data.account.lastLoginAt) : null],
            ]}
          />
        </Part>

        <Part id="identita" title={t('personal.summary.identities')}>
          <Pairs
            items={[
              [t('personal.summary.f.spidCie'), data.identities.spidCie.linked ? t('personal.summary.spidCieLinked', { code: data.identities.spidCie.fiscalCode ?? '' }) : t('personal.summary.spidCieNotLinked')],
              [t('personal.summary.f.passwordLogin'), yesNo(ctx, data.identities.password.set)],
            ]}
          />
          {data.identities.logins.length === 0 ? (
            <p class="wemi-mydata-empty">{t('personal.summary.loginsEmpty')}</p>
          ) : (
            <Table
              caption={t('personal.summary.identities')}
              head={[t('personal.sessions.method'), t('personal.summary.f.count'), t('personal.summary.f.firstAt'), t('personal.summary.f.lastAt')]}
              rows={data.identities.logins.map((l) => [methodName(ctx, l.method), String(l.count), when(locale, l.firstAt), when(locale, l.lastAt)])}
            />
          )}
        </Part>

        <Part id="sicurezza" title={t('personal.summary.security')}>
          <Pairs
            items={[
              [t('personal.summary.f.password'), yesNo(ctx, data.security.passwordSet)],
              [
                t('personal.summary.f.secondFactor'),
                data.security.secondFactorEnabled && data.security.secondFactorEnabledAt ? t('personal.summary.onSince', { date: when(locale, data.security.secondFactorEnabledAt) }) : t('personal.summary.off'),
              ],
              [t('personal.summary.f.setupPending'), data.security.secondFactorSetupPendingSince ? when(locale, data.security.secondFactorSetupPendingSince) : null],
              [
                t('personal.summary.f.recoveryCodes'),
                data.security.recoveryCodes.total
                  ? t('personal.summary.codesLeft', { remaining: String(data.security.recoveryCodes.remaining), total: String(data.security.recoveryCodes.total) })
                  : t('personal.summary.none'),
              ],
            ]}
          />
        </Part>

        <Part id="preferenze" title={t('personal.summary.preferences')}>
          <Pairs
            items={[
              [t('personal.notifications.email'), yesNo(ctx, data.notificationPreferences.email)],
              [t('personal.notifications.requests'), yesNo(ctx, data.notificationPreferences.requests)],
              [t('personal.notifications.news'), yesNo(ctx, data.notificationPreferences.news)],
              [
                t('personal.nav.privacy'),
                data.consents[0]?.acceptedAt && data.consents[0].version
                  ? t('personal.privacy.lastAccepted', { version: data.consents[0].version, date: when(locale, data.consents[0].acceptedAt) })
                  : t('personal.privacy.neverAccepted'),
              ],
            ]}
          />
        </Part>

        <Part id="profili" title={t('personal.summary.roles')} empty={data.roles.length === 0 && t('personal.summary.rolesEmpty')}>
          <ul>
            {data.roles.map((r) => (
              <li>
                {roleLabel(ctx, {
                  id: '',
                  role: r.role as Parameters<typeof roleLabel>[1]['role'],
                  permission: r.permission,
                  organization_id: null,
                  organization_name: r.organization,
                  location_id: null,
                  location_name: r.spazioWemi,
                  valid_from: r.validFrom,
                  valid_to: r.validTo,
                })}{' '}
                <span class="wemi-personal-meta">
                  ({t('personal.summary.roleDates', { from: day(locale, r.validFrom) })}
                  {r.validTo ? `, ${t('personal.role.until', { date: day(locale, r.validTo) })}` : ''}
                  {r.revokedAt ? `, ${t('personal.summary.revokedAt', { date: day(locale, r.revokedAt) })}` : ''})
                </span>
              </li>
            ))}
          </ul>
        </Part>

        <Part id="richieste" title={t('personal.summary.requests')} empty={data.requests.length === 0 && t('personal.summary.requestsEmpty')}>
          {data.requests.map((r, i) => (
            <RequestPart ctx={ctx} r={r} n={i + 1} />
          ))}
        </Part>

        <Part id="reclami" title={t('personal.summary.complaints')} empty={data.complaints.length === 0 && t('personal.summary.complaintsEmpty')}>
          {data.complaints.map((c, i) => (
            <article class="wemi-mydata-item" aria-labelledby={`reclamo-${i + 1}`}>
              <h3 class="h5" id={`reclamo-${i + 1}`}>
                {c.reference} — {c.subject}
              </h3>
              <Pairs
                items={[
                  [t('personal.summary.f.status'), labelOf(ctx, 'threads.cityComplaints.status.', c.status)],
                  [t('personal.summary.f.request'), `${c.request} (${c.organization})`],
                  [t('personal.summary.f.filedAt'), when(locale, c.createdAt)],
                  [t('personal.summary.f.text'), <span class="wemi-mydata-text">{c.text}</span>],
                  [t('personal.summary.f.answer'), c.answer ? <span class="wemi-mydata-text">{c.answer}</span> : t('personal.summary.noAnswer')],
                  [t('personal.summary.f.answeredAt'), c.answeredAt ? when(locale, c.answeredAt) : null],
                ]}
              />
            </article>
          ))}
        </Part>

        <Part id="recensioni" title={t('personal.summary.reviews')} empty={data.reviews.length === 0 && t('personal.summary.reviewsEmpty')}>
          {data.reviews.map((v, i) => (
            <article class="wemi-mydata-item" aria-labelledby={`recensione-${i + 1}`}>
              <h3 class="h5" id={`recensione-${i + 1}`}>
                {v.service} — {v.organization}
              </h3>
              <Pairs
                items={[
                  [t('personal.summary.f.request'), v.request],
                  [t('personal.summary.f.createdAt'), when(locale, v.createdAt)],
                  [
                    t('personal.summary.f.ratings'),
                    t('personal.summary.ratings', {
                      overall: String(v.ratings.overall),
                      punctuality: String(v.ratings.punctuality),
                      speed: String(v.ratings.speed),
                      professionalism: String(v.ratings.professionalism),
                    }),
                  ],
                  [t('personal.summary.f.comment'), v.comment ? <span class="wemi-mydata-text">{v.comment}</span> : null],
                  [t('personal.summary.f.commentStatus'), labelOf(ctx, 'reviews.status.', v.commentStatus)],
                  [t('personal.summary.f.moderationNote'), v.moderationNote],
                  [t('personal.summary.f.enteReply'), v.enteReply ? <span class="wemi-mydata-text">{v.enteReply}</span> : null],
                ]}
              />
            </article>
          ))}
        </Part>

        <Part id="avvisi" title={t('personal.summary.notifications')} empty={data.notifications.length === 0 && t('personal.summary.notificationsEmpty')}>
          <Table
            caption={t('personal.summary.notifications')}
            head={[t('personal.summary.f.date'), t('personal.summary.f.notice'), t('personal.summary.f.readAt')]}
            rows={data.notifications.map((n) => [when(locale, n.createdAt), n.title, n.readAt ? when(locale, n.readAt) : t('personal.summary.unread')])}
          />
        </Part>

        <Part id="email" title={t('personal.summary.emails')} empty={data.emailMessages.length === 0 && t('personal.summary.emailsEmpty')}>
          <Table
            caption={t('personal.summary.emails')}
            head={[t('personal.summary.f.date'), t('personal.summary.f.subject'), t('personal.summary.f.sentAt')]}
            rows={data.emailMessages.map((m) => [when(locale, m.createdAt), m.subject, m.sentAt ? when(locale, m.sentAt) : labelOf(ctx, 'personal.summary.mail.', m.status)])}
          />
        </Part>

        <Part id="file" title={t('personal.summary.files')} empty={data.uploadedFiles.length === 0 && t('personal.summary.filesEmpty')}>
          <ul>
            {data.uploadedFiles.map((f) => (
              <li>
                <FileLine ctx={ctx} file={f} /> — {labelOf(ctx, 'personal.summary.use.', f.usedFor)}
              </li>
            ))}
          </ul>
        </Part>

        <Part id="domande-ente" title={t('personal.summary.applications')} empty={data.enteApplications.length === 0 && t('personal.summary.applicationsEmpty')}>
          {data.enteApplications.map((a, i) => (
            <article class="wemi-mydata-item" aria-labelledby={`domanda-${i + 1}`}>
              <h3 class="h5" id={`domanda-${i + 1}`}>
                {a.reference}
                {a.organization ? ` — ${a.organization}` : ''}
              </h3>
              <Pairs
                items={[
                  [t('personal.summary.f.status'), labelOf(ctx, 'applications.status.', a.status)],
                  [t('personal.summary.f.createdAt'), when(locale, a.createdAt)],
                  [t('personal.summary.f.sentAt'), a.submittedAt ? when(locale, a.submittedAt) : null],
                  [t('personal.summary.f.decidedAt'), a.decidedAt ? when(locale, a.decidedAt) : null],
                  [t('personal.summary.f.decisionReason'), a.decisionReason],
                  [t('personal.summary.f.documents'), a.documents.length ? a.documents.map((d) => d.name).join(', ') : null],
                ]}
              />
              <p class="wemi-personal-meta">{t('personal.summary.applicationForm')}</p>
            </article>
          ))}
        </Part>

        <Part id="lavoro" title={t('personal.summary.work')} empty={workCount === 0 && t('personal.summary.workEmpty')}>
          <ul>
            {w.enteRequestsAssigned.length ? <li>{t('personal.summary.work.assigned', { n: String(w.enteRequestsAssigned.length) })}</li> : null}
            {w.enteRequestMoves.length ? <li>{t('personal.summary.work.moves', { n: String(w.enteRequestMoves.length) })}</li> : null}
            {w.messagesWritten.map((m) => (
              <li>{t('personal.summary.work.messages', { n: String(m.count), ente: m.organization })}</li>
            ))}
            {w.cardRevisions.length ? <li>{t('personal.summary.work.revisions', { n: String(w.cardRevisions.length) })}</li> : null}
            {w.cardStatusChanges.length ? <li>{t('personal.summary.work.cardStatus', { n: String(w.cardStatusChanges.length) })}</li> : null}
            {w.enteCardRevisions.length ? <li>{t('personal.summary.work.enteCard', { n: String(w.enteCardRevisions.length) })}</li> : null}
            {w.applicationsReviewed.length + w.applicationMoves.length ? (
              <li>{t('personal.summary.work.applications', { n: String(w.applicationsReviewed.length + w.applicationMoves.length) })}</li>
            ) : null}
            {w.complaintsHandled.length ? <li>{t('personal.summary.work.complaints', { n: String(w.complaintsHandled.length) })}</li> : null}
            {w.reviewsModerated.length ? <li>{t('personal.summary.work.moderations', { n: String(w.reviewsModerated.length) })}</li> : null}
            {w.searchConceptsEdited.length ? <li>{t('personal.summary.work.concepts', { n: String(w.searchConceptsEdited.length) })}</li> : null}
            {w.rolesGrantedToOthers.granted + w.rolesGrantedToOthers.revoked ? (
              <li>{t('personal.summary.work.roles', { granted: String(w.rolesGrantedToOthers.granted), revoked: String(w.rolesGrantedToOthers.revoked) })}</li>
            ) : null}
            {w.invitationsSent.length ? <li>{t('personal.summary.work.invitations', { n: String(w.invitationsSent.reduce((a, x) => a + x.count, 0)) })}</li> : null}
          </ul>
          <p class="wemi-personal-meta">{t('personal.summary.workDetails')}</p>
        </Part>

        <Part id="sessioni" title={t('personal.summary.sessions')} empty={data.sessions.length === 0 && t('personal.summary.sessionsEmpty')}>
          <Table
            caption={t('personal.summary.sessions')}
            head={[t('personal.sessions.created'), t('personal.sessions.lastSeen'), t('personal.sessions.method'), t('personal.sessions.ip'), t('personal.summary.f.browser')]}
            rows={data.sessions.map((s) => [
              when(locale, s.createdAt),
              when(locale, s.lastSeenAt),
              `${methodName(ctx, s.method)}${s.current ? ` (${t('personal.sessions.thisDevice')})` : ''}`,
              s.ip ?? '—',
              <span class="wemi-mydata-ua">{s.userAgent ?? '—'}</span>,
            ])}
          />
          <p>
            {data.loginDevices.length
              ? t('personal.summary.devices', { n: String(data.loginDevices.length), date: when(locale, data.loginDevices[data.loginDevices.length - 1]!.lastSeenAt) })
              : t('personal.summary.devicesEmpty')}
          </p>
        </Part>

        <Part id="link-e-tentativi" title={t('personal.summary.links')} empty={data.singleUseLinks.length + data.loginThrottling.length === 0 && t('personal.summary.linksEmpty')}>
          <ul>
            {data.singleUseLinks.map((k) => (
              <li>
                {t('personal.summary.linkLine', { purpose: labelOf(ctx, 'personal.summary.purpose.', k.purpose), date: when(locale, k.createdAt) })}
                {k.usedAt ? ` — ${t('personal.summary.usedAt', { date: when(locale, k.usedAt) })}` : ''}
              </li>
            ))}
            {data.loginThrottling.map((r) => (
              <li>
                {t('personal.summary.throttleLine', { n: String(r.failures), date: when(locale, r.windowStartedAt) })}
                {r.lockedUntil ? ` — ${t('personal.summary.lockedUntil', { date: when(locale, r.lockedUntil) })}` : ''}
              </li>
            ))}
          </ul>
        </Part>

        <Part id="registro" title={t('personal.summary.activity')} empty={data.activityLog.length === 0 && t('personal.summary.activityEmpty')}>
          <p class="wemi-personal-meta">{t('personal.summary.activityLead')}</p>
          <Table
            caption={t('personal.summary.activity')}
            head={[t('personal.summary.f.date'), t('personal.summary.f.action'), t('personal.summary.f.who'), t('personal.sessions.ip')]}
            rows={data.activityLog.map((a) => [
              when(locale, a.at),
              <>
                {labelOf(ctx, 'personal.summary.action.', a.action)} <code class="wemi-mydata-code">{a.action}</code>
              </>,               t(a.byMe ? 'personal.summary.by.you' : 'personal.summary.by.other'),
              a.ip ?? '—',
            ])}
          />
        </Part>

        <Part id="non-inclusi" title={t('personal.summary.notIncluded')}>
          <ul>
            {Object.entries(data.notIncluded).map(([key, s]) => {
              const label = `personal.summary.notIncluded.${key}`;
              return <li>{label in catalogue.it ? t(label as MessageKey) : s}</li>;
            })}
          </ul>
          <p class="wemi-personal-meta">{t('personal.myData.rights')}</p>
        </Part>
      </div>
    </SectionPage>
  );
}

// ---------------------------------------------------------------------------- after the deletion

export function AccountDeletedPage(props: { ctx: PageContext }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const deleted: MessageKey[] = [
    'personal.deleted.gone.identity',
    'personal.deleted.gone.security',
    'personal.deleted.gone.sessions',
    'personal.deleted.gone.roles',
    'personal.deleted.gone.drafts',
    'personal.deleted.gone.notifications',
    'personal.deleted.gone.mail',
  ];
  const kept: MessageKey[] = ['personal.deleted.kept.requests', 'personal.deleted.kept.reviews', 'personal.deleted.kept.audit', 'personal.deleted.kept.account'];
  return (
    <Layout ctx={ctx} title={t('personal.deleted.title')} description={t('personal.deleted.lead')} head={<meta name="robots" content="noindex" />}>
      <PageHeader ctx={ctx} crumbs={[{ href: paths.accountDeleted(), label: t('personal.deleted.title') }]} title={t('personal.deleted.title')} lead={t('personal.deleted.lead')} />
      <div class="container mb-5">
        <div class="row justify-content-center">
          <div class="col-12 col-lg-8">
            <div class="alert alert-success" role="status">
              {t('personal.deleted.done')}
            </div>
            <section class="wemi-personal-block" aria-labelledby="deleted-gone-title">
              <h2 class="wemi-personal-block-title" id="deleted-gone-title">
                {t('personal.deleted.goneTitle')}
              </h2>
              <ul class="wemi-personal-list">
                {deleted.map((k) => (
                  <li>{t(k)}</li>
                ))}
              </ul>
            </section>
            <section class="wemi-personal-block" aria-labelledby="deleted-kept-title">
              <h2 class="wemi-personal-block-title" id="deleted-kept-title">
                {t('personal.deleted.keptTitle')}
              </h2>
              <p>{t('personal.deleted.keptLead')}</p>
              <ul class="wemi-personal-list">
                {kept.map((k) => (
                  <li>{t(k)}</li>
                ))}
              </ul>
              <p>
                {t('personal.deleted.retention')} <a href={paths.page('privacy')}>{t('personal.deleted.privacyLink')}</a>
              </p>
            </section>
            <section class="wemi-personal-block" aria-labelledby="deleted-mail-title">
              <h2 class="wemi-personal-block-title" id="deleted-mail-title">
                {t('personal.deleted.mailTitle')}
              </h2>
              <p>{t('personal.deleted.mailText')}</p>
              <p>{t('personal.deleted.notYou')}</p>
            </section>
            <section class="wemi-personal-block" aria-labelledby="deleted-back-title">
              <h2 class="wemi-personal-block-title" id="deleted-back-title">
                {t('personal.deleted.backTitle')}
              </h2>
              <p>{t('personal.deleted.backText')}</p>
              <ul class="wemi-personal-actions">
                <li>
                  <a class="btn btn-primary" href={paths.home()}>
                    {t('personal.deleted.home')}
                  </a>
                </li>
                <li>
                  <a class="btn btn-outline-primary" href={paths.login()}>
                    {t('personal.deleted.newAccount')}
                  </a>
                </li>
              </ul>
            </section>
          </div>
        </div>
      </div>
    </Layout>
  );
}
