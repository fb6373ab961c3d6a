import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app';

// Citizens' self-registration with e-mail and password (when CITIZEN_PASSWORD_LOGIN is on).
export function registerRegistrationRoutes(_app: FastifyInstance, _deps: AppDeps): void {}
