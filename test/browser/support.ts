import { createRequire } from 'node:module';
import net from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app';

// Browser tests drive Debian's Chromium (never a downloaded browser) against the real app listening on
// a loopback port, on a seeded database.

const require = createRequire(import.meta.url);
const axeSource: string = require('axe-core').source;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface Site {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/** A free loopback port (for a site whose address must be known before it starts, e.g. an OIDC callback). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startSite(opts: { env?: Record<string, string>; port?: number } = {}): Promise<Site> {
  const t = await createTestApp(opts.env ? { env: opts.env } : {});
  const address = await t.app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  return {
    t,
    baseUrl: address,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

export const WIDTHS = { desktop: { width: 1280, height: 900 }, mobile: { width: 375, height: 740 } } as const;

/** A new page that records console errors and CSP violations, to assert none happened. */
export async function openPage(
  site: Site,
  opts: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {},
): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await site.browser.newContext({
    viewport: opts.viewport ?? WIDTHS.desktop,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    locale: 'it-IT',
  });
  const page = await context.newPage();
  // A step that cannot happen fails with its own message instead of hanging until the test times out.
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    // Map tiles cannot load in the sandbox (no internet): that failure is expected and handled by the page.
    if (m.type() === 'error' && !/tile\.openstreetmap|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|net::ERR_/.test(m.text())) {
      problems.push(m.text());
    }
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { page, context, problems };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core with the WCAG 2.1 A/AA rules on the current page. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

export function describeViolations(vs: AxeViolation[]): string {
  return vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}

/** Slugs of real seeded public objects, so the tests follow the data. */
export async function sampleSlugs(site: Site): Promise<{ service: string; ente: string; category: string; section: string; spazio: string; q: string; municipio: number }> {
  const db = site.t.db;
  const service = await db.one<{ slug: string; org: string; cat: string; sec: string; st: string }>(
    `select s.slug, o.slug as org, c.slug as cat, sec.slug as sec, st.name_it as st
       from public_service s join organization o on o.id = s.organization_id
       join taxonomy_term st on st.id = s.service_type_id join taxonomy_term c on c.id = st.parent_id
       join taxonomy_term sec on sec.id = c.parent_id
      where s.offer_type = 'paid' and s.price_from is not null
      order by s.slug limit 1`,
  );
  const spazio = await db.one<{ slug: string }>(`select slug from location where kind = 'spazio_wemi' and active order by slug limit 1`);
  const m = await db.one<{ position: number }>(
    `select t.position from service_area a join taxonomy_term t on t.id = a.municipio_id join public_service s on s.id = a.service_id
      group by t.position order by count(*) desc limit 1`,
  );
  return { service: service.slug, ente: service.org, category: service.cat, section: service.sec, spazio: spazio.slug, q: 'assistenza', municipio: m.position };
}
