/**
 * Bundle-only stand-in for `whatwg-url` (serverless.yml `alias`). Tencent's SDK fetches with
 * node-fetch 2, which takes Node's own URL whenever there is one (`Url.URL || whatwgUrl.URL`), so
 * the package's ≈ 280 KB (its tr46 Unicode tables) would only lengthen the cold start.
 */
export { URL, URLSearchParams } from 'node:url';
