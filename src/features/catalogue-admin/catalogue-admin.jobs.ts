import type { JobDefinition } from '../../lib/jobs';

/** Scheduled jobs of the catalogue (price-list expiry and its warnings). */
export const catalogueJobs: JobDefinition[] = [];
