import { createHmac, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';

// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as produced by any
// authenticator app. A code is accepted for the current step and one step either side (clock drift);
// the caller stores the step it accepted so the same code is never accepted twice.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const STEP_SECONDS = 30;

export function base32Encode(buf: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of buf) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(s: string): Buffer {
  const clean = s.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const i = ALPHABET.indexOf(ch);
    if (i < 0) throw new Error('Invalid base32');
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export const newTotpSecret = () => base32Encode(randomBytes(20));

/** Digits of the codes WeMi asks for (authenticator apps' default). RFC 6238's reference vectors use 8. */
export const DIGITS = 6;

/** The code of a step (RFC 4226 HOTP of the step counter, dynamic truncation), `digits` long (6 to 8). */
export function totpAt(secret: string, step: number, digits: number = DIGITS): string {
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) throw new RangeError('TOTP codes have 6 to 8 digits');
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(code).padStart(digits, '0');
}

export const currentStep = (nowMs = Date.now()) => Math.floor(nowMs / 1000 / STEP_SECONDS);

/** The code at a moment given in Unix seconds (RFC 6238: T = floor(seconds / 30), T0 = 0). */
export const totpAtTime = (secret: string, unixSeconds: number, digits: number = DIGITS) =>
  totpAt(secret, currentStep(unixSeconds * 1000), digits);

/**
 * The step a code matches (current ±1), or null. Steps at or before `lastStep` are refused: a code
 * already used, or an older one, never works again.
 */
export function verifyTotp(secret: string, code: string, lastStep: number | null, nowMs = Date.now()): number | null {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const now = currentStep(nowMs);
  for (const step of [now - 1, now, now + 1]) {
    if (lastStep !== null && step <= lastStep) continue;
    if (totpAt(secret, step) === digits) return step;
  }
  return null;
}

export function otpauthUrl(secret: string, account: string, issuer = 'WeMi Comune di Milano'): string {
  return `otpauth://totp/${encodeURIComponent(`${issuer}:${account}`)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=${STEP_SECONDS}`;
}

/** What an enrolment page shows: the QR code of the otpauth URL (SVG data URI) and the key to type by hand. */
export interface TotpEnrolment {
  qrDataUri: string;
  secret: string;
}

export async function totpEnrolment(secret: string, account: string): Promise<TotpEnrolment> {
  const svg = await QRCode.toString(otpauthUrl(secret, account), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { qrDataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, secret };
}
