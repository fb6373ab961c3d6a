// Made-up inputs shared by route and browser tests.

/** A minimal PDF (signature, a catalogue, the end marker) with a label line; padded with spaces to `padTo` bytes. */
export function pdf(label: string, padTo = 0): Buffer {
  const body = Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
  return padTo > body.length ? Buffer.concat([body, Buffer.alloc(padTo - body.length, 0x20)]) : body;
}

/** The day `days` from today in Milan, as YYYY-MM-DD (what a date field holds). */
export const dayInMilan = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' });
