-- Search cache invalidation: a counter that moves whenever anything a search result depends on changes
-- (cards, enti, taxonomy, areas, places, synonyms, vocabulary, price lists). The search feature keeps
-- recent results in memory and reads this counter (one tiny query) before answering from memory.
create sequence if not exists search_catalogue_version;

create or replace function bump_search_catalogue_version() returns trigger
language plpgsql as $$
begin
  perform nextval('search_catalogue_version');
  return null;
end $$;

do $$
declare
  t text;
begin
  foreach t in array array[
    'service', 'organization', 'taxonomy', 'taxonomy_term', 'service_taxonomy', 'service_area', 'location',
    'organization_spazio', 'service_at_location', 'search_synonym', 'search_word', 'price_list', 'price_tier'
  ] loop
    execute format(
      'create trigger %I after insert or update or delete or truncate on %I for each statement execute function bump_search_catalogue_version()',
      t || '_search_version', t);
  end loop;
end $$;
