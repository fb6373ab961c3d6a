-- Indexes on every column that references stored_file: deleting a stored file (the daily clean-up of
-- src/lib/uploads.cleanup.ts, replacements) makes PostgreSQL check each referencing table, which without an
-- index is a full scan per deleted row.
create index if not exists ente_application_document_file_idx on ente_application_document (file_id);
create index if not exists organization_logo_file_idx on organization (logo_file_id) where logo_file_id is not null;
create index if not exists organization_terms_file_idx on organization (terms_file_id) where terms_file_id is not null;
create index if not exists organization_privacy_file_idx on organization (privacy_file_id) where privacy_file_id is not null;
create index if not exists organization_withdrawal_file_idx on organization (withdrawal_file_id) where withdrawal_file_id is not null;
create index if not exists service_request_attachment_file_idx on service_request_attachment (file_id);
create index if not exists ente_request_offer_file_idx on ente_request (offer_file_id) where offer_file_id is not null;
create index if not exists request_message_file_idx on request_message (file_id) where file_id is not null;
