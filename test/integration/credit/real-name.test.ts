import request from 'supertest';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { connectDatabase } from '../../../functions/shared/db/dynamo';
import { newResident, randomIdNumber, verifyResident } from '../../support/people';
import { testApp, type TestApp } from '../../support/test-app';

describe('POST /api/me/real-name', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });

  it('verifies, stores only a hash and a mask, and starts the points at 100', async () => {
    const r = await newResident(t);
    const idNumber = randomIdNumber();
    const res = await verifyResident(t.app, r.token, idNumber, '欧阳娜娜');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ realNameVerified: true, maskedIdNumber: `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`, name: '欧阳娜娜' });
    const me = await request(t.app).get('/api/me').set('authorization', `Bearer ${r.token}`);
    expect(me.body.user).toMatchObject({ name: '欧阳娜娜', realNameVerified: true });
    const points = await request(t.app).get('/api/points/me').set('authorization', `Bearer ${r.token}`);
    expect(points.body).toMatchObject({ points: 100, tier: { label: '良好' } });
    const db = connectDatabase(t.config);
    const dump = JSON.stringify((await db.client.send(new ScanCommand({ TableName: db.tableName }))).Items);
    expect(dump).not.toContain(idNumber);
  });

  it.each([
    ['a wrong check character', { idNumber: '410104198805123011' }, 400, 'INVALID_ID_NUMBER'],
    ['no consent', { consent: false }, 400, 'VALIDATION_FAILED'],
    ['an old consent version', { consentVersion: '2020-01' }, 409, 'CONSENT_OUTDATED'],
    ['a name in Latin letters', { name: 'Zhang Wei' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s', async (_label, over, status, code) => {
    const r = await newResident(t);
    const res = await request(t.app)
      .post('/api/me/real-name')
      .set('authorization', `Bearer ${r.token}`)
      .send({ name: '刘洋', idNumber: randomIdNumber(), consent: true, consentVersion: '2026-01', ...over });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it('lets one ID number verify one account only, even when two race', async () => {
    const idNumber = randomIdNumber();
    const [a, b] = await Promise.all([newResident(t), newResident(t)]);
    const results = await Promise.all([verifyResident(t.app, a.token, idNumber), verifyResident(t.app, b.token, idNumber)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('ID_NUMBER_TAKEN');
  });

  it('refuses a second verification of the same account', async () => {
    const r = await newResident(t);
    expect((await verifyResident(t.app, r.token, randomIdNumber())).status).toBe(200);
    const again = await verifyResident(t.app, r.token, randomIdNumber());
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ALREADY_VERIFIED');
  });
});
