import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small stand-in for WeChat's code2Session endpoint. Codes starting with `ok-` map to the
 * openid after the prefix; `used-` answers 40163; `busy-` answers 45011; `down-` answers HTTP 500;
 * anything else answers 40029 (invalid code). It records the query strings it was sent.
 */
export interface FakeWechat {
  baseUrl: string;
  calls: URLSearchParams[];
  close(): Promise<void>;
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const calls: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/sns/jscode2session') {
      res.writeHead(404).end();
      return;
    }
    calls.push(url.searchParams);
    const code = url.searchParams.get('js_code') ?? '';
    const reply = (body: object, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (code.startsWith('ok-')) reply({ openid: `openid-${code.slice(3)}`, session_key: 'SECRET-SESSION-KEY-must-not-leak' });
    else if (code.startsWith('used-')) reply({ errcode: 40163, errmsg: 'code been used' });
    else if (code.startsWith('busy-')) reply({ errcode: 45011, errmsg: 'api minute-quota reach limit' });
    else if (code.startsWith('down-')) reply({ message: 'internal' }, 500);
    else reply({ errcode: 40029, errmsg: 'invalid code' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
