import { formatDate, type Locale, type Translate } from '../../i18n/i18n';

// The one wording of a period (the citizen's requested period, an ente's offered period), on every page and in
// every e-mail: both dates "Dal 3 marzo 2025 al 2 aprile 2025", a start only "Dal 3 marzo 2025" (no end date:
// the service goes on), an end only "Fino al 2 aprile 2025"; neither: null (the caller says "Non indicato").

export function periodText(t: Translate, locale: Locale, from: string | Date | null | undefined, to: string | Date | null | undefined): string | null {
  const f = from ? formatDate(locale, from) : null;
  const u = to ? formatDate(locale, to) : null;
  if (f && u) return t('requests.periodText.both', { from: f, to: u });
  if (f) return t('requests.periodText.from', { from: f });
  if (u) return t('requests.periodText.to', { to: u });
  return null;
}
