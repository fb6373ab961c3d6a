import type { Locale } from '../../i18n/i18n';
import type { SpazioRow, StatsRow, TermRow } from './home.repository';

export interface Stats {
  services: number;
  organizations: number;
  operators: number;
  citizens: number;
}

export interface TermView {
  id: string;
  parentId: string | null;
  slug: string;
  name: string;
  description: string;
  icon: string;
  services: number;
}

export interface SpazioCard {
  slug: string;
  name: string;
  addressLine: string;
  municipio: number | null;
}

export interface HomeData {
  stats: Stats;
  sections: TermView[];
  categories: TermView[];
  spazi: SpazioCard[];
  spaziByMunicipio: { municipio: number; count: number }[];
  spaziTotal: number;
}

const pick = (locale: Locale, it: string, en: string) => (locale === 'en' && en.trim() !== '' ? en : it);

/** Icon names are Bootstrap Italia sprite names without the "it-" prefix; a safe default otherwise. */
const iconName = (icon: string | null, fallback: string) => (icon && /^[a-z0-9-]+$/.test(icon) ? icon.replace(/^it-/, '') : fallback);

export const presentStats = (r: StatsRow): Stats => ({
  services: r.services,
  organizations: r.organizations,
  operators: r.operators,
  citizens: r.citizens,
});

export function presentTerm(r: TermRow, locale: Locale, services: number, fallbackIcon: string): TermView {
  return {
    id: r.id,
    parentId: r.parent_id,
    slug: r.slug,
    name: pick(locale, r.name_it, r.name_en),
    description: pick(locale, r.description_it, r.description_en),
    icon: iconName(r.icon, fallbackIcon),
    services,
  };
}

export function presentSpazio(r: SpazioRow): SpazioCard {
  const place = [r.postal_code, r.city].filter((x) => x.trim() !== '').join(' ');
  return {
    slug: r.slug,
    name: r.name,
    addressLine: [r.address, place].filter((x) => x.trim() !== '').join(', '),
    municipio: r.municipio,
  };
}
