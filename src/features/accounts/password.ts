import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';

// Passwords are hashed with argon2id (Node's built-in implementation, no native add-on), stored as a
// PHC string: $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>. Parameters follow the OWASP minimum.

const PARAMS = { memory: 19_456, passes: 2, parallelism: 1, tagLength: 32 } as const;

function derive(password: string, nonce: Buffer, p: { memory: number; passes: number; parallelism: number; tagLength: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    argon2('argon2id', { message: Buffer.from(password.normalize('NFC'), 'utf8'), nonce, ...p }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, PARAMS);
  return `$argon2id$v=19$m=${PARAMS.memory},t=${PARAMS.passes},p=${PARAMS.parallelism}$${b64(salt)}$${b64(hash)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
  if (!m) return false;
  const expected = Buffer.from(m[5]!, 'base64');
  const actual = await derive(password, Buffer.from(m[4]!, 'base64'), {
    memory: Number(m[1]),
    passes: Number(m[2]),
    parallelism: Number(m[3]),
    tagLength: expected.length,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash of a random password: verifying against it costs the same as a real check (no timing oracle). */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

/** Password policy: 12 to 128 characters, not only letters, not a common sequence. Returns message keys. */
export function passwordProblems(password: string, personal: string[] = []): ('tooShort' | 'tooLong' | 'tooSimple' | 'personal')[] {
  const out: ('tooShort' | 'tooLong' | 'tooSimple' | 'personal')[] = [];
  if (password.length < 12) out.push('tooShort');
  if (password.length > 128) out.push('tooLong');
  if (/^[a-zA-Z]+$/.test(password) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890|qwertyuiop|password|passw0rd)/i.test(password)) out.push('tooSimple');
  const lower = password.toLowerCase();
  if (personal.some((p) => p.length >= 4 && lower.includes(p.toLowerCase()))) out.push('personal');
  return out;
}
