import { expect } from 'vitest';
import type { Db } from '../../src/db/database';

// The mail the application queued in the outbox (src/lib/mail/outbox.ts), read straight from the table: what
// a mailbox would receive, before delivery (test/support/smtp.ts delivers it to a real SMTP server).

export interface QueuedMail {
  subject: string;
  text_body: string;
}

/** The messages queued for an address, oldest first; only those whose subject contains `subjectContains` when given. */
export function queuedMail(db: Db, address: string, opts: { subjectContains?: string } = {}): Promise<QueuedMail[]> {
  return db.query<QueuedMail>(
    `select subject, text_body from email_outbox
      where to_address = $1 and ($2::text is null or strpos(subject, $2) > 0) order by created_at, id`,
    [address, opts.subjectContains ?? null],
  );
}

/** How many messages were queued for an address. */
export async function queuedCount(db: Db, address: string): Promise<number> {
  return (await db.one<{ n: number }>('select count(*)::int as n from email_outbox where to_address = $1', [address])).n;
}

/** The path of the link to `prefix` (e.g. '/invito/') in the newest message queued for `address` that has one. */
export async function linkInQueuedMail(db: Db, address: string, prefix: string): Promise<string> {
  const mail = await db.maybeOne<{ text_body: string }>(
    `select text_body from email_outbox where to_address = $1 and strpos(text_body, $2) > 0 order by created_at desc limit 1`,
    [address, prefix],
  );
  expect(mail, `a mail to ${address} with a ${prefix} link`).toBeDefined();
  const match = mail!.text_body.match(new RegExp(`https?://[^\\s/]+(${prefix.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}[A-Za-z0-9_-]*)`));
  expect(match, `a ${prefix} link in:\n${mail!.text_body}`).not.toBeNull();
  return match![1]!;
}
