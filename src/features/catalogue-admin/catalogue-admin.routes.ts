import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppDeps } from '../../deps';
import type { Role } from '../../lib/http/access';
import { notFound, type FieldIssue } from '../../lib/http/errors';
import { bodyString, type FormState } from '../../web/forms';
import { cityPaths, patterns, withNotice } from '../../web/paths';
import { isUuid } from '../accounts/city/users-admin.service';
import {
  CARD_STATUSES,
  countCardsByStatus,
  countEntiByStatus,
  entiWithCards,
  findAdminTerm,
  findEnte,
  findTaxonomy,
  listCards,
  listEnti,
  listTaxonomies,
  listTerms,
  termBySlug,
  termOptions,
  type AdminTermRow,
  type CardStatus,
  type TaxonomyRow,
} from './catalogue-admin.repository';
import {
  CardsPage,
  ENTE_NOTICE,
  EntePage,
  EnteActionPage,
  EntiPage,
  NOTICES,
  TaxonomiesPage,
  termFormValues,
  TermFormPage,
  TermsPage,
  TermStatePage,
  type CardsFilter,
  type EntiFilter,
  type NoticeCode,
  type TaxonomyListItem,
  type TermsFilter,
} from './catalogue-admin.view';
import { changeEnteStatus, parseStatusReason } from './enti-admin.service';
import { ADMIN_ORG_ACTIONS, isOrgStatus, nextOrgStatus, type AdminOrgAction } from './org-status';
import { createTerm, editTerm, kindBySlug, parseTermForm, setTermState, TAXONOMY_KINDS, type Actor, type TaxonomyKind } from './taxonomy-admin.service';
import { pageParam, privateRoute, queryValue } from '../../lib/http/private-routes';
import { registerConceptRoutes } from './concepts-admin.routes';


// The City manages the catalogue: the vocabularies (categories, service types, target groups, tasks, economic
// support schemes; sections, Municipi and time bands are fixed and shown read-only), the enti by state with
// suspension, revocation and reactivation, and the cards by state.
//
// Access: the vocabularies are open to the City's "enti" permission (who qualifies enti and validates cards by
// category and service type) and to its "content" permission (the editorial staff who look after names,
// descriptions and synonyms, the words citizens search with). Enti and cards are "enti" only: suspending or
// revoking an ente is a decision on the ente, not on content.

export const ENTI_PAGE_SIZE = 20;
export const CARDS_PAGE_SIZE = 25;
const TAXONOMY_ROLES: readonly Role[] = ['city:enti', 'city:content'];
const ENTI_ROLES: readonly Role[] = ['city:enti'];

const options = (roles: readonly Role[], auditAction?: string): RouteShorthandOptions => privateRoute({ roles }, auditAction);

function noticeOf(query: unknown): NoticeCode | undefined {
  const s = queryValue(query, 'esito');
  return Object.hasOwn(NOTICES, s) ? (s as NoticeCode) : undefined;
}

function valuesOf(body: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    const s = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof s === 'string') out[k] = s;
  }
  return out;
}

const actorOf = (request: FastifyRequest): Actor => ({ id: request.user!.id, label: request.user!.label, ip: request.ip });
const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();
const noticed = (path: string, notice: NoticeCode) => withNotice(path, notice);
const emptyForm = (): FormState => ({ values: {}, issues: [] });

export function registerCatalogueAdminRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;

  // ---------------------------------------------------------------------------------------------------------------
  // Vocabularies

  /** The vocabulary of `:kind` (a path segment such as 'tipi-di-servizio'), or 404. */
  async function taxonomyParam(request: FastifyRequest, opts: { managed?: boolean } = {}): Promise<{ kind: TaxonomyKind; taxonomy: TaxonomyRow }> {
    const kind = kindBySlug((request.params as { kind?: string }).kind);
    if (!kind || (opts.managed && !kind.managed)) throw notFound('Taxonomy');
    const taxonomy = await findTaxonomy(db, kind.code);
    if (!taxonomy) throw notFound('Taxonomy');
    return { kind, taxonomy };
  }

  async function termParam(request: FastifyRequest, taxonomy: TaxonomyRow): Promise<AdminTermRow> {
    const id = (request.params as { id?: string }).id;
    const term = isUuid(id) ? await findAdminTerm(db, taxonomy.id, id) : undefined;
    if (!term) throw notFound('Term');
    return term;
  }

  // The concept dictionary of the search (part of the taxonomy section): concepts-admin.routes.ts.
  registerConceptRoutes(app, deps);

  const parentsOf = (kind: TaxonomyKind) => (kind.parent ? termOptions(db, kind.parent, { includeInactive: true }) : Promise.resolve([]));

  app.get(cityPaths.taxonomies(), options(TAXONOMY_ROLES), async (request, reply) => {
    const rows = await listTaxonomies(db);
    const items: TaxonomyListItem[] = [];
    for (const kind of TAXONOMY_KINDS) {
      const row = rows.find((r) => r.code === kind.code);
      if (row) items.push({ row, kind });
    }
    return reply.page(TaxonomiesPage({ ctx: request.ctx, roles: request.roles, items }));
  });

  app.get('/gestione-wemi/tassonomie/:kind', options(TAXONOMY_ROLES), async (request, reply) => {
    const { t } = request.ctx;
    const { kind, taxonomy } = await taxonomyParam(request);
    const filter: TermsFilter = { q: queryValue(request.query, 'q'), padre: queryValue(request.query, 'padre'), stato: queryValue(request.query, 'stato') };
    const parents = await parentsOf(kind);
    const issues: FieldIssue[] = [];
    if (filter.q.length > 100) issues.push({ field: 'q', message: t('validation.tooLong', { max: 100 }) });
    const parent = filter.padre ? parents.find((p) => p.slug === filter.padre) : undefined;
    if (filter.padre && !parent) issues.push({ field: 'padre', message: t('catalogueAdmin.error.filter') });
    if (filter.stato && filter.stato !== 'attivi' && filter.stato !== 'disattivati') issues.push({ field: 'stato', message: t('catalogueAdmin.error.filter') });
    const terms = issues.length
      ? []
      : await listTerms(db, taxonomy.id, {
          text: filter.q || undefined,
          parentId: parent?.id,
          active: filter.stato === 'attivi' ? true : filter.stato === 'disattivati' ? false : undefined,
        });
    return reply.page(
      TermsPage({ ctx: request.ctx, roles: request.roles, view: { taxonomy, kind, terms, parents, filter, issues, notice: noticeOf(request.query) } }),
      issues.length ? 400 : 200,
    );
  });

  // Add a term.
  app.get('/gestione-wemi/tassonomie/:kind/nuovo', options(TAXONOMY_ROLES), async (request, reply) => {
    const { kind, taxonomy } = await taxonomyParam(request, { managed: true });
    return reply.page(TermFormPage({ ctx: request.ctx, view: { taxonomy, kind, term: undefined, parents: await parentsOf(kind), form: emptyForm() } }));
  });

  app.post('/gestione-wemi/tassonomie/:kind/nuovo', options(TAXONOMY_ROLES, 'catalogue.term.create'), async (request, reply) => {
    const { t } = request.ctx;
    const { kind, taxonomy } = await taxonomyParam(request, { managed: true });
    const parsed = parseTermForm(request.body, kind, t);
    const outcome = parsed.ok ? await createTerm(db, actorOf(request), taxonomy, kind, parsed.value, t) : parsed;
    if (!outcome.ok) {
      const form = { values: valuesOf(request.body), issues: outcome.issues };
      return reply.page(TermFormPage({ ctx: request.ctx, view: { taxonomy, kind, term: undefined, parents: await parentsOf(kind), form } }), 400);
    }
    return redirect(reply, noticed(cityPaths.taxonomy(kind.slug), 'termine-creato'));
  });

  // Edit a term.
  app.get('/gestione-wemi/tassonomie/:kind/termini/:id', options(TAXONOMY_ROLES), async (request, reply) => {
    const { kind, taxonomy } = await taxonomyParam(request, { managed: true });
    const term = await termParam(request, taxonomy);
    const parents = await parentsOf(kind);
    return reply.page(TermFormPage({ ctx: request.ctx, view: { taxonomy, kind, term, parents, form: { values: termFormValues(term, parents), issues: [] } } }));
  });

  app.post('/gestione-wemi/tassonomie/:kind/termini/:id', options(TAXONOMY_ROLES, 'catalogue.term.update'), async (request, reply) => {
    const { t } = request.ctx;
    const { kind, taxonomy } = await taxonomyParam(request, { managed: true });
    const term = await termParam(request, taxonomy);
    const parsed = parseTermForm(request.body, kind, t);
    const outcome = parsed.ok ? await editTerm(db, actorOf(request), taxonomy, kind, term, parsed.value, t) : parsed;
    if (!outcome.ok) {
      const form = { values: valuesOf(request.body), issues: outcome.issues };
      return reply.page(TermFormPage({ ctx: request.ctx, view: { taxonomy, kind, term, parents: await parentsOf(kind), form } }), 400);
    }
    return redirect(reply, noticed(cityPaths.taxonomy(kind.slug), 'termine-modificato'));
  });

  // Deactivate and reactivate: a confirmation page (how many published cards use the term), then the change.
  for (const change of [
    { url: patterns.city.termDeactivate, active: false, action: 'catalogue.term.deactivate', notice: 'termine-disattivato' as const },
    { url: patterns.city.termReactivate, active: true, action: 'catalogue.term.reactivate', notice: 'termine-riattivato' as const },
  ]) {
    app.get(change.url, options(TAXONOMY_ROLES), async (request, reply) => {
      const { kind, taxonomy } = await taxonomyParam(request, { managed: true });
      const term = await termParam(request, taxonomy);
      return reply.page(TermStatePage({ ctx: request.ctx, taxonomy, kind, term, active: change.active, form: emptyForm() }));
    });
    app.post(change.url, options(TAXONOMY_ROLES, change.action), async (request, reply) => {
      const { t } = request.ctx;
      const { kind, taxonomy } = await taxonomyParam(request, { managed: true });
      const term = await termParam(request, taxonomy);
      const confirmed = bodyString(request.body, 'conferma') === 'si';
      const outcome = await setTermState(db, actorOf(request), taxonomy, term.id, change.active, confirmed, t);
      if (!outcome.ok) {
        const fresh = (await findAdminTerm(db, taxonomy.id, term.id)) ?? term;
        return reply.page(TermStatePage({ ctx: request.ctx, taxonomy, kind, term: fresh, active: change.active, form: { values: valuesOf(request.body), issues: outcome.issues } }), 400);
      }
      return redirect(reply, noticed(cityPaths.taxonomy(kind.slug), change.notice));
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Enti

  app.get(cityPaths.enti(), options(ENTI_ROLES), async (request, reply) => {
    const { t } = request.ctx;
    const filter: EntiFilter = {
      q: queryValue(request.query, 'q'),
      stato: queryValue(request.query, 'stato'),
      categoria: queryValue(request.query, 'categoria'),
      municipio: queryValue(request.query, 'municipio'),
    };
    const [categories, municipi] = await Promise.all([termOptions(db, 'category', { includeInactive: true }), termOptions(db, 'municipio', { includeInactive: true })]);
    const issues: FieldIssue[] = [];
    if (filter.q.length > 100) issues.push({ field: 'q', message: t('validation.tooLong', { max: 100 }) });
    if (filter.stato && !isOrgStatus(filter.stato)) issues.push({ field: 'stato', message: t('catalogueAdmin.error.filter') });
    const category = filter.categoria ? categories.find((c) => c.slug === filter.categoria) : undefined;
    if (filter.categoria && !category) issues.push({ field: 'categoria', message: t('catalogueAdmin.error.filter') });
    const municipio = filter.municipio ? municipi.find((m) => m.slug === filter.municipio) : undefined;
    if (filter.municipio && !municipio) issues.push({ field: 'municipio', message: t('catalogueAdmin.error.filter') });
    const empty = { active: 0, suspended: 0, revoked: 0, draft: 0 };
    const base = { ctx: request.ctx, roles: request.roles };
    if (issues.length) {
      return reply.page(EntiPage({ ...base, view: { filter, issues, items: [], total: 0, counts: empty, page: 1, pages: 1, categories, municipi } }), 400);
    }
    const f = {
      text: filter.q || undefined,
      status: isOrgStatus(filter.stato) ? filter.stato : undefined,
      categoryId: category?.id,
      municipioId: municipio?.id,
    };
    const counts = await countEntiByStatus(db, f);
    const total = f.status ? counts[f.status] : Object.values(counts).reduce((a, b) => a + b, 0);
    const pages = Math.max(1, Math.ceil(total / ENTI_PAGE_SIZE));
    const page = Math.min(pageParam(request.query), pages);
    const items = await listEnti(db, f, ENTI_PAGE_SIZE, (page - 1) * ENTI_PAGE_SIZE);
    return reply.page(EntiPage({ ...base, view: { filter, issues, items, total, counts, page, pages, categories, municipi } }));
  });

  async function enteParam(request: FastifyRequest) {
    const id = (request.params as { id?: string }).id;
    const ente = isUuid(id) ? await findEnte(db, id) : undefined;
    if (!ente) throw notFound('Ente');
    return ente;
  }

  app.get('/gestione-wemi/enti/:id', options(ENTI_ROLES), async (request, reply) => {
    const ente = await enteParam(request);
    return reply.page(EntePage({ ctx: request.ctx, roles: request.roles, ente, notice: noticeOf(request.query) }));
  });

  for (const action of ADMIN_ORG_ACTIONS) {
    const url = patterns.city.enteAction(action);
    app.get(url, options(ENTI_ROLES), async (request, reply) => {
      const ente = await enteParam(request);
      const allowed = nextOrgStatus(ente.status, action) !== null;
      return reply.page(EnteActionPage({ ctx: request.ctx, ente, action, allowed, form: emptyForm() }));
    });
    app.post(url, options(ENTI_ROLES, `catalogue.ente.${action}`), async (request, reply) => {
      const { t } = request.ctx;
      const ente = await enteParam(request);
      const form = (issues: FieldIssue[]): FormState => ({ values: valuesOf(request.body), issues });
      if (nextOrgStatus(ente.status, action) === null) {
        const issue = { field: 'motivo', message: t(`catalogueAdmin.enti.error.${action}`, { status: t(`catalogueAdmin.enteStatus.${ente.status}`) }) };
        return reply.page(EnteActionPage({ ctx: request.ctx, ente, action, allowed: false, form: form([issue]) }), 400);
      }
      const reason = parseStatusReason(request.body, t);
      const outcome = reason.ok ? await changeEnteStatus(db, actorOf(request), ente.id, action as AdminOrgAction, reason.value, { baseUrl: config.publicBaseUrl }, t) : reason;
      if (!outcome.ok) {
        const fresh = (await findEnte(db, ente.id)) ?? ente;
        const allowed = nextOrgStatus(fresh.status, action) !== null;
        return reply.page(EnteActionPage({ ctx: request.ctx, ente: fresh, action, allowed, form: form(outcome.issues) }), 400);
      }
      return redirect(reply, noticed(cityPaths.ente(ente.id), ENTE_NOTICE[action]));
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Cards

  app.get(cityPaths.cards(), options(ENTI_ROLES), async (request, reply) => {
    const { t } = request.ctx;
    const filter: CardsFilter = {
      ente: queryValue(request.query, 'ente'),
      categoria: queryValue(request.query, 'categoria'),
      stato: queryValue(request.query, 'stato'),
      scadenza: queryValue(request.query, 'scadenza'),
    };
    const [enti, categories] = await Promise.all([entiWithCards(db), termOptions(db, 'category', { includeInactive: true })]);
    const issues: FieldIssue[] = [];
    const ente = filter.ente ? enti.find((e) => e.id === filter.ente.toLowerCase()) : undefined;
    if (filter.ente && !ente) issues.push({ field: 'ente', message: t('catalogueAdmin.error.filter') });
    const category = filter.categoria ? categories.find((c) => c.slug === filter.categoria) : undefined;
    if (filter.categoria && !category) issues.push({ field: 'categoria', message: t('catalogueAdmin.error.filter') });
    if (filter.stato && !(CARD_STATUSES as readonly string[]).includes(filter.stato)) issues.push({ field: 'stato', message: t('catalogueAdmin.error.filter') });
    const days = filter.scadenza ? Number(filter.scadenza) : undefined;
    if (filter.scadenza && !(/^\d{1,3}$/.test(filter.scadenza) && days! >= 1 && days! <= 365)) {
      issues.push({ field: 'scadenza', message: t('catalogueAdmin.cards.error.expiring', { max: 365 }) });
    }
    const counts = Object.fromEntries(CARD_STATUSES.map((s) => [s, 0])) as Record<CardStatus, number>;
    const base = { ctx: request.ctx, roles: request.roles };
    if (issues.length) {
      return reply.page(CardsPage({ ...base, view: { filter, issues, items: [], total: 0, counts, page: 1, pages: 1, enti, categories } }), 400);
    }
    const f = {
      organizationId: ente?.id,
      categoryId: category?.id,
      status: filter.stato ? (filter.stato as CardStatus) : undefined,
      expiringWithinDays: days,
    };
    const byStatus = await countCardsByStatus(db, f);
    const total = f.status ? byStatus[f.status] : Object.values(byStatus).reduce((a, b) => a + b, 0);
    const pages = Math.max(1, Math.ceil(total / CARDS_PAGE_SIZE));
    const page = Math.min(pageParam(request.query), pages);
    const items = await listCards(db, f, CARDS_PAGE_SIZE, (page - 1) * CARDS_PAGE_SIZE);
    return reply.page(CardsPage({ ...base, view: { filter, issues, items, total, counts: byStatus, page, pages, enti, categories } }));
  });

}
