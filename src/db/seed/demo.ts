import type { Db, Queryable } from '../database';
import { seedDemoAccounts } from './accounts';
import { CITY_SERVICES } from './city-services';
import { ENTI, FIRST_NAMES, LAST_NAMES, METRO_MUNICIPALITIES, STREETS, type EnteDef } from './enti';
import { insertDemoCitizens, reconcileDemoCitizens } from './people';
import { Prng, slugify } from './prng';
import { reconcileDemoReviews, seedDemoReviews } from './reviews';
import { seedConcepts } from './concepts';
import { ALL_SPAZI, SPAZIO_GENERAL_EN, SPAZIO_GENERAL_IT, SPAZIO_PHONE, upsertSpazi } from './spazi';
import {
  CATEGORIES, MUNICIPI, SEARCH_SYNONYMS, SECTIONS, SUPPORT_SCHEMES, TARGET_GROUPS, TASKS, TAXONOMIES, TIME_BANDS,
  municipioTerms, type CategoryDef, type Mode, type OfferType, type Place, type PriceUnit, type ServiceDefaults, type ServiceTypeDef, type TermDef,
} from './taxonomy';
import { ACTIVITY_TAILS, NEED_TAILS, POOLS, QUALIFICATIONS, SOLUTION_TAILS, type TextPool } from './texts';

// The demo catalogue: real facts from the seed documents (Spazi WeMi, the City's access services, the taxonomy)
// plus fictional enti and service cards (is_demo = true). Deterministic (seeded PRNG), loaded in one transaction,
// idempotent (an advisory lock serialises concurrent starts; nothing happens when the taxonomy already exists).

/** Advisory lock key for the seed (the migrations use 7_402_117). */
export const SEED_LOCK = 7_402_118;
const SEED = 20_170_117; // WeMi opened in January 2017.

/** Public figures of the seed documents the demo reproduces. */
export const DEMO_FIGURES = { publicServices: 301, activeEnti: 53, operators: 4119, citizens: 3588 } as const;

// ---------------------------------------------------------------------------------------------- row shapes

interface TermRow {
  id: string;
  taxonomy_id: string;
  parent_id: string | null;
  code: string;
  slug: string;
  name_it: string;
  name_en: string;
  description_it: string;
  description_en: string;
  synonyms: string[];
  icon: string | null;
  position: number;
}

interface ServiceRow {
  id: string;
  organization_id: string;
  service_type_id: string;
  slug: string;
  name: string;
  summary_it: string;
  summary_en: string;
  need_analysis: string;
  proposed_solution: string;
  staff_activities: string;
  recipients: string;
  contact_phone: string;
  contact_email: string;
  contact_hours: string;
  metro_municipalities: string[];
  responsible_name: string;
  responsible_role: string;
  wait_analysis_days: number;
  wait_activation_days: number;
  delivery_places: Place[];
  delivery_other: string;
  staff: unknown[];
  offer_type: OfferType;
  price_unit: PriceUnit;
  vat_rate: number;
  custom_quote: boolean;
  packages: unknown[];
  mode: Mode;
  min_people: number;
  max_people: number;
  _delivery_from: number | null;
  _delivery_to: number | null;
  status: string;
  _published_days: number | null;
  rating_avg: number | null;
  rating_count: number;
  _created_days: number;
  _updated_days: number;
}

export interface DemoData {
  taxonomies: { id: string; code: string; name_it: string; name_en: string; description_it: string; description_en: string }[];
  termLevels: TermRow[][];
  organizations: Record<string, unknown>[];
  locations: Record<string, unknown>[];
  organizationSpazi: { organization_id: string; location_id: string }[];
  services: ServiceRow[];
  priceLists: { id: string; service_id: string; _valid_from: number; _valid_to: number | null; min_units: number; notes: string }[];
  priceTiers: { price_list_id: string; people_min: number; people_max: number | null; units_min: number; units_max: number | null; unit_price: number }[];
  serviceLocations: { service_id: string; location_id: string }[];
  serviceTerms: { service_id: string; term_id: string }[];
  serviceAreas: { service_id: string; municipio_id: string }[];
  cityServices: Record<string, unknown>[];
  synonyms: { terms: string[] }[];
}

// ---------------------------------------------------------------------------------------------- helpers

const UNIT_PLURAL: Record<PriceUnit, string> = {
  ora: 'ore', intervento: 'interventi', pasto: 'pasti', seduta: 'sedute', giorno: 'giorni', settimana: 'settimane', mese: 'mesi',
  lezione: 'lezioni', corso: 'corsi', pacchetto: 'pacchetti', km: 'km', pratica: 'pratiche',
};
const VOLUME_UNITS: PriceUnit[] = ['ora', 'seduta', 'lezione', 'pasto', 'intervento'];

const CONTACT_HOURS = [
  'Dal lunedì al venerdì, 9:00-13:00 e 14:00-17:00',
  'Dal lunedì al venerdì, 8:30-18:00',
  'Lunedì, mercoledì e venerdì, 9:30-12:30',
  'Dal lunedì al sabato, 9:00-13:00',
  'Dal lunedì al venerdì, 14:00-18:00; sabato 9:00-12:00',
  'Tutti i giorni, 8:00-20:00 (reperibilità telefonica)',
  'Martedì e giovedì, 10:00-16:00; negli altri giorni su appuntamento',
];
const ROLES = ['Responsabile del servizio', 'Coordinamento del servizio', 'Responsabile di area', 'Referente territoriale', 'Direzione tecnica', 'Coordinamento pedagogico'];
const SUPPLIERS = ['Studio associato Ponti Sottili', 'Rete professionisti Borgo Nuovo', 'Officina delle Competenze srl', 'Cooperativa di servizi Il Mosaico Lento'];
const OTHER_PLACES = ['Presso scuole, oratori e centri civici del quartiere', 'Presso RSA e centri diurni', 'Negli Spazi WeMi del Municipio', 'In ospedale, su richiesta della famiglia', 'Nei parchi e nei cortili del quartiere'];

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
function listIt(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} e ${items[items.length - 1]}`;
}
function listEn(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
function fill(template: string, vars: Record<string, string>): string {
  return upperFirst(template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '').replace(/\s{2,}/g, ' ').trim());
}
function fakePhone(r: Prng): string {
  // 02 0xxx xxxx: Milan prefix followed by a 0, a pattern not assigned to subscribers (demo only).
  return `02 0${r.int(100, 999)} ${r.int(1000, 9999)}`;
}
function fakeTaxNumber(r: Prng): string {
  return `00000${String(r.int(0, 999_999)).padStart(6, '0')}`;
}
function poolFor(cat: CategoryDef): TextPool {
  const pool = POOLS[cat.code] ?? POOLS[cat.section];
  if (!pool) throw new Error(`No text pool for ${cat.code}`);
  return pool;
}

interface ResolvedType {
  def: ServiceTypeDef;
  cat: CategoryDef;
  id: string;
  d: ServiceDefaults;
}

function resolve(cat: CategoryDef, def: ServiceTypeDef): ServiceDefaults {
  const d = cat.defaults;
  return {
    unit: def.unit ?? d.unit,
    price: def.price ?? d.price,
    vat: def.vat ?? d.vat,
    offer: def.offer ?? d.offer,
    mode: def.mode ?? d.mode,
    places: def.places ?? d.places,
    targets: def.targets ?? d.targets,
    tasks: def.tasks ?? d.tasks,
    bands: def.bands ?? d.bands,
    ...(def.group ?? d.group ? { group: def.group ?? d.group } : {}),
    ...(def.period ?? d.period ? { period: true } : {}),
  };
}

// ---------------------------------------------------------------------------------------------- builder

/** Builds every demo row in memory (pure and deterministic). */
export function buildDemoData(): DemoData {
  const r = new Prng(SEED);
  const data: DemoData = {
    taxonomies: [], termLevels: [[], [], []], organizations: [], locations: [], organizationSpazi: [], services: [],
    priceLists: [], priceTiers: [], serviceLocations: [], serviceTerms: [], serviceAreas: [], cityServices: [], synonyms: [],
  };

  // Taxonomies and terms.
  const taxId = new Map<string, string>();
  for (const t of TAXONOMIES) {
    const id = r.uuid();
    taxId.set(t.code, id);
    data.taxonomies.push({ id, code: t.code, name_it: t.it, name_en: t.en, description_it: t.descIt, description_en: t.descEn });
  }
  const termIds = new Map<string, string>(); // "taxonomy:code" -> id
  const usedSlugs = new Map<string, Set<string>>();
  const addTerm = (tax: string, def: TermDef, level: number, position: number, parent: string | null, slug?: string): string => {
    const id = r.uuid();
    const slugs = usedSlugs.get(tax) ?? new Set<string>();
    usedSlugs.set(tax, slugs);
    let s = slug ?? slugify(def.it);
    if (slugs.has(s)) s = `${s}-${slugify(def.code)}`;
    slugs.add(s);
    termIds.set(`${tax}:${def.code}`, id);
    data.termLevels[level]!.push({
      id, taxonomy_id: taxId.get(tax)!, parent_id: parent, code: def.code, slug: s, name_it: def.it, name_en: def.en,
      description_it: def.descIt, description_en: def.descEn, synonyms: def.synonyms ?? [], icon: def.icon ?? null, position,
    });
    return id;
  };
  const term = (tax: string, code: string): string => {
    const id = termIds.get(`${tax}:${code}`);
    if (!id) throw new Error(`Unknown term ${tax}:${code}`);
    return id;
  };

  SECTIONS.forEach((s, i) => addTerm('section', s, 0, i + 1, null, s.code === 'zero_diciotto' ? '0-18' : undefined));
  const types: ResolvedType[] = [];
  const catPosition = new Map<string, number>();
  for (const cat of CATEGORIES) {
    const pos = (catPosition.get(cat.section) ?? 0) + 1;
    catPosition.set(cat.section, pos);
    const catId = addTerm('category', cat, 1, pos, term('section', cat.section));
    cat.types.forEach((t, i) => {
      const id = addTerm('service_type', { ...t, icon: t.icon ?? cat.icon }, 2, i + 1, catId);
      types.push({ def: t, cat, id, d: resolve(cat, t) });
    });
  }
  TARGET_GROUPS.forEach((t, i) => addTerm('target_group', t, 0, i + 1, null));
  TASKS.forEach((t, i) => addTerm('task', t, 0, i + 1, null));
  TIME_BANDS.forEach((t, i) => addTerm('time_band', t, 0, i + 1, null));
  municipioTerms().forEach((t, i) => addTerm('municipio', t, 0, i + 1, null, `municipio-${i + 1}`));
  SUPPORT_SCHEMES.forEach((t, i) => addTerm('support_scheme', t, 0, i + 1, null));
  const municipioId = (n: number) => term('municipio', `m${n}`);

  // Spazi WeMi and City offices.
  const spazioIds = new Map<string, string>();
  const activeSpaziByMunicipio = new Map<number, string[]>();
  for (const s of ALL_SPAZI) {
    const id = r.uuid();
    spazioIds.set(s.slug, id);
    if (s.active) activeSpaziByMunicipio.set(s.municipio, [...(activeSpaziByMunicipio.get(s.municipio) ?? []), id]);
    data.locations.push({
      id, organization_id: null, kind: 'spazio_wemi', slug: s.slug, name: s.name,
      description_it: `${s.descIt} ${s.active ? SPAZIO_GENERAL_IT : ''}`.trim(), description_en: `${s.descEn} ${s.active ? SPAZIO_GENERAL_EN : ''}`.trim(),
      address: s.address, postal_code: s.postalCode, municipio_id: municipioId(s.municipio), latitude: s.lat, longitude: s.lon,
      email: s.email, phone: SPAZIO_PHONE, website: null, hours_it: s.hoursIt, hours_en: s.hoursEn,
      managed_by: s.managedBy, active: s.active, spazio_status: s.status, is_demo: false,
    });
  }
  CITY_SERVICES.forEach((c, i) => {
    let locationId: string | null = null;
    if (c.office) {
      locationId = r.uuid();
      const o = c.office;
      data.locations.push({
        id: locationId, organization_id: null, kind: 'city_office', slug: o.slug, name: o.name, description_it: c.summary.it, description_en: c.summary.en,
        address: o.address, postal_code: o.postalCode, municipio_id: municipioId(o.municipio), latitude: null, longitude: null,
        email: o.email, phone: o.phone, website: null, hours_it: o.hoursIt, hours_en: o.hoursEn, managed_by: 'Comune di Milano', active: true, is_demo: false,
      });
    }
    data.cityServices.push({
      id: r.uuid(), slug: c.slug, position: i + 1, name_it: c.nameIt, name_en: c.nameEn, summary: c.summary, audience: c.audience, offers: c.offers,
      how_to_access: c.howToAccess, documents: c.documents, cost: c.cost, hours: c.hours, contacts: c.contacts, quality_standards: c.quality, location_id: locationId,
    });
  });
  data.synonyms = SEARCH_SYNONYMS.map((terms) => ({ terms }));

  // Enti, their sites and their Spazi.
  const active = ENTI.filter((x) => x.status === 'active');
  const sizeSum = active.reduce((s, x) => s + x.size, 0);
  let operatorsLeft: number = DEMO_FIGURES.operators;
  interface EnteRt { def: EnteDef; id: string; sites: { id: string; municipio: number }[]; domain: string; phone: string; cards: number }
  const enti: EnteRt[] = [];
  const catNames = new Map(CATEGORIES.map((c) => [c.code, c]));
  for (const def of ENTI) {
    const id = r.uuid();
    const domain = `${def.slug.replace(/^(coop|aps|odv|is|fond|cons|asd)-/, '')}.esempio.it`;
    let operators: number;
    if (def.status !== 'active') operators = r.int(4, 30);
    else if (def === active[active.length - 1]) operators = operatorsLeft;
    else {
      operators = Math.max(5, Math.round((DEMO_FIGURES.operators * def.size) / sizeSum + r.int(-3, 3)));
      operatorsLeft -= operators;
    }
    const phone = fakePhone(r);
    const focusIt = listIt(def.focus.map((c) => lowerFirst(catNames.get(c)?.it ?? c)));
    const focusEn = listEn(def.focus.map((c) => lowerFirst(catNames.get(c)?.en ?? c)));
    const years = r.int(6, 38);
    data.organizations.push({
      id, slug: def.slug, name: def.name, legal_form: def.legalForm,
      description_it: `${def.about[0]} Opera a Milano da ${years} anni, soprattutto nel Municipio ${def.home}, nei servizi di ${focusIt}. Ente di esempio (dati dimostrativi).`,
      description_en: `${def.about[1]} It has worked in Milan for ${years} years, mainly in Municipio ${def.home}, in ${focusEn}. Example organisation (demo data).`,
      tax_code: fakeTaxNumber(r), vat_number: null, email: `info@${domain}`, pec: `${def.slug}@pec.esempio.it`, phone, website: `https://www.${domain}`,
      operators_count: operators, status: def.status, is_demo: true, _created_days: r.int(200, 2400),
    });
    const last = data.organizations[data.organizations.length - 1]!;
    last.vat_number = last.tax_code;
    const siteCount = r.weighted([[1, 5], [2, 3], [3, 2]] as const);
    const sites: EnteRt['sites'] = [];
    const siteMunicipi = [def.home, ...r.sample([1, 2, 3, 4, 5, 6, 7, 8, 9].filter((n) => n !== def.home), siteCount - 1)];
    siteMunicipi.forEach((m, i) => {
      const [street, cap, lat, lon] = r.pick(STREETS[m]!);
      const siteId = r.uuid();
      sites.push({ id: siteId, municipio: m });
      data.locations.push({
        id: siteId, organization_id: id, kind: 'ente_site', slug: `${def.slug}-sede-${i + 1}`,
        name: i === 0 ? `${def.name} – sede principale` : `${def.name} – sede di ${street}`,
        description_it: i === 0 ? 'Sede principale: accoglienza, colloqui e coordinamento dei servizi.' : 'Sede operativa per attività e incontri sul territorio.',
        description_en: i === 0 ? 'Main site: reception, meetings and coordination of services.' : 'Local site for activities and meetings.',
        address: `${street}, ${r.int(2, 180)}`, postal_code: cap, municipio_id: municipioId(m),
        latitude: Math.round((lat + (r.next() - 0.5) * 0.004) * 1e6) / 1e6, longitude: Math.round((lon + (r.next() - 0.5) * 0.006) * 1e6) / 1e6,
        email: i === 0 ? `info@${domain}` : `sede${i + 1}@${domain}`, phone, website: null,
        hours_it: r.pick(CONTACT_HOURS), hours_en: 'See the Italian opening hours; by appointment outside them.', managed_by: '', active: true, is_demo: true,
      });
    });
    if (def.status === 'active') {
      const local = activeSpaziByMunicipio.get(def.home) ?? [];
      const pool = local.length ? local : [...activeSpaziByMunicipio.values()].flat();
      for (const sp of r.sample(pool, r.int(1, 2))) data.organizationSpazi.push({ organization_id: id, location_id: sp });
    }
    enti.push({ def, id, sites, domain, phone, cards: 0 });
  }

  // Service cards: 301 public (published, active ente), some hidden (drafts, submitted, non-active enti).
  const activeEnti = enti.filter((x) => x.def.status === 'active');
  const byCategory = new Map<string, EnteRt[]>();
  for (const en of activeEnti) for (const c of en.def.focus) byCategory.set(c, [...(byCategory.get(c) ?? []), en]);
  const typesByCategory = new Map<string, ResolvedType[]>();
  for (const t of types) typesByCategory.set(t.cat.code, [...(typesByCategory.get(t.cat.code) ?? []), t]);
  const pairs = new Set<string>();
  const plan: { t: ResolvedType; en: EnteRt; status: string }[] = [];
  const leastLoaded = (list: EnteRt[]) => [...list].sort((a, b) => a.cards - b.cards || (r.next() < 0.5 ? -1 : 1))[0]!;
  const add = (t: ResolvedType, en: EnteRt, status: string): boolean => {
    const key = `${t.def.code}|${en.id}`;
    if (pairs.has(key)) return false;
    pairs.add(key);
    en.cards++;
    plan.push({ t, en, status });
    return true;
  };
  // 1. every service type has a public card;
  for (const t of types) add(t, leastLoaded(byCategory.get(t.cat.code) ?? activeEnti), 'published');
  // 2. every active ente has at least one public card;
  for (const en of activeEnti) {
    if (en.cards > 0) continue;
    const options = en.def.focus.flatMap((c) => typesByCategory.get(c) ?? []);
    for (const t of r.shuffle(options)) if (add(t, en, 'published')) break;
  }
  // 3. fill up to the seed figure by weight, spread over the enti of each category.
  const weighted = types.map((t) => [t, t.def.weight ?? 1] as const);
  let guard = 0;
  while (plan.length < DEMO_FIGURES.publicServices && guard++ < 20_000) {
    const t = r.weighted(weighted);
    const candidates = byCategory.get(t.cat.code) ?? activeEnti;
    add(t, r.chance(0.7) ? leastLoaded(candidates) : r.pick(candidates), 'published');
  }
  // 4. hidden cards: other states on active enti, and published cards of enti that are not active.
  for (const status of ['draft', 'draft', 'draft', 'draft', 'draft', 'draft', 'submitted', 'submitted', 'submitted', 'submitted', 'changes_requested', 'changes_requested', 'suspended', 'suspended', 'archived']) {
    for (let k = 0; k < 50; k++) if (add(r.pick(types), r.pick(activeEnti), status)) break;
  }
  for (const en of enti.filter((x) => x.def.status !== 'active')) {
    const options = en.def.focus.flatMap((c) => typesByCategory.get(c) ?? []);
    for (const t of r.sample(options, 2)) add(t, en, r.chance(0.8) ? 'published' : 'draft');
  }

  const slugs = new Set<string>();
  const nameUse = new Map<string, number>();
  const publicPaid: ServiceRow[] = [];
  const priceBase = new Map<string, { p: number; listId: string; from: number }>();
  for (const { t, en, status } of plan) {
    const { def, cat, d } = t;
    const pool = poolFor(cat);
    const home = en.def.home;
    const quartiere = r.pick(MUNICIPI[home - 1]!.quartieri);
    // Areas: home Municipio plus neighbours; some cover the whole city.
    const areas = r.chance(0.15) ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [home, ...r.sample([1, 2, 3, 4, 5, 6, 7, 8, 9].filter((n) => n !== home), r.int(0, 4))].sort();
    const zona = areas.length === 9 ? 'in tutta Milano' : areas.length === 1 ? `nel Municipio ${areas[0]}` : `nei Municipi ${listIt(areas.map(String))}`;
    const zonaEn = areas.length === 9 ? 'across Milan' : areas.length === 1 ? `in Municipio ${areas[0]}` : `in Municipi ${listEn(areas.map(String))}`;
    const vars = { tipo: lowerFirst(def.it), tipoEn: lowerFirst(def.en), ente: en.def.name, zona, zonaEn, quartiere };

    // Name: rotate the type's names; when one repeats, sometimes add the neighbourhood.
    const used = nameUse.get(def.code) ?? 0;
    nameUse.set(def.code, used + 1);
    let name = def.names[used % def.names.length]!;
    if (used >= def.names.length && r.chance(0.6)) name = `${name} – ${quartiere}`;
    let slug = `${slugify(name)}-${en.def.slug}`;
    for (let k = 2; slugs.has(slug); k++) slug = `${slugify(name)}-${en.def.slug}-${k}`;
    slugs.add(slug);

    const [sumIt, sumEn] = r.pick(pool.summary);
    const offer: OfferType = d.price[1] === 0 ? 'free_public' : r.weighted(d.offer);
    const mode = d.mode;
    const group = d.group ?? [2, 6];
    const [minPeople, maxPeople] = mode === 'individual' ? [1, 1] : mode === 'shared' ? [Math.max(2, group[0]), group[1]] : [1, group[1]];
    const places = r.sample(d.places, r.int(1, d.places.length));
    if (r.chance(0.08)) places.push('altro');
    const first = r.pick(FIRST_NAMES);
    const lastName = r.pick(LAST_NAMES);
    const quals = QUALIFICATIONS[cat.code] ?? QUALIFICATIONS[cat.section] ?? ['Operatore qualificato'];
    const staff: Record<string, unknown>[] = [
      { kind: 'internal', count: r.int(2, 25), qualifications: r.sample(quals, r.int(1, 2)).join(', '), years_experience: r.int(2, 22), references_available: r.chance(0.85) },
    ];
    if (r.chance(0.3)) {
      staff.push({ kind: 'external', count: r.int(1, 6), qualifications: r.pick(quals), years_experience: r.int(3, 15), references_available: r.chance(0.7), supplier: `${r.pick(SUPPLIERS)} (esempio)` });
    }
    const paid = offer === 'paid';
    const step = d.price[1] >= 100 ? 5 : 0.5;
    const p = paid ? r.money(d.price[0], d.price[1], step) : 0;
    const unitPlural = UNIT_PLURAL[d.unit];
    const packages: Record<string, unknown>[] = [];
    if (paid && VOLUME_UNITS.includes(d.unit) && r.chance(0.3)) {
      for (const n of d.unit === 'pasto' ? [10, 20] : [5, 10]) {
        packages.push({
          name: `Pacchetto ${n} ${unitPlural}`,
          description: `${n} ${unitPlural} da utilizzare entro ${n >= 10 ? 'tre mesi' : 'due mesi'}, con lo stesso operatore quando possibile.`,
          units: n, price: Math.round(p * n * (n >= 10 ? 0.88 : 0.94)),
        });
      }
    }
    const period = d.period === true;
    const publishedDays = status === 'published' || status === 'suspended' || status === 'archived' ? r.int(5, 800) : null;
    const isPublic = status === 'published' && en.def.status === 'active';
    const row: ServiceRow = {
      id: r.uuid(), organization_id: en.id, service_type_id: t.id, slug, name,
      summary_it: fill(sumIt, vars), summary_en: fill(sumEn, vars),
      need_analysis: fill(`${r.pick(pool.need)} ${r.pick(NEED_TAILS)}`, vars),
      proposed_solution: fill(`${r.pick(pool.solution)} ${r.pick(SOLUTION_TAILS[mode])}`, vars),
      staff_activities: fill(`${r.pick(pool.activities)} ${r.pick(ACTIVITY_TAILS)}`, vars),
      recipients: r.pick(pool.recipients),
      contact_phone: r.chance(0.7) ? en.phone : fakePhone(r),
      contact_email: `${r.pick(['servizi', 'info', 'accoglienza', 'sportello', slugify(def.it).split('-')[0]!])}@${en.domain}`,
      contact_hours: r.pick(CONTACT_HOURS),
      metro_municipalities: r.chance(0.25) ? r.sample(METRO_MUNICIPALITIES, r.int(1, 4)) : [],
      responsible_name: `${first} ${lastName}`, responsible_role: r.pick(ROLES),
      wait_analysis_days: r.int(1, 7), wait_activation_days: r.int(2, 15),
      delivery_places: [...new Set(places)], delivery_other: places.includes('altro') ? r.pick(OTHER_PLACES) : '',
      staff, offer_type: offer, price_unit: d.unit, vat_rate: paid ? d.vat : 0,
      custom_quote: paid && (d.price[1] >= 100 || r.chance(0.2)), packages,
      mode, min_people: minPeople, max_people: maxPeople,
      _delivery_from: period ? -r.int(10, 60) : r.chance(0.5) ? -r.int(60, 900) : null,
      _delivery_to: period ? r.int(120, 300) : null,
      status, _published_days: publishedDays,
      rating_avg: isPublic && r.chance(0.65) ? Math.round((3.4 + r.next() * 1.6) * 100) / 100 : null,
      rating_count: 0, _created_days: (publishedDays ?? r.int(1, 60)) + r.int(3, 60), _updated_days: r.int(0, publishedDays ?? 1),
    };
    if (row.rating_avg !== null) row.rating_count = r.int(1, 48);
    data.services.push(row);

    // Taxonomy links: category, target groups, tasks, time bands, support schemes; Municipi; places.
    const links = new Set<string>([term('category', cat.code)]);
    for (const c of r.sample(d.targets, r.int(1, Math.min(3, d.targets.length)))) links.add(term('target_group', c));
    for (const c of r.sample(d.tasks, r.int(1, Math.min(3, d.tasks.length)))) links.add(term('task', c));
    for (const c of r.sample(d.bands, r.int(1, d.bands.length))) links.add(term('time_band', c));
    if (paid && cat.section !== 'zero_diciotto' && r.chance(0.45)) {
      for (const c of r.sample(SUPPORT_SCHEMES, r.int(1, 2))) links.add(term('support_scheme', c.code));
    }
    for (const id of links) data.serviceTerms.push({ service_id: row.id, term_id: id });
    for (const m of areas) data.serviceAreas.push({ service_id: row.id, municipio_id: municipioId(m) });
    const locs = new Set<string>();
    if (row.delivery_places.includes('sede_ente')) locs.add(r.pick(en.sites).id);
    if ((cat.section === 'educazione_finanziaria' && r.chance(0.6)) || r.chance(0.1)) {
      const spazi = areas.flatMap((m) => activeSpaziByMunicipio.get(m) ?? []);
      if (spazi.length) locs.add(r.pick(spazi));
    }
    for (const id of locs) data.serviceLocations.push({ service_id: row.id, location_id: id });

    // Price list: valid today for every paid card.
    if (paid) {
      const listId = r.uuid();
      const from = -r.int(20, 400);
      data.priceLists.push({
        id: listId, service_id: row.id, _valid_from: from, _valid_to: r.chance(0.2) ? r.int(30, 365) : null,
        min_units: d.unit === 'ora' && r.chance(0.3) ? r.int(2, 4) : 1,
        notes: r.pick(['Prezzi IVA inclusa.', 'Prezzi IVA inclusa. Maggiorazione del 20% nei giorni festivi.', 'Prezzi IVA inclusa. Prima valutazione gratuita.', 'Prezzi IVA inclusa. Nessun costo di attivazione.']),
      });
      const peopleTiers: [number, number | null, number][] =
        mode === 'individual' ? [[1, 1, 1]]
          : mode === 'both' ? [[1, 1, 1], [2, maxPeople, 0.75]]
            : maxPeople - minPeople >= 3 ? [[minPeople, Math.floor((minPeople + maxPeople) / 2), 1], [Math.floor((minPeople + maxPeople) / 2) + 1, maxPeople, 0.85]]
              : [[minPeople, maxPeople, 1]];
      const unitTiers: [number, number | null, number][] =
        VOLUME_UNITS.includes(d.unit) && r.chance(0.6) ? (d.unit === 'pasto' ? [[1, 19, 1], [20, null, 0.93]] : [[1, 9, 1], [10, null, 0.92]]) : [[1, null, 1]];
      for (const [pMin, pMax, pf] of peopleTiers) {
        for (const [uMin, uMax, uf] of unitTiers) {
          data.priceTiers.push({ price_list_id: listId, people_min: pMin, people_max: pMax, units_min: uMin, units_max: uMax, unit_price: pf * uf === 1 ? p : Math.round(p * pf * uf * 10) / 10 });
        }
      }
      priceBase.set(row.id, { p, listId, from });
      if (isPublic) publicPaid.push(row);
    }
  }
  // A handful of public price lists expire within two weeks; three cards keep an expired previous list.
  const shuffled = r.shuffle(publicPaid);
  for (const s of shuffled.slice(0, 6)) {
    const pl = data.priceLists.find((x) => x.service_id === s.id)!;
    pl._valid_to = r.int(2, 13);
  }
  for (const s of shuffled.slice(6, 9)) {
    const base = priceBase.get(s.id)!;
    const listId = r.uuid();
    data.priceLists.push({ id: listId, service_id: s.id, _valid_from: base.from - r.int(180, 365), _valid_to: base.from - 1, min_units: 1, notes: 'Listino precedente, scaduto.' });
    data.priceTiers.push({ price_list_id: listId, people_min: 1, people_max: null, units_min: 1, units_max: null, unit_price: Math.round(base.p * 0.94 * 100) / 100 });
  }
  return data;
}

// ---------------------------------------------------------------------------------------------- loader

type Col = [name: string, type: string];

/**
 * One INSERT … SELECT FROM jsonb_to_recordset($1) per chunk. Fields starting with "_" are only read by the
 * `computed` expressions (e.g. date offsets from today).
 */
async function insertJson(tx: Queryable, table: string, cols: Col[], rows: readonly object[], computed: [string, string][] = []): Promise<void> {
  if (rows.length === 0) return;
  const plain = cols.filter(([c]) => !c.startsWith('_')).map(([c]) => c);
  const sql = `insert into ${table} (${[...plain, ...computed.map(([c]) => c)].join(', ')})
    select ${[...plain.map((c) => `x.${c}`), ...computed.map(([, e]) => e)].join(', ')}
    from jsonb_to_recordset($1::jsonb) as x(${cols.map(([c, t]) => `${c} ${t}`).join(', ')})`;
  for (let i = 0; i < rows.length; i += 1000) await tx.query(sql, [JSON.stringify(rows.slice(i, i + 1000))]);
}

const daysAgo = (f: string) => `case when x.${f} is null then null else now() - make_interval(days => x.${f}) end`;

export async function insertDemoData(tx: Queryable, data: DemoData): Promise<void> {
  await insertJson(tx, 'taxonomy', [['id', 'uuid'], ['code', 'text'], ['name_it', 'text'], ['name_en', 'text'], ['description_it', 'text'], ['description_en', 'text']], data.taxonomies);
  const termCols: Col[] = [['id', 'uuid'], ['taxonomy_id', 'uuid'], ['parent_id', 'uuid'], ['code', 'text'], ['slug', 'text'], ['name_it', 'text'], ['name_en', 'text'],
    ['description_it', 'text'], ['description_en', 'text'], ['synonyms', 'text[]'], ['icon', 'text'], ['position', 'int']];
  for (const level of data.termLevels) await insertJson(tx, 'taxonomy_term', termCols, level);
  await insertJson(tx, 'organization', [['id', 'uuid'], ['slug', 'text'], ['name', 'text'], ['legal_form', 'text'], ['description_it', 'text'], ['description_en', 'text'],
    ['tax_code', 'text'], ['vat_number', 'text'], ['email', 'text'], ['pec', 'text'], ['phone', 'text'], ['website', 'text'], ['operators_count', 'int'],
    ['status', 'text'], ['is_demo', 'boolean'], ['_created_days', 'int']], data.organizations, [['created_at', daysAgo('_created_days')]]);
  await insertJson(tx, 'location', [['id', 'uuid'], ['organization_id', 'uuid'], ['kind', 'text'], ['slug', 'text'], ['name', 'text'], ['description_it', 'text'],
    ['description_en', 'text'], ['address', 'text'], ['postal_code', 'text'], ['municipio_id', 'uuid'], ['latitude', 'float8'], ['longitude', 'float8'],
    ['email', 'text'], ['phone', 'text'], ['website', 'text'], ['hours_it', 'text'], ['hours_en', 'text'], ['managed_by', 'text'], ['active', 'boolean'], ['spazio_status', 'text'], ['is_demo', 'boolean']], data.locations);
  await insertJson(tx, 'organization_spazio', [['organization_id', 'uuid'], ['location_id', 'uuid']], data.organizationSpazi);
  await insertJson(tx, 'service', [['id', 'uuid'], ['organization_id', 'uuid'], ['service_type_id', 'uuid'], ['slug', 'text'], ['name', 'text'],
    ['summary_it', 'text'], ['summary_en', 'text'], ['need_analysis', 'text'], ['proposed_solution', 'text'], ['staff_activities', 'text'], ['recipients', 'text'],
    ['contact_phone', 'text'], ['contact_email', 'text'], ['contact_hours', 'text'], ['metro_municipalities', 'text[]'], ['responsible_name', 'text'],
    ['responsible_role', 'text'], ['wait_analysis_days', 'int'], ['wait_activation_days', 'int'], ['delivery_places', 'text[]'], ['delivery_other', 'text'],
    ['staff', 'jsonb'], ['offer_type', 'text'], ['price_unit', 'text'], ['vat_rate', 'numeric'], ['custom_quote', 'boolean'], ['packages', 'jsonb'],
    ['mode', 'text'], ['min_people', 'int'], ['max_people', 'int'], ['_delivery_from', 'int'], ['_delivery_to', 'int'], ['status', 'text'],
    ['_published_days', 'int'], ['rating_avg', 'numeric'], ['rating_count', 'int'], ['_created_days', 'int'], ['_updated_days', 'int']], data.services, [
    ['delivery_from', 'current_date + x._delivery_from'], ['delivery_to', 'current_date + x._delivery_to'], ['published_at', daysAgo('_published_days')],
    ['created_at', daysAgo('_created_days')], ['updated_at', daysAgo('_updated_days')], ['is_demo', 'true'],
  ]);
  await insertJson(tx, 'price_list', [['id', 'uuid'], ['service_id', 'uuid'], ['_valid_from', 'int'], ['_valid_to', 'int'], ['min_units', 'int'], ['notes', 'text']], data.priceLists,
    [['valid_from', 'current_date + x._valid_from'], ['valid_to', 'current_date + x._valid_to']]);
  await insertJson(tx, 'price_tier', [['price_list_id', 'uuid'], ['people_min', 'int'], ['people_max', 'int'], ['units_min', 'int'], ['units_max', 'int'], ['unit_price', 'numeric']], data.priceTiers);
  await insertJson(tx, 'service_at_location', [['service_id', 'uuid'], ['location_id', 'uuid']], data.serviceLocations);
  await insertJson(tx, 'service_taxonomy', [['service_id', 'uuid'], ['term_id', 'uuid']], data.serviceTerms);
  await insertJson(tx, 'service_area', [['service_id', 'uuid'], ['municipio_id', 'uuid']], data.serviceAreas);
  await insertJson(tx, 'city_service', [['id', 'uuid'], ['slug', 'text'], ['position', 'int'], ['name_it', 'text'], ['name_en', 'text'], ['summary', 'jsonb'],
    ['audience', 'jsonb'], ['offers', 'jsonb'], ['how_to_access', 'jsonb'], ['documents', 'jsonb'], ['cost', 'jsonb'], ['hours', 'jsonb'], ['contacts', 'jsonb'],
    ['quality_standards', 'jsonb'], ['location_id', 'uuid']], data.cityServices);
  await insertJson(tx, 'search_synonym', [['terms', 'text[]']], data.synonyms);
  // Registered citizens (public counter, the City's users list): fictional people, all different (people.ts).
  await insertDemoCitizens(tx, DEMO_FIGURES.citizens);
  // Reviews by some of them: the cards' ratings come from these rows (reviews.ts).
  await seedDemoReviews(tx);
}

/** Loads the demo catalogue when the database has none yet (idempotent, safe with concurrent starts). */
/** Loads the demo catalogue into an empty database; `accounts` also adds the demo accounts (never in production). */
export async function seedDemoData(db: Db, opts: { accounts?: boolean } = {}): Promise<string> {
  const started = Date.now();
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const present = await tx.maybeOne('select 1 from taxonomy where code = $1', ['section']);
    if (present) {
      // The Spazi WeMi follow the City's documents on an existing database too (upsert by slug, see spazi.ts).
      await upsertSpazi(tx);
      // A database migrated before 0010 gets the starting concept dictionary of the search once (when still empty).
      await seedConcepts(tx);
      // Ratings come from reviews: a database seeded when they did not gets its demo reviews (reviews.ts).
      await reconcileDemoReviews(tx);
      // Demo citizens seeded when they all had the same thirty names get names, codes and addresses of their own.
      await reconcileDemoCitizens(tx);
      const accounts = opts.accounts ? await seedDemoAccounts(tx) : 0;
      return accounts ? `Demo data already present; ${accounts} demo accounts added.` : 'Demo data already present: nothing to do.';
    }
    const data = buildDemoData();
    await insertDemoData(tx, data);
    await seedConcepts(tx);
    await tx.query('select refresh_service_search(null)');
    await tx.query('select refresh_search_words()');
    if (opts.accounts) await seedDemoAccounts(tx);
    const terms = data.termLevels.reduce((s, l) => s + l.length, 0);
    return `Demo data loaded in ${Date.now() - started} ms: ${terms} terms, ${data.organizations.length} enti, ${data.services.length} services, ` +
      `${data.locations.length} locations, ${data.cityServices.length} city services, ${DEMO_FIGURES.citizens} citizens.`;
  });
}
