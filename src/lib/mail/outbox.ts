import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db, Queryable } from '../../db/database';

// E-mail goes through an outbox table: a message is written in the same transaction as the change it
// reports, and a worker delivers it afterwards over SMTP. A crash or an SMTP outage loses nothing: the
// row stays queued and is retried with exponential back-off. Rows are claimed with FOR UPDATE SKIP
// LOCKED, so several app nodes can run the worker on the same database without sending twice.

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
}

/** Gives up on a message after this many failed attempts (about a day of back-off). */
export const MAX_ATTEMPTS = 10;

export async function enqueueMail(q: Queryable, mail: OutgoingMail): Promise<string> {
  const row = await q.one<{ id: string }>(
    `insert into email_outbox (to_address, subject, text_body, html_body) values ($1, $2, $3, $4) returning id`,
    [mail.to, mail.subject, mail.text, mail.html ?? null],
  );
  return row.id;
}

export interface MailSender {
  send(mail: OutgoingMail & { from: string; messageId: string }): Promise<void>;
  close(): void;
}

/** SMTP when a URL is given (smtp://user:pass@host:port, smtps://…); otherwise .eml files in a folder. */
export function createMailSender(opts: { smtpUrl?: string | undefined; dropDir: string }): MailSender {
  if (opts.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId });
      mkdirSync(opts.dropDir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      writeFileSync(path.join(opts.dropDir, `${stamp}-${mail.messageId.replace(/[^a-zA-Z0-9.-]/g, '')}.eml`), info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

/**
 * Delivers the messages that are due. Each message is first leased (its next attempt moved 5 minutes
 * ahead, in a short transaction that skips rows other nodes hold), then sent outside any transaction,
 * then marked sent or rescheduled. A node that dies mid-send leaves the lease to expire: the message is
 * sent again later (at least once, never lost). Returns how many were sent and how many failed this round.
 */
export async function deliverDueMail(
  db: Db,
  sender: MailSender,
  opts: { from: string; domain: string; limit?: number },
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < (opts.limit ?? 20); i++) {
    const row = await db.maybeOne<{ id: string; to_address: string; subject: string; text_body: string; html_body: string | null; attempts: number }>(
      `update email_outbox set next_attempt_at = now() + interval '5 minutes'
        where id = (select id from email_outbox where status = 'queued' and next_attempt_at <= now()
                     order by next_attempt_at, created_at limit 1 for update skip locked)
        returning id, to_address, subject, text_body, html_body, attempts`,
    );
    if (!row) break;
    try {
      await sender.send({
        from: opts.from,
        to: row.to_address,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body ?? undefined,
        messageId: `<${row.id}@${opts.domain}>`,
      });
      await db.query(`update email_outbox set status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = null where id = $1`, [row.id]);
      sent++;
    } catch (err) {
      const attempts = row.attempts + 1;
      // 30 s, 1 min, 2 min … capped at 4 h; after MAX_ATTEMPTS the message is marked failed.
      const delaySeconds = Math.min(30 * 2 ** (attempts - 1), 4 * 3600);
      await db.query(
        `update email_outbox set attempts = $2, last_error = $3, status = $4,
                next_attempt_at = now() + make_interval(secs => $5) where id = $1`,
        [row.id, attempts, String((err as Error)?.message ?? err).slice(0, 1000), attempts >= MAX_ATTEMPTS ? 'failed' : 'queued', delaySeconds],
      );
      failed++;
    }
  }
  return { sent, failed };
}

/** Runs deliverDueMail every `intervalMs` until stopped; never two rounds at once in this process. */
export function startMailWorker(
  db: Db,
  sender: MailSender,
  opts: { from: string; domain: string; intervalMs: number; onError: (err: unknown) => void },
): { stop: () => Promise<void>; kick: () => void } {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const round = () => {
    if (running || stopped) return;
    running = deliverDueMail(db, sender, opts)
      .catch(opts.onError)
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(round, opts.intervalMs);
  timer.unref();
  return {
    kick: round,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      sender.close();
    },
  };
}
