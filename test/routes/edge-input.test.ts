import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeReturnTo } from '../../src/features/accounts/login.service';
import { createTestApp, csrfFor, type TestApp } from '../support/app';
import { actingAs, createTestUser } from '../support/accounts';
import { form } from '../support/http';

// Findings 1, 3, 4 and 6 of the security probe (issue 10): an open redirect through a TAB in `ritorno`, NUL bytes
// reaching PostgreSQL (500), an unparsable Origin header (500 on every POST), a non-Latin-1 `ritorno` (500 in the
// Location header after a login).

describe('safeReturnTo keeps a return path on this site', () => {
  it.each([
    ['/\t/evil.example/phish'],
    ['/\n/evil.example'],
    ['/\r\n/evil.example'],
    ['//evil.example'],
    ['/\\evil.example'],
    ['/\\\\evil.example'],
    ['https://evil.example/'],
    ['/\u0000/evil.example'],
    ['/accedi/credenziali'],
    ['/esci'],
    [''],
  ])('refuses %j', (raw) => {
    expect(safeReturnTo(raw, '/area-personale')).toBe('/area-personale');
  });
  it('keeps a path of the site, percent-encoded', () => {
    expect(safeReturnTo('/servizi?q=badante#risultati')).toBe('/servizi?q=badante#risultati');
    expect(safeReturnTo('/servizi?q=città')).toBe('/servizi?q=citt%C3%A0');
    expect(safeReturnTo('/servizi/caffè')).toBe('/servizi/caff%C3%A8');
  });
});

describe('the HTTP edge', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('never redirects off the site through a TAB, and encodes a non-Latin-1 return path (logged in)', async () => {
    const user = await createTestUser(t.db, { kind: 'citizen' });
    const { cookie } = await actingAs(t.app, t.db, user.id);
    const tab = await t.app.inject({ url: '/accedi?ritorno=%2F%09%2Fevil.example%2Fphish', headers: { cookie } });
    expect(tab.statusCode).toBe(303);
    expect(tab.headers.location).toBe('/area-personale');
    const accented = await t.app.inject({ url: `/accedi?ritorno=${encodeURIComponent('/servizi?q=città 日本')}`, headers: { cookie } });
    expect(accented.statusCode).toBe(303);
    expect(accented.headers.location).toBe('/servizi?q=citt%C3%A0%20%E6%97%A5%E6%9C%AC');
  });

  it('after a password login too', async () => {
    const user = await createTestUser(t.db, { kind: 'ente', password: 'Una-password-lunga-42' });
    const csrf = await csrfFor(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/accedi/credenziali',
      headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf.token, email: user.email, password: 'Una-password-lunga-42', ritorno: '/\t/evil.example/phish' }),
    });
    expect(res.statusCode).toBeLessThan(400);
    expect(String(res.headers.location ?? '')).not.toContain('evil.example');
  });

  it('takes NUL characters out of every input instead of answering 500', async () => {
    for (const url of ['/enti?q=%00', '/enti?q=a%00b', '/api/v1/organizations?q=%00', '/api/hsds/services?search=%00', '/servizi?q=%00badante', '/api/v1/autocomplete?q=ba%00d']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBeLessThan(500);
    }
    const csrf = await csrfFor(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/feedback',
      headers: { cookie: csrf.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrf.token, page: '/', rating: '2', details: 'lento\u0000 da caricare' }),
    });
    expect(res.statusCode).toBeLessThan(500);
  });

  it('refuses an unparsable Origin header with 403, never 500', async () => {
    const csrf = await csrfFor(t.app);
    for (const origin of ['http://[::1', 'not a url', 'http://%zz']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/feedback',
        headers: { cookie: csrf.cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: csrf.token, page: '/', rating: '4' }),
      });
      expect(res.statusCode, origin).toBe(403);
    }
  });
});
