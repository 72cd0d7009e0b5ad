import type { ScheduledHandler } from 'aws-lambda';
import { buildDeps } from './container';
import { getConfig } from './shared/config/config';
import { loadSecretsFromSsm } from './shared/config/ssm-secrets';
import { logger } from './shared/log/logger';
import { refreshStats } from './stats/refresh-stats';

/** Scheduled Lambda: recomputes the credit centre's dashboard snapshot (see serverless.yml). */
export const refreshStatsHandler: ScheduledHandler = async () => {
  await loadSecretsFromSsm();
  const snapshot = await refreshStats(await buildDeps(getConfig()));
  logger.info('stats refreshed', { verifiedResidents: snapshot.residents.verified, overdueApplications: snapshot.applications.overdue.length });
};
