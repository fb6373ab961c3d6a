import type { JobDefinition } from './lib/jobs';
import { catalogueJobs } from './features/catalogue-admin/catalogue-admin.jobs';
import { requestJobs } from './features/conversations/conversations.jobs';

/** Every scheduled job of the application, run by src/lib/jobs.ts on every node (each run once). */
export const ALL_JOBS: readonly JobDefinition[] = [...catalogueJobs, ...requestJobs];
