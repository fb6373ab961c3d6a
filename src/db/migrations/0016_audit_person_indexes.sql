-- "I miei dati" (issue 10): the export reads the audit entries about a person's own records (their account,
-- requests, each ente's copy, complaints, reviews, applications: target_type + target_id) and the security
-- events that name them only by e-mail or codice fiscale (no actor id: a locked login, a reset asked for their
-- address); the deletion of an account rewrites the same rows. Without these indexes both read the whole log.
create index if not exists audit_log_target_idx on audit_log (target_type, target_id) where target_id is not null;
create index if not exists audit_log_anonymous_label_idx on audit_log (actor_label) where actor_id is null;
