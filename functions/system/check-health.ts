import type { IdentityRepository } from '../identity/identity.repository';

export interface Health {
  status: 'ok' | 'degraded';
  database: 'ok' | 'unreachable';
  version: string;
}

/**
 * Readiness: one real read against the table, bounded in time.
 * 1. Read the probe key (absent is fine: the database answered).
 * 2. Report `ok`, or `degraded` with the database `unreachable` on error or timeout.
 */
export async function checkHealth(deps: { identities: IdentityRepository }, version: string, timeoutMs = 3000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('health probe timed out')), timeoutMs);
  });
  try {
    await Promise.race([deps.identities.probe(), timeout]);
    return { status: 'ok', database: 'ok', version };
  } catch {
    return { status: 'degraded', database: 'unreachable', version };
  } finally {
    clearTimeout(timer);
  }
}
