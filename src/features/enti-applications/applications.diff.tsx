import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import type { MessageKey } from '../../i18n/catalogue';
import { formatSize } from '../../lib/uploads';
import type { PageContext } from '../../web/context';
import { FieldDiff, type DiffGroup, type DiffRow } from '../../web/diff';
import { DECLARATIONS, DOCUMENT_KINDS, readData, SECTIONS, TEXT_FIELDS, type ApplicationData, type Section } from './application.data';
import { documentLabel, fieldLabel, moment, sectionTitle, termName, valueOf } from './applications.components';
import type { SubmissionRow, SubmittedDocument } from './applications.repository';
import type { FormOptions } from './applications.service';

// What an application sent again changes from the submission before it, section by section (the shared field
// diff of src/web/diff.tsx): the City reviews only what the applicant changed after the request for changes.
// Documents are compared by their fingerprint and name: added, removed or replaced.

const sameList = (a: readonly string[], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

function names(ctx: PageContext, codes: readonly string[], options: readonly { code: string; name_it: string; name_en: string }[]): string {
  return codes.map((c) => options.find((o) => o.code === c)).map((o, i) => (o ? termName(ctx, o) : codes[i]!)).join(', ');
}

function documentText(ctx: PageContext, d: SubmittedDocument): string {
  return `${d.name} (${ctx.t('applications.details.pdf')}, ${formatSize(d.sizeBytes, ctx.locale)})`;
}

/** The rows and the collapsed values of one section. */
function sectionDiff(
  ctx: PageContext,
  s: Section,
  before: { data: ApplicationData; documents: SubmittedDocument[] },
  after: { data: ApplicationData; documents: SubmittedDocument[] },
  options: FormOptions,
  documentHref: (documentId: string) => string | undefined,
): Pick<DiffGroup, 'changes' | 'unchanged'> {
  const { t } = ctx;
  const changes: DiffRow[] = [];
  const values: { label: string; value: Child }[] = [];
  switch (s) {
    case 'ente':
    case 'sede':
    case 'persone':
      for (const f of TEXT_FIELDS[s]) {
        const now = valueOf(ctx, after.data, f, options);
        values.push({ label: fieldLabel(ctx, f), value: now });
        if (before.data[f] !== after.data[f]) changes.push({ key: f, label: fieldLabel(ctx, f), before: valueOf(ctx, before.data, f, options), after: now });
      }
      break;
    case 'ambiti': {
      const cats = (d: ApplicationData) => names(ctx, d.categorie, options.categories);
      const muns = (d: ApplicationData) => names(ctx, d.municipi, options.municipi);
      values.push({ label: t('applications.field.categorie'), value: cats(after.data) }, { label: t('applications.field.municipi'), value: muns(after.data) });
      if (!sameList(before.data.categorie, after.data.categorie)) changes.push({ key: 'categorie', label: t('applications.field.categorie'), before: cats(before.data), after: cats(after.data) });
      if (!sameList(before.data.municipi, after.data.municipi)) changes.push({ key: 'municipi', label: t('applications.field.municipi'), before: muns(before.data), after: muns(after.data) });
      break;
    }
    case 'dichiarazioni':
      for (const d of DECLARATIONS) {
        const label = t(`applications.declaration.${d}` as MessageKey);
        const said = (x: ApplicationData) => t(x[d] ? 'applications.details.declared' : 'applications.details.notDeclared');
        values.push({ label, value: said(after.data) });
        if (before.data[d] !== after.data[d]) changes.push({ key: d, label, before: said(before.data), after: said(after.data) });
      }
      break;
    case 'documenti':
      for (const k of DOCUMENT_KINDS) {
        const old = before.documents.find((d) => d.kind === k);
        const now = after.documents.find((d) => d.kind === k);
        const href = now ? documentHref(now.documentId) : undefined;
        const nowText = now ? href ? <a href={href}>{documentText(ctx, now)}</a> : documentText(ctx, now) : '';
        values.push({ label: documentLabel(ctx, k), value: nowText });
        if (old?.sha256 === now?.sha256 && old?.name === now?.name) continue;
        const what = !old ? 'added' : !now ? 'removed' : 'replaced';
        changes.push({
          key: `doc_${k}`,
          label: documentLabel(ctx, k),
          before: old ? documentText(ctx, old) : t('applications.diff.document.none'),
          after: (
            <>
              <span class="fw-semibold">{t(`applications.diff.document.${what}`)}</span>
              {now ? <>: {nowText}</> : null}
            </>
          ),
        });
      }
      break;
  }
  return { changes, unchanged: values };
}

/** The groups of the diff between two submissions (older first). */
export function applicationDiffGroups(ctx: PageContext, previous: SubmissionRow, current: SubmissionRow, options: FormOptions, documentHref: (documentId: string) => string | undefined): DiffGroup[] {
  const before = { data: readData(previous.data), documents: previous.documents };
  const after = { data: readData(current.data), documents: current.documents };
  return SECTIONS.map((s) => ({ key: s, title: sectionTitle(ctx, s), ...sectionDiff(ctx, s, before, after, options, documentHref) }));
}

/** "Modifiche rispetto all'invio precedente": the City's page of an application sent more than once. */
export function ApplicationDiff(props: { ctx: PageContext; previous: SubmissionRow; current: SubmissionRow; options: FormOptions; documentHref: (documentId: string) => string | undefined }): Html {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="wemi-app-diff mt-4" aria-labelledby="modifiche-title" id="modifiche">
      <h2 class="h4" id="modifiche-title">
        {t('applications.diff.title')}
      </h2>
      <p>{t('applications.diff.lead', { current: moment(ctx, props.current.submitted_at), previous: moment(ctx, props.previous.submitted_at) })}</p>
      <FieldDiff
        ctx={ctx}
        idPrefix="modifiche"
        groups={applicationDiffGroups(ctx, props.previous, props.current, props.options, props.documentHref)}
        nothing={t('applications.diff.nothing')}
      />
    </section>
  );
}
