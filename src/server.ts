import { loadConfig, ConfigError } from './config';
import { openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { seedDemoData } from './db/seed/demo';
import { refreshStatistics } from './db/statistics';
import { buildAssets } from './web/assets';
import { buildApp } from './app';
import { startDemoIdentityGatewayFor, type DemoIdentityGateway } from './features/identity-gateway/demo-gateway';
import { createMailSender, startMailWorker } from './lib/mail/outbox';
import { startJobRunner } from './lib/jobs';
import { allJobs } from './jobs';

// Composition root of the running server: configuration → database → migrations → seed → app → listen.

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE });
  await migrate(db);
  // Demo accounts (public passwords) never in production.
  if (config.SEED_DEMO_DATA) await seedDemoData(db, { accounts: config.NODE_ENV !== 'production' });
  // The embedded database has no autovacuum: planner statistics now, then every six hours (src/db/statistics.ts).
  await refreshStatistics(db);
  const assets = await buildAssets();
  // Development without a real identity gateway: a local one with test citizens (see docs/decisions/0005).
  let gateway: DemoIdentityGateway | undefined;
  if (config.demoIdentityGateway) ({ gateway, config } = await startDemoIdentityGatewayFor(config));
  const app = await buildApp({ config, db, assets });

  // The e-mail outbox worker: every node may run it (rows are leased with SKIP LOCKED).
  const mail = startMailWorker(db, createMailSender({ smtpUrl: config.SMTP_URL, dropDir: config.mailDir }), {
    from: config.MAIL_FROM,
    domain: new URL(config.publicBaseUrl).hostname,
    intervalMs: 5_000,
    onError: (err) => app.log.error({ err }, 'mail delivery round failed'),
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      app.log.error('forced exit after 10 s');
      process.exit(1);
    }, 10_000);
    timer.unref();
    try {
      await app.close();
      await gateway?.close();
      await jobs.stop();
      await mail.stop();
      await db.close();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  // Scheduled jobs (price-list expiry …): every node runs the runner, each job runs once (src/lib/jobs.ts).
  const jobs = startJobRunner(db, allJobs(config), {
    intervalMs: 60_000,
    onError: (err) => app.log.error({ err }, 'scheduled job round failed'),
    onRun: (o) => app.log.info({ job: o.job, outcome: o.outcome, details: o.details }, 'scheduled job ran'),
  });

  await app.listen({ host: config.HOST, port: config.PORT });
  app.log.info({ url: config.publicBaseUrl, database: db.kind }, 'WeMi is serving');
  if (gateway) app.log.info({ issuer: gateway.issuer }, 'demo identity gateway (test citizens) is serving');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
