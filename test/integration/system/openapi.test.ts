import request from 'supertest';
import { testApp } from '../../support/test-app';

describe('GET /api/openapi.json', () => {
  it('describes every route from the same schemas that validate requests', async () => {
    const { app } = await testApp();
    const res = await request(app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe('3.0.3');
    for (const [path, method] of [
      ['/api/health', 'get'],
      ['/api/openapi.json', 'get'],
      ['/api/auth/wechat', 'post'],
      ['/api/auth/dev-login', 'post'],
      ['/api/me', 'get'],
      ['/api/points/me', 'get'],
    ]) {
      expect(doc.paths[path]?.[method]).toBeDefined();
    }
    const devLogin = doc.paths['/api/auth/dev-login'].post.requestBody.content['application/json'].schema;
    expect(devLogin.properties.userId.enum).toContain('res-zhang');
    expect(devLogin.additionalProperties).toBe(false);
    expect(doc.paths['/api/points/me'].get['x-roles']).toEqual(['resident']);
    expect(doc.paths['/api/points/me'].get.responses['200'].content['application/json'].schema.properties.points).toBeDefined();
  });
});
