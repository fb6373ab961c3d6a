// The message catalogue: Italian first, English complete. Each feature keeps its own messages
// (features/<name>/<name>.messages.ts) with keys prefixed by the feature; they are merged here.
// The type of `en` is derived from `it`, so a missing English message is a type error.
import { messages as common } from './common.messages';
import { messages as home } from '../features/home/home.messages';
import { messages as search } from '../features/search/search.messages';
import { messages as services } from '../features/services/services.messages';
import { messages as enti } from '../features/enti/enti.messages';
import { messages as spazi } from '../features/spazi/spazi.messages';
import { messages as taxonomy } from '../features/taxonomy/taxonomy.messages';
import { messages as cityServices } from '../features/city-services/city-services.messages';
import { messages as pages } from '../features/pages/pages.messages';
import { messages as topics } from '../features/topics/topics.messages';
import { messages as feedback } from '../features/feedback/feedback.messages';
import { messages as auth } from '../features/accounts/accounts.messages';
import { messages as oidc } from '../features/accounts/public/oidc.messages';
import { messages as links } from '../features/accounts/public/links.messages';
import { messages as lockout } from '../features/accounts/lockout.messages';
import { messages as personal } from '../features/accounts/personal/personal.messages';
import { messages as cityUsers } from '../features/accounts/city/users.messages';
import { messages as applications } from '../features/enti-applications/applications.messages';
import { messages as enteCard } from '../features/ente-backoffice/ente-card.messages';
import { messages as cards } from '../features/service-cards/service-cards.messages';
import { messages as cardControl } from '../features/service-cards/card-control.messages';
import { messages as catalogueAdmin } from '../features/catalogue-admin/catalogue-admin.messages';
import { messages as requests } from '../features/requests/requests-citizen.messages';
import { messages as enteRequests } from '../features/requests/requests-ente.messages';
import { messages as threads } from '../features/conversations/conversations.messages';
import { messages as reviews } from '../features/reviews/reviews.messages';
import { messages as security } from '../features/accounts/security/security.messages';
import { messages as register } from '../features/accounts/public/register.messages';

const parts = [common, home, search, services, enti, spazi, taxonomy, cityServices, pages, topics, feedback, auth, oidc, links, lockout, personal, cityUsers, applications, enteCard, cards, cardControl, catalogueAdmin, requests, enteRequests, threads, reviews, security, register] as const;

type Union = (typeof parts)[number]['it'];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllIt = UnionToIntersection<Union>;
export type MessageKey = keyof AllIt & string;

function merge(locale: 'it' | 'en'): Record<MessageKey, string> {
  const out: Record<string, string> = {};
  for (const part of parts) {
    for (const [k, v] of Object.entries(part[locale])) {
      if (k in out) throw new Error(`Duplicate message key: ${k}`);
      out[k] = v;
    }
  }
  return out as Record<MessageKey, string>;
}

export const catalogue = { it: merge('it'), en: merge('en') };
