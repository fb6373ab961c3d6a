import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDTHS, noViolations, openPage, startSite, text, type By, type Site } from './support';
import { insertReviews } from '../../src/features/reviews/public/reviews-public.test-fixtures';

// "Before choosing, a citizen reads what other families wrote": on a service card and on its ente's page the
// citizen reads the rating and the comments the City published, newest first, five at a time, and pages through
// them with the page links — with JavaScript on and off, on a desktop and on a phone, by mouse and by keyboard.
// A link lands back on the comments (the anchor), the pending comment never shows, and the card and the ente
// agree on the numbers. Every page passes axe-core.

const SHOTS = '/tmp/shots';
const comment = (n: number) => `Commento di prova numero ${n}: operatori puntuali e gentili.`;

describe('published reviews on the service and ente pages', () => {
  let site: Site;
  let card: { id: string; slug: string; name: string; org_slug: string };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    site = await startSite();
    card = await site.t.db.one(
      `select s.id, s.slug, s.name, o.slug as org_slug from public_service s join organization o on o.id = s.organization_id
        where o.is_demo order by s.slug limit 1`,
    );
    // Seven published comments newer than the demo ones (0…6 days old), one with a reply; one pending.
    await insertReviews(site.t.db, card.id, [
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ overall: 1 + (n % 5), comment: comment(n), daysAgo: n - 1, reply: n === 2 ? 'Grazie, lo diremo a tutta l’équipe.' : null })),
      { overall: 1, comment: 'Questo commento aspetta la verifica del Comune.', status: 'pending' as const, daysAgo: 0 },
    ]);
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  /** The comments shown, in order. */
  const comments = (page: Page) => page.locator('[data-wemi-reviews] .wemi-review-comment').allTextContents().then((l) => l.map((s) => s.replace(/\s+/g, ' ').trim()));

  /** Follows a page link of the comments (by mouse or keyboard) and waits for that page of comments. */
  async function goTo(page: Page, link: ReturnType<Page['locator']>, n: number, how: By): Promise<void> {
    if (how.by === 'keyboard') {
      await link.focus();
      await page.keyboard.press('Enter');
    } else {
      await link.click();
    }
    await page.waitForURL((u) => (n === 1 ? !u.searchParams.has('recensioni_pagina') : u.searchParams.get('recensioni_pagina') === String(n)) && u.hash === '#recensioni');
    await page.waitForLoadState('load');
  }

  for (const [device, viewport] of Object.entries(WIDTHS)) {
    for (const js of [true, false]) {
      const name = `${device}-${js ? 'js' : 'nojs'}`;
      const how: By = device === 'mobile' ? { by: 'keyboard' } : {};

      it(`pages through the comments of a card and of its ente (${name})`, async () => {
        const { page, context, problems } = await openPage(site, { viewport, javaScriptEnabled: js });
        try {
          await page.goto(`${site.baseUrl}/servizi/${card.slug}`);
          const block = page.locator('[data-wemi-reviews]');
          const api = (await (await page.request.get(`${site.baseUrl}/api/v1/services/${card.slug}`)).json()) as { rating: { average: number; count: number } };
          const avg = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 }).format(Math.round(api.rating.average * 10) / 10);
          expect(await text(block.locator('.wemi-reviews-summary'))).toContain(`${avg} su 5 (${api.rating.count} recensioni)`);
          expect(await comments(page)).toEqual([1, 2, 3, 4, 5].map(comment));
          expect(await text(block)).toContain('Grazie, lo diremo a tutta l’équipe.');
          expect(await text(block)).not.toContain('aspetta la verifica');
          await noViolations(page, `service page ${name}`, { javaScriptEnabled: js });
          await block.scrollIntoViewIfNeeded();
          await block.screenshot({ path: `${SHOTS}/reviews-service-${name}.png` });

          // Next page: the page lands on the comments' heading, which is on screen.
          await goTo(page, block.locator('.pagination a[rel="next"]'), 2, how);
          expect(await comments(page)).toEqual(expect.arrayContaining([6, 7].map(comment)));
          expect((await comments(page))[0]).toBe(comment(6));
          await expect.poll(() => page.locator('#recensioni').evaluate((h) => h.getBoundingClientRect().top)).toBeLessThan(viewport.height);
          expect(await page.locator('#recensioni').evaluate((h) => h.getBoundingClientRect().bottom)).toBeGreaterThan(0);
          await noViolations(page, `service page 2 ${name}`, { javaScriptEnabled: js });
          await page.screenshot({ path: `${SHOTS}/reviews-service-page2-${name}.png` });
          // And back to the first page with its number.
          await goTo(page, block.locator('.pagination a[rel="prev"]'), 1, how);
          expect((await comments(page))[0]).toBe(comment(1));

          // The ente page: the same comments of its cards (newest first, naming the card), the same kind of rating.
          await page.goto(`${site.baseUrl}/enti/${card.org_slug}`);
          const ente = (await (await page.request.get(`${site.baseUrl}/api/v1/organizations/${card.org_slug}`)).json()) as { rating: { average: number; count: number } };
          expect(ente.rating.count).toBeGreaterThanOrEqual(api.rating.count);
          const enteBlock = page.locator('[data-wemi-reviews]');
          expect(await text(enteBlock.locator('.wemi-reviews-summary'))).toContain(`(${ente.rating.count} recensioni)`);
          expect((await comments(page)).slice(0, 5)).toEqual([1, 2, 3, 4, 5].map(comment));
          expect(await text(enteBlock.locator('.wemi-review-service').first())).toContain(card.name);
          await noViolations(page, `ente page ${name}`, { javaScriptEnabled: js });
          await enteBlock.scrollIntoViewIfNeeded();
          await enteBlock.screenshot({ path: `${SHOTS}/reviews-ente-${name}.png` });
          if (js) await page.screenshot({ path: `${SHOTS}/reviews-ente-full-${name}.png`, fullPage: true });
          await goTo(page, enteBlock.locator('.pagination a[rel="next"]'), 2, how);
          expect((await comments(page))[0]).toBe(comment(6));
          await noViolations(page, `ente page 2 ${name}`, { javaScriptEnabled: js });
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      }, 120_000);
    }
  }
});
