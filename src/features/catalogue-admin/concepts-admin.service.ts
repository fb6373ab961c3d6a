import { z } from 'zod';
import type { Db } from '../../db/database';
import type { Translate } from '../../i18n/i18n';
import { audit } from '../../lib/audit';
import type { FieldIssue } from '../../lib/http/errors';
import { conceptTargets, deleteConcept, insertConcept, updateConcept, type ConceptAdminRow, type ConceptValues } from './catalogue-admin.repository';
import type { Actor, Outcome } from './taxonomy-admin.service';

// Use cases of the concept dictionary of the search (docs/decisions/0008-search-understanding.md): add, edit and
// delete a concept, each in one transaction with its audit row. The table's trigger tells every node's search
// caches (NOTIFY wemi_catalogue), so the next search reads the new dictionary.

export const CONCEPT_LABEL_MAX = 120;
export const CONCEPT_TERM_MAX = 60;
export const CONCEPT_TERMS_MAX = 40;

/** Lower case, no accents, words separated by one space: how the search compares words. */
export const normalizeExpression = (text: string): string =>
  text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** One expression a line (or separated by commas or semicolons), normalised, without repetitions. */
export function parseExpressions(text: string): string[] {
  return [...new Set(text.split(/[\n,;]+/).map(normalizeExpression).filter(Boolean))];
}

const str = (body: unknown, name: string): string => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof s === 'string' ? s : '';
};
const list = (body: unknown, name: string): string[] => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  const xs = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return [...new Set(xs.filter((x): x is string => typeof x === 'string' && x !== ''))];
};

export const KIND_OF_FORM = { concetto: 'concept', ignora: 'ignore' } as const;
export const FORM_OF_KIND = { concept: 'concetto', ignore: 'ignora' } as const;

/** The values of the form, checked: Italian messages, one per field. */
export async function parseConceptForm(db: Db, body: unknown, t: Translate): Promise<Outcome<ConceptValues>> {
  const expressions = (field: string, min: number) =>
    z
      .string()
      .max(CONCEPT_TERMS_MAX * (CONCEPT_TERM_MAX + 2), { error: t('validation.tooLong', { max: CONCEPT_TERMS_MAX * (CONCEPT_TERM_MAX + 2) }) })
      .transform(parseExpressions)
      .refine((l) => l.length >= min, { error: t(field === 'termini' ? 'catalogueAdmin.concept.error.terms' : 'catalogueAdmin.concept.error.related') })
      .refine((l) => l.length <= CONCEPT_TERMS_MAX, { error: t('catalogueAdmin.concept.error.count', { max: CONCEPT_TERMS_MAX }) })
      .refine((l) => l.every((x) => x.length <= CONCEPT_TERM_MAX), { error: t('catalogueAdmin.concept.error.length', { max: CONCEPT_TERM_MAX }) });
  const schema = z.object({
    etichetta: z
      .string()
      .trim()
      .min(1, { error: t('catalogueAdmin.concept.error.label') })
      .max(CONCEPT_LABEL_MAX, { error: t('validation.tooLong', { max: CONCEPT_LABEL_MAX }) }),
    tipo: z.enum(['concetto', 'ignora'], { error: t('catalogueAdmin.concept.error.kind') }),
    termini: expressions('termini', 1),
    correlati: expressions('correlati', 0),
  });
  const r = schema.safeParse({ etichetta: str(body, 'etichetta'), tipo: str(body, 'tipo'), termini: str(body, 'termini'), correlati: str(body, 'correlati') });
  const issues: FieldIssue[] = [];
  if (!r.success) {
    for (const i of r.error.issues) {
      const field = String(i.path[0] ?? 'etichetta');
      if (!issues.some((x) => x.field === field)) issues.push({ field, message: i.message });
    }
  }
  const targets = await conceptTargets(db);
  const known = (taxonomy: string) => new Set(targets.filter((x) => x.taxonomy === taxonomy).map((x) => x.code));
  const types = list(body, 'tipi');
  const categories = list(body, 'categorie');
  if (types.some((c) => !known('service_type').has(c))) issues.push({ field: 'tipi', message: t('catalogueAdmin.concept.error.unknownType') });
  if (categories.some((c) => !known('category').has(c))) issues.push({ field: 'categorie', message: t('catalogueAdmin.concept.error.unknownCategory') });
  if (issues.length || !r.success) return { ok: false, issues };
  const kind = KIND_OF_FORM[r.data.tipo];
  if (kind === 'ignore' && (r.data.correlati.length || types.length || categories.length)) {
    return { ok: false, issues: [{ field: 'correlati', message: t('catalogueAdmin.concept.error.ignoreWithTargets') }] };
  }
  if (kind === 'concept' && !r.data.correlati.length && !types.length && !categories.length) {
    return { ok: false, issues: [{ field: 'correlati', message: t('catalogueAdmin.concept.error.nothingToFind') }] };
  }
  return { ok: true, value: { label: r.data.etichetta, kind, terms: r.data.termini, related: r.data.correlati, serviceTypes: types, categories } };
}

const details = (v: ConceptValues | ConceptAdminRow) =>
  'serviceTypes' in v
    ? { label: v.label, kind: v.kind, terms: v.terms, related: v.related, serviceTypes: v.serviceTypes, categories: v.categories }
    : { label: v.label, kind: v.kind, terms: v.terms, related: v.related, serviceTypes: v.service_types, categories: v.categories };

export function createConcept(db: Db, actor: Actor, values: ConceptValues): Promise<string> {
  return db.transaction(async (tx) => {
    const id = await insertConcept(tx, values, actor.id);
    await audit(tx, { actorId: actor.id, actorLabel: actor.label, action: 'catalogue.concept.create', targetType: 'search_concept', targetId: id, ip: actor.ip, details: details(values) });
    return id;
  });
}

export function editConcept(db: Db, actor: Actor, before: ConceptAdminRow, values: ConceptValues): Promise<boolean> {
  return db.transaction(async (tx) => {
    const ok = await updateConcept(tx, before.id, values, actor.id);
    if (ok) {
      await audit(tx, {
        actorId: actor.id, actorLabel: actor.label, action: 'catalogue.concept.update', targetType: 'search_concept', targetId: before.id, ip: actor.ip,
        details: { before: details(before), after: details(values) },
      });
    }
    return ok;
  });
}

export function removeConcept(db: Db, actor: Actor, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const removed = await deleteConcept(tx, id);
    if (removed) {
      await audit(tx, { actorId: actor.id, actorLabel: actor.label, action: 'catalogue.concept.delete', targetType: 'search_concept', targetId: id, ip: actor.ip, details: details(removed) });
    }
    return !!removed;
  });
}
