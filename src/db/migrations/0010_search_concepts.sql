-- The concept dictionary of the search (docs/decisions/0008-search-understanding.md): what people type (in any
-- language, in their own words) mapped to what the catalogue calls it. The City edits it in the back office's
-- taxonomy section. A concept either
--   * kind 'concept': its terms, when typed, also search the related Italian expressions, and cards of the listed
--     service types / categories are the concept's own cards (they outrank cards that merely share a word);
--   * kind 'ignore': its terms carry no meaning in a query ("cerco", "ho bisogno di", "mia madre") and are left out.
-- Terms and expressions are stored normalised (lower case, no accents), as the search compares them.
create table if not exists search_concept (
  id uuid primary key default gen_random_uuid(),
  label text not null check (length(label) between 1 and 120),
  kind text not null default 'concept' check (kind in ('concept', 'ignore')),
  terms text[] not null check (cardinality(terms) between 1 and 40),
  related text[] not null default '{}' check (cardinality(related) <= 40),
  service_types text[] not null default '{}',
  categories text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references app_user (id) on delete set null
);

create index if not exists search_concept_label_idx on search_concept (lower(label));

-- Every change reaches the search caches of every node (NOTIFY wemi_catalogue, migration 0007).
drop trigger if exists search_concept_search_version on search_concept;
create trigger search_concept_search_version after insert or update or delete or truncate on search_concept
  for each statement execute function bump_search_catalogue_version();

-- Where a word is found says how much a card is about it. The classifications of a card (its target groups, tasks,
-- time bands: "preparazione pasti" is a task of baby-sitting) move from weight C to D, with the long texts: a card
-- whose own summary says "pasti" is about meals, one that lists cooking among its tasks is not. Weights otherwise
-- as in 0003: A name and service type, B category, synonyms and ente, C the summary, D the rest.
create or replace function refresh_service_search(p_service_id uuid) returns void
language plpgsql as $$
begin
  update service s set
    search_tsv =
      setweight(to_tsvector('italian', wemi_norm(coalesce(s.name, '') || ' ' || coalesce(st.name_it, ''))), 'A') ||
      setweight(to_tsvector('italian', wemi_norm(coalesce(cat.name_it, '') || ' ' || array_to_string(st.synonyms || coalesce(cat.synonyms, '{}'), ' ') || ' ' || o.name)), 'B') ||
      setweight(to_tsvector('italian', wemi_norm(coalesce(s.summary_it, ''))), 'C') ||
      setweight(to_tsvector('italian', wemi_norm(coalesce((
        select string_agg(t.name_it || ' ' || array_to_string(t.synonyms, ' '), ' ')
        from service_taxonomy x join taxonomy_term t on t.id = x.term_id where x.service_id = s.id
      ), '') || ' ' || coalesce(s.recipients, '') || ' ' || coalesce(s.need_analysis, '') || ' ' || coalesce(s.proposed_solution, '') || ' ' || coalesce(s.staff_activities, ''))), 'D'),
    search_text = wemi_norm(coalesce(s.name, '') || ' ' || coalesce(st.name_it, '') || ' ' || coalesce(cat.name_it, '') || ' ' || o.name),
    price_from = case when s.offer_type = 'paid' then (
      select min(pt.unit_price) from price_list pl join price_tier pt on pt.price_list_id = pl.id
      where pl.service_id = s.id and pl.valid_from <= current_date and (pl.valid_to is null or pl.valid_to >= current_date)
    ) else null end
  from taxonomy_term st
  left join taxonomy_term cat on cat.id = st.parent_id
  cross join organization o
  where st.id = s.service_type_id and o.id = s.organization_id
    and (p_service_id is null or s.id = p_service_id);
end $$;

select refresh_service_search(null);
