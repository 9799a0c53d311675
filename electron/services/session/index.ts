// The console session service: the composed service, and the steps it is made of for callers that need one.
export { createSessionService, DEFAULT_SCOPE } from './session-service';
export type { SessionService, SessionServiceDeps, SessionLogger } from './session-service';
export { classifyLoginError, SessionFailure } from './failure';
export { DEFAULT_CLIENT_ID } from './configuration';
export { REFRESH_TOKEN_SECRET } from './token-store';
export type { SessionTimers } from './refresh';
export { startLoopbackCallback, CALLBACK_PATH } from './loopback-callback';
export type { LoopbackCallback, ReceivedCallback } from './loopback-callback';
export { sessionMessage, callbackPage } from './messages';
export type { SessionFailureCode } from './messages';
