import http from 'node:http';
import path from 'node:path';
import express from 'express';

/**
 * Serves the built H5 app and forwards `/api` to the API on the same machine, so the app's
 * same-origin `/api` calls work exactly as they do behind API Gateway + a CDN in production.
 */
export function createWebServer(opts: { distDir: string; apiPort: number }): express.Express {
  const web = express();
  web.disable('x-powered-by');
  web.use('/api', (req, res) => {
    const upstream = http.request(
      { host: '127.0.0.1', port: opts.apiPort, method: req.method, path: req.originalUrl, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) {
        res.status(502).json({ error: { code: 'API_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } });
      }
    });
    req.pipe(upstream);
  });
  web.use(express.static(opts.distDir, { index: 'index.html', maxAge: 0 }));
  web.use((_req, res) => res.sendFile(path.join(opts.distDir, 'index.html')));
  return web;
}
