import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppDeps } from '../../deps';
import type { MessageKey } from '../../i18n/catalogue';
import type { Role } from '../../lib/http/access';
import { notFound, type FieldIssue } from '../../lib/http/errors';
import type { PageContext } from '../../web/context';
import { cityPaths, entePaths, patterns, withNotice } from '../../web/paths';
import { bodyString } from '../../web/forms';
import { requireEnte, type EnteRole } from '../ente-backoffice/ente-scope';
import { presentServiceCard, serviceJsonLd } from '../services/services.presenter';
import { ServicePage } from '../services/services.view';
import { CARD_SECTIONS, diffCards, InvalidCardError, readCardData, snapshotCard, type CardData, type CardSection, type DiffSection } from './card-data';
import { parseCardForm } from './card-form';
import { previewIssues, todayInMilan, translateIssues, validateCard } from './card-validation';
import { isEditable, isOpen, type RevisionEvent, type RevisionState, type ServiceStatus } from './card.state';
import { previewFrame, type Names } from './cards.components';
import { ApprovePage, CityRevisionPage, QueuePage, queueCrumb, RequestChangesPage, type CityRevisionView, type QueueFilterValues } from './city-cards.view';
import { CardPage, CardsListPage, EditPage, EnteConfirmPage, enteCrumbs, NewCardPage, PreviewProblemsPage, RefusedPage } from './ente-cards.view';
import {
  cardOptions,
  countQueue,
  findCard,
  findEnte,
  findEnteCard,
  findRevision,
  latestRevisionSubmissions,
  listEnteCards,
  listQueue,
  namesOf,
  qualifiedServiceTypes,
  queueFilterOptions,
  revisionsOf,
  type CardRow,
  type EnteRow,
  type RevisionRow,
} from './service-cards.repository';
import {
  approveRevision,
  createCard,
  previewBundle,
  requestChanges,
  saveRevision,
  STANDARD_DAYS,
  startRevision,
  submitRevision,
  withdrawRevision,
  type Actor,
  type Refusal,
} from './service-cards.service';
import { cityCrumb } from '../../web/backoffice';
import { changesOf, currentChangeOf, currentChangesOfEnte, findControlCard } from './card-control.repository';
import { pageParam, privateRoute, queryValue } from '../../lib/http/private-routes';

// The service cards back office.
//
// Ente side (/gestione-ente/:enteId/schede…): the ente's administrators and operators list the cards, create a
// card (a service type under a category the ente is qualified for), edit a revision, preview it. Submitting a
// revision to the City and withdrawing it are for the ente's administrators only: a submission commits the ente
// to what the card says (prices included), so the person answering for the ente does it; operators prepare.
// Every route checks that the user acts for this ente (requireEnte) and that the card belongs to it.
//
// City side (/gestione-wemi/schede…, permission 'enti'): the queue of revisions waiting, a revision (diff,
// preview, history), approve or send back with notes per section.
//
// Forms follow the GOV.UK pattern (a problem answers 400 with the same page, the values typed and an error
// summary; a success redirects with 303 to a page announcing it). A transition the revision's state does not
// allow answers 409 and changes nothing.

export const QUEUE_PAGE_SIZE = 20;
const NOTE_MAX = 2000;
const NOTICES = ['creata', 'avviata', 'gia-aperta', 'salvata', 'inviata', 'ritirata', 'approvata', 'rinviata', 'offline', 'online'] as const;

const ENTE_ANY: readonly Role[] = ['ente_admin', 'ente_operator'];
const ENTE_ADMIN: readonly Role[] = ['ente_admin'];
const CITY_ENTI: readonly Role[] = ['city:enti'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

const options = (roles: readonly Role[], auditAction?: string): RouteShorthandOptions => privateRoute({ roles }, auditAction);

function noticeOf(query: unknown): string | undefined {
  const s = queryValue(query, 'esito');
  return (NOTICES as readonly string[]).includes(s) ? s : undefined;
}

/** Empty rows offered at the end of each list of the edit form (3 by default, more with "Aggiungi righe"). */
function rowsOf(raw: string): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 3 && n <= 60 ? n : 3;
}

/** The page announcing one of this feature's outcomes. */
const noticed = (path: string, notice: (typeof NOTICES)[number]) => withNotice(path, notice);
const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();

const actorOf = (request: FastifyRequest): Actor => ({ id: request.user!.id, label: request.user!.label, ip: request.ip });

const neverPublished = (status: ServiceStatus) => status === 'draft' || status === 'submitted' || status === 'changes_requested';

/** Days between two Milan calendar days (YYYY-MM-DD). */
const dayDiff = (from: string, to: string) => Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);

function cardIds(d: CardData): string[] {
  return [d.serviceTypeId, ...d.targetGroups, ...d.tasks, ...d.timeBands, ...d.municipi, ...d.supportSchemes, ...d.sites];
}

function refusalMessage(ctx: PageContext, event: RevisionEvent, state: RevisionState): string {
  return ctx.t('cards.refused.body', { action: ctx.t(`cards.event.${event}` as MessageKey), status: ctx.t(`cards.revisionStatus.${state}` as MessageKey) });
}

export function registerServiceCardRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const mail = { baseUrl: config.publicBaseUrl };

  // ------------------------------------------------------------------------------------------------- loaders

  /** The ente of `:enteId`, after checking the user acts for it with one of the roles. */
  async function enteParam(request: FastifyRequest, roles: readonly EnteRole[] = ['ente_admin', 'ente_operator']): Promise<EnteRow> {
    const enteId = requireEnte(request, (request.params as { enteId: string }).enteId, roles);
    const ente = await findEnte(db, enteId);
    if (!ente) throw notFound('Ente');
    return ente;
  }

  /** The card of `:serviceId`, only when it belongs to the ente (another ente's card is "not found"). */
  async function cardParam(request: FastifyRequest, ente: EnteRow): Promise<CardRow> {
    const id = (request.params as { serviceId?: string }).serviceId;
    const card = isUuid(id) ? await findEnteCard(db, ente.id, id) : undefined;
    if (!card) throw notFound('Service card');
    return card;
  }

  /** The revision of `:revisionId`, only when it belongs to the card. */
  async function revisionParam(request: FastifyRequest, card: CardRow): Promise<RevisionRow> {
    const id = (request.params as { revisionId?: string }).revisionId;
    const revision = isUuid(id) ? await findRevision(db, id) : undefined;
    if (!revision || revision.service_id !== card.id) throw notFound('Revision');
    return revision;
  }

  async function enteScope(request: FastifyRequest, roles?: readonly EnteRole[]) {
    const ente = await enteParam(request, roles);
    const card = await cardParam(request, ente);
    return { ente, card };
  }

  const isAdminOf = (request: FastifyRequest, enteId: string) => request.user!.organizations.some((o) => o.id === enteId && o.role === 'ente_admin');

  function refused(request: FastifyRequest, reply: FastifyReply, crumbs: { href?: string; label: string }[], event: RevisionEvent, state: RevisionState, back: { href: string; label: string }) {
    return reply.page(RefusedPage({ ctx: request.ctx, crumbs, message: refusalMessage(request.ctx, event, state), back }), 409);
  }

  const backToCard = (ctx: PageContext, ente: EnteRow, card: CardRow) => ({ href: entePaths.serviceCard(ente.id, card.id), label: ctx.t('cards.backToCard') });
  const cardCrumbs = (ctx: PageContext, ente: EnteRow, card: CardRow) => [...enteCrumbs(ctx, ente), { href: entePaths.serviceCard(ente.id, card.id), label: card.name }];

  /** Preview of a revision: the public page of the card with the revision applied (then rolled back). */
  async function renderPreview(
    request: FastifyRequest,
    reply: FastifyReply,
    card: CardRow,
    revision: RevisionRow,
    crumbs: { href?: string; label: string }[],
    back: { href: string; label: string },
    editHref: string | undefined,
  ) {
    const ctx = request.ctx;
    const data = readCardData(revision.data);
    const issues = previewIssues(data, todayInMilan());
    if (issues.length) return reply.page(PreviewProblemsPage({ ctx, crumbs, issues: translateIssues(issues, ctx.t), editHref, back }));
    let bundle;
    try {
      bundle = await previewBundle(db, card, data);
    } catch (err) {
      if (err instanceof InvalidCardError) {
        return reply.page(PreviewProblemsPage({ ctx, crumbs, issues: [{ field: err.field, message: ctx.t('validation.invalid') }], editHref, back }));
      }
      throw err;
    }
    if (!bundle) throw notFound('Service card');
    const presented = presentServiceCard(bundle, ctx.locale, ctx.t);
    const page = ServicePage({ ctx, card: presented, jsonLd: serviceJsonLd(presented, ctx.baseUrl) });
    return reply.page(previewFrame(ctx, page, back, ctx.t('cards.preview.lead', { n: revision.number })));
  }

  // ------------------------------------------------------------------------------------------------- ente side

  // 1. The ente's cards.
  app.get(patterns.ente.serviceCards, options(ENTE_ANY), async (request, reply) => {
    const ente = await enteParam(request);
    const [items, controls] = await Promise.all([listEnteCards(db, ente.id), currentChangesOfEnte(db, ente.id)]);
    return reply.page(CardsListPage({ ctx: request.ctx, ente, items, controls, notice: noticeOf(request.query) }));
  });

  // 2. New card: choose a service type.
  app.get(patterns.ente.serviceCardNew, options(ENTE_ANY), async (request, reply) => {
    const ente = await enteParam(request);
    return reply.page(NewCardPage({ ctx: request.ctx, ente, types: await qualifiedServiceTypes(db, ente.id), issues: [], chosen: '' }));
  });

  app.post(patterns.ente.serviceCardNew, options(ENTE_ANY, 'cards.create'), async (request, reply) => {
    const ente = await enteParam(request);
    const ctx = request.ctx;
    const typeId = bodyString(request.body, 'tipo') ?? '';
    const outcome = isUuid(typeId) ? await createCard(db, actorOf(request), ente.id, typeId) : ({ ok: false, reason: 'not_found' } as const);
    if (!outcome.ok) {
      const issues: FieldIssue[] = [{ field: 'tipo', message: ctx.t('cards.new.error') }];
      return reply.page(NewCardPage({ ctx, ente, types: await qualifiedServiceTypes(db, ente.id), issues, chosen: typeId }), 400);
    }
    return redirect(reply, noticed(entePaths.revisionEdit(ente.id, outcome.value.serviceId, outcome.value.revisionId), 'creata'));
  });

  // 3. A card.
  app.get(patterns.ente.serviceCard, options(ENTE_ANY), async (request, reply) => {
    const { ente, card } = await enteScope(request);
    const [revisions, current, changes, controlCard] = await Promise.all([revisionsOf(db, card.id), currentChangeOf(db, card.id), changesOf(db, card.id), findControlCard(db, card.id)]);
    const open = revisions.find((r) => isOpen(r.status));
    const isAdmin = isAdminOf(request, ente.id);
    // Visibility (card-control.*): the state, the City's reason, the ente's own offline / online switch.
    const control = { current, changes, coveredToday: controlCard?.covered_today ?? true, isAdmin };
    return reply.page(CardPage({ ctx: request.ctx, view: { ente, card, revisions, open, isAdmin, notice: noticeOf(request.query), control } }));
  });

  // Start a revision (from the published card), or go to the one already open.
  app.post(patterns.ente.revisionStart, options(ENTE_ANY, 'cards.revision.start'), async (request, reply) => {
    const { ente, card } = await enteScope(request);
    const { revisionId, created } = await startRevision(db, actorOf(request), card.id);
    return redirect(reply, noticed(entePaths.revisionEdit(ente.id, card.id, revisionId), created ? 'avviata' : 'gia-aperta'));
  });

  // 4. Edit a revision.
  async function editPage(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: { ente: EnteRow; card: CardRow; revision: RevisionRow },
    data: CardData,
    issues: FieldIssue[],
    extra: { extraRows: number; notice?: string | undefined; savedWithProblems?: boolean; status?: number },
  ) {
    const ctx = request.ctx;
    const { ente, card, revision } = scope;
    const options = await cardOptions(db, ente.id);
    return reply.page(
      EditPage({
        ctx,
        view: {
          ente,
          card,
          revision,
          data,
          options,
          issues,
          extraRows: extra.extraRows,
          notice: extra.notice,
          savedWithProblems: extra.savedWithProblems ?? false,
          typeName: ctx.locale === 'en' && card.type_name_en ? card.type_name_en : card.type_name_it,
          categoryName: (ctx.locale === 'en' && card.cat_name_en ? card.cat_name_en : card.cat_name_it) ?? '',
        },
      }),
      extra.status ?? 200,
    );
  }

  app.get(patterns.ente.revisionEdit, options(ENTE_ANY), async (request, reply) => {
    const { ente, card } = await enteScope(request);
    const revision = await revisionParam(request, card);
    if (!isEditable(revision.status)) return redirect(reply, entePaths.serviceCard(ente.id, card.id));
    const data = readCardData(revision.data);
    // A draft saved with mistakes shows them again.
    const issues = translateIssues(validateCard(data, { today: todayInMilan(), complete: false }), request.ctx.t);
    return editPage(request, reply, { ente, card, revision }, data, issues, { extraRows: rowsOf(queryValue(request.query, 'righe')), notice: noticeOf(request.query) });
  });

  app.post(patterns.ente.revisionEdit, options(ENTE_ANY, 'cards.revision.edit'), async (request, reply) => {
    const ctx = request.ctx;
    const { ente, card } = await enteScope(request);
    const revision = await revisionParam(request, card);
    const options = await cardOptions(db, ente.id);
    const data = parseCardForm(request.body, readCardData(revision.data), options);
    const saved = await saveRevision(db, actorOf(request), card.id, revision.id, data);
    if (!saved.ok) return refusedOr404(request, reply, saved, cardCrumbs(ctx, ente, card), backToCard(ctx, ente, card));
    const action = bodyString(request.body, 'azione') ?? 'salva';
    const section = action.startsWith('righe-') ? action.slice('righe-'.length) : undefined;
    const rows = rowsOf(bodyString(request.body, 'righe') ?? '');
    const extraRows = section ? Math.min(60, rows + 3) : rows;
    const issues = translateIssues(validateCard(data, { today: todayInMilan(), complete: false }), ctx.t);
    const fresh = { ...revision, status: saved.value.status };
    if (issues.length) return editPage(request, reply, { ente, card, revision: fresh }, data, issues, { extraRows, savedWithProblems: true, status: 400 });
    if (action === 'anteprima') return redirect(reply, entePaths.revisionPreview(ente.id, card.id, revision.id));
    const anchor = section && (CARD_SECTIONS as readonly string[]).includes(section) ? `#sezione-${section}` : '';
    return redirect(reply, `${noticed(entePaths.revisionEdit(ente.id, card.id, revision.id), 'salvata')}${extraRows !== 3 ? `&righe=${extraRows}` : ''}${anchor}`);
  });

  function refusedOr404(request: FastifyRequest, reply: FastifyReply, r: Refusal, crumbs: { href?: string; label: string }[], back: { href: string; label: string }) {
    if (r.reason === 'not_found') throw notFound('Revision');
    if (r.reason === 'state') return refused(request, reply, crumbs, r.event, r.state, back);
    throw new Error('unexpected refusal');
  }

  // Preview.
  app.get(patterns.ente.revisionPreview, options(ENTE_ANY), async (request, reply) => {
    const ctx = request.ctx;
    const { ente, card } = await enteScope(request);
    const revision = await revisionParam(request, card);
    return renderPreview(
      request,
      reply,
      card,
      revision,
      cardCrumbs(ctx, ente, card),
      backToCard(ctx, ente, card),
      isEditable(revision.status) ? entePaths.revisionEdit(ente.id, card.id, revision.id) : undefined,
    );
  });

  // 5. Submit to the City (administrators of the ente): confirmation, then the change.
  async function submitPage(request: FastifyRequest, reply: FastifyReply, ente: EnteRow, card: CardRow, revision: RevisionRow, issues: FieldIssue[], status = 200) {
    const data = readCardData(revision.data);
    const before = neverPublished(card.status) ? null : await snapshotCard(db, card.id);
    const sections = diffCards(before, data);
    const names = await namesOf(db, [...cardIds(data), ...(before ? cardIds(before) : [])]);
    return reply.page(
      EnteConfirmPage({
        ctx: request.ctx,
        kind: 'submit',
        ente,
        card,
        revision,
        issues,
        diff: { sections, names, isNew: before === null },
        editHref: entePaths.revisionEdit(ente.id, card.id, revision.id),
      }),
      status,
    );
  }

  app.get(patterns.ente.revisionSubmit, options(ENTE_ADMIN), async (request, reply) => {
    const ctx = request.ctx;
    const { ente, card } = await enteScope(request, ['ente_admin']);
    const revision = await revisionParam(request, card);
    if (!isEditable(revision.status)) return refused(request, reply, cardCrumbs(ctx, ente, card), 'submit', revision.status, backToCard(ctx, ente, card));
    const issues = translateIssues(validateCard(readCardData(revision.data), { today: todayInMilan(), complete: true }), ctx.t);
    return submitPage(request, reply, ente, card, revision, issues);
  });

  app.post(patterns.ente.revisionSubmit, options(ENTE_ADMIN, 'cards.revision.submit'), async (request, reply) => {
    const ctx = request.ctx;
    const { ente, card } = await enteScope(request, ['ente_admin']);
    const revision = await revisionParam(request, card);
    const outcome = await submitRevision(db, actorOf(request), card.id, revision.id, mail);
    if (!outcome.ok) {
      if (outcome.reason === 'invalid') return submitPage(request, reply, ente, card, revision, translateIssues(outcome.issues, ctx.t), 400);
      return refusedOr404(request, reply, outcome, cardCrumbs(ctx, ente, card), backToCard(ctx, ente, card));
    }
    return redirect(reply, noticed(entePaths.serviceCard(ente.id, card.id), 'inviata'));
  });

  // Withdraw (administrators of the ente).
  app.get(patterns.ente.revisionWithdraw, options(ENTE_ADMIN), async (request, reply) => {
    const ctx = request.ctx;
    const { ente, card } = await enteScope(request, ['ente_admin']);
    const revision = await revisionParam(request, card);
    if (!isOpen(revision.status)) return refused(request, reply, cardCrumbs(ctx, ente, card), 'withdraw', revision.status, backToCard(ctx, ente, card));
    return reply.page(EnteConfirmPage({ ctx, kind: 'withdraw', ente, card, revision, issues: [] }));
  });

  app.post(patterns.ente.revisionWithdraw, options(ENTE_ADMIN, 'cards.revision.withdraw'), async (request, reply) => {
    const ctx = request.ctx;
    const { ente, card } = await enteScope(request, ['ente_admin']);
    const revision = await revisionParam(request, card);
    const outcome = await withdrawRevision(db, actorOf(request), card.id, revision.id);
    if (!outcome.ok) return refusedOr404(request, reply, outcome, cardCrumbs(ctx, ente, card), backToCard(ctx, ente, card));
    return redirect(reply, noticed(entePaths.serviceCard(ente.id, card.id), 'ritirata'));
  });

  // ------------------------------------------------------------------------------------------------- City side

  // 6. The queue.
  app.get(patterns.city.revisions, options(CITY_ENTI), async (request, reply) => {
    const ctx = request.ctx;
    const filter: QueueFilterValues = { ente: queryValue(request.query, 'ente'), categoria: queryValue(request.query, 'categoria'), tipo: queryValue(request.query, 'tipo') };
    const issues: FieldIssue[] = [];
    if (filter.ente && !isUuid(filter.ente)) issues.push({ field: 'ente', message: ctx.t('cards.queue.filter.error') });
    if (filter.categoria && !isUuid(filter.categoria)) issues.push({ field: 'categoria', message: ctx.t('cards.queue.filter.error') });
    if (filter.tipo && filter.tipo !== 'nuova' && filter.tipo !== 'modifica') issues.push({ field: 'tipo', message: ctx.t('cards.queue.filter.error') });
    const opts = await queueFilterOptions(db);
    const base = { filter, issues, enti: opts.enti, categories: opts.categories, standardDays: STANDARD_DAYS };
    if (issues.length) return reply.page(QueuePage({ ctx, view: { ...base, items: [], total: 0, overdue: 0, page: 1, pages: 1 } }), 400);
    const f = {
      enteId: filter.ente || undefined,
      categoryId: filter.categoria || undefined,
      isNew: filter.tipo === 'nuova' ? true : filter.tipo === 'modifica' ? false : undefined,
    };
    const { total, overdue } = await countQueue(db, f, STANDARD_DAYS);
    const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
    const page = Math.min(pageParam(request.query), pages);
    const items = await listQueue(db, f, QUEUE_PAGE_SIZE, (page - 1) * QUEUE_PAGE_SIZE);
    // An ente chosen in the filter stays in the list of choices even when nothing of it waits any more.
    if (f.enteId && !base.enti.some((e) => e.id === f.enteId)) {
      const e = await findEnte(db, f.enteId);
      if (e) base.enti = [...base.enti, { id: e.id, name: e.name }];
    }
    return reply.page(QueuePage({ ctx, view: { ...base, items, total, overdue, page, pages } }));
  });

  /** The revision of `:revisionId` and its card, for the City. */
  async function cityRevisionParam(request: FastifyRequest): Promise<{ revision: RevisionRow; card: CardRow; data: CardData; name: string }> {
    const id = (request.params as { revisionId?: string }).revisionId;
    const revision = isUuid(id) ? await findRevision(db, id) : undefined;
    if (!revision) throw notFound('Revision');
    const card = (await findCard(db, revision.service_id))!;
    const data = readCardData(revision.data);
    return { revision, card, data, name: data.name.trim() || card.name };
  }

  /** What the revision changes: against the published card while it is open; its whole content otherwise. */
  async function diffOf(card: CardRow, revision: RevisionRow, data: CardData): Promise<{ sections: DiffSection[]; names: Names; isNew: boolean }> {
    const before = isOpen(revision.status) && !neverPublished(card.status) ? await snapshotCard(db, card.id) : null;
    const sections = diffCards(before, data);
    const names = await namesOf(db, [...cardIds(data), ...(before ? cardIds(before) : [])]);
    return { sections, names, isNew: before === null };
  }

  /** What a revision sent again changed since its previous submission (undefined when it was sent once). */
  async function resubmissionOf(revision: RevisionRow): Promise<CityRevisionView['resubmission']> {
    const [current, previous] = await latestRevisionSubmissions(db, revision.id, 2);
    if (!current || !previous) return undefined;
    const before = readCardData(previous.data);
    const after = readCardData(current.data);
    const names = await namesOf(db, [...cardIds(before), ...cardIds(after)]);
    return { sections: diffCards(before, after), names, current: current.submitted_at, previous: previous.submitted_at };
  }

  const cityBack = (ctx: PageContext, revisionId: string) => ({ href: cityPaths.revision(revisionId), label: ctx.t('cards.city.back') });
  const cityCrumbs = (ctx: PageContext, revisionId: string, name: string) => [cityCrumb(ctx), queueCrumb(ctx), { href: cityPaths.revision(revisionId), label: name }];

  // 7. A revision.
  app.get(patterns.city.revision, options(CITY_ENTI), async (request, reply) => {
    const ctx = request.ctx;
    const { revision, card, data, name } = await cityRevisionParam(request);
    const [diff, revisions, resubmission] = await Promise.all([diffOf(card, revision, data), revisionsOf(db, card.id), resubmissionOf(revision)]);
    const waitingDays = revision.submitted_at ? dayDiff(todayInMilan(revision.submitted_at), todayInMilan()) : null;
    return reply.page(
      CityRevisionPage({
        ctx,
        view: { card, revision, revisions, isNew: diff.isNew, diff: diff.sections, names: diff.names, waitingDays, standardDays: STANDARD_DAYS, notice: noticeOf(request.query), name, resubmission },
      }),
    );
  });

  app.get(patterns.city.revisionPreview, options(CITY_ENTI), async (request, reply) => {
    const ctx = request.ctx;
    const { revision, card, name } = await cityRevisionParam(request);
    return renderPreview(request, reply, card, revision, cityCrumbs(ctx, revision.id, name), cityBack(ctx, revision.id), undefined);
  });

  // 8. Approve: confirmation, then the change.
  app.get(patterns.city.revisionApprove, options(CITY_ENTI), async (request, reply) => {
    const ctx = request.ctx;
    const { revision, card, name } = await cityRevisionParam(request);
    if (revision.status !== 'submitted') return refused(request, reply, cityCrumbs(ctx, revision.id, name), 'approve', revision.status, cityBack(ctx, revision.id));
    return reply.page(ApprovePage({ ctx, name, card, revision, issues: [], note: '', isNew: neverPublished(card.status) }));
  });

  app.post(patterns.city.revisionApprove, options(CITY_ENTI, 'cards.revision.approve'), async (request, reply) => {
    const ctx = request.ctx;
    const { revision, card, name } = await cityRevisionParam(request);
    const note = (bodyString(request.body, 'nota') ?? '').replace(/\r\n?/g, '\n').trim();
    const page = (issues: FieldIssue[]) => reply.page(ApprovePage({ ctx, name, card, revision, issues, note, isNew: neverPublished(card.status) }), 400);
    if (note.length > NOTE_MAX) return page([{ field: 'nota', message: ctx.t('validation.tooLong', { max: NOTE_MAX }) }]);
    const outcome = await approveRevision(db, actorOf(request), card.id, revision.id, note || undefined, mail);
    if (!outcome.ok) {
      if (outcome.reason === 'invalid') return page(translateIssues(outcome.issues, ctx.t));
      return refusedOr404(request, reply, outcome, cityCrumbs(ctx, revision.id, name), cityBack(ctx, revision.id));
    }
    return redirect(reply, noticed(cityPaths.revision(revision.id), 'approvata'));
  });

  // 9. Send back with notes per section.
  async function changesPage(request: FastifyRequest, reply: FastifyReply, scope: { revision: RevisionRow; card: CardRow; data: CardData; name: string }, values: Partial<Record<CardSection | 'generale', string>>, issues: FieldIssue[], status = 200) {
    const ctx = request.ctx;
    const diff = await diffOf(scope.card, scope.revision, scope.data);
    const changedFields: Partial<Record<CardSection, string[]>> = {};
    for (const s of diff.sections) changedFields[s.section] = s.changes.map((c) => ctx.t(c.label, c.labelParams));
    return reply.page(RequestChangesPage({ ctx, name: scope.name, revision: scope.revision, issues, values, changedFields }), status);
  }

  app.get(patterns.city.revisionChanges, options(CITY_ENTI), async (request, reply) => {
    const ctx = request.ctx;
    const scope = await cityRevisionParam(request);
    if (scope.revision.status !== 'submitted') return refused(request, reply, cityCrumbs(ctx, scope.revision.id, scope.name), 'request_changes', scope.revision.status, cityBack(ctx, scope.revision.id));
    return changesPage(request, reply, scope, {}, []);
  });

  app.post(patterns.city.revisionChanges, options(CITY_ENTI, 'cards.revision.request_changes'), async (request, reply) => {
    const ctx = request.ctx;
    const scope = await cityRevisionParam(request);
    const read = (name: string) => (bodyString(request.body, name) ?? '').replace(/\r\n?/g, '\n').trim();
    const values: Partial<Record<CardSection | 'generale', string>> = { generale: read('generale') };
    for (const s of CARD_SECTIONS) values[s] = read(s);
    const issues: FieldIssue[] = [];
    for (const [k, v] of Object.entries(values)) if ((v ?? '').length > NOTE_MAX) issues.push({ field: k, message: ctx.t('validation.tooLong', { max: NOTE_MAX }) });
    const notes: Partial<Record<CardSection, string>> = {};
    for (const s of CARD_SECTIONS) if (values[s]) notes[s] = values[s];
    if (!values.generale && Object.keys(notes).length === 0) issues.push({ field: 'generale', message: ctx.t('cards.changes.error') });
    if (issues.length) return changesPage(request, reply, scope, values, issues, 400);
    const outcome = await requestChanges(db, actorOf(request), scope.card.id, scope.revision.id, notes, values.generale || undefined, mail);
    if (!outcome.ok) {
      if (outcome.reason === 'state') return refused(request, reply, cityCrumbs(ctx, scope.revision.id, scope.name), outcome.event, outcome.state, cityBack(ctx, scope.revision.id));
      throw notFound('Revision');
    }
    return redirect(reply, noticed(cityPaths.revision(scope.revision.id), 'rinviata'));
  });

}
