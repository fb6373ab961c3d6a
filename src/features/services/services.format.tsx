import type { Child, Html } from '../../lib/jsx/jsx-runtime';
import type { PageContext } from '../../web/context';

// Small rendering helpers shared by the service and ente pages.

/** An http(s) URL safe to put in href, or null (never `javascript:` and the like). Bare domains get https://. */
export function safeUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^https?:\/\//i.test(v)) {
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
    } catch {
      return null;
    }
  }
  if (/^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}(\/\S*)?$/i.test(v)) return `https://${v}`;
  return null;
}

/** `tel:` link target: digits and a leading +, or null. */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  return digits.replace('+', '').length >= 3 ? `tel:${digits}` : null;
}

/** `mailto:` link target for a plausible address, or null. */
export function mailHref(email: string | null | undefined): string | null {
  if (!email) return null;
  const v = email.trim();
  return /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(v) ? `mailto:${v}` : null;
}

/** The website as people read it (without scheme and trailing slash). */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}

/**
 * `lang` attribute for free text written in Italian by the ente, when the page is in another language
 * (screen readers then pronounce it correctly).
 */
export function italianLang(ctx: PageContext): string | undefined {
  return ctx.locale === 'it' ? undefined : 'it';
}

/** Free text as paragraphs (blank lines separate them, single newlines become line breaks). */
export function Paragraphs(props: { text: string; lang?: string | undefined; class?: string }): Html {
  const blocks = props.text
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <>
      {blocks.map((b) => {
        const lines = b.split('\n');
        const children: Child[] = [];
        lines.forEach((line, i) => {
          if (i > 0) children.push(<br />);
          children.push(line);
        });
        return (
          <p class={props.class} lang={props.lang}>
            {children}
          </p>
        );
      })}
    </>
  );
}

/** "da 1 a 3", "2", "4 o più" for a min/max range. */
export function rangeLabel(ctx: PageContext, min: number, max: number | null): string {
  if (max === null) return ctx.t('services.cost.rangeOpen', { min });
  if (max === min) return String(min);
  return ctx.t('services.cost.range', { min, max });
}
