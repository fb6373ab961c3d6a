import { z } from 'zod';
import { locationSchema, termSchema } from '../services/services.schemas';

// Public organisations (enti) as the JSON API publishes them.

export const enteSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  url: z.string().describe('Path of the ente page'),
  legalForm: z.string(),
  description: z.string(),
  descriptionLanguage: z.enum(['it', 'en']).describe('Language of the description (Italian when no translation exists)'),
  logoUrl: z.string().nullable(),
  servicesCount: z.number().int().describe('Public services of the ente'),
  isDemo: z.boolean(),
});

export const enteListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  pages: z.number().int(),
  items: z.array(enteSummarySchema),
});

export const enteServiceSchema = z.object({
  slug: z.string(),
  name: z.string(),
  url: z.string(),
  summary: z.string(),
  serviceType: termSchema,
  category: termSchema.nullable(),
  offerType: z.enum(['free_public', 'free_volunteer', 'paid']),
  priceFrom: z.number().nullable().describe('Lowest current unit price, euro VAT included; null when free'),
  priceUnit: z.string(),
  unitLabel: z.string(),
  customQuote: z.boolean(),
  isDemo: z.boolean(),
});

export const enteSocialsSchema = z.object({
  facebook: z.string().nullable(),
  instagram: z.string().nullable(),
  linkedin: z.string().nullable(),
  youtube: z.string().nullable(),
});

export const enteDocumentSchema = z.object({
  kind: z.enum(['condizioni-uso', 'privacy', 'recesso']).describe('Terms of use, privacy policy, withdrawal form'),
  url: z.string().describe('Path of the PDF file'),
  sizeBytes: z.number().int(),
});

export const enteDetailSchema = enteSummarySchema.extend({
  rating: z
    .object({ average: z.number().nullable(), count: z.number().int() })
    .describe('Average of the overall ratings of all reviews of the public service cards of the ente, and their number (the same reviews as the cards\' ratings)'),
  taxCode: z.string().nullable(),
  vatNumber: z.string().nullable(),
  email: z.string().nullable(),
  pec: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  operatorsCount: z.number().int(),
  firstContactHours: z.string().describe('Days and hours the ente answers a first contact (free text, Italian)'),
  socials: enteSocialsSchema.describe('Social network pages (https URLs), null when not given'),
  documents: z.array(enteDocumentSchema).describe('Public documents of the ente (PDF)'),
  sites: z.array(locationSchema),
  spazi: z.array(locationSchema),
  services: z.array(enteServiceSchema),
  updatedAt: z.string(),
});

export type EnteSummary = z.infer<typeof enteSummarySchema>;
export type EnteDetail = z.infer<typeof enteDetailSchema>;
export type EnteService = z.infer<typeof enteServiceSchema>;
export type EnteSocials = z.infer<typeof enteSocialsSchema>;
export type EnteDocument = z.infer<typeof enteDocumentSchema>;
