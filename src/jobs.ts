import type { Config } from './config';
import type { JobDefinition } from './lib/jobs';
import { statisticsJob } from './db/statistics';
import { uploadJobs } from './lib/uploads.cleanup';
import { createCatalogueJobs } from './features/catalogue-admin/catalogue-admin.jobs';
import { createRequestJobs } from './features/conversations/conversations.jobs';

/** Every scheduled job of the application, run by src/lib/jobs.ts on every node (each run once). */
export function allJobs(config: Config): JobDefinition[] {
  const baseUrl = config.publicBaseUrl;
  return [...createCatalogueJobs({ baseUrl }), ...createRequestJobs({ baseUrl }), ...uploadJobs, statisticsJob];
}
