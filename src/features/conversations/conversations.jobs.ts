import type { JobDefinition } from '../../lib/jobs';

/** Scheduled jobs of requests: expiry of offers and requests, reminders to enti at 48 hours. */
export const requestJobs: JobDefinition[] = [];
