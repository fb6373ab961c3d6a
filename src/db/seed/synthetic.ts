import type { Db } from '../database';

export async function seedSynthetic(_db: Db, _opts: { services: number; enti: number; log: (m: string) => void }): Promise<void> {
  throw new Error('not implemented yet');
}
