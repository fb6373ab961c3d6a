import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { isLocale, type Locale } from '../../i18n/i18n';
import { apiGet } from '../../lib/http/api';
import { notFound } from '../../lib/http/errors';
import { q } from '../../lib/http/validation';
import { cityServiceToApi, presentCityService } from './city-services.presenter';
import { findCityService, listCityServices } from './city-services.repository';
import { CityServicePage, CityServicesListPage } from './city-services.view';

// The City's access services (Carta dei Servizi Welfare e Salute): pages and JSON API.

const slugParam = z.object({ slug: z.string().min(1).max(200).describe('Slug of the City service') });
const langQuery = q.enumOf(['it', 'en']).describe('Language of the texts (default it)');
const apiLocale = (lang: unknown): Locale => (isLocale(lang) ? lang : 'it');

const locationSchema = z
  .object({
    name: z.string(),
    address: z.object({ street: z.string(), postalCode: z.string(), city: z.string(), text: z.string().describe('The full address on one line') }),
    coordinates: z.object({ lat: z.number(), lng: z.number() }).nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  })
  .nullable()
  .describe('Where the service is offered in person, when it has one place');

export const cityServiceApiSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  summary: z.string().describe('Purpose of the service (paragraphs separated by new lines; "- " starts a list item)'),
  audience: z.string().describe('Who it is for'),
  offers: z.string().describe('What the service offers'),
  howToAccess: z.string(),
  documents: z.string().describe('Documents needed'),
  cost: z.string(),
  hours: z.string().describe('Opening hours'),
  contacts: z.string(),
  qualityStandards: z.array(z.string()).describe('Quality standards of the Carta dei Servizi'),
  location: locationSchema,
  updatedAt: z.string().describe('ISO 8601 timestamp'),
  url: z.string().describe('Web page of the service'),
});

export function registerCityServiceRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const baseUrl = config.publicBaseUrl;

  app.get('/servizi-del-comune', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = request.ctx;
    const services = (await listCityServices(db)).map((r) => presentCityService(r, ctx.locale));
    return reply.page(CityServicesListPage({ ctx, services }));
  });

  app.get<{ Params: { slug: string } }>('/servizi-del-comune/:slug', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = request.ctx;
    const row = await findCityService(db, request.params.slug);
    if (!row) throw notFound('City service');
    return reply.page(CityServicePage({ ctx, service: presentCityService(row, ctx.locale) }));
  });

  apiGet(
    app,
    {
      url: '/api/v1/city-services',
      operationId: 'listCityServices',
      summary: "List the City's access services",
      description: 'The access services of the City of Milan from the Carta dei Servizi Welfare e Salute (02.02.02, Sistema WeMi, …).',
      tags: ['City services'],
      access: 'public',
      query: z.object({ lang: langQuery }),
      response: z.object({ total: z.number().int(), items: z.array(cityServiceApiSchema) }),
    },
    async ({ query }) => {
      const locale = apiLocale(query.lang);
      const items = (await listCityServices(db)).map((r) => cityServiceToApi(presentCityService(r, locale), baseUrl));
      return { total: items.length, items };
    },
  );

  apiGet(
    app,
    {
      url: '/api/v1/city-services/:slug',
      operationId: 'getCityService',
      summary: "One of the City's access services",
      tags: ['City services'],
      access: 'public',
      params: slugParam,
      query: z.object({ lang: langQuery }),
      response: cityServiceApiSchema,
      errors: { 404: 'City service not found' },
    },
    async ({ params, query }) => {
      const row = await findCityService(db, params.slug);
      if (!row) throw notFound('City service');
      return cityServiceToApi(presentCityService(row, apiLocale(query.lang)), baseUrl);
    },
  );
}
