-- WeMi catalogue, aligned with Open Referral HSDS 3.0: organizations (enti), services (schede servizio),
-- locations (ente sites, Spazi WeMi), service_at_location, taxonomies and their terms. UUID ids everywhere.

create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is STABLE; an IMMUTABLE wrapper bound to the dictionary lets it be used in indexes.
create or replace function wemi_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- Normalised text for search: lower case, no accents.
create or replace function wemi_norm(text) returns text
  language sql immutable parallel safe strict
  as $$ select lower(wemi_unaccent($1)) $$;

-- Taxonomies: sections, categories, service types, target groups, tasks, time bands, municipi, support schemes.
create table taxonomy (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9_]+$'),
  name_it text not null,
  name_en text not null,
  description_it text not null default '',
  description_en text not null default '',
  uri text,
  version text not null default '1',
  updated_at timestamptz not null default now()
);

create table taxonomy_term (
  id uuid primary key default gen_random_uuid(),
  taxonomy_id uuid not null references taxonomy(id) on delete restrict,
  parent_id uuid references taxonomy_term(id) on delete restrict,
  code text not null check (code ~ '^[a-z0-9_]+$'),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_it text not null,
  name_en text not null,
  description_it text not null default '',
  description_en text not null default '',
  -- Words citizens use for this term (e.g. "badante" for "assistente familiare"); used by search.
  synonyms text[] not null default '{}',
  -- Bootstrap Italia icon name (without the "it-" prefix) shown on home and category pages.
  icon text,
  position integer not null default 0,
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  unique (taxonomy_id, code),
  unique (taxonomy_id, slug)
);
create index taxonomy_term_parent_idx on taxonomy_term (parent_id);

-- Organisations (enti). Only status 'active' is public.
create table organization (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null,
  legal_form text not null default '',
  description_it text not null default '',
  description_en text not null default '',
  tax_code text,
  vat_number text,
  email text,
  pec text,
  phone text,
  website text,
  logo_path text,
  -- Number of operators the ente declares (public counter "operatori").
  operators_count integer not null default 0 check (operators_count >= 0),
  status text not null default 'draft' check (status in ('draft', 'active', 'suspended', 'revoked')),
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organization_status_idx on organization (status);

-- Places: ente sites, Spazi WeMi, City offices.
create table location (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid references organization(id) on delete cascade,
  kind text not null check (kind in ('ente_site', 'spazio_wemi', 'city_office')),
  slug text unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null,
  description_it text not null default '',
  description_en text not null default '',
  address text not null default '',
  postal_code text not null default '',
  city text not null default 'Milano',
  municipio_id uuid references taxonomy_term(id),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  email text,
  phone text,
  website text,
  hours_it text not null default '',
  hours_en text not null default '',
  -- Managing organisation as written in the sources (for Spazi WeMi run by cooperatives).
  managed_by text not null default '',
  active boolean not null default true,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind <> 'spazio_wemi' or slug is not null)
);
create index location_kind_idx on location (kind);
create index location_org_idx on location (organization_id);
create index location_municipio_idx on location (municipio_id);

-- Enti linked to a Spazio WeMi.
create table organization_spazio (
  organization_id uuid not null references organization(id) on delete cascade,
  location_id uuid not null references location(id) on delete cascade,
  primary key (organization_id, location_id)
);
create index organization_spazio_location_idx on organization_spazio (location_id);

-- Service cards (schede servizio): one ente's offering of one service type.
create table service (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organization(id) on delete cascade,
  service_type_id uuid not null references taxonomy_term(id),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text not null,
  summary_it text not null default '',
  summary_en text not null default '',
  -- Description: analysis of the need, proposed solution, activities of the staff.
  need_analysis text not null default '',
  proposed_solution text not null default '',
  staff_activities text not null default '',
  -- Specific recipients, as free text (target groups are terms in service_taxonomy).
  recipients text not null default '',
  -- First contact.
  contact_phone text,
  contact_email text,
  contact_hours text not null default '',
  -- Areas covered beyond the Municipi (service_area): metropolitan municipalities.
  metro_municipalities text[] not null default '{}',
  -- Person responsible.
  responsible_name text not null default '',
  responsible_role text not null default '',
  -- Average waiting times, in days.
  wait_analysis_days integer check (wait_analysis_days >= 0),
  wait_activation_days integer check (wait_activation_days >= 0),
  -- Place of delivery.
  delivery_places text[] not null default '{}'
    check (delivery_places <@ array['domicilio', 'sede_ente', 'accompagnamento', 'online', 'altro']),
  delivery_other text not null default '',
  -- Staff: [{ "kind": "internal"|"external", "count": n, "qualifications": "...", "years_experience": n,
  --          "references_available": bool, "supplier": "..." }]
  staff jsonb not null default '[]',
  -- Price.
  offer_type text not null check (offer_type in ('free_public', 'free_volunteer', 'paid')),
  price_unit text not null default 'ora'
    check (price_unit in ('ora', 'intervento', 'pasto', 'seduta', 'giorno', 'settimana', 'mese', 'lezione', 'corso', 'pacchetto', 'km', 'pratica')),
  vat_rate numeric(5, 2) not null default 0 check (vat_rate >= 0 and vat_rate <= 100),
  custom_quote boolean not null default false,
  -- Packages: [{ "name": "...", "description": "...", "units": n, "price": n }]
  packages jsonb not null default '[]',
  mode text not null default 'individual' check (mode in ('individual', 'shared', 'both')),
  min_people integer not null default 1 check (min_people >= 1),
  max_people integer not null default 1 check (max_people >= min_people),
  delivery_from date,
  delivery_to date,
  -- Publication: only 'published' cards of 'active' enti with a valid price list (when paid) are public.
  status text not null default 'draft'
    check (status in ('draft', 'submitted', 'changes_requested', 'published', 'suspended', 'archived')),
  published_at timestamptz,
  -- Lowest current unit price (VAT included) of the valid price list; null when free or no valid list.
  price_from numeric(10, 2),
  -- Search document (maintained by refresh_service_search()).
  search_tsv tsvector,
  search_text text not null default '',
  rating_avg numeric(3, 2),
  rating_count integer not null default 0,
  is_demo boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index service_org_idx on service (organization_id);
create index service_type_idx on service (service_type_id);
create index service_status_idx on service (status);
create index service_tsv_idx on service using gin (search_tsv);
create index service_trgm_idx on service using gin (search_text gin_trgm_ops);
create index service_updated_idx on service (updated_at);

-- Price lists with validity windows; tiers by number of people × number of units. Prices include VAT.
create table price_list (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references service(id) on delete cascade,
  valid_from date not null,
  valid_to date,
  min_units integer not null default 1 check (min_units >= 1),
  notes text not null default '',
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);
create index price_list_service_idx on price_list (service_id);

create table price_tier (
  id uuid primary key default gen_random_uuid(),
  price_list_id uuid not null references price_list(id) on delete cascade,
  people_min integer not null default 1 check (people_min >= 1),
  people_max integer check (people_max is null or people_max >= people_min),
  units_min integer not null default 1 check (units_min >= 1),
  units_max integer check (units_max is null or units_max >= units_min),
  unit_price numeric(10, 2) not null check (unit_price >= 0)
);
create index price_tier_list_idx on price_tier (price_list_id);

create table service_at_location (
  id uuid primary key default gen_random_uuid(),
  service_id uuid not null references service(id) on delete cascade,
  location_id uuid not null references location(id) on delete cascade,
  unique (service_id, location_id)
);
create index service_at_location_location_idx on service_at_location (location_id);

-- Terms attached to a service: category, target groups, tasks, time bands, support schemes.
create table service_taxonomy (
  service_id uuid not null references service(id) on delete cascade,
  term_id uuid not null references taxonomy_term(id) on delete restrict,
  primary key (service_id, term_id)
);
create index service_taxonomy_term_idx on service_taxonomy (term_id);

-- Municipi covered by a service.
create table service_area (
  service_id uuid not null references service(id) on delete cascade,
  municipio_id uuid not null references taxonomy_term(id) on delete restrict,
  primary key (service_id, municipio_id)
);
create index service_area_municipio_idx on service_area (municipio_id);

-- The City's own access services (Carta dei Servizi): 02.02.02, Sistema WeMi, Centro Sammartini, …
create table city_service (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  position integer not null default 0,
  name_it text not null,
  name_en text not null,
  -- Every text field below exists in Italian and English: { "it": "...", "en": "..." }.
  summary jsonb not null,
  audience jsonb not null,
  offers jsonb not null,
  how_to_access jsonb not null,
  documents jsonb not null,
  cost jsonb not null,
  hours jsonb not null,
  contacts jsonb not null,
  -- [{ "it": "...", "en": "..." }]: quality standards of the Carta dei Servizi.
  quality_standards jsonb not null default '[]',
  location_id uuid references location(id),
  updated_at timestamptz not null default now()
);

-- Synonyms a citizen might type, expanded at query time (both directions within a group).
create table search_synonym (
  id uuid primary key default gen_random_uuid(),
  terms text[] not null check (cardinality(terms) >= 2)
);

-- Vocabulary of the catalogue for typo correction (refreshed with the search documents).
create table search_word (
  word text primary key
);
create index search_word_trgm_idx on search_word using gin (word gin_trgm_ops);

-- Page feedback widget answers ("Quanto sono chiare le informazioni su questa pagina?").
create table page_feedback (
  id uuid primary key default gen_random_uuid(),
  page_path text not null check (length(page_path) <= 500),
  rating smallint not null check (rating between 1 and 5),
  answer text check (length(answer) <= 100),
  details text check (length(details) <= 2000),
  locale text not null default 'it',
  created_at timestamptz not null default now()
);
create index page_feedback_path_idx on page_feedback (page_path, created_at desc);

-- People with an account (filled in by the accounts feature); the public counter counts citizens.
create table app_user (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('citizen', 'staff', 'ente')),
  email text,
  given_name text not null default '',
  family_name text not null default '',
  is_demo boolean not null default false,
  created_at timestamptz not null default now()
);

-- Audit log of every state change.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_id uuid,
  actor_label text not null default '',
  action text not null,
  target_type text,
  target_id text,
  ip text,
  details jsonb not null default '{}'
);
create index audit_log_at_idx on audit_log (at desc);
create index audit_log_action_idx on audit_log (action, at desc);

-- Public visibility in one place: a published card of an active ente whose price list (when paid) is valid today.
create or replace view public_service as
  select s.*
  from service s
  join organization o on o.id = s.organization_id
  where s.status = 'published' and o.status = 'active';

-- Rebuilds the search document of one service (or all when null): weights A = name and service type,
-- B = category, synonyms and ente, C = summary, target groups and tasks, D = long description.
create or replace function refresh_service_search(p_service_id uuid) returns void
language plpgsql as $$
begin
  update service s set
    search_tsv =
      setweight(to_tsvector('italian', wemi_norm(coalesce(s.name, '') || ' ' || coalesce(st.name_it, ''))), 'A') ||
      setweight(to_tsvector('italian', wemi_norm(coalesce(cat.name_it, '') || ' ' || array_to_string(st.synonyms || coalesce(cat.synonyms, '{}'), ' ') || ' ' || o.name)), 'B') ||
      setweight(to_tsvector('italian', wemi_norm(coalesce(s.summary_it, '') || ' ' || coalesce(terms.names, ''))), 'C') ||
      setweight(to_tsvector('italian', wemi_norm(coalesce(s.recipients, '') || ' ' || coalesce(s.need_analysis, '') || ' ' || coalesce(s.proposed_solution, '') || ' ' || coalesce(s.staff_activities, ''))), 'D'),
    search_text = wemi_norm(coalesce(s.name, '') || ' ' || coalesce(st.name_it, '') || ' ' || coalesce(cat.name_it, '') || ' ' || o.name),
    price_from = case when s.offer_type = 'paid' then (
      select min(pt.unit_price) from price_list pl join price_tier pt on pt.price_list_id = pl.id
      where pl.service_id = s.id and pl.valid_from <= current_date and (pl.valid_to is null or pl.valid_to >= current_date)
    ) else null end
  from taxonomy_term st
  left join taxonomy_term cat on cat.id = st.parent_id
  cross join organization o
  left join lateral (
    select string_agg(t.name_it || ' ' || array_to_string(t.synonyms, ' '), ' ') as names
    from service_taxonomy x join taxonomy_term t on t.id = x.term_id where x.service_id = s.id
  ) terms on true
  where st.id = s.service_type_id and o.id = s.organization_id
    and (p_service_id is null or s.id = p_service_id);
end $$;

-- Rebuilds the typo-correction vocabulary from the search documents and the taxonomy.
create or replace function refresh_search_words() returns void
language plpgsql as $$
begin
  delete from search_word;
  insert into search_word (word)
  select distinct w from (
    select regexp_split_to_table(wemi_norm(s.name || ' ' || s.summary_it || ' ' || s.search_text), '[^a-z0-9]+') as w
    from service s where s.status = 'published'
    union all
    select regexp_split_to_table(wemi_norm(t.name_it || ' ' || array_to_string(t.synonyms, ' ')), '[^a-z0-9]+')
    from taxonomy_term t
    union all
    select regexp_split_to_table(wemi_norm(array_to_string(terms, ' ')), '[^a-z0-9]+') from search_synonym
  ) x
  where length(w) >= 3
  on conflict do nothing;
end $$;
