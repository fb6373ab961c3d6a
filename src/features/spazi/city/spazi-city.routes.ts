import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../deps';
import type { Role } from '../../../lib/http/access';
import { notFound } from '../../../lib/http/errors';
import { privateRoute, queryValue } from '../../../lib/http/private-routes';
import { bodyString, emptyForm, type FormState } from '../../../web/forms';
import { cityPaths, withNotice } from '../../../web/paths';
import { findCitySpazio, listAllSpazi, type CitySpazioRow } from './spazi-city.repository';
import { changeSpazioStatus, hoursFormValues, parseHoursForm, saveOpeningHours, type Actor } from './spazi-city.service';
import { CitySpaziPage, CitySpazioArchivePage, CitySpazioPage, NOTICES, type NoticeCode } from './spazi-city.view';

// The City's back office for the Spazi WeMi (/gestione-wemi/spazi-wemi): the list of every Spazio with its status
// and hours, and the page of one Spazio where the editorial staff (the City's "content" permission) edit its
// opening hours and its status. Archiving takes a Spazio off the public site, so it goes through a confirmation
// page. Every write is CSRF-checked (app-wide, src/lib/http/csrf.ts) and audited in its transaction.

const ROLES: readonly Role[] = ['city:content'];

function noticeOf(query: unknown): NoticeCode | undefined {
  const s = queryValue(query, 'esito');
  return Object.hasOwn(NOTICES, s) ? (s as NoticeCode) : undefined;
}

/** The submitted fields (last value of a repeated one), without the CSRF token. */
function valuesOf(body: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k === '_csrf') continue;
    const s = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof s === 'string') out[k] = s;
  }
  return out;
}

const actorOf = (request: FastifyRequest): Actor => ({ id: request.user!.id, label: request.user!.label, ip: request.ip });
const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();

export function registerSpaziCityRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  async function spazioParam(request: FastifyRequest): Promise<CitySpazioRow> {
    const slug = (request.params as { slug?: string }).slug ?? '';
    const row = slug.length <= 200 ? await findCitySpazio(db, slug) : undefined;
    if (!row) throw notFound('Spazio WeMi');
    return row;
  }

  const page = (request: FastifyRequest, row: CitySpazioRow, forms: { hours?: FormState; status?: FormState } = {}) =>
    CitySpazioPage({
      ctx: request.ctx,
      view: {
        row,
        hoursForm: forms.hours ?? emptyForm(hoursFormValues(row)),
        statusForm: forms.status ?? emptyForm(),
        notice: noticeOf(request.query),
      },
    });

  app.get(cityPaths.spazi(), privateRoute({ roles: ROLES }), async (request, reply) => {
    return reply.page(CitySpaziPage({ ctx: request.ctx, rows: await listAllSpazi(db), notice: noticeOf(request.query) }));
  });

  app.get('/gestione-wemi/spazi-wemi/:slug', privateRoute({ roles: ROLES }), async (request, reply) => {
    return reply.page(page(request, await spazioParam(request)));
  });

  app.post('/gestione-wemi/spazi-wemi/:slug/orari', privateRoute({ roles: ROLES }, 'spazi.hours.update'), async (request, reply) => {
    const row = await spazioParam(request);
    const values = valuesOf(request.body);
    const parsed = parseHoursForm(values, request.ctx.t);
    if (!parsed.ok) return reply.page(page(request, row, { hours: { values, issues: parsed.issues } }), 400);
    await saveOpeningHours(db, actorOf(request), row.id, parsed.value);
    return redirect(reply, withNotice(cityPaths.spazio(row.slug), 'orari-salvati'));
  });

  app.post('/gestione-wemi/spazi-wemi/:slug/stato', privateRoute({ roles: ROLES }, 'spazi.status.change'), async (request, reply) => {
    const row = await spazioParam(request);
    const status = bodyString(request.body, 'stato');
    const confirmed = bodyString(request.body, 'conferma') === 'si';
    const outcome = await changeSpazioStatus(db, actorOf(request), row.id, { status, confirmed }, request.ctx.t);
    if (!outcome.ok) {
      if ('needsConfirmation' in outcome) return reply.page(CitySpazioArchivePage({ ctx: request.ctx, row }));
      const fresh = (await findCitySpazio(db, row.slug)) ?? row;
      return reply.page(page(request, fresh, { status: { values: valuesOf(request.body), issues: outcome.issues } }), 400);
    }
    const notice = outcome.value.to === 'archived' ? 'archiviato' : outcome.value.from === 'archived' ? 'ripristinato' : 'stato-aggiornato';
    return redirect(reply, withNotice(cityPaths.spazio(row.slug), notice));
  });
}
