import { createRequire } from 'node:module';
import net from 'node:net';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { sessionCookieFor } from '../support/accounts';
import { createTestApp, type TestApp } from '../support/app';
import { linkInQueuedMail } from '../support/outbox';

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

export interface PageOptions {
  viewport?: { width: number; height: number };
  javaScriptEnabled?: boolean;
  /** How long a step may wait (for a page, an element) before it fails; 20 s when not given. */
  timeout?: number;
}

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and page errors, as they happen. */
  problems: string[];
}

/** A new page that records console errors and CSP violations, to assert none happened. */
export async function openPage(site: Site, opts: PageOptions = {}): Promise<OpenedPage> {
  const context = await site.browser.newContext({
    viewport: opts.viewport ?? WIDTHS.desktop,
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    locale: 'it-IT',
  });
  const page = await context.newPage();
  // A step that cannot happen fails with its own message instead of hanging until the test times out.
  page.setDefaultTimeout(opts.timeout ?? 20_000);
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

// ---------------------------------------------------------------------------------------------------------
// What people do in the browser, and what the stories check.

/** Sets a session cookie ('wemi_session=…', as sessionCookieFor gives it) for the site in a browser context. */
export async function addSessionCookie(site: Site, context: BrowserContext, cookie: string): Promise<void> {
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: site.baseUrl }]);
}

/** Logs a browser context in as the user, as a login would (the login flows have their own stories). */
export async function logIn(site: Site, context: BrowserContext, userId: string): Promise<void> {
  await addSessionCookie(site, context, await sessionCookieFor(site.t.db, userId));
}

/** A browser of its own (see openPage) for a person already logged in. */
export async function loggedIn(site: Site, userId: string, opts: PageOptions = {}): Promise<OpenedPage> {
  const opened = await openPage(site, opts);
  await logIn(site, opened.context, userId);
  return opened;
}

/** How a person works a control: with the mouse, or with the keyboard (focus, then Enter or Space). */
export interface By {
  by?: 'mouse' | 'keyboard';
}

/** Submits a form by its button (clicked, or Enter on a focused control); returns the status of the POST once the page it leads to has loaded. */
export async function submit(page: Page, control: Locator, how: By = {}): Promise<number> {
  const response = page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest());
  const loaded = page.waitForEvent('load');
  if (how.by === 'keyboard') {
    await control.focus();
    await page.keyboard.press('Enter');
  } else {
    await control.click();
  }
  const status = (await response).status();
  await loaded;
  return status;
}

/** Follows a link as a person does, and waits for the page it opens (its path, a pattern of it, or a test on it). */
export async function follow(page: Page, link: Locator, to: string | RegExp | ((pathname: string) => boolean), how: By = {}): Promise<void> {
  if (how.by === 'keyboard') {
    await link.focus();
    await page.keyboard.press('Enter');
  } else {
    await link.click();
  }
  await page.waitForURL((url) => (typeof to === 'string' ? url.pathname === to : to instanceof RegExp ? to.test(url.pathname) : to(url.pathname)));
}

/**
 * Ticks a checkbox or radio the way a person does: a click on its label (Bootstrap Italia draws the box on the
 * label), or the space bar on the focused box.
 */
export async function tick(page: Page, input: Locator, how: By = {}): Promise<void> {
  if (how.by === 'keyboard') {
    await input.focus();
    await page.keyboard.press('Space');
  } else {
    const id = await input.getAttribute('id');
    expect(id, 'the input has an id its label points to').toBeTruthy();
    await page.locator(`label[for="${id}"]`).click();
  }
  expect(await input.isChecked()).toBe(true);
}

/** The text of an element, white space collapsed. */
export const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Problems other than the statuses the story expects (Chromium logs a 400, 404 or 410 document as a console error). */
export const unexpected = (problems: string[], statuses: number[]) => problems.filter((p) => !statuses.some((s) => p.includes(`status of ${s}`)));

/**
 * Asserts that axe-core finds no WCAG 2.1 A/AA violation on the page. With JavaScript off (`javaScriptEnabled:
 * false`) Chromium fires no timer, and axe-core waits on setTimeout between its checks: for the check only,
 * timers become promise callbacks (which still run).
 */
export async function noViolations(page: Page, where: string, opts: { javaScriptEnabled?: boolean } = {}): Promise<void> {
  if (opts.javaScriptEnabled === false) {
    await page.evaluate(() => {
      const w = window as unknown as { setTimeout: (fn: (...a: unknown[]) => void, ms?: number, ...a: unknown[]) => number };
      w.setTimeout = (fn, _ms, ...args) => (void Promise.resolve().then(() => fn(...args)), 0);
    });
  }
  expect(describeViolations(await axe(page)), where).toBe('');
}

/** The path of the newest link to `prefix` (e.g. '/invito/') in the mail queued for `address`. */
export const linkInMail = (site: Site, address: string, prefix: string) => linkInQueuedMail(site.t.db, address, prefix);
