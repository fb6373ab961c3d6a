import type { Queryable } from '../../db/database';
import { formatDate, translator, type Locale, type Translate } from '../../i18n/i18n';
import { enqueueMail } from '../../lib/mail/outbox';
import { paths } from '../../web/paths';
import { enteAdministrators, type Recipient } from './catalogue-admin.repository';
import type { AdminOrgAction } from './org-status';

// E-mail to the administrators of an ente: status changes decided by the City, and the price-list expiry of
// their cards. Written to the outbox in the transaction of the change they report. Ente administrators have no
// language preference on record: the messages go out in Italian (the English texts are in the catalogue too).

export const MAIL_LOCALE: Locale = 'it';

const fullName = (r: Recipient) => `${r.given_name} ${r.family_name}`.trim();

function compose(t: Translate, r: Recipient, paragraphs: string[]): string {
  const name = fullName(r);
  const greeting = name ? t('catalogueAdmin.mail.greeting', { name }) : t('catalogueAdmin.mail.greetingAnonymous');
  return [greeting, ...paragraphs, `-- \n${t('catalogueAdmin.mail.signature')}\n${t('catalogueAdmin.mail.automatic')}`].join('\n\n') + '\n';
}

/** Where an ente administrator acts: the ente back office, as a full address when the public address is known. */
function backOfficePlace(t: Translate, baseUrl: string | undefined): string {
  return baseUrl ? `${baseUrl.replace(/\/+$/, '')}${paths.enteBackOffice()}` : t('catalogueAdmin.mail.backOfficeName');
}

/** Sends one message per administrator; returns how many were queued. */
async function toAdministrators(q: Queryable, organizationId: string, build: (t: Translate, r: Recipient) => { subject: string; text: string }): Promise<number> {
  const t = translator(MAIL_LOCALE);
  const admins = await enteAdministrators(q, organizationId);
  for (const r of admins) {
    const { subject, text } = build(t, r);
    await enqueueMail(q, { to: r.email, subject, text });
  }
  return admins.length;
}

export function mailEnteStatus(
  q: Queryable,
  ente: { id: string; name: string },
  action: AdminOrgAction,
  reason: string,
  opts: { baseUrl?: string | undefined },
): Promise<number> {
  return toAdministrators(q, ente.id, (t, r) => ({
    subject: t(`catalogueAdmin.mail.${action}.subject`, { ente: ente.name }),
    text: compose(t, r, [
      t(`catalogueAdmin.mail.${action}.body`, { ente: ente.name }),
      t('catalogueAdmin.mail.reason', { reason }),
      t(`catalogueAdmin.mail.${action}.next`, { place: backOfficePlace(t, opts.baseUrl) }),
    ]),
  }));
}

export function mailCardExpired(
  q: Queryable,
  card: { organization_id: string; organization_name: string; name: string; ended_on: string | null },
  opts: { baseUrl?: string | undefined },
): Promise<number> {
  return toAdministrators(q, card.organization_id, (t, r) => ({
    subject: t('catalogueAdmin.mail.expired.subject', { card: card.name }),
    text: compose(t, r, [
      card.ended_on
        ? t('catalogueAdmin.mail.expired.body', { card: card.name, ente: card.organization_name, date: formatDate(MAIL_LOCALE, card.ended_on) })
        : t('catalogueAdmin.mail.expired.bodyNoList', { card: card.name, ente: card.organization_name }),
      t('catalogueAdmin.mail.expired.restore', { place: backOfficePlace(t, opts.baseUrl) }),
    ]),
  }));
}

export function mailCardExpiring(
  q: Queryable,
  card: { organization_id: string; organization_name: string; name: string; valid_to: string },
  opts: { baseUrl?: string | undefined },
): Promise<number> {
  const date = formatDate(MAIL_LOCALE, card.valid_to);
  return toAdministrators(q, card.organization_id, (t, r) => ({
    subject: t('catalogueAdmin.mail.expiring.subject', { card: card.name, date }),
    text: compose(t, r, [
      t('catalogueAdmin.mail.expiring.body', { card: card.name, ente: card.organization_name, date }),
      t('catalogueAdmin.mail.expiring.restore', { place: backOfficePlace(t, opts.baseUrl) }),
    ]),
  }));
}
