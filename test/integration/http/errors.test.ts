import request from 'supertest';
import { testApp, type TestApp } from '../../support/test-app';

describe('error handling at the HTTP edge', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });

  const expectError = (res: request.Response, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
  };

  it.each([
    ['a truncated object', '{"userId": "res-zhang"'],
    ['plain text', 'hello'],
    ['a bare string', '"res-zhang"'],
    ['an empty body', ''],
  ])('answers %s with 400 VALIDATION_FAILED, never 500', async (_label, raw) => {
    const res = await request(t.app).post('/api/auth/dev-login').set('content-type', 'application/json').send(raw);
    expectError(res, 400, 'VALIDATION_FAILED');
  });

  it('names the unknown field it refuses', async () => {
    const res = await request(t.app).post('/api/auth/dev-login').send({ userId: 'res-zhang', role: 'admin' });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(res.body.error.details)).toContain('role');
  });

  it('names the field with the wrong type', async () => {
    const res = await request(t.app).post('/api/auth/dev-login').send({ userId: 42 });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'userId' })]);
  });

  it.each(['utf-16le', 'latin1', 'gbk', 'utf-32'])('refuses a body declared as %s with 415 UNSUPPORTED_MEDIA_TYPE (UTF-8 JSON only)', async (charset) => {
    const res = await request(t.app).post('/api/auth/dev-login').set('content-type', `application/json; charset=${charset}`).send('{"userId":"res-zhang"}');
    expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it.each(['application/json; charset=UTF-8', 'application/json;charset="utf-8"', 'application/json', 'text/plain'])('reads a UTF-8 body sent as %s, byte-order mark included', async (type) => {
    const res = await request(t.app).post('/api/auth/dev-login').set('content-type', type).send('\ufeff{"userId":"res-zhang"}');
    expect(res.status).toBe(200);
  });

  it('refuses a body over 64 KB with 413', async () => {
    const res = await request(t.app)
      .post('/api/auth/dev-login')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ userId: 'x'.repeat(70 * 1024) }));
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers deeply nested JSON and very long strings with 400, never 500', async () => {
    const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const deepRes = await request(t.app).post('/api/auth/dev-login').set('content-type', 'application/json').send(`{"userId":${deep}}`);
    expectError(deepRes, 400, 'VALIDATION_FAILED');
    const long = await request(t.app).post('/api/auth/wechat').send({ code: 'a'.repeat(60_000) });
    expectError(long, 400, 'VALIDATION_FAILED');
    const zeroWidth = await request(t.app).post('/api/auth/dev-login').send({ userId: 'res-\u200bzhang' });
    expectError(zeroWidth, 400, 'VALIDATION_FAILED');
  });

  it('answers an unknown path with 404 NOT_FOUND in the error shape', async () => {
    expectError(await request(t.app).get('/api/nothing-here'), 404, 'NOT_FOUND');
    expectError(await request(t.app).delete('/api/health'), 404, 'NOT_FOUND');
  });

  it('never takes the caller’s x-request-id as the request id: a fresh one, in the header and the error body', async () => {
    for (const offered of ['client-abc-12345', 'bad id <script>']) {
      const res = await request(t.app).get('/api/health').set('x-request-id', offered);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
    const refused = await request(t.app).get('/api/nothing-here').set('x-request-id', 'client-abc-12345');
    expect(refused.body.error.requestId).toBe(refused.headers['x-request-id']);
    expect(refused.body.error.requestId).not.toBe('client-abc-12345');
  });

  it('turns an unexpected fault into a generic 500 without internals', async () => {
    const broken = await testApp({}, {
      identities: Object.assign(Object.create(t.deps.identities), {
        getUser: async () => {
          throw new Error('SELECT * FROM secret_table at line 42');
        },
      }),
    });
    const login = await request(broken.app).post('/api/auth/dev-login').send({ userId: 'res-zhang' });
    expectError(login, 500, 'INTERNAL');
    expect(JSON.stringify(login.body)).not.toMatch(/secret_table|stack|at line/);
  });
});
