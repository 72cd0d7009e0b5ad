/**
 * The API base URL the client is built against (`API_BASE_URL`, injected as the `API_BASE`
 * constant). Pure, so the rule is unit-tested without a build (test/client/api-base.test.ts).
 *
 * - H5: empty by default, meaning "same origin" (the H5 app is served next to a proxy that
 *   forwards /api to the API); an explicit base is accepted as given.
 * - weapp: WeChat only lets a mini program call HTTPS domains, and a relative URL goes nowhere,
 *   so a build without an `https://` base is refused instead of producing an app that cannot sign in.
 */
export class ApiBaseError extends Error {}

export function resolveApiBase(taroEnv: string | undefined, apiBaseUrl: string | undefined): string {
  const base = (apiBaseUrl ?? '').trim().replace(/\/+$/, '');
  if (taroEnv !== 'weapp') return base;
  if (!base) {
    throw new ApiBaseError(
      'API_BASE_URL is required for the mini program (weapp) build: set it to the deployed API\'s HTTPS address, '
        + 'e.g. API_BASE_URL=https://api.example.cn npm run build:weapp',
    );
  }
  let url: URL | null = null;
  try {
    url = new URL(base);
  } catch {
    url = null;
  }
  if (!url || url.protocol !== 'https:' || !url.hostname) {
    throw new ApiBaseError(
      `API_BASE_URL must be an https:// address for the mini program (weapp) build (WeChat calls only HTTPS domains), got "${base}"`,
    );
  }
  return base;
}
