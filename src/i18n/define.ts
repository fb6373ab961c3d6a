/** Declares a feature's messages; English must have exactly the Italian keys. */
export function defineMessages<const It extends Record<string, string>>(it: It, en: { [K in keyof It]: string }) {
  return { it, en } as const;
}
