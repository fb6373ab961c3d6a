import type { Locator, Page, Response } from 'playwright-core';
import type { OpenedPage, Site } from './support';

// The crawler of crawl-public.test.ts and the back-office crawl (crawl-backoffice-roles.ts): it follows the links of a site as a person
// would, visits ONE page of each kind (URLs classified by their pattern), checks every page it sees (no 5xx, no
// broken resource, exactly one h1, no console error other than the 4xx the document itself answered), then submits
// every form of those pages exactly as rendered: GET forms at their defaults and with one option chosen in each
// control, POST forms as rendered, emptied, and filled with plausible values — always through the real controls and
// the real submit button. Every problem becomes a line of `failures`; the tests expect none.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Collections whose next segment is a slug (public pages, and the City's Spazi WeMi). */
const SLUG_COLLECTIONS = ['/servizi', '/enti', '/aree', '/categorie', '/spazi-wemi', '/servizi-del-comune', '/argomenti', '/gestione-wemi/spazi-wemi'];

/** Query keys that do not make another kind of page (a notice after a redirect, a return address, the language switch). */
const NEUTRAL_KEYS = new Set(['esito', 'ritorno', 'lang']);

/**
 * The kind of page a URL opens: its path with ids, numbers and public slugs replaced by placeholders, and the names
 * of its query parameters (more than two: one kind "?…" per path, so that filter combinations do not multiply).
 */
export function kindOf(u: URL): string {
  let p = u.pathname.replace(/\/+$/, '') || '/';
  p = p
    .split('/')
    // A step number stays: each step of a wizard is its own kind of page.
    .map((seg, i, all) => (UUID.test(seg) ? ':id' : /^\d+$/.test(seg) && all[i - 1] !== 'passo' ? ':n' : seg))
    .join('/');
  for (const base of [...SLUG_COLLECTIONS].sort((a, b) => b.length - a.length)) {
    if (p.startsWith(base + '/') && !p.startsWith(base + '/:')) {
      const rest = p.slice(base.length + 1).split('/');
      rest[0] = ':slug';
      p = `${base}/${rest.join('/')}`;
      break;
    }
  }
  const keys = [...new Set(u.searchParams.keys())].filter((k) => !NEUTRAL_KEYS.has(k)).sort();
  if (keys.length === 0) return p;
  return keys.length > 2 ? `${p}?…` : `${p}?${keys.join('&')}`;
}

/** Links never followed nor fetched: they would end the session or leave the site's pages. */
export const NEVER_FETCH: { pattern: RegExp; reason: string }[] = [
  { pattern: /^\/esci(\/|$)/, reason: 'logout' },
  { pattern: /^\/accedi\/(spid|cie)(\/|$)/, reason: 'starts a SPID/CIE login at the identity gateway' },
];

/** Links fetched (checked for a status < 400) but not visited as pages: APIs and files. */
export const NOT_PAGES: RegExp[] = [/^\/api\//, /^\/static\//, /^\/assets\//, /\/logo$/, /\/documenti\/[^/]+$/, /\/allegati\//, /\/i-miei-dati\/(scarica|export)/, /\.(pdf|json|csv|xml|png|jpe?g|svg|webp|ico|txt|zip)$/i];

/** A POST form the crawler never submits, with the reason (it would destroy what the rest of the run needs). */
export interface SkipRule {
  /** Matched against the form's action path. */
  action: RegExp;
  reason: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Watching a page: responses with an error status, console errors, the document's status.

interface Seen {
  url: string;
  status: number;
  type: string;
  method: string;
  document: boolean;
}

export class Watcher {
  private seen: Seen[] = [];
  private console: string[] = [];
  private readonly baseUrl: string;
  constructor(
    private readonly opened: OpenedPage,
    site: Site,
  ) {
    this.baseUrl = site.baseUrl;
    opened.page.on('response', (r: Response) => {
      const req = r.request();
      this.seen.push({ url: r.url(), status: r.status(), type: req.resourceType(), method: req.method(), document: req.isNavigationRequest() && req.frame() === opened.page.mainFrame() });
    });
  }
  /** Forgets what happened so far (the start of a step). */
  reset(): void {
    this.seen = [];
    this.opened.problems.length = 0;
  }
  /** The statuses of the main document's responses in this step (redirects included), in order. */
  documents(): Seen[] {
    return this.seen.filter((s) => s.document);
  }
  /** The problems of this step: 5xx anywhere, broken resources, console errors other than expected 4xx. */
  problems(): string[] {
    const out: string[] = [];
    const statuses = new Set<number>();
    for (const s of this.seen) {
      if (s.status >= 400) statuses.add(s.status);
      const path = s.url.startsWith(this.baseUrl) ? s.url.slice(this.baseUrl.length) : s.url;
      if (s.status >= 500) out.push(`${s.method} ${path} answered ${s.status}`);
      else if (s.status >= 400 && !s.document && s.type !== 'fetch' && s.type !== 'xhr') out.push(`resource ${path} (${s.type}) answered ${s.status}`);
    }
    for (const p of this.opened.problems) {
      const m = /status of (\d{3})/.exec(p);
      if (m && statuses.has(Number(m[1])) && Number(m[1]) < 500) continue; // reported above, or the document's own 4xx
      out.push(`console: ${p}`);
    }
    return out;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The crawl.

export interface CrawlOptions {
  /** For messages: who crawls, JavaScript on or off, the width. */
  label: string;
  start: string[];
  /** Whether a same-origin path is followed (visited) by this crawl; other internal links are only checked. */
  follow: (u: URL) => boolean;
  /** At most this many page visits (a guard against a kind explosion; reaching it is a failure). */
  maxPages?: number;
  skipForms: SkipRule[];
  /** Expected answer of a visited page other than 200 (e.g. a page that is a 404 on purpose). */
  expectedStatus?: (u: URL) => number | undefined;
  /** Whether the person is logged in (a page sending them to the login page is then a failure). */
  loggedIn?: boolean;
  /** A path prefix for screenshots of the pages GET forms lead to (`<prefix>-<n>.png`), to look at them. */
  shots?: string;
  /** Skip the form tests (crawl and page checks only). */
  noForms?: boolean;
  /** Form signatures already tested by this run (shared across crawls of one run, e.g. the header search form). */
  testedForms?: Set<string>;
  /**
   * Checks the internal links of each page as soon as the page is visited (before its forms change anything), each
   * link once across the crawls sharing this object.
   */
  linkCheck?: LinkCheck;
}

/** The links already checked (shared by several crawls) and the limits: at most `cap`, `perKind` of each kind. */
export interface LinkCheck {
  checked: Set<string>;
  perKindCount: Map<string, number>;
  cap: number;
  perKind: number;
}

export const linkCheck = (cap = 500, perKind = 25): LinkCheck => ({ checked: new Set(), perKindCount: new Map(), cap, perKind });

export interface CrawlResult {
  /** kind → the URL visited for it. */
  kinds: Map<string, string>;
  /** Every internal link seen (absolute URL → the page it was found on). */
  links: Map<string, string>;
  failures: string[];
  /** What was done with each form, for the report. */
  log: string[];
}

const sameOrigin = (site: Site, href: string): URL | null => {
  try {
    const u = new URL(href, site.baseUrl);
    return u.origin === new URL(site.baseUrl).origin ? u : null;
  } catch {
    return null;
  }
};

const pathOf = (u: URL) => u.pathname + u.search;
const never = (u: URL) => NEVER_FETCH.some((n) => n.pattern.test(u.pathname));
const notPage = (u: URL) => NOT_PAGES.some((r) => r.test(u.pathname));

/** Checks the page now shown: exactly one h1, plus the watcher's problems. */
async function pageProblems(page: Page, w: Watcher): Promise<string[]> {
  const out = w.problems();
  const type = await page.evaluate(() => document.contentType).catch(() => 'unknown');
  if (type === 'text/html') {
    const h1 = await page.locator('h1').count();
    if (h1 !== 1) out.push(`${h1} h1 elements (exactly one expected)`);
  }
  return out;
}

async function linksOf(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].filter((a) => !a.hasAttribute('download')).map((a) => a.href));
}

export async function crawl(site: Site, opened: OpenedPage, opts: CrawlOptions): Promise<CrawlResult> {
  const { page } = opened;
  const w = new Watcher(opened, site);
  const kinds = new Map<string, string>();
  const links = new Map<string, string>();
  const failures: string[] = [];
  const log: string[] = [];
  const queue: URL[] = opts.start.map((s) => new URL(s, site.baseUrl));
  const queued = new Set<string>(queue.map((u) => kindOf(u)));
  const visited: URL[] = [];
  const max = opts.maxPages ?? 120;
  const tested = opts.testedForms ?? new Set<string>();

  while (queue.length) {
    const u = queue.shift()!;
    const kind = kindOf(u);
    if (kinds.has(kind)) continue;
    if (visited.length >= max) {
      failures.push(`${opts.label}: more than ${max} kinds of page; not visited: ${[u, ...queue].map(pathOf).slice(0, 20).join(', ')}`);
      break;
    }
    kinds.set(kind, pathOf(u));
    w.reset();
    const res = await page.goto(u.href, { waitUntil: 'load' }).catch((e: Error) => e);
    const where = `${opts.label} ${pathOf(u)}`;
    if (res instanceof Error) {
      failures.push(`${where}: ${res.message.split('\n')[0]}`);
      continue;
    }
    const status = res?.status() ?? 0;
    const expected = opts.expectedStatus?.(u) ?? 200;
    // A confirmation page whose action the crawl's own forms already took answers 409 (e.g. withdraw, once withdrawn).
    if (status === 409 && expected === 200) log.push(`${where}: 409, the state changed by an earlier form of this crawl`);
    else if (status !== expected) failures.push(`${where}: status ${status}, expected ${expected}`);
    const now = new URL(page.url());
    if (opts.loggedIn && now.pathname.startsWith('/accedi') && !u.pathname.startsWith('/accedi')) failures.push(`${where}: sent to the login page (${pathOf(now)})`);
    for (const p of await pageProblems(page, w)) failures.push(`${where}: ${p}`);
    visited.push(u);
    if (status >= 400) continue; // an error page: its links and forms are not the page's
    const enqueue = (l: URL) => {
      if (notPage(l) || !opts.follow(l)) return;
      const k = kindOf(l);
      if (!kinds.has(k) && !queued.has(k)) {
        queued.add(k);
        queue.push(l);
      }
    };
    const found: string[] = [];
    for (const href of await linksOf(page)) {
      const l = sameOrigin(site, href);
      if (!l) continue;
      l.hash = '';
      if (never(l)) continue;
      if (!links.has(l.href)) (links.set(l.href, pathOf(u)), found.push(l.href));
      enqueue(l);
    }
    if (opts.linkCheck) failures.push(...(await checkLinks(opened, found, pathOf(u), opts.linkCheck)).map((f) => `${opts.label} ${f}`));
    // Then its forms; where a form leads (e.g. the next step of a wizard) is crawled too.
    if (!opts.noForms) {
      const r = await testFormsOf(site, opened, w, u, opts, tested);
      failures.push(...r.failures);
      log.push(...r.log);
      for (const d of r.destinations) {
        const l = sameOrigin(site, d);
        if (l && !never(l)) enqueue(l);
      }
    }
  }

  return { kinds, links, failures, log };
}

// ---------------------------------------------------------------------------------------------------------------
// Forms.

interface Control {
  idx: number;
  tag: string;
  type: string;
  name: string;
  id: string;
  value: string;
  checked: boolean;
  visible: boolean;
  disabled: boolean;
  required: boolean;
  readOnly: boolean;
  options: { value: string; selected: boolean; disabled: boolean }[];
  min: string;
  max: string;
  maxLength: number;
  pattern: string;
  inputMode: string;
  label: string;
}

interface FormInfo {
  index: number;
  method: string;
  action: string;
  signature: string;
  visible: boolean;
  controls: Control[];
}

/** Marks and describes the forms of the page (data-crawl-form / data-crawl-idx attributes to find them again). */
async function describeForms(page: Page): Promise<FormInfo[]> {
  const forms = await page.evaluate(() => {
    const vis = (el: Element) => (el as HTMLElement).checkVisibility?.({ visibilityProperty: true, opacityProperty: false }) ?? true;
    return [...document.forms].map((f, index) => {
      f.setAttribute('data-crawl-form', String(index));
      const action = new URL(f.getAttribute('action') ?? '', location.href);
      const controls = [...f.elements].map((el, idx) => {
        el.setAttribute('data-crawl-idx', String(idx));
        const i = el as HTMLInputElement & HTMLSelectElement;
        const labelEl = i.id ? document.querySelector(`label[for="${CSS.escape(i.id)}"]`) : null;
        return {
          idx,
          tag: el.tagName.toLowerCase(),
          type: (i.type ?? '').toLowerCase(),
          name: i.name ?? '',
          id: i.id ?? '',
          value: i.value ?? '',
          checked: !!i.checked,
          visible: vis(el) || (!!labelEl && vis(labelEl)),
          disabled: !!i.disabled,
          required: !!i.required,
          readOnly: !!i.readOnly,
          options: el.tagName === 'SELECT' ? [...(el as HTMLSelectElement).options].map((o) => ({ value: o.value, selected: o.selected, disabled: o.disabled })) : [],
          min: i.min ?? '',
          max: i.max ?? '',
          maxLength: i.maxLength ?? -1,
          pattern: i.pattern ?? '',
          inputMode: el.getAttribute('inputmode') ?? '',
          label: (labelEl?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60),
        };
      });
      const method = (f.getAttribute('method') ?? 'get').toLowerCase();
      const names = [...new Set(controls.filter((c) => c.name && c.type !== 'hidden').map((c) => c.name))].sort();
      return { index, method, action: action.pathname + action.search, signature: `${method.toUpperCase()} ${action.pathname} [${names.join(',')}]`, visible: vis(f), controls };
    });
  });
  // The signature names the kind of the action, so that the same form on another object is tested once.
  return forms.map((f) => ({ ...f, signature: f.signature.replace(/^(\S+) (\S+)/, (_, m: string, p: string) => `${m} ${kindOf(new URL(p, 'http://x'))}`) }));
}

const today = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A plausible value for a text-like control, from its type and name. */
export function plausible(c: Pick<Control, 'type' | 'name' | 'id' | 'min' | 'max' | 'maxLength' | 'pattern' | 'inputMode' | 'label' | 'tag'>): string {
  const n = `${c.name} ${c.id} ${c.label}`.toLowerCase();
  const fit = (s: string) => (c.maxLength > 0 ? s.slice(0, c.maxLength) : s);
  if (c.type === 'email' || /e-?mail/.test(n)) return 'test@example.org';
  if (c.type === 'tel' || /phone|telefono|cellulare/.test(n)) return '02 8845 1234';
  if (c.type === 'url' || /website|sito|url\b/.test(n)) return 'https://www.example.org';
  if (c.type === 'number' || c.type === 'range' || c.inputMode === 'decimal' || c.inputMode === 'numeric' || /giorni|days|scadenza|numero|quantit/.test(n) || (c.maxLength > 0 && c.maxLength <= 4)) {
    const min = c.min === '' ? NaN : Number(c.min);
    const max = c.max === '' ? NaN : Number(c.max);
    if (/prezzo|price|costo|importo|euro/.test(n)) return String(Number.isFinite(max) ? Math.min(max, 20) : 20);
    if (/giorni|days|scadenza/.test(n)) return String(Number.isFinite(max) ? Math.min(max, 30) : 30);
    if (Number.isFinite(min)) return String(Number.isFinite(max) ? Math.min(max, Math.max(min, 1)) : Math.max(min, 1));
    return Number.isFinite(max) ? String(Math.min(max, 1)) : '1';
  }
  if (c.type === 'date') return c.min && c.min > today(7) ? c.min : /nascita|birth/.test(n) ? '1950-03-15' : /\b(al|a|fino|to|end)\b/.test(n) ? today(30) : today(7);
  if (c.type === 'datetime-local') return `${today(7)}T10:00`;
  if (c.type === 'time') return '10:00';
  if (c.type === 'month') return today(30).slice(0, 7);
  if (c.type === 'password') return 'Una-password-lunga-42';
  if (/^q$|cerca|search|query/.test(n)) return 'assistenza';
  if (/\bcap\b|postal|postcode/.test(n)) return '20121';
  if (/fiscal|codice_?fiscale|\bcf\b/.test(n)) return 'RSSMRA80A01F205X';
  if (/partita|\biva\b|vat/.test(n)) return '01199250158';
  if (/cognome|family|surname|last/.test(n)) return 'Rossi';
  if (/nome|given|first|name/.test(n)) return 'Maria';
  if (/indirizzo|address|via\b/.test(n)) return 'Via Dante 1';
  if (/citt|comune|city/.test(n)) return 'Milano';
  if (/codice|code|otp|totp/.test(n)) return '123456';
  if (/iban/.test(n)) return 'IT60X0542811101000000123456';
  if (c.tag === 'textarea') return fit('Testo di prova scritto dal crawler: una richiesta chiara e cortese.');
  return fit('Prova del crawler');
}

/** Ticks (or unticks) a checkbox or radio as a person does: a click on its label (Bootstrap Italia draws the box there). */
async function tickControl(page: Page, input: Locator, c: Control): Promise<void> {
  const label = c.id ? page.locator(`label[for="${c.id}"]`) : null;
  if (label && (await label.count()) && (await label.first().isVisible())) await label.first().click();
  else await input.setChecked(!c.checked, { force: true });
}

/** Opens the disclosure widgets (details) that hide controls of the form, as a person would. */
async function openDisclosures(page: Page, form: Locator): Promise<void> {
  const closed = form.locator('details:not([open]) > summary');
  for (let i = 0, n = await closed.count(); i < n && i < 20; i++) {
    const s = form.locator('details:not([open]) > summary').first();
    if (!(await s.isVisible())) break;
    await s.click();
  }
}

type Mode = 'defaults' | 'options' | 'empty' | 'valid';

/** Sets the form's controls for the mode, through the real controls. */
async function prepare(page: Page, form: Locator, info: FormInfo, mode: Mode): Promise<string[]> {
  const did: string[] = [];
  if (mode === 'defaults') return did;
  await openDisclosures(page, form);
  const ctl = (c: Control) => form.locator(`[data-crawl-idx="${c.idx}"]`).or(page.locator(`[data-crawl-form="${info.index}"] [data-crawl-idx="${c.idx}"]`)).first();
  const usable = (c: Control) => c.name && !c.disabled && !c.readOnly && c.visible && c.type !== 'hidden' && c.type !== 'submit' && c.type !== 'button' && c.type !== 'reset';
  const groups = new Map<string, Control[]>();
  for (const c of info.controls.filter(usable)) {
    if (c.type === 'checkbox' || c.type === 'radio') groups.set(`${c.type}:${c.name}`, [...(groups.get(`${c.type}:${c.name}`) ?? []), c]);
  }
  for (const c of info.controls.filter(usable)) {
    const el = ctl(c);
    if (c.tag === 'select') {
      const choices = c.options.map((o, i) => ({ ...o, i })).filter((o) => !o.disabled);
      if (mode === 'empty') {
        const empty = choices.find((o) => o.value === '');
        if (empty && !c.options[empty.i]!.selected) (await el.selectOption({ index: empty.i }), did.push(`${c.name}=''`));
        continue;
      }
      const current = choices.find((o) => o.selected);
      if (mode === 'valid' && current && current.value !== '') continue;
      const pick = choices.find((o) => o.value !== '' && !o.selected) ?? choices.find((o) => o.value !== '');
      if (pick && !pick.selected) {
        await el.selectOption({ index: pick.i });
        did.push(`${c.name}=${pick.value}`);
      }
      continue;
    }
    if (c.type === 'checkbox' || c.type === 'radio') continue;
    if (c.type === 'file') continue;
    if (mode === 'empty') {
      if (c.value !== '') (await el.fill(''), did.push(`${c.name}=''`));
      continue;
    }
    if (c.value !== '') continue; // keeps what the page put there (options and valid modes)
    const v = plausible(c);
    await el.fill(v);
    did.push(`${c.name}=${v}`);
  }
  for (const [key, members] of groups) {
    const [type] = key.split(':');
    if (mode === 'empty') {
      if (type === 'checkbox') for (const m of members.filter((m) => m.checked)) (await tickControl(page, ctl(m), m), did.push(`${m.name}-${m.value} off`));
      continue;
    }
    if (mode === 'valid' && members.some((m) => m.checked)) continue;
    if (mode === 'options' && type === 'checkbox' && members.some((m) => m.checked)) continue;
    // A checkbox alone is a yes/no (e.g. consent): ticked in the valid mode; in a group, one of them.
    const pick = type === 'radio' ? (members.find((m) => !m.checked && m.value !== '') ?? members.find((m) => !m.checked)) : members.find((m) => !m.checked);
    if (!pick) continue;
    await tickControl(page, ctl(pick), pick);
    did.push(`${pick.name}=${pick.value}`);
  }
  return did;
}

/** The submit button a person presses: the first visible one of the form. */
async function submitButton(page: Page, info: FormInfo, form: Locator): Promise<Locator | null> {
  const inside = form.locator('button:not([type]), button[type="submit"], input[type="submit"], input[type="image"]');
  for (let i = 0, n = await inside.count(); i < n; i++) if (await inside.nth(i).isVisible()) return inside.nth(i);
  const id = await form.getAttribute('id');
  if (id) {
    const outside = page.locator(`button[form="${id}"], input[type="submit"][form="${id}"]`);
    for (let i = 0, n = await outside.count(); i < n; i++) if (await outside.nth(i).isVisible()) return outside.nth(i);
  }
  return null;
}

interface Outcome {
  /** 'navigation' (a new document loaded), 'fetch' (a script sent it), 'nothing' (e.g. stopped by browser validation). */
  how: 'navigation' | 'fetch' | 'nothing';
  /** The status of the submission's own answer (the POST or the GET), and of the final document. */
  status: number;
  final: number;
  url: string;
}

/** Clicks the button and waits for what happens. */
async function press(page: Page, w: Watcher, button: Locator, method: string, form: Locator): Promise<Outcome> {
  // When the browser's own validation will stop the submission (required fields empty, no novalidate), a short wait.
  const blocked = await form.evaluate((f: HTMLFormElement) => !f.noValidate && !f.checkValidity()).catch(() => false);
  const loaded = page.waitForEvent('load', { timeout: 30_000 }).catch(() => null);
  const answer = page
    .waitForResponse((r) => r.request().method() === method.toUpperCase() && (r.request().isNavigationRequest() || ['fetch', 'xhr'].includes(r.request().resourceType())), {
      timeout: blocked ? 1_500 : 15_000,
    })
    .catch(() => null);
  await button.click();
  const r = await answer;
  if (!r) return { how: 'nothing', status: 0, final: 0, url: page.url() };
  if (!r.request().isNavigationRequest()) {
    await page.waitForTimeout(300);
    return { how: 'fetch', status: r.status(), final: r.status(), url: page.url() };
  }
  await loaded;
  const docs = w.documents();
  return { how: 'navigation', status: r.status(), final: docs.at(-1)?.status ?? r.status(), url: page.url() };
}

let shotCount = 0;

const errorSummary = async (page: Page) => (await page.locator('#error-summary, .wemi-error-summary').count()) > 0;

async function testFormsOf(site: Site, opened: OpenedPage, w: Watcher, u: URL, opts: CrawlOptions, tested: Set<string>): Promise<{ failures: string[]; log: string[]; destinations: string[] }> {
  const { page } = opened;
  const failures: string[] = [];
  const log: string[] = [];
  const destinations: string[] = [];
  const load = async () => {
    w.reset();
    await page.goto(u.href, { waitUntil: 'load' });
    return describeForms(page);
  };
  let forms = await load();
  for (const f0 of forms) {
    if (tested.has(f0.signature) || !f0.visible) continue;
    tested.add(f0.signature);
    const actionPath = new URL(f0.action, site.baseUrl).pathname;
    const skip = opts.skipForms.find((s) => s.action.test(actionPath));
    if (f0.method === 'post' && skip) {
      log.push(`${opts.label} ${pathOf(u)}: ${f0.signature} not submitted (${skip.reason})`);
      continue;
    }
    const hasFields = f0.controls.some((c) => c.name && c.visible && !c.disabled && !['hidden', 'submit', 'button', 'reset'].includes(c.type));
    const modes: Mode[] = f0.method === 'get' ? ['defaults', 'options'] : hasFields ? ['defaults', 'empty', 'valid'] : ['defaults'];
    let accepted = false;
    for (const mode of modes) {
      forms = await load();
      const info = forms.find((f) => f.signature === f0.signature);
      const where = `${opts.label} ${pathOf(u)} form ${f0.signature} (${mode})`;
      if (!info) {
        // An action done once (start a revision, withdraw) leaves the page with its form: expected after a success.
        if (accepted && f0.method === 'post') log.push(`${where}: the form is gone after the accepted submission`);
        else failures.push(`${where}: the form is no longer on the page`);
        break;
      }
      const form = page.locator(`form[data-crawl-form="${info.index}"]`);
      let did: string[];
      try {
        did = await prepare(page, form, info, mode);
      } catch (e) {
        failures.push(`${where}: could not set the controls: ${(e as Error).message.split('\n')[0]}`);
        continue;
      }
      const button = await submitButton(page, info, form);
      if (!button) {
        failures.push(`${where}: no visible submit button`);
        break;
      }
      w.reset();
      const out = await press(page, w, button, info.method, form);
      const summary = out.how === 'nothing' ? false : await errorSummary(page);
      const invalid = out.how === 'nothing' ? await form.evaluate((f: HTMLFormElement) => !f.checkValidity()).catch(() => false) : false;
      // A form needs input when a required field is empty, or when (POST) nothing in it is filled or chosen.
      const fields = info.controls.filter((c) => c.name && c.visible && !c.disabled && !['hidden', 'submit', 'button', 'reset'].includes(c.type));
      const blank = info.method === 'post' && fields.every((c) => (c.type === 'checkbox' || c.type === 'radio' ? !c.checked : c.tag === 'select' ? c.value === '' || c.options.length < 2 : c.value === ''));
      const requiredEmpty = blank || info.controls.some((c) => c.required && c.visible && !c.disabled && (c.type === 'checkbox' || c.type === 'radio' ? !info.controls.some((o) => o.name === c.name && o.checked) : c.value === ''));
      log.push(`${where}: ${did.length ? did.join(' ') + ' → ' : ''}${out.how} ${out.status}${out.final !== out.status ? `→${out.final}` : ''}${summary ? ' error summary' : ''}${invalid ? ' (browser validation)' : ''}`);
      for (const p of out.how === 'navigation' ? await pageProblems(page, w) : w.problems()) failures.push(`${where}: ${p}`);
      if (out.status >= 500 || out.final >= 500) continue; // already reported as a 5xx
      if (out.how === 'nothing') {
        if (!(mode === 'empty' || (mode === 'defaults' && requiredEmpty)) || !invalid) failures.push(`${where}: pressing the button did nothing`);
        continue;
      }
      if (out.how === 'navigation' && out.final < 400) destinations.push(out.url);
      if (opts.shots && info.method === 'get' && out.how === 'navigation') await page.screenshot({ path: `${opts.shots}-${++shotCount}.png` });
      if (out.status < 400 && out.final < 400 && !summary) accepted = true;
      if (summary && mode === 'valid') log.push(`${where}: refused: ${((await page.locator('#error-summary, .wemi-error-summary').first().textContent()) ?? '').replace(/\s+/g, ' ').trim().slice(0, 300)}`);
      const errorStatus = out.status >= 400 ? out.status : out.final >= 400 ? out.final : 0;
      if (errorStatus && errorStatus !== 400 && errorStatus !== 422 && errorStatus !== 409) failures.push(`${where}: answered ${errorStatus}`);
      if (errorStatus === 409 && !summary) failures.push(`${where}: answered 409: the page offers an action the server refuses`);
      else if (errorStatus && !summary) failures.push(`${where}: answered ${errorStatus} without an error summary`);
      if (summary && !errorStatus) failures.push(`${where}: shows an error summary with status ${out.status}`);
      const mayRefuse = mode === 'empty' || (mode === 'defaults' && requiredEmpty) || mode === 'valid';
      if (summary && !mayRefuse) {
        const text = ((await page.locator('#error-summary, .wemi-error-summary').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
        failures.push(`${where}: error summary on a form left ${mode === 'defaults' ? 'at its defaults' : 'with one option chosen in each control'} (${out.status}): ${text.slice(0, 200)}`);
      }
      if (f0.method === 'get' && out.how === 'navigation' && new URL(out.url).pathname.startsWith('/accedi') && !actionPath.startsWith('/accedi'))
        failures.push(`${where}: sent to the login page`);
    }
  }
  return { failures, log, destinations };
}

// ---------------------------------------------------------------------------------------------------------------
// Links.

/**
 * Checks that internal links answer < 400, through the browser context's request API (its cookies: a logged-in
 * person's links are checked as that person), several at a time; each link once per `LinkCheck`, within its limits.
 */
export async function checkLinks(opened: OpenedPage, urls: string[], on: string, lc: LinkCheck, concurrency = 6): Promise<string[]> {
  const picked: string[] = [];
  for (const url of urls) {
    if (lc.checked.has(url) || lc.checked.size >= lc.cap) continue;
    const k = kindOf(new URL(url));
    const n = lc.perKindCount.get(k) ?? 0;
    if (n >= lc.perKind) continue;
    lc.perKindCount.set(k, n + 1);
    lc.checked.add(url);
    picked.push(url);
  }
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < picked.length) {
      const url = picked[next++]!;
      const res = await opened.context.request.get(url, { maxRedirects: 5, failOnStatusCode: false, timeout: 30_000 }).catch((e: Error) => e);
      const path = new URL(url).pathname + new URL(url).search;
      if (res instanceof Error) failures.push(`link ${path} (on ${on}): ${res.message.split('\n')[0]}`);
      else {
        if (res.status() >= 400) failures.push(`link ${path} (on ${on}): ${res.status()}`);
        await res.dispose();
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failures;
}
