import { loadConfig } from '../config';
import { openDatabase } from './database';
import { migrate } from './migrate';
import { seedDemoData } from './seed/demo';
import { seedSynthetic } from './seed/synthetic';
import { inviteUser } from '../features/accounts/public/links.service';
import { audit } from '../lib/audit';
import { CITY_PERMISSIONS } from '../lib/http/access';

// Database commands: `npm run migrate`, `npm run seed`, `npm run seed:synthetic -- --services 10000 --enti 1000`,
// `npm run invite-admin -- <e-mail>`.

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} needs a positive whole number`);
  return n;
}

const command = process.argv[2];
const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 4 });
try {
  const applied = await migrate(db);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Migrations: up to date');
  if (command === 'seed') {
    console.log(await seedDemoData(db, { accounts: config.NODE_ENV !== 'production' }));
  } else if (command === 'synthetic') {
    await seedSynthetic(db, { services: arg('services', 10_000), enti: arg('enti', 1_000), log: (m) => console.log(m) });
  } else if (command === 'invite-admin') {
    // The first City user administrator of a new installation: an invitation e-mail (through the outbox,
    // delivered by the running server) with every City permission. Later staff are invited from the back office.
    const email = process.argv[3] ?? '';
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error('Usage: npm run invite-admin -- nome.cognome@comune.milano.it');
    const result = await db.transaction(async (tx) => {
      const r = await inviteUser(tx, {
        email,
        kind: 'staff',
        givenName: '',
        familyName: '',
        roles: CITY_PERMISSIONS.map((permission) => ({ role: 'city' as const, permission })),
        invitedBy: null,
        baseUrl: config.publicBaseUrl,
      });
      await audit(tx, { actorLabel: 'system', action: 'users.invite', targetType: 'user', targetId: r.userId, details: { via: 'cli', outcome: r.outcome } });
      return r;
    });
    console.log(
      result.outcome === 'unavailable'
        ? `The account ${email} is ${result.status}: nothing done.`
        : `Invitation for ${email} queued (${result.outcome}); the server delivers it through the outbox.`,
    );
  } else if (command !== 'migrate') {
    console.error('Usage: cli.ts migrate | seed | synthetic [--services N] [--enti N] | invite-admin <e-mail>');
    process.exitCode = 2;
  }
} finally {
  await db.close();
}
