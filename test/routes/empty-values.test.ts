import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput, q, withoutEmptyValues } from '../../src/lib/http/validation';
import { translator } from '../../src/i18n/i18n';
import { createTestApp, type TestApp } from '../support/app';
import { decode } from '../support/html';

// An empty field means "not set", everywhere: a GET form sends every control, so a select left on its first
// option arrives as `modalita=`. The search page answered "Modalità: Valore sconosciuto:" to its own form.

const t = translator('it');

describe('withoutEmptyValues', () => {
  it('drops empty and blank fields and the empty values of repeated ones', () => {
    expect(withoutEmptyValues({ a: '', b: '  ', c: 'x', d: ['', '2', ' '], e: ['', ''], f: 0 })).toEqual({ c: 'x', d: ['2'], f: 0 });
  });
  it('leaves anything that is not a flat object alone', () => {
    expect(withoutEmptyValues('')).toBe('');
    expect(withoutEmptyValues(undefined)).toBe(undefined);
  });
});

describe('the shared query helpers read an empty value as unset', () => {
  const schema = z.object({
    mode: q.enumOf(['a', 'b']),
    n: q.int(1, 9),
    price: q.money(100),
    flag: q.bool(),
    text: q.text(10),
    list: q.list(z.enum(['x', 'y'])),
  });
  it('through parseInput', () => {
    expect(parseInput(schema, { mode: '', n: '', price: ' ', flag: '', text: '', list: ['', ''] }, t)).toEqual({ list: [] });
  });
  it('even without parseInput (a repeated key whose last value is empty)', () => {
    expect(schema.parse({ mode: ['a', ''], n: ['', ''], list: '' })).toEqual({ mode: 'a', list: [] });
  });
  it('a required field left empty is "required", not "invalid"', () => {
    const required = z.object({ id: q.uuid() });
    expect(() => parseInput(required, { id: '' }, t)).toThrowError(
      expect.objectContaining({ issues: [{ field: 'id', message: t('validation.required') }] }) as Error,
    );
  });
  it('a wrong value is still refused', () => {
    expect(() => parseInput(schema, { mode: 'c' }, t)).toThrow();
  });
});

/** The name=value pairs a browser sends for a GET form left at its defaults (text boxes, selects, checked boxes). */
function defaultsOf(formHtml: string): URLSearchParams {
  const out = new URLSearchParams();
  const controls = formHtml.match(/<select\b[^>]*>[\s\S]*?<\/select>|<input\b[^>]*>/g) ?? [];
  for (const c of controls) {
    const name = /\bname="([^"]+)"/.exec(c)?.[1];
    if (!name || /\bdisabled\b/.test(c.split('>')[0]!)) continue;
    if (c.startsWith('<select')) {
      const options = [...c.matchAll(/<option\b([^>]*)>/g)].map((m) => m[1]!);
      const chosen = options.find((o) => /\bselected\b/.test(o)) ?? options[0] ?? '';
      out.append(name, decode(/\bvalue="([^"]*)"/.exec(chosen)?.[1] ?? ''));
      continue;
    }
    const type = /\btype="([^"]+)"/.exec(c)?.[1] ?? 'text';
    if (type === 'submit' || type === 'button' || type === 'reset' || type === 'file') continue;
    if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(c)) continue;
    out.append(name, decode(/\bvalue="([^"]*)"/.exec(c)?.[1] ?? (type === 'checkbox' || type === 'radio' ? 'on' : '')));
  }
  return out;
}

describe('the search form, submitted as rendered', () => {
  let t$: TestApp;
  beforeAll(async () => {
    t$ = await createTestApp();
  });
  afterAll(async () => t$?.close());

  const formsOf = (html: string) => [...html.matchAll(/<form\b[^>]*method="get"[^>]*action="\/servizi"[^>]*>[\s\S]*?<\/form>/g)].map((m) => m[0]);

  it('answers results, not errors, every time its forms are sent at their defaults', async () => {
    let url = '/servizi?q=assistenza';
    const first = await t$.app.inject({ url });
    expect(first.statusCode).toBe(200);
    const forms = formsOf(first.body);
    expect(forms.length).toBeGreaterThan(0);
    for (const form of forms) {
      const params = defaultsOf(form);
      // The form really sends empty controls: that is the case under test.
      expect([...params.values()].some((v) => v === '')).toBe(true);
      url = '/servizi?' + params.toString();
      const again = await t$.app.inject({ url });
      expect(again.statusCode, url).toBe(200);
      expect(again.body).not.toContain('Valore sconosciuto');
      expect(again.body).toContain('data-element="service-link"');
      // And once more from the page that answered (the second "Cerca").
      const third = await t$.app.inject({ url: '/servizi?' + defaultsOf(formsOf(again.body)[0]!).toString() });
      expect(third.statusCode).toBe(200);
      expect(third.body).toContain('data-element="service-link"');
    }
  });

  it('the JSON API reads empty parameters as unset', async () => {
    const res = await t$.app.inject({ url: '/api/v1/services?q=assistenza&modalita=&area=&tipo=&prezzo_max=&municipio=&ordina=&pagina=' });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ total: number }>().total).toBeGreaterThan(0);
  });

  it('other lists with filters too (enti, HSDS)', async () => {
    expect((await t$.app.inject({ url: '/enti?q=&pagina=' })).statusCode).toBe(200);
    expect((await t$.app.inject({ url: '/api/hsds/services?search=&page=&per_page=' })).statusCode).toBe(200);
  });
});
