import type { Html } from '../../lib/jsx/jsx-runtime';
import { formatDate, formatNumber } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import type { PageContext } from '../../web/context';
import { BackOfficeLayout, cityCrumb, DataTable, DlRow, FormActions, Notice, PostForm, type Crumb } from '../../web/backoffice';
import { ErrorSummary } from '../../web/components';
import { TextAreaField, type FormState } from '../../web/forms';
import { cityPaths, entePaths, paths } from '../../web/paths';
import type { ServiceStatus } from './card.state';
import { cityActionsFrom, enteActionsFrom, isCityHold, REASON_MAX, type CityControlAction, type EnteControlAction } from './card-control.state';
import type { ChangeRow } from './card-control.repository';
import { ServiceStatusChip } from './cards.components';
import type { CardRow, EnteRow, RevisionRow } from './service-cards.repository';

// Pages of card-level control: the City's card page (state, reason, history, actions) and its confirmation pages
// (suspend, withdraw, reactivate, each with the reason); on the ente side, the panel of the card page (state, the
// City's reason, "Metti offline" / "Rimetti online") and its confirmation pages; the line of the ente's list.

const NEVER_PUBLISHED: readonly ServiceStatus[] = ['draft', 'submitted', 'changes_requested'];
const loc = (ctx: PageContext, it: string | null, en: string | null) => (ctx.locale === 'en' && en ? en : (it ?? ''));
const statusLabel = (ctx: PageContext, s: ServiceStatus) => ctx.t(`cards.serviceStatus.${s}` as MessageKey);

/** A reason as paragraphs (line breaks kept). */
function Reason(props: { text: string }): Html {
  return (
    <>
      {props.text.split(/\n+/).map((line) => (
        <p class="mb-1 wemi-break">{line}</p>
      ))}
    </>
  );
}

/** The card's control moves, newest first. */
export function ControlHistory(props: { ctx: PageContext; changes: ChangeRow[]; showActor: boolean }): Html {
  const { ctx, changes } = props;
  const { t } = ctx;
  return (
    <section class="mt-5" aria-labelledby="visibilita-storico">
      <h2 class="h4" id="visibilita-storico">
        {t('cardControl.history.title')}
      </h2>
      {changes.length === 0 ? (
        <p>{t('cardControl.history.empty')}</p>
      ) : (
        <DataTable
          caption={t('cardControl.history.caption')}
          columns={[t('cardControl.history.col.date'), t('cardControl.history.col.action'), t('cardControl.history.col.who'), t('cardControl.history.col.reason')]}
        >
          {changes.map((c) => (
            <tr data-control={c.action}>
              <td>{formatDate(ctx.locale, c.at)}</td>
              <th scope="row">{t(`cardControl.action.${c.action}` as MessageKey)}</th>
              <td>
                {t(`cardControl.side.${c.side}` as MessageKey)}
                {props.showActor && c.actor_name ? <span class="d-block small">{c.actor_name}</span> : null}
              </td>
              <td>{c.reason ? <Reason text={c.reason} /> : <span class="wemi-muted">{t('cardControl.noReason')}</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------
// City

export interface CityCardView {
  card: CardRow;
  current: ChangeRow | undefined;
  changes: ChangeRow[];
  openRequests: number;
  pending: RevisionRow | undefined;
  notice: string | undefined;
}

const cardsCrumb = (ctx: PageContext): Crumb => ({ href: cityPaths.cards(), label: ctx.t('cardControl.city.crumb') });

const CITY_BUTTON: Record<CityControlAction, string> = { reactivate: 'btn btn-primary', suspend: 'btn btn-outline-primary', withdraw: 'btn btn-outline-danger' };

export function CityCardPage(props: { ctx: PageContext; view: CityCardView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const { card } = view;
  const actions = cityActionsFrom(card.status);
  const isPublic = card.status === 'published' && card.org_status === 'active';
  return (
    <BackOfficeLayout ctx={ctx} title={card.name} crumbs={[cityCrumb(ctx), cardsCrumb(ctx), { label: card.name }]}>
      <Notice text={view.notice ? t(`cardControl.city.notice.${view.notice}` as MessageKey) : undefined} />
      <dl class="wemi-dl">
        <DlRow label={t('cardControl.city.ente')}>
          <a href={cityPaths.ente(card.organization_id)}>{card.org_name}</a>
        </DlRow>
        <DlRow label={t('cardControl.city.type')}>
          {card.cat_name_it ? `${loc(ctx, card.cat_name_it, card.cat_name_en)} › ` : ''}
          {loc(ctx, card.type_name_it, card.type_name_en)}
        </DlRow>
        <DlRow label={t('cardControl.city.status')}>
          <span data-card-status={card.status}>
            <ServiceStatusChip ctx={ctx} status={card.status} />
          </span>
        </DlRow>
        {isCityHold(card.status) || card.status === 'offline' ? (
          <DlRow label={t('cardControl.city.reason')}>
            <div data-element="control-reason">
              {view.current ? view.current.reason ? <Reason text={view.current.reason} /> : t('cardControl.noReason') : t('cardControl.reasonNotRecorded')}
            </div>
          </DlRow>
        ) : null}
        <DlRow label={t('cardControl.city.publicPage')}>
          {isPublic ? <a href={paths.service(card.slug)}>{paths.service(card.slug)}</a> : card.status === 'published' ? t('cardControl.city.enteNotActive') : t('cardControl.city.notPublic')}
        </DlRow>
        <DlRow label={t('cardControl.city.openRequests')}>{t('cardControl.city.openRequestsValue', { n: formatNumber(ctx.locale, view.openRequests) })}</DlRow>
        <DlRow label={t('cardControl.city.pending')}>
          {view.pending ? <a href={cityPaths.revision(view.pending.id)}>{t('cardControl.city.pendingLink', { n: view.pending.number })}</a> : t('cardControl.city.noPending')}
        </DlRow>
      </dl>

      <h2 class="h4 mt-5">{t('cardControl.city.actions')}</h2>
      {card.status === 'offline' ? <p>{t('cardControl.city.offlineNote')}</p> : null}
      {actions.length === 0 ? (
        <p>{NEVER_PUBLISHED.includes(card.status) ? t('cardControl.city.neverPublished') : t('cardControl.city.noActions')}</p>
      ) : (
        <ul class="list-unstyled d-flex flex-wrap gap-3">
          {actions.map((a) => (
            <li>
              <a class={CITY_BUTTON[a]} href={cityPaths.cardAction(card.id, a)}>
                {t(`cardControl.city.button.${a}`)}
              </a>
            </li>
          ))}
        </ul>
      )}
      <ControlHistory ctx={ctx} changes={view.changes} showActor />
    </BackOfficeLayout>
  );
}

export interface CityActionView {
  card: CardRow;
  action: CityControlAction;
  allowed: boolean;
  /** Reactivation: where the card will go. */
  target: ServiceStatus | undefined;
  openRequests: number;
  recipients: number;
  form: FormState;
}

/** The confirmation step of a City action: what it does, the reason, the button. */
export function CityCardActionPage(props: { ctx: PageContext; view: CityActionView }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const { card, action, form } = view;
  const title = t(`cardControl.city.${action}.title`, { name: card.name });
  const back = { href: cityPaths.card(card.id), label: t('cardControl.city.back') };
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[cityCrumb(ctx), cardsCrumb(ctx), { href: cityPaths.card(card.id), label: card.name }, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      {!view.allowed ? (
        <>
          <p class="lead" id="motivo" data-element="control-refused">
            {t('cardControl.city.notAllowed', { action: t(`cardControl.city.verb.${action}`), status: statusLabel(ctx, card.status) })}
          </p>
          <p>
            <a href={back.href}>{back.label}</a>
          </p>
        </>
      ) : (
        <>
          <p class="lead">{t(`cardControl.city.${action}.lead`)}</p>
          <ul>
            {action === 'reactivate' ? (
              <li>{t(view.target === 'offline' ? 'cardControl.city.effect.toOffline' : view.target === 'expired' ? 'cardControl.city.effect.toExpired' : 'cardControl.city.effect.toPublished')}</li>
            ) : (
              <>
                <li>{t('cardControl.city.effect.hide')}</li>
                <li>{t('cardControl.city.effect.requests', { n: formatNumber(ctx.locale, view.openRequests) })}</li>
                <li>{t('cardControl.city.effect.enteCannot')}</li>
              </>
            )}
            <li>{t('cardControl.city.effect.mail', { n: formatNumber(ctx.locale, view.recipients) })}</li>
          </ul>
          <PostForm ctx={ctx} action={cityPaths.cardAction(card.id, action)}>
            <TextAreaField ctx={ctx} form={form} name="motivo" label={t('cardControl.reason')} hint={t('cardControl.city.reasonHint')} maxlength={REASON_MAX} required rows={4} />
            <FormActions submit={t(`cardControl.city.${action}.submit`)} danger={action !== 'reactivate'} cancel={{ href: back.href, label: t('cardControl.cancel') }} />
          </PostForm>
        </>
      )}
    </BackOfficeLayout>
  );
}

// ---------------------------------------------------------------------------------------------------
// Ente

export interface EnteControlView {
  current: ChangeRow | undefined;
  changes: ChangeRow[];
  coveredToday: boolean;
  isAdmin: boolean;
}

const BUTTON: Record<EnteControlAction, string> = { offline: 'btn btn-outline-danger', online: 'btn btn-primary' };

/** The panel of the ente's card page: the card's visibility, the City's reason, the ente's own switch. */
export function EnteControlPanel(props: { ctx: PageContext; ente: EnteRow; card: CardRow; view: EnteControlView }): Html {
  const { ctx, ente, card, view } = props;
  const { t } = ctx;
  if (NEVER_PUBLISHED.includes(card.status)) return <></>;
  const date = view.current ? formatDate(ctx.locale, view.current.at) : undefined;
  const actions = view.isAdmin ? enteActionsFrom(card.status) : [];
  const hold = isCityHold(card.status);
  return (
    <section class="mt-4" aria-labelledby="visibilita" data-element="card-control">
      <h2 class="h4" id="visibilita">
        {t('cardControl.ente.title')}
      </h2>
      {card.status === 'published' ? <p>{t('cardControl.ente.published')}</p> : null}
      {card.status === 'expired' ? <p>{t('cardControl.ente.expired')}</p> : null}
      {card.status === 'offline' ? (
        <>
          <p>{date ? t('cardControl.ente.offline', { date }) : t('cardControl.ente.offlineNoDate')}</p>
          {view.current?.reason ? (
            <div class="mb-3">
              <strong>{t('cardControl.reason')}:</strong> <Reason text={view.current.reason} />
            </div>
          ) : null}
          {!view.coveredToday ? <p>{t('cardControl.ente.offlineNotCovered')}</p> : null}
        </>
      ) : null}
      {hold ? (
        <div class="callout warning" data-element="city-hold">
          <div class="callout-title">
            {date ? t(card.status === 'suspended' ? 'cardControl.ente.suspended' : 'cardControl.ente.archived', { date }) : t(card.status === 'suspended' ? 'cardControl.ente.suspendedNoDate' : 'cardControl.ente.archivedNoDate')}
          </div>
          <p class="mb-1">
            <strong>{t('cardControl.ente.cityReason')}:</strong>
          </p>
          <div data-element="city-reason">{view.current?.reason ? <Reason text={view.current.reason} /> : <p class="mb-1">{t('cardControl.reasonNotRecorded')}</p>}</div>
          <p class="mt-2 mb-0">{t('cardControl.ente.cityHold')}</p>
        </div>
      ) : null}
      {actions.length ? (
        <ul class="list-unstyled d-flex flex-wrap gap-3">
          {actions.map((a) => (
            <li>
              <a class={BUTTON[a]} href={a === 'offline' ? entePaths.serviceCardOffline(ente.id, card.id) : entePaths.serviceCardOnline(ente.id, card.id)}>
                {t(`cardControl.ente.button.${a}`)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {!view.isAdmin && (card.status === 'published' || card.status === 'offline') ? <p class="wemi-muted">{t('cardControl.ente.adminOnly')}</p> : null}
    </section>
  );
}

/** The line under a card's state in the ente's list: the City's reason. */
export function EnteListReason(props: { ctx: PageContext; status: ServiceStatus; change: ChangeRow | undefined }): Html {
  const { ctx, status, change } = props;
  if (!isCityHold(status) || !change?.reason) return <></>;
  const short = change.reason.length > 140 ? `${change.reason.slice(0, 139)}…` : change.reason;
  return <span class="d-block small wemi-break">{ctx.t('cardControl.ente.listReason', { reason: short })}</span>;
}

export interface EnteActionView {
  ente: EnteRow;
  card: CardRow;
  action: EnteControlAction;
  allowed: boolean;
  coveredToday: boolean;
  openRequests: number;
  form: FormState;
}

/** The confirmation step of the ente's switch. */
export function EnteCardActionPage(props: { ctx: PageContext; view: EnteActionView; crumbs: Crumb[] }): Html {
  const { ctx, view } = props;
  const { t } = ctx;
  const { ente, card, action, form } = view;
  const title = t(`cardControl.ente.${action}.title`, { name: card.name });
  const back = { href: entePaths.serviceCard(ente.id, card.id), label: t('cards.backToCard') };
  const refusal = isCityHold(card.status)
    ? t('cardControl.ente.notAllowed.cityHold')
    : action === 'online' && card.status === 'offline' && !view.coveredToday
      ? t('cardControl.ente.offlineNotCovered')
      : t(`cardControl.ente.notAllowed.${action}`, { status: statusLabel(ctx, card.status) });
  return (
    <BackOfficeLayout ctx={ctx} title={title} crumbs={[...props.crumbs, { label: title }]}>
      <ErrorSummary ctx={ctx} issues={form.issues} />
      {!view.allowed ? (
        <>
          <p class="lead" id="motivo" data-element="control-refused">
            {refusal}
          </p>
          <p>
            <a href={back.href}>{back.label}</a>
          </p>
        </>
      ) : (
        <>
          <p class="lead">{t(`cardControl.ente.${action}.lead`)}</p>
          <ul>
            {action === 'offline' ? (
              <>
                <li>{t('cardControl.ente.offline.effect.hide')}</li>
                <li>{t('cardControl.ente.offline.effect.requests', { n: formatNumber(ctx.locale, view.openRequests) })}</li>
                <li>{t('cardControl.ente.offline.effect.back')}</li>
              </>
            ) : (
              <li>{t('cardControl.ente.online.effect')}</li>
            )}
          </ul>
          <PostForm ctx={ctx} action={action === 'offline' ? entePaths.serviceCardOffline(ente.id, card.id) : entePaths.serviceCardOnline(ente.id, card.id)}>
            {action === 'offline' ? (
              <TextAreaField ctx={ctx} form={form} name="motivo" label={t('cardControl.reason')} hint={t('cardControl.ente.offline.reasonHint')} maxlength={REASON_MAX} rows={3} />
            ) : null}
            <FormActions submit={t(`cardControl.ente.${action}.submit`)} danger={action === 'offline'} cancel={{ href: back.href, label: t('cardControl.cancel') }} />
          </PostForm>
        </>
      )}
    </BackOfficeLayout>
  );
}
