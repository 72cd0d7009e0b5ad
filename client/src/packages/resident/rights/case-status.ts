import type { CaseStatus } from '../../../services/rights-api';

/** The colour of a case's status tag. */
export const CASE_TONE: Record<CaseStatus, 'open' | 'ok' | 'bad' | 'info'> = {
  OPEN: 'open',
  UPHELD: 'ok',
  APPROVED: 'ok',
  REJECTED: 'bad',
  SUPERSEDED: 'ok',
};
