import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { apiGet } from '../../lib/http/api';
import { notFound } from '../../lib/http/errors';
import { q } from '../../lib/http/validation';
import { isLocale, type Locale } from '../../i18n/i18n';
import {
  milanWeekday,
  neighbouringMunicipi,
  presentSpazio,
  spazioJsonLd,
  presentSpazioOrganization,
  presentSpazioService,
  spazioDetailToApi,
  spazioToApi,
} from './spazi.presenter';
import { findSpazio, listSpazi, listSpazioOrganizations, listSpazioServices } from './spazi.repository';
import { SpaziListPage, SpazioArchivedPage, SpazioPage } from './spazi.view';

// Spazi WeMi: the list with its overview map (filterable by Municipio), the page of each Spazio with its map and
// opening hours, and their JSON API. Confirmed and unconfirmed Spazi are public; an archived one is not listed and
// its page answers 410 Gone with a notice and the way to the others (the API answers 404, as for any unknown slug).

const openingRangeSchema = z.object({
  weekday: z.number().int().min(1).max(7).describe('ISO weekday: 1 Monday … 7 Sunday'),
  opens: z.string().describe('HH:MM'),
  closes: z.string().describe('HH:MM'),
});

const listQuery = z.object({ municipio: q.int(1, 9) });

const langQuery = q.enumOf(['it', 'en']).describe('Language of the texts (default it)');

const addressSchema = z.object({
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  text: z.string().describe('The full address on one line'),
});

export const spazioApiSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  municipio: z.number().int().min(1).max(9).nullable().describe('Municipio number (1–9)'),
  address: addressSchema,
  coordinates: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  hours: z.string().describe('Free-text note on the opening hours'),
  openingHours: z.array(openingRangeSchema).describe('Opening hours by weekday; empty when not known yet'),
  status: z
    .enum(['confirmed', 'unconfirmed', 'archived'])
    .describe('confirmed: in the Carta dei Servizi; unconfirmed: named only in older City documents (archived ones are never listed)'),
  description: z.string(),
  managedBy: z.string().describe('Managing organisation as written in the sources'),
  managingOrganization: z.object({ slug: z.string(), name: z.string(), url: z.string() }).nullable(),
  isDemo: z.boolean(),
  url: z.string().describe('Page of the Spazio WeMi'),
});

export const spazioDetailApiSchema = spazioApiSchema.extend({
  organizations: z
    .array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), isDemo: z.boolean(), url: z.string() }))
    .describe('Active enti linked to the Spazio WeMi'),
  services: z
    .array(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        name: z.string(),
        summary: z.string(),
        serviceType: z.string(),
        organization: z.object({ slug: z.string(), name: z.string() }),
        offerType: z.enum(['free_public', 'free_volunteer', 'paid']),
        priceFrom: z.number().nullable(),
        priceUnit: z.string(),
        isDemo: z.boolean(),
        url: z.string(),
      }),
    )
    .describe('Public services delivered at the Spazio WeMi'),
});

const apiLocale = (lang: unknown): Locale => (isLocale(lang) ? lang : 'it');

export function registerSpaziRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const baseUrl = config.publicBaseUrl;

  app.get('/spazi-wemi', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = request.ctx;
    const parsed = listQuery.safeParse(request.query);
    if (!parsed.success) {
      const rawValue = (request.query as Record<string, unknown>).municipio;
      const value = String(Array.isArray(rawValue) ? rawValue[rawValue.length - 1] : (rawValue ?? ''));
      const error = { value, message: ctx.t('spazi.error.municipio', { value: value.slice(0, 40) }) };
      return reply.page(SpaziListPage({ ctx, spazi: [], error }), 400);
    }
    const municipio = parsed.data.municipio;
    const rows = await listSpazi(db, municipio ? [municipio] : undefined);
    const spazi = rows.map((r) => presentSpazio(r, ctx.locale));
    let nearby: ReturnType<typeof presentSpazio>[] = [];
    if (municipio && spazi.length === 0) {
      nearby = (await listSpazi(db, neighbouringMunicipi(municipio))).map((r) => presentSpazio(r, ctx.locale));
    }
    return reply.page(SpaziListPage({ ctx, spazi, municipio, nearby }));
  });

  app.get<{ Params: { slug: string } }>('/spazi-wemi/:slug', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = request.ctx;
    const row = await findSpazio(db, request.params.slug);
    if (!row) throw notFound('Spazio WeMi');
    const spazio = presentSpazio(row, ctx.locale);
    if (row.status === 'archived') return reply.page(SpazioArchivedPage({ ctx, spazio }), 410);
    const [orgs, services] = await Promise.all([listSpazioOrganizations(db, row.id), listSpazioServices(db, row.id)]);
    return reply.page(
      SpazioPage({
        ctx,
        spazio,
        today: milanWeekday(),
        jsonLd: spazioJsonLd(spazio, baseUrl),
        organizations: orgs.map((o) => presentSpazioOrganization(o, ctx.locale)),
        services: services.map((s) => presentSpazioService(s, ctx.locale)),
      }),
    );
  });

  apiGet(
    app,
    {
      url: '/api/v1/spazi',
      operationId: 'listSpazi',
      summary: 'List the public Spazi WeMi',
      description:
        'Every public Spazio WeMi (confirmed in the Carta dei Servizi, or named only in older documents: see `status`), ordered by Municipio and name; optionally only those of one Municipio.',
      tags: ['Spazi WeMi'],
      access: 'public',
      query: z.object({ municipio: q.int(1, 9).describe('Municipio number, 1–9'), lang: langQuery }),
      response: z.object({ total: z.number().int(), items: z.array(spazioApiSchema) }),
    },
    async ({ query }) => {
      const locale = apiLocale(query.lang);
      const rows = await listSpazi(db, query.municipio ? [query.municipio] : undefined);
      const items = rows.map((r) => spazioToApi(presentSpazio(r, locale), baseUrl));
      return { total: items.length, items };
    },
  );

  apiGet(
    app,
    {
      url: '/api/v1/spazi/:slug',
      operationId: 'getSpazio',
      summary: 'One Spazio WeMi, with its enti and services',
      tags: ['Spazi WeMi'],
      access: 'public',
      params: z.object({ slug: z.string().min(1).max(200).describe('Slug of the Spazio WeMi') }),
      query: z.object({ lang: langQuery }),
      response: spazioDetailApiSchema,
      errors: { 404: 'Spazio WeMi not found (or archived)' },
    },
    async ({ params, query }) => {
      const locale = apiLocale(query.lang);
      const row = await findSpazio(db, params.slug);
      if (!row || row.status === 'archived') throw notFound('Spazio WeMi');
      const [orgs, services] = await Promise.all([listSpazioOrganizations(db, row.id), listSpazioServices(db, row.id)]);
      return spazioDetailToApi(
        presentSpazio(row, locale),
        orgs.map((o) => presentSpazioOrganization(o, locale)),
        services.map((s) => presentSpazioService(s, locale)),
        baseUrl,
      );
    },
  );
}
