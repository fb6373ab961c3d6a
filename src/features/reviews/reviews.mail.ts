import type { Queryable } from '../../db/database';
import { translator, type Translate } from '../../i18n/i18n';
import { enqueueMail } from '../../lib/mail/outbox';
import { entePaths } from '../../web/paths';
import { enteAdministrators, type ReviewRow } from './reviews.repository';

// E-mail about reviews, written to the outbox in the transaction of the change: to the ente's administrators when a
// review arrives (never the comment itself: it is not moderated yet), to the citizen when the City decides on the
// comment. No language preference is on record for these messages: they go out in Italian.

const t: Translate = translator('it');

function compose(name: string, paragraphs: string[]): string {
  const greeting = name ? t('reviews.mail.greeting', { name }) : t('reviews.mail.greetingAnonymous');
  return [greeting, ...paragraphs, `-- \n${t('reviews.mail.signature')}\n${t('reviews.mail.automatic')}`].join('\n\n') + '\n';
}

const full = (baseUrl: string | undefined, path: string) => (baseUrl ? `${baseUrl.replace(/\/+$/, '')}${path}` : t('reviews.mail.backOfficeName'));

export async function mailNewReview(
  q: Queryable,
  r: { organizationId: string; serviceName: string; overall: number },
  baseUrl: string | undefined,
): Promise<number> {
  const admins = await enteAdministrators(q, r.organizationId);
  for (const a of admins) {
    await enqueueMail(q, {
      to: a.email,
      subject: t('reviews.mail.newReview.subject', { service: r.serviceName }),
      text: compose(`${a.given_name} ${a.family_name}`.trim(), [
        t('reviews.mail.newReview.body', { service: r.serviceName, overall: r.overall }),
        t('reviews.mail.newReview.next', { place: full(baseUrl, entePaths.reviews(r.organizationId)) }),
      ]),
    });
  }
  return admins.length;
}

export async function mailModeration(q: Queryable, r: ReviewRow, decision: 'published' | 'rejected', note: string | null): Promise<boolean> {
  if (!r.email) return false;
  const vars = { service: r.service_name, ente: r.organization_name };
  await enqueueMail(q, {
    to: r.email,
    subject: t(`reviews.mail.${decision}.subject`, vars),
    text: compose((r.given_name ?? '').trim(), [t(`reviews.mail.${decision}.body`, vars), ...(note ? [t('reviews.mail.note', { note })] : [])]),
  });
  return true;
}
