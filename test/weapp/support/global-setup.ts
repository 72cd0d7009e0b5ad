/**
 * Jest global setup of the weapp project: the mini program as `taro build --type weapp` makes it
 * for production, built once per run and shared with the e2e project (test/support/build-client.ts).
 */
import { buildClientOnce, TEST_WEAPP_API_BASE } from '../../support/build-client';

export default function buildWeappOnce(): void {
  buildClientOnce('weapp', TEST_WEAPP_API_BASE);
}
