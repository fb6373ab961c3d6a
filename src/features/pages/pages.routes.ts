import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps';
import { formatDate } from '../../i18n/i18n';
import { loadSitemapCityServices, loadSitemapSpazi, loadSitemapTerms } from './pages.repository';
import {
  A11Y_STATEMENT_DATE,
  AccessibilityPage,
  ContactsPage,
  FaqPage,
  ImprovementPlanPage,
  LegalPage,
  PrivacyPage,
  SitemapPage,
  type SitemapData,
} from './pages.view';

// The footer content pages (and the site improvement plan). Static texts come from the message catalogue; the site map also reads the
// sections, categories, Spazi WeMi and City services from the database.

export function registerContentPageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  const page = { config: { access: 'public' as const } };

  app.get('/faq', page, async (request, reply) => reply.page(FaqPage({ ctx: request.ctx })));
  app.get('/privacy', page, async (request, reply) => reply.page(PrivacyPage({ ctx: request.ctx })));
  app.get('/note-legali', page, async (request, reply) => reply.page(LegalPage({ ctx: request.ctx })));
  app.get('/accessibilita', page, async (request, reply) =>
    reply.page(AccessibilityPage({ ctx: request.ctx, statementDate: formatDate(request.ctx.locale, A11Y_STATEMENT_DATE) })),
  );
  app.get('/piano-di-miglioramento', page, async (request, reply) => reply.page(ImprovementPlanPage({ ctx: request.ctx })));
  app.get('/contatti', page, async (request, reply) => reply.page(ContactsPage({ ctx: request.ctx })));

  app.get('/mappa-del-sito', page, async (request, reply) => {
    const ctx = request.ctx;
    const en = ctx.locale === 'en';
    const name = (r: { name_it: string; name_en: string }) => (en && r.name_en.trim() !== '' ? r.name_en : r.name_it);
    const [sections, categories, spazi, cityServices] = await Promise.all([
      loadSitemapTerms(db, 'section'),
      loadSitemapTerms(db, 'category'),
      loadSitemapSpazi(db),
      loadSitemapCityServices(db),
    ]);
    const data: SitemapData = {
      sections: sections.map((s) => ({
        slug: s.slug,
        name: name(s),
        categories: categories.filter((c) => c.parent_id === s.id).map((c) => ({ slug: c.slug, name: name(c) })),
      })),
      spazi: spazi.map((s) => ({ slug: s.slug, name: s.name, municipio: s.municipio })),
      cityServices: cityServices.map((c) => ({ slug: c.slug, name: name(c) })),
    };
    return reply.page(SitemapPage({ ctx, data }));
  });
}
