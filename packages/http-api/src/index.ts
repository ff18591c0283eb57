/** HTTP API over the ehealth-cert use cases (ARCHITECTURE.md "How each front end maps to the manual"). */
export { buildApp, configureApp } from './app/buildApp.js';
export type { AppDeps, ApiUseCases } from './app/AppDeps.js';
export { composeApi, type ApiComposition } from './composition/composeApi.js';
export { startServer, type ComposeDeps, type RunningServer, type StartServerOptions } from './server/startServer.js';
export { parseApiSettings, isLoopback, API_USAGE, type ApiSettings } from './server/ApiSettings.js';
export { loggerOptions, REDACTED_PATHS } from './server/loggerOptions.js';
export { HTTP_STATUS_FOR_CODE } from './errors/httpStatusForCode.js';
export { API_ERROR_CODES, type ApiErrorCode } from './errors/ApiErrorCode.js';
export type { ProblemDocument } from './errors/ProblemDocument.js';
export type { Job } from './jobs/Job.js';
export type { ApiAuth } from './auth/bearerAuth.js';
