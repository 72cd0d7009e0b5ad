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
