// Just enough types for the parts of `oidc-provider` 9 that backend/identity and backend/training/psc use.
// The package ships no types and @types/oidc-provider is not installed; keep these narrow and never let them leak
// into an exported signature (callers in other projects would not see this ambient module).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

  export interface AccountClaims {
    sub: string;
    [claim: string]: unknown;
  }

  export interface Account {
    accountId: string;
    claims(use: string, scope: string, claims: unknown, rejected: string[]): Promise<AccountClaims> | AccountClaims;
  }

  /** Token-like models handed to findAccount (authorization code, refresh token, access token). */
  export interface TokenModel {
    accountId?: string;
    clientId?: string;
    amr?: string[];
    acr?: string;
    authTime?: number;
    sessionUid?: string;
  }

  export interface SessionModel {
    uid: string;
    accountId?: string;
    loginTs?: number;
    amr?: string[];
    acr?: string;
    exp?: number;
    save(ttl: number): Promise<unknown>;
    destroy(): Promise<void>;
  }

  export interface ClientModel {
    clientId: string;
    applicationType?: string;
    clientAuthMethod?: string;
    grantTypeAllowed(type: string): boolean;
  }

  export interface OidcContextState {
    route: string;
    client?: ClientModel;
    session?: SessionModel;
    params?: Record<string, unknown>;
    requestParamScopes: Set<string>;
    requestParamOIDCScopes: Set<string>;
    result?: { consent?: { grantId?: string } };
    entities: Record<string, unknown>;
    provider: Provider;
  }

  /** The Koa context as oidc-provider passes it to configuration helpers and middleware. */
  export interface KoaContextWithOIDC {
    oidc: OidcContextState;
    method: string;
    path: string;
    status: number;
    body: unknown;
    type: string;
    host: string;
    request: { body?: Record<string, unknown> };
  }

  export interface InteractionDetails {
    uid: string;
    prompt: { name: string; reasons: string[]; details: Record<string, unknown> };
    params: Record<string, unknown>;
    session?: { accountId?: string; uid?: string };
    grantId?: string;
    returnTo: string;
    lastSubmission?: Record<string, unknown>;
  }

  export interface InteractionResults {
    login?: { accountId: string; acr?: string; amr?: string[]; remember?: boolean; ts?: number };
    consent?: { grantId?: string };
    error?: string;
    error_description?: string;
    [key: string]: unknown;
  }

  export interface GrantModel {
    jti: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: string[]): void;
    addResourceScope(resource: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantConstructor {
    new (properties: { accountId: string; clientId: string }): GrantModel;
    find(id: string): Promise<GrantModel | undefined>;
  }

  export interface SessionConstructor {
    findByUid(uid: string): Promise<SessionModel | undefined>;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    client_name?: string;
    application_type?: 'web' | 'native';
    redirect_uris: string[];
    post_logout_redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    userinfo_signed_response_alg?: string;
    id_token_signed_response_alg?: string;
    [key: string]: unknown;
  }

  export type TtlValue<T> = number | ((ctx: KoaContextWithOIDC, model: T, client?: ClientModel) => number);

  export interface Configuration {
    clients?: ClientMetadata[];
    findAccount?: (ctx: KoaContextWithOIDC, sub: string, token?: TokenModel) => Promise<Account | undefined>;
    claims?: Record<string, string[] | null>;
    scopes?: string[];
    acrValues?: string[];
    conformIdTokenClaims?: boolean;
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: {
      keys?: string[];
      names?: { session?: string; interaction?: string; resume?: string };
      long?: Record<string, unknown>;
      short?: Record<string, unknown>;
    };
    interactions?: { url?: (ctx: KoaContextWithOIDC, interaction: { uid: string }) => Promise<string> | string };
    routes?: Record<string, string>;
    ttl?: Record<string, TtlValue<never> | number | ((...args: never[]) => number)>;
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: ClientModel) => boolean };
    features?: Record<string, Record<string, unknown>>;
    loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<GrantModel | undefined>;
    issueRefreshToken?: (ctx: KoaContextWithOIDC, client: ClientModel, code: unknown) => Promise<boolean> | boolean;
    rotateRefreshToken?: boolean | ((ctx: KoaContextWithOIDC) => boolean);
    expiresWithSession?: (ctx: KoaContextWithOIDC, code: unknown) => Promise<boolean> | boolean;
    renderError?: (ctx: KoaContextWithOIDC, out: Record<string, unknown>, error: Error) => Promise<void> | void;
    clientDefaults?: Record<string, unknown>;
    responseTypes?: string[];
    enabledJWA?: Record<string, string[]>;
    clockTolerance?: number;
    [key: string]: unknown;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    proxy: boolean;
    readonly Grant: GrantConstructor;
    readonly Session: SessionConstructor;
    callback(): NodeHandler;
    use(middleware: (ctx: KoaContextWithOIDC, next: () => Promise<void>) => Promise<void>): this;
    on(event: string, listener: (...args: unknown[]) => void): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    interactionResult(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<string>;
  }

  export const errors: {
    InvalidTarget: new (description?: string) => Error;
    AccessDenied: new (description?: string) => Error;
  };

  export default Provider;
}
