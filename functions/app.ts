import express, { type Express } from 'express';
import type { AppDeps } from './container';
import { accessLogRoutes } from './access-log/access-log.routes';
import { creditRoutes } from './credit/credit.routes';
import { disclosuresRoutes } from './disclosures/disclosures.routes';
import { commitmentsRoutes } from './commitments/commitments.routes';
import { publicRoutes } from './public/public.routes';
import { enterprisesRoutes } from './enterprises/enterprises.routes';
import { holidaysRoutes } from './holidays/holidays.routes';
import { confirmSession } from './identity/confirm-session';
import { identityRoutes } from './identity/identity.routes';
import { incentivesRoutes } from './incentives/incentives.routes';
import { loansRoutes } from './loans/loans.routes';
import { orgsRoutes } from './orgs/orgs.routes';
import { measuresRoutes } from './measures/measures.routes';
import { noticesRoutes } from './notices/notices.routes';
import { creditChecksRoutes } from './credit-checks/credit-checks.routes';
import { reportsRoutes } from './reports/reports.routes';
import { registryRoutes } from './registry/registry.routes';
import { rightsRoutes } from './rights/rights.routes';
import { adminRoutes } from './stats/admin.routes';
import { pointsRoutes } from './points/points.routes';
import { errorHandler, notFoundHandler } from './shared/http/error-handler';
import { mountRoutes, type ConfirmSession } from './shared/http/mount-routes';
import { requestContext } from './shared/http/request-context';
import type { AnyRoute } from './shared/http/route';
import { rulesRoutes } from './rules/rules.routes';
import { systemRoutes } from './system/system.routes';

/** Every route of the API, in mounting order (the OpenAPI document and the security tests walk it). */
export function allRoutes(deps: AppDeps): AnyRoute[] {
  const routes: AnyRoute[] = [];
  routes.push(
    ...systemRoutes(deps, () => routes),
    ...identityRoutes(deps),
    ...orgsRoutes(deps),
    ...pointsRoutes(deps),
    ...rulesRoutes(deps),
    ...creditRoutes(deps),
    ...registryRoutes(deps),
    ...incentivesRoutes(deps),
    ...accessLogRoutes(deps),
    ...enterprisesRoutes(deps),
    ...loansRoutes(deps),
    ...measuresRoutes(deps),
    ...rightsRoutes(deps),
    ...reportsRoutes(deps),
    ...adminRoutes(deps),
    ...holidaysRoutes(deps),
    ...disclosuresRoutes(deps),
    ...commitmentsRoutes(deps),
    ...publicRoutes(deps),
    ...noticesRoutes(deps),
    ...creditChecksRoutes(deps),
  );
  return routes;
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

  mountRoutes(app, allRoutes(deps), { ...deps, confirmSession: options.confirmSession ?? ((token) => confirmSession(deps, token)) });

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
