import type { Locale } from '../../i18n/i18n';
import { paths } from '../../web/paths';
import { DEFAULT_SECTION_ILLUSTRATION, GROUP_OF_CATEGORY, NEED_GROUPS, SECTION_ILLUSTRATIONS, type Illustration, type NeedGroup, type NeedGroupCode } from './home.groups';
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
  code: string;
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

export interface SectionView extends TermView {
  /** Asset name of the section's illustration. */
  illustration: Illustration;
}

/** A group of categories as the home page shows it ("Sostegno alla famiglia"…). */
export interface GroupView extends NeedGroup {
  categories: TermView[];
  /** Public services in all its categories. */
  services: number;
  /** Where "see all" leads: the search filtered by its categories, or the City's access services. */
  allHref: string;
}

export interface HomeData {
  stats: Stats;
  sections: SectionView[];
  groups: GroupView[];
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
    code: r.code,
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

export const presentSection = (s: TermView): SectionView => ({ ...s, illustration: SECTION_ILLUSTRATIONS[s.code] ?? DEFAULT_SECTION_ILLUSTRATION });

const CURATED_ORDER = new Map(Object.keys(GROUP_OF_CATEGORY).map((code, i) => [code, i]));

/** The four groups, in their order, each with its categories (in the order given); a group without categories is left out (the City's own services always stay). */
export function presentGroups(categories: { term: TermView; group: NeedGroupCode }[]): GroupView[] {
  return NEED_GROUPS.map((g) => {
    // The curated order of GROUP_OF_CATEGORY first (what families ask for most), then any other category.
    const terms = categories
      .filter((c) => c.group === g.code)
      .map((c, i) => ({ c, i, at: CURATED_ORDER.get(c.term.code) ?? Number.MAX_SAFE_INTEGER }))
      .sort((a, b) => a.at - b.at || a.i - b.i)
      .map(({ c }) => c.term);
    return {
      ...g,
      categories: terms,
      services: terms.reduce((n, t) => n + t.services, 0),
      allHref: g.code === 'comune' ? paths.cityServices() : paths.services({ categoria: terms.map((t) => t.slug) }),
    };
  }).filter((g) => g.categories.length > 0 || g.code === 'comune');
}
