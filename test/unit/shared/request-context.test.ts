import express, { type Request } from 'express';
import request from 'supertest';
import { requestContext, requestIds } from '../../../functions/shared/http/request-context';
import { logger } from '../../../functions/shared/log/logger';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A request as Express sees it: headers, and what serverless-http attaches inside Lambda. */
const req = (headers: Record<string, string>, platform: { lambdaRequestId?: string; requestContext?: { requestId?: string } } = {}) =>
  ({ get: (name: string) => headers[name.toLowerCase()], ...platform }) as unknown as Request;

describe('request ids', () => {
  it('takes Lambda’s request id over a caller’s x-request-id, and logs the caller’s only as clientRequestId', () => {
    expect(requestIds(req({ 'x-request-id': 'client-abc-12345' }, { lambdaRequestId: 'lambda-1', requestContext: { requestId: 'apigw-1' } }))).toEqual({
      requestId: 'lambda-1',
      gatewayRequestId: 'apigw-1',
      clientRequestId: 'client-abc-12345',
    });
  });

  it('does not mistake API Gateway’s id, copied into x-request-id by serverless-http, for the caller’s', () => {
    expect(requestIds(req({ 'x-request-id': 'apigw-1' }, { lambdaRequestId: 'lambda-1', requestContext: { requestId: 'apigw-1' } }))).toEqual({ requestId: 'lambda-1', gatewayRequestId: 'apigw-1' });
  });

  it('generates a fresh id without a platform id, whatever the caller sends', () => {
    const ids = requestIds(req({ 'x-request-id': 'client-abc-12345' }));
    expect(ids.requestId).toMatch(UUID);
    expect(ids.clientRequestId).toBe('client-abc-12345');
    expect(requestIds(req({ 'x-request-id': 'client-abc-12345' })).requestId).not.toBe(ids.requestId);
  });

  it.each([['too short', 'abc'], ['markup', 'bad id <script>'], ['a line break', 'abcdefgh\nforged line'], ['too long', 'a'.repeat(101)]])('drops a malformed caller id (%s) altogether', (_name, offered) => {
    const ids = requestIds(req({ 'x-request-id': offered }));
    expect(ids.requestId).toMatch(UUID);
    expect(ids).not.toHaveProperty('clientRequestId');
  });

  it('answers with its own id in x-request-id and logs the caller’s beside it', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const spy = jest.spyOn(logger, 'info').mockImplementation(((message: string, attributes: Record<string, unknown>) => {
      lines.push({ message, ...attributes });
    }) as typeof logger.info);
    try {
      const app = express();
      app.use(requestContext);
      app.get('/api/x', (_req, res) => {
        res.json({ ok: true });
      });
      const res = await request(app).get('/api/x').set('x-request-id', 'client-abc-12345');
      expect(res.headers['x-request-id']).toMatch(UUID);
      expect(lines).toEqual([expect.objectContaining({ message: 'request', requestId: res.headers['x-request-id'], clientRequestId: 'client-abc-12345', route: '/api/x', status: 200 })]);
    } finally {
      spy.mockRestore();
    }
  });
});
