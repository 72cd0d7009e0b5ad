/**
 * Bundle-only stand-in for `form-data` (serverless.yml `alias`). Tencent's SDK builds a form only
 * for multipart uploads, which FaceID's IdCardVerification never makes; the real package brings
 * ≈ 140 KB of MIME tables (mime-db) into the Lambda bundle.
 */
export default class FormData {
  constructor() {
    throw new Error('multipart requests are not part of this bundle');
  }
}
