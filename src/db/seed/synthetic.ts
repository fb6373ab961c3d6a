import type { Db, Queryable } from '../database';
import { SEED_LOCK } from './demo';

// Synthetic catalogue for benchmarks: N enti and M services (slug prefix "synt-", is_demo, published, active),
// spread over every service type and Municipio, with price lists, areas, terms and a site per ente.
// Set-based SQL (generate_series + data-modifying CTEs), in batches, so 10,000 services take seconds.

const BATCH = 2_000;

interface Vocabulary {
  municipi: string[];
  types: string[];
  targets: string[];
  bands: string[];
  tasks: string[];
}

async function vocabulary(tx: Queryable): Promise<Vocabulary> {
  const ids = async (code: string) =>
    (
      await tx.one<{ ids: string[] | null }>(
        `select array_agg(t.id order by t.position, t.code) as ids
         from taxonomy_term t join taxonomy x on x.id = t.taxonomy_id where x.code = $1`,
        [code],
      )
    ).ids ?? [];
  return {
    municipi: await ids('municipio'),
    types: await ids('service_type'),
    targets: await ids('target_group'),
    bands: await ids('time_band'),
    tasks: await ids('task'),
  };
}

const LEGAL_FORMS = ['Cooperativa sociale di tipo A', 'Cooperativa sociale di tipo B', 'Associazione di promozione sociale (APS)', 'Organizzazione di volontariato (ODV)', 'Impresa sociale srl'];
const NAME_PARTS = ['Aurora', 'Girasole', 'Ponte', 'Sorgente', 'Orizzonte', 'Mosaico', 'Arcobaleno', 'Faro', 'Radice', 'Sentiero', 'Quercia', 'Vela'];
const SUFFIXES = ['in città', 'di quartiere', 'a domicilio', 'per famiglie', 'su misura', 'flessibile', 'di prossimità', 'insieme'];

async function insertEnti(tx: Queryable, from: number, to: number, v: Vocabulary): Promise<void> {
  await tx.query(
    `with o as (
       insert into organization (slug, name, legal_form, description_it, description_en, tax_code, email, phone, website,
                                 operators_count, status, is_demo)
       select 'synt-ente-' || lpad(i::text, 5, '0'),
              ($3::text[])[1 + i % cardinality($3::text[])] || ' ' || ($4::text[])[1 + (i / 5) % cardinality($4::text[])] || ' ' || i,
              ($3::text[])[1 + i % cardinality($3::text[])],
              'Ente sintetico generato per i test di carico (dati dimostrativi).',
              'Synthetic organisation generated for load tests (demo data).',
              lpad((i % 100000000000)::text, 11, '0'),
              'info@synt-ente-' || i || '.esempio.it', '02 0' || (100 + i % 900) || ' ' || (1000 + i % 9000),
              'https://synt-ente-' || i || '.esempio.it', 3 + i % 60, 'active', true
       from generate_series($1::int, $2::int) as i
       returning id, slug
     )
     insert into location (organization_id, kind, slug, name, address, postal_code, municipio_id, latitude, longitude, is_demo)
     select o.id, 'ente_site', o.slug || '-sede', 'Sede ' || o.slug, 'Via Sintetica, ' || (1 + n % 200), '201' || lpad((n % 60)::text, 2, '0'),
            ($5::uuid[])[1 + n % cardinality($5::uuid[])], 45.40 + (n % 97) * 0.0016, 9.08 + (n % 89) * 0.0022, true
     from (select o.*, row_number() over (order by o.slug) as n from o) as o`,
    [from, to, LEGAL_FORMS, NAME_PARTS, v.municipi],
  );
}

async function insertServices(tx: Queryable, from: number, to: number, orgs: string[], v: Vocabulary): Promise<void> {
  await tx.query(
    `with src as (
       select i, st.id as type_id, st.name_it as type_name, st.description_it as type_desc, st.slug as type_slug,
              cat.id as cat_id, cat.name_it as cat_name, cat.description_it as cat_desc,
              ($3::uuid[])[1 + (i * 7919) % cardinality($3::uuid[])] as org_id,
              case when i % 10 < 7 then 'paid' when i % 10 < 9 then 'free_public' else 'free_volunteer' end as offer,
              case when i % 3 = 0 then 'shared' when i % 7 = 0 then 'both' else 'individual' end as mode
       from generate_series($1::int, $2::int) as i
       join taxonomy_term st on st.id = ($4::uuid[])[1 + i % cardinality($4::uuid[])]
       left join taxonomy_term cat on cat.id = st.parent_id
     ),
     s as (
       insert into service (organization_id, service_type_id, slug, name, summary_it, summary_en, need_analysis, proposed_solution,
                            staff_activities, recipients, contact_phone, contact_email, contact_hours, responsible_name, responsible_role,
                            wait_analysis_days, wait_activation_days, delivery_places, staff, offer_type, price_unit, vat_rate, mode,
                            min_people, max_people, status, published_at, is_demo)
       select org_id, type_id, 'synt-' || type_slug || '-' || i, type_name || ' ' || ($6::text[])[1 + i % cardinality($6::text[])] || ' n. ' || i,
              'Servizio sintetico: ' || type_desc, 'Synthetic service: ' || type_name,
              coalesce(cat_desc, '') || ' Analisi del bisogno generata per i test di carico.',
              type_desc || ' Proposta generata automaticamente.', 'Attività del personale: ' || lower(type_name) || ', coordinamento, verifica.',
              'Destinatari del servizio ' || lower(coalesce(cat_name, type_name)) || '.',
              '02 0' || (100 + i % 900) || ' ' || (1000 + i % 9000), 'servizi' || i || '@synt.esempio.it', 'Dal lunedì al venerdì, 9:00-17:00',
              'Referente ' || i, 'Responsabile del servizio', 1 + i % 7, 2 + i % 14,
              case when i % 4 = 0 then array['domicilio', 'sede_ente'] else array['domicilio'] end,
              jsonb_build_array(jsonb_build_object('kind', 'internal', 'count', 2 + i % 20, 'qualifications', 'Operatore qualificato',
                                                   'years_experience', 1 + i % 20, 'references_available', i % 2 = 0)),
              offer, 'ora', case when offer = 'paid' then 5 else 0 end, mode,
              case when mode = 'shared' then 2 else 1 end, case when mode = 'individual' then 1 else 6 end,
              'published', now() - make_interval(days => i % 700), true
       from src
       returning id, organization_id, service_type_id, offer_type, mode
     ),
     pl as (
       insert into price_list (service_id, valid_from, valid_to, notes)
       select id, current_date - (10 + (2147483647 & hashtext(id::text)) % 300), null, 'Prezzi IVA inclusa.' from s where offer_type = 'paid'
       returning id, service_id
     ),
     pt as (
       insert into price_tier (price_list_id, people_min, people_max, units_min, units_max, unit_price)
       select pl.id, 1, null, 1, null, 8 + ((2147483647 & hashtext(pl.service_id::text)) % 5200) / 100.0 from pl
       returning 1
     ),
     tx_terms as (
       insert into service_taxonomy (service_id, term_id)
       select distinct s.id, t.term_id from s
       join taxonomy_term st on st.id = s.service_type_id
       cross join lateral (values
         (st.parent_id),
         (($5::uuid[])[1 + (2147483647 & hashtext(s.id::text)) % cardinality($5::uuid[])]),
         (($7::uuid[])[1 + (2147483647 & hashtext(s.id::text || 'b')) % cardinality($7::uuid[])]),
         (($8::uuid[])[1 + (2147483647 & hashtext(s.id::text || 'k')) % cardinality($8::uuid[])])
       ) as t(term_id)
       where t.term_id is not null
       returning 1
     ),
     areas as (
       insert into service_area (service_id, municipio_id)
       select distinct s.id, ($9::uuid[])[1 + ((2147483647 & hashtext(s.id::text)) + k) % 9] from s cross join generate_series(0, (2147483647 & hashtext(s.id::text || 'a')) % 3) as k
       returning 1
     )
     insert into service_at_location (service_id, location_id)
     select s.id, l.id from s join location l on l.organization_id = s.organization_id and l.kind = 'ente_site'
     on conflict do nothing`,
    [from, to, orgs, v.types, v.targets, SUFFIXES, v.bands, v.tasks, v.municipi],
  );
}

/**
 * Inserts `enti` synthetic enti and `services` synthetic services. Needs the demo taxonomy (run seedDemoData first).
 * Skips with a message when synthetic data is already there.
 */
export async function seedSynthetic(db: Db, opts: { services: number; enti: number; log: (m: string) => void }): Promise<void> {
  const { log } = opts;
  if (!Number.isInteger(opts.services) || !Number.isInteger(opts.enti) || opts.services < 1 || opts.enti < 1) {
    throw new Error('seedSynthetic needs positive whole numbers of services and enti');
  }
  const started = Date.now();
  const v = await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const voc = await vocabulary(tx);
    if (voc.types.length === 0 || voc.municipi.length !== 9) {
      throw new Error('Synthetic data needs the demo taxonomy: run the demo seed first (npm run seed).');
    }
    const existing = await tx.one<{ n: number }>(`select count(*)::int as n from organization where slug like 'synt-%'`);
    if (existing.n > 0) return null;
    await insertEnti(tx, 1, opts.enti, voc);
    return voc;
  });
  if (!v) {
    const n = await db.one<{ n: number }>(`select count(*)::int as n from service where slug like 'synt-%'`);
    log(`Synthetic data already present (${n.n} services): nothing to do. Recreate the database to load it again.`);
    return;
  }
  log(`Synthetic enti: ${opts.enti} (${Date.now() - started} ms)`);
  const orgs = (await db.one<{ ids: string[] }>(`select array_agg(id order by slug) as ids from organization where slug like 'synt-%'`)).ids;
  for (let from = 1; from <= opts.services; from += BATCH) {
    const to = Math.min(opts.services, from + BATCH - 1);
    await db.transaction((tx) => insertServices(tx, from, to, orgs, v));
    log(`Synthetic services: ${to}/${opts.services} (${Date.now() - started} ms)`);
  }
  await db.transaction(async (tx) => {
    await tx.query('select refresh_service_search(null)');
    await tx.query('select refresh_search_words()');
  });
  // Statistics for the planner after a bulk load (PGlite has no autovacuum; a server's may not have run yet).
  await db.exec('analyze');
  log(`Search documents refreshed; synthetic data done in ${Date.now() - started} ms.`);
}
