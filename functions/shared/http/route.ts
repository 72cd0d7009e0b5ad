import type { Response } from 'express';
import type { z } from 'zod';
import type { Principal, Role } from '../auth/roles';
import type { Log } from '../log/logger';

/**
 * A route is declared once: its schemas validate the request at the edge and also generate the
 * OpenAPI document, so the two cannot disagree. The handler only calls one use case.
 */
export type AuthRequirement = 'public' | 'optional' | 'signedIn' | readonly Role[];

export interface RouteContext<B, Q, P, Auth extends AuthRequirement> {
  body: B;
  query: Q;
  params: P;
  /** The token's claims, as verified; `session()` adds what only the stored account knows. */
  principal: Auth extends 'public' | 'optional' ? Principal | null : Principal;
  /** The caller confirmed against the stored account (manager flag, organisation status). */
  session(): Promise<Principal>;
  requestId: string;
  log: Log;
  header(name: string): string | undefined;
  res: Response;
}

export interface RouteSpec<
  B extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
  Auth extends AuthRequirement,
> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path, e.g. `/api/incentives/:id/passes`. */
  path: string;
  summary: string;
  tag: string;
  /** The OpenAPI operationId; derived from method and path unless given (openapi.ts). */
  operationId?: string;
  auth: Auth;
  body?: B;
  query?: Q;
  params?: P;
  response?: z.ZodType;
  /** Success status; 200 unless stated. */
  status?: number;
  /** Error codes this route can answer with, for the OpenAPI document. */
  errors?: readonly string[];
  /** Largest accepted JSON body; 64 KB unless stated. */
  bodyLimit?: string;
  /**
   * False for a route that reads none of the cached catalogues (shared/db/catalogues.ts): its session
   * confirmation leaves the catalogue version item out (one read unit less on every such request).
   */
  catalogues?: false;
  /** Requests allowed per caller (signed-in user, else client IP) and window. */
  rateLimit?: { scope: string; limit: number; windowSeconds: number; by: 'user' | 'ip' };
  handle(
    ctx: RouteContext<
      B extends z.ZodType ? z.output<B> : undefined,
      Q extends z.ZodType ? z.output<Q> : undefined,
      P extends z.ZodType ? z.output<P> : undefined,
      Auth
    >,
  ): Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteSpec<any, any, any, AuthRequirement>;

export function route<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  Auth extends AuthRequirement = AuthRequirement,
>(spec: RouteSpec<B, Q, P, Auth>): AnyRoute {
  return spec as unknown as AnyRoute;
}
