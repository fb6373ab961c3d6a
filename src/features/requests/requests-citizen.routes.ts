import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { AppError, notFound, type FieldIssue } from '../../lib/http/errors';
import { formFields, sendStoredFile, takesFiles } from '../../lib/uploads';
import { paths, withNotice } from '../../web/paths';
import { computePrice } from './request-price';
import {
  attachmentsOf,
  cardsOfType,
  currentPriceList,
  enteRequestsOf,
  findDraft,
  publishedCardBySlug,
  requestsOfCitizen,
  targetsOf,
  termsOf,
  type RequestRow,
} from './requests-citizen.repository';
import {
  acceptOffer,
  ATTACHMENT,
  checkAll,
  MAX_ATTACHMENTS,
  mayReadAttachment,
  ownRequest,
  saveStep,
  sendRequest,
  startRequest,
  valuesOf,
  withdraw,
  type Actor,
  type FormValues,
  type Step,
} from './requests-citizen.service';
import { ConfirmPage, MyRequestsPage, NOTICES, RequestPage, outsideTargets, SentPage, StartPage, StepPage, SummaryPage, type NoticeCode, type OfferRow, type RequestDetails } from './requests-citizen.view';
import { formatEuro } from '../../i18n/i18n';
import { privateRoute, queryValue } from '../../lib/http/private-routes';
import { parseInput } from '../../lib/http/validation';

// "Citizens ask several enti at once", the citizen's side: the stepper (a draft saved at every step), the
// summary and sending, the acknowledgement, my requests, the comparison of offers with accept and withdraw.
// Every route needs a login (anonymous visitors go to /accedi and come back); a request of someone else is 404.

const AUTH: RouteShorthandOptions = privateRoute('authenticated');

/** The card a request starts from: `?servizio=<slug>` on the confirmation page, the hidden field of its form. */
const startInput = z.object({
  servizio: z.preprocess((v) => (Array.isArray(v) ? v.at(-1) : v), z.string().trim().max(200).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function uuidParam(request: FastifyRequest, name: string): string {
  const v = (request.params as Record<string, string | undefined>)[name];
  if (!v || !UUID.test(v)) throw notFound();
  return v.toLowerCase();
}
function stepParam(request: FastifyRequest): Step {
  const n = Number((request.params as { n?: string }).n);
  if (!Number.isInteger(n) || n < 1 || n > 5) throw notFound();
  return n as Step;
}
function noticeOf(query: unknown): NoticeCode | undefined {
  const s = queryValue(query, 'esito');
  return Object.hasOwn(NOTICES, s) ? (s as NoticeCode) : undefined;
}
const redirect = (reply: FastifyReply, location: string) => reply.code(303).header('location', location).send();
const actorOf = (request: FastifyRequest): Actor => ({
  id: request.user!.id,
  label: request.user!.label,
  email: request.user!.email,
  givenName: request.user!.givenName,
  ip: request.ip,
});
const today = () => new Date().toISOString().slice(0, 10);

export function registerCitizenRequestRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, config } = deps;
  const baseUrl = config.publicBaseUrl;

  async function details(row: RequestRow): Promise<RequestDetails> {
    const [targets, attachments, bands, municipi] = await Promise.all([targetsOf(db, row.id), attachmentsOf(db, row.id), termsOf(db, 'time_band'), termsOf(db, 'municipio')]);
    return { row, targets, attachments, bands, municipi };
  }

  async function stepPage(request: FastifyRequest, reply: FastifyReply, row: RequestRow, step: Step, values: FormValues, issues: FieldIssue[], status = 200) {
    const [cards, targets, bands, municipi, attachments] = await Promise.all([
      step === 1 ? cardsOfType(db, row.service_type_id) : Promise.resolve([]),
      targetsOf(db, row.id),
      termsOf(db, 'time_band'),
      termsOf(db, 'municipio'),
      attachmentsOf(db, row.id),
    ]);
    // Cards already chosen come first, so the pre-selected one is in sight.
    const chosen = targets.map((x) => x.id);
    const sorted = [...cards].sort((a, b) => Number(chosen.includes(b.id)) - Number(chosen.includes(a.id)));
    return reply.page(
      StepPage({
        ctx: request.ctx,
        view: { row, step, values, issues, cards: sorted, targets, bands, municipi, attachments, unit: targets[0]?.price_unit ?? 'ora', notice: noticeOf(request.query) },
      }),
      status,
    );
  }

  // Start (or reopen) a draft from a service card. The GET is only a confirmation page (a link from another site
  // must not change anything); its form POSTs, with the CSRF token, to create the draft (issue 10, finding 8).
  app.get(paths.requestNew(), AUTH, async (request, reply) => {
    const { servizio } = parseInput(startInput, request.query, request.ctx.t);
    const card = await publishedCardBySlug(db, servizio);
    if (!card) throw notFound('Service');
    const draft = await findDraft(db, request.user!.id, card.service_type_id);
    return reply.page(StartPage({ ctx: request.ctx, card, draft: draft !== undefined }));
  });

  app.post(paths.requestNew(), privateRoute('authenticated', 'request.draft'), async (request, reply) => {
    const { servizio } = parseInput(startInput, request.body, request.ctx.t);
    const { id, created } = await startRequest(db, actorOf(request), servizio);
    return redirect(reply, created ? paths.requestStep(id, 1) : withNotice(paths.requestStep(id, 1), 'bozza'));
  });

  app.get('/richieste/:id/passo/:n', AUTH, async (request, reply) => {
    const row = await ownRequest(db, uuidParam(request, 'id'), request.user!.id);
    const step = stepParam(request);
    if (row.status !== 'draft') return redirect(reply, paths.request(row.id));
    if (step > row.step) return redirect(reply, paths.requestStep(row.id, row.step));
    if (step === 5) return reply.page(SummaryPage({ ctx: request.ctx, d: await details(row), problems: await checkAll(db, row, request.ctx.t) }));
    return stepPage(request, reply, row, step, await valuesOf(db, row), []);
  });

  // Step 3 takes the attachments (the other steps post plain forms to the same address); one file more than the
  // rule allows is still read, so the form itself says "at most 5" (more than that is refused at the edge, 413).
  app.post('/richieste/:id/passo/:n', takesFiles(AUTH, ATTACHMENT, MAX_ATTACHMENTS + 1), async (request, reply) => {
    const id = uuidParam(request, 'id');
    const step = stepParam(request);
    if (step === 5) throw notFound();
    const row = await ownRequest(db, id, request.user!.id);
    if (row.status !== 'draft') return redirect(reply, paths.request(row.id));
    if (step > row.step) return redirect(reply, paths.requestStep(row.id, row.step));
    const outcome = await saveStep(db, actorOf(request), id, step, request.body, request.ctx.t);
    if (outcome.issues.length) return stepPage(request, reply, row, step, outcome.values, outcome.issues, 400);
    // A Municipio outside the zone of a chosen card: step 4 again, saved, with the warning, unless the citizen
    // has just seen the warning for this very Municipio and chose "Prosegui comunque".
    if (step === 4 && formFields(request.body).zona_vista !== outcome.values.municipio) {
      const saved = await ownRequest(db, id, request.user!.id);
      if (outsideTargets(await targetsOf(db, id), saved.municipio_code).length) return redirect(reply, `${paths.requestStep(id, 4)}#fuori-zona`);
    }
    return redirect(reply, paths.requestStep(id, step + 1));
  });

  app.post('/richieste/:id/invia', AUTH, async (request, reply) => {
    const id = uuidParam(request, 'id');
    const outcome = await sendRequest(db, actorOf(request), id, request.ctx.t, baseUrl);
    if (!outcome.ok) {
      const row = await ownRequest(db, id, request.user!.id);
      return reply.page(SummaryPage({ ctx: request.ctx, d: await details(row), problems: outcome.problems }), 400);
    }
    return redirect(reply, paths.requestSent(id));
  });

  app.get('/richieste/:id/inviata', AUTH, async (request, reply) => {
    const row = await ownRequest(db, uuidParam(request, 'id'), request.user!.id);
    if (row.status !== 'sent') return redirect(reply, paths.requestStep(row.id, row.step));
    const enti = await enteRequestsOf(db, [row.id]);
    return reply.page(SentPage({ ctx: request.ctx, row, count: enti.length }));
  });

  app.get(paths.myRequests(), AUTH, async (request, reply) => {
    const items = await requestsOfCitizen(db, request.user!.id);
    const enti = await enteRequestsOf(db, items.filter((r) => r.status === 'sent').map((r) => r.id));
    return reply.page(MyRequestsPage({ ctx: request.ctx, items, enti }));
  });

  async function offers(row: RequestRow): Promise<OfferRow[]> {
    const enti = await enteRequestsOf(db, [row.id]);
    const now = today();
    return Promise.all(
      enti.map(async (e) => {
        let computed = e.offer_price_computed;
        if (computed === null && row.people !== null && row.units !== null) {
          const list = await currentPriceList(db, e.service_id);
          computed = list ? computePrice(list.tiers, row.people, row.units, list.minUnits) : null;
        }
        return { ...e, computed, expired: e.offer_expires_on !== null && e.offer_expires_on < now };
      }),
    );
  }

  app.get('/richieste/:id', AUTH, async (request, reply) => {
    const row = await ownRequest(db, uuidParam(request, 'id'), request.user!.id);
    if (row.status === 'draft') return redirect(reply, paths.requestStep(row.id, row.step));
    return reply.page(RequestPage({ ctx: request.ctx, d: await details(row), enti: await offers(row), notice: noticeOf(request.query) }));
  });

  /** A sent request of the citizen and one of its ente copies. */
  async function enteRequestOf(request: FastifyRequest) {
    const row = await ownRequest(db, uuidParam(request, 'id'), request.user!.id);
    if (row.status !== 'sent') throw notFound('Request');
    const erId = uuidParam(request, 'enteRequestId');
    const er = (await offers(row)).find((e) => e.id === erId);
    if (!er) throw notFound('Request');
    return { row, er };
  }

  app.get('/richieste/:id/enti/:enteRequestId/accetta', AUTH, async (request, reply) => {
    const { row, er } = await enteRequestOf(request);
    const { t } = request.ctx;
    if (er.status !== 'offered' || er.expired) throw new AppError('conflict', 'Offer not open');
    return reply.page(
      ConfirmPage({
        ctx: request.ctx,
        row,
        title: t('requests.accept.title'),
        body: t('requests.accept.body', { ente: er.organization_name, price: er.offer_price !== null ? formatEuro(request.ctx.locale, er.offer_price) : '—' }),
        action: paths.requestAccept(row.id, er.id),
        confirm: t('requests.accept.confirm'),
      }),
    );
  });

  app.post('/richieste/:id/enti/:enteRequestId/accetta', AUTH, async (request, reply) => {
    const id = uuidParam(request, 'id');
    await acceptOffer(db, actorOf(request), id, uuidParam(request, 'enteRequestId'));
    return redirect(reply, withNotice(paths.request(id), 'accettata'));
  });

  app.get('/richieste/:id/enti/:enteRequestId/ritira', AUTH, async (request, reply) => {
    const { row, er } = await enteRequestOf(request);
    const { t } = request.ctx;
    if (!['sent', 'taken', 'offered', 'accepted'].includes(er.status)) throw new AppError('conflict', 'Not open');
    return reply.page(
      ConfirmPage({
        ctx: request.ctx,
        row,
        title: t('requests.withdraw.title'),
        body: t('requests.withdraw.bodyOne', { ente: er.organization_name }),
        action: paths.requestWithdrawEnte(row.id, er.id),
        confirm: t('requests.withdraw.confirm'),
        danger: true,
      }),
    );
  });

  app.post('/richieste/:id/enti/:enteRequestId/ritira', AUTH, async (request, reply) => {
    const id = uuidParam(request, 'id');
    await withdraw(db, actorOf(request), id, uuidParam(request, 'enteRequestId'));
    return redirect(reply, withNotice(paths.request(id), 'ritirata'));
  });

  app.get('/richieste/:id/ritira', AUTH, async (request, reply) => {
    const row = await ownRequest(db, uuidParam(request, 'id'), request.user!.id);
    if (row.status !== 'sent') throw notFound('Request');
    // Nothing left to withdraw (every ente already withdrawn or closed): the page must not offer what the POST refuses.
    const enti = await enteRequestsOf(db, [row.id]);
    if (!enti.some((e) => ['sent', 'taken', 'offered', 'accepted'].includes(e.status))) throw new AppError('conflict', 'Nothing to withdraw');
    const { t } = request.ctx;
    return reply.page(
      ConfirmPage({ ctx: request.ctx, row, title: t('requests.withdraw.title'), body: t('requests.withdraw.bodyAll'), action: paths.requestWithdraw(row.id), confirm: t('requests.withdraw.confirm'), danger: true }),
    );
  });

  app.post('/richieste/:id/ritira', AUTH, async (request, reply) => {
    const id = uuidParam(request, 'id');
    await withdraw(db, actorOf(request), id, null);
    return redirect(reply, withNotice(paths.request(id), 'ritirata'));
  });

  // Files: attachments for the owner and the enti that received the request; the quote for the owner.
  app.get('/richieste/:id/allegati/:attId', { config: { access: 'authenticated' } }, async (request, reply) => {
    const id = uuidParam(request, 'id');
    const attId = uuidParam(request, 'attId');
    if (!(await mayReadAttachment(db, id, request.user!))) throw notFound('File');
    const att = (await attachmentsOf(db, id)).find((a) => a.id === attId);
    if (!att) throw notFound('File');
    return sendStoredFile(db, reply, att.file_id);
  });

  app.get('/richieste/:id/enti/:enteRequestId/preventivo', { config: { access: 'authenticated' } }, async (request, reply) => {
    const { er } = await enteRequestOf(request);
    if (!er.offer_file_id) throw notFound('File');
    return sendStoredFile(db, reply, er.offer_file_id);
  });
}
