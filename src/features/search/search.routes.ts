import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { AppDeps } from '../../deps';
import type { Db } from '../../db/database';
import type { Translate } from '../../i18n/i18n';
import { apiGet } from '../../lib/http/api';
import { badRequest, type FieldIssue } from '../../lib/http/errors';
import { issuesOf } from '../../lib/http/validation';
import {
  FIELD_OF,
  apiSearchQuerySchema,
  autocompleteQuerySchema,
  autocompleteResponseSchema,
  searchQuerySchema,
  searchResponseSchema,
  toSearchQuery,
  type SearchParams,
} from './search.schema';
import { presentResult } from './search.presenter';
import { autocomplete, findUnknownFilters, popularCategories, searchServices, type SearchQuery, type UnknownFilter } from './search.service';
import { fieldLabelKey, SearchPage, type SearchPageView } from './search.view';

/** 400 issues for filter values that name no taxonomy term ("categoria: Valore sconosciuto: xyz"). */
async function unknownValueIssues(db: Db, query: SearchQuery, t: Translate): Promise<FieldIssue[]> {
  const unknown = await findUnknownFilters(db, query);
  return unknown.map((u) => ({ field: FIELD_OF[u.field], message: t('validation.unknownValue', { value: u.value }) }));
}

/** Messages of the HTML page: the generic ones (exact bounds, the wrong value), an amount example for the price. */
function pageIssues(error: z.ZodError, t: Translate): FieldIssue[] {
  return issuesOf(error, t, searchQuerySchema).map((issue) =>
    issue.field === 'prezzo_max' ? { ...issue, message: t('search.error.money', { max: 10000 }) } : issue,
  );
}

/** Where the error summary links: the control of the field, or the results area. */
const anchorOf = (field: string) => (field === 'pagina' || field === 'per_pagina' || field === '(input)' ? 'search-results' : field);

function first(v: unknown): string | undefined {
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof s === 'string' ? s : undefined;
}

export function registerSearchRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get('/servizi', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = request.ctx;
    const { t } = ctx;
    const input = (request.query ?? {}) as Record<string, unknown>;
    // reportInput: messages quote the wrong value ("Valore sconosciuto: xyz").
    const parsed = searchQuerySchema.safeParse(input, { reportInput: true });
    let params: SearchParams;
    let issues: FieldIssue[] = [];
    const raw: SearchPageView['raw'] = {};
    if (parsed.success) {
      params = parsed.data;
    } else {
      issues = pageIssues(parsed.error, t);
      // Keep every valid field, so the form shows what can be kept; invalid text stays in its box.
      const bad = new Set(issues.map((i) => i.field));
      const shape = searchQuerySchema.shape;
      const partial: Record<string, unknown> = {};
      for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
        if (!bad.has(key)) partial[key] = input[key];
      }
      params = searchQuerySchema.parse(partial);
      if (bad.has('q')) raw.q = first(input.q)?.slice(0, 1000);
      if (bad.has('prezzo_max')) raw.prezzo_max = first(input.prezzo_max)?.slice(0, 20);
    }
    let query = toSearchQuery(params);
    const unknown = await findUnknownFilters(db, query);
    if (unknown.length) {
      issues = [...issues, ...unknown.map((u) => ({ field: FIELD_OF[u.field], message: t('validation.unknownValue', { value: u.value }) }))];
      const isBad = (field: UnknownFilter['field'], value: string) => unknown.some((b) => b.field === field && b.value === value);
      query = {
        ...query,
        section: query.section && !isBad('section', query.section) ? query.section : undefined,
        categories: query.categories.filter((c) => !isBad('categories', c)),
        serviceType: query.serviceType && !isBad('serviceType', query.serviceType) ? query.serviceType : undefined,
        municipi: query.municipi.filter((m) => !isBad('municipi', String(m))),
        targets: query.targets.filter((v) => !isBad('targets', v)),
        timeBands: query.timeBands.filter((v) => !isBad('timeBands', v)),
      };
    }
    if (issues.length) query = { ...query, page: 1 };
    const [result, popular] = await Promise.all([searchServices(db, query, ctx.locale), popularCategories(db, ctx.locale)]);
    const displayIssues = issues.map((i) => ({ field: anchorOf(i.field), message: `${i.field === '(input)' ? '' : `${t(fieldLabelKey(i.field))}: `}${i.message}` }));
    const view: SearchPageView = { query: result.query, result, issues: displayIssues, raw, popular };
    return reply.page(SearchPage({ ctx, view }), issues.length ? 400 : 200);
  });

  apiGet(
    app,
    {
      url: '/api/v1/services',
      operationId: 'searchServices',
      summary: 'Search the public services',
      description:
        'Full-text search in Italian (stemming, accents, typo correction, synonyms) over the published service cards of active ' +
        'organisations, with filters combined by AND (values of one filter by OR), facet counts (each under all the other active ' +
        'filters), sorting and pagination. The same search as the /servizi page.',
      tags: ['Services'],
      access: 'public',
      cache: 'catalogue',
      query: apiSearchQuerySchema,
      response: searchResponseSchema,
    },
    async ({ query: params, request }) => {
      const { t, locale } = request.ctx;
      const query = toSearchQuery(params);
      const unknown = await unknownValueIssues(db, query, t);
      if (unknown.length) throw badRequest('Invalid input', unknown);
      const result = await searchServices(db, query, locale);
      return presentResult(result, locale, t);
    },
  );

  apiGet(
    app,
    {
      url: '/api/v1/autocomplete',
      operationId: 'autocomplete',
      summary: 'Suggestions while typing a search',
      description:
        'Up to 8 suggestions for the text typed so far, grouped in this order: service types, categories, organisations (enti). ' +
        'Typo-tolerant and synonym-aware; only items with public services are suggested. Each suggestion links to the ' +
        'filtered search or to the organisation page.',
      tags: ['Services'],
      access: 'public',
      cache: 'catalogue',
      query: autocompleteQuerySchema,
      response: autocompleteResponseSchema,
    },
    async ({ query, request }) => {
      const { locale, t } = request.ctx;
      const suggestions = await autocomplete(db, query.q, locale);
      const types = [...new Set(suggestions.map((s) => s.type))];
      return {
        q: query.q,
        suggestions,
        groups: types.map((type) => ({ type, label: t(`search.autocomplete.group.${type}`) })),
        status: suggestions.length ? t('search.autocomplete.results', { count: suggestions.length }) : t('search.autocomplete.none'),
      };
    },
  );
}
