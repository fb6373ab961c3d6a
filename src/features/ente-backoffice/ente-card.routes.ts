import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppDeps } from '../../deps';
import type { Role } from '../../lib/http/access';
import { AppError, notFound, type FieldIssue } from '../../lib/http/errors';
import { formFile, formList, LOGO_IMAGE, PDF_DOCUMENT, sendStoredFile, takesFiles } from '../../lib/uploads';
import { DOCUMENT_COLUMNS, ENTE_DOCUMENT_KINDS, isDocumentKind, type DocumentKind } from '../enti/enti.presenter';
import {
  enteCounts,
  filesMeta,
  findEnteCard,
  findSite,
  listSites,
  listTeam,
  municipioOptions,
  siteUsage,
  spaziWithLinks,
  teamMember,
  type EnteCardRow,
  type StoredFileMeta,
} from './ente-card.repository';
import {
  createSite,
  editSite,
  formValues,
  inviteOperator,
  parseCardForm,
  parseInviteForm,
  parseSiteForm,
  parseSpaziForm,
  removeLogo,
  removeOperator,
  removeSite,
  saveCard,
  saveSpazi,
  uploadDocument,
  uploadLogo,
  type Actor,
} from './ente-card.service';
import {
  cardFormValues,
  CardPage,
  DocumentsPage,
  EnteHomePage,
  InviteOperatorPage,
  NOTICES,
  OperatorsPage,
  RemoveOperatorPage,
  SiteFormPage,
  siteFormValues,
  SiteRemovePage,
  SitesPage,
  SpaziPage,
  type EnteRole,
  type NoticeCode,
} from './ente-card.view';
import { requireEnte } from './ente-scope';
import { factsFormValues, readFacts } from './ente-facts';
import { openEnteRevision } from './ente-revision.repository';
import { withdrawFacts } from './ente-revision.service';
import { entePaths, withNotice } from '../../web/paths';
import { privateRoute, queryValue } from '../../lib/http/private-routes';

// The ente back office ("Gestione ente"), /gestione-ente/<ente id>/…: the ente's home, its card (description,
// contacts, first-contact hours, socials, contact person, logo), sites, linked Spazi WeMi, public documents and
// operators. Every route declares the ente roles and checks, with requireEnte, that the user acts for THIS ente;
// changes are for the ente's administrators only (operators get read-only pages, and 403 on every change).
// Forms follow the GOV.UK pattern: a problem answers 400 with the same page, the values typed and an error
// summary; a success redirects (303) to a page announcing it.

const ENTE_ROLES: readonly Role[] = ['ente_admin', 'ente_operator'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ADMIN_ROLES: readonly Role[] = ['ente_admin'];

/**
 * Route options. Changes (routes with an audit action) and the pages that are only forms for a change are
 * declared for ente administrators; the rest for administrators and operators. scope() then checks THIS ente.
 */
const options = (auditAction?: string, adminOnly = auditAction !== undefined): RouteShorthandOptions =>
  privateRoute({ roles: adminOnly ? ADMIN_ROLES : ENTE_ROLES }, auditAction);

type Params = { enteId?: string; siteId?: string; userId?: string; kind?: string };
const paramsOf = (request: FastifyRequest) => request.params as Params;

function noticeOf(request: FastifyRequest): NoticeCode | undefined {
  const s = queryValue(request.query, 'esito');
  return Object.hasOwn(NOTICES, s) ? (s as NoticeCode) : undefined;
}

const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();

const actorOf = (request: FastifyRequest): Actor => ({ id: request.user!.id, label: request.user!.label, ip: request.ip });

export function registerEnteCardRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;

  /**
   * The ente of `:enteId`, for a user who acts for it (requireEnte: 404 otherwise, as for an id that names nothing), and
   * the user's role there. `write`: the change is for the ente's administrators only (403 for operators).
   */
  async function scope(request: FastifyRequest, write: boolean): Promise<{ ente: EnteCardRow; role: EnteRole }> {
    const enteId = requireEnte(request, paramsOf(request).enteId ?? '', ['ente_admin', 'ente_operator']);
    // A person may hold both roles for the same ente: the administrator role wins.
    const admin = request.user!.organizations.some((o) => o.id === enteId && o.role === 'ente_admin');
    if (write && !admin) throw new AppError('forbidden', 'Only the administrators of the ente may change it');
    const ente = await findEnteCard(db, enteId);
    if (!ente) throw notFound('Ente');
    return { ente, role: admin ? 'ente_admin' : 'ente_operator' };
  }

  // 1. The ente's home in the back office.
  app.get('/gestione-ente/:enteId', options(), async (request, reply) => {
    const { ente, role } = await scope(request, false);
    const counts = await enteCounts(db, ente.id);
    const documents = ENTE_DOCUMENT_KINDS.filter((k) => ente[DOCUMENT_COLUMNS[k]] !== null).length;
    return reply.page(EnteHomePage({ ctx: request.ctx, view: { ente, role, counts, documents } }));
  });

  // 2. The ente card and its logo.
  const cardPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    s: { ente: EnteCardRow; role: EnteRole },
    opts: { values?: Record<string, string>; issues?: FieldIssue[]; logoIssues?: FieldIssue[]; status?: number } = {},
  ) => {
    const [[logo], pending] = await Promise.all([filesMeta(db, [s.ente.logo_file_id]), openEnteRevision(db, s.ente.id)]);
    // While a request waits, the form shows the values asked (the ente corrects them there).
    const values = opts.values ?? (pending ? { ...cardFormValues(s.ente), ...factsFormValues(readFacts(pending.data)) } : cardFormValues(s.ente));
    return reply.page(
      CardPage({
        ctx: request.ctx,
        view: {
          ente: s.ente,
          role: s.role,
          pending,
          form: { values, issues: opts.issues ?? [] },
          logoIssues: opts.logoIssues ?? [],
          logo,
          notice: opts.status ? undefined : noticeOf(request),
        },
      }),
      opts.status ?? 200,
    );
  };

  app.get('/gestione-ente/:enteId/scheda-ente', options(), async (request, reply) => cardPage(request, reply, await scope(request, false)));

  app.post('/gestione-ente/:enteId/scheda-ente', options('ente.card.update'), async (request, reply) => {
    const s = await scope(request, true);
    const parsed = parseCardForm(request.body, request.ctx.t, s.ente.name);
    if (!parsed.ok) return cardPage(request, reply, s, { values: formValues(request.body), issues: parsed.issues, status: 400 });
    // The public facts wait for the City (a request, sent or updated); the contact person saves at once.
    const saved = await saveCard(db, actorOf(request), s.ente.id, parsed.value, { baseUrl: config.publicBaseUrl });
    const notice: NoticeCode =
      saved.review === 'submitted' || saved.review === 'resubmitted'
        ? 'in-validazione'
        : saved.review === 'updated'
          ? 'richiesta-aggiornata'
          : saved.review === 'withdrawn'
            ? 'richiesta-ritirata'
            : saved.direct.length
              ? 'scheda-salvata'
              : 'nessuna-modifica';
    return redirect(reply, withNotice(entePaths.card(s.ente.id), notice));
  });

  // The ente takes back its request waiting for the City (the published card stays as it is).
  app.post('/gestione-ente/:enteId/scheda-ente/ritira-richiesta', options('ente.card.revision.withdraw'), async (request, reply) => {
    const s = await scope(request, true);
    const withdrawn = await withdrawFacts(db, actorOf(request), s.ente.id);
    return redirect(reply, withNotice(entePaths.card(s.ente.id), withdrawn ? 'richiesta-ritirata' : 'nessuna-modifica'));
  });

  app.get('/gestione-ente/:enteId/scheda-ente/logo', options(), async (request, reply) => {
    const { ente } = await scope(request, false);
    if (!ente.logo_file_id) throw notFound('Logo');
    return sendStoredFile(db, reply, ente.logo_file_id, { inline: true });
  });

  app.post('/gestione-ente/:enteId/scheda-ente/logo', takesFiles(options('ente.card.update'), LOGO_IMAGE), async (request, reply) => {
    const s = await scope(request, true);
    const outcome = await uploadLogo(db, actorOf(request), s.ente.id, formFile(request.body, 'logo'), request.ctx.t);
    if (!outcome.ok) return cardPage(request, reply, s, { logoIssues: outcome.issues, status: 400 });
    return redirect(reply, withNotice(entePaths.card(s.ente.id), 'logo-caricato'));
  });

  app.post('/gestione-ente/:enteId/scheda-ente/logo/rimuovi', options('ente.card.update'), async (request, reply) => {
    const s = await scope(request, true);
    const removed = await removeLogo(db, actorOf(request), s.ente.id);
    return redirect(reply, removed ? withNotice(entePaths.card(s.ente.id), 'logo-rimosso') : entePaths.card(s.ente.id));
  });

  // 3. Sites.
  async function siteParam(request: FastifyRequest, enteId: string) {
    const id = paramsOf(request).siteId;
    const site = id && UUID.test(id) ? await findSite(db, enteId, id.toLowerCase()) : undefined;
    if (!site) throw notFound('Site');
    return site;
  }

  app.get('/gestione-ente/:enteId/sedi', options(), async (request, reply) => {
    const { ente, role } = await scope(request, false);
    return reply.page(SitesPage({ ctx: request.ctx, ente, role, sites: await listSites(db, ente.id), notice: noticeOf(request) }));
  });

  app.get('/gestione-ente/:enteId/sedi/nuova', options(undefined, true), async (request, reply) => {
    const { ente, role } = await scope(request, true);
    return reply.page(SiteFormPage({ ctx: request.ctx, ente, role, site: undefined, municipi: await municipioOptions(db), form: { values: {}, issues: [] } }));
  });

  app.post('/gestione-ente/:enteId/sedi/nuova', options('ente.site.create'), async (request, reply) => {
    const { ente, role } = await scope(request, true);
    const municipi = await municipioOptions(db);
    const parsed = parseSiteForm(request.body, request.ctx.t, municipi);
    if (!parsed.ok) {
      return reply.page(SiteFormPage({ ctx: request.ctx, ente, role, site: undefined, municipi, form: { values: formValues(request.body), issues: parsed.issues } }), 400);
    }
    await createSite(db, actorOf(request), ente.id, parsed.value);
    return redirect(reply, withNotice(entePaths.sites(ente.id), 'sede-aggiunta'));
  });

  app.get('/gestione-ente/:enteId/sedi/:siteId', options(), async (request, reply) => {
    const { ente, role } = await scope(request, false);
    const site = await siteParam(request, ente.id);
    return reply.page(SiteFormPage({ ctx: request.ctx, ente, role, site, municipi: await municipioOptions(db), form: { values: siteFormValues(site), issues: [] } }));
  });

  app.post('/gestione-ente/:enteId/sedi/:siteId', options('ente.site.update'), async (request, reply) => {
    const { ente, role } = await scope(request, true);
    const site = await siteParam(request, ente.id);
    const municipi = await municipioOptions(db);
    const parsed = parseSiteForm(request.body, request.ctx.t, municipi);
    if (!parsed.ok) {
      return reply.page(SiteFormPage({ ctx: request.ctx, ente, role, site, municipi, form: { values: formValues(request.body), issues: parsed.issues } }), 400);
    }
    const changed = await editSite(db, actorOf(request), ente.id, site.id, parsed.value);
    if (changed === undefined) throw notFound('Site');
    return redirect(reply, withNotice(entePaths.sites(ente.id), changed.length ? 'sede-salvata' : 'nessuna-modifica'));
  });

  app.get('/gestione-ente/:enteId/sedi/:siteId/rimuovi', options(undefined, true), async (request, reply) => {
    const { ente } = await scope(request, true);
    const site = await siteParam(request, ente.id);
    return reply.page(SiteRemovePage({ ctx: request.ctx, ente, site, usage: await siteUsage(db, ente.id, site.id) }));
  });

  app.post('/gestione-ente/:enteId/sedi/:siteId/rimuovi', options('ente.site.delete'), async (request, reply) => {
    const { ente } = await scope(request, true);
    const site = await siteParam(request, ente.id);
    const result = await removeSite(db, actorOf(request), ente.id, site.id);
    if (result.outcome === 'not_found') throw notFound('Site');
    if (result.outcome === 'in_use') return reply.page(SiteRemovePage({ ctx: request.ctx, ente, site, usage: result, refused: true }), 400);
    return redirect(reply, withNotice(entePaths.sites(ente.id), 'sede-rimossa'));
  });

  // 4. Spazi WeMi the ente works with.
  app.get('/gestione-ente/:enteId/spazi', options(), async (request, reply) => {
    const { ente, role } = await scope(request, false);
    const spazi = await spaziWithLinks(db, ente.id);
    return reply.page(SpaziPage({ ctx: request.ctx, ente, role, spazi, checked: spazi.filter((s) => s.linked).map((s) => s.id), issues: [], notice: noticeOf(request) }));
  });

  app.post('/gestione-ente/:enteId/spazi', options('ente.spazi.update'), async (request, reply) => {
    const { ente, role } = await scope(request, true);
    const spazi = await spaziWithLinks(db, ente.id);
    const allowed = spazi.map((s) => s.id);
    const parsed = parseSpaziForm(request.body, request.ctx.t, allowed);
    if (!parsed.ok) {
      const checked = formList(request.body, 'spazi').map((id) => id.toLowerCase()).filter((id) => allowed.includes(id));
      return reply.page(SpaziPage({ ctx: request.ctx, ente, role, spazi, checked, issues: parsed.issues, notice: undefined }), 400);
    }
    await saveSpazi(db, actorOf(request), ente.id, parsed.value);
    return redirect(reply, withNotice(entePaths.spazi(ente.id), 'spazi-salvati'));
  });

  // 5. Public documents of the ente (PDF).
  const documentsPage = async (request: FastifyRequest, reply: FastifyReply, s: { ente: EnteCardRow; role: EnteRole }, issues: FieldIssue[] = [], status = 200) => {
    const metas = await filesMeta(db, ENTE_DOCUMENT_KINDS.map((k) => s.ente[DOCUMENT_COLUMNS[k]]));
    const files: Partial<Record<DocumentKind, StoredFileMeta>> = {};
    for (const k of ENTE_DOCUMENT_KINDS) {
      const meta = metas.find((m) => m.id === s.ente[DOCUMENT_COLUMNS[k]]);
      if (meta) files[k] = meta;
    }
    return reply.page(DocumentsPage({ ctx: request.ctx, view: { ente: s.ente, role: s.role, files, issues, notice: status === 200 ? noticeOf(request) : undefined } }), status);
  };

  const kindParam = (request: FastifyRequest): DocumentKind => {
    const kind = paramsOf(request).kind;
    if (!isDocumentKind(kind)) throw notFound('Document');
    return kind;
  };

  app.get('/gestione-ente/:enteId/documenti', options(), async (request, reply) => documentsPage(request, reply, await scope(request, false)));

  app.get('/gestione-ente/:enteId/documenti/:kind', options(), async (request, reply) => {
    const { ente } = await scope(request, false);
    const fileId = ente[DOCUMENT_COLUMNS[kindParam(request)]];
    if (!fileId) throw notFound('Document');
    return sendStoredFile(db, reply, fileId);
  });

  app.post('/gestione-ente/:enteId/documenti/:kind', takesFiles(options('ente.document.upload'), PDF_DOCUMENT), async (request, reply) => {
    const s = await scope(request, true);
    const kind = kindParam(request);
    const outcome = await uploadDocument(db, actorOf(request), s.ente.id, kind, formFile(request.body, `documento-${kind}`), request.ctx.t);
    if (!outcome.ok) return documentsPage(request, reply, s, outcome.issues, 400);
    return redirect(reply, withNotice(entePaths.documents(s.ente.id), 'documento-caricato'));
  });

  // 6. Operators: the people acting for the ente; invite an operator, remove one.
  app.get('/gestione-ente/:enteId/operatori', options(), async (request, reply) => {
    const { ente, role } = await scope(request, false);
    return reply.page(OperatorsPage({ ctx: request.ctx, ente, role, team: await listTeam(db, ente.id), actorId: request.user!.id, notice: noticeOf(request) }));
  });

  app.get('/gestione-ente/:enteId/operatori/invita', options(undefined, true), async (request, reply) => {
    const { ente } = await scope(request, true);
    return reply.page(InviteOperatorPage({ ctx: request.ctx, ente, form: { values: {}, issues: [] } }));
  });

  app.post('/gestione-ente/:enteId/operatori/invita', options('ente.operator.invite'), async (request, reply) => {
    const { ente } = await scope(request, true);
    const t = request.ctx.t;
    const parsed = parseInviteForm(request.body, t);
    const outcome = parsed.ok ? await inviteOperator(db, actorOf(request), ente.id, parsed.value, { baseUrl: config.publicBaseUrl }, t) : parsed;
    if (!outcome.ok) return reply.page(InviteOperatorPage({ ctx: request.ctx, ente, form: { values: formValues(request.body), issues: outcome.issues } }), 400);
    // One notice whatever the outcome: the page does not tell whether the address already had a WeMi account.
    return redirect(reply, withNotice(entePaths.operators(ente.id), 'operatore-invitato'));
  });

  async function memberParam(request: FastifyRequest, enteId: string) {
    const id = paramsOf(request).userId;
    const member = id && UUID.test(id) ? await teamMember(db, enteId, id.toLowerCase()) : undefined;
    if (!member) throw notFound('Operator');
    return member;
  }

  app.get('/gestione-ente/:enteId/operatori/:userId/rimuovi', options(undefined, true), async (request, reply) => {
    const { ente } = await scope(request, true);
    const member = await memberParam(request, ente.id);
    const t = request.ctx.t;
    const issues: FieldIssue[] =
      member.user_id === request.user!.id
        ? [{ field: 'rimuovi', message: t('enteCard.error.removeSelf') }]
        : member.is_admin
          ? [{ field: 'rimuovi', message: t('enteCard.error.removeAdmin') }]
          : [];
    return reply.page(RemoveOperatorPage({ ctx: request.ctx, ente, member, issues }));
  });

  app.post('/gestione-ente/:enteId/operatori/:userId/rimuovi', options('ente.operator.remove'), async (request, reply) => {
    const { ente } = await scope(request, true);
    const member = await memberParam(request, ente.id);
    const result = await removeOperator(db, actorOf(request), ente.id, member.user_id, request.ctx.t);
    if (result.outcome === 'not_found') throw notFound('Operator');
    if (result.outcome === 'refused') return reply.page(RemoveOperatorPage({ ctx: request.ctx, ente, member, issues: result.issues }), 400);
    return redirect(reply, withNotice(entePaths.operators(ente.id), 'operatore-rimosso'));
  });
}
