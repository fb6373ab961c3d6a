import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, todayInRome } from '../../src/features/accounts/city/users-admin.service';
import type { RoleGrant } from '../../src/features/accounts/users.repository';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { actingAs, createTestUser, sessionCookieFor, type TestUser } from '../support/accounts';
import { lastAudit } from '../support/audit';
import { requestsTo, type Auth, type Fields } from '../support/http';

// The City back office on accounts: landing pages, users list and user page (grant, revoke, suspend,
// reactivate), invitations, the audit log and its CSV export; and the landing page of the ente back office.

const dayFromToday = (days: number) => todayInRome(new Date(Date.now() + days * 86_400_000));

describe('City back office: users, roles and the audit log', () => {
  let t: TestApp;
  let admin: TestUser;
  let adminAuth: Auth;
  let citizen: TestUser;
  let enteOperator: TestUser;
  let contentEditor: TestUser;
  let activeEnte: { id: string; name: string };
  let draftEnte: { id: string; name: string };

  beforeAll(async () => {
    t = await createTestApp();
    activeEnte = await t.db.one(`select id, name from organization where status = 'active' order by name limit 1`);
    draftEnte = await t.db.one(`select id, name from organization where status = 'draft' order by name limit 1`);
    admin = await createTestUser(t.db, { kind: 'staff', givenName: 'Adelaide', familyName: 'Amministra', roles: [{ role: 'city', permission: 'users' }] });
    adminAuth = await actingAs(t.app, t.db, admin.id);
    citizen = await createTestUser(t.db, { givenName: 'Carla', familyName: 'Cittadina', fiscalCode: 'CTTCRL80A41F205X' });
    enteOperator = await createTestUser(t.db, { kind: 'ente', givenName: 'Oreste', familyName: 'Operatore', roles: [{ role: 'ente_operator', organizationId: activeEnte.id }] });
    contentEditor = await createTestUser(t.db, { kind: 'staff', givenName: 'Zebedeo', familyName: 'Quaglia', roles: [{ role: 'city', permission: 'content' }] });
  });
  afterAll(async () => t?.close());

  const { get, post } = requestsTo(() => t.app);
  const as = (user: TestUser) => actingAs(t.app, t.db, user.id);
  const sessionsOf = async (userId: string) => (await t.db.one<{ n: number }>(`select count(*)::int as n from user_session where user_id = $1`, [userId])).n;
  const newStaff = (name: string, roles: Omit<RoleGrant, 'userId'>[] = []) =>
    createTestUser(t.db, { kind: 'staff', givenName: name, familyName: 'Prova', roles });

  describe('access', () => {
    const cityUsersPages = () => [
      '/gestione-wemi/utenti',
      '/gestione-wemi/utenti?q=rossi',
      '/gestione-wemi/utenti/invita',
      `/gestione-wemi/utenti/${citizen.id}`,
      `/gestione-wemi/utenti/${citizen.id}/ruoli/nuovo`,
      `/gestione-wemi/utenti/${citizen.id}/sospendi`,
      `/gestione-wemi/utenti/${citizen.id}/riattiva`,
      '/gestione-wemi/registro-attivita',
      '/gestione-wemi/registro-attivita.csv',
    ];

    it('sends anonymous visitors to log in (HTML) or answers 401 (JSON), on every page', async () => {
      for (const url of [...cityUsersPages(), '/gestione-wemi', '/gestione-ente']) {
        const page = await get(url);
        expect(page.statusCode, url).toBe(303);
        expect(page.headers.location, url).toBe(`/accedi?ritorno=${encodeURIComponent(url)}`);
        const api = await get(url, undefined, { accept: 'application/json' });
        expect(api.statusCode, url).toBe(401);
        expect(api.json()).toMatchObject({ error: { code: 'unauthorized' } });
      }
    });

    it('refuses a citizen, an ente operator and a City user with only the content permission (403)', async () => {
      for (const user of [citizen, enteOperator, contentEditor]) {
        const auth = await as(user);
        for (const url of cityUsersPages()) {
          const res = await get(url, auth);
          expect(res.statusCode, `${url} as ${user.email}`).toBe(403);
        }
        const write = await post(`/gestione-wemi/utenti/${citizen.id}/sospendi`, {}, auth);
        expect(write.statusCode).toBe(403);
        const invite = await post('/gestione-wemi/utenti/invita', { email: 'x@prova.example.org' }, auth);
        expect(invite.statusCode).toBe(403);
      }
      expect((await t.db.one<{ status: string }>(`select status from app_user where id = $1`, [citizen.id])).status).toBe('active');
    });

    it('opens the City landing page to any City permission, listing the sections the permissions open', async () => {
      const editor = await get('/gestione-wemi', await as(contentEditor));
      expect(editor.statusCode).toBe(200);
      expect(editor.body).toContain('Gestione WeMi');
      expect(editor.body).toContain('Contenuti');
      expect(editor.body).not.toContain('href="/gestione-wemi/utenti"');
      expect(editor.headers['cache-control']).toContain('no-store');

      const manager = await get('/gestione-wemi', adminAuth);
      expect(manager.statusCode).toBe(200);
      expect(manager.body).toContain('href="/gestione-wemi/utenti"');
      expect(manager.body).toContain('href="/gestione-wemi/utenti/invita"');
      expect(manager.body).toContain('href="/gestione-wemi/registro-attivita"');
      expect(manager.body).toContain('name="robots" content="noindex, nofollow"');

      for (const user of [citizen, enteOperator]) expect((await get('/gestione-wemi', await as(user))).statusCode).toBe(403);
    });

    it('opens the ente landing page to ente users, naming the ente they act for', async () => {
      const res = await get('/gestione-ente', await as(enteOperator));
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Gestione ente');
      expect(res.body).toContain(activeEnte.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
      expect(res.body).toContain('operatore');
      for (const user of [citizen, admin, contentEditor]) expect((await get('/gestione-ente', await as(user))).statusCode).toBe(403);
    });

    it('answers 404 for an unknown or malformed user id', async () => {
      expect((await get('/gestione-wemi/utenti/00000000-0000-4000-8000-000000000000', adminAuth)).statusCode).toBe(404);
      expect((await get('/gestione-wemi/utenti/non-un-id', adminAuth)).statusCode).toBe(404);
    });

    it('refuses a POST without the CSRF token (403) and changes nothing', async () => {
      const target = await newStaff('Csrf');
      // A token that is not this session's (tokens are bound to the session): an anonymous pair's.
      const anonymous = await csrfFor(t.app);
      const noToken = { cookie: `${adminAuth.cookie}; ${anonymous.cookie}`, token: anonymous.token };
      const res = await post(`/gestione-wemi/utenti/${target.id}/sospendi`, {}, adminAuth, false);
      expect(res.statusCode).toBe(403);
      const grant = await post(`/gestione-wemi/utenti/${target.id}/ruoli/nuovo`, { ruolo: 'city', permesso: 'content' }, noToken);
      expect(grant.statusCode).toBe(403);
      const invite = await post('/gestione-wemi/utenti/invita', { email: 'csrf@prova.example.org', nome: 'A', cognome: 'B', tipo: 'staff', permessi: 'content' }, adminAuth, false);
      expect(invite.statusCode).toBe(403);
      expect((await t.db.one<{ status: string }>(`select status from app_user where id = $1`, [target.id])).status).toBe('active');
      expect(await t.db.query(`select 1 from user_role where user_id = $1`, [target.id])).toHaveLength(0);
      expect(await t.db.query(`select 1 from app_user where email = 'csrf@prova.example.org'`)).toHaveLength(0);
    });
  });

  describe('users list', () => {
    it('lists users with counts and 20 per page', async () => {
      const res = await get('/gestione-wemi/utenti', adminAuth);
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(/<h2[^>]*id="results-title"[^>]*>[\d.]+ utenti</);
      expect(res.body).toContain('Per stato');
      expect(res.body.match(/<tr>\s*<th scope="row">/g)).toHaveLength(20);
      expect(res.body).toContain('href="/gestione-wemi/utenti?pagina=2"');
      const page2 = await get('/gestione-wemi/utenti?pagina=2', adminAuth);
      expect(page2.statusCode).toBe(200);
      expect(page2.body).toContain('aria-current="page"');
    });

    it('filters by text on name, e-mail and codice fiscale', async () => {
      const byName = await get('/gestione-wemi/utenti?q=quaglia', adminAuth);
      expect(byName.body).toContain('1 utente');
      expect(byName.body).toContain(`href="/gestione-wemi/utenti/${contentEditor.id}"`);
      expect(byName.body).toContain('Comune: Contenuti');
      const byFullName = await get(`/gestione-wemi/utenti?q=${encodeURIComponent('Zebedeo Quaglia')}`, adminAuth);
      expect(byFullName.body).toContain(`href="/gestione-wemi/utenti/${contentEditor.id}"`);
      const byEmail = await get(`/gestione-wemi/utenti?q=${encodeURIComponent(enteOperator.email)}`, adminAuth);
      expect(byEmail.body).toContain('1 utente');
      expect(byEmail.body).toContain(`href="/gestione-wemi/utenti/${enteOperator.id}"`);
      const byFiscalCode = await get('/gestione-wemi/utenti?q=cttcrl80', adminAuth);
      expect(byFiscalCode.body).toContain(`href="/gestione-wemi/utenti/${citizen.id}"`);
      // LIKE wildcards are literal.
      expect((await get('/gestione-wemi/utenti?q=%25%25', adminAuth)).body).toContain('Nessun utente');
      // The value typed is kept in the form.
      expect(byName.body).toMatch(/id="q" name="q" value="quaglia"/);
    });

    it('filters by kind, status and role or permission', async () => {
      const staff = await get('/gestione-wemi/utenti?tipo=staff&ruolo=city%3Acontent', adminAuth);
      expect(staff.body).toContain(`href="/gestione-wemi/utenti/${contentEditor.id}"`);
      expect(staff.body).not.toContain(`href="/gestione-wemi/utenti/${admin.id}"`);
      const anyCity = await get('/gestione-wemi/utenti?ruolo=city', adminAuth);
      expect(anyCity.body).toContain(`href="/gestione-wemi/utenti/${contentEditor.id}"`);
      expect(anyCity.body).toContain(`href="/gestione-wemi/utenti/${admin.id}"`);
      expect(anyCity.body).not.toContain(`href="/gestione-wemi/utenti/${enteOperator.id}"`);
      const ente = await get('/gestione-wemi/utenti?ruolo=ente_operator&tipo=ente', adminAuth);
      expect(ente.body).toContain(`href="/gestione-wemi/utenti/${enteOperator.id}"`);
      const suspended = await newStaff('Sospesina');
      await t.db.query(`update app_user set status = 'suspended' where id = $1`, [suspended.id]);
      const bySuspended = await get('/gestione-wemi/utenti?stato=suspended&tipo=staff', adminAuth);
      expect(bySuspended.body).toContain(`href="/gestione-wemi/utenti/${suspended.id}"`);
      expect(bySuspended.body).not.toContain(`href="/gestione-wemi/utenti/${admin.id}"`);
    });

    it('answers 400 with an error summary for an unknown filter value, keeping the values', async () => {
      const res = await get('/gestione-wemi/utenti?tipo=alieno&q=abc', adminAuth);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="error-summary"');
      expect(res.body).toContain('href="#tipo"');
      expect(res.body).toMatch(/name="q" value="abc"/);
    });
  });

  describe('roles', () => {
    it('shows a profile with roles and their validity windows', async () => {
      const target = await newStaff('Finestra', [{ role: 'city', permission: 'statistics' }]);
      await t.db.query(
        `insert into user_role (user_id, role, permission, valid_from, valid_to) values
           ($1, 'city', 'vouchers', now() - interval '10 days', now() - interval '1 day'),
           ($1, 'city', 'enti', now() + interval '5 days', null)`,
        [target.id],
      );
      await t.db.query(`insert into user_role (user_id, role, permission, revoked_at) values ($1, 'city', 'requests', now())`, [target.id]);
      const res = await get(`/gestione-wemi/utenti/${target.id}`, adminAuth);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Finestra Prova');
      expect(res.body).toContain(target.email);
      for (const state of ['active', 'expired', 'future', 'revoked']) expect(res.body).toContain(`data-role-state="${state}"`);
      expect(res.body).toContain('Non ancora valido');
      expect(res.body).toContain('Scaduto');
      expect(res.body).toContain('Revocato');
    });

    it('grants a role with a future window: not valid until its start, and ends the person’s sessions', async () => {
      const target = await newStaff('Futura');
      const targetSession = await sessionCookieFor(t.db, target.id);
      const page = await get(`/gestione-wemi/utenti/${target.id}/ruoli/nuovo`, adminAuth);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="_csrf"');
      expect(page.body).toContain(activeEnte.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
      expect(page.body).not.toContain(`value="${draftEnte.id}"`);

      const res = await post(`/gestione-wemi/utenti/${target.id}/ruoli/nuovo`, { ruolo: 'city', permesso: 'content', dal: dayFromToday(2), al: dayFromToday(30) }, adminAuth);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/gestione-wemi/utenti/${target.id}?esito=ruolo-assegnato`);
      const role = await t.db.one<{ id: string; future: boolean; to_future: boolean; granted_by: string }>(
        `select id, valid_from > now() as future, valid_to > valid_from as to_future, granted_by from user_role where user_id = $1 and permission = 'content'`,
        [target.id],
      );
      expect(role).toMatchObject({ future: true, to_future: true, granted_by: admin.id });
      // The session open before the change has ended.
      expect(await sessionsOf(target.id)).toBe(0);
      expect((await get('/gestione-wemi', { cookie: targetSession, token: '' })).statusCode).toBe(303);
      // Logged in again: the role is not valid yet.
      const auth = await as(target);
      expect((await get('/gestione-wemi', auth)).statusCode).toBe(403);
      // Its start comes: the City back office opens.
      await t.db.query(`update user_role set valid_from = now() - interval '1 minute' where id = $1`, [role.id]);
      expect((await get('/gestione-wemi', auth)).statusCode).toBe(200);

      const notice = await get(res.headers.location as string, adminAuth);
      expect(notice.body).toContain('Ruolo assegnato');
      const row = await lastAudit(t.db, { action: 'users.role.grant', targetId: target.id });
      expect(row).toMatchObject({ actor_id: admin.id, actor_label: admin.email, target_type: 'user', target_id: target.id, ip: '127.0.0.1' });
      expect(row!.details).toMatchObject({ roleId: role.id, role: 'city', permission: 'content', sessionsEnded: 1 });
    });

    it('grants a role with an expiry: once expired the person cannot reach City pages', async () => {
      const target = await newStaff('Scadenza');
      const res = await post(`/gestione-wemi/utenti/${target.id}/ruoli/nuovo`, { ruolo: 'city', permesso: 'statistics', al: dayFromToday(1) }, adminAuth);
      expect(res.statusCode).toBe(303);
      const auth = await as(target);
      expect((await get('/gestione-wemi', auth)).statusCode).toBe(200);
      await t.db.query(
        `update user_role set valid_from = now() - interval '3 days', valid_to = now() - interval '1 minute' where user_id = $1 and permission = 'statistics'`,
        [target.id],
      );
      expect((await get('/gestione-wemi', auth)).statusCode).toBe(403);
    });

    it('grants an ente role scoped to an active ente', async () => {
      const target = await createTestUser(t.db, { kind: 'ente', givenName: 'Enrica', familyName: 'Ente', roles: [] });
      const res = await post(`/gestione-wemi/utenti/${target.id}/ruoli/nuovo`, { ruolo: 'ente_admin', ente: activeEnte.id }, adminAuth);
      expect(res.statusCode).toBe(303);
      const auth = await as(target);
      const landing = await get('/gestione-ente', auth);
      expect(landing.statusCode).toBe(200);
      expect(landing.body).toContain('amministratore');
    });

    it('validates the grant form: 400, error summary, values kept', async () => {
      const target = await newStaff('Errori');
      const url = `/gestione-wemi/utenti/${target.id}/ruoli/nuovo`;
      const cases: [Fields, string, string][] = [
        [{ ruolo: '' }, 'ruolo', 'Scegli un ruolo'],
        [{ ruolo: 'city' }, 'permesso', 'Scegli il permesso del Comune'],
        [{ ruolo: 'ente_operator' }, 'ente', 'Scegli un ente attivo'],
        [{ ruolo: 'ente_admin', ente: draftEnte.id }, 'ente', 'Scegli un ente attivo'],
        [{ ruolo: 'city', permesso: 'content', dal: dayFromToday(5), al: dayFromToday(5) }, 'al', 'La data di scadenza deve essere successiva alla data di inizio'],
        [{ ruolo: 'city', permesso: 'content', dal: dayFromToday(5), al: dayFromToday(3) }, 'al', 'La data di scadenza deve essere successiva alla data di inizio'],
        [{ ruolo: 'city', permesso: 'content', dal: dayFromToday(-1) }, 'dal', 'La data di inizio non può essere nel passato'],
        [{ ruolo: 'city', permesso: 'content', dal: '2026-02-30' }, 'dal', 'Inserisci una data valida'],
        [{ ruolo: 'citizen' }, 'ruolo', 'Scegli un ruolo'],
      ];
      for (const [fields, field, message] of cases) {
        const res = await post(url, fields, adminAuth);
        expect(res.statusCode, JSON.stringify(fields)).toBe(400);
        expect(res.body).toContain('id="error-summary"');
        expect(res.body).toContain(`<a href="#${field}">${message.replace(/'/g, '&#39;')}`);
        if (fields.dal) expect(res.body).toContain(`value="${fields.dal as string}"`);
      }
      // The date a browser without a date picker sends is understood too.
      const [y, m, d] = dayFromToday(3).split('-');
      expect((await post(url, { ruolo: 'city', permesso: 'vouchers', dal: `${d}/${m}/${y}` }, adminAuth)).statusCode).toBe(303);
      // The same role in an overlapping window is refused.
      const dup = await post(url, { ruolo: 'city', permesso: 'vouchers', dal: dayFromToday(10) }, adminAuth);
      expect(dup.statusCode).toBe(400);
      expect(dup.body).toContain('ha già questo ruolo');
      expect(await t.db.query(`select 1 from user_role where user_id = $1 and permission = 'vouchers'`, [target.id])).toHaveLength(1);
    });

    it('revokes a role after a confirmation step: access ends, sessions end, audited', async () => {
      const target = await newStaff('Revocata', [{ role: 'city', permission: 'users' }]);
      const auth = await as(target);
      expect((await get('/gestione-wemi/utenti', auth)).statusCode).toBe(200);
      const role = await t.db.one<{ id: string }>(`select id from user_role where user_id = $1`, [target.id]);
      const url = `/gestione-wemi/utenti/${target.id}/ruoli/${role.id}/revoca`;
      const profile = await get(`/gestione-wemi/utenti/${target.id}`, adminAuth);
      expect(profile.body).toContain(`href="${url}"`);
      const confirm = await get(url, adminAuth);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('Revocare il ruolo?');
      expect(confirm.body).toContain('Comune: Utenti');
      // Nothing changes until the confirmation is posted.
      expect((await t.db.one<{ revoked: boolean }>(`select revoked_at is not null as revoked from user_role where id = $1`, [role.id])).revoked).toBe(false);

      const res = await post(url, {}, adminAuth);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/gestione-wemi/utenti/${target.id}?esito=ruolo-revocato`);
      expect(await t.db.one(`select revoked_at is not null as revoked, revoked_by from user_role where id = $1`, [role.id])).toEqual({ revoked: true, revoked_by: admin.id });
      expect(await sessionsOf(target.id)).toBe(0);
      expect((await get('/gestione-wemi/utenti', await as(target))).statusCode).toBe(403);
      expect((await lastAudit(t.db, { action: 'users.role.revoke', targetId: target.id }))!).toMatchObject({ actor_id: admin.id, details: { roleId: role.id, permission: 'users' } });

      const again = await post(url, {}, adminAuth);
      expect(again.statusCode).toBe(400);
      expect(again.body).toContain('Il ruolo è già revocato o scaduto');
    });

    it('does not let a user revoke their own user-management permission', async () => {
      const self = await newStaff('Autorevoca', [{ role: 'city', permission: 'users' }, { role: 'city', permission: 'content' }]);
      const auth = await as(self);
      const users = await t.db.one<{ id: string }>(`select id from user_role where user_id = $1 and permission = 'users'`, [self.id]);
      const profile = await get(`/gestione-wemi/utenti/${self.id}`, auth);
      expect(profile.body).not.toContain(`/ruoli/${users.id}/revoca"`);
      const res = await post(`/gestione-wemi/utenti/${self.id}/ruoli/${users.id}/revoca`, {}, auth);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Non puoi revocare il tuo permesso di gestione utenti');
      expect((await t.db.one<{ revoked: boolean }>(`select revoked_at is not null as revoked from user_role where id = $1`, [users.id])).revoked).toBe(false);

      // Another of their own roles can go: their session is renewed, not ended.
      const content = await t.db.one<{ id: string }>(`select id from user_role where user_id = $1 and permission = 'content'`, [self.id]);
      const other = await sessionCookieFor(t.db, self.id);
      const ok = await post(`/gestione-wemi/utenti/${self.id}/ruoli/${content.id}/revoca`, {}, auth);
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toContain('esito=ruolo-revocato-tu');
      const renewed = [ok.headers['set-cookie']].flat().map(String).find((c) => c.startsWith('wemi_session='));
      expect(renewed).toBeDefined();
      expect(await sessionsOf(self.id)).toBe(1);
      expect((await get('/gestione-wemi', { cookie: other, token: '' })).statusCode).toBe(303);
      const fresh = `${renewed!.split(';')[0]}; ${auth.cookie.split('; ')[1]}`;
      expect((await get('/gestione-wemi/utenti', { cookie: fresh, token: auth.token })).statusCode).toBe(200);
    });
  });

  describe('suspension', () => {
    it('suspends an account after a confirmation step: sessions end and access is blocked; reactivation restores it', async () => {
      const target = await newStaff('Sospesa', [{ role: 'city', permission: 'content' }]);
      const auth = await as(target);
      expect((await get('/gestione-wemi', auth)).statusCode).toBe(200);

      const confirm = await get(`/gestione-wemi/utenti/${target.id}/sospendi`, adminAuth);
      expect(confirm.statusCode).toBe(200);
      expect(confirm.body).toContain('Sospendere l’account?');
      expect((await t.db.one<{ status: string }>(`select status from app_user where id = $1`, [target.id])).status).toBe('active');

      const res = await post(`/gestione-wemi/utenti/${target.id}/sospendi`, { motivo: 'Fine del contratto' }, adminAuth);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/gestione-wemi/utenti/${target.id}?esito=sospeso`);
      expect((await t.db.one<{ status: string }>(`select status from app_user where id = $1`, [target.id])).status).toBe('suspended');
      expect(await sessionsOf(target.id)).toBe(0);
      expect((await get('/gestione-wemi', auth)).statusCode).toBe(303);
      // Even a session created behind the back of the login is refused while suspended.
      expect((await get('/gestione-wemi', await as(target))).statusCode).toBe(303);
      expect((await lastAudit(t.db, { action: 'users.suspend', targetId: target.id }))!).toMatchObject({
        actor_id: admin.id,
        ip: '127.0.0.1',
        details: { previousStatus: 'active', reason: 'Fine del contratto', sessionsEnded: 1 },
      });
      const profile = await get(res.headers.location as string, adminAuth);
      expect(profile.body).toContain('Account sospeso');
      expect(profile.body).toContain(`href="/gestione-wemi/utenti/${target.id}/riattiva"`);

      expect((await post(`/gestione-wemi/utenti/${target.id}/sospendi`, {}, adminAuth)).statusCode).toBe(400);

      const reactivate = await post(`/gestione-wemi/utenti/${target.id}/riattiva`, {}, adminAuth);
      expect(reactivate.statusCode).toBe(303);
      expect(reactivate.headers.location).toBe(`/gestione-wemi/utenti/${target.id}?esito=riattivato`);
      expect((await t.db.one<{ status: string }>(`select status from app_user where id = $1`, [target.id])).status).toBe('active');
      expect((await get('/gestione-wemi', await as(target))).statusCode).toBe(200);
      expect(await lastAudit(t.db, { action: 'users.reactivate', targetId: target.id })).toMatchObject({ actor_id: admin.id, details: { status: 'active' } });
      expect((await post(`/gestione-wemi/utenti/${target.id}/riattiva`, {}, adminAuth)).statusCode).toBe(400);
    });

    it('does not let a user suspend themselves', async () => {
      const profile = await get(`/gestione-wemi/utenti/${admin.id}`, adminAuth);
      expect(profile.body).not.toContain(`href="/gestione-wemi/utenti/${admin.id}/sospendi"`);
      expect(profile.body).toContain('Non puoi sospendere il tuo account');
      const res = await post(`/gestione-wemi/utenti/${admin.id}/sospendi`, { motivo: 'prova' }, adminAuth);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="error-summary"');
      expect(res.body).toContain('Non puoi sospendere il tuo account');
      expect(res.body).toContain('value="prova"');
      expect((await t.db.one<{ status: string }>(`select status from app_user where id = $1`, [admin.id])).status).toBe('active');
      expect((await get('/gestione-wemi/utenti', adminAuth)).statusCode).toBe(200);
    });

    it('refuses a reason that is too long, keeping it', async () => {
      const target = await newStaff('Motivo');
      const res = await post(`/gestione-wemi/utenti/${target.id}/sospendi`, { motivo: 'x'.repeat(501) }, adminAuth);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#motivo"');
      expect((await t.db.one<{ status: string }>(`select status from app_user where id = $1`, [target.id])).status).toBe('active');
    });
  });

  describe('invitations', () => {
    it('invites City staff with permissions and a validity window: invited account, roles, e-mail in the outbox', async () => {
      const page = await get('/gestione-wemi/utenti/invita', adminAuth);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('name="permessi"');
      const email = 'nuova.collega@comune.example.org';
      const res = await post(
        '/gestione-wemi/utenti/invita',
        { email: 'Nuova.Collega@Comune.example.org', nome: 'Nuova', cognome: 'Collega', tipo: 'staff', permessi: ['content', 'statistics'], al: dayFromToday(90) },
        adminAuth,
      );
      expect(res.statusCode).toBe(303);
      const user = await t.db.one<{ id: string; status: string; kind: string; given_name: string }>(`select id, status, kind, given_name from app_user where email = $1`, [email]);
      expect(user).toMatchObject({ status: 'invited', kind: 'staff', given_name: 'Nuova' });
      expect(res.headers.location).toBe(`/gestione-wemi/utenti/${user.id}?esito=invitato`);
      const roles = await t.db.query<{ role: string; permission: string; has_end: boolean; granted_by: string }>(
        `select role, permission, valid_to is not null as has_end, granted_by from user_role where user_id = $1 order by permission`,
        [user.id],
      );
      expect(roles).toEqual([
        { role: 'city', permission: 'content', has_end: true, granted_by: admin.id },
        { role: 'city', permission: 'statistics', has_end: true, granted_by: admin.id },
      ]);
      const mail = await t.db.query<{ text_body: string }>(`select text_body from email_outbox where to_address = $1`, [email]);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.text_body).toContain('/invito/');
      expect(await lastAudit(t.db, { action: 'users.invite', targetId: user.id })).toMatchObject({ actor_id: admin.id, target_type: 'user', details: { email, kind: 'staff', outcome: 'invited' } });
      expect((await get(res.headers.location as string, adminAuth)).body).toContain('Invito inviato');
    });

    it('invites the administrator of an active ente', async () => {
      const email = 'amministrazione@ente.example.org';
      const res = await post('/gestione-wemi/utenti/invita', { email, nome: 'Anna', cognome: 'Ente', tipo: 'ente', ente: activeEnte.id }, adminAuth);
      expect(res.statusCode).toBe(303);
      const user = await t.db.one<{ id: string; kind: string }>(`select id, kind from app_user where email = $1`, [email]);
      expect(user.kind).toBe('ente');
      expect(await t.db.query(`select role, organization_id from user_role where user_id = $1`, [user.id])).toEqual([{ role: 'ente_admin', organization_id: activeEnte.id }]);
      expect(await t.db.query(`select 1 from email_outbox where to_address = $1`, [email])).toHaveLength(1);
    });

    it('validates the invitation: 400, error summary, values kept, nothing created', async () => {
      const res = await post('/gestione-wemi/utenti/invita', { email: 'non-una-email', nome: 'Tizio', cognome: '', tipo: 'staff', permessi: [] }, adminAuth);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('id="error-summary"');
      for (const field of ['email', 'cognome', 'permessi']) expect(res.body).toContain(`href="#${field}"`);
      expect(res.body).toContain('value="non-una-email"');
      expect(res.body).toContain('value="Tizio"');
      expect(res.body).toMatch(/id="tipo" value="staff" checked/);

      const ente = await post('/gestione-wemi/utenti/invita', { email: 'bozza@ente.example.org', nome: 'A', cognome: 'B', tipo: 'ente', ente: draftEnte.id }, adminAuth);
      expect(ente.statusCode).toBe(400);
      expect(ente.body).toContain('href="#ente"');
      const kept = await post('/gestione-wemi/utenti/invita', { email: 'a@b.example.org', nome: 'A', cognome: 'B', tipo: 'staff', permessi: ['vouchers'], dal: dayFromToday(3), al: dayFromToday(2) }, adminAuth);
      expect(kept.statusCode).toBe(400);
      expect(kept.body).toMatch(/id="permessi-vouchers" value="vouchers" checked/);
      expect(await t.db.query(`select 1 from app_user where email in ('non-una-email', 'bozza@ente.example.org', 'a@b.example.org')`)).toHaveLength(0);
    });

    it('refuses to invite the e-mail of a suspended account', async () => {
      const suspended = await newStaff('Inattiva');
      await t.db.query(`update app_user set status = 'suspended' where id = $1`, [suspended.id]);
      const res = await post('/gestione-wemi/utenti/invita', { email: suspended.email, nome: 'I', cognome: 'P', tipo: 'staff', permessi: 'content' }, adminAuth);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#email"');
      expect(res.body).toContain('sospeso o eliminato');
      expect(await t.db.query(`select 1 from user_role where user_id = $1 and permission = 'content'`, [suspended.id])).toHaveLength(0);
      expect(await t.db.query(`select 1 from email_outbox where to_address = $1`, [suspended.email])).toHaveLength(0);
    });

    it('adds roles to an existing active account and ends its sessions', async () => {
      const existing = await newStaff('Esistente');
      await sessionCookieFor(t.db, existing.id);
      const res = await post('/gestione-wemi/utenti/invita', { email: existing.email, nome: 'X', cognome: 'Y', tipo: 'staff', permessi: 'vouchers' }, adminAuth);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/gestione-wemi/utenti/${existing.id}?esito=ruoli-aggiunti`);
      expect(await t.db.query(`select 1 from user_role where user_id = $1 and permission = 'vouchers'`, [existing.id])).toHaveLength(1);
      expect(await sessionsOf(existing.id)).toBe(0);
      expect(await t.db.query(`select 1 from email_outbox where to_address = $1`, [existing.email])).toHaveLength(1);
      expect((await get(res.headers.location as string, adminAuth)).body).toContain('aveva già un account attivo');
    });
  });

  describe('audit log', () => {
    beforeAll(async () => {
      const rows: [string, string, string, string | null, string | null][] = [
        ['2020-01-15 10:00:00+01', 'storico@prova.example.org', 'storico.evento', 'ente', 'e-1'],
        ['2020-01-16 23:30:00+01', 'storico@prova.example.org', 'storico.altro', 'service', 's-1'],
        ['2020-02-01 08:00:00+01', '=HYPERLINK("http://male.example","clic")', 'storico.formula', null, null],
        ['2020-02-02 08:00:00+01', 'virgola, "virgolette"\ne a capo', 'storico.quoting', '+piu', '-meno'],
        ['2020-02-03 08:00:00+01', '@chiocciola', 'storico.formula', 'user', null],
      ];
      for (const [at, label, action, type, id] of rows) {
        await t.db.query(`insert into audit_log (at, actor_label, action, target_type, target_id, ip, details) values ($1, $2, $3, $4, $5, '10.0.0.1', '{"k":"v"}')`, [at, label, action, type, id]);
      }
    });

    it('lists the activity newest first, and records that it was read', async () => {
      const before = (await t.db.one<{ n: number }>(`select count(*)::int as n from audit_log where action = 'audit.view'`)).n;
      const res = await get('/gestione-wemi/registro-attivita?azione=storico.', adminAuth);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('5 attività');
      const order = [...res.body.matchAll(/<code>(storico\.[a-z]+)<\/code>/g)].map((m) => m[1]);
      expect(order).toEqual(['storico.formula', 'storico.quoting', 'storico.formula', 'storico.altro', 'storico.evento']);
      expect((await t.db.one<{ n: number }>(`select count(*)::int as n from audit_log where action = 'audit.view'`)).n).toBe(before + 1);
      expect(await lastAudit(t.db, { action: 'audit.view' })).toMatchObject({ actor_id: admin.id, target_type: 'audit_log', details: { filter: { action: 'storico.' }, page: 1 } });
      // The CSV link carries the same filters.
      expect(res.body).toContain('href="/gestione-wemi/registro-attivita.csv?azione=storico."');
    });

    it('filters by actor, action prefix, target type and dates (days in Milan, both included)', async () => {
      const count = async (query: string) => {
        const res = await get(`/gestione-wemi/registro-attivita?${query}`, adminAuth);
        expect(res.statusCode, query).toBe(200);
        return /id="results-title"[^>]*>\s*([^<]+)</.exec(res.body)![1]!.trim();
      };
      expect(await count('attore=storico%40prova&azione=storico.')).toBe('2 attività');
      expect(await count('azione=storico.formula')).toBe('2 attività');
      expect(await count('azione=storico.&oggetto=ente')).toBe('1 attività');
      expect(await count('azione=storico.&dal=2020-01-15&al=2020-01-16')).toBe('2 attività');
      expect(await count('azione=storico.&dal=2020-01-16&al=2020-01-16')).toBe('1 attività');
      expect(await count('azione=storico.&dal=2020-02-02')).toBe('2 attività');
      expect(await count('azione=storico._')).toBe('Nessuna attività');
      expect(await count(`attore=${admin.id}&azione=users.`)).not.toBe('Nessuna attività');
    });

    it('answers 400 for an invalid date or range, keeping the values', async () => {
      const res = await get('/gestione-wemi/registro-attivita?dal=2020-02-10&al=2020-02-01&attore=abc', adminAuth);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('href="#al"');
      expect(res.body).toMatch(/name="attore" value="abc"/);
      const bad = await get('/gestione-wemi/registro-attivita?dal=ieri', adminAuth);
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#dal"');
      expect((await get('/gestione-wemi/registro-attivita.csv?dal=ieri', adminAuth)).statusCode).toBe(400);
    });

    it('exports CSV with the same filters: attachment, quoting, formula-injection guard; the export is audited', async () => {
      const res = await get('/gestione-wemi/registro-attivita.csv?azione=storico.&dal=2020-01-01&al=2020-12-31', adminAuth);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="registro-attivita-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(res.headers['cache-control']).toContain('no-store');
      const body = res.body;
      expect(body.startsWith('\uFEFF"at","actor_label","actor_id","action","target_type","target_id","ip","details"\r\n')).toBe(true);
      const lines = body.slice(1).split('\r\n');
      expect(lines.at(-1)).toBe('');
      // Header and 5 rows; the quoted line break stays inside its cell.
      expect(body.match(/"storico\./g)).toHaveLength(5);
      expect(body).toContain(`"'=HYPERLINK(""http://male.example"",""clic"")"`);
      expect(body).toContain(`"'@chiocciola"`);
      expect(body).toContain(`"virgola, ""virgolette""\ne a capo"`);
      expect(body).toContain(`"'+piu","'-meno"`);
      expect(body).toContain(`"{""k"":""v""}"`);
      expect(body).toContain('"2020-01-15T09:00:00.000Z"');
      // Newest first.
      expect(body.indexOf('storico.quoting')).toBeLessThan(body.indexOf('storico.evento'));
      expect(await lastAudit(t.db, { action: 'audit.export' })).toMatchObject({
        actor_id: admin.id,
        actor_label: admin.email,
        target_type: 'audit_log',
        ip: '127.0.0.1',
        details: { filter: { action: 'storico.', from: '2020-01-01', to: '2020-12-31' } },
      });
    });

    it('exports large logs in batches without losing or repeating rows', async () => {
      await t.db.query(
        `insert into audit_log (at, actor_label, action, target_type, target_id)
         select timestamptz '2019-06-01 12:00:00+02', 'massa', 'massa.evento', 'prova', g::text from generate_series(1, 2500) as g`,
      );
      const res = await get('/gestione-wemi/registro-attivita.csv?azione=massa.', adminAuth);
      expect(res.statusCode).toBe(200);
      const ids = res.body.split('\r\n').slice(1, -1).map((l) => l.split(',')[5]);
      expect(ids).toHaveLength(2500);
      expect(new Set(ids).size).toBe(2500);
    });

    it('quotes every cell and neutralises formulas', () => {
      expect(csvCell('plain')).toBe('"plain"');
      expect(csvCell(null)).toBe('""');
      expect(csvCell('=1+1')).toBe(`"'=1+1"`);
      expect(csvCell('-2')).toBe(`"'-2"`);
      expect(csvCell('\tx')).toBe(`"'\tx"`);
      expect(csvCell('a "b"')).toBe('"a ""b"""');
    });
  });
});
