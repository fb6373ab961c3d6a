import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Vite's parser (oxc), as Vitest exposes it: the sources' syntax tree, TypeScript and JSX included.
import { parseAst } from 'vitest/node';
import type { Db } from '../../src/db/database';
import { isValidFiscalCode } from '../../src/features/accounts/public/oidc.client';
import { startDemoIdentityGateway, type DemoIdentityGateway } from '../../src/features/identity-gateway/demo-gateway';
import { createTestApp, type TestApp } from '../support/app';
import { actingAs, createTestUser, type TestUser } from '../support/accounts';
import { text } from '../support/html';
import { getPage, requestsTo, type Auth } from '../support/http';

// Back-office usability (issue 10): the demo citizens are varied people, not one name repeated; the City finds a
// person by name, e-mail or tax code whatever the case and the accents; every audit action has an Italian label
// (checked against every code written in src); the City's read-only view of a conversation does not invite it to
// write; and the demo SPID login comes back to the address the site was opened at on a development machine.

const MONTHS = 'ABCDEHLMPRST';

describe('back-office usability', () => {
  let t: TestApp;
  let admin: TestUser;
  let adminAuth: Auth;
  const { get } = requestsTo(() => t.app);

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createTestUser(t.db, { kind: 'staff', givenName: 'Adele', familyName: 'Amministratrice', roles: [{ role: 'city', permission: 'users' }] });
    adminAuth = await actingAs(t.app, t.db, admin.id);
  });
  afterAll(async () => t?.close());

  /** The names of the users a list page shows (its table rows' headers). */
  const listedNames = (html: string) => [...html.matchAll(/<th scope="row">\s*<a href="\/gestione-wemi\/utenti\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!.trim());
  const resultsTitle = (html: string) => text(/<h2[^>]*id="results-title"[^>]*>([\s\S]*?)<\/h2>/.exec(html)?.[1] ?? '');

  describe('demo citizens', () => {
    interface Citizen {
      given_name: string;
      family_name: string;
      email: string | null;
      fiscal_code: string | null;
      birth_date: string | null;
    }
    let citizens: Citizen[];
    beforeAll(async () => {
      citizens = await t.db.query<Citizen>(
        `select given_name, family_name, email, fiscal_code, to_char(birth_date, 'YYYY-MM-DD') as birth_date from app_user where kind = 'citizen' and is_demo`,
      );
    });

    it('are thousands of different people: fewer than 5% share a full name, with many first and family names', () => {
      expect(citizens.length).toBeGreaterThan(3000);
      const full = new Set(citizens.map((c) => `${c.given_name} ${c.family_name}`.toLowerCase()));
      const duplicates = citizens.length - full.size;
      expect(duplicates / citizens.length).toBeLessThan(0.05);
      expect(new Set(citizens.map((c) => c.family_name)).size).toBeGreaterThan(250);
      expect(new Set(citizens.map((c) => c.given_name)).size).toBeGreaterThan(250);
      // Milan's many backgrounds: names with letters beyond plain ASCII, and families from several communities.
      expect(citizens.filter((c) => /[^\x20-\x7e]/.test(`${c.given_name}${c.family_name}`)).length).toBeGreaterThan(50);
      for (const family of ['Popescu', 'Hoxha', 'El Amrani', 'Hu', 'Santos', 'Quispe', 'Perera', 'Hossain', 'Diop']) {
        expect(citizens.some((c) => c.family_name === family), family).toBe(true);
      }
    });

    it('have a birth date, a valid tax code that matches it, and mostly a plausible unique e-mail', () => {
      const today = new Date();
      for (const c of citizens) {
        expect(c.birth_date, `${c.given_name} ${c.family_name}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const age = (today.getTime() - new Date(`${c.birth_date}T00:00:00Z`).getTime()) / (365.25 * 86_400_000);
        expect(age).toBeGreaterThanOrEqual(18);
        expect(age).toBeLessThan(100);
        const code = c.fiscal_code ?? '';
        expect(isValidFiscalCode(code), `${code} of ${c.given_name} ${c.family_name}`).toBe(true);
        // Year, month letter and day (+40 for women) of the birth date; a comune of Milan's area.
        const [y, m, d] = c.birth_date!.split('-').map(Number) as [number, number, number];
        expect(code.slice(6, 8)).toBe(String(y % 100).padStart(2, '0'));
        expect(code[8]).toBe(MONTHS[m - 1]);
        expect([d, d + 40]).toContain(Number(code.slice(9, 11)));
      }
      expect(new Set(citizens.map((c) => c.fiscal_code)).size).toBe(citizens.length);
      expect(citizens.filter((c) => c.fiscal_code!.slice(11, 15) === 'F205').length / citizens.length).toBeGreaterThan(0.5);
      const emails = citizens.flatMap((c) => (c.email ? [c.email] : []));
      expect(emails.length / citizens.length).toBeGreaterThan(0.8);
      expect(new Set(emails).size).toBe(emails.length);
      for (const e of emails) expect(e).toMatch(/^[a-z0-9._]+@[a-z]+\.example$/);
    });

    it('make the first page of the City users list a list of different people', async () => {
      const res = await get('/gestione-wemi/utenti?tipo=citizen', adminAuth);
      expect(res.statusCode).toBe(200);
      const names = listedNames(res.body);
      expect(names).toHaveLength(20);
      expect(new Set(names).size).toBeGreaterThanOrEqual(19);
    });
  });

  describe('search of the users list', () => {
    let accented: TestUser;
    beforeAll(async () => {
      accented = await createTestUser(t.db, { givenName: 'Zoë Niccolò', familyName: 'D’Àlessandro-Ñúñez', fiscalCode: 'DLSZNC90A01F205X', email: 'zoe.dalessandro@prova.example.org' });
    });

    it('has one "Cerca" field for name, e-mail and tax code', async () => {
      const res = await get('/gestione-wemi/utenti', adminAuth);
      expect(res.body).toMatch(/<label[^>]*for="q"[^>]*>\s*Cerca\s*</);
      expect(res.body).toContain('Nome e cognome, e-mail o codice fiscale');
    });

    it('finds a person by name whatever the case and the accents, in either order', async () => {
      for (const q of ['zoe niccolo', 'ZOË', 'dalessandro', "d'alessandro-nunez", 'd’àlessandro', 'nunez zoe', 'NICCOLO D']) {
        const res = await get(`/gestione-wemi/utenti?q=${encodeURIComponent(q)}`, adminAuth);
        expect(res.statusCode, q).toBe(200);
        expect(res.body, q).toContain(`href="/gestione-wemi/utenti/${accented.id}"`);
      }
    });

    it('finds a person by e-mail and by tax code (any case, spaces ignored in the code)', async () => {
      for (const q of ['zoe.dalessandro@prova', 'ZOE.DALESSANDRO@PROVA.EXAMPLE.ORG', 'dlsznc90a01f205x', 'DLS ZNC 90A01', 'znc90a01f205']) {
        const res = await get(`/gestione-wemi/utenti?q=${encodeURIComponent(q)}`, adminAuth);
        expect(res.body, q).toContain(`href="/gestione-wemi/utenti/${accented.id}"`);
      }
    });

    it('finds a seeded citizen by tax code, by a name typed without accents, and by e-mail', async () => {
      const c = await t.db.one<{ id: string; given_name: string; family_name: string; fiscal_code: string; email: string }>(
        `select id, given_name, family_name, fiscal_code, email from app_user
          where kind = 'citizen' and is_demo and email is not null and wemi_unaccent(given_name || family_name) <> (given_name || family_name)
          order by fiscal_code limit 1`,
      );
      const plain = `${c.given_name} ${c.family_name}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
      for (const q of [c.fiscal_code.toLowerCase(), plain, c.email]) {
        const res = await get(`/gestione-wemi/utenti?q=${encodeURIComponent(q)}`, adminAuth);
        expect(res.body, q).toContain(`href="/gestione-wemi/utenti/${c.id}"`);
      }
      const byCode = await get(`/gestione-wemi/utenti?q=${c.fiscal_code}`, adminAuth);
      expect(resultsTitle(byCode.body)).toBe('1 utente');
    });

    it('combines the search with the kind, role and status filters, and keeps it across pages', async () => {
      const rossi = await get('/gestione-wemi/utenti?q=rossi&tipo=citizen&ruolo=citizen&stato=active', adminAuth);
      expect(rossi.statusCode).toBe(200);
      const names = listedNames(rossi.body);
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) expect(n.toLowerCase()).toContain('rossi');
      // A common name over several pages: the pages' links keep the search and the filters.
      const many = await get('/gestione-wemi/utenti?q=a&tipo=citizen', adminAuth);
      expect(many.body).toContain('href="/gestione-wemi/utenti?q=a&amp;tipo=citizen&amp;pagina=2"');
      const page2 = await get('/gestione-wemi/utenti?q=a&tipo=citizen&pagina=2', adminAuth);
      expect(page2.statusCode).toBe(200);
      expect(page2.body).toMatch(/id="q" name="q" value="a"/);
      // The staff filter leaves the citizens out, whatever they are called.
      const staff = await get('/gestione-wemi/utenti?q=amministratrice&tipo=staff', adminAuth);
      expect(staff.body).toContain(`href="/gestione-wemi/utenti/${admin.id}"`);
      expect(resultsTitle((await get('/gestione-wemi/utenti?q=amministratrice&tipo=citizen', adminAuth)).body)).toBe('Nessun utente');
    });

    it('says that nobody matches, and takes quotes and wildcards as text', async () => {
      for (const q of ["nessuno' or 1=1 --", '%_%', 'zzzqqq']) {
        const res = await get(`/gestione-wemi/utenti?q=${encodeURIComponent(q)}`, adminAuth);
        expect(res.statusCode, q).toBe(200);
        expect(text(res.body), q).toContain('Nessun utente corrisponde');
      }
    });
  });

  describe('audit log labels', () => {
    it('has an Italian and an English label for every audit action code written anywhere in src', async () => {
      const { AUDIT_ACTIONS, AUDIT_AREAS } = await import('../../src/lib/audit-actions');
      const written = await writtenAuditCodes();
      // The scan finds the codes (a broken scan would pass with nothing).
      expect(written.size).toBeGreaterThan(80);
      for (const code of ['auth.login', 'users.role.grant', 'thread.read_by_city', 'request.take', 'applications.qualify', 'complaint.answer', 'auth.mfa.disable']) {
        expect(written.has(code), code).toBe(true);
      }
      const missing = [...written].filter((code) => !Object.hasOwn(AUDIT_ACTIONS, code)).sort();
      expect(missing, 'add these codes, with their labels, to src/lib/audit-actions.ts').toEqual([]);
      for (const [code, def] of Object.entries(AUDIT_ACTIONS) as [string, { area: string; it: string; en: string }][]) {
        expect(Object.hasOwn(AUDIT_AREAS, def.area), code).toBe(true);
        expect(def.it.length, code).toBeGreaterThan(3);
        expect(def.en.length, code).toBeGreaterThan(3);
        expect(def.it, code).not.toContain(code);
      }
    });

    it('offers the actions by their Italian label, grouped by area, and shows the label in the table with the code', async () => {
      await t.db.query(`insert into audit_log (actor_label, action, target_type, ip) values ('etichette@prova.example.org', 'auth.login', 'user', '10.0.0.9'),
        ('etichette@prova.example.org', 'auth.login.failure', null, '10.0.0.9')`);
      const res = await get('/gestione-wemi/registro-attivita', adminAuth);
      expect(res.statusCode).toBe(200);
      const select = /<select id="azione" name="azione"[\s\S]*?<\/select>/.exec(res.body)?.[0] ?? '';
      expect(select).toContain('<option value="">Tutte le azioni</option>');
      expect(select).toMatch(/<optgroup label="Accessi e sicurezza">[\s\S]*<option value="auth\.login">Accesso<\/option>/);
      expect(select).toMatch(/<optgroup label="Utenti e ruoli">[\s\S]*<option value="users\.role\.grant">Ruolo assegnato<\/option>/);
      expect(select).toMatch(/<optgroup label="Richieste, conversazioni e reclami">[\s\S]*<option value="thread\.read_by_city">Conversazione letta dal Comune<\/option>/);
      // Every option is a label, not a code.
      const labels = [...select.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].filter((m) => m[1]);
      expect(labels.length).toBeGreaterThan(80);
      for (const [, value, label] of labels) expect(label, value).not.toBe(value);

      // One action chosen: that action only (not the others whose code starts the same), shown by its label.
      const filtered = await get('/gestione-wemi/registro-attivita?azione=auth.login&attore=etichette', adminAuth);
      expect(resultsTitle(filtered.body)).toBe('1 attività');
      expect(filtered.body).toMatch(/<option value="auth\.login" selected>Accesso<\/option>/);
      const cell = /<td class="wemi-audit-action">\s*Accesso\s*<small class="d-block wemi-audit-code">\s*<code>auth\.login<\/code>/.exec(filtered.body);
      expect(cell, 'the label, then the code in small type').not.toBeNull();
      // An address kept from before (the start of a code) still filters, and says so in the select.
      const prefix = await get('/gestione-wemi/registro-attivita?azione=auth.login&attore=etichette'.replace('auth.login', 'auth.'), adminAuth);
      expect(resultsTitle(prefix.body)).toBe('2 attività');
      expect(text(prefix.body)).toContain('Azioni il cui codice inizia con «auth.»');
    });
  });

  describe('the City reading a conversation', () => {
    it('is not invited to write: no message yet, read-only', async () => {
      const city = await createTestUser(t.db, { kind: 'staff', roles: [{ role: 'city', permission: 'requests' }] });
      const citizen = await createTestUser(t.db);
      const enteRequest = await emptyThread(t.db, citizen.id);
      const res = await get(`/gestione-wemi/richieste/${enteRequest}/messaggi`, await actingAs(t.app, t.db, city.id));
      expect(res.statusCode).toBe(200);
      const page = text(res.body);
      expect(page).toContain('Nessun messaggio in questa conversazione.');
      expect(page).toContain('Il Comune legge questa conversazione in sola lettura');
      expect(page).not.toContain('Puoi scrivere tu per primo');
      expect(page).not.toMatch(/scrivi|scrivere tu/i);
      expect(res.body).not.toContain('name="testo"');
      // The citizen, who can write, is still invited to.
      const own = await get(`/richieste/${await requestOf(t.db, enteRequest)}/enti/${enteRequest}/messaggi`, await actingAs(t.app, t.db, citizen.id));
      expect(text(own.body)).toContain('Puoi scrivere tu per primo');
    });
  });
});

describe('the demo SPID login on a development machine opened as 127.0.0.1', () => {
  let t: TestApp;
  let gateway: DemoIdentityGateway;
  const BASE = 'http://localhost:3999';

  beforeAll(async () => {
    const secret = randomBytes(24).toString('base64url');
    // The gateway registered for PUBLIC_BASE_URL, as the development server starts it (demoIdentityGatewayOptions).
    gateway = await startDemoIdentityGateway({ port: 0, host: '127.0.0.1', clientId: 'wemi', clientSecret: secret, redirectUri: `${BASE}/accedi/oidc/callback` });
    t = await createTestApp({ env: { PUBLIC_BASE_URL: BASE, OIDC_ISSUER_URL: gateway.issuer, OIDC_CLIENT_ID: 'wemi', OIDC_CLIENT_SECRET: secret } });
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  const start = (host: string) => getPage(t.app, '/accedi/spid', undefined, { headers: { host } });
  const redirectUriOf = (location: unknown) => new URL(String(location)).searchParams.get('redirect_uri');

  it('sends the gateway back to the address the browser used, and the gateway accepts it', async () => {
    const res = await start('127.0.0.1:3999');
    expect(res.statusCode).toBe(303);
    expect(redirectUriOf(res.headers.location)).toBe('http://127.0.0.1:3999/accedi/oidc/callback');
    // The gateway shows its login page (it would answer 400 for a callback it does not know).
    const atGateway = await fetch(String(res.headers.location), { redirect: 'manual' });
    expect(atGateway.status).toBe(303);
    expect(atGateway.headers.get('location')).toMatch(/\/interaction\//);
    expect(redirectUriOf((await start('localhost:3999')).headers.location)).toBe('http://localhost:3999/accedi/oidc/callback');
    // [::1] is this machine too, but the gateway's login page cannot name it in its CSP: PUBLIC_BASE_URL then.
    expect(redirectUriOf((await start('[::1]:3999')).headers.location)).toBe(`${BASE}/accedi/oidc/callback`);
  });

  it('never takes a host that is not this machine', async () => {
    for (const host of ['evil.example', 'evil.example:3999', '127.0.0.1.evil.example', 'localhost@evil.example']) {
      const res = await start(host);
      if (res.statusCode === 303) expect(redirectUriOf(res.headers.location), host).toBe(`${BASE}/accedi/oidc/callback`);
      else expect(res.statusCode, host).toBeLessThan(500);
    }
  });

  it('uses PUBLIC_BASE_URL alone in production or when it is not this machine', async () => {
    const { callbackBase } = await import('../../src/features/accounts/public/oidc.client');
    expect(callbackBase({ publicBaseUrl: BASE, NODE_ENV: 'production' }, { protocol: 'http', host: '127.0.0.1:3999' })).toBe(BASE);
    expect(callbackBase({ publicBaseUrl: 'https://wemi.comune.milano.it', NODE_ENV: 'development' }, { protocol: 'http', host: '127.0.0.1:3000' })).toBe('https://wemi.comune.milano.it');
    expect(callbackBase({ publicBaseUrl: BASE, NODE_ENV: 'development' }, { protocol: 'http', host: '127.0.0.1:3999' })).toBe('http://127.0.0.1:3999');
  });
});

// ------------------------------------------------------------------------------------------------------------
// Fixtures and the scan of the sources

/** A sent request of the citizen to one published demo card, with no message: its ente request id. */
async function emptyThread(db: Db, citizenId: string): Promise<string> {
  const card = await db.one<{ id: string; organization_id: string; service_type_id: string }>(
    `select s.id, s.organization_id, s.service_type_id from service s join organization o on o.id = s.organization_id
      where s.status = 'published' and o.status = 'active' order by s.id limit 1`,
  );
  const req = await db.one<{ id: string }>(
    `insert into service_request (reference, citizen_id, service_type_id, status, step, sent_at, period_from, period_to)
     values ($1, $2, $3, 'sent', 5, now(), current_date, current_date + 30) returning id`,
    [`RIC-2026-U${randomBytes(4).toString('hex')}`, citizenId, card.service_type_id],
  );
  const er = await db.one<{ id: string }>(`insert into ente_request (request_id, service_id, organization_id) values ($1, $2, $3) returning id`, [req.id, card.id, card.organization_id]);
  return er.id;
}

const requestOf = async (db: Db, enteRequestId: string) => (await db.one<{ request_id: string }>('select request_id from ente_request where id = $1', [enteRequestId])).request_id;

const CODE = /^[a-z][a-z_]*(\.[a-z_]+)+$/;

/** A node of the syntax tree (ESTree, with TypeScript's nodes). */
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';

/** Calls `fn` on every node of the tree, parents first. */
function walk(node: Node, fn: (n: Node) => void): void {
  fn(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const v of value) isNode(v) && walk(v, fn);
    else if (isNode(value)) walk(value, fn);
  }
}

/**
 * Every audit action code written in src, read from the syntax tree of each file: string literals given to an
 * `action` or `audit` property (the audit entry, a route's `config.audit`, a table of routes), or to a parameter
 * named `action` or `auditAction` of a function of the same file or of privateRoute, through ternaries; and codes
 * built in a template (`request.${event}`), expanded with the values their variable takes (DYNAMIC below). A template
 * with a prefix the table does not know fails the test: add it.
 */
async function writtenAuditCodes(): Promise<Set<string>> {
  const { APPLICATION_ACTIONS } = await import('../../src/features/enti-applications/application.state');
  const { REVISION_EVENTS } = await import('../../src/features/service-cards/card.state');
  const { ADMIN_ORG_ACTIONS } = await import('../../src/features/catalogue-admin/org-status');
  const { RULE_TABLE } = await import('../../src/features/requests/request.state');
  const { CONTROL_ACTIONS } = await import('../../src/features/service-cards/card-control.state');
  const complaintActions: Record<import('../../src/features/conversations/conversations.service').ComplaintAction, true> = { take: true, answer: true, close: true };
  const DYNAMIC: Record<string, readonly string[]> = {
    'applications.': APPLICATION_ACTIONS,
    'cards.revision.': REVISION_EVENTS,
    'cards.control.': CONTROL_ACTIONS,
    'catalogue.ente.': ADMIN_ORG_ACTIONS,
    'request.': Object.keys(RULE_TABLE),
    'complaint.': Object.keys(complaintActions),
    // The ente's proposed changes to its public card (ente-revision.service.ts: record()).
    'ente.card.revision.': ['submit', 'resubmit', 'update', 'withdraw'],
  };
  const codes = new Set<string>();
  const unknownTemplates: string[] = [];
  const files: string[] = [];
  const list = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) list(full);
      else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.d.ts')) files.push(full);
    }
  };
  list(path.resolve('src'));
  for (const file of files) {
    if (file.endsWith(path.join('lib', 'audit-actions.ts'))) continue;
    const code = readFileSync(file, 'utf8');
    const program = parseAst(code, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' } as never) as unknown as Node;
    const collect = (e: unknown): void => {
      if (!isNode(e)) return;
      if (e.type === 'Literal' && typeof e.value === 'string') {
        if (CODE.test(e.value)) codes.add(e.value);
      } else if (e.type === 'ConditionalExpression') {
        collect(e.consequent);
        collect(e.alternate);
      } else if (e.type === 'LogicalExpression') {
        collect(e.left);
        collect(e.right);
      } else if (['ParenthesizedExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression'].includes(e.type)) {
        collect(e.expression);
      } else if (e.type === 'TemplateLiteral') {
        const quasis = e.quasis as { value: { cooked: string } }[];
        const prefix = quasis[0]!.value.cooked;
        if (quasis.length === 1) {
          if (CODE.test(prefix)) codes.add(prefix);
        } else if (/^[a-z][a-z_]*(\.[a-z_]+)*\.$/.test(prefix) && quasis.length === 2 && quasis[1]!.value.cooked === '') {
          const values = DYNAMIC[prefix];
          if (values) for (const v of values) codes.add(`${prefix}${v}`);
          else unknownTemplates.push(`${path.relative(process.cwd(), file)}: ${code.slice(e.start, e.end)}`);
        }
      }
    };
    // Functions of the file with a parameter that is an audit action: its position.
    const actionParams = new Map<string, number>([['privateRoute', 1]]);
    const paramIndex = (params: unknown) =>
      (params as Node[]).findIndex((p) => {
        const id = p.type === 'AssignmentPattern' ? (p.left as Node) : p;
        return id.type === 'Identifier' && /^(action|auditAction)$/.test(String(id.name));
      });
    walk(program, (n) => {
      if (n.type === 'FunctionDeclaration' && isNode(n.id)) {
        const i = paramIndex(n.params);
        if (i >= 0) actionParams.set(String(n.id.name), i);
      } else if (n.type === 'VariableDeclarator' && isNode(n.id) && n.id.type === 'Identifier' && isNode(n.init) && /^(ArrowFunctionExpression|FunctionExpression)$/.test(n.init.type)) {
        const i = paramIndex(n.init.params);
        if (i >= 0) actionParams.set(String(n.id.name), i);
      }
    });
    walk(program, (n) => {
      if (n.type === 'Property' && isNode(n.key) && ['action', 'audit'].includes(String(n.key.type === 'Identifier' ? n.key.name : n.key.value))) {
        collect(n.value);
      } else if (n.type === 'CallExpression' && isNode(n.callee) && n.callee.type === 'Identifier' && actionParams.has(String(n.callee.name))) {
        collect((n.arguments as unknown[])[actionParams.get(String(n.callee.name))!]);
      }
    });
  }
  expect(unknownTemplates, 'audit codes built from a template: add the prefix and its values to DYNAMIC').toEqual([]);
  return codes;
}
