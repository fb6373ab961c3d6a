import { createHash } from 'node:crypto';

// HSDS gives every object a UUID, also the ones WeMi keeps as columns of a bigger row (a service's phone,
// a location's address, a price-list package, a service area). Their ids are derived deterministically from
// the owning row's UUID and a role (RFC 9562 version 5, SHA-1 name-based), so they stay the same across
// requests and restarts and a consumer can track them.

/** Namespace of WeMi's derived HSDS ids (a fixed random UUID). */
const NAMESPACE = 'c1a3e5f0-8d2b-4f6e-9a1c-3b5d7f9e2a4c';

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function format(bytes: Buffer): string {
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** UUID v5 of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string = NAMESPACE): string {
  const hash = createHash('sha1').update(uuidBytes(namespace)).update(name, 'utf8').digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return format(bytes);
}

/** Stable id of a sub-object: `derivedId('phone', serviceId)`, `derivedId('area', serviceId, municipioId)`. */
export function derivedId(role: string, ...parts: (string | number)[]): string {
  return uuidV5([role, ...parts].join(':'));
}
