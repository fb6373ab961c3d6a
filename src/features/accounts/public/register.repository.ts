import type { Queryable } from '../../../db/database';
import { normalizeEmail } from '../users.repository';

// SQL of the citizens' self-registration. The rest (roles, tokens, privacy acceptance, the account by its
// e-mail) is the SQL shared with the other account flows (users.repository.ts, personal.repository.ts).

/**
 * Creates an active citizen account with a password and an unverified e-mail address, unless the address
 * already has an account: then nothing is written and the answer is undefined. One statement, so two
 * registrations of the same address at once create one account (the unique index on app_user.email decides).
 */
export async function insertCitizenIfNew(
  q: Queryable,
  a: { email: string; givenName: string; familyName: string; passwordHash: string },
): Promise<string | undefined> {
  const row = await q.maybeOne<{ id: string }>(
    `insert into app_user (kind, email, email_verified_at, password_hash, given_name, family_name, status)
     values ('citizen', $1, null, $2, $3, $4, 'active')
     on conflict (email) where email is not null do nothing
     returning id`,
    [normalizeEmail(a.email), a.passwordHash, a.givenName, a.familyName],
  );
  return row?.id;
}
