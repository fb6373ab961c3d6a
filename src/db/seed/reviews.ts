import type { Queryable } from '../database';
import { refreshServiceRatings } from '../../features/reviews/public/reviews-public.repository';
import { Prng } from './prng';

// Demo reviews: real rows (a completed request of a demo citizen, its ente copy, the review), so that every
// rating shown — card page, ente page, search, API — comes from reviews, as in production. The catalogue gives
// some public cards a target rating (service.rating_avg / rating_count drawn in demo.ts); here each of those
// cards gets about a third as many reviews scattered around that target, a share of them with a comment the City
// published (some with the ente's reply). Then the cards' copies of their ratings are recomputed from the rows.
// Only 'none' and 'published' comments: the City's moderation queue starts empty. A separate generator, so the
// rest of the demo catalogue does not change.

const SEED = 20_170_118;

// Words that fit any kind of service (the same pools serve home care, courses, transport, activities…).
const POSITIVE = [
  'Operatori puntuali e molto gentili. Ci siamo trovati bene fin dal primo giorno.',
  'Servizio serio: hanno rispettato gli orari concordati e avvisato in anticipo per ogni cambio.',
  'Persone preparate e pazienti. Il referente ha risposto sempre al telefono.',
  'Ottima esperienza, attivazione rapida dopo il primo colloquio. Lo consiglio.',
  'Competenza e tanta umanità: in famiglia siamo tutti soddisfatti.',
  'Chiari sui costi fin dall’inizio, nessuna sorpresa in fattura.',
  'Ci hanno aiutato in un momento difficile, con grande disponibilità.',
  'Tutto ben organizzato e spiegato con chiarezza. Torneremo a rivolgerci a loro.',
  'Sempre lo stesso operatore, e questo per noi conta molto.',
]
const MIXED = [
  'Servizio buono nel complesso, ma all’inizio qualche ritardo negli orari.',
  'Personale gentile; la prima risposta è arrivata dopo diversi giorni.',
  'Bene il servizio, meno bene la comunicazione sui cambi di operatore.',
  'Prezzo in linea con altri, qualità discreta. Si può migliorare la puntualità.',
  'Ci siamo trovati abbastanza bene, anche se gli orari disponibili erano pochi.',
];
const NEGATIVE = [
  'Più volte l’operatore è arrivato in ritardo senza avvisare.',
  'Difficile parlare con un referente: al telefono non rispondeva quasi mai.',
  'Il servizio è partito dopo molte settimane rispetto a quanto promesso.',
  'Cambi continui di operatore: è stato faticoso abituarsi ogni volta.',
];
const REPLIES_GOOD = [
  'Grazie per la fiducia: lo riferiremo a tutta l’équipe.',
  'Grazie, ci fa piacere sapere che il servizio vi è stato utile. A presto!',
  'Vi ringraziamo per il riscontro, continueremo a lavorare così.',
];
const REPLIES_BAD = [
  'Ci dispiace per i disagi. Abbiamo rivisto l’organizzazione dei turni: contattateci pure per parlarne.',
  'Grazie per la segnalazione, ne abbiamo parlato con il coordinamento per migliorare i tempi di risposta.',
];

interface Card {
  id: string;
  organization_id: string;
  service_type_id: string;
  rating_avg: number;
  rating_count: number;
  published_days: number;
}

const clamp = (n: number) => Math.min(5, Math.max(1, Math.round(n)));

/**
 * On a database seeded before the demo reviews existed (ratings drawn on the cards, no review behind them): adds
 * the demo reviews once, then corrects any card whose copy of its rating differs from its reviews.
 */
export async function reconcileDemoReviews(tx: Queryable): Promise<void> {
  const any = await tx.maybeOne('select 1 from review limit 1');
  if (!any) await seedDemoReviews(tx);
  else await refreshServiceRatings(tx, null, { onlyStale: true });
}

/** Adds the demo reviews of the cards the catalogue rated; returns how many. */
export async function seedDemoReviews(tx: Queryable): Promise<number> {
  const cards = await tx.query<Card>(
    `select s.id, s.organization_id, s.service_type_id, s.rating_avg, s.rating_count,
            greatest(1, extract(day from now() - s.published_at))::int as published_days
       from public_service s
      where s.is_demo and s.rating_count > 0 and s.rating_avg is not null
      order by s.slug`,
  );
  const citizens = (await tx.query<{ id: string }>(`select id from app_user where kind = 'citizen' and is_demo order by created_at, id limit 2000`)).map((c) => c.id);
  if (cards.length === 0 || citizens.length === 0) {
    await refreshServiceRatings(tx, null);
    return 0;
  }
  const r = new Prng(SEED);
  const requests: Record<string, unknown>[] = [];
  const enteRequests: Record<string, unknown>[] = [];
  const reviews: Record<string, unknown>[] = [];
  for (const card of cards) {
    const n = Math.max(1, Math.round(card.rating_count / 3));
    const target = Number(card.rating_avg);
    for (let i = 0; i < n; i++) {
      const overall = clamp(target + r.weighted([[-1.5, 1], [-0.6, 3], [0, 4], [0.6, 3]] as const));
      const near = () => clamp(overall + r.weighted([[-1, 1], [0, 4], [1, 1]] as const));
      // Written between 30 days ago and the card's publication (at most about two years ago).
      const days = r.int(30, Math.max(31, Math.min(card.published_days, 720)));
      const opened = days + r.int(10, 40);
      const requestId = r.uuid();
      const enteRequestId = r.uuid();
      const commented = r.chance(0.45);
      const comment = commented ? r.pick(overall >= 4 ? POSITIVE : overall === 3 ? MIXED : NEGATIVE) : null;
      const replied = commented && r.chance(overall <= 2 ? 0.7 : 0.25);
      requests.push({
        id: requestId,
        reference: `RIC-DEMO-${String(requests.length + 1).padStart(6, '0')}`,
        citizen_id: r.pick(citizens),
        service_type_id: card.service_type_id,
        _days: opened,
      });
      enteRequests.push({ id: enteRequestId, request_id: requestId, service_id: card.id, organization_id: card.organization_id, _days: opened, _done: days + r.int(0, 3) });
      reviews.push({
        ente_request_id: enteRequestId,
        service_id: card.id,
        organization_id: card.organization_id,
        citizen_id: requests[requests.length - 1]!.citizen_id,
        overall,
        punctuality: near(),
        speed: near(),
        professionalism: near(),
        comment,
        comment_status: comment ? 'published' : 'none',
        ente_reply: replied ? r.pick(overall <= 2 ? REPLIES_BAD : REPLIES_GOOD) : null,
        _days: days,
        _moderated: comment ? Math.max(0, days - r.int(1, 3)) : null,
        _reply: replied ? Math.max(0, days - r.int(3, 10)) : null,
      });
    }
  }
  const ago = (f: string) => `case when x.${f} is null then null else now() - make_interval(days => x.${f}) end`;
  for (let i = 0; i < requests.length; i += 1000) {
    const chunk = (rows: Record<string, unknown>[]) => JSON.stringify(rows.slice(i, i + 1000));
    await tx.query(
      `insert into service_request (id, reference, citizen_id, service_type_id, status, step, sent_at, created_at, updated_at)
       select x.id, x.reference, x.citizen_id, x.service_type_id, 'sent', 5, ${ago('_days')}, ${ago('_days')}, ${ago('_days')}
         from jsonb_to_recordset($1::jsonb) as x(id uuid, reference text, citizen_id uuid, service_type_id uuid, _days int)`,
      [chunk(requests)],
    );
    await tx.query(
      `insert into service_request_target (request_id, service_id, position)
       select x.request_id, x.service_id, 0 from jsonb_to_recordset($1::jsonb) as x(request_id uuid, service_id uuid)`,
      [chunk(enteRequests)],
    );
    await tx.query(
      `insert into ente_request (id, request_id, service_id, organization_id, status, first_response_at, offered_at, accepted_at,
                                 started_at, completed_at, closed_at, created_at, updated_at)
       select x.id, x.request_id, x.service_id, x.organization_id, 'completed', ${ago('_days')} + interval '1 day',
              ${ago('_days')} + interval '2 days', ${ago('_days')} + interval '3 days', ${ago('_days')} + interval '5 days',
              ${ago('_done')}, ${ago('_done')}, ${ago('_days')}, ${ago('_done')}
         from jsonb_to_recordset($1::jsonb) as x(id uuid, request_id uuid, service_id uuid, organization_id uuid, _days int, _done int)`,
      [chunk(enteRequests)],
    );
    await tx.query(
      `insert into review (ente_request_id, service_id, organization_id, citizen_id, overall, punctuality, speed, professionalism,
                           comment, comment_status, moderated_at, ente_reply, ente_reply_at, created_at)
       select x.ente_request_id, x.service_id, x.organization_id, x.citizen_id, x.overall, x.punctuality, x.speed, x.professionalism,
              x.comment, x.comment_status, ${ago('_moderated')}, x.ente_reply, ${ago('_reply')}, ${ago('_days')}
         from jsonb_to_recordset($1::jsonb) as x(ente_request_id uuid, service_id uuid, organization_id uuid, citizen_id uuid,
              overall int, punctuality int, speed int, professionalism int, comment text, comment_status text, ente_reply text,
              _days int, _moderated int, _reply int)`,
      [chunk(reviews)],
    );
  }
  // Every card's copy of its rating from its reviews (the drawn targets are replaced; cards without reviews: none).
  await refreshServiceRatings(tx, null);
  return reviews.length;
}
