import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import type { Queryable } from '../../db/database';
import type { Locale } from '../../i18n/i18n';
import { apiGet } from '../../lib/http/api';
import { cachedByCatalogue } from '../../lib/catalogue-cache';
import { groupOf } from './home.groups';
import { presentGroups, presentSection, presentSpazio, presentStats, presentTerm, type HomeData } from './home.presenter';
import { countCitizens, countServicesByCategory, countSpaziByMunicipio, loadSpaziSample, loadStats, loadTerms } from './home.repository';
import { HomePage } from './home.view';

const SPAZI_ON_HOME = 3;
/** Refresh the cached home data at least this often, even when the catalogue counter did not move. */
const CATALOGUE_TTL_MS = 10 * 60_000;

export async function loadHomeData(db: Queryable, locale: Locale): Promise<HomeData> {
  const [stats, sectionRows, categoryRows, byCategory, spaziRows, spaziCounts] = await Promise.all([
    loadStats(db),
    loadTerms(db, 'section'),
    loadTerms(db, 'category'),
    countServicesByCategory(db),
    loadSpaziSample(db, SPAZI_ON_HOME),
    countSpaziByMunicipio(db),
  ]);
  const sectionOrder = new Map(sectionRows.map((s, i) => [s.id, i]));
  const sectionCode = new Map(sectionRows.map((s) => [s.id, s.code]));
  const bySection = new Map<string, number>();
  for (const c of categoryRows) {
    if (c.parent_id) bySection.set(c.parent_id, (bySection.get(c.parent_id) ?? 0) + (byCategory.get(c.id) ?? 0));
  }
  // Categories in the order of their section, then their own; each in the one group it belongs to.
  const categories = categoryRows
    .map((c, i) => ({ c, i }))
    .sort((a, b) => {
      const sa = a.c.parent_id !== null ? (sectionOrder.get(a.c.parent_id) ?? 99) : 99;
      const sb = b.c.parent_id !== null ? (sectionOrder.get(b.c.parent_id) ?? 99) : 99;
      return sa - sb || a.i - b.i;
    })
    .map(({ c }) => ({
      term: presentTerm(c, locale, byCategory.get(c.id) ?? 0, 'folder'),
      group: groupOf(c.code, c.parent_id !== null ? (sectionCode.get(c.parent_id) ?? null) : null),
    }));
  const spaziByMunicipio = [...spaziCounts.entries()]
    .filter(([m]) => m >= 1 && m <= 9)
    .sort(([a], [b]) => a - b)
    .map(([municipio, count]) => ({ municipio, count }));
  return {
    stats: presentStats(stats),
    sections: sectionRows.map((s) => presentSection(presentTerm(s, locale, bySection.get(s.id) ?? 0, 'folder'))),
    groups: presentGroups(categories),
    spazi: spaziRows.map(presentSpazio),
    spaziByMunicipio,
    spaziTotal: [...spaziCounts.values()].reduce((a, b) => a + b, 0),
  };
}

export const statsApiSchema = z.object({
  services: z.number().int().describe('Public services: published cards of active enti'),
  organizations: z.number().int().describe('Active enti'),
  operators: z.number().int().describe('Operators declared by the active enti'),
  citizens: z.number().int().describe('Registered citizens'),
});

export function registerHomeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  app.get('/', { config: { access: 'public' } }, async (request, reply) => {
    const ctx = request.ctx;
    // The counts behind the home page scan the whole catalogue: kept until the catalogue changes; the
    // registered-citizens counter is read live.
    const [cached, citizens] = await Promise.all([cachedByCatalogue(db, `home:${ctx.locale}`, CATALOGUE_TTL_MS, () => loadHomeData(db, ctx.locale)), countCitizens(db)]);
    const data = { ...cached, stats: { ...cached.stats, citizens } };
    return reply.page(HomePage({ ctx, data }));
  });

  apiGet(
    app,
    {
      url: '/api/v1/stats',
      operationId: 'getStats',
      summary: 'Public counters of WeMi',
      description: 'The counters shown on the home page, computed live from the catalogue.',
      tags: ['Statistics'],
      access: 'public',
      response: statsApiSchema,
    },
    async () => {
      const [stats, citizens] = await Promise.all([cachedByCatalogue(db, 'home:stats', CATALOGUE_TTL_MS, () => loadStats(db)), countCitizens(db)]);
      return presentStats({ ...stats, citizens });
    },
  );
}
