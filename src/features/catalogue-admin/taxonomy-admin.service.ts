import { z } from 'zod';
import type { Db, Queryable } from '../../db/database';
import { slugify } from '../../db/seed/prng';
import type { Translate } from '../../i18n/i18n';
import { audit } from '../../lib/audit';
import type { FieldIssue } from '../../lib/http/errors';
import {
  findAdminTerm,
  insertTerm,
  lockTaxonomy,
  nextPosition,
  refreshSearch,
  sameNameTerm,
  setTermActive,
  takenCodesAndSlugs,
  termOptions,
  updateTerm,
  type AdminTermRow,
  type TermValues,
} from './catalogue-admin.repository';

// Use cases of the taxonomy management: add, edit, deactivate and reactivate terms of the managed vocabularies.
// Each runs in one transaction with its audit row. Code and slug are made once, from the Italian name, unique in
// the vocabulary, and never change afterwards (links, filters and other features rely on them). Changes that
// touch what search reads (names, synonyms, the category of a service type) rebuild the search documents and the
// typo vocabulary in the same transaction; the search cache follows at once (its counter moves with the tables).

/** Who acts, for the audit row. */
export interface Actor {
  id: string;
  label: string;
  ip: string;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };
const fail = <T>(field: string, message: string): Outcome<T> => ({ ok: false, issues: [{ field, message }] });

export type TaxonomyCode = 'section' | 'category' | 'service_type' | 'target_group' | 'task' | 'time_band' | 'municipio' | 'support_scheme';

export interface TaxonomyKind {
  code: TaxonomyCode;
  /** Path segment under /gestione-wemi/tassonomie. */
  slug: string;
  /** Terms can be added and edited; the others (sections, Municipi, time bands) are fixed and shown read-only. */
  managed: boolean;
  /** Vocabulary of the parent term (a service type's parent is a category, a category's is a section). */
  parent: TaxonomyCode | null;
  /** Terms carry an icon (categories, shown on the home and section pages). */
  icon: boolean;
}

/** Every vocabulary, in the order the back office lists them: managed first. */
export const TAXONOMY_KINDS: readonly TaxonomyKind[] = [
  { code: 'category', slug: 'categorie', managed: true, parent: 'section', icon: true },
  { code: 'service_type', slug: 'tipi-di-servizio', managed: true, parent: 'category', icon: false },
  { code: 'target_group', slug: 'destinatari', managed: true, parent: null, icon: false },
  { code: 'task', slug: 'mansioni', managed: true, parent: null, icon: false },
  { code: 'support_scheme', slug: 'sostegni-economici', managed: true, parent: null, icon: false },
  { code: 'section', slug: 'sezioni', managed: false, parent: null, icon: true },
  { code: 'municipio', slug: 'municipi', managed: false, parent: null, icon: false },
  { code: 'time_band', slug: 'fasce-orarie', managed: false, parent: null, icon: false },
];

export const kindBySlug = (slug: string | undefined): TaxonomyKind | undefined => TAXONOMY_KINDS.find((k) => k.slug === slug);
export const kindByCode = (code: string): TaxonomyKind | undefined => TAXONOMY_KINDS.find((k) => k.code === code);

/** Bootstrap Italia icons a category may use: the ones the seed already uses for sections and categories. */
export const CATEGORY_ICONS = [
  'user', 'team-digitale', 'plus-circle', 'hearing', 'presentation', 'car', 'cart', 'star-full', 'star-outline', 'tool',
  'settings', 'comment', 'flag', 'sign', 'file', 'files', 'code-circle', 'camera', 'box', 'pin', 'map-marker',
  'calendar', 'chart-line', 'lock', 'warning-circle',
] as const;
export type CategoryIcon = (typeof CATEGORY_ICONS)[number];

export const NAME_MAX = 120;
export const DESCRIPTION_MAX = 1000;
export const SYNONYM_MAX = 60;
export const SYNONYMS_MAX = 30;
export const POSITION_MAX = 9999;
/** Longest generated slug (before a "-2" suffix). */
const SLUG_MAX = 60;

/** "badante,  Assistente familiare ,badante" → ['badante', 'assistente familiare']. */
export function parseSynonyms(raw: string): string[] {
  const out: string[] = [];
  for (const s of raw.split(/[,;\n]/)) {
    const v = s.trim().replace(/\s+/g, ' ').toLowerCase();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** The form as typed (strings), kept to show it again when something is wrong. */
export type TermFormValues = Record<string, string | undefined>;

function termSchema(t: Translate, kind: TaxonomyKind) {
  const text = (max: number, required: string | null) => {
    const base = z.string().trim().max(max, { error: t('validation.tooLong', { max }) });
    return required ? base.min(1, { error: required }) : base;
  };
  return z.object({
    nome_it: text(NAME_MAX, t('catalogueAdmin.term.error.nameIt')),
    nome_en: text(NAME_MAX, t('catalogueAdmin.term.error.nameEn')),
    descrizione_it: text(DESCRIPTION_MAX, null),
    descrizione_en: text(DESCRIPTION_MAX, null),
    sinonimi: z
      .string()
      .max(SYNONYMS_MAX * (SYNONYM_MAX + 2), { error: t('validation.tooLong', { max: SYNONYMS_MAX * (SYNONYM_MAX + 2) }) })
      .transform(parseSynonyms)
      .refine((l) => l.length <= SYNONYMS_MAX, { error: t('catalogueAdmin.term.error.synonymsCount', { max: SYNONYMS_MAX }) })
      .refine((l) => l.every((s) => s.length <= SYNONYM_MAX), { error: t('catalogueAdmin.term.error.synonymLength', { max: SYNONYM_MAX }) }),
    padre: kind.parent ? z.string().trim().min(1, { error: t('catalogueAdmin.term.error.parent') }) : z.string().optional(),
    icona: kind.icon
      ? z.enum(CATEGORY_ICONS, { error: t('catalogueAdmin.term.error.icon') })
      : z.string().optional(),
    posizione: z
      .string()
      .trim()
      .refine((s) => s === '' || /^\d{1,4}$/.test(s), { error: t('catalogueAdmin.term.error.position', { max: POSITION_MAX }) })
      .transform((s) => (s === '' ? null : Number(s))),
  });
}

const str = (body: unknown, name: string): string => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof s === 'string' ? s : '';
};

export interface ParsedTerm {
  values: Omit<TermValues, 'position' | 'parentId'> & { position: number | null };
  /** Slug of the parent term (in the parent vocabulary), when the vocabulary has parents. */
  parentSlug: string | null;
}

export function parseTermForm(body: unknown, kind: TaxonomyKind, t: Translate): Outcome<ParsedTerm> {
  const input = Object.fromEntries(['nome_it', 'nome_en', 'descrizione_it', 'descrizione_en', 'sinonimi', 'padre', 'icona', 'posizione'].map((k) => [k, str(body, k)]));
  const schema = termSchema(t, kind);
  const r = schema.safeParse(input);
  if (!r.success) {
    // Every rule of the schema carries its own message; one message per field, the first.
    const issues: FieldIssue[] = [];
    for (const i of r.error.issues) {
      const field = String(i.path[0] ?? 'nome_it');
      if (!issues.some((x) => x.field === field)) issues.push({ field, message: i.message });
    }
    return { ok: false, issues };
  }
  const d = r.data;
  const issues: FieldIssue[] = [];
  if (!slugify(d.nome_it)) issues.push({ field: 'nome_it', message: t('catalogueAdmin.term.error.nameLetters') });
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    value: {
      values: {
        nameIt: d.nome_it,
        nameEn: d.nome_en,
        descriptionIt: d.descrizione_it,
        descriptionEn: d.descrizione_en,
        synonyms: d.sinonimi,
        icon: kind.icon ? (d.icona as string) : null,
        position: d.posizione,
      },
      parentSlug: kind.parent ? (d.padre ?? null) : null,
    },
  };
}

/** Code and slug from the Italian name: "Dog sitting & co." → 'dog_sitting_co' / 'dog-sitting-co' (then -2, -3 …). */
export function baseSlug(nameIt: string): string {
  return slugify(nameIt).slice(0, SLUG_MAX).replace(/-+$/, '');
}

function freeCodeAndSlug(base: string, taken: { codes: Set<string>; slugs: Set<string> }): { code: string; slug: string } {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const code = slug.replace(/-/g, '_');
    if (!taken.slugs.has(slug) && !taken.codes.has(code)) return { code, slug };
  }
}

/** The parent term chosen in the form: it must be a term of the parent vocabulary, active unless already the parent. */
async function resolveParent(db: Queryable, kind: TaxonomyKind, slug: string | null, current: string | null, t: Translate): Promise<Outcome<string | null>> {
  if (!kind.parent) return { ok: true, value: null };
  const options = await termOptions(db, kind.parent, { includeInactive: true });
  const parent = options.find((o) => o.slug === slug);
  if (!parent || (!parent.active && parent.id !== current)) return fail('padre', t('catalogueAdmin.term.error.parent'));
  return { ok: true, value: parent.id };
}

const termDetails = (v: TermValues) => ({
  parentId: v.parentId,
  nameIt: v.nameIt,
  nameEn: v.nameEn,
  synonyms: v.synonyms,
  icon: v.icon,
  position: v.position,
});

export async function createTerm(db: Db, actor: Actor, taxonomy: { id: string; code: string }, kind: TaxonomyKind, form: ParsedTerm, t: Translate): Promise<Outcome<{ id: string; code: string; slug: string }>> {
  return db.transaction(async (tx) => {
    await lockTaxonomy(tx, taxonomy.id);
    const parent = await resolveParent(tx, kind, form.parentSlug, null, t);
    if (!parent.ok) return parent;
    const same = await sameNameTerm(tx, taxonomy.id, form.values.nameIt, form.values.nameEn, null);
    if (same) return fail(same.lang === 'it' ? 'nome_it' : 'nome_en', t('catalogueAdmin.term.error.duplicate'));
    const base = baseSlug(form.values.nameIt);
    const { code, slug } = freeCodeAndSlug(base, await takenCodesAndSlugs(tx, taxonomy.id, base.replace(/-/g, '_'), base));
    const values: TermValues = { ...form.values, parentId: parent.value, position: form.values.position ?? (await nextPosition(tx, taxonomy.id, parent.value)) };
    const id = await insertTerm(tx, taxonomy.id, code, slug, values);
    // A new term is on no card yet: only the typo vocabulary (built from the taxonomy too) needs it.
    await refreshSearch(tx, { documents: false });
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'catalogue.term.create',
      targetType: 'taxonomy_term',
      targetId: id,
      ip: actor.ip,
      details: { taxonomy: taxonomy.code, code, slug, ...termDetails(values) },
    });
    return { ok: true, value: { id, code, slug } };
  });
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export async function editTerm(db: Db, actor: Actor, taxonomy: { id: string; code: string }, kind: TaxonomyKind, term: AdminTermRow, form: ParsedTerm, t: Translate): Promise<Outcome<{ searchRefreshed: boolean }>> {
  return db.transaction(async (tx) => {
    await lockTaxonomy(tx, taxonomy.id);
    const current = await findAdminTerm(tx, taxonomy.id, term.id);
    if (!current) return fail('nome_it', t('catalogueAdmin.term.error.gone'));
    const parent = await resolveParent(tx, kind, form.parentSlug, current.parent_id, t);
    if (!parent.ok) return parent;
    const same = await sameNameTerm(tx, taxonomy.id, form.values.nameIt, form.values.nameEn, current.id);
    if (same) return fail(same.lang === 'it' ? 'nome_it' : 'nome_en', t('catalogueAdmin.term.error.duplicate'));
    const values: TermValues = { ...form.values, parentId: parent.value, position: form.values.position ?? current.position };
    await updateTerm(tx, current.id, values);
    const changed = Object.entries({
      nameIt: current.name_it !== values.nameIt,
      nameEn: current.name_en !== values.nameEn,
      descriptionIt: current.description_it !== values.descriptionIt,
      descriptionEn: current.description_en !== values.descriptionEn,
      synonyms: !sameList(current.synonyms, values.synonyms),
      icon: current.icon !== values.icon,
      position: current.position !== values.position,
      parentId: current.parent_id !== values.parentId,
    })
      .filter(([, v]) => v)
      .map(([k]) => k);
    // Search documents hold the names and synonyms of a card's service type, category and terms.
    const wordsChanged = changed.includes('nameIt') || changed.includes('synonyms');
    const documentsChanged = current.all > 0 && (wordsChanged || (kind.code === 'service_type' && changed.includes('parentId')));
    if (wordsChanged || documentsChanged) await refreshSearch(tx, { documents: documentsChanged });
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: 'catalogue.term.update',
      targetType: 'taxonomy_term',
      targetId: current.id,
      ip: actor.ip,
      details: { taxonomy: taxonomy.code, code: current.code, changed, searchRefreshed: wordsChanged || documentsChanged, ...termDetails(values) },
    });
    return { ok: true, value: { searchRefreshed: wordsChanged || documentsChanged } };
  });
}

/**
 * Deactivates or reactivates a term. A deactivated term leaves the public lists (pages, facets, API, HSDS) and the
 * choices of the ente forms, and stays on the cards that have it. Deactivating a term that published cards use
 * needs `confirmed` (the confirmation page says how many).
 */
export async function setTermState(
  db: Db,
  actor: Actor,
  taxonomy: { id: string; code: string },
  termId: string,
  active: boolean,
  confirmed: boolean,
  t: Translate,
): Promise<Outcome<{ published: number }>> {
  return db.transaction(async (tx) => {
    await lockTaxonomy(tx, taxonomy.id);
    const term = await findAdminTerm(tx, taxonomy.id, termId);
    if (!term) return fail('conferma', t('catalogueAdmin.term.error.gone'));
    if (term.active === active) return fail('conferma', t(active ? 'catalogueAdmin.term.error.alreadyActive' : 'catalogueAdmin.term.error.alreadyInactive'));
    if (!active && term.published > 0 && !confirmed) {
      return fail('conferma', t('catalogueAdmin.term.error.confirm', { n: term.published }));
    }
    await setTermActive(tx, term.id, active);
    await audit(tx, {
      actorId: actor.id,
      actorLabel: actor.label,
      action: active ? 'catalogue.term.reactivate' : 'catalogue.term.deactivate',
      targetType: 'taxonomy_term',
      targetId: term.id,
      ip: actor.ip,
      details: { taxonomy: taxonomy.code, code: term.code, cards: term.cards, published: term.published, children: term.children },
    });
    return { ok: true, value: { published: term.published } };
  });
}
