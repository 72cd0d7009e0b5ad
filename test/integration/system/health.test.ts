import request from 'supertest';
import { testApp } from '../../support/test-app';

describe('GET /api/health', () => {
  it('reports ok after a real read of the database', async () => {
    const { app } = await testApp();
    const res = await request(app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok', version: expect.any(String) });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
