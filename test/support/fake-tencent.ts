import { createHash, createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for Tencent Cloud's API endpoint (FaceID `IdCardVerification`). It checks every
 * request the way Tencent does — a TC3-HMAC-SHA256 signature recomputed here from the request with
 * the secret key it was given, a timestamp within 5 minutes — and answers like Tencent: HTTP 200
 * with `{"Response":{...}}`, or `{"Response":{"Error":{Code,Message},"RequestId"}}`.
 *
 * By default every (correctly signed) verification matches (`Result: "0"`). A test programs other
 * answers per name with `answer(name, reply)`. It records what it was sent.
 */
export type FakeTencentReply =
  | { result: string; description?: string }
  | { error: string; message?: string }
  | { httpStatus: number }
  | { garbage: true }
  | { delayMs: number; then?: FakeTencentReply };

export interface FakeTencentCall {
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  rawBody: string;
  /** The credential scope of the Authorization header: `<secretId>/<date>/<service>/tc3_request`. */
  credential?: string;
  signatureValid: boolean;
}

export interface FakeTencent {
  /** `http://127.0.0.1:<port>`: the value for TENCENT_FACEID_ENDPOINT. */
  endpoint: string;
  secretId: string;
  secretKey: string;
  calls: FakeTencentCall[];
  answer(name: string, reply: FakeTencentReply): void;
  close(): Promise<void>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** Recomputes the TC3-HMAC-SHA256 signature of a request as Tencent's gateway does. */
function checkSignature(req: http.IncomingMessage, rawBody: string, secretId: string, secretKey: string): { valid: boolean; credential?: string } {
  const auth = String(req.headers.authorization ?? '');
  const m = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m) return { valid: false };
  const [, id, date, service, signedHeaders, signature] = m;
  const credential = `${id}/${date}/${service}/tc3_request`;
  const timestamp = Number(req.headers['x-tc-timestamp']);
  if (id !== secretId || !Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return { valid: false, credential };
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return { valid: false, credential };
  const headerValue = (name: string) => (name === 'host' ? String(req.headers.host ?? '').replace(/:\d+$/, '') : String(req.headers[name] ?? '')).trim().toLowerCase();
  const names = signedHeaders.split(';');
  const canonicalHeaders = names.map((n) => `${n}:${headerValue(n)}\n`).join('');
  const url = new URL(req.url ?? '/', 'http://x');
  const canonicalRequest = [req.method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, sha256(rawBody)].join('\n');
  const stringToSign = ['TC3-HMAC-SHA256', String(timestamp), `${date}/${service}/tc3_request`, sha256(canonicalRequest)].join('\n');
  const kSigning = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request');
  const expected = createHmac('sha256', kSigning).update(stringToSign).digest('hex');
  return { valid: expected === signature, credential };
}

export async function startFakeTencent(opts: { secretId?: string; secretKey?: string } = {}): Promise<FakeTencent> {
  const secretId = opts.secretId ?? 'AKIDfakeTencentSecretId0001';
  const secretKey = opts.secretKey ?? 'fake-tencent-secret-key-0123456789';
  const calls: FakeTencentCall[] = [];
  const answers = new Map<string, FakeTencentReply>();
  let requests = 0;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(rawBody) as Record<string, unknown>;
      } catch {
        // An unreadable body is recorded as empty and refused below.
      }
      const { valid, credential } = checkSignature(req, rawBody, secretId, secretKey);
      calls.push({ headers: req.headers, body, rawBody, credential, signatureValid: valid });
      const requestId = `fake-req-${++requests}`;
      const json = (payload: object) => {
        if (res.destroyed) return;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ Response: { ...payload, RequestId: requestId } }));
      };
      if (req.method !== 'POST' || req.url !== '/') return json({ Error: { Code: 'InvalidAction', Message: 'not found' } });
      if (!valid) return json({ Error: { Code: 'AuthFailure.SignatureFailure', Message: 'The provided credentials could not be validated.' } });
      if (req.headers['x-tc-action'] !== 'IdCardVerification' || req.headers['x-tc-version'] !== '2018-03-01') {
        return json({ Error: { Code: 'InvalidAction', Message: 'The action does not exist.' } });
      }
      if (typeof body.IdCard !== 'string' || typeof body.Name !== 'string') {
        return json({ Error: { Code: 'MissingParameter', Message: 'The request is missing a required parameter.' } });
      }
      const reply = (r: FakeTencentReply): void => {
        if ('delayMs' in r) {
          setTimeout(() => reply(r.then ?? { result: '0' }), r.delayMs);
        } else if ('httpStatus' in r) {
          res.writeHead(r.httpStatus, { 'content-type': 'text/plain' }).end('upstream failure');
        } else if ('garbage' in r) {
          res.writeHead(200, { 'content-type': 'application/json' }).end('<html>not json</html>');
        } else if ('error' in r) {
          json({ Error: { Code: r.error, Message: r.message ?? `fake error ${r.error}` } });
        } else {
          json({ Result: r.result, Description: r.description ?? (r.result === '0' ? '姓名和身份证号一致' : '姓名和身份证号不一致') });
        }
      };
      reply(answers.get(body.Name) ?? { result: '0' });
    });
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    secretId,
    secretKey,
    calls,
    answer: (name, r) => void answers.set(name, r),
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
