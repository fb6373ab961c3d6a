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

/** The message of a field's problem, if any. */
export const errorOf = (form: FormState | undefined, name: string) => form?.issues.find((i) => i.field === name)?.message;

/** The hint under a label or legend (its id is what aria-describedby points to). */
export function FieldHint(props: { name: string; hint?: string | undefined }): Html {
  if (!props.hint) return <></>;
  return (
    <small class="form-text wemi-field-hint" id={`${props.name}-hint`}>
      {props.hint}
    </small>
  );
}

/** The error message of a field, announced with its "Errore:" prefix. */
export function FieldError(props: { ctx: PageContext; name: string; error?: string | undefined }): Html {
  if (!props.error) return <></>;
  return (
    <p class="wemi-field-message" id={`${props.name}-error`}>
      <span class="visually-hidden">{props.ctx.t('form.errorPrefix')} </span>
      {props.error}
    </p>
  );
}

/**
 * What stands above every control: the label (with "(facoltativo)" when asked), the hint, and the error
 * message. A group of radios or checkboxes has a legend instead of a label (`legend`). Every field of the site
 * reads the same way.
 */
export function FieldHead(props: {
  ctx: PageContext;
  name: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  optional?: boolean;
  legend?: boolean;
}): Html {
  const optional = props.optional ? <span class="wemi-optional"> ({props.ctx.t('form.optional')})</span> : null;
  return (
    <>
      {props.legend ? (
        <legend class="wemi-field-label">
          {props.label}
          {optional}
        </legend>
      ) : (
        <label for={props.name} class="wemi-field-label">
          {props.label}
          {optional}
        </label>
      )}
      <FieldHint name={props.name} hint={props.hint} />
      <FieldError ctx={props.ctx} name={props.name} error={props.error} />
    </>
  );
}

export function CsrfField(props: { ctx: PageContext }): Html {
  return <input type="hidden" name="_csrf" value={props.ctx.csrfToken} />;
}

/**
 * The action of a multipart form (uploads) with the CSRF token in its query string: the server checks it before it
 * reads a byte of the body (src/lib/http/csrf.ts), which it cannot do with a field inside that body.
 */
export const uploadAction = (ctx: PageContext, action: string): string => `${action}${action.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(ctx.csrfToken)}`;

/** aria-describedby of a control: its hint and its error, when present. */
export function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What every control tells assistive technology: whether it is wrong, and what describes it (hint, error). */
const ariaState = (name: string, hint: string | undefined, error: string | undefined) => ({
  'aria-invalid': error ? 'true' : undefined,
  'aria-describedby': describedBy(name, hint, error),
});

/** The first attributes of a control: its classes (its own, and "is-invalid" when wrong), its id and its name. */
const controlIdentity = (own: string, name: string, error: string | undefined) => ({
  class: [own, error ? 'is-invalid' : ''].filter(Boolean).join(' ') || undefined,
  id: name,
  name,
});

const maxLength = (n: number | undefined) => (n !== undefined ? String(n) : undefined);

/** What every field of a form is given. */
interface FieldProps {
  ctx: PageContext;
  /** The values typed and the problems found (the error summary links to each field by its name). */
  form?: FormState | undefined;
  name: string;
  label: string;
  hint?: string | undefined;
  /** Classes added to the field's box. */
  class?: string | undefined;
  required?: boolean;
  /**
   * No "(facoltativo)" after the label although not required: filters of a list (optional by nature), and
   * drafts whose fields are checked only when sent.
   */
  hideOptional?: boolean;
}

/**
 * The box of a field: FieldHead ("(facoltativo)" unless required or hidden), then the control drawn by `control`
 * (given the field's error, if any); the box is marked when the field has an error.
 */
function FieldBox(props: { field: FieldProps; box?: 'form-group' | 'select-wrapper'; optional?: boolean; control: (error: string | undefined) => Html }): Html {
  const { ctx, name, hint } = props.field;
  const error = errorOf(props.field.form, name);
  const optional = props.optional ?? (!props.field.required && !props.field.hideOptional);
  return (
    <div class={`${props.box ?? 'form-group'} wemi-field${props.field.class ? ` ${props.field.class}` : ''}${error ? ' wemi-field-error' : ''}`}>
      <FieldHead ctx={ctx} name={name} label={props.field.label} hint={hint} error={error} optional={optional} />
      {props.control(error)}
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'url' | 'search';
    autocomplete?: string;
    maxlength?: number | undefined;
    inputmode?: string;
    /** Never echo the value back (passwords, codes). */
    noEcho?: boolean;
    value?: string | undefined;
  },
): Html {
  const value = props.noEcho ? '' : (props.value ?? props.form?.values[props.name] ?? '');
  return (
    <FieldBox
      field={props}
      control={(error) => (
        <input
          type={props.type ?? 'text'}
          {...controlIdentity('form-control', props.name, error)}
          value={value}
          autocomplete={props.autocomplete}
          required={props.required}
          maxlength={maxLength(props.maxlength)}
          inputmode={props.inputmode}
          {...ariaState(props.name, props.hint, error)}
        />
      )}
    />
  );
}

export function CheckboxField(props: { ctx: PageContext; form?: FormState | undefined; name: string; label: string | Html; checked?: boolean; value?: string; hint?: string }): Html {
  const error = errorOf(props.form, props.name);
  const checked = props.checked ?? (props.form ? props.form.values[props.name] !== undefined && props.form.values[props.name] !== '' : false);
  return (
    <div class={`form-check wemi-field${error ? ' wemi-field-error' : ''}`}>
      <FieldError ctx={props.ctx} name={props.name} error={error} />
      <input class="form-check-input" type="checkbox" id={props.name} name={props.name} value={props.value ?? '1'} checked={checked} {...ariaState(props.name, props.hint, error)} />
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

/** A choice in a list; never marked "(facoltativo)" (a label says so itself where it matters). */
export function SelectField(
  props: FieldProps & {
    options: { value: string; label: string }[];
    /** Options grouped under a heading each (<optgroup>), after the plain `options`. */
    groups?: { label: string; options: { value: string; label: string }[] }[];
    empty?: string;
    value?: string | undefined;
  },
): Html {
  const current = props.value ?? props.form?.values[props.name] ?? '';
  return (
    <FieldBox
      field={props}
      box="select-wrapper"
      optional={false}
      control={(error) => (
        <select id={props.name} name={props.name} required={props.required} {...ariaState(props.name, props.hint, error)}>
          {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
          {props.options.map((o) => (
            <option value={o.value} selected={o.value === current}>
              {o.label}
            </option>
          ))}
          {(props.groups ?? []).map((g) => (
            <optgroup label={g.label}>
              {g.options.map((o) => (
                <option value={o.value} selected={o.value === current}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      )}
    />
  );
}

export function TextAreaField(
  props: FieldProps & {
    maxlength?: number;
    rows?: number;
    lang?: string;
    value?: string | undefined;
    /** Classes of the text area, "form-control" unless a feature styles its own (e.g. a minimum height). */
    inputClass?: string;
  },
): Html {
  return (
    <FieldBox
      field={props}
      control={(error) => (
        <textarea
          {...controlIdentity(props.inputClass ?? 'form-control', props.name, error)}
          rows={String(props.rows ?? 5)}
          maxlength={maxLength(props.maxlength)}
          required={props.required}
          lang={props.lang}
          {...ariaState(props.name, props.hint, error)}
        >
          {props.value ?? props.form?.values[props.name] ?? ''}
        </textarea>
      )}
    />
  );
}

/** A file input (the form posts multipart/form-data). */
export function FileField(
  props: FieldProps & {
    accept: string;
    multiple?: boolean;
    /** Classes of the input, "form-control" unless the feature styles its own. */
    inputClass?: string;
  },
): Html {
  return (
    <FieldBox
      field={props}
      control={(error) => (
        <input
          type="file"
          {...controlIdentity(props.inputClass ?? 'form-control', props.name, error)}
          accept={props.accept}
          multiple={props.multiple}
          required={props.required}
          {...ariaState(props.name, props.hint, error)}
        />
      )}
    />
  );
}

export interface ChoiceOption {
  value: string;
  label: string;
  /** A line under the label (e.g. the address of a site). */
  hint?: string | undefined;
}

/** Options under a heading of their own, inside a group (e.g. categories by section; styled by applications.css). */
export interface ChoiceSubgroup {
  label?: string | undefined;
  options: ChoiceOption[];
}

interface ChoiceGroupProps {
  ctx: PageContext;
  /** The problems of the form (and, for radios, the current value). */
  form?: FormState | undefined;
  name: string;
  legend: string;
  hint?: string | undefined;
  /** The options, or `groups` of options. */
  options?: ChoiceOption[];
  groups?: ChoiceSubgroup[];
  /** Classes added to the fieldset. */
  class?: string;
  /** Classes of a box around the options of each group, e.g. "wemi-checkbox-columns" for two columns. */
  optionsClass?: string;
  /** The options side by side. */
  inline?: boolean;
  required?: boolean;
  /** Said when there is no option to choose. */
  empty?: string | undefined;
}

/**
 * Radios or checkboxes sharing one name, in a fieldset whose legend, hint and error read as FieldHead's. The first
 * input carries the field's id (the error summary links to it), the others `<name>-<value>`.
 */
function ChoiceGroup(props: ChoiceGroupProps & { type: 'radio' | 'checkbox'; checked: readonly string[] }): Html {
  const { name } = props;
  const error = errorOf(props.form, name);
  const groups = props.groups ?? [{ options: props.options ?? [] }];
  let first = true;
  return (
    <fieldset class={`wemi-field wemi-fieldset${props.class ? ` ${props.class}` : ''}${error ? ' wemi-field-error' : ''}`} aria-describedby={describedBy(name, props.hint, error)}>
      <FieldHead ctx={props.ctx} name={name} label={props.legend} hint={props.hint} error={error} legend />
      {props.empty && groups.every((g) => g.options.length === 0) ? <p class="wemi-muted">{props.empty}</p> : null}
      {groups.map((g) => {
        const inputs = g.options.map((o) => {
          const id = first ? name : `${name}-${o.value}`;
          first = false;
          return (
            <div class={props.inline ? 'form-check form-check-inline' : 'form-check'}>
              <input class="form-check-input" type={props.type} name={name} id={id} value={o.value} checked={props.checked.includes(o.value)} required={props.required} />
              <label class="form-check-label" for={id}>
                {o.label}
                {o.hint ? <span class="d-block small wemi-muted">{o.hint}</span> : null}
              </label>
            </div>
          );
        });
        const box = props.optionsClass ? <div class={props.optionsClass}>{inputs}</div> : <>{inputs}</>;
        return g.label ? (
          <fieldset class="wemi-fieldset wemi-subgroup">
            <legend class="wemi-subgroup-title">{g.label}</legend>
            {box}
          </fieldset>
        ) : (
          box
        );
      })}
    </fieldset>
  );
}

/** One choice among options; the current value is `value`, or the form's. */
export function RadioGroup(props: ChoiceGroupProps & { value?: string | undefined }): Html {
  const current = props.value ?? props.form?.values[props.name];
  return <ChoiceGroup {...props} type="radio" checked={current ? [current] : []} />;
}

/** Any number of options (repeated in the body under one name). */
export function CheckboxGroup(props: ChoiceGroupProps & { checked: readonly string[] }): Html {
  return <ChoiceGroup {...props} type="checkbox" />;
}

/** A string field of a urlencoded body (the last value when repeated). */
export function bodyString(body: unknown, name: string): string | undefined {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  const s = Array.isArray(v) ? v[v.length - 1] : v;
  return typeof s === 'string' ? s : undefined;
}
