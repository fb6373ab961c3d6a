import { loadConfig } from '../config';
import { openDatabase } from './database';
import { migrate } from './migrate';
import { seedDemoData } from './seed/demo';
import { seedSynthetic } from './seed/synthetic';

// Database commands: `npm run migrate`, `npm run seed`, `npm run seed:synthetic -- --services 10000 --enti 1000`.

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
  } else if (command !== 'migrate') {
    console.error('Usage: cli.ts migrate | seed | synthetic [--services N] [--enti N]');
    process.exitCode = 2;
  }
} finally {
  await db.close();
}
