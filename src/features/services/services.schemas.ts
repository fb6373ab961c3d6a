import { z } from 'zod';

// The public service card as the JSON API publishes it (and as the page renders it). Names of taxonomy
// terms and of fixed values come in the language of the request (?lang=en); free text written by the
// ente is in Italian.

export const termSchema = z.object({
  code: z.string(),
  slug: z.string(),
  name: z.string(),
});

export const locationSchema = z.object({
  kind: z.enum(['ente_site', 'spazio_wemi', 'city_office']),
  slug: z.string().nullable(),
  name: z.string(),
  address: z.string(),
  postalCode: z.string(),
  city: z.string(),
  municipio: z.object({ number: z.number().int().nullable(), name: z.string(), slug: z.string() }).nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  hours: z.string(),
  url: z.string().nullable().describe('Page of the Spazio WeMi, when the place is one'),
});

export const staffSchema = z.object({
  kind: z.enum(['internal', 'external']),
  count: z.number().int().nullable(),
  qualifications: z.string(),
  yearsExperience: z.number().nullable(),
  referencesAvailable: z.boolean().nullable(),
  supplier: z.string(),
});

export const packageSchema = z.object({
  name: z.string(),
  description: z.string(),
  units: z.number().nullable(),
  price: z.number().nullable(),
});

export const priceTierSchema = z.object({
  peopleMin: z.number().int(),
  peopleMax: z.number().int().nullable(),
  unitsMin: z.number().int(),
  unitsMax: z.number().int().nullable(),
  unitPrice: z.number().describe('Euro, VAT included'),
});

export const priceListSchema = z.object({
  validFrom: z.string().describe('YYYY-MM-DD'),
  validTo: z.string().nullable().describe('YYYY-MM-DD; null when open-ended'),
  minUnits: z.number().int(),
  notes: z.string(),
  tiers: z.array(priceTierSchema),
});

export const serviceCardSchema = z.object({
  id: z.guid(),
  slug: z.string(),
  url: z.string().describe('Path of the service page'),
  name: z.string(),
  summary: z.string(),
  summaryLanguage: z.enum(['it', 'en']).describe('Language of the summary (Italian when no translation exists)'),
  status: z.literal('active'),
  isDemo: z.boolean(),
  serviceType: termSchema.extend({ description: z.string() }),
  category: termSchema.nullable(),
  section: termSchema.nullable(),
  organization: z.object({
    slug: z.string(),
    name: z.string(),
    legalForm: z.string(),
    email: z.string().nullable(),
    pec: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    url: z.string(),
    isDemo: z.boolean(),
  }),
  audience: z.object({
    recipients: z.string(),
    targetGroups: z.array(termSchema),
    mode: z.enum(['individual', 'shared', 'both']),
    minPeople: z.number().int(),
    maxPeople: z.number().int(),
  }),
  description: z.object({
    needAnalysis: z.string(),
    proposedSolution: z.string(),
    staffActivities: z.string(),
    tasks: z.array(termSchema),
    staff: z.array(staffSchema),
  }),
  firstContact: z.object({ phone: z.string().nullable(), email: z.string().nullable(), hours: z.string() }),
  responsible: z.object({ name: z.string(), role: z.string() }),
  times: z.object({
    waitAnalysisDays: z.number().int().nullable(),
    waitActivationDays: z.number().int().nullable(),
    deliveryFrom: z.string().nullable(),
    deliveryTo: z.string().nullable(),
    timeBands: z.array(termSchema),
  }),
  price: z.object({
    offerType: z.enum(['free_public', 'free_volunteer', 'paid']),
    priceFrom: z.number().nullable().describe('Lowest current unit price, euro VAT included; null when free'),
    unit: z.string(),
    unitLabel: z.string(),
    vatRate: z.number(),
    customQuote: z.boolean(),
    packages: z.array(packageSchema),
    priceLists: z.array(priceListSchema),
    supportSchemes: z.array(termSchema),
  }),
  access: z.object({
    deliveryPlaces: z.array(z.object({ code: z.string(), name: z.string() })),
    deliveryOther: z.string(),
    sites: z.array(locationSchema),
    spazi: z.array(locationSchema),
    municipi: z.array(termSchema.extend({ number: z.number().int() })),
    metroMunicipalities: z.array(z.string()),
  }),
  rating: z.object({ average: z.number().nullable(), count: z.number().int() }),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export type ServiceCard = z.infer<typeof serviceCardSchema>;
export type Term = z.infer<typeof termSchema>;
export type CardLocation = z.infer<typeof locationSchema>;
