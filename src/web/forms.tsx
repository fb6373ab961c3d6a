import type { Html } from '../lib/jsx/jsx-runtime';
import type { FieldIssue } from '../lib/http/errors';
import type { PageContext } from './context';

// Form controls for server-rendered forms, GOV.UK error pattern on Bootstrap Italia markup: label above
// the field (no floating label, which overlaps the value without JavaScript), hint, the error message
// between label and field, aria-invalid and aria-describedby. The error summary (ErrorSummary) links
// to each field by its id, which is also its name.

/** Values and problems of a submitted form, to render it again with what the person typed. */
export interface FormState {
  values: Record<string, string | undefined>;
  issues: FieldIssue[];
}

export const emptyForm = (values: Record<string, string | undefined> = {}): FormState => ({ values, issues: [] });

const errorOf = (form: FormState | undefined, name: string) => form?.issues.find((i) => i.field === name)?.message;

/**
 * What stands above every control: the label (with "(facoltativo)" when asked), the hint, and the error
 * message. Features with controls of their own (text areas, radio groups) use it too, so every field of the
 * site reads the same way.
 */
export function FieldHead(props: { ctx: PageContext; name: string; label: string; hint?: string | undefined; error?: string | undefined; optional?: boolean }): Html {
  return (
    <>
      <label for={props.name} class="wemi-field-label">
        {props.label}
        {props.optional ? <span class="wemi-optional"> ({props.ctx.t('form.optional')})</span> : null}
      </label>
      {props.hint ? (
        <small class="form-text wemi-field-hint" id={`${props.name}-hint`}>
          {props.hint}
        </small>
      ) : null}
      {props.error ? (
        <p class="wemi-field-message" id={`${props.name}-error`}>
          <span class="visually-hidden">{props.ctx.t('form.errorPrefix')} </span>
          {props.error}
        </p>
      ) : null}
    </>
  );
}

export function CsrfField(props: { ctx: PageContext }): Html {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}

/** aria-describedby of a control: its hint and its error, when present. */
export function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(props: {
  ctx: PageContext;
  form?: FormState | undefined;
  name: string;
  label: string;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'url' | 'search';
  autocomplete?: string;
  required?: boolean;
  /** Filters of a list are optional by nature: no "(facoltativo)" after the label. */
  hideOptional?: boolean;
  maxlength?: number;
  inputmode?: string;
  /** Never echo the value back (passwords, codes). */
  noEcho?: boolean;
  value?: string | undefined;
}): Html {
  const error = errorOf(props.form, props.name);
  const value = props.noEcho ? '' : (props.value ?? props.form?.values[props.name] ?? '');
  return (
    <div class={`form-group wemi-field${error ? ' wemi-field-error' : ''}`}>
      <FieldHead ctx={props.ctx} name={props.name} label={props.label} hint={props.hint} error={error} optional={!props.required && !props.hideOptional} />
      <input
        type={props.type ?? 'text'}
        class={`form-control${error ? ' is-invalid' : ''}`}
        id={props.name}
        name={props.name}
        value={value}
        autocomplete={props.autocomplete}
        required={props.required}
        maxlength={props.maxlength !== undefined ? String(props.maxlength) : undefined}
        inputmode={props.inputmode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
    </div>
  );
}

export function CheckboxField(props: { ctx: PageContext; form?: FormState | undefined; name: string; label: string | Html; checked?: boolean; value?: string; hint?: string }): Html {
  const error = errorOf(props.form, props.name);
  const checked = props.checked ?? (props.form ? props.form.values[props.name] !== undefined && props.form.values[props.name] !== '' : false);
  return (
    <div class={`form-check wemi-field${error ? ' wemi-field-error' : ''}`}>
      {error ? (
        <p class="wemi-field-message" id={`${props.name}-error`}>
          <span class="visually-hidden">{props.ctx.t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
      <input
        class="form-check-input"
        type="checkbox"
        id={props.name}
        name={props.name}
        value={props.value ?? '1'}
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(props.name, props.hint, error)}
      />
      <label class="form-check-label" for={props.name}>
        {props.label}
      </label>
      {props.hint ? (
        <small class="form-text d-block wemi-field-hint" id={`${props.name}-hint`}>
          {props.hint}
        </small>
      ) : null}
    </div>
  );
}

export function SelectField(props: {
  ctx: PageContext;
  form?: FormState | undefined;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  hint?: string;
  empty?: string;
  required?: boolean;
}): Html {
  const error = errorOf(props.form, props.name);
  const current = props.form?.values[props.name] ?? '';
  return (
    <div class={`select-wrapper wemi-field${error ? ' wemi-field-error' : ''}`}>
      <FieldHead ctx={props.ctx} name={props.name} label={props.label} hint={props.hint} error={error} />
      <select id={props.name} name={props.name} required={props.required} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(props.name, props.hint, error)}>
        {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A string field of a urlencoded body (the last value when repeated). */
export function bodyString(body: unknown, name: string): string | undefined {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof s === 'string' ? s : undefined;
}
