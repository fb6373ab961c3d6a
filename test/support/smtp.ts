import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../src/db/database';
import { createMailSender, deliverDueMail } from '../../src/lib/mail/outbox';

// A real SMTP server for tests (smtp-server on 127.0.0.1, a free port), collecting every message it
// receives, parsed with mailparser. `deliver(db)` runs the outbox worker once against it, through the
// same createMailSender the application uses, so a test sees exactly what a mailbox would receive.

export interface ReceivedMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | false | undefined;
  messageId: string | undefined;
  parsed: ParsedMail;
}

export interface TestSmtp {
  port: number;
  url: string;
  /** Every message received, in arrival order. */
  messages: ReceivedMail[];
  /** Messages addressed to one recipient (case-insensitive). */
  to(address: string): ReceivedMail[];
  /** Delivers the outbox's due messages over SMTP to this server; resolves once all are received. */
  deliver(db: Db): Promise<{ sent: number; failed: number }>;
  clear(): void;
  close(): Promise<void>;
}

export const TEST_MAIL_FROM = 'WeMi Comune di Milano <noreply@wemi.test>';

export async function startTestSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    // Plain SMTP on localhost: no TLS offered, no login asked.
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      // The message is parsed before the server answers 250, so it is listed when sendMail resolves.
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html,
            messageId: parsed.messageId,
            parsed,
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const url = `smtp://127.0.0.1:${port}`;
  return {
    port,
    url,
    messages,
    to: (address) => messages.filter((m) => m.to.includes(address.toLowerCase())),
    async deliver(db) {
      const sender = createMailSender({ smtpUrl: url, dropDir: '/nonexistent' });
      try {
        return await deliverDueMail(db, sender, { from: TEST_MAIL_FROM, domain: 'wemi.test' });
      } finally {
        sender.close();
      }
    },
    clear: () => {
      messages.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The absolute link in a message that starts with `prefix` (e.g. 'http://localhost:3000/reimposta-password/'). */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${escaped}[^\\s<>"]+`).exec(mail.text);
  if (!m) throw new Error(`No link starting with ${prefix} in:\n${mail.text}`);
  return m[0];
}
