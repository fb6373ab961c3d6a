import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app';
import { decode, text } from '../support/html';
import { FULL, insertFixture, type Fixture } from '../../src/features/services/services.test-fixtures';
import { serviceCardSchema } from '../../src/features/services/services.schemas';
import { formatDate, formatEuro, type Locale } from '../../src/i18n/i18n';

// The public service card: page (Modello Comuni structure) and JSON API.

/** Euro amount as text() sees it (Intl puts a no-break space before €). */
const eur = (locale: Locale, n: number) => formatEuro(locale, n).replace(/\s/g, ' ');

/** The HTML of the page section with this id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`<section class="it-page-section mb-5" id="${id}"`);
  expect(start, `section #${id}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}
function jsonLd(html: string): Record<string, any> {
  const m = /<script type="application\/ld\+json" data-element="metatag">([\s\S]*?)<\/script>/.exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!);
}
/** Positions of each needle in the haystack, which must all exist and be increasing. */
function expectInOrder(haystack: string, needles: string[]): void {
  let last = -1;
  for (const n of needles) {
    const i = haystack.indexOf(n, last + 1);
    expect(i, `"${n}" after position ${last}`).toBeGreaterThan(last);
    last = i;
  }
}

const SECTION_LABELS_IT = [
  'A chi è rivolto',
  'Descrizione',
  'Come fare',
  'Cosa serve',
  'Cosa si ottiene',
  'Tempi e scadenze',
  'Quanto costa',
  'Accedi al servizio',
  'Ulteriori informazioni',
  'Condizioni di servizio',
  'Contatti',
];

describe('service card page and API', () => {
  let t: TestApp;
  let fx: Fixture;
  beforeAll(async () => {
    t = await createTestApp();
    fx = await insertFixture(t.db);
  });
  afterAll(async () => t?.close());

  it('renders every field of a complete card in its section', async () => {
    const res = await t.app.inject(`/servizi/${FULL.slug}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    // Header
    expect(text(/<h1[^>]*data-element="service-title"[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!)).toBe(FULL.name);
    expect(html).toMatch(/data-element="service-status"[^>]*>\s*<span class="chip-label">Servizio attivo<\/span>/);
    expect(text(/<p[^>]*data-element="service-description"[^>]*>([\s\S]*?)<\/p>/.exec(html)![1]!)).toBe(FULL.summaryIt);
    const topics = [...html.matchAll(/<a[^>]*href="([^"]+)"[^>]*data-element="service-topic"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => [m[1], text(m[2]!)]);
    expect(topics).toEqual([
      [`/categorie/${FULL.categorySlug}`, FULL.categoryName],
      [`/aree/${FULL.sectionSlug}`, FULL.sectionName],
    ]);

    const addressed = text(section(html, 'a-chi-e-rivolto'));
    for (const v of [FULL.recipients, FULL.targetGroup, 'da 1 a 3 persone', 'Individuale o condivisa con altre persone']) expect(addressed).toContain(v);

    const description = text(section(html, 'descrizione'));
    for (const v of [FULL.needAnalysis, FULL.proposedSolution, FULL.staffActivities, FULL.task, FULL.staffQualifications, FULL.staffSupplier, 'Personale interno', 'Personale esterno', 'Anni di esperienza 12', 'Referenze disponibili Sì', 'Numero 8']) {
      expect(description).toContain(v);
    }

    const howTo = section(html, 'come-fare');
    expect(howTo).toContain('data-element="service-how-to"');
    expect(text(howTo)).toContain(FULL.contactHours);
    expect(howTo).toContain(`href="mailto:${FULL.contactEmail}"`);
    expect(howTo).toContain('href="tel:0298765432"');
    expect(howTo).toContain(`href="/enti/${FULL.orgSlug}#contatti"`);

    expect(section(html, 'cosa-serve')).toContain('data-element="service-needed"');
    expect(text(section(html, 'cosa-serve'))).toContain(FULL.supportScheme);
    expect(section(html, 'cosa-si-ottiene')).toContain('data-element="service-achieved"');

    const calendar = section(html, 'tempi-e-scadenze');
    expect(calendar).toContain('data-element="service-calendar-text"');
    const cal = text(calendar);
    expect(cal).toContain(`Per l’analisi del bisogno ${FULL.waitAnalysisDays} giorni`);
    expect(cal).toContain(`Per l’attivazione dopo la conferma ${FULL.waitActivationDays} giorni`);
    expect(cal).toContain(`dal ${formatDate('it', FULL.deliveryFrom)} al ${formatDate('it', FULL.deliveryTo)}`);
    expect(cal).toContain(FULL.timeBand);

    const cost = section(html, 'quanto-costa');
    const costText = text(cost);
    expect(costText).toContain('A pagamento');
    expect(costText).toContain(`Prezzo a partire da ${eur('it', 15)} / ora`);
    expect(costText).toContain('5% (prezzi IVA inclusa)');
    expect(costText).toContain('Sì, puoi chiedere un preventivo personalizzato');
    expect(costText).toContain(FULL.packageName);
    expect(costText).toContain(eur('it', FULL.packagePrice));
    expect(costText).toContain(FULL.supportScheme);
    expect(costText).toContain('Quantità minima per richiesta: 2');
    // The price table: caption, column headers with scope, one row per tier, no expired price.
    const table = /<table[\s\S]*?<\/table>/.exec(cost)![0];
    expect(table).toMatch(/<caption>Listino valido dal [^<]+ al [^<]+<\/caption>/);
    expect(table.match(/<th scope="col"/g)).toHaveLength(3);
    const rows = [...table.matchAll(/<tr>\s*<th scope="row">([\s\S]*?)<\/th>\s*<td>([\s\S]*?)<\/td>\s*<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => [text(m[1]!), text(m[2]!), text(m[3]!)]);
    expect(rows).toEqual([
      ['1', 'da 1 a 9', `${eur('it', 22)} / ora`],
      ['1', '10 o più', `${eur('it', 19.5)} / ora`],
      ['da 2 a 3', '1 o più', `${eur('it', 15)} / ora`],
    ]);
    expect(text(html)).not.toContain(eur('it', FULL.expiredTierPrice));

    const access = section(html, 'accedi-al-servizio');
    expect(access).toContain('data-element="service-generic-access"');
    const accessText = text(access);
    for (const v of ['A domicilio', "Presso la sede dell'ente", FULL.deliveryOther, FULL.siteName, FULL.siteAddress, FULL.sitePostalCode, FULL.spazioName, 'Municipio 3', 'Municipio 4', ...FULL.metro]) {
      expect(accessText).toContain(v);
    }
    expect(access).toContain(`href="/spazi-wemi/${FULL.spazioSlug}"`);
    const area = /<div data-element="service-area">([\s\S]*?)<\/dl>/.exec(access)![1]!;
    expect(text(area)).toContain('Municipio 3');
    expect(text(area)).toContain('Sesto San Giovanni');

    const more = text(section(html, 'ulteriori-informazioni'));
    expect(more).toContain(FULL.typeName);
    expect(more).toContain('Valutazione media: 4,5 su 5 (12 recensioni)');
    // Twelve ratings, no comment: the empty state of the comments.
    expect(more).toContain('Non ci sono ancora commenti pubblicati su questo servizio.');
    expect(text(section(html, 'condizioni-di-servizio'))).toContain(FULL.orgName);

    const contacts = section(html, 'contatti');
    const contactsText = text(contacts);
    for (const v of [FULL.responsibleName, FULL.responsibleRole, FULL.contactPhone, FULL.contactEmail, FULL.contactHours, FULL.orgPec, 'aurora-prova.example.org']) {
      expect(contactsText).toContain(v);
    }
    expect(contacts).toContain(`href="/enti/${FULL.orgSlug}"`);
    expect(contacts).toContain('href="https://aurora-prova.example.org/"');
  });

  it('follows the Modello Comuni structure: breadcrumb, labels and data-element attributes in order', async () => {
    const html = (await t.app.inject(`/servizi/${FULL.slug}`)).body;
    const crumb = /<nav[^>]*data-element="breadcrumb"[^>]*>([\s\S]*?)<\/nav>/.exec(html)![1]!;
    const links = [...crumb.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links).toEqual([
      ['/', 'Home'],
      ['/servizi', 'Servizi'],
      [`/categorie/${FULL.categorySlug}`, FULL.categoryName],
    ]);
    expect(crumb).toMatch(new RegExp(`aria-current="page">\\s*${FULL.name}\\s*</li>`));

    const h2s = [...html.matchAll(/<h2 class="title-xxlarge mb-3"[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => text(m[1]!));
    expect(h2s).toEqual(SECTION_LABELS_IT);
    // The page index lists the same sections, in the same order, linking to them.
    const index = /<ul[^>]*data-element="page-index"[^>]*>([\s\S]*?)<\/ul>/.exec(html)![1]!;
    expect([...index.matchAll(/<span class="title-medium">([^<]+)<\/span>/g)].map((m) => decode(m[1]!))).toEqual(SECTION_LABELS_IT);
    for (const m of index.matchAll(/href="#([^"]+)"/g)) expect(html).toContain(`id="${m[1]}"`);

    expectInOrder(html, [
      'data-element="breadcrumb"',
      'data-element="service-title"',
      'data-element="service-status"',
      'data-element="service-description"',
      'data-element="service-topic"',
      'data-element="page-index"',
      'data-element="service-addressed"',
      'data-element="service-how-to"',
      'data-element="service-needed"',
      'data-element="service-achieved"',
      'data-element="service-calendar-text"',
      'data-element="service-generic-access"',
      'data-element="service-area"',
      // "Condizioni di servizio": the validator's service audit looks for this element.
      'data-element="service-file"',
    ]);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).not.toMatch(/style="/);
  });

  it('carries valid GovernmentService JSON-LD', async () => {
    const data = jsonLd((await t.app.inject(`/servizi/${FULL.slug}`)).body);
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('GovernmentService');
    expect(data.name).toBe(FULL.name);
    expect(data.serviceType).toBe(FULL.typeName);
    expect(data.serviceOperator.name).toBe(FULL.orgName);
    expect(data.areaServed.name).toContain('Municipio 3');
    expect(data.areaServed.name).toContain('Sesto San Giovanni');
    expect(data.audience.audienceType).toBe(FULL.targetGroup);
    const place = data.availableChannel.serviceLocation;
    expect(place.name).toBe(FULL.siteName);
    expect(place.address).toMatchObject({ streetAddress: FULL.siteAddress, postalCode: FULL.sitePostalCode, addressLocality: 'Milano' });
  });

  it("names a street address and postal code in every public card's JSON-LD (the ente's site for home services)", async () => {
    const slugs = await t.db.query<{ slug: string }>(
      // Every card whose ente has a place somewhere (an ente with no site at all has no address to give).
      `select s.slug from service s join organization o on o.id = s.organization_id
       where s.status = 'published' and o.status = 'active'
         and exists (select 1 from location l where l.organization_id = o.id and l.kind = 'ente_site' and l.active and l.address <> '')
       order by s.slug`,
    );
    expect(slugs.length).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const { slug } of slugs) {
      const address = jsonLd((await t.app.inject(`/servizi/${slug}`)).body).availableChannel.serviceLocation.address;
      if (!address.streetAddress || !address.postalCode) missing.push(slug);
    }
    expect(missing).toEqual([]);
  });

  it('gives the rating of the card in its JSON-LD, from its reviews (aggregateRating)', async () => {
    const data = jsonLd((await t.app.inject(`/servizi/${FULL.slug}`)).body);
    expect(data.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 4.5, ratingCount: 12, bestRating: 5, worstRating: 1 });
    // No comment published: no review items.
    expect(data).not.toHaveProperty('review');
    // The same rating in the API; the card without reviews has none.
    expect((await t.app.inject(`/api/v1/services/${FULL.slug}`)).json().rating).toEqual({ average: 4.5, count: 12 });
    expect((await t.app.inject(`/api/v1/services/${fx.xssSlug}`)).json().rating).toEqual({ average: null, count: 0 });
  });

  it('answers 404 for a draft card, a card of a suspended ente and an unknown slug (page and API)', async () => {
    for (const slug of [fx.draftSlug, fx.suspendedOrgServiceSlug, 'non-esiste-proprio']) {
      const page = await t.app.inject(`/servizi/${slug}`);
      expect(page.statusCode, slug).toBe(404);
      expect(page.body).toContain('Pagina non trovata');
      const api = await t.app.inject(`/api/v1/services/${slug}`);
      expect(api.statusCode, slug).toBe(404);
      expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    expect((await t.app.inject('/servizi/NON_VALIDO')).statusCode).toBe(404);
  });

  it('stops showing a card when its ente is suspended', async () => {
    expect((await t.app.inject(`/servizi/${fx.otherOrgServiceSlug}`)).statusCode).toBe(200);
    await t.db.query(`update organization set status = 'suspended' where slug = 'fixture-altro-ente'`);
    expect((await t.app.inject(`/servizi/${fx.otherOrgServiceSlug}`)).statusCode).toBe(404);
    await t.db.query(`update organization set status = 'active' where slug = 'fixture-altro-ente'`);
  });

  it('renders the page in English with ?lang=en', async () => {
    const res = await t.app.inject(`/servizi/${FULL.slug}?lang=en`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<html lang="en">');
    const h2s = [...html.matchAll(/<h2 class="title-xxlarge mb-3"[^>]*>([\s\S]*?)<\/h2>/g)].map((m) => text(m[1]!));
    expect(h2s).toEqual([
      'Who it is for',
      'Description',
      'How to apply',
      'What you need',
      'What you get',
      'Times and deadlines',
      'How much it costs',
      'Access the service',
      'Further information',
      'Terms of service',
      'Contacts',
    ]);
    expect(html).toContain('Active service');
    expect(html).toContain(FULL.summaryEn);
    expect(html).toContain(FULL.categoryNameEn);
    expect(html).toContain(FULL.timeBandEn);
    expect(text(html)).toContain(`${eur('en', 19.5)} / hour`);
    // Free text written in Italian is marked as such.
    expect(html).toContain(`<p lang="it">${FULL.needAnalysis}</p>`);
    for (const it of ['Servizio attivo', 'A chi è rivolto', 'Tempi medi di attesa', 'Listino prezzi']) expect(html).not.toContain(it);
  });

  it('escapes a service name containing markup', async () => {
    const res = await t.app.inject(`/servizi/${fx.xssSlug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Assistenza');
    // In the JSON-LD the name is kept intact but cannot close the script element.
    const data = jsonLd(res.body);
    expect(data.name).toBe(fx.xssName);
    // Free of charge: no price table.
    expect(res.body).not.toContain('<table');
    expect(text(section(res.body, 'quanto-costa'))).toContain('Gratuito (offerto da volontari)');
  });

  it('publishes the full card as JSON matching its schema', async () => {
    const res = await t.app.inject(`/api/v1/services/${FULL.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const card = serviceCardSchema.parse(res.json());
    expect(card).toMatchObject({
      slug: FULL.slug,
      name: FULL.name,
      url: `/servizi/${FULL.slug}`,
      category: { slug: FULL.categorySlug, name: FULL.categoryName },
      organization: { slug: FULL.orgSlug, name: FULL.orgName },
      audience: { recipients: FULL.recipients, minPeople: 1, maxPeople: 3, mode: 'both' },
      responsible: { name: FULL.responsibleName, role: FULL.responsibleRole },
      times: { waitAnalysisDays: 3, waitActivationDays: 7 },
      price: { offerType: 'paid', priceFrom: 15, unit: 'ora', vatRate: 5, customQuote: true },
      access: { metroMunicipalities: [...FULL.metro] },
    });
    expect(card.price.priceLists).toHaveLength(1);
    expect(card.price.priceLists[0]!.tiers.map((x) => x.unitPrice)).toEqual([22, 19.5, 15]);
    expect(card.access.municipi.map((m) => m.number)).toEqual([3, 4]);
    expect(card.access.spazi.map((s) => s.url)).toEqual([`/spazi-wemi/${FULL.spazioSlug}`]);
    expect(card.description.staff).toHaveLength(2);
    // Raw database rows never leak.
    expect(JSON.stringify(res.json())).not.toMatch(/organization_id|search_tsv|_it"/);
    const en = (await t.app.inject(`/api/v1/services/${FULL.slug}?lang=en`)).json();
    expect(en.category.name).toBe(FULL.categoryNameEn);
    expect(en.price.unitLabel).toBe('hour');
  });

  it('rejects a malformed slug in the API with 400 JSON', async () => {
    const res = await t.app.inject('/api/v1/services/Not%20A%20Slug');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'bad_request', issues: [{ field: 'slug' }] } });
  });

  it('documents the endpoint in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/v1/openapi.json')).json();
    expect(doc.paths['/api/v1/services/{slug}'].get.operationId).toBe('getService');
    expect(doc.paths['/api/v1/services/{slug}'].get.responses['404']).toBeDefined();
  });

  it('renders a card of the demo catalogue with its values', async () => {
    // Any public demo card (falls back to any public card when the demo catalogue is empty).
    const row = await t.db.maybeOne<{ slug: string; name: string; recipients: string; responsible_name: string; contact_phone: string | null; wait_analysis_days: number | null; org_name: string }>(
      `select s.slug, s.name, s.recipients, s.responsible_name, s.contact_phone, s.wait_analysis_days, o.name as org_name
       from public_service s join organization o on o.id = s.organization_id
       order by s.is_demo desc, (s.offer_type = 'paid') desc, s.slug limit 1`,
    );
    expect(row).toBeDefined();
    const res = await t.app.inject(`/servizi/${row!.slug}`);
    expect(res.statusCode).toBe(200);
    const body = text(res.body);
    expect(body).toContain(row!.name);
    expect(body).toContain(row!.org_name);
    if (row!.recipients) expect(body).toContain(text(row!.recipients));
    if (row!.responsible_name) expect(body).toContain(row!.responsible_name);
    if (row!.contact_phone) expect(body).toContain(row!.contact_phone);
    if (row!.wait_analysis_days !== null && row!.wait_analysis_days > 1) expect(body).toContain(`${row!.wait_analysis_days} giorni`);
    const card = serviceCardSchema.parse((await t.app.inject(`/api/v1/services/${row!.slug}`)).json());
    for (const list of card.price.priceLists) {
      for (const tier of list.tiers) expect(body).toContain(eur('it', tier.unitPrice));
    }
    expect(jsonLd(res.body)['@type']).toBe('GovernmentService');
  });
});
