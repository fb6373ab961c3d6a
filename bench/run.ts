// npm run bench — measures the search API and the home page on the embedded database (PGlite) and on
// PostgreSQL, each filled with the demo data plus synthetic data (default 10,000 services, 1,000 enti).
// The server runs as its own process; this process generates the load over loopback keep-alive
// connections and reports p50/p95/p99 latency and requests per second. Also reports the home page weight.
//
// Options (environment): BENCH_SERVICES (10000), BENCH_ENTI (1000), BENCH_SECONDS (10 per scenario),
// BENCH_CONNECTIONS (32), BENCH_TARGETS (pglite,postgres), BENCH_PG_URL (postgres://postgres@127.0.0.1:5432/postgres),
// BENCH_WORKERS (app processes; default 1), BENCH_BASELINE (a git ref, e.g. HEAD~3: the same bench is run first on
// that commit, checked out in a temporary worktree, then on this tree, and both tables are printed with the ratio).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import zlib from 'node:zlib';
import { openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { seedDemoData } from '../src/db/seed/demo';
import { seedSynthetic } from '../src/db/seed/synthetic';

const SERVICES = Number(process.env.BENCH_SERVICES ?? 10_000);
const ENTI = Number(process.env.BENCH_ENTI ?? 1_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const TARGETS = (process.env.BENCH_TARGETS ?? 'pglite,postgres').split(',');
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WORKERS = Number(process.env.BENCH_WORKERS ?? 1);
const ENCODING = process.env.BENCH_ENCODING ?? 'gzip, br';
const BASELINE = process.env.BENCH_BASELINE;

// Queries a citizen would type, with and without filters; the search API is hit with them in turn.
const SEARCHES = [
  '/api/v1/services?q=badante',
  '/api/v1/services?q=assistenza%20anziani&municipio=3',
  '/api/v1/services?q=pasti',
  '/api/v1/services?q=psicologo&ordina=prezzo_asc',
  '/api/v1/services?q=baby%20sitter&municipio=5&municipio=6',
  '/api/v1/services?gratuito=1',
  '/api/v1/services?q=badnte',
  '/api/v1/services?q=corsi%20italiano&pagina=2',
  '/api/v1/services?municipio=8&ordina=prezzo_desc',
  '/api/v1/services?q=trasporto',
];

/**
 * Searches that are all different (words, typos, Municipio, page, sort, free only, page size: 14,400
 * combinations in a shuffled order), so that no answer comes from the response cache: the cost of a search
 * the process has not answered yet under the current catalogue.
 */
function distinctSearches(): string[] {
  const words = [
    'badante', 'anziani', 'pasti', 'psicologo', 'baby sitter', 'tata', 'colf', 'trasporto', 'infermiere', 'fisioterapia',
    'disabili', 'corsi italiano', 'doposcuola', 'educatore', 'assistenza domiciliare', 'pulizie', 'spesa a domicilio',
    'compagnia', 'ascolto', 'sostegno famiglia', 'minori', 'adolescenti', 'lavoro', 'notte', 'weekend', 'ginnastica',
    'memoria', 'alzheimer', 'pedagogista', 'logopedia', 'mediazione', 'badnte', 'psicolgo', 'assitenza', 'animazione',
    'laboratorio', 'sport', 'bagno assistito', 'cura della persona', 'accompagnamento',
  ];
  const urls: string[] = [];
  for (const w of words)
    for (const m of ['', '1', '2', '3', '4', '5', '6', '7', '8', '9'])
      for (const page of [1, 2, 3])
        for (const sort of ['', 'prezzo_asc', 'prezzo_desc'])
          for (const free of [false, true])
            for (const per of [10, 20]) {
              const q = new URLSearchParams({ q: w });
              if (m) q.set('municipio', m);
              if (page > 1) q.set('pagina', String(page));
              if (sort) q.set('ordina', sort);
              if (free) q.set('gratuito', '1');
              q.set('per_pagina', String(per));
              urls.push(`/api/v1/services?${q}`);
            }
  // A fixed shuffle, the same on every run.
  let seed = 42;
  for (let i = urls.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [urls[i], urls[j]] = [urls[j]!, urls[i]!];
  }
  return urls;
}

interface Figures {
  requests: number;
  errors: number;
  /** Answers the response cache gave (x-cache: hit). */
  hits: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)]!;
}

/** Closed-loop load: CONNECTIONS concurrent keep-alive clients, each sending its next request when the last answered. */
async function load(port: number, urls: string[], seconds: number, connections: number): Promise<Figures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let hits = 0;
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const one = (url: string) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get({ host: '127.0.0.1', port, path: url, agent, headers: ENCODING ? { 'accept-encoding': ENCODING } : {} }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          if (res.headers['x-cache'] === 'hit') hits++;
          latencies.push(performance.now() - t0);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) await one(urls[n++ % urls.length]!);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    hits,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

function get(port: number, url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
      })
      .on('error', reject);
  });
}

/** Bytes on the wire (brotli) of the home page with its CSS and JS, fonts apart. */
async function homeWeight(port: number): Promise<{ total: number; parts: Record<string, number> }> {
  const parts: Record<string, number> = {};
  const home = await get(port, '/', { 'accept-encoding': 'br' });
  parts['/'] = home.body.length;
  const html = home.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(home.body).toString() : home.body.toString();
  const assets = [...html.matchAll(/(?:href|src)="(\/static\/[^"]+\.(?:css|js|svg))"/g)].map((m) => m[1]!);
  for (const a of new Set(assets)) {
    if (a.endsWith('.svg') && !html.includes(`src="${a}"`) && !html.includes(`href="${a}"`)) continue;
    parts[a] = (await get(port, a, { 'accept-encoding': 'br' })).body.length;
  }
  // The icon sprite is referenced from <use href="…#it-x">: the browser fetches it once.
  const sprite = /href="(\/static\/svg\/sprites\.[^"#]+\.svg)#/.exec(html)?.[1];
  if (sprite) parts[sprite] = (await get(port, sprite, { 'accept-encoding': 'br' })).body.length;
  return { total: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}

async function prepare(target: string): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (target === 'pglite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'wemi-bench-'));
    const db = await openDatabase({ dataDir: dir });
    await migrate(db);
    await seedDemoData(db);
    await seedSynthetic(db, { services: SERVICES, enti: ENTI, log: (m) => console.log(`  ${m}`) });
    await db.close();
    return { env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = 'wemi_bench';
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString(), dataDir: null });
  await migrate(db);
  await seedDemoData(db);
  await seedSynthetic(db, { services: SERVICES, enti: ENTI, log: (m) => console.log(`  ${m}`) });
  await db.exec('analyze');
  await db.close();
  return { env: { DATABASE_URL: url.toString() }, cleanup: async () => undefined };
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess[]> {
  const children: ChildProcess[] = [];
  // PGlite is one embedded database: a single process owns it. PostgreSQL can take several app processes.
  const workers = env.DATABASE_URL ? WORKERS : 1;
  for (let i = 0; i < workers; i++) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      // Production needs a CSRF secret (the same for every worker); older commits ignore it.
      env: { CSRF_SECRET: 'bench-csrf-secret-0123456789abcdef', ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error', SEED_DEMO_DATA: 'false', NODE_ENV: 'production', DATABASE_POOL_SIZE: '16' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(child);
  }
  for (let i = 0; i < 120; i++) {
    try {
      if ((await get(port, '/readyz')).status === 200) return children;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not become ready');
}

/** CPU seconds (user + system) used so far by each of these processes, from /proc (Linux). */
function cpuSeconds(pids: number[]): Map<number, number> {
  const tick = 100; // USER_HZ on Linux
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / tick);
    } catch {
      // gone, or not Linux
    }
  }
  return out;
}

/** CPU seconds used between two readings (processes started in between count whole; ended ones are lost). */
function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, s] of after) total += s - (before.get(pid) ?? 0);
  return total;
}

/** The PostgreSQL server's processes on this machine (when it runs here). */
function postgresPids(): number[] {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          return readFileSync(`/proc/${d}/comm`, 'utf8').startsWith('postgres');
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');

async function main(): Promise<void> {
  console.log(`WeMi benchmark — ${new Date().toISOString()} — ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(`Data: demo + ${SERVICES} synthetic services, ${ENTI} synthetic enti; ${CONNECTIONS} connections, ${SECONDS} s per scenario\n`);
  const rows: string[] = [];
  for (const target of TARGETS) {
    console.log(`== ${target}: preparing data`);
    const t0 = performance.now();
    const { env, cleanup } = await prepare(target);
    console.log(`  ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const port = 3900 + TARGETS.indexOf(target);
    const children = await startServer(env, port);
    try {
      const count = JSON.parse((await get(port, '/api/v1/services?per_pagina=1')).body.toString()).total;
      console.log(`  public services: ${count}`);
      await load(port, SEARCHES, 3, CONNECTIONS); // warm-up
      const distinct = distinctSearches();
      for (const [name, urls] of [
        ['search API', SEARCHES],
        ['search API, all different', distinct],
        ['home page', ['/']],
      ] as const) {
        const serverPids = children.map((c) => c.pid!).filter(Boolean);
        const pgPids = target === 'postgres' ? postgresPids() : [];
        const before = { app: cpuSeconds(serverPids), pg: cpuSeconds(pgPids), self: process.cpuUsage() };
        const f = await load(port, [...urls], SECONDS, CONNECTIONS);
        const self = process.cpuUsage(before.self);
        const cpu = {
          app: cpuBetween(before.app, cpuSeconds(serverPids)),
          pg: target === 'postgres' ? cpuBetween(before.pg, cpuSeconds(postgresPids())) : 0,
          load: (self.user + self.system) / 1e6,
        };
        console.log(
          `  ${name}: CPU seconds over ${SECONDS} s — app ${cpu.app.toFixed(1)}, PostgreSQL ${cpu.pg.toFixed(1)}, load generator ${cpu.load.toFixed(1)}`,
        );
        const row = `| ${target} | ${name} | ${CONNECTIONS} | ${f.requests} | ${f.errors} | ${((100 * f.hits) / Math.max(1, f.requests)).toFixed(0)} % | ${fmt(f.rps)} | ${fmt(f.p50)} | ${fmt(f.p95)} | ${fmt(f.p99)} |`;
        console.log(row);
        rows.push(row);
      }
      if (target === TARGETS[0]) {
        const w = await homeWeight(port);
        console.log(`  home page weight (brotli, fonts apart): ${(w.total / 1024).toFixed(1)} KB`);
        for (const [k, v] of Object.entries(w.parts)) console.log(`    ${k}: ${(v / 1024).toFixed(1)} KB`);
      }
    } finally {
      for (const c of children) c.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 1000));
      await cleanup();
    }
  }
  console.log('\n| database | scenario | connections | requests | errors | cache hits | req/s | p50 ms | p95 ms | p99 ms |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
}

/** The table rows (database | scenario | …) a bench run prints (each once: they are printed as measured and again at the end). */
const tableRows = (output: string) => [...new Set(output.split('\n').filter((l) => /^\| (pglite|postgres) \|/.test(l)))];

/**
 * Runs this same bench on another commit (BENCH_BASELINE), in a temporary worktree sharing this tree's
 * node_modules, and returns its table rows. The two runs follow each other on the same machine, with the same data
 * sizes and load, so that the comparison holds whatever the machine.
 */
function runBaseline(ref: string): string[] {
  const root = path.resolve(import.meta.dirname, '..');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wemi-bench-baseline-'));
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: root, encoding: 'utf8' }).trim();
  console.log(`== baseline: ${ref} (${commit}) in ${dir}`);
  execFileSync('git', ['worktree', 'add', '--detach', dir, ref], { cwd: root, stdio: 'ignore' });
  try {
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    const env = { ...process.env };
    delete env.BENCH_BASELINE;
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'bench/run.ts'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 2 ** 20, stdio: ['ignore', 'pipe', 'inherit'] });
    process.stdout.write(output.replace(/^/gm, '  [baseline] '));
    return tableRows(output);
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' });
  }
}

/** Both tables side by side: requests per second and p95 of this tree against the baseline's. */
function printComparison(ref: string, base: string[], current: string[]): void {
  const cells = (row: string) => row.split('|').map((c) => c.trim());
  const key = (row: string) => `${cells(row)[1]} | ${cells(row)[2]}`;
  const baseByKey = new Map(base.map((r) => [key(r), cells(r)]));
  console.log(`\n| database | scenario | req/s ${ref} | req/s now | ratio | p95 ms ${ref} | p95 ms now |`);
  console.log('|---|---|---|---|---|---|---|');
  for (const row of current) {
    const now = cells(row);
    const before = baseByKey.get(key(row));
    const ratio = before ? (Number(now[7]) / Number(before[7])).toFixed(2) : '-';
    console.log(`| ${now[1]} | ${now[2]} | ${before?.[7] ?? '-'} | ${now[7]} | ${ratio} | ${before?.[9] ?? '-'} | ${now[9]} |`);
  }
}

async function compareWithBaseline(ref: string): Promise<void> {
  const base = runBaseline(ref);
  const captured: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    captured.push(String(chunk));
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    await main();
  } finally {
    process.stdout.write = write;
  }
  printComparison(ref, base, tableRows(captured.join('')));
}

(BASELINE ? compareWithBaseline(BASELINE) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
