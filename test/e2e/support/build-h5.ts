/**
 * Jest global setup of the e2e project: builds the H5 app once, exactly as `npm start` builds it.
 * Every e2e file starts its own stack (they run in parallel workers); if each stack built the app
 * itself, two Taro builds would write into the same `client/dist/h5` while another stack serves it.
 * The stacks therefore start with `SKIP_H5_BUILD=1` (see stack.ts).
 */
import { buildClientOnce, TEST_WEAPP_API_BASE } from '../../support/build-client';

/**
 * Builds the H5 app (served by the stacks) and the mini program (checked by budgets.e2e.test.ts),
 * one after the other. The weapp project's global setup shares the weapp build (build-client.ts).
 */
export default function buildH5Once(): void {
  buildClientOnce('h5', '');
  // The weapp build needs the deployed HTTPS API; a placeholder host is enough to check the package.
  buildClientOnce('weapp', TEST_WEAPP_API_BASE);
}
