import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps';
import type { Role } from '../../lib/http/access';
import { notFound, type FieldIssue } from '../../lib/http/errors';
import { privateRoute, queryValue } from '../../lib/http/private-routes';
import { cityPaths, withNotice } from '../../web/paths';
import { isUuid } from '../accounts/city/users-admin.service';
import { conceptTargets, findConcept, listConcepts, type ConceptAdminRow } from './catalogue-admin.repository';
import { CONCEPT_NOTICES, ConceptDeletePage, ConceptFormPage, ConceptsPage, conceptFormValues, type ConceptNotice, type ConceptTarget } from './concepts-admin.view';
import { createConcept, editConcept, parseConceptForm, removeConcept } from './concepts-admin.service';
import type { Actor } from './taxonomy-admin.service';

// The concept dictionary of the search, in the taxonomy section of the City back office: the same permissions as
// the vocabularies ("enti" and "content"), every change audited (catalogue.concept.*), CSRF-checked like every POST.

const ROLES: readonly Role[] = ['city:enti', 'city:content'];
const actorOf = (request: FastifyRequest): Actor => ({ id: request.user!.id, label: request.user!.label, ip: request.ip });
const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();

const fieldValues = (body: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const k of ['etichetta', 'tipo', 'termini', 'correlati']) {
    const v = (body as Record<string, unknown> | undefined)?.[k];
    const s = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof s === 'string') out[k] = s;
  }
  return out;
};
const listOf = (body: unknown, name: string): string[] => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
};

export function registerConceptRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const targets = () => conceptTargets(db) as Promise<ConceptTarget[]>;

  async function conceptParam(request: FastifyRequest): Promise<ConceptAdminRow> {
    const id = (request.params as { id?: string }).id;
    const concept = isUuid(id) ? await findConcept(db, id) : undefined;
    if (!concept) throw notFound('Concept');
    return concept;
  }

  app.get(cityPaths.concepts(), privateRoute({ roles: ROLES }), async (request, reply) => {
    const { t } = request.ctx;
    const filter = { q: queryValue(request.query, 'q'), tipo: queryValue(request.query, 'tipo') };
    const issues: FieldIssue[] = [];
    if (filter.q.length > 100) issues.push({ field: 'q', message: t('validation.tooLong', { max: 100 }) });
    if (filter.tipo && filter.tipo !== 'concetto' && filter.tipo !== 'ignora') issues.push({ field: 'tipo', message: t('catalogueAdmin.error.filter') });
    const concepts = issues.length
      ? []
      : await listConcepts(db, { text: filter.q || undefined, kind: filter.tipo === 'concetto' ? 'concept' : filter.tipo === 'ignora' ? 'ignore' : undefined });
    const esito = queryValue(request.query, 'esito');
    const notice = Object.hasOwn(CONCEPT_NOTICES, esito) ? (esito as ConceptNotice) : undefined;
    return reply.page(ConceptsPage({ ctx: request.ctx, view: { concepts, filter, issues, notice, targets: await targets() } }), issues.length ? 400 : 200);
  });

  app.get(cityPaths.conceptNew(), privateRoute({ roles: ROLES }), async (request, reply) => {
    return reply.page(ConceptFormPage({ ctx: request.ctx, view: { concept: undefined, form: { values: { tipo: 'concetto' }, issues: [] }, types: [], categories: [], targets: await targets() } }));
  });

  app.post(cityPaths.conceptNew(), privateRoute({ roles: ROLES }, 'catalogue.concept.create'), async (request, reply) => {
    const parsed = await parseConceptForm(db, request.body, request.ctx.t);
    if (!parsed.ok) {
      const view = { concept: undefined, form: { values: fieldValues(request.body), issues: parsed.issues }, types: listOf(request.body, 'tipi'), categories: listOf(request.body, 'categorie'), targets: await targets() };
      return reply.page(ConceptFormPage({ ctx: request.ctx, view }), 400);
    }
    await createConcept(db, actorOf(request), parsed.value);
    return redirect(reply, withNotice(cityPaths.concepts(), 'concetto-creato'));
  });

  app.get('/gestione-wemi/tassonomie/concetti-di-ricerca/:id', privateRoute({ roles: ROLES }), async (request, reply) => {
    const concept = await conceptParam(request);
    const view = { concept, form: { values: conceptFormValues(concept), issues: [] }, types: concept.service_types, categories: concept.categories, targets: await targets() };
    return reply.page(ConceptFormPage({ ctx: request.ctx, view }));
  });

  app.post('/gestione-wemi/tassonomie/concetti-di-ricerca/:id', privateRoute({ roles: ROLES }, 'catalogue.concept.update'), async (request, reply) => {
    const concept = await conceptParam(request);
    const parsed = await parseConceptForm(db, request.body, request.ctx.t);
    if (!parsed.ok) {
      const view = { concept, form: { values: fieldValues(request.body), issues: parsed.issues }, types: listOf(request.body, 'tipi'), categories: listOf(request.body, 'categorie'), targets: await targets() };
      return reply.page(ConceptFormPage({ ctx: request.ctx, view }), 400);
    }
    if (!(await editConcept(db, actorOf(request), concept, parsed.value))) throw notFound('Concept');
    return redirect(reply, withNotice(cityPaths.concepts(), 'concetto-modificato'));
  });

  app.get('/gestione-wemi/tassonomie/concetti-di-ricerca/:id/elimina', privateRoute({ roles: ROLES }), async (request, reply) => {
    return reply.page(ConceptDeletePage({ ctx: request.ctx, concept: await conceptParam(request) }));
  });

  app.post('/gestione-wemi/tassonomie/concetti-di-ricerca/:id/elimina', privateRoute({ roles: ROLES }, 'catalogue.concept.delete'), async (request, reply) => {
    const concept = await conceptParam(request);
    if (!(await removeConcept(db, actorOf(request), concept.id))) throw notFound('Concept');
    return redirect(reply, withNotice(cityPaths.concepts(), 'concetto-eliminato'));
  });
}
