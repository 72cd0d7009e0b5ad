import express, { type Express, type IRouter, type RequestHandler } from 'express';
import type { AppDeps } from './container';
import { confirmSession } from './identity/confirm-session';
import { errorHandler, notFoundHandler } from './shared/http/error-handler';
import { mountRoutes, type ConfirmSession } from './shared/http/mount-routes';
import { requestContext } from './shared/http/request-context';
import type { AnyRoute } from './shared/http/route';
import { systemRoutes } from './system/system.routes';

/**
 * The API's features, in mounting order. A feature's module (its routes, schemas and use cases) is
 * loaded on the first request whose path starts with one of its prefixes (`/api/<segment>`), so a
 * cold start loads only what its first request needs; `require` inside the loader keeps the module
 * out of the start-up path (esbuild bundles it as a module initialised on first use).
 * Adding a feature: one entry here, with every `/api/<segment>` its routes use;
 * test/integration/system/lazy-routes.test.ts fails if a route lies outside its feature's prefixes.
 */
export interface Feature {
  name: string;
  prefixes: string[];
  routes(deps: AppDeps): AnyRoute[];
}

export const FEATURES: Feature[] = [
  { name: 'identity', prefixes: ['/api/auth', '/api/me'], routes: (d) => (require('./identity/identity.routes') as typeof import('./identity/identity.routes')).identityRoutes(d) },
  { name: 'orgs', prefixes: ['/api/orgs', '/api/invitations'], routes: (d) => (require('./orgs/orgs.routes') as typeof import('./orgs/orgs.routes')).orgsRoutes(d) },
  { name: 'points', prefixes: ['/api/points', '/api/consents', '/api/me'], routes: (d) => (require('./points/points.routes') as typeof import('./points/points.routes')).pointsRoutes(d) },
  { name: 'rules', prefixes: ['/api/rules'], routes: (d) => (require('./rules/rules.routes') as typeof import('./rules/rules.routes')).rulesRoutes(d) },
  { name: 'credit', prefixes: ['/api/credit-records'], routes: (d) => (require('./credit/credit.routes') as typeof import('./credit/credit.routes')).creditRoutes(d) },
  { name: 'registry', prefixes: ['/api/registry'], routes: (d) => (require('./registry/registry.routes') as typeof import('./registry/registry.routes')).registryRoutes(d) },
  { name: 'incentives', prefixes: ['/api/incentives', '/api/passes', '/api/redemptions'], routes: (d) => (require('./incentives/incentives.routes') as typeof import('./incentives/incentives.routes')).incentivesRoutes(d) },
  { name: 'access-log', prefixes: ['/api/access-log'], routes: (d) => (require('./access-log/access-log.routes') as typeof import('./access-log/access-log.routes')).accessLogRoutes(d) },
  { name: 'enterprises', prefixes: ['/api/enterprises'], routes: (d) => (require('./enterprises/enterprises.routes') as typeof import('./enterprises/enterprises.routes')).enterprisesRoutes(d) },
  { name: 'loans', prefixes: ['/api/loan-products', '/api/authorizations', '/api/loan-applications'], routes: (d) => (require('./loans/loans.routes') as typeof import('./loans/loans.routes')).loansRoutes(d) },
  { name: 'measures', prefixes: ['/api/measures'], routes: (d) => (require('./measures/measures.routes') as typeof import('./measures/measures.routes')).measuresRoutes(d) },
  { name: 'rights', prefixes: ['/api/objections', '/api/repairs'], routes: (d) => (require('./rights/rights.routes') as typeof import('./rights/rights.routes')).rightsRoutes(d) },
  { name: 'reports', prefixes: ['/api/reports', '/api/.well-known'], routes: (d) => (require('./reports/reports.routes') as typeof import('./reports/reports.routes')).reportsRoutes(d) },
  { name: 'admin', prefixes: ['/api/admin'], routes: (d) => (require('./stats/admin.routes') as typeof import('./stats/admin.routes')).adminRoutes(d) },
  { name: 'holidays', prefixes: ['/api/admin'], routes: (d) => (require('./holidays/holidays.routes') as typeof import('./holidays/holidays.routes')).holidaysRoutes(d) },
  { name: 'disclosures', prefixes: ['/api/disclosures', '/api/admin'], routes: (d) => (require('./disclosures/disclosures.routes') as typeof import('./disclosures/disclosures.routes')).disclosuresRoutes(d) },
  { name: 'commitments', prefixes: ['/api/commitment-templates', '/api/commitments', '/api/admin'], routes: (d) => (require('./commitments/commitments.routes') as typeof import('./commitments/commitments.routes')).commitmentsRoutes(d) },
  { name: 'public', prefixes: ['/api/public'], routes: (d) => (require('./public/public.routes') as typeof import('./public/public.routes')).publicRoutes(d) },
  { name: 'notices', prefixes: ['/api/notices', '/api/admin'], routes: (d) => (require('./notices/notices.routes') as typeof import('./notices/notices.routes')).noticesRoutes(d) },
  { name: 'credit-checks', prefixes: ['/api/credit-checks'], routes: (d) => (require('./credit-checks/credit-checks.routes') as typeof import('./credit-checks/credit-checks.routes')).creditChecksRoutes(d) },
];

/** Every route of the API, in mounting order (the OpenAPI document and the security tests walk it): loads every feature. */
export function allRoutes(deps: AppDeps): AnyRoute[] {
  const routes: AnyRoute[] = [];
  routes.push(...systemRoutes(deps, () => routes), ...FEATURES.flatMap((f) => f.routes(deps)));
  return routes;
}

const underPrefix = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** A feature mounted on its own router, built on the first request under one of its prefixes. */
function lazyFeature(feature: Feature, mount: (router: IRouter, routes: AnyRoute[]) => void, deps: AppDeps): RequestHandler {
  let router: IRouter | undefined;
  return (req, res, next) => {
    if (!feature.prefixes.some((p) => underPrefix(req.path, p))) return next();
    if (!router) {
      const r = express.Router();
      mount(r, feature.routes(deps));
      router = r;
    }
    (router as unknown as RequestHandler)(req, res, next);
  };
}

/**
 * The HTTP app: the same instance runs under `app.listen` locally and inside the Lambda handler.
 * `options.confirmSession` replaces the session confirmation (benchmarks measure its cost with it
 * turned off; nothing else may).
 */
export function createApp(deps: AppDeps, options: { confirmSession?: ConfirmSession } = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(requestContext);
  app.use((_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    next();
  });

  const mountDeps = { ...deps, confirmSession: options.confirmSession ?? ((token, o) => confirmSession(deps, token, o)) };
  const mount = (router: IRouter, routes: AnyRoute[]) => mountRoutes(router, routes, mountDeps);
  // The system routes (health, OpenAPI) are mounted at once; every feature on its first request.
  const routes: AnyRoute[] = systemRoutes(deps, () => allRoutes(deps));
  mount(app, routes);
  for (const feature of FEATURES) app.use(lazyFeature(feature, mount, deps));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
