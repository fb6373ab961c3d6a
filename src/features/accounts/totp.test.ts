import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, currentStep, totpAt, totpAtTime, verifyTotp } from './totp';

// totp.ts against sources that are not itself: the reference vectors of RFC 6238 (Appendix B, SHA-1) and an
// independent HOTP written here from the RFC 4226 text on node:crypto's HMAC, for random secrets and times drawn
// from a fixed seed (the same cases on every run).

/** RFC 4648 base32 written here (not totp.ts's), to hand the shared secret to the code under test. */
function toBase32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bitString = '';
  for (const b of bytes) bitString += b.toString(2).padStart(8, '0');
  while (bitString.length % 5) bitString += '0';
  let out = '';
  for (let i = 0; i < bitString.length; i += 5) out += alphabet[parseInt(bitString.slice(i, i + 5), 2)];
  return out;
}

/** RFC 4226 section 5.3, step by step: HMAC-SHA-1 of the 8-byte big-endian counter, dynamic truncation, modulo. */
function hotp(key: Uint8Array, counter: number, digits: number): string {
  const msg = Buffer.alloc(8);
  // The counter as two 32-bit halves (no BigInt): high word, then low word.
  const high = Math.floor(counter / 2 ** 32);
  const low = counter - high * 2 ** 32;
  for (let i = 0; i < 4; i++) {
    msg[i] = (high >>> (24 - 8 * i)) & 0xff;
    msg[4 + i] = (low >>> (24 - 8 * i)) & 0xff;
  }
  const hs = createHmac('sha1', key).update(msg).digest();
  const offset = hs[19]! & 0x0f;
  const binCode = ((hs[offset]! & 0x7f) * 2 ** 24) + (hs[offset + 1]! << 16) + (hs[offset + 2]! << 8) + hs[offset + 3]!;
  return String(binCode % 10 ** digits).padStart(digits, '0');
}

/** A small seeded generator (mulberry32): the same "random" cases on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('TOTP (RFC 6238)', () => {
  const rfcSecret = Buffer.from('12345678901234567890', 'ascii');

  it('gives the reference codes of RFC 6238 Appendix B (SHA-1, 8 digits)', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    const secret = toBase32(rfcSecret);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    for (const [time, code] of vectors) {
      expect(totpAtTime(secret, time, 8), `T = ${time}`).toBe(code);
      expect(totpAt(secret, Math.floor(time / 30), 8), `step of T = ${time}`).toBe(code);
      // The independent HOTP agrees with the RFC too (so it is a fair judge below).
      expect(hotp(rfcSecret, Math.floor(time / 30), 8)).toBe(code);
    }
  });

  it('keeps 6 digits by default: the last 6 digits of the reference codes', () => {
    const secret = toBase32(rfcSecret);
    expect(totpAtTime(secret, 59)).toBe('287082');
    expect(totpAt(secret, Math.floor(1111111109 / 30))).toBe('081804');
    expect(totpAtTime(secret, 20000000000)).toBe('353130');
  });

  it('agrees with an independent RFC 4226 implementation for 500 random secrets and times (fixed seed)', () => {
    const random = seeded(0x5eed_2026);
    for (let i = 0; i < 500; i++) {
      const length = [10, 16, 20, 32][Math.floor(random() * 4)]!;
      const key = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      // Any moment from 1970 to the year 2500.
      const seconds = Math.floor(random() * 16_725_225_600);
      const secret = toBase32(key);
      const step = Math.floor(seconds / 30);
      const expected = hotp(key, step, 6);
      expect(totpAt(secret, step), `case ${i}: key ${Buffer.from(key).toString('hex')}, T = ${seconds}`).toBe(expected);
      expect(totpAtTime(secret, seconds)).toBe(expected);
      // And the secret round-trips through totp.ts's own base32.
      expect(base32Encode(Buffer.from(key))).toBe(secret);
      expect(Buffer.from(base32Decode(secret)).equals(Buffer.from(key))).toBe(true);
    }
  });

  it('accepts a code of the current step or one step either side, once, and refuses codes that are not 6 digits', () => {
    const random = seeded(42);
    const key = Uint8Array.from({ length: 20 }, () => Math.floor(random() * 256));
    const secret = toBase32(key);
    const now = 1_900_000_000_000;
    const step = currentStep(now);
    for (const s of [step - 1, step, step + 1]) expect(verifyTotp(secret, hotp(key, s, 6), null, now)).toBe(s);
    expect(verifyTotp(secret, hotp(key, step + 2, 6), null, now)).toBeNull();
    expect(verifyTotp(secret, hotp(key, step - 2, 6), null, now)).toBeNull();
    // A step already used (or an older one) never works again.
    expect(verifyTotp(secret, hotp(key, step, 6), step, now)).toBeNull();
    expect(verifyTotp(secret, hotp(key, step + 1, 6), step, now)).toBe(step + 1);
    expect(verifyTotp(secret, hotp(key, step, 8), null, now)).toBeNull();
    expect(() => totpAt(secret, step, 9)).toThrow(RangeError);
  });
});
