-- refresh_service_search() of 0001 fails on PostgreSQL ("invalid reference to FROM-clause entry for table s"):
-- a LATERAL subquery in UPDATE … FROM cannot reference the table being updated. Same document, same weights;
-- the terms of the service are now read by a correlated subquery in SET.
create or replace function refresh_service_search(p_service_id uuid) returns void
language plpgsql as $$
begin
  update service s set
    search_tsv =
      setweight(to_tsvector('italian', wemi_norm(coalesce(s.name, '') || ' ' || coalesce(st.name_it, ''))), 'A') ||
      setweight(to_tsvector('italian', wemi_norm(coalesce(cat.name_it, '') || ' ' || array_to_string(st.synonyms || coalesce(cat.synonyms, '{}'), ' ') || ' ' || o.name)), 'B') ||
      setweight(to_tsvector('italian', wemi_norm(coalesce(s.summary_it, '') || ' ' || coalesce((
        select string_agg(t.name_it || ' ' || array_to_string(t.synonyms, ' '), ' ')
        from service_taxonomy x join taxonomy_term t on t.id = x.term_id where x.service_id = s.id
      ), ''))), 'C') ||
      setweight(to_tsvector('italian', wemi_norm(coalesce(s.recipients, '') || ' ' || coalesce(s.need_analysis, '') || ' ' || coalesce(s.proposed_solution, '') || ' ' || coalesce(s.staff_activities, ''))), 'D'),
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
