import type { Locale } from '../../i18n/i18n';
import { paths } from '../../web/paths';
import type {
  CountedTermRow,
  OfferingOrganizationRow,
  TermRow,
  VocabularyRow,
  VocabularyTermRow,
} from './taxonomy.repository';

// Maps taxonomy rows to view objects (pages) and API objects (JSON), in the visitor's language.

const pick = (locale: Locale, it: string, en: string) => (locale === 'en' && en.trim() !== '' ? en : it);

export interface TermView {
  id: string;
  code: string;
  slug: string;
  name: string;
  description: string;
  icon: string | null;
}

export interface CountedTermView extends TermView {
  publicServices: number;
}

export interface OfferingOrganizationView {
  id: string;
  slug: string;
  name: string;
  isDemo: boolean;
  publicServices: number;
}

export function presentTerm(row: TermRow, locale: Locale): TermView {
  return {
    id: row.id,
    code: row.code,
    slug: row.slug,
    name: pick(locale, row.name_it, row.name_en),
    description: pick(locale, row.description_it, row.description_en),
    icon: row.icon,
  };
}

export function presentCountedTerm(row: CountedTermRow, locale: Locale): CountedTermView {
  return { ...presentTerm(row, locale), publicServices: row.services };
}

export function presentOrganization(row: OfferingOrganizationRow): OfferingOrganizationView {
  return { id: row.id, slug: row.slug, name: row.name, isDemo: row.is_demo, publicServices: row.services };
}

export interface SectionPageData {
  section: TermView;
  categories: CountedTermView[];
  publicServices: number;
}

export interface CategoryPageData {
  category: TermView;
  section: TermView | null;
  serviceTypes: CountedTermView[];
  organizations: OfferingOrganizationView[];
  publicServices: number;
}

// ---- JSON API ----

const abs = (baseUrl: string, path: string) => `${baseUrl}${path}`;

export function sectionToApi(d: SectionPageData, baseUrl: string) {
  return {
    id: d.section.id,
    code: d.section.code,
    slug: d.section.slug,
    name: d.section.name,
    description: d.section.description,
    icon: d.section.icon,
    publicServices: d.publicServices,
    url: abs(baseUrl, paths.section(d.section.slug)),
    searchUrl: abs(baseUrl, paths.services({ area: d.section.slug })),
    categories: d.categories.map((c) => ({
      id: c.id,
      code: c.code,
      slug: c.slug,
      name: c.name,
      description: c.description,
      icon: c.icon,
      publicServices: c.publicServices,
      url: abs(baseUrl, paths.category(c.slug)),
      searchUrl: abs(baseUrl, paths.services({ categoria: c.slug })),
    })),
  };
}

export function categoryToApi(d: CategoryPageData, baseUrl: string) {
  return {
    id: d.category.id,
    code: d.category.code,
    slug: d.category.slug,
    name: d.category.name,
    description: d.category.description,
    icon: d.category.icon,
    section: d.section
      ? { id: d.section.id, code: d.section.code, slug: d.section.slug, name: d.section.name, url: abs(baseUrl, paths.section(d.section.slug)) }
      : null,
    publicServices: d.publicServices,
    url: abs(baseUrl, paths.category(d.category.slug)),
    searchUrl: abs(baseUrl, paths.services({ categoria: d.category.slug })),
    serviceTypes: d.serviceTypes.map((t) => ({
      id: t.id,
      code: t.code,
      slug: t.slug,
      name: t.name,
      description: t.description,
      publicServices: t.publicServices,
      searchUrl: abs(baseUrl, paths.services({ categoria: d.category.slug, tipo: t.slug })),
    })),
    organizations: d.organizations.map((o) => ({
      id: o.id,
      slug: o.slug,
      name: o.name,
      isDemo: o.isDemo,
      publicServices: o.publicServices,
      url: abs(baseUrl, paths.ente(o.slug)),
    })),
  };
}

export function vocabulariesToApi(vocabularies: readonly VocabularyRow[], terms: readonly VocabularyTermRow[], locale: Locale) {
  const byTaxonomy = new Map<string, VocabularyTermRow[]>();
  for (const t of terms) {
    const list = byTaxonomy.get(t.taxonomy_id);
    if (list) list.push(t);
    else byTaxonomy.set(t.taxonomy_id, [t]);
  }
  return vocabularies.map((v) => ({
    id: v.id,
    code: v.code,
    name: pick(locale, v.name_it, v.name_en),
    description: pick(locale, v.description_it, v.description_en),
    uri: v.uri,
    version: v.version,
    terms: (byTaxonomy.get(v.id) ?? []).map((t) => ({
      id: t.id,
      code: t.code,
      slug: t.slug,
      name: pick(locale, t.name_it, t.name_en),
      description: pick(locale, t.description_it, t.description_en),
      icon: t.icon,
      position: t.position,
      parent: t.parent_id && t.parent_code && t.parent_slug ? { id: t.parent_id, code: t.parent_code, slug: t.parent_slug } : null,
    })),
  }));
}
