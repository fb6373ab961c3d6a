import type { MessageKey } from '../../i18n/catalogue';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../enti/enti.presenter';

// The public facts of an ente card: what citizens read on the ente's page (/enti/<slug>), in the search and in the
// open data. A change to them goes through the City's validation (organization_revision, decision 0006): the ente's
// edit waits as a request, the published row stays as it is until the City approves. The rest of the card (the
// contact person for the City, the logo, the documents, the sites) saves at once, as decision 0006 records.

export interface PublicFacts {
  name: string;
  description_it: string;
  description_en: string;
  email: string | null;
  pec: string | null;
  phone: string | null;
  website: string | null;
  first_contact_hours: string;
  socials: Partial<Record<SocialNetwork, string>>;
}

/** The facts in form order, each with its label; socials one by one. */
export const FACT_FIELDS = ['name', 'description_it', 'description_en', 'email', 'phone', 'pec', 'website', 'first_contact_hours', ...SOCIAL_NETWORKS.map((n) => `socials.${n}` as const)] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export const FACT_LABELS: Record<FactField, MessageKey> = {
  name: 'enteCard.field.name',
  description_it: 'enteCard.field.descriptionIt',
  description_en: 'enteCard.field.descriptionEn',
  email: 'enteCard.field.email',
  phone: 'enteCard.field.phone',
  pec: 'enteCard.field.pec',
  website: 'enteCard.field.website',
  first_contact_hours: 'enteCard.field.firstContact',
  'socials.facebook': 'enteCard.field.facebook',
  'socials.instagram': 'enteCard.field.instagram',
  'socials.linkedin': 'enteCard.field.linkedin',
  'socials.youtube': 'enteCard.field.youtube',
};

/** The form field of each fact (the card form's names). */
export const FACT_FORM_NAMES: Record<FactField, string> = {
  name: 'denominazione',
  description_it: 'descrizione_it',
  description_en: 'descrizione_en',
  email: 'email',
  phone: 'telefono',
  pec: 'pec',
  website: 'sito',
  first_contact_hours: 'primo_contatto',
  'socials.facebook': 'facebook',
  'socials.instagram': 'instagram',
  'socials.linkedin': 'linkedin',
  'socials.youtube': 'youtube',
};

/** Sections of the diff the City sees (the card form's fieldsets). */
export const FACT_SECTIONS: readonly { key: 'about' | 'contacts' | 'socials'; title: MessageKey; fields: readonly FactField[] }[] = [
  { key: 'about', title: 'enteCard.card.about', fields: ['name', 'description_it', 'description_en'] },
  { key: 'contacts', title: 'enteCard.card.contacts', fields: ['email', 'phone', 'pec', 'website', 'first_contact_hours'] },
  { key: 'socials', title: 'enteCard.card.socials', fields: SOCIAL_NETWORKS.map((n) => `socials.${n}` as const) },
];

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const opt = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

function socialsOf(v: unknown): PublicFacts['socials'] {
  const obj = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const out: PublicFacts['socials'] = {};
  for (const n of SOCIAL_NETWORKS) if (typeof obj[n] === 'string' && obj[n] !== '') out[n] = obj[n] as string;
  return out;
}

/** The facts of a row of `organization`, or of the jsonb of a revision (whatever its age: missing parts read empty). */
export function readFacts(raw: unknown): PublicFacts {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    name: str(o.name),
    description_it: str(o.description_it),
    description_en: str(o.description_en),
    email: opt(o.email),
    pec: opt(o.pec),
    phone: opt(o.phone),
    website: opt(o.website),
    first_contact_hours: str(o.first_contact_hours),
    socials: socialsOf(o.socials),
  };
}

/** The text of one fact ('' when not given). */
export function factValue(f: PublicFacts, field: FactField): string {
  if (field.startsWith('socials.')) return f.socials[field.slice('socials.'.length) as SocialNetwork] ?? '';
  return (f[field as Exclude<FactField, `socials.${string}`>] ?? '') as string;
}

/** The facts that differ, in form order. */
export function changedFacts(before: PublicFacts, after: PublicFacts): FactField[] {
  return FACT_FIELDS.filter((k) => factValue(before, k) !== factValue(after, k));
}

export const sameFacts = (a: PublicFacts, b: PublicFacts) => changedFacts(a, b).length === 0;

/** The facts as the card form's values. */
export function factsFormValues(f: PublicFacts): Record<string, string> {
  return Object.fromEntries(FACT_FIELDS.map((k) => [FACT_FORM_NAMES[k], factValue(f, k)]));
}
