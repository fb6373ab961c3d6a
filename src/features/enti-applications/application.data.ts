import { z } from 'zod';
import { formFields, formList } from '../../lib/uploads';

// The application form as data: its sections, fields, legal forms and document kinds; the shape stored in
// ente_application.data (read back through a Zod schema, so a row written by an older version still reads),
// and how a submitted form body becomes that shape. Values are kept as typed (trimmed, capped), valid or
// not, so a draft never loses what the person wrote; validation is a separate step (application.validation.ts).

/** Sections of the form, in order: the City's notes, the page index and the summary follow them. */
export const SECTIONS = ['ente', 'sede', 'persone', 'ambiti', 'dichiarazioni', 'documenti'] as const;
export type Section = (typeof SECTIONS)[number];
export const isSection = (s: string): s is Section => (SECTIONS as readonly string[]).includes(s);

/** Text fields per section, in form order (the name is the form field's name and id). */
export const TEXT_FIELDS = {
  ente: ['denominazione', 'forma_giuridica', 'codice_fiscale', 'partita_iva', 'runts', 'descrizione'],
  sede: ['sede_indirizzo', 'sede_cap', 'sede_comune', 'sede_municipio', 'pec', 'email', 'telefono', 'sito'],
  persone: ['compilatore', 'rappresentante_nome', 'rappresentante_cognome', 'rappresentante_cf', 'referente_nome', 'referente_cognome', 'referente_email', 'referente_telefono'],
} as const satisfies Partial<Record<Section, readonly string[]>>;
export type TextField = (typeof TEXT_FIELDS)[keyof typeof TEXT_FIELDS][number];
export const ALL_TEXT_FIELDS: readonly TextField[] = Object.values(TEXT_FIELDS).flat();

/** Self-declarations, all required to send the application. */
export const DECLARATIONS = ['dich_terzo_settore', 'dich_requisiti_generali', 'dich_contratti', 'dich_veridicita', 'dich_privacy'] as const;
export type Declaration = (typeof DECLARATIONS)[number];

/** Documents, one file per kind (a new upload replaces the previous one). */
export const DOCUMENT_KINDS = ['statuto', 'bilancio_sociale', 'certificazione', 'condizioni_uso', 'privacy', 'recesso'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const REQUIRED_DOCUMENTS: readonly DocumentKind[] = ['statuto', 'bilancio_sociale', 'condizioni_uso', 'privacy', 'recesso'];
export const isDocumentKind = (s: string): s is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(s);
/** The form field of a document's file input. */
export const documentField = (kind: DocumentKind) => `doc_${kind}`;

/** Who fills in the form for the ente. */
export const APPLICANT_ROLES = ['rappresentante', 'delegato'] as const;

/**
 * Legal forms an applicant may choose. `runts`: an Ente del Terzo settore registered in the RUNTS (Registro
 * unico nazionale del Terzo settore), whose registration number is then required. Social cooperatives and social
 * enterprises are ETS by law but are registered in the special section of the Registro delle imprese instead.
 */
export const LEGAL_FORMS = [
  { code: 'odv', runts: true },
  { code: 'aps', runts: true },
  { code: 'ente_filantropico', runts: true },
  { code: 'rete_associativa', runts: true },
  { code: 'societa_mutuo_soccorso', runts: true },
  { code: 'altro_ets', runts: true },
  { code: 'cooperativa_sociale', runts: false },
  { code: 'impresa_sociale', runts: false },
  { code: 'consorzio_cooperative', runts: false },
  { code: 'associazione', runts: false },
  { code: 'fondazione', runts: false },
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number]['code'];
export const isLegalForm = (s: string): s is LegalForm => LEGAL_FORMS.some((f) => f.code === s);
export const needsRunts = (form: string) => LEGAL_FORMS.some((f) => f.code === form && f.runts);

/** Hard caps on what is stored (validation reports the real limits, lower than these). */
const TEXT_CAP = 4000;
const LIST_CAP = 100;

const text = z.string().max(TEXT_CAP).catch('');
const list = z.array(z.string().max(100)).max(LIST_CAP).catch([]);
const flag = z.boolean().catch(false);

const shape = {
  ...(Object.fromEntries(ALL_TEXT_FIELDS.map((f) => [f, text])) as Record<TextField, typeof text>),
  ...(Object.fromEntries(DECLARATIONS.map((d) => [d, flag])) as Record<Declaration, typeof flag>),
  categorie: list,
  municipi: list,
  /** Language of the applicant, for the e-mails the City's decisions send. */
  _locale: z.enum(['it', 'en']).catch('it'),
};

export const ApplicationDataSchema = z.object(shape);
export type ApplicationData = z.infer<typeof ApplicationDataSchema>;

/** The stored data (jsonb), whatever its age or shape: missing or broken fields read as empty. */
export function readData(raw: unknown): ApplicationData {
  return ApplicationDataSchema.parse(raw && typeof raw === 'object' ? raw : {});
}

export const emptyData = (): ApplicationData => readData({});

/** Upper-case codes without spaces (codice fiscale, partita IVA), as people often type them with spaces. */
const compact = (s: string) => s.replace(/[\s.-]+/g, '').toUpperCase();

const CODE_FIELDS = new Set<TextField>(['codice_fiscale', 'partita_iva', 'rappresentante_cf']);
const LOWER_FIELDS = new Set<TextField>(['pec', 'email', 'referente_email']);

/** The application data a form body carries (urlencoded or multipart). Every field of the form is replaced. */
export function dataFromBody(body: unknown, locale: 'it' | 'en'): ApplicationData {
  const fields = formFields(body);
  const raw: Record<string, unknown> = { _locale: locale };
  for (const f of ALL_TEXT_FIELDS) {
    let v = (fields[f] ?? '').replace(/\r\n?/g, '\n').trim().slice(0, TEXT_CAP);
    if (CODE_FIELDS.has(f)) v = compact(v);
    if (LOWER_FIELDS.has(f)) v = v.toLowerCase();
    raw[f] = v;
  }
  for (const d of DECLARATIONS) raw[d] = fields[d] !== undefined && fields[d] !== '';
  raw.categorie = [...new Set(formList(body, 'categorie').map((s) => s.trim()).filter(Boolean))].slice(0, LIST_CAP);
  raw.municipi = [...new Set(formList(body, 'municipi').map((s) => s.trim()).filter(Boolean))].slice(0, LIST_CAP);
  return readData(raw);
}

/** "Cooperativa Sociale L'Àncora" → "cooperativa-sociale-l-ancora" (the organisation's slug, before making it unique). */
export function slugify(name: string): string {
  const s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return s || 'ente';
}

/** "https://" in front of an address typed without a scheme ("www.esempio.it"). */
export function normalizeWebsite(s: string): string {
  const v = s.trim();
  if (!v) return '';
  return /^https?:\/\//i.test(v) ? v : `https://${v}`;
}

export const fullName = (given: string, family: string) => `${given} ${family}`.trim();
