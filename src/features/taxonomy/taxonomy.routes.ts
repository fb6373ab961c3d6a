import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import type { Db } from '../../db/database';
import { isLocale, type Locale } from '../../i18n/i18n';
import { apiGet } from '../../lib/http/api';
import { notFound } from '../../lib/http/errors';
import { q } from '../../lib/http/validation';
import {
  categoryToApi,
  presentCountedTerm,
  presentOrganization,
  presentTerm,
  sectionToApi,
  vocabulariesToApi,
  type CategoryPageData,
  type SectionPageData,
} from './taxonomy.presenter';
import {
  countCategoryServices,
  findTerm,
  findTermById,
  listCategoriesWithCounts,
  listCategoryOrganizations,
  listServiceTypesWithCounts,
  listVocabularies,
  listVocabularyTerms,
} from './taxonomy.repository';
import { CategoryPage, SectionPage } from './taxonomy.view';

// Sections (/aree/:slug) and categories (/categorie/:slug) of the catalogue, and the taxonomy JSON API.

export async function loadSection(db: Db, slug: string, locale: Locale): Promise<SectionPageData | undefined> {
  const row = await findTerm(db, 'section', slug);
  if (!row) return undefined;
  const categories = (await listCategoriesWithCounts(db, row.id)).map((c) => presentCountedTerm(c, locale));
  return {
    section: presentTerm(row, locale),
    categories,
    publicServices: categories.reduce((sum, c) => sum + c.publicServices, 0),
  };
}

export async function loadCategory(db: Db, slug: string, locale: Locale): Promise<CategoryPageData | undefined> {
  const row = await findTerm(db, 'category', slug);
  if (!row) return undefined;
  const [parent, types, orgs, total] = await Promise.all([
    row.parent_id ? findTermById(db, row.parent_id) : Promise.resolve(undefined),
    listServiceTypesWithCounts(db, row.id),
    listCategoryOrganizations(db, row.id),
    countCategoryServices(db, row.id),
  ]);
  return {
    category: presentTerm(row, locale),
    section: parent ? presentTerm(parent, locale) : null,
    serviceTypes: types.map((t) => presentCountedTerm(t, locale)),
    organizations: orgs.map(presentOrganization),
    publicServices: total,
  };
}

const langQuery = z.object({ lang: q.enumOf(['it', 'en']).describe('Language of names and descriptions (default it)') });
const slugParams = z.object({ slug: z.string().min(1).max(200) });
const apiLocale = (lang: unknown): Locale => (isLocale(lang) ? lang : 'it');

const termBase = {
  id: z.uuid(),
  code: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
};

const taxonomiesSchema = z.object({
  taxonomies: z.array(
    z.object({
      id: z.uuid(),
      code: z.string().describe('section, category, service_type, target_group, task, time_band, municipio, support_scheme'),
      name: z.string(),
      description: z.string(),
      uri: z.string().nullable(),
      version: z.string(),
      terms: z.array(
        z.object({
          ...termBase,
          icon: z.string().nullable(),
          position: z.number().int(),
          parent: z.object({ id: z.uuid(), code: z.string(), slug: z.string() }).nullable(),
        }),
      ),
    }),
  ),
});

const sectionSchema = z.object({
  ...termBase,
  icon: z.string().nullable(),
  publicServices: z.number().int().describe('Public services in the section'),
  url: z.string(),
  searchUrl: z.string(),
  categories: z.array(
    z.object({
      ...termBase,
      icon: z.string().nullable(),
      publicServices: z.number().int(),
      url: z.string(),
      searchUrl: z.string(),
    }),
  ),
});

const categorySchema = z.object({
  ...termBase,
  icon: z.string().nullable(),
  section: z.object({ id: z.uuid(), code: z.string(), slug: z.string(), name: z.string(), url: z.string() }).nullable(),
  publicServices: z.number().int().describe('Public services in the category'),
  url: z.string(),
  searchUrl: z.string(),
  serviceTypes: z.array(z.object({ ...termBase, publicServices: z.number().int(), searchUrl: z.string() })),
  organizations: z
    .array(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        name: z.string(),
        isDemo: z.boolean(),
        publicServices: z.number().int(),
        url: z.string(),
      }),
    )
    .describe('Active enti with public services in the category'),
});

export function registerTaxonomyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const baseUrl = config.publicBaseUrl;

  app.get<{ Params: { slug: string } }>('/aree/:slug', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = request.ctx;
    const data = await loadSection(db, request.params.slug, ctx.locale);
    if (!data) throw notFound('Section');
    return reply.page(SectionPage({ ctx, data }));
  });

  app.get<{ Params: { slug: string } }>('/categorie/:slug', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = request.ctx;
    const data = await loadCategory(db, request.params.slug, ctx.locale);
    if (!data) throw notFound('Category');
    return reply.page(CategoryPage({ ctx, data }));
  });

  apiGet(
    app,
    {
      url: '/api/v1/taxonomies',
      operationId: 'listTaxonomies',
      summary: 'Every vocabulary of the catalogue with its active terms',
      description: 'Sections, categories, service types, target groups, tasks, time bands, Municipi and support schemes.',
      tags: ['Taxonomies'],
      access: 'public',
      query: langQuery,
      response: taxonomiesSchema,
    },
    async ({ query }) => {
      const locale = apiLocale(query.lang);
      const [vocabularies, terms] = await Promise.all([listVocabularies(db), listVocabularyTerms(db)]);
      return { taxonomies: vocabulariesToApi(vocabularies, terms, locale) };
    },
  );

  apiGet(
    app,
    {
      url: '/api/v1/sections/:slug',
      operationId: 'getSection',
      summary: 'A section (area tematica) with its categories and public-service counts',
      tags: ['Taxonomies'],
      access: 'public',
      params: slugParams,
      query: langQuery,
      response: sectionSchema,
      errors: { 404: 'Section not found' },
    },
    async ({ params, query }) => {
      const data = await loadSection(db, params.slug, apiLocale(query.lang));
      if (!data) throw notFound('Section');
      return sectionToApi(data, baseUrl);
    },
  );

  apiGet(
    app,
    {
      url: '/api/v1/categories/:slug',
      operationId: 'getCategory',
      summary: 'A category with its service types, public-service counts and the enti offering it',
      tags: ['Taxonomies'],
      access: 'public',
      params: slugParams,
      query: langQuery,
      response: categorySchema,
      errors: { 404: 'Category not found' },
    },
    async ({ params, query }) => {
      const data = await loadCategory(db, params.slug, apiLocale(query.lang));
      if (!data) throw notFound('Category');
      return categoryToApi(data, baseUrl);
    },
  );
}
