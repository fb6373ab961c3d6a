import type { Locale } from '../../i18n/i18n';
import type { TopicDef } from './topics.data';
import type { TopicCategoryRow } from './topics.repository';

// Topics and their categories as the views show them, in the visitor's language.

export interface TopicView {
  slug: string;
  name: string;
  description: string;
  icon: string;
}

export interface TopicCategoryView {
  slug: string;
  name: string;
  description: string;
  icon: string;
  services: number;
}

export interface TopicPageData {
  topic: TopicView;
  categories: TopicCategoryView[];
  /** Public services across the topic's categories (a service counts once: it has one category). */
  services: number;
}

const localised = (locale: Locale, it: string, en: string) => (locale === 'en' && en.trim() !== '' ? en : it);

export function presentTopic(def: TopicDef, locale: Locale): TopicView {
  return { slug: def.slug, name: localised(locale, def.it, def.en), description: localised(locale, def.descIt, def.descEn), icon: def.icon };
}

/** The topic with its categories in the topic's order (categories missing from the catalogue are left out). */
export function presentTopicPage(def: TopicDef, rows: TopicCategoryRow[], locale: Locale): TopicPageData {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const categories = def.categories.flatMap((code) => {
    const r = byCode.get(code);
    return r
      ? [
          {
            slug: r.slug,
            name: localised(locale, r.name_it, r.name_en),
            description: localised(locale, r.description_it, r.description_en),
            icon: r.icon ?? 'folder',
            services: r.services,
          },
        ]
      : [];
  });
  return { topic: presentTopic(def, locale), categories, services: categories.reduce((n, c) => n + c.services, 0) };
}
