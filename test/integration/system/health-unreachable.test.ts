import request from 'supertest';
import { freePort } from '../../../functions/local/ports';
import { testApp } from '../../support/test-app';

// This file's module registry gets its own dynamoose client, pointed at a port nobody listens on.
describe('GET /api/health with the database down', () => {
  it('answers 503 with database unreachable, and no internals', async () => {
    const deadPort = await freePort();
    const { app } = await testApp({ DYNAMODB_ENDPOINT: `http://127.0.0.1:${deadPort}` });
    const res = await request(app).get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'degraded', database: 'unreachable', version: expect.any(String) });
  });
});

describe('any request with the database down', () => {
  it('answers 503 SERVICE_UNAVAILABLE with a Chinese message, never 500', async () => {
    const deadPort = await freePort();
    const { app } = await testApp({ DYNAMODB_ENDPOINT: `http://127.0.0.1:${deadPort}` });
    const res = await request(app).post('/api/auth/dev-login').send({ userId: 'res-zhang' });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(res.headers['retry-after']).toBe('2');
  });
});
