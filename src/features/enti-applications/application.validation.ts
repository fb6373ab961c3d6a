import type { MessageKey } from '../../i18n/catalogue';
import type { Translate } from '../../i18n/i18n';
import type { FieldIssue } from '../../lib/http/errors';
import {
  ALL_TEXT_FIELDS,
  DECLARATIONS,
  documentField,
  isLegalForm,
  needsRunts,
  REQUIRED_DOCUMENTS,
  APPLICANT_ROLES,
  type ApplicationData,
  type DocumentKind,
  type TextField,
} from './application.data';

// Checks of the application form, pure. Two modes:
// - 'draft' (every "Salva bozza"): only what was typed is checked (formats, lengths, known codes), so a half-filled
//   draft saves quietly and a wrong value is pointed out at once;
// - 'submit' (summary and sending): the same, plus every required field, declaration, category, Municipio and document.
// Issues come in form order, each naming its field (the field's id), with a message in the visitor's language.

// Italian identifiers -----------------------------------------------------------------------------------------

/**
 * The check digit of an 11-digit number (partita IVA, and the codice fiscale of an ente, which uses the same
 * algorithm of the Agenzia delle Entrate): digits in odd positions are added; digits in even positions are
 * doubled (minus 9 when above 9) and added; the check digit makes the total a multiple of 10.
 */
export function elevenDigitCheck(first10: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = first10.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A partita IVA: 11 digits, the last one the check digit. */
export function isValidPartitaIva(s: string): boolean {
  return /^\d{11}$/.test(s) && !/^0{11}$/.test(s) && elevenDigitCheck(s.slice(0, 10)) === s.charCodeAt(10) - 48;
}

/** Numeric codice fiscale of an ente (associations, foundations, cooperatives): same rule as the partita IVA. */
export const isValidNumericCodiceFiscale = isValidPartitaIva;

// Personal codice fiscale: 6 letters (surname, name), year, month letter, day (+40 for women), place, check letter.
// Digits may be replaced by letters (omocodia: L M N P Q R S T U V for 0–9) when two people share a code.
const PERSONAL_CF = /^[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]$/;
const ODD_VALUES: Record<string, number> = {
  '0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
  A: 1, B: 0, C: 5, D: 7, E: 9, F: 13, G: 15, H: 17, I: 19, J: 21, K: 2, L: 4, M: 18, N: 20, O: 11, P: 3, Q: 6, R: 8, S: 12,
  T: 14, U: 16, V: 10, W: 22, X: 25, Y: 24, Z: 23,
};
const evenValue = (c: string) => (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65);

/** The check letter of the first 15 characters of a personal codice fiscale. */
export function personalCheckLetter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = first15[i]!;
    // Positions are counted from 1: odd positions are indexes 0, 2, 4 …
    sum += i % 2 === 0 ? ODD_VALUES[c]! : evenValue(c);
  }
  return String.fromCharCode(65 + (sum % 26));
}

/** A personal codice fiscale: 16 characters in the right pattern, with the right check letter. */
export function isValidPersonalCodiceFiscale(s: string): boolean {
  return PERSONAL_CF.test(s) && personalCheckLetter(s.slice(0, 15)) === s[15];
}

/** The codice fiscale of an ente: 11 digits with check digit, or a 16-character personal code (sole traders). */
export function isValidEnteCodiceFiscale(s: string): boolean {
  return /^\d{11}$/.test(s) ? isValidNumericCodiceFiscale(s) : isValidPersonalCodiceFiscale(s);
}

// Contacts ------------------------------------------------------------------------------------------------------

/** An e-mail address as people write one: local@domain.tld, no spaces, sensible lengths. */
export function isValidEmail(s: string): boolean {
  if (s.length > 254) return false;
  const m = /^([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+)@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+)$/.exec(s);
  if (!m) return false;
  const [, local, domain] = m;
  return local!.length <= 64 && !local!.startsWith('.') && !local!.endsWith('.') && !local!.includes('..') && /\.[A-Za-z]{2,}$/.test(domain!);
}

/** A PEC address: an e-mail address (PEC providers use ordinary domains, e.g. legalmail.it, pec.it). */
export const isValidPec = isValidEmail;

/** A website: http(s) with a host that has a dot; "www.esempio.it" is accepted (https:// is added when stored). */
export function isValidWebsite(s: string): boolean {
  if (s.length > 300 || /\s/.test(s)) return false;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return false;
  }
  return (url.protocol === 'https:' || url.protocol === 'http:') && /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(url.hostname) && !url.username && !url.password;
}

/** A phone number: digits with spaces, dots, dashes or slashes, an optional leading +, 6 to 15 digits. */
export function isValidPhone(s: string): boolean {
  if (!/^\+?[0-9][0-9 ./-]*$/.test(s)) return false;
  const digits = s.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}

export const isValidCap = (s: string) => /^\d{5}$/.test(s);

// The form ------------------------------------------------------------------------------------------------------

export const LIMITS = {
  denominazione: 200,
  runts: 50,
  descrizione: 2000,
  descrizioneMin: 30,
  sede_indirizzo: 200,
  sede_comune: 100,
  name: 100,
} as const;

export interface ValidationContext {
  /** Codes of the active categories (taxonomy 'category'). */
  categories: ReadonlySet<string>;
  /** Codes of the Municipi (taxonomy 'municipio'). */
  municipi: ReadonlySet<string>;
  /** Kinds of the documents already uploaded. */
  documents: ReadonlySet<DocumentKind>;
}

export type ValidationMode = 'draft' | 'submit';

/** Required text fields and the message that asks for each. */
const REQUIRED: Partial<Record<TextField, MessageKey>> = {
  denominazione: 'applications.error.denominazione.required',
  forma_giuridica: 'applications.error.forma_giuridica.required',
  codice_fiscale: 'applications.error.codice_fiscale.required',
  descrizione: 'applications.error.descrizione.required',
  sede_indirizzo: 'applications.error.sede_indirizzo.required',
  sede_cap: 'applications.error.sede_cap.required',
  sede_comune: 'applications.error.sede_comune.required',
  pec: 'applications.error.pec.required',
  email: 'applications.error.email.required',
  telefono: 'applications.error.telefono.required',
  compilatore: 'applications.error.compilatore.required',
  rappresentante_nome: 'applications.error.rappresentante_nome.required',
  rappresentante_cognome: 'applications.error.rappresentante_cognome.required',
  rappresentante_cf: 'applications.error.rappresentante_cf.required',
  referente_nome: 'applications.error.referente_nome.required',
  referente_cognome: 'applications.error.referente_cognome.required',
  referente_email: 'applications.error.referente_email.required',
  referente_telefono: 'applications.error.referente_telefono.required',
};

const MAX_LENGTH: Partial<Record<TextField, number>> = {
  denominazione: LIMITS.denominazione,
  runts: LIMITS.runts,
  descrizione: LIMITS.descrizione,
  sede_indirizzo: LIMITS.sede_indirizzo,
  sede_comune: LIMITS.sede_comune,
  rappresentante_nome: LIMITS.name,
  rappresentante_cognome: LIMITS.name,
  referente_nome: LIMITS.name,
  referente_cognome: LIMITS.name,
};

/** The format check of a filled field: the message key when wrong, undefined when right. */
function formatProblem(field: TextField, v: string, ctx: ValidationContext): MessageKey | undefined {
  switch (field) {
    case 'forma_giuridica':
      return isLegalForm(v) ? undefined : 'applications.error.forma_giuridica.unknown';
    case 'codice_fiscale':
      if (/^\d+$/.test(v)) return v.length !== 11 ? 'applications.error.codice_fiscale.format' : isValidNumericCodiceFiscale(v) ? undefined : 'applications.error.codice_fiscale.check';
      if (v.length !== 16 || !PERSONAL_CF.test(v)) return 'applications.error.codice_fiscale.format';
      return isValidPersonalCodiceFiscale(v) ? undefined : 'applications.error.codice_fiscale.check';
    case 'partita_iva':
      if (!/^\d{11}$/.test(v)) return 'applications.error.partita_iva.format';
      return isValidPartitaIva(v) ? undefined : 'applications.error.partita_iva.check';
    case 'descrizione':
      return v.length < LIMITS.descrizioneMin ? 'applications.error.descrizione.short' : undefined;
    case 'sede_cap':
      return isValidCap(v) ? undefined : 'applications.error.sede_cap.format';
    case 'sede_municipio':
      return ctx.municipi.has(v) ? undefined : 'applications.error.sede_municipio.unknown';
    case 'pec':
      return isValidPec(v) ? undefined : 'applications.error.pec.format';
    case 'email':
    case 'referente_email':
      return isValidEmail(v) ? undefined : 'applications.error.email.format';
    case 'telefono':
    case 'referente_telefono':
      return isValidPhone(v) ? undefined : 'applications.error.telefono.format';
    case 'sito':
      return isValidWebsite(v) ? undefined : 'applications.error.sito.format';
    case 'compilatore':
      return (APPLICANT_ROLES as readonly string[]).includes(v) ? undefined : 'applications.error.compilatore.required';
    case 'rappresentante_cf':
      if (v.length !== 16 || !PERSONAL_CF.test(v)) return 'applications.error.rappresentante_cf.format';
      return isValidPersonalCodiceFiscale(v) ? undefined : 'applications.error.rappresentante_cf.check';
    default:
      return undefined;
  }
}

/** Every problem of the application, in form order. */
export function validateApplication(data: ApplicationData, mode: ValidationMode, ctx: ValidationContext, t: Translate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  const submit = mode === 'submit';

  for (const field of ALL_TEXT_FIELDS) {
    const v = data[field];
    if (v === '') {
      const required = REQUIRED[field];
      if (submit && required) add(field, t(required));
      else if (submit && field === 'runts' && needsRunts(data.forma_giuridica)) add(field, t('applications.error.runts.required'));
      continue;
    }
    const max = MAX_LENGTH[field];
    if (max !== undefined && v.length > max) {
      add(field, t('validation.tooLong', { max }));
      continue;
    }
    const problem = formatProblem(field, v, ctx);
    if (problem) add(field, t(problem));
  }

  // Categories and Municipi: known codes; at least one of each to send.
  if (data.categorie.some((c) => !ctx.categories.has(c))) add('categorie', t('applications.error.categorie.unknown'));
  else if (submit && data.categorie.length === 0) add('categorie', t('applications.error.categorie.required'));
  if (data.municipi.some((m) => !ctx.municipi.has(m))) add('municipi', t('applications.error.municipi.unknown'));
  else if (submit && data.municipi.length === 0) add('municipi', t('applications.error.municipi.required'));

  if (submit) {
    for (const d of DECLARATIONS) if (!data[d]) add(d, t('applications.error.declaration'));
    for (const kind of REQUIRED_DOCUMENTS) {
      if (!ctx.documents.has(kind)) add(documentField(kind), t(`applications.error.document.${kind}` as MessageKey));
    }
  }
  return issues;
}
