export {
  createSessionService,
  classifyLoginError,
  SessionFailure,
  DEFAULT_CLIENT_ID,
  DEFAULT_SCOPE,
  REFRESH_TOKEN_SECRET,
} from './session-service';
export type { SessionService, SessionServiceDeps, SessionTimers, SessionLogger } from './session-service';
export { startLoopbackCallback, CALLBACK_PATH } from './loopback-callback';
export type { LoopbackCallback, ReceivedCallback } from './loopback-callback';
export { sessionMessage, callbackPage } from './messages';
export type { SessionFailureCode } from './messages';
