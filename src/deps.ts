import type { Config } from './config';
import type { Db } from './db/database';
import type { AssetStore } from './web/assets';

/** Everything the routes need, built once by the composition root (server.ts or a test). Its own module, so that
 * a feature's routes depend on it without importing app.ts, which imports every feature. */
export interface AppDeps {
  config: Config;
  db: Db;
  assets: AssetStore;
}
