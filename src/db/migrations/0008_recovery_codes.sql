-- The "Sicurezza" page of the personal area: recovery codes of the second factor, and a new authenticator
-- app being set up while the current one keeps working.

-- Ten single-use codes per account, shown once when generated; only their SHA-256 is kept (of the account id
-- and the normalised code, so equal codes of two accounts do not look alike). Generating again deletes the
-- old batch; a used code keeps its row until then (how many are left = rows not used).
create table recovery_code (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references app_user (id) on delete cascade,
  code_hash text not null,
  created_at timestamptz not null default now(),
  used_at timestamptz,
  unique (user_id, code_hash)
);

-- A second-factor secret waiting for its first code: app_user.totp_secret (the one logins check) is replaced
-- only when a code from the new secret is confirmed. One per account; starting again replaces it.
create table totp_enrolment (
  user_id uuid primary key references app_user (id) on delete cascade,
  secret text not null,
  created_at timestamptz not null default now()
);

-- A deleted account keeps its row (anonymised, status 'deleted'): its codes and pending secret go with it.
create or replace function drop_second_factor_of_deleted_user() returns trigger
language plpgsql as $$
begin
  delete from recovery_code where user_id = new.id;
  delete from totp_enrolment where user_id = new.id;
  return null;
end $$;

create trigger app_user_deleted_drops_second_factor
  after update of status on app_user
  for each row when (new.status = 'deleted' and old.status is distinct from 'deleted')
  execute function drop_second_factor_of_deleted_user();
