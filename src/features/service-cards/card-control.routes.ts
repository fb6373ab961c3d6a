import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppDeps } from '../../deps';
import type { Role } from '../../lib/http/access';
import { notFound, type FieldIssue } from '../../lib/http/errors';
import { privateRoute, queryValue } from '../../lib/http/private-routes';
import { bodyString, type FormState } from '../../web/forms';
import { cityPaths, entePaths, patterns, withNotice } from '../../web/paths';
import { requireEnte } from '../ente-backoffice/ente-scope';
import { CITY_ACTIONS, canControl, ENTE_ACTIONS, reactivationTarget } from './card-control.state';
import { changesOf, currentChangeOf, enteStaffEmails, findControlCard, openRequestsOf, statusBeforeHold } from './card-control.repository';
import { controlCard, parseReason } from './card-control.service';
import { CityCardActionPage, CityCardPage, EnteCardActionPage } from './card-control.view';
import { enteCrumbs } from './ente-cards.view';
import { findCard, findEnte, findEnteCard, openRevisionOf, type CardRow } from './service-cards.repository';
import type { Actor } from './service-cards.service';

// Card-level control (decision 0006, "Card-level control").
//
// City side (/gestione-wemi/schede-catalogo/:serviceId…, permission 'enti', like the cards list): the card with
// its state, the reason, the open requests that continue and the history of moves; suspend, withdraw and
// reactivate, each a confirmation page with the reason (required) that posts.
//
// Ente side (/gestione-ente/:enteId/schede/:serviceId/metti-offline | rimetti-online): the ente's administrators
// take their own published card offline (reason optional) and put it back online; a confirmation page that
// posts. Operators see the state on the card page. Another ente's card is "not found".
//
// A move the card's status does not allow answers 409 with the same page saying why, and changes nothing; a
// missing or too long reason answers 400 with the error summary.

const CITY_ENTI: readonly Role[] = ['city:enti'];
const ENTE_ADMIN: readonly Role[] = ['ente_admin'];
const CITY_NOTICES = { suspend: 'sospesa', withdraw: 'ritirata', reactivate: 'riattivata' } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

const options = (roles: readonly Role[], auditAction?: string): RouteShorthandOptions => privateRoute({ roles }, auditAction);
const actorOf = (request: FastifyRequest): Actor => ({ id: request.user!.id, label: request.user!.label, ip: request.ip });
const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();

/** What the form sent back (the reason), to show it again with the problems. */
const formOf = (body: unknown, issues: FieldIssue[]): FormState => ({ values: { motivo: bodyString(body, 'motivo') ?? '' }, issues });

export function registerCardControlRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const mail = { baseUrl: config.publicBaseUrl };

  // ------------------------------------------------------------------------------------------------- City side

  async function cityCardParam(request: FastifyRequest): Promise<CardRow> {
    const id = (request.params as { serviceId?: string }).serviceId;
    const card = isUuid(id) ? await findCard(db, id) : undefined;
    if (!card) throw notFound('Service card');
    return card;
  }

  app.get(patterns.city.card, options(CITY_ENTI), async (request, reply) => {
    const card = await cityCardParam(request);
    const [current, changes, openRequests, open] = await Promise.all([currentChangeOf(db, card.id), changesOf(db, card.id), openRequestsOf(db, card.id), openRevisionOf(db, card.id)]);
    const notice = queryValue(request.query, 'esito');
    return reply.page(
      CityCardPage({
        ctx: request.ctx,
        view: {
          card,
          current,
          changes,
          openRequests,
          pending: open?.status === 'submitted' ? open : undefined,
          notice: (Object.values(CITY_NOTICES) as string[]).includes(notice) ? notice : undefined,
        },
      }),
    );
  });

  for (const action of CITY_ACTIONS) {
    const url = patterns.city.cardAction(action);

    async function actionPage(request: FastifyRequest, reply: FastifyReply, card: CardRow, form: FormState, status: number) {
      const allowed = canControl(card.status, action);
      const control = await findControlCard(db, card.id);
      const target = action === 'reactivate' && allowed ? reactivationTarget(await statusBeforeHold(db, card.id), control?.covered_today ?? true) : undefined;
      const [openRequests, recipients] = await Promise.all([openRequestsOf(db, card.id), enteStaffEmails(db, card.organization_id)]);
      return reply.page(CityCardActionPage({ ctx: request.ctx, view: { card, action, allowed, target, openRequests, recipients: recipients.length, form } }), status);
    }

    app.get(url, options(CITY_ENTI), async (request, reply) => {
      const card = await cityCardParam(request);
      return actionPage(request, reply, card, { values: {}, issues: [] }, 200);
    });

    app.post(url, options(CITY_ENTI, `cards.control.${action}`), async (request, reply) => {
      const { t } = request.ctx;
      const card = await cityCardParam(request);
      if (!canControl(card.status, action)) return actionPage(request, reply, card, { values: {}, issues: [] }, 409);
      const reason = parseReason(request.body, action, t);
      if (!reason.ok) return actionPage(request, reply, card, formOf(request.body, reason.issues), 400);
      const outcome = await controlCard(db, actorOf(request), card.id, action, 'city', reason.value, mail);
      if (!outcome.ok) {
        if (outcome.reason === 'not_found') throw notFound('Service card');
        // Changed meanwhile (another tab, another person): the page as it is now.
        return actionPage(request, reply, (await findCard(db, card.id)) ?? card, { values: {}, issues: [] }, 409);
      }
      return redirect(reply, withNotice(cityPaths.card(card.id), CITY_NOTICES[action]));
    });
  }

  // ------------------------------------------------------------------------------------------------- ente side

  /** The ente of `:enteId` (the user acts for it as administrator) and its card `:serviceId`. */
  async function enteCardScope(request: FastifyRequest) {
    const params = request.params as { enteId: string; serviceId?: string };
    const enteId = requireEnte(request, params.enteId, ['ente_admin']);
    const ente = await findEnte(db, enteId);
    if (!ente) throw notFound('Ente');
    const card = isUuid(params.serviceId) ? await findEnteCard(db, ente.id, params.serviceId) : undefined;
    if (!card) throw notFound('Service card');
    return { ente, card };
  }

  const ENTE_URLS = { offline: patterns.ente.serviceCardOffline, online: patterns.ente.serviceCardOnline } as const;

  for (const action of ENTE_ACTIONS) {
    async function actionPage(request: FastifyRequest, reply: FastifyReply, scope: Awaited<ReturnType<typeof enteCardScope>>, form: FormState, status: number) {
      const { ente, card } = scope;
      const control = await findControlCard(db, card.id);
      const coveredToday = control?.covered_today ?? true;
      const allowed = canControl(card.status, action) && !(action === 'online' && !coveredToday);
      const openRequests = await openRequestsOf(db, card.id);
      const crumbs = [...enteCrumbs(request.ctx, ente), { href: entePaths.serviceCard(ente.id, card.id), label: card.name }];
      return reply.page(EnteCardActionPage({ ctx: request.ctx, view: { ente, card, action, allowed, coveredToday, openRequests, form }, crumbs }), status);
    }

    app.get(ENTE_URLS[action], options(ENTE_ADMIN), async (request, reply) => {
      return actionPage(request, reply, await enteCardScope(request), { values: {}, issues: [] }, 200);
    });

    app.post(ENTE_URLS[action], options(ENTE_ADMIN, `cards.control.${action}`), async (request, reply) => {
      const { t } = request.ctx;
      const scope = await enteCardScope(request);
      if (!canControl(scope.card.status, action)) return actionPage(request, reply, scope, { values: {}, issues: [] }, 409);
      // Only taking a card offline asks for a (facultative) reason.
      const reason = action === 'offline' ? parseReason(request.body, action, t) : ({ ok: true, value: null } as const);
      if (!reason.ok) return actionPage(request, reply, scope, formOf(request.body, reason.issues), 400);
      const outcome = await controlCard(db, actorOf(request), scope.card.id, action, 'ente', reason.value, mail, { enteId: scope.ente.id });
      if (!outcome.ok) {
        if (outcome.reason === 'not_found') throw notFound('Service card');
        const fresh = (await findEnteCard(db, scope.ente.id, scope.card.id)) ?? scope.card;
        return actionPage(request, reply, { ente: scope.ente, card: fresh }, { values: {}, issues: [] }, 409);
      }
      return redirect(reply, withNotice(entePaths.serviceCard(scope.ente.id, scope.card.id), action));
    });
  }
}
