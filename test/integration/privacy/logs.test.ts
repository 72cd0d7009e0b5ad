import request from 'supertest';
import { randomIdNumber } from '../../support/people';

describe('privacy of the logs', () => {
  it('logs request lines with ids and codes, but no ID number, name, token or body', async () => {
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'DEBUG';
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      let app!: import('express').Express;
      let t!: Awaited<ReturnType<typeof import('../../support/test-app').testApp>>;
      await jest.isolateModulesAsync(async () => {
        const { testApp } = await import('../../support/test-app');
        t = await testApp({ LOG_LEVEL: 'DEBUG' });
        app = t.app;
      });
      const { newResident, verifyResident } = await import('../../support/people');
      const r = await newResident(t);
      const idNumber = randomIdNumber();
      await verifyResident(app, r.token, idNumber, '司马相如');
      const dept = (await request(app).post('/api/auth/dev-login').send({ userId: 'dept-market' })).body.token;
      await request(app).post('/api/credit-records').set('authorization', `Bearer ${dept}`).send({
        records: [{ sourceId: `LOG-${r.userId}`, subjectType: 'person', subjectId: idNumber, ruleId: 'P-LAW-02', occurredAt: new Date().toISOString() }],
      });
      await verifyResident(app, r.token, idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1'));
      const log = written.join('');
      expect(log).toContain('"message":"request"');
      expect(log).toContain('/api/me/real-name');
      expect(log).not.toContain(idNumber);
      expect(log).not.toContain(idNumber.slice(0, 17));
      expect(log).not.toContain('司马相如');
      expect(log).not.toContain(r.token);
      expect(log).not.toContain(dept);
    } finally {
      spy.mockRestore();
      process.env.LOG_LEVEL = level;
    }
  });
});
