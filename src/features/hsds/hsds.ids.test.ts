import { describe, expect, it } from 'vitest';
import { derivedId, uuidV5 } from './hsds.ids';

describe('derived HSDS ids', () => {
  it('computes RFC 9562 version 5 UUIDs', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('https://wemi.comune.milano.it/', '6ba7b811-9dad-11d1-80b4-00c04fd430c8')).toBe('4cf8eb55-916d-5c19-b76b-9e069b9245b0');
  });

  it('is stable for the same parts and distinct for different ones', () => {
    const service = '3f2b9c1e-8a4d-4e6f-9b0a-1c2d3e4f5a6b';
    expect(derivedId('phone', service)).toBe(derivedId('phone', service));
    expect(derivedId('phone', service)).not.toBe(derivedId('contact', service));
    expect(derivedId('area', service, 'a')).not.toBe(derivedId('area', service, 'b'));
    expect(derivedId('phone', service)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
