import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAQ_QUESTION_IDS } from '../../src/features/pages/pages.view';
import { createTestApp, type TestApp } from '../support/app';

// Every footer page renders in Italian and English with its key content and the feedback widget.
const PAGES: { path: string; it: { title: string; key: string[] }; en: { title: string; key: string[] } }[] = [
  {
    path: '/faq',
    it: { title: 'Domande frequenti', key: ['Che cos’è WeMi?', 'Quanto costano i servizi?', 'Che cosa sono gli Spazi WeMi?', 'Che cos’è lo 02.02.02?', 'Come vengono trattati i miei dati?'] },
    en: { title: 'Frequently asked questions', key: ['What is WeMi?', 'How much do the services cost?', 'What is 02.02.02?'] },
  },
  {
    path: '/privacy',
    it: { title: 'Informativa privacy', key: ['Titolare del trattamento', 'Responsabile della protezione dei dati', 'Finalità e base giuridica', 'Per quanto tempo conserviamo i dati', 'I tuoi diritti', 'mailto:dpo@comune.milano.it', 'garanteprivacy.it'] },
    en: { title: 'Privacy notice', key: ['Data controller', 'Data Protection Officer', 'Purposes and legal basis', 'Your rights'] },
  },
  {
    path: '/note-legali',
    it: { title: 'Note legali', key: ['Licenza dei contenuti', 'CC BY 4.0', 'articolo 52 del decreto legislativo 7 marzo 2005, n. 82 (CAD)', 'creativecommons.org/licenses/by/4.0'] },
    en: { title: 'Legal notes', key: ['Content licence', 'CC BY 4.0', 'Article 52'] },
  },
  {
    path: '/accessibilita',
    it: { title: 'Dichiarazione di accessibilità', key: ['Stato di conformità', 'Contenuti non accessibili', 'Meccanismo di feedback', 'Procedura di attuazione', 'https://form.agid.gov.it'] },
    en: { title: 'Accessibility statement', key: ['Compliance status', 'Feedback mechanism', 'Enforcement procedure'] },
  },
  {
    path: '/piano-di-miglioramento',
    it: { title: 'Piano di miglioramento del sito', key: ['Interventi previsti', 'Novità', 'Eventi', 'form.agid.gov.it'] },
    en: { title: 'Site improvement plan', key: ['Planned work', 'News', 'Events'] },
  },
  {
    path: '/contatti',
    it: { title: 'Contatti', key: ['href="tel:020202"', 'mailto:protocollo@postacert.comune.milano.it', 'href="/spazi-wemi"', 'href="#feedback-title"'] },
    en: { title: 'Contacts', key: ['Contact centre 02.02.02', 'Certified e-mail'] },
  },
  {
    path: '/mappa-del-sito',
    it: { title: 'Mappa del sito', key: ['Aree tematiche e categorie', 'href="/note-legali"', 'href="/api/v1/openapi.json"'] },
    en: { title: 'Site map', key: ['Topics and categories', 'Main pages'] },
  },
];

describe('footer content pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  for (const p of PAGES) {
    for (const locale of ['it', 'en'] as const) {
      it(`${p.path} renders in ${locale} with its key sections and the feedback widget`, async () => {
        const res = await t.app.inject(`${p.path}?lang=${locale}`);
        expect(res.statusCode).toBe(200);
        expect(res.body).toContain(`<html lang="${locale}">`);
        const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(res.body)?.[1];
        expect(h1).toBe(p[locale].title);
        expect((res.body.match(/<h1[\s>]/g) ?? []).length).toBe(1);
        for (const k of p[locale].key) expect(res.body, k).toContain(k);
        expect(res.body).toContain('data-element="feedback"');
        expect(res.body).toContain(`name="page" value="${p.path}"`);
      });
    }
  }

  it('FAQ: an accordion of details/summary that works without JavaScript', async () => {
    const res = await t.app.inject('/faq');
    expect((res.body.match(/<details class="wemi-faq"/g) ?? []).length).toBe(FAQ_QUESTION_IDS.length);
    expect((res.body.match(/<summary>/g) ?? []).length).toBe(FAQ_QUESTION_IDS.length);
    expect(res.body).toContain('data-element="page-index"');
  });

  it('site map lists every section, category, Spazio WeMi and City service from the database', async () => {
    const terms = await t.db.query<{ code: string; slug: string }>(
      `select x.code, t.slug from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code in ('section', 'category') and t.active`,
    );
    const spazi = await t.db.query<{ slug: string }>(`select slug from location where kind = 'spazio_wemi' and active`);
    const city = await t.db.query<{ slug: string }>(`select slug from city_service`);
    expect(spazi.length).toBeGreaterThan(0);
    expect(city.length).toBe(5);
    const res = await t.app.inject('/mappa-del-sito');
    for (const term of terms) expect(res.body).toContain(`href="/${term.code === 'section' ? 'aree' : 'categorie'}/${term.slug}"`);
    for (const s of spazi) expect(res.body).toContain(`href="/spazi-wemi/${s.slug}"`);
    for (const c of city) expect(res.body).toContain(`href="/servizi-del-comune/${c.slug}"`);
    for (const page of ['/faq', '/privacy', '/note-legali', '/accessibilita', '/contatti']) expect(res.body).toContain(`href="${page}"`);
  });

  it('note legali links to the licence and names it in the page', async () => {
    const res = await t.app.inject('/note-legali');
    expect(res.body).toMatch(/<section id="licenza-dei-contenuti"[^>]*>\s*<h2[^>]*>Licenza dei contenuti<\/h2>/);
    expect(res.body).toContain('rel="license"');
  });
});
