import { catalogue, type MessageKey } from './catalogue';

export const LOCALES = ['it', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'it';

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Returns the translator of a locale: `{name}` placeholders are replaced by params (output is escaped later). */
export function translator(locale: Locale): Translate {
  const messages = catalogue[locale];
  return (key, params) => {
    const template = messages[key] ?? catalogue.it[key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

const numberFormats = {
  it: new Intl.NumberFormat('it-IT'),
  en: new Intl.NumberFormat('en-GB'),
};
const currencyFormats = {
  it: new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};
const dateFormats = {
  it: new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Rome' }),
};

export const formatNumber = (locale: Locale, n: number) => numberFormats[locale].format(n);
export const formatEuro = (locale: Locale, n: number) => currencyFormats[locale].format(n);
export const formatDate = (locale: Locale, d: Date | string) =>
  dateFormats[locale].format(typeof d === 'string' ? new Date(d.length === 10 ? `${d}T12:00:00Z` : d) : d);
