import type { Html } from '../../lib/jsx/jsx-runtime';
import { raw } from '../../lib/jsx/jsx-runtime';
import { formatDate, formatEuro, formatNumber } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/catalogue';
import { DataTable, Notice, StateChip } from '../../web/backoffice';
import { CellDiffTable, Changed, FieldDiff, orEmpty, type DiffGroup } from '../../web/diff';
import type { PageContext } from '../../web/context';
import { isEmptyValue, parseDecimal, parseWhole, type DiffSection, type DiffValue, type PriceListData } from './card-data';
import type { RevisionState, ServiceStatus } from './card.state';
import type { RevisionRow } from './service-cards.repository';

// Pieces shared by the ente and City pages: state chips, the field-by-field diff, the history of revisions,
// the City's notes, the outcome notice, and the preview frame around the public page.

export type Names = Map<string, { it: string; en: string }>;

const has = (s: string | null | undefined): s is string => typeof s === 'string' && s.trim() !== '';

export function RevisionChip(props: { ctx: PageContext; status: RevisionState }): Html {
  return <StateChip class={`wemi-card-chip wemi-card-chip-${props.status}`} label={props.ctx.t(`cards.revisionStatus.${props.status}` as MessageKey)} />;
}

export function ServiceStatusChip(props: { ctx: PageContext; status: ServiceStatus }): Html {
  return <StateChip class={`wemi-card-chip wemi-card-service-${props.status}`} label={props.ctx.t(`cards.serviceStatus.${props.status}` as MessageKey)} />;
}

/** The outcome of the previous action (`?esito=`), announced politely. */
export function CardNotice(props: { ctx: PageContext; notice: string | undefined }): Html {
  return <Notice text={props.notice ? props.ctx.t(`cards.notice.${props.notice}` as MessageKey) : undefined} />;
}

/** A note of the City about a section (or the whole revision). */
export function CityNote(props: { ctx: PageContext; title: string; note: string; id?: string }): Html {
  return (
    <div class="callout wemi-card-note" id={props.id}>
      <div class="callout-title">{props.title}</div>
      {props.note.split(/\n+/).map((line) => (
        <p class="mb-1">{line}</p>
      ))}
    </div>
  );
}

export const nameOf = (ctx: PageContext, names: Names, id: string) => {
  const n = names.get(id);
  return n ? (ctx.locale === 'en' && n.en ? n.en : n.it) : ctx.t('cards.diff.unknown');
};

function range(ctx: PageContext, min: string, max: string): string {
  const a = parseWhole(min);
  const b = max.trim() === '' ? null : parseWhole(max);
  if (a === undefined || b === undefined) return `${min}–${max}`;
  if (b === null) return ctx.t('cards.diff.rangeOpen', { min: a });
  if (a === b) return String(a);
  return ctx.t('cards.diff.range', { min: a, max: b });
}

const euro = (ctx: PageContext, s: string) => {
  const n = parseDecimal(s);
  return n === undefined ? s : formatEuro(ctx.locale, n);
};
const day = (ctx: PageContext, s: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s) ? formatDate(ctx.locale, s) : s);

export function PriceListSummary(props: { ctx: PageContext; list: PriceListData }): Html {
  const { ctx, list } = props;
  const { t } = ctx;
  const window = has(list.validTo)
    ? t('cards.diff.listWindow', { from: day(ctx, list.validFrom), to: day(ctx, list.validTo) })
    : t('cards.diff.listOpen', { from: day(ctx, list.validFrom) });
  return (
    <div class="wemi-diff-list">
      <p class="mb-1">
        {window}
        {has(list.minUnits) && list.minUnits !== '1' ? ` · ${t('cards.diff.minUnits', { n: list.minUnits })}` : ''}
      </p>
      <ul class="mb-1">
        {list.tiers.map((tier) => (
          <li>{t('cards.diff.tier', { people: range(ctx, tier.peopleMin, tier.peopleMax), units: range(ctx, tier.unitsMin, tier.unitsMax), price: euro(ctx, tier.unitPrice) })}</li>
        ))}
      </ul>
      {has(list.notes) ? <p class="mb-0 wemi-muted">{list.notes}</p> : null}
    </div>
  );
}

/** One value of a card field, readable. */
export function DiffValueView(props: { ctx: PageContext; value: DiffValue; names: Names }): Html {
  const { ctx, value: v, names } = props;
  const { t } = ctx;
  if (isEmptyValue(v) && v.kind !== 'bool') return <span class="wemi-muted">{t('cards.diff.empty')}</span>;
  switch (v.kind) {
    case 'text':
      return <span class="wemi-diff-text">{v.text}</span>;
    case 'bool':
      return <>{t(v.value ? 'cards.yes' : 'cards.no')}</>;
    case 'terms':
    case 'sites':
      return (
        <ul class="wemi-diff-items">
          {v.ids.map((id) => (
            <li>{nameOf(ctx, names, id)}</li>
          ))}
        </ul>
      );
    case 'codes':
      return <>{v.codes.map((c) => t(`${v.prefix}${c}` as MessageKey)).join(', ')}</>;
    case 'lines':
      return (
        <ul class="wemi-diff-items">
          {v.lines.map((l) => (
            <li>{l}</li>
          ))}
        </ul>
      );
    case 'staff':
      return (
        <ul class="wemi-diff-items">
          {v.rows.map((r) => (
            <li>
              {t(r.kind === 'external' ? 'cards.staff.external' : 'cards.staff.internal')}
              {has(r.count) ? ` · ${t('cards.diff.staffCount', { n: r.count })}` : ''}
              {has(r.qualifications) ? ` · ${r.qualifications}` : ''}
              {has(r.yearsExperience) ? ` · ${t('cards.diff.staffYears', { n: r.yearsExperience })}` : ''}
              {r.references ? ` · ${t(r.references === 'yes' ? 'cards.diff.referencesYes' : 'cards.diff.referencesNo')}` : ''}
              {r.kind === 'external' && has(r.supplier) ? ` · ${t('cards.diff.supplier', { name: r.supplier })}` : ''}
            </li>
          ))}
        </ul>
      );
    case 'packages':
      return (
        <ul class="wemi-diff-items">
          {v.rows.map((p) => (
            <li>
              {p.name}
              {has(p.units) ? ` · ${t('cards.diff.packageUnits', { n: p.units })}` : ''}
              {has(p.price) ? ` · ${euro(ctx, p.price)}` : ''}
              {has(p.description) ? ` · ${p.description}` : ''}
            </li>
          ))}
        </ul>
      );
    case 'priceList':
      return v.list ? <PriceListSummary ctx={ctx} list={v.list} /> : <span class="wemi-muted">{t('cards.diff.noList')}</span>;
  }
}

function tierCells(ctx: PageContext, tier: PriceListData['tiers'][number]): string[] {
  return [range(ctx, tier.peopleMin, tier.peopleMax), range(ctx, tier.unitsMin, tier.unitsMax), euro(ctx, tier.unitPrice)];
}

/**
 * A price list compared with what it was: its validity, minimum and notes (a changed one with its old value), and
 * its brackets as a table compared cell by cell. `compare` false: a new card, the list as it is.
 */
export function PriceListDiff(props: { ctx: PageContext; n: number; before: PriceListData | null; after: PriceListData | null; compare: boolean }): Html {
  const { ctx, before, after, compare } = props;
  const { t } = ctx;
  const shown = after ?? before;
  if (!shown) return <span class="wemi-muted">{t('cards.diff.noList')}</span>;
  const field = (label: string, value: (l: PriceListData) => string) => {
    const now = after ? value(after) : '';
    const old = before ? value(before) : '';
    if (!now && !old) return null;
    return (
      <li>
        <span class="fw-semibold">{label}:</span>{' '}
        {compare && before && after && now !== old ? <Changed ctx={ctx} before={old} after={now} /> : orEmpty(ctx, after ? now : old)}
      </li>
    );
  };
  const rows = Math.max(before?.tiers.length ?? 0, after?.tiers.length ?? 0);
  return (
    <div class="wemi-diff-list">
      {compare && !before ? <p class="mb-1 fw-semibold">{t('cards.diff.listAdded')}</p> : null}
      {compare && !after ? <p class="mb-1 fw-semibold">{t('cards.diff.listRemoved')}</p> : null}
      <ul class="wemi-diff-list-fields">
        {field(t('cards.priceList.from'), (l) => day(ctx, l.validFrom))}
        {field(t('cards.priceList.to'), (l) => (has(l.validTo) ? day(ctx, l.validTo) : ''))}
        {field(t('cards.priceList.minUnits'), (l) => (has(l.minUnits) ? l.minUnits : '1'))}
        {field(t('cards.priceList.notes'), (l) => l.notes.trim())}
      </ul>
      <CellDiffTable
        ctx={ctx}
        caption={t('cards.diff.tiersCaption', { n: props.n })}
        columns={[t('cards.diff.col.people'), t('cards.diff.col.units'), t('cards.diff.col.price')]}
        compare={compare}
        rows={Array.from({ length: rows }, (_, i) => ({
          before: compare && before?.tiers[i] ? tierCells(ctx, before.tiers[i]) : null,
          after: after?.tiers[i] ? tierCells(ctx, after.tiers[i]) : null,
        }))}
      />
    </div>
  );
}

/**
 * The changes of a revision, section by section (the shared field diff of src/web/diff.tsx): "before / after"
 * for a change to a published card (or to the previous submission), the filled fields for a new card. A price
 * list is compared cell by cell.
 */
export function DiffView(props: {
  ctx: PageContext;
  sections: DiffSection[];
  names: Names;
  isNew: boolean;
  headingLevel?: 2 | 3;
  /** Prefix of the section ids ("modifiche" unless given: two diffs on a page need two). */
  idPrefix?: string;
  /** The row attribute ('data-field' unless given). */
  rowAttribute?: 'data-field' | 'data-diff-field';
  /** Column headings of the old and new values, and what to say when nothing changed. */
  labels?: { before: string; after: string; nothing: string };
}): Html {
  const { ctx, sections, names, isNew } = props;
  const { t } = ctx;
  const groups: DiffGroup[] = sections.map((s) => ({
    key: s.section,
    title: t(s.label),
    changes: s.changes.map((c) =>
      c.before.kind === 'priceList' && c.after.kind === 'priceList'
        ? {
            key: c.field,
            label: t(c.label, c.labelParams),
            wide: <PriceListDiff ctx={ctx} n={Number(c.labelParams?.n ?? 1)} before={c.before.list} after={c.after.list} compare={!isNew} />,
          }
        : { key: c.field, label: t(c.label, c.labelParams), before: <DiffValueView ctx={ctx} value={c.before} names={names} />, after: <DiffValueView ctx={ctx} value={c.after} names={names} /> },
    ),
  }));
  return (
    <FieldDiff
      ctx={ctx}
      groups={groups}
      mode={isNew ? 'values' : 'changes'}
      idPrefix={props.idPrefix ?? 'modifiche'}
      headingLevel={props.headingLevel ?? 3}
      rowAttribute={props.rowAttribute ?? 'data-field'}
      nothing={props.labels?.nothing ?? t(isNew ? 'cards.diff.nothingNew' : 'cards.diff.nothing')}
      caption={(section) => t(isNew ? 'cards.diff.captionNew' : 'cards.diff.caption', { section })}
      columns={{ field: t('cards.diff.field'), before: props.labels?.before ?? t('cards.diff.before'), after: props.labels?.after ?? t(isNew ? 'cards.diff.value' : 'cards.diff.after') }}
    />
  );
}

/** Every revision of a card, newest first. */
export function HistoryTable(props: { ctx: PageContext; revisions: RevisionRow[]; currentId?: string; link?: (r: RevisionRow) => string | undefined }): Html {
  const { ctx } = props;
  const { t } = ctx;
  const when = (d: Date | null) => (d ? formatDate(ctx.locale, d) : '—');
  return (
    <>
      <h2 class="h4 mt-5" id="cronologia-title">
        {t('cards.history.title')}
      </h2>
      <DataTable
        labelledBy="cronologia-title"
        caption={t('cards.history.caption')}
        columns={[t('cards.history.number'), t('cards.history.status'), t('cards.history.created'), t('cards.history.submitted'), t('cards.history.decided'), t('cards.history.note')]}
      >
        {props.revisions.map((r) => {
          const href = props.link?.(r);
          const label = t('cards.history.revision', { n: formatNumber(ctx.locale, r.number) });
          return (
            <tr class={r.id === props.currentId ? 'wemi-current-row' : undefined}>
              <th scope="row">
                {href && r.id !== props.currentId ? <a href={href}>{label}</a> : label}
                {r.id === props.currentId ? <span class="visually-hidden"> {t('cards.history.current')}</span> : null}
              </th>
              <td>
                <RevisionChip ctx={ctx} status={r.status} />
              </td>
              <td>
                {when(r.created_at)}
                {r.creator_name ? <span class="d-block small">{r.creator_name}</span> : null}
              </td>
              <td>{when(r.submitted_at)}</td>
              <td>
                {when(r.decided_at)}
                {r.decider_name ? <span class="d-block small">{r.decider_name}</span> : null}
              </td>
              <td class="wemi-break">{r.decision_note ?? ''}</td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}

/**
 * The public service page of a preview: the services feature's own page, with a notice at the top of the main
 * content saying it is a preview, and kept out of search engines.
 */
export function previewFrame(ctx: PageContext, page: Html, back: { href: string; label: string }, lead: string): Html {
  const banner = (
    <div class="container">
      <div class="row justify-content-center">
        <div class="col-12 col-lg-10 px-lg-4">
          <div class="alert alert-warning wemi-preview-banner mt-3 mb-0" role="status" id="anteprima">
            <p class="mb-1">
              <strong>{ctx.t('cards.preview.banner')}</strong> {lead}
            </p>
            <p class="mb-0">
              <a href={back.href}>{back.label}</a>
            </p>
          </div>
        </div>
      </div>
    </div>
  );
  const html = page.value
    // The main element of the page, whatever its classes (the back-office shell adds some).
    .replace(/<main id="main-container"[^>]*>/, (main) => `${main}${banner.value}`)
    .replace('</head>', '<meta name="robots" content="noindex, nofollow"></head>');
  return raw(html);
}
