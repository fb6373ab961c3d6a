import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app';

// The "Sicurezza" page of the personal area: change the password, re-enrol the second factor, recovery codes.
export function registerSecurityRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
