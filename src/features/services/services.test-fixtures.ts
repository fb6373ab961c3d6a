import { insertReviews } from '../reviews/public/reviews-public.test-fixtures';
import type { Queryable } from '../../db/database';

// Test data for the service and ente route tests: a complete card with every field filled, independent of
// the demo catalogue (it reuses the taxonomies when the demo seed created them, and adds its own terms).

async function taxonomyId(db: Queryable, code: string): Promise<string> {
  const row = await db.one<{ id: string }>(
    `insert into taxonomy (code, name_it, name_en) values ($1, $1, $1)
     on conflict (code) do update set code = excluded.code
     returning id`,
    [code],
  );
  return row.id;
}

export async function ensureTerm(
  db: Queryable,
  taxonomy: string,
  term: { code: string; slug?: string; it: string; en: string; parentId?: string | null; position?: number; description?: string },
): Promise<string> {
  const tx = await taxonomyId(db, taxonomy);
  const row = await db.one<{ id: string }>(
    `insert into taxonomy_term (taxonomy_id, parent_id, code, slug, name_it, name_en, description_it, description_en, position)
     values ($1, $2, $3, $4, $5, $6, $7, $7, $8)
     on conflict (taxonomy_id, code) do update set code = excluded.code
     returning id`,
    [tx, term.parentId ?? null, term.code, term.slug ?? term.code.replace(/_/g, '-'), term.it, term.en, term.description ?? '', term.position ?? 0],
  );
  return row.id;
}

export interface OrgFixture {
  id: string;
  slug: string;
  name: string;
}

export async function insertOrg(
  db: Queryable,
  o: {
    slug: string;
    name: string;
    status?: string;
    legalForm?: string;
    description?: string;
    descriptionEn?: string;
    email?: string | null;
    pec?: string | null;
    phone?: string | null;
    website?: string | null;
    taxCode?: string | null;
    vatNumber?: string | null;
  },
): Promise<OrgFixture> {
  const row = await db.one<{ id: string }>(
    `insert into organization (slug, name, status, legal_form, description_it, description_en, email, pec, phone, website,
                               tax_code, vat_number, operators_count)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 12) returning id`,
    [
      o.slug,
      o.name,
      o.status ?? 'active',
      o.legalForm ?? '',
      o.description ?? '',
      o.descriptionEn ?? '',
      o.email ?? null,
      o.pec ?? null,
      o.phone ?? null,
      o.website ?? null,
      o.taxCode ?? null,
      o.vatNumber ?? null,
    ],
  );
  return { id: row.id, slug: o.slug, name: o.name };
}

export async function insertMinimalService(
  db: Queryable,
  s: { orgId: string; typeId: string; slug: string; name: string; status?: string; offerType?: string; priceFrom?: number | null },
): Promise<string> {
  const row = await db.one<{ id: string }>(
    `insert into service (organization_id, service_type_id, slug, name, summary_it, offer_type, status, published_at, price_from)
     values ($1, $2, $3, $4, 'Riassunto di prova.', $5, $6, now(), $7) returning id`,
    [s.orgId, s.typeId, s.slug, s.name, s.offerType ?? 'free_public', s.status ?? 'published', s.priceFrom ?? null],
  );
  return row.id;
}

/** Everything the complete card holds, for the assertions. */
export const FULL = {
  orgSlug: 'fixture-cooperativa-aurora',
  orgName: 'Cooperativa Sociale Aurora (prova)',
  orgLegalForm: 'Cooperativa sociale di tipo A',
  orgDescription: 'La cooperativa Aurora lavora dal 1998 nei quartieri di Milano.',
  orgDescriptionEn: 'The Aurora cooperative has worked in the neighbourhoods of Milan since 1998.',
  orgEmail: 'info@aurora-prova.example.org',
  orgPec: 'aurora@pec-prova.example.org',
  orgPhone: '02 1234 5678',
  orgWebsite: 'https://aurora-prova.example.org',
  orgTaxCode: '01234567890',
  slug: 'fixture-assistenza-aurora',
  name: 'Assistenza domiciliare Aurora',
  summaryIt: 'Operatori qualificati a casa tua per la cura quotidiana.',
  summaryEn: 'Qualified care workers at your home for daily care.',
  sectionName: 'Sezione di prova',
  sectionSlug: 'sezione-di-prova',
  categoryName: 'Categoria di prova',
  categoryNameEn: 'Test category',
  categorySlug: 'categoria-di-prova',
  typeName: 'Tipo di prova',
  recipients: 'Persone anziane sole che vivono nel Municipio 3.',
  targetGroup: 'Anziani di prova',
  targetGroupEn: 'Test older people',
  task: 'Igiene della persona di prova',
  timeBand: 'Mattina di prova',
  timeBandEn: 'Test morning',
  supportScheme: 'Buono sociale di prova',
  needAnalysis: 'Un operatore visita la persona e valuta i bisogni.',
  proposedSolution: 'Un piano di assistenza su misura con visite settimanali.',
  staffActivities: 'Igiene, mobilizzazione, compagnia e piccole commissioni.',
  staffQualifications: 'ASA e OSS con attestato regionale',
  staffSupplier: 'Servizi Esterni Srl (prova)',
  contactPhone: '02 9876 5432',
  contactEmail: 'primocontatto@aurora-prova.example.org',
  contactHours: 'Dal lunedì al venerdì, 9-13',
  metro: ['Sesto San Giovanni', 'Cinisello Balsamo'],
  responsibleName: 'Giulia Bianchi',
  responsibleRole: 'Coordinatrice del servizio',
  waitAnalysisDays: 3,
  waitActivationDays: 7,
  deliveryFrom: '2024-01-01',
  deliveryTo: '2099-12-31',
  deliveryOther: 'Anche presso centri diurni del quartiere',
  vatRate: 5,
  packageName: 'Pacchetto 10 ore',
  packageDescription: 'Dieci ore da usare entro un mese.',
  packagePrice: 190,
  tiers: [
    { peopleMin: 1, peopleMax: 1, unitsMin: 1, unitsMax: 9, price: 22 },
    { peopleMin: 1, peopleMax: 1, unitsMin: 10, unitsMax: null, price: 19.5 },
    { peopleMin: 2, peopleMax: 3, unitsMin: 1, unitsMax: null, price: 15 },
  ],
  expiredTierPrice: 99.99,
  siteName: 'Sede Aurora Città Studi (prova)',
  siteAddress: 'Via Pascoli 12',
  sitePostalCode: '20133',
  spazioName: 'Spazio WeMi di prova',
  spazioSlug: 'spazio-wemi-di-prova',
  municipio: 3,
} as const;

export interface Fixture {
  org: OrgFixture;
  serviceId: string;
  typeId: string;
  draftSlug: string;
  suspendedOrg: OrgFixture;
  suspendedOrgServiceSlug: string;
  xssSlug: string;
  xssName: string;
  otherOrgServiceSlug: string;
}

/** Inserts a complete public card, a draft card, a card of a suspended ente and one with a hostile name. */
export async function insertFixture(db: Queryable): Promise<Fixture> {
  const sectionId = await ensureTerm(db, 'section', { code: 'sezione_di_prova', slug: FULL.sectionSlug, it: FULL.sectionName, en: 'Test section' });
  const categoryId = await ensureTerm(db, 'category', {
    code: 'categoria_di_prova',
    slug: FULL.categorySlug,
    it: FULL.categoryName,
    en: FULL.categoryNameEn,
    parentId: sectionId,
  });
  const typeId = await ensureTerm(db, 'service_type', {
    code: 'tipo_di_prova',
    it: FULL.typeName,
    en: 'Test type',
    parentId: categoryId,
    description: 'Descrizione del tipo di prova.',
  });
  const target = await ensureTerm(db, 'target_group', { code: 'anziani_di_prova', it: FULL.targetGroup, en: FULL.targetGroupEn });
  const task = await ensureTerm(db, 'task', { code: 'igiene_di_prova', it: FULL.task, en: 'Test hygiene' });
  const band = await ensureTerm(db, 'time_band', { code: 'mattina_di_prova', it: FULL.timeBand, en: FULL.timeBandEn });
  const scheme = await ensureTerm(db, 'support_scheme', { code: 'buono_di_prova', it: FULL.supportScheme, en: 'Test voucher' });
  const m3 = await ensureTerm(db, 'municipio', { code: 'm3', slug: 'municipio-3', it: 'Municipio 3', en: 'Municipio 3', position: 3 });
  const m4 = await ensureTerm(db, 'municipio', { code: 'm4', slug: 'municipio-4', it: 'Municipio 4', en: 'Municipio 4', position: 4 });

  const org = await insertOrg(db, {
    slug: FULL.orgSlug,
    name: FULL.orgName,
    legalForm: FULL.orgLegalForm,
    description: FULL.orgDescription,
    descriptionEn: FULL.orgDescriptionEn,
    email: FULL.orgEmail,
    pec: FULL.orgPec,
    phone: FULL.orgPhone,
    website: FULL.orgWebsite,
    taxCode: FULL.orgTaxCode,
  });
  const staff = [
    { kind: 'internal', count: 8, qualifications: FULL.staffQualifications, years_experience: 12, references_available: true, supplier: '' },
    { kind: 'external', count: 2, qualifications: 'Infermieri', years_experience: 5, references_available: false, supplier: FULL.staffSupplier },
  ];
  const packages = [{ name: FULL.packageName, description: FULL.packageDescription, units: 10, price: FULL.packagePrice }];
  const service = await db.one<{ id: string }>(
    `insert into service (organization_id, service_type_id, slug, name, summary_it, summary_en, need_analysis, proposed_solution,
       staff_activities, recipients, contact_phone, contact_email, contact_hours, metro_municipalities, responsible_name,
       responsible_role, wait_analysis_days, wait_activation_days, delivery_places, delivery_other, staff, offer_type,
       price_unit, vat_rate, custom_quote, packages, mode, min_people, max_people, delivery_from, delivery_to, status,
       published_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21::jsonb, 'paid',
       'ora', $22, true, $23::jsonb, 'both', 1, 3, $24, $25, 'published', now())
     returning id`,
    [
      org.id,
      typeId,
      FULL.slug,
      FULL.name,
      FULL.summaryIt,
      FULL.summaryEn,
      FULL.needAnalysis,
      FULL.proposedSolution,
      FULL.staffActivities,
      FULL.recipients,
      FULL.contactPhone,
      FULL.contactEmail,
      FULL.contactHours,
      FULL.metro,
      FULL.responsibleName,
      FULL.responsibleRole,
      FULL.waitAnalysisDays,
      FULL.waitActivationDays,
      ['domicilio', 'sede_ente', 'altro'],
      FULL.deliveryOther,
      JSON.stringify(staff),
      FULL.vatRate,
      JSON.stringify(packages),
      FULL.deliveryFrom,
      FULL.deliveryTo,
    ],
  );
  const serviceId = service.id;
  // Twelve reviews averaging 4.5, without comments (the rating comes from the reviews, never from the card).
  await insertReviews(db, serviceId, [...Array.from({ length: 6 }, () => ({ overall: 5 })), ...Array.from({ length: 6 }, () => ({ overall: 4 }))]);
  for (const term of [categoryId, target, task, band, scheme]) {
    await db.query('insert into service_taxonomy (service_id, term_id) values ($1, $2)', [serviceId, term]);
  }
  for (const m of [m3, m4]) await db.query('insert into service_area (service_id, municipio_id) values ($1, $2)', [serviceId, m]);

  // Current price list, and an expired one that must not show.
  const current = await db.one<{ id: string }>(
    `insert into price_list (service_id, valid_from, valid_to, min_units, notes) values ($1, current_date - 30, current_date + 365, 2, '') returning id`,
    [serviceId],
  );
  for (const tier of FULL.tiers) {
    await db.query(
      'insert into price_tier (price_list_id, people_min, people_max, units_min, units_max, unit_price) values ($1, $2, $3, $4, $5, $6)',
      [current.id, tier.peopleMin, tier.peopleMax, tier.unitsMin, tier.unitsMax, tier.price],
    );
  }
  const expired = await db.one<{ id: string }>(
    `insert into price_list (service_id, valid_from, valid_to) values ($1, current_date - 400, current_date - 31) returning id`,
    [serviceId],
  );
  await db.query('insert into price_tier (price_list_id, unit_price) values ($1, $2)', [expired.id, FULL.expiredTierPrice]);

  const site = await db.one<{ id: string }>(
    `insert into location (organization_id, kind, name, address, postal_code, city, municipio_id, phone)
     values ($1, 'ente_site', $2, $3, $4, 'Milano', $5, '02 5555 1111') returning id`,
    [org.id, FULL.siteName, FULL.siteAddress, FULL.sitePostalCode, m3],
  );
  const spazio = await db.one<{ id: string }>(
    `insert into location (kind, slug, name, address, postal_code, city, municipio_id)
     values ('spazio_wemi', $1, $2, 'Via delle Prove 1', '20131', 'Milano', $3) returning id`,
    [FULL.spazioSlug, FULL.spazioName, m3],
  );
  await db.query('insert into service_at_location (service_id, location_id) values ($1, $2), ($1, $3)', [serviceId, site.id, spazio.id]);
  await db.query('insert into organization_spazio (organization_id, location_id) values ($1, $2)', [org.id, spazio.id]);

  // A draft card of the same ente, a card of a suspended ente, a card whose name tries to inject a script.
  const draftSlug = 'fixture-bozza-aurora';
  await insertMinimalService(db, { orgId: org.id, typeId, slug: draftSlug, name: 'Servizio in bozza Aurora', status: 'draft' });
  const suspendedOrg = await insertOrg(db, { slug: 'fixture-ente-sospeso', name: 'Ente Sospeso (prova)', status: 'suspended' });
  const suspendedOrgServiceSlug = 'fixture-servizio-ente-sospeso';
  await insertMinimalService(db, { orgId: suspendedOrg.id, typeId, slug: suspendedOrgServiceSlug, name: 'Servizio di ente sospeso' });
  const otherOrg = await insertOrg(db, { slug: 'fixture-altro-ente', name: 'Altro Ente (prova)' });
  const otherOrgServiceSlug = 'fixture-servizio-altro-ente';
  await insertMinimalService(db, { orgId: otherOrg.id, typeId, slug: otherOrgServiceSlug, name: 'Servizio di un altro ente' });
  const xssSlug = 'fixture-xss';
  const xssName = '<script>alert("x")</script> Assistenza "speciale" & co';
  await insertMinimalService(db, { orgId: org.id, typeId, slug: xssSlug, name: xssName, offerType: 'free_volunteer' });
  // Lowest current price (what refresh_service_search() computes, done here so the fixture needs no search).
  await db.query(
    `update service s set price_from = (
       select min(pt.unit_price) from price_list pl join price_tier pt on pt.price_list_id = pl.id
       where pl.service_id = s.id and pl.valid_from <= current_date and (pl.valid_to is null or pl.valid_to >= current_date))
     where s.id = $1`,
    [serviceId],
  );
  return { org, serviceId, typeId, draftSlug, suspendedOrg, suspendedOrgServiceSlug, xssSlug, xssName, otherOrgServiceSlug };
}
