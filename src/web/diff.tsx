import type { Child, Html } from '../lib/jsx/jsx-runtime';
import { DataTable, DlRow } from './backoffice';
import type { PageContext } from './context';

// What changed between two versions of something the City reviews (an application sent again, a service card, the
// public facts of an ente), drawn the same way everywhere:
//
// - FieldDiff: field by field, grouped in sections. A section with changes is a table "Campo | Prima | Ora" of its
//   changed fields only; a section with none is collapsed (<details>, no JavaScript needed) and holds its values.
// - CellDiffTable: a table compared cell by cell (a price list): each changed cell shows the new value, the old
//   one as text ("prima: 18,00 €") and a visually hidden "modificato", so a change is never told by colour alone;
//   each row says whether it was added, removed, changed or left as it was.
//
// The features build the rows (they know their labels and how to show a value) and decide what changed by
// comparing their own data; this module only draws.

export interface DiffRow {
  /** The field, as the row's data attribute (tests and scripts find a row by it). */
  key: string;
  label: Child;
  before?: Child;
  after?: Child;
  /** Content spanning the "before" and "now" columns (a table of its own, e.g. a price list compared cell by cell). */
  wide?: Child;
}

export interface DiffGroup {
  key: string;
  title: string;
  /** The changed fields, in form order; none: the section did not change. */
  changes: DiffRow[];
  /** The values of a section that did not change, shown collapsed (left out when not given). */
  unchanged?: { label: string; value: Child }[];
}

const empty = (ctx: PageContext) => <span class="wemi-muted">{ctx.t('diff.empty')}</span>;

/** A value, or "Non indicato" when it is blank. */
export function orEmpty(ctx: PageContext, v: Child): Child {
  if (v === null || v === undefined || v === false || v === '' || (Array.isArray(v) && v.length === 0)) return empty(ctx);
  return v;
}

/** A changed value inline: the new value, then the old one as text, and "modificato" for screen readers. */
export function Changed(props: { ctx: PageContext; before: Child; after: Child }): Html {
  const { ctx } = props;
  return (
    <span class="wemi-diff-changed">
      <span class="visually-hidden">{ctx.t('diff.changed')}: </span>
      <span class="wemi-diff-new">{orEmpty(ctx, props.after)}</span>{' '}
      <span class="wemi-diff-old">
        {ctx.t('diff.previous')} {orEmpty(ctx, props.before)}
      </span>
    </span>
  );
}

/**
 * Sections of fields compared: the changed fields of each section with their old and new values ('changes'), or
 * only the values of something new ('values'). Sections without changes are collapsed, when their values are given.
 */
export function FieldDiff(props: {
  ctx: PageContext;
  groups: DiffGroup[];
  mode?: 'changes' | 'values';
  /** Prefix of the ids of the section headings (unique in the page). */
  idPrefix: string;
  headingLevel?: 2 | 3 | 4;
  /** The attribute naming each row's field ('data-diff-field' unless given). */
  rowAttribute?: 'data-field' | 'data-diff-field';
  /** Said when nothing changed. */
  nothing?: string;
  /** The table caption of a section (read by screen readers). */
  caption?: (section: string) => string;
  /** Column headings: field, before, after (or value). */
  columns?: { field: string; before: string; after: string };
}): Html {
  const { ctx, groups } = props;
  const { t } = ctx;
  const values = props.mode === 'values';
  const attr = props.rowAttribute ?? 'data-diff-field';
  const H = `h${props.headingLevel ?? 3}` as 'h3';
  const cols = props.columns ?? { field: t('diff.field'), before: t('diff.before'), after: t(values ? 'diff.value' : 'diff.after') };
  const caption = props.caption ?? ((section: string) => t(values ? 'diff.captionValues' : 'diff.caption', { section }));
  const changed = groups.filter((g) => g.changes.length > 0);
  const collapsed = groups.filter((g) => g.changes.length === 0 && g.unchanged?.length);
  return (
    <div class="wemi-diff">
      {changed.length === 0 ? <p class="wemi-diff-nothing">{props.nothing ?? t('diff.nothing')}</p> : null}
      {groups.map((g) => {
        const id = `${props.idPrefix}-${g.key}`;
        if (g.changes.length === 0) {
          if (!collapsed.includes(g)) return null;
          return (
            <details class="wemi-diff-unchanged" data-diff-section={g.key}>
              <summary>{t('diff.unchanged', { section: g.title })}</summary>
              <dl class="wemi-dl">
                {g.unchanged!.map((u) => (
                  <DlRow label={u.label}>{orEmpty(ctx, u.value)}</DlRow>
                ))}
              </dl>
            </details>
          );
        }
        return (
          <section class="wemi-diff-group" aria-labelledby={`${id}-title`} data-diff-section={g.key}>
            <H class="h5" id={`${id}-title`}>
              {g.title}
            </H>
            <DataTable labelledBy={`${id}-title`} class="wemi-bo-table wemi-diff-table" caption={caption(g.title)} columns={[cols.field, !values && cols.before, cols.after]}>
              {g.changes.map((r) =>
                r.wide !== undefined ? (
                  // A row whose content is a table of its own: its name on a row, the content on the next, full width.
                  <>
                    <tr {...{ [attr]: r.key }}>
                      <th scope="row" colspan={values ? '2' : '3'} class="wemi-diff-wide-label" id={`${id}-${r.key}`}>
                        {r.label}
                      </th>
                    </tr>
                    <tr class="wemi-diff-wide-row">
                      <td colspan={values ? '2' : '3'} class="wemi-diff-wide" headers={`${id}-${r.key}`}>
                        {r.wide}
                      </td>
                    </tr>
                  </>
                ) : (
                  <tr {...{ [attr]: r.key }}>
                    <th scope="row">{r.label}</th>
                    {values ? null : <td class="wemi-diff-before">{orEmpty(ctx, r.before)}</td>}
                    <td class="wemi-diff-after">{orEmpty(ctx, r.after)}</td>
                  </tr>
                ),
              )}
            </DataTable>
          </section>
        );
      })}
    </div>
  );
}

/** One row of a table compared cell by cell: its cells before and now (null: the row did not exist). */
export interface CellRow {
  before: readonly string[] | null;
  after: readonly string[] | null;
}

/**
 * A table compared cell by cell (rows matched by position). `compare` false shows the table as it is (something
 * new: nothing to compare). Rows: "Riga" number, the columns, and (comparing) what happened to the row.
 */
export function CellDiffTable(props: { ctx: PageContext; caption: string; columns: readonly string[]; rows: readonly CellRow[]; compare: boolean; class?: string }): Html {
  const { ctx, rows, compare } = props;
  const { t } = ctx;
  return (
    <table class={`table table-sm wemi-cell-diff${props.class ? ` ${props.class}` : ''}`}>
      <caption class="wemi-cell-diff-caption">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('diff.row')}</th>
          {props.columns.map((c) => (
            <th scope="col">{c}</th>
          ))}
          {compare ? <th scope="col">{t('diff.rowState')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const state = !compare ? 'same' : r.before === null ? 'added' : r.after === null ? 'removed' : r.before.some((v, k) => v !== r.after![k]) || r.before.length !== r.after.length ? 'changed' : 'same';
          const width = Math.max(r.before?.length ?? 0, r.after?.length ?? 0);
          return (
            <tr class={state === 'same' ? undefined : `wemi-diff-row-${state}`} data-diff-row={String(i + 1)}>
              <th scope="row">{String(i + 1)}</th>
              {Array.from({ length: width }, (_, k) => {
                const before = r.before?.[k] ?? '';
                const after = r.after?.[k] ?? '';
                if (state === 'removed') return <td class="wemi-diff-cell-removed">{orEmpty(ctx, before)}</td>;
                if (state === 'changed' && before !== after) {
                  return (
                    <td class="wemi-diff-cell-changed" data-diff-cell={String(k + 1)}>
                      <Changed ctx={ctx} before={before} after={after} />
                    </td>
                  );
                }
                return <td>{orEmpty(ctx, after)}</td>;
              })}
              {compare ? (
                <td class="wemi-diff-row-state">
                  <span class={`wemi-chip wemi-diff-chip-${state}`}>{t(`diff.row.${state}`)}</span>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
