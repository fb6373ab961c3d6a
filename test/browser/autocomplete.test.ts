import { mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noViolations, openPage, startSite, text, WIDTHS, type Site } from './support';

// The search box's suggestions (src/client/autocomplete.ts) on the home page and on /servizi: a combobox per the
// WAI-ARIA Authoring Practices (listbox popup, grouped options, aria-activedescendant, a live region), used with
// the keyboard alone, by touch, and without JavaScript (the plain form).

const SHOTS = '/tmp/shots';
mkdirSync(SHOTS, { recursive: true });

const PAGES = { home: '/', servizi: '/servizi' } as const;

/** What each typed text must suggest (at least one option), and the groups it must show. */
const QUERIES = [
  { q: 'bad', expect: /badante/i, groups: ['Servizi', 'Categorie'] },
  { q: 'pas', expect: /pasti/i, groups: ['Servizi', 'Categorie', 'Enti'] },
  { q: 'psic', expect: /psicolog/i, groups: ['Servizi', 'Categorie'] },
] as const;

const box = (page: Page) => page.locator('input[data-wemi-autocomplete]');
const popup = (page: Page) => page.locator('[role="listbox"]');
const options = (page: Page) => popup(page).locator('[role="option"]');

/** Types like a person (one key at a time), after emptying the box. */
async function typeInto(page: Page, input: Locator, value: string, delay = 60): Promise<void> {
  await input.focus();
  await input.fill('');
  await page.keyboard.type(value, { delay });
}

async function optionTexts(page: Page): Promise<string[]> {
  return Promise.all((await options(page).all()).map(text));
}

describe('A visitor searching with the suggestions of the search box', () => {
  let site: Site;
  beforeAll(async () => {
    site = await startSite();
  });
  afterAll(async () => site?.close());

  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    for (const [pageName, path] of Object.entries(PAGES)) {
      it(`sees grouped suggestions and picks one with the keyboard alone (${pageName}, ${widthName})`, async () => {
        const { page, context, problems } = await openPage(site, { viewport });
        await page.goto(site.baseUrl + path);
        const input = box(page);
        expect(await input.getAttribute('role')).toBe('combobox');
        expect(await input.getAttribute('aria-autocomplete')).toBe('list');
        expect(await input.getAttribute('aria-expanded')).toBe('false');
        const listboxId = await input.getAttribute('aria-controls');
        expect(listboxId).toBeTruthy();
        expect(await page.locator(`#${listboxId}`).getAttribute('role')).toBe('listbox');
        // No zoom on focus on phones: the box's text is 16 px at least.
        expect(await input.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);

        for (const { q, expect: wanted, groups } of QUERIES) {
          await typeInto(page, input, q);
          await popup(page).waitFor({ state: 'visible' });
          await expect.poll(() => optionTexts(page), { message: `suggestions for "${q}"` }).toEqual(expect.arrayContaining([expect.stringMatching(wanted)]));
          expect(await input.getAttribute('aria-expanded')).toBe('true');
          // Grouped: every group is named by its visible label, in the API's order.
          const groupLabels = await popup(page)
            .locator('[role="group"]')
            .evaluateAll((els) => els.map((g) => document.getElementById(g.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? ''));
          for (const g of groups) expect(groupLabels, `groups for "${q}"`).toContain(g);
          // The polite live region announces how many suggestions there are (the API's sentence).
          const count = await options(page).count();
          const status = page.locator('[role="status"][aria-live="polite"]').filter({ hasText: 'suggeriment' });
          await expect.poll(() => status.textContent(), { message: `announcement for "${q}"` }).toMatch(new RegExp(`^${count} suggerimenti disponibili`));
          // Every option is a target a finger can hit.
          for (const h of await options(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) expect(h).toBeGreaterThanOrEqual(44);
        }

        // Open popup: no accessibility violation, and what it looks like.
        await noViolations(page, `${pageName} ${widthName} with the popup open`);
        await page.screenshot({ path: `${SHOTS}/autocomplete-${pageName}-${widthName}.png`, fullPage: false });

        // Keyboard alone: arrows move the active option (the focus stays in the box), Home returns to the box.
        const ids = await options(page).evaluateAll((els) => els.map((e) => e.id));
        await page.keyboard.press('ArrowDown');
        expect(await input.getAttribute('aria-activedescendant')).toBe(ids[0]);
        expect(await page.locator(`#${ids[0]}`).getAttribute('aria-selected')).toBe('true');
        await page.keyboard.press('ArrowDown');
        expect(await input.getAttribute('aria-activedescendant')).toBe(ids[1]);
        await page.keyboard.press('ArrowUp');
        expect(await input.getAttribute('aria-activedescendant')).toBe(ids[0]);
        await page.keyboard.press('ArrowUp');
        expect(await input.getAttribute('aria-activedescendant'), 'ArrowUp on the first option wraps to the last').toBe(ids[ids.length - 1]);
        await page.keyboard.press('Home');
        expect(await input.getAttribute('aria-activedescendant')).toBeNull();
        expect(await input.evaluate((el: HTMLInputElement) => el.selectionStart)).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');

        // Escape closes the popup and keeps what was typed.
        await page.keyboard.press('Escape');
        await popup(page).waitFor({ state: 'hidden' });
        expect(await input.getAttribute('aria-expanded')).toBe('false');
        expect(await input.inputValue()).toBe('psic');

        // ArrowDown opens it again on the first option; the second one is chosen with Enter.
        await page.keyboard.press('ArrowDown');
        await popup(page).waitFor({ state: 'visible' });
        await page.keyboard.press('ArrowDown');
        const chosen = page.locator(`#${await input.getAttribute('aria-activedescendant')}`);
        const label = await text(chosen);
        expect(label).toMatch(/psic/i);
        const url = await chosen.getAttribute('data-url');
        await page.screenshot({ path: `${SHOTS}/autocomplete-${pageName}-${widthName}-active.png`, fullPage: false });
        await page.keyboard.press('Enter');
        await page.waitForURL((u) => u.pathname + u.search === url);
        expect(await page.locator('h1').count()).toBe(1);
        expect(problems).toEqual([]);
        await context.close();
      });
    }

    it(`submits the plain form with Enter when no suggestion is chosen, and closes on Tab and outside clicks (${widthName})`, async () => {
      const { page, context, problems } = await openPage(site, { viewport });
      await page.goto(site.baseUrl + '/');
      const input = box(page);
      await typeInto(page, input, 'pas');
      await popup(page).waitFor({ state: 'visible' });
      await page.locator('h1').click();
      await popup(page).waitFor({ state: 'hidden' });
      expect(await input.getAttribute('aria-expanded')).toBe('false');

      await typeInto(page, input, 'pas');
      await popup(page).waitFor({ state: 'visible' });
      await page.keyboard.press('Tab');
      await popup(page).waitFor({ state: 'hidden' });

      await typeInto(page, input, 'pasti a domicilio');
      await popup(page).waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === '/servizi' && u.searchParams.get('q') === 'pasti a domicilio');
      expect(await box(page).inputValue()).toBe('pasti a domicilio');
      expect(problems).toEqual([]);
      await context.close();
    });

    it(`does not show a late answer to an older text, and waits for a pause in typing (${widthName})`, async () => {
      const { page, context, problems } = await openPage(site, { viewport });
      await page.goto(site.baseUrl + '/servizi');
      const asked: string[] = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname === '/api/v1/autocomplete') asked.push(u.searchParams.get('q') ?? '');
      });
      // The server's answer to "bad" is held back 1.5 s, as on a slow network.
      await page.route(
        (u) => u.pathname === '/api/v1/autocomplete' && u.searchParams.get('q') === 'bad',
        async (route) => {
          const response = await route.fetch();
          await new Promise((r) => setTimeout(r, 1500));
          await route.fulfill({ response }).catch(() => undefined); // the page may have cancelled it
        },
      );
      await page.evaluate(() => {
        const w = window as unknown as { seen: string[] };
        w.seen = [];
        new MutationObserver(() => {
          for (const o of document.querySelectorAll('[role="option"]')) w.seen.push(o.textContent ?? '');
        }).observe(document.body, { childList: true, subtree: true });
      });
      const input = box(page);
      const slow = page.waitForRequest((r) => r.url().includes('/api/v1/autocomplete?q=bad'));
      await typeInto(page, input, 'bad', 20);
      await slow;
      await page.evaluate(() => ((window as unknown as { seen: string[] }).seen = []));
      await typeInto(page, input, 'psicologo', 20);
      await popup(page).waitFor({ state: 'visible' });
      await expect.poll(() => optionTexts(page)).toEqual(expect.arrayContaining([expect.stringMatching(/psicolog/i)]));
      await page.waitForTimeout(2000); // the late answer to "bad" has come back (or been cancelled) by now
      expect(await input.inputValue()).toBe('psicologo');
      for (const t of await optionTexts(page)) expect(t).toMatch(/psic/i);
      const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      expect(seen.filter((s) => /badante/i.test(s)), 'suggestions for "bad" shown after "psicologo" was typed').toEqual([]);
      // Typed fast, a word is asked for once, not once per key (a slow machine may let a pause slip in).
      expect(asked[0]).toBe('bad');
      expect(asked.at(-1)).toBe('psicologo');
      expect(asked.length, `requests: ${asked.join(', ')}`).toBeLessThanOrEqual(3);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('picks a suggestion with a tap on a phone (touch screen)', async () => {
    const context = await site.browser.newContext({ viewport: WIDTHS.mobile, hasTouch: true, isMobile: true, locale: 'it-IT' });
    const page = await context.newPage();
    await page.goto(site.baseUrl + '/');
    const input = box(page);
    await input.tap();
    await page.keyboard.type('bad', { delay: 60 });
    await popup(page).waitFor({ state: 'visible' });
    const first = options(page).filter({ hasText: /badante/i }).first();
    const url = await first.getAttribute('data-url');
    await first.tap();
    await page.waitForURL((u) => u.pathname + u.search === url);
    expect(await page.locator('h1').count()).toBe(1);
    await context.close();
  });

  for (const [widthName, viewport] of Object.entries(WIDTHS)) {
    it(`keeps the plain search form without JavaScript (${widthName})`, async () => {
      const { page, context } = await openPage(site, { viewport, javaScriptEnabled: false });
      for (const path of Object.values(PAGES)) {
        await page.goto(site.baseUrl + path);
        const input = box(page);
        expect(await input.getAttribute('role')).toBeNull();
        expect(await input.getAttribute('aria-expanded')).toBeNull();
        expect(await page.locator('[role="listbox"]').count()).toBe(0);
        await input.fill('psic');
        await input.press('Enter');
        await page.waitForURL((u) => u.pathname === '/servizi' && u.searchParams.get('q') === 'psic');
        expect(await page.locator('h1').count()).toBe(1);
      }
      await context.close();
    });
  }
});
