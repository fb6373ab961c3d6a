import type { Queryable } from '../database';
import { hashPassword } from '../../features/accounts/password';
import { PRIVACY_VERSION } from '../../features/accounts/login.service';
import { createUser, grantRole } from '../../features/accounts/users.repository';

// Demo accounts for trying the back offices on a development machine (never in production: the
// passwords are public, in the README). City staff enrol their second factor at the first login.

export const DEMO_PASSWORD = 'WeMi-demo-2026!';

export const DEMO_ACCOUNTS = {
  cityAdmin: 'comune.admin@demo.wemi.example',
  cityContent: 'comune.redazione@demo.wemi.example',
  enteAdmin: 'ente.admin@demo.wemi.example',
  enteOperator: 'ente.operatore@demo.wemi.example',
} as const;

/** Creates the demo accounts when absent. Returns how many were created. */
export async function seedDemoAccounts(tx: Queryable): Promise<number> {
  const existing = await tx.maybeOne('select 1 from app_user where email = $1', [DEMO_ACCOUNTS.cityAdmin]);
  if (existing) return 0;
  const ente = await tx.maybeOne<{ id: string }>(`select id from organization where status = 'active' and is_demo order by name limit 1`);
  const hash = await hashPassword(DEMO_PASSWORD);
  const make = async (email: string, kind: 'staff' | 'ente', givenName: string, familyName: string) => {
    const id = await createUser(tx, { kind, email, emailVerified: true, passwordHash: hash, givenName, familyName });
    await tx.query('update app_user set privacy_version = $2, privacy_accepted_at = now(), is_demo = true where id = $1', [id, PRIVACY_VERSION]);
    return id;
  };
  const admin = await make(DEMO_ACCOUNTS.cityAdmin, 'staff', 'Giulia', 'Ferrari');
  for (const permission of ['users', 'content', 'enti', 'requests', 'statistics'] as const) await grantRole(tx, { userId: admin, role: 'city', permission });
  const editor = await make(DEMO_ACCOUNTS.cityContent, 'staff', 'Paolo', 'Colombo');
  await grantRole(tx, { userId: editor, role: 'city', permission: 'content', grantedBy: admin });
  let created = 2;
  if (ente) {
    const enteAdmin = await make(DEMO_ACCOUNTS.enteAdmin, 'ente', 'Chiara', 'Ricci');
    await grantRole(tx, { userId: enteAdmin, role: 'ente_admin', organizationId: ente.id, grantedBy: admin });
    const operator = await make(DEMO_ACCOUNTS.enteOperator, 'ente', 'Luca', 'Marino');
    await grantRole(tx, { userId: operator, role: 'ente_operator', organizationId: ente.id, grantedBy: enteAdmin });
    created += 2;
  }
  return created;
}
