-- Login throttling that an attacker cannot turn against the owner (issue 10, finding 9; decision 0004).

-- Browsers that signed in to an account: the SHA-256 of the long-lived random device cookie (wemi_device) set by
-- the login page, recorded when the password was right or an e-mailed unlock link was used in that browser. Such
-- a browser is throttled on its own counter, never by the account-wide or network-wide locks.
create table login_device (
  user_id uuid not null references app_user (id) on delete cascade,
  device_hash text not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (user_id, device_hash)
);

-- When a burst of failures on this key was last reported (audit row and alert e-mail): once per burst, a burst
-- lasting until the key's window starts again.
alter table auth_throttle add column burst_alerted_at timestamptz;

-- The e-mailed unlock link is a single-use token like the others (only its hash is kept).
alter table one_time_token drop constraint one_time_token_purpose_check;
alter table one_time_token add constraint one_time_token_purpose_check
  check (purpose in ('verify_email', 'reset_password', 'invitation', 'unlock_login'));

-- A deleted account keeps its row (anonymised): the browsers it signed in from are forgotten.
create or replace function drop_login_devices_of_deleted_user() returns trigger
language plpgsql as $$
begin
  delete from login_device where user_id = new.id;
  return null;
end $$;

create trigger app_user_deleted_drops_login_devices
  after update of status on app_user
  for each row when (new.status = 'deleted' and old.status is distinct from 'deleted')
  execute function drop_login_devices_of_deleted_user();
