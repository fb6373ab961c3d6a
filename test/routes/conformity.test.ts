import { readFileSync } from 'node:fs';
import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import { TOPICS } from '../../src/features/topics/topics.data';
import { MAIN_MENU } from '../../src/web/layout';
import { createTestApp, type TestApp } from '../support/app';

// The national conformity criteria of the Designers Italia "Modello Comuni", read the way the official AGID
// validator (italia/pa-website-validator-ng, municipality type) reads them: the same data-element selectors, through
// the same HTML library (cheerio), with the same comparisons. One test per criterion.

/** The model's first-level menu items, in order (validator: storage/municipality/menuItems.ts). */
const MODEL_MENU = ['management', 'news', 'all-services', 'live'] as const;

/** Sections of a service page's index, in order (validator: storage/municipality/contentTypeItems.ts). */
const SERVICE_INDEX = ['A chi è rivolto', 'Come fare', 'Cosa serve', 'Cosa si ottiene', 'Tempi e scadenze', 'Accedi al servizio', 'Condizioni di servizio', 'Contatti'];

/** The model's "Licenza dei contenuti" text (validator: audits/license/legalNotes.ts). */
const LEGAL_NOTES_TEXT =
  'In applicazione del principio open by default ai sensi dell’articolo 52 del decreto legislativo 7 marzo 2005, n. 82 (CAD) e salvo dove diversamente specificato (compresi i contenuti incorporati di terzi), i dati, i documenti e le informazioni pubblicati sul sito sono rilasciati con licenza CC-BY 4.0. ' +
  'Gli utenti sono quindi liberi di condividere (riprodurre, distribuire, comunicare al pubblico, esporre in pubblico), rappresentare, eseguire e recitare questo materiale con qualsiasi mezzo e formato e modificare (trasformare il materiale e utilizzarlo per opere derivate) per qualsiasi fine, anche commerciale con il solo onere di attribuzione, senza apporre restrizioni aggiuntive.';

/** The model's controlled vocabulary of topics (validator: audits/municipality_vocabulary/controlledVocabulary.ts). */
const MODEL_TOPICS = [
  'Accesso all\'informazione', 'Acqua', 'Agricoltura', 'Anagrafe', 'Animale domestico', 'Aria', 'Assistenza agli invalidi', 'Assistenza sociale',
  'Associazioni', 'Bilancio', 'Commercio al minuto', 'Commercio all\'ingrosso', 'Commercio ambulante', 'Comunicazione istituzionale',
  'Comunicazione politica', 'Concorsi', 'Covid-19', 'Elezioni', 'Energie rinnovabili', 'Estero', 'Foreste', 'Formazione professionale',
  'Gemellaggi', 'Gestione rifiuti', 'Giustizia', 'Igiene pubblica', 'Immigrazione', 'Imposte', 'Imprese', 'Inquinamento', 'Integrazione sociale',
  'Isolamento termico', 'Istruzione', 'Lavoro', 'Matrimonio', 'Mercato', 'Mobilità sostenibile', 'Morte', 'Nascita', 'Parcheggi',
  'Patrimonio culturale', 'Pesca', 'Piano di sviluppo', 'Pista ciclabile', 'PNRR', 'Politica commerciale', 'Polizia', 'Prodotti alimentari',
  'Protezione civile', 'Residenza', 'Risposta alle emergenze', 'Sistema giuridico', 'Spazio Verde', 'Sport', 'Sviluppo sostenibile',
  'Tassa sui servizi', 'Tempo libero', 'Trasparenza amministrativa', 'Trasporto pubblico', 'Turismo', 'Urbanizzazione', 'Viaggi', 'Zone pedonali', 'ZTL',
].map((x) => x.toLowerCase());

const BI_VERSION = JSON.parse(readFileSync('node_modules/bootstrap-italia/package.json', 'utf8')).version as string;

describe('Designers Italia / AGID conformity criteria', () => {
  let t: TestApp;
  let home: cheerio.CheerioAPI;
  let homeHtml: string;
  const load = async (url: string) => {
    const res = await t.app.inject(url);
    expect(res.statusCode, url).toBe(200);
    return cheerio.load(res.body);
  };
  const status = async (url: string) => (await t.app.inject(url)).statusCode;
  const hrefs = ($: cheerio.CheerioAPI, selector: string) =>
    $(selector)
      .toArray()
      .map((e) => $(e).attr('href') ?? '')
      .filter((h) => h !== '' && h !== '#');

  beforeAll(async () => {
    t = await createTestApp();
    homeHtml = (await t.app.inject('/')).body;
    home = cheerio.load(homeHtml);
  });
  afterAll(async () => t?.close());

  it('C.SI.1.6 first-level menu: "Servizi" is the all-services item; model items in model order, then WeMi’s own; every item opens a page', async () => {
    const services = home('[data-element="all-services"]');
    expect(services).toHaveLength(1);
    expect(services.attr('href')).toBe('/servizi');
    expect(services.text().trim()).toMatch(/^Servizi$/i);
    // The one menu structure lists the model's four items first, in the model's order, then custom ones.
    expect(MAIN_MENU.slice(0, 4).map((i) => i.element)).toEqual(MODEL_MENU);
    expect(MAIN_MENU.slice(4).every((i) => i.element === 'custom-submenu')).toBe(true);
    // Rendered: the items whose page exists, in the same order; none links to a page that does not exist.
    const rendered = home('[data-element="main-navigation"] > li > a')
      .toArray()
      .map((a) => ({ element: home(a).attr('data-element') ?? '', href: home(a).attr('href') ?? '' }));
    expect(rendered.map((r) => r.element)).toEqual(MAIN_MENU.filter((i) => i.href).map((i) => i.element));
    expect(rendered.length).toBeLessThan(8);
    for (const r of rendered) expect(await status(r.href), r.href).toBe(200);
    // news and live are prepared but not shown until their pages exist.
    for (const el of ['management', 'news', 'live']) expect(home(`[data-element="${el}"]`)).toHaveLength(0);
  });

  it('C.SI.1.3 service pages: the all-services page lists service-link cards that open service pages', async () => {
    const $ = await load(home('[data-element="all-services"]').attr('href')!);
    const links = hrefs($, '[data-element="service-link"]');
    expect(links.length).toBeGreaterThan(0);
    expect(await status(links[0]!)).toBe(200);
  });

  it('C.SI.1.3 page index: data-element="page-index" is the list whose li > a are the index links, with the model’s sections of a service page', async () => {
    const slug = (await t.db.one<{ slug: string }>(`select slug from public_service order by slug limit 1`)).slug;
    const $ = await load(`/servizi/${slug}`);
    const index = $('[data-element="page-index"]');
    expect(index).toHaveLength(1);
    expect(index.prop('tagName')).toBe('UL');
    const entries = index
      .find('> li > a')
      .toArray()
      .map((a) => $(a).text().trim());
    // The validator keeps the index entries that are model sections and checks them in order.
    expect(entries.filter((e) => SERVICE_INDEX.includes(e))).toEqual(SERVICE_INDEX.filter((s) => entries.includes(s)));
    for (const required of ['A chi è rivolto', 'Come fare', 'Cosa serve', 'Cosa si ottiene', 'Tempi e scadenze', 'Accedi al servizio', 'Contatti']) {
      expect(entries, required).toContain(required);
    }
    for (const a of index.find('> li > a').toArray()) {
      const id = ($(a).attr('href') ?? '').replace(/^#/, '');
      expect($(`[id="${id}"]`), id).toHaveLength(1);
    }
  });

  it('page index: every page with an index marks its list (not the surrounding nav) and every entry points to a section of the page', async () => {
    const city = (await t.db.one<{ slug: string }>(`select slug from city_service order by position limit 1`)).slug;
    const ente = (await t.db.one<{ slug: string }>(`select o.slug from organization o join public_service s on s.organization_id = o.id order by o.slug limit 1`)).slug;
    const spazio = (await t.db.one<{ slug: string }>(`select slug from location where kind = 'spazio_wemi' and active and slug is not null order by slug limit 1`)).slug;
    for (const url of ['/faq', '/privacy', '/note-legali', '/accessibilita', '/piano-di-miglioramento', `/servizi-del-comune/${city}`, `/enti/${ente}`, `/spazi-wemi/${spazio}`]) {
      const $ = await load(url);
      const index = $('[data-element="page-index"]');
      expect(index, url).toHaveLength(1);
      expect(index.prop('tagName'), url).toBe('UL');
      const links = index.find('> li > a').toArray();
      expect(links.length, url).toBeGreaterThan(0);
      for (const a of links) {
        expect($(a).text().trim().length, url).toBeGreaterThan(0);
        const id = ($(a).attr('href') ?? '').replace(/^#/, '');
        expect($(`[id="${id}"]`), `${url} #${id}`).toHaveLength(1);
      }
    }
  });

  it('C.SI.1.2 Bootstrap Italia: its start-up script sets window.BOOTSTRAP_ITALIA_VERSION, and --bootstrap-italia-version is readable (double quotes)', async () => {
    // The page loads the bundle built from src/client/main.ts, same origin (the CSP allows only 'self' scripts).
    const scripts = home('script[src]')
      .toArray()
      .map((s) => home(s).attr('src')!);
    const main = scripts.find((s) => /^\/static\/js\/main\.[\w-]+\.js$/.test(s));
    expect(main).toBeDefined();
    const js = (await t.app.inject(main!)).body;
    expect(js).toMatch(new RegExp(`BOOTSTRAP_ITALIA_VERSION\\s*=\\s*\\w+|BOOTSTRAP_ITALIA_VERSION\\s*=\\s*"${BI_VERSION.replaceAll('.', '\\.')}"`));
    expect(js).toContain(`"${BI_VERSION}"`);
    const css = home('link[rel="stylesheet"]')
      .toArray()
      .map((l) => home(l).attr('href')!)
      .find((h) => h.includes('bootstrap-italia'));
    const cssBody = (await t.app.inject(css!)).body;
    expect(cssBody).toContain(`--bootstrap-italia-version: "${BI_VERSION}"`);
    expect(cssBody).not.toMatch(/--bootstrap-italia-version:\s*'/);
  });

  it('C.SI.3.4 legal notes: the footer link opens a page with the "Licenza dei contenuti" section and the model’s text', async () => {
    const link = home('footer').find('[data-element="legal-notes"]');
    expect(link.attr('href')).toBe('/note-legali');
    const $ = await load(link.attr('href')!);
    const section = $('[data-element="legal-notes-section"]');
    expect(section).toHaveLength(1);
    expect(section.text().trim().toLowerCase()).toBe('licenza dei contenuti');
    let body = '';
    for (const e of $('[data-element="legal-notes-body"]').toArray()) body += `${$(e).text()} `;
    body = body.trim().toLowerCase().replaceAll(/\s+/g, ' ').replaceAll("'", '’');
    expect(body).toBe(LEGAL_NOTES_TEXT.toLowerCase());
  });

  it('C.SI.1.5 vocabulary of topics: an all-topics link opens the topics, whose topic-element names are all in the model’s vocabulary, each with its page', async () => {
    const link = hrefs(home, '[data-element="all-topics"]');
    expect(link[0]).toBe('/argomenti');
    const $ = await load(link[0]!);
    const topics = $('[data-element="topic-element"]').toArray();
    expect(topics.map((e) => $(e).text().trim())).toEqual(TOPICS.map((x) => x.it));
    for (const e of topics) expect(MODEL_TOPICS, $(e).text().trim()).toContain($(e).text().trim().toLowerCase());
    // Every topic page lists catalogue categories that open.
    for (const e of topics) {
      const page = await load($(e).attr('href')!);
      expect(page('h1').text().trim()).toBe($(e).text().trim());
      const categories = hrefs(page, '[data-category] a');
      expect(categories.length, $(e).attr('href')).toBeGreaterThan(0);
      expect(await status(categories[0]!)).toBe(200);
    }
    expect(await status('/argomenti/non-esiste')).toBe(404);
  });

  it('R.SI.1.1 metatag: service and City service pages carry their GovernmentService JSON-LD as data-element="metatag"', async () => {
    const service = (await t.db.one<{ slug: string }>(`select slug from public_service order by slug limit 1`)).slug;
    const city = (await t.db.one<{ slug: string }>(`select slug from city_service order by position limit 1`)).slug;
    for (const url of [`/servizi/${service}`, `/servizi-del-comune/${city}`]) {
      const $ = await load(url);
      const json = $('[data-element="metatag"]').html() ?? '';
      expect(json, url).not.toBe('');
      const data = JSON.parse(json) as Record<string, unknown>;
      expect(data['@type'], url).toBe('GovernmentService');
      expect(typeof data.name === 'string' && data.name.length > 0, url).toBe(true);
    }
  });

  it('C.SI.3.2 accessibility: the footer links the declaration on AGID’s form site, set by ACCESSIBILITY_DECLARATION_URL', async () => {
    const link = home('footer').find('[data-element="accessibility-link"]');
    expect(link).toHaveLength(1);
    expect(link.attr('href')).toMatch(/^https:\/\/form\.agid\.gov\.it\/view\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const url = 'https://form.agid.gov.it/view/3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const other = await createTestApp({ seed: false, env: { ACCESSIBILITY_DECLARATION_URL: url } });
    try {
      const $ = cheerio.load((await other.app.inject('/contatti')).body);
      expect($('footer').find('[data-element="accessibility-link"]').attr('href')).toBe(url);
      // The internal statement page points to the same declaration.
      expect((await other.app.inject('/accessibilita')).body).toContain(`href="${url}"`);
    } finally {
      await other.close();
    }
    expect(() => loadConfig({ ACCESSIBILITY_DECLARATION_URL: 'https://example.org/accessibilita' })).toThrow(ConfigError);
  }, 120_000);

  it('C.SI.3.3 privacy: the footer links the privacy notice, which opens', async () => {
    const link = home('footer').find('[data-element="privacy-policy-link"]');
    expect(link.attr('href')).toBe('/privacy');
    expect(await status(link.attr('href')!)).toBe(200);
  });

  it('improvement plan (C.SI.3.2 notes): the footer says "piano di miglioramento del sito" and links a page that opens', async () => {
    expect(home('footer').text()).toMatch(/piano di miglioramento del sito/i);
    const link = home('footer a')
      .toArray()
      .find((a) => /piano di miglioramento del sito/i.test(home(a).text()));
    expect(link).toBeDefined();
    const $ = await load(home(link!).attr('href')!);
    expect($('h1').text().trim()).toBe('Piano di miglioramento del sito');
  });

  it('the menu, the all-topics link and the footer links are the same on every page kind (the validator may start anywhere)', async () => {
    for (const url of ['/servizi', '/argomenti', '/note-legali', '/enti']) {
      const $ = await load(url);
      expect(hrefs($, '[data-element="all-services"]'), url).toEqual(['/servizi']);
      expect(hrefs($, '[data-element="all-topics"]'), url).toEqual(['/argomenti']);
      expect($('footer').find('[data-element="accessibility-link"]'), url).toHaveLength(1);
      expect($('footer').text(), url).toMatch(/piano di miglioramento del sito/i);
    }
    expect(homeHtml).toContain('data-element="main-navigation"');
  });
});
