import request from 'supertest';
import { fixedClock } from '../../../functions/shared/domain/clock';
import { keys } from '../../../functions/shared/db/keys';
import { getPlainItem } from '../../../functions/shared/db/models';
import { daysAgo, newResident, randomIdNumber, randomUscc, staffMember, verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('organisations, invitations and staff', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await testApp();
    admin = await loginAs(t.app, 'admin');
  });

  const createOrg = (body: object, token = admin) => request(t.app).post('/api/orgs').set(auth(token)).send(body);
  const invite = (orgId: string, body: object, token = admin) => request(t.app).post(`/api/orgs/${orgId}/invitations`).set(auth(token)).send(body);
  const accept = (code: string, token: string) => request(t.app).post('/api/invitations/accept').set(auth(token)).send({ code });
  const me = (token: string) => request(t.app).get('/api/me').set(auth(token));

  describe('organisations', () => {
    it('lets the credit centre create a merchant with a valid, unique USCC', async () => {
      const uscc = randomUscc();
      const res = await createOrg({ type: 'merchant', name: '管城区测试书店', uscc });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: expect.stringMatching(/^org-/), type: 'merchant', name: '管城区测试书店', uscc, status: 'active' });
      const again = await createOrg({ type: 'bank', name: '另一家机构', uscc });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('USCC_TAKEN');
    });

    it('refuses a USCC with a wrong check character with 400 INVALID_USCC', async () => {
      const good = randomUscc();
      const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
      const res = await createOrg({ type: 'merchant', name: '校验位错误的机构', uscc: bad });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_USCC');
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    });

    it('creates exactly one organisation when ten requests race for one USCC', async () => {
      const uscc = randomUscc();
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => createOrg({ type: 'merchant', name: `并发商户${i}`, uscc })));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'USCC_TAKEN')).toBe(true);
      expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    });

    it('refuses every role but the credit centre', async () => {
      for (const who of ['res-zhang', 'mer-museum', 'bank-zy', 'dept-market', 'ent-huaxin']) {
        const res = await createOrg({ type: 'merchant', name: '越权创建', uscc: randomUscc() }, await loginAs(t.app, who));
        expect({ who, status: res.status }).toEqual({ who, status: 403 });
      }
    });

    it('lists by type one page at a time and refuses a cursor that does not decode', async () => {
      const first = await request(t.app).get('/api/orgs?type=department&limit=3').set(auth(admin));
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(3);
      expect(first.body.items.every((o: { type: string }) => o.type === 'department')).toBe(true);
      const second = await request(t.app).get(`/api/orgs?type=department&limit=3&cursor=${first.body.nextCursor}`).set(auth(admin));
      expect(second.body.items.map((o: { id: string }) => o.id)).not.toContain(first.body.items[0].id);
      const bad = await request(t.app).get('/api/orgs?cursor=bm90LWpzb24').set(auth(admin));
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('edits over the version read and answers a stale edit with 409 EDIT_CONFLICT', async () => {
      const { id, updatedAt } = (await createOrg({ type: 'department', name: '测试局', uscc: randomUscc() })).body;
      const edited = await request(t.app).patch(`/api/orgs/${id}`).set(auth(admin)).send({ name: '测试管理局', expectedUpdatedAt: updatedAt });
      expect(edited.status).toBe(200);
      expect(edited.body.name).toBe('测试管理局');
      const stale = await request(t.app).patch(`/api/orgs/${id}`).set(auth(admin)).send({ name: '又一个名字', expectedUpdatedAt: updatedAt });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('EDIT_CONFLICT');
      const unknownRule = await request(t.app).patch(`/api/orgs/${id}`).set(auth(admin)).send({ feeds: { rules: ['X-NOT-99'] } });
      expect(unknownRule.status).toBe(400);
    });
  });

  describe('invitations', () => {
    it('issues a one-time code that makes the person staff with the role and keeps them a resident', async () => {
      const created = await invite('org-library', { role: 'merchant', name: '钱多多' });
      expect(created.status).toBe(201);
      expect(created.body.code).toMatch(/^[0-9A-Z]{1,16}$/);
      expect(new Date(created.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);
      const person = await newResident(t);
      const accepted = await accept(created.body.code.toLowerCase(), person.token);
      expect(accepted.status).toBe(200);
      expect(accepted.body.user).toMatchObject({ roles: expect.arrayContaining(['resident', 'merchant']), orgId: 'org-library' });
      const profile = await me(accepted.body.token);
      expect(profile.body.user).toMatchObject({ org: { id: 'org-library', status: 'active' }, manager: false });
      const reused = await accept(created.body.code, (await newResident(t)).token);
      expect(reused.status).toBe(409);
      expect(reused.body.error.code).toBe('INVITATION_USED');
      const staff = await request(t.app).get('/api/orgs/org-library/staff?limit=100').set(auth(admin));
      expect(staff.body.items).toContainEqual(expect.objectContaining({ userId: person.userId, name: '钱多多', role: 'merchant', manager: false }));
    });

    it('answers an unknown code 404 INVITATION_NOT_FOUND and an expired one 410 INVITATION_EXPIRED', async () => {
      const person = await newResident(t);
      const unknown = await accept('ZZZZZZZZZZZZ', person.token);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.code).toBe('INVITATION_NOT_FOUND');
      const { code } = (await invite('org-library', { role: 'merchant', name: '过期的邀请' })).body;
      const later = await testApp({}, { clock: fixedClock(new Date(Date.now() + 73 * 3_600_000).toISOString()) });
      const lateToken = (await later.deps.tokens.issue({ userId: person.userId, roles: ['resident'] }, Math.floor(Date.now() / 1000) + 73 * 3600)).token;
      const expired = await request(later.app).post('/api/invitations/accept').set(auth(lateToken)).send({ code });
      expect(expired.status).toBe(410);
      expect(expired.body.error.code).toBe('INVITATION_EXPIRED');
    });

    it('refuses a role that does not fit the organisation type', async () => {
      const res = await invite('org-library', { role: 'bank', name: '错配角色' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    });

    it('lets exactly one of ten people racing for one code join', async () => {
      const { code } = (await invite('org-library', { role: 'merchant', name: '抢码测试' })).body;
      const people = await Promise.all(Array.from({ length: 10 }, () => newResident(t)));
      const results = await Promise.all(people.map((p) => accept(code, p.token)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(9).fill('INVITATION_USED'));
      const winner = people[results.findIndex((r) => r.status === 200)];
      const staff = (await request(t.app).get('/api/orgs/org-library/staff?limit=100').set(auth(admin))).body.items as Array<{ userId: string }>;
      expect(staff.filter((s) => people.some((p) => p.userId === s.userId)).map((s) => s.userId)).toEqual([winner.userId]);
    });

    it('answers a double tap of the winner with the same membership, not an error', async () => {
      const { code } = (await invite('org-library', { role: 'merchant', name: '双击测试' })).body;
      const person = await newResident(t);
      const [a, b] = await Promise.all([accept(code, person.token), accept(code, person.token)]);
      expect([a.status, b.status].sort()).toEqual([200, 200]);
    });

    it('lets a manager invite for their own organisation only, and revoke an open invitation', async () => {
      const manager = await loginAs(t.app, 'mer-museum');
      const own = await invite('org-museum', { role: 'merchant', name: '新讲解员' }, manager);
      expect(own.status).toBe(201);
      expect((await invite('org-library', { role: 'merchant', name: '越权' }, manager)).status).toBe(404);
      const member = await staffMember(t, 'org-museum', 'merchant');
      expect((await invite('org-museum', { role: 'merchant', name: '非管理员' }, member.token)).status).toBe(404);
      const revoked = await request(t.app).delete(`/api/orgs/org-museum/invitations/${own.body.id}`).set(auth(manager));
      expect(revoked.status).toBe(204);
      const list = await request(t.app).get('/api/orgs/org-museum/invitations?limit=100').set(auth(manager));
      expect(list.body.items.find((i: { id: string }) => i.id === own.body.id)).toMatchObject({ status: 'revoked', name: '新讲解员' });
      expect(JSON.stringify(list.body)).not.toContain(own.body.code);
      const late = await accept(own.body.code, (await newResident(t)).token);
      expect(late.body.error.code).toBe('INVITATION_USED');
    });

    it('never stores the code itself', async () => {
      const { code } = (await invite('org-library', { role: 'merchant', name: '存储检查' })).body;
      const { dumpDatabase } = await import('../../support/privacy-run');
      const dump = await dumpDatabase(t.config.dynamodbEndpoint!);
      expect(dump).not.toContain(code);
    });
  });

  describe('removal and sign-out take effect at once', () => {
    it('takes the merchant role from a removed member on their next call, and their scan writes nothing', async () => {
      const { code } = (await invite('org-museum', { role: 'merchant', name: '临时工' })).body;
      const person = await newResident(t);
      const { token: staffToken } = (await accept(code, person.token)).body;
      const resident = await verifiedResident(t);
      const pass = (await request(t.app).post('/api/incentives/museum-free-entry/passes').set(auth(resident.token))).body.pass as string;
      expect(pass).toBeDefined();

      const manager = await loginAs(t.app, 'mer-museum');
      const removed = await request(t.app).delete(`/api/orgs/org-museum/staff/${person.userId}`).set(auth(manager));
      expect(removed.status).toBe(204);

      const scan = await request(t.app).post('/api/redemptions').set(auth(staffToken)).send({ pass });
      expect(scan.status).toBe(403);
      const stillMine = await me(staffToken);
      expect(stillMine.status).toBe(200);
      expect(stillMine.body.user.roles).toEqual(['resident']);
      expect(stillMine.body.user.org).toBeUndefined();
      // The pass was not used by the refused scan: a member still on staff redeems it.
      const ok = await request(t.app).post('/api/redemptions').set(auth(manager)).send({ pass });
      expect(ok.status).toBe(201);
    });

    it('refuses a manager removing themselves, and an outsider removing anyone', async () => {
      const manager = await loginAs(t.app, 'mer-museum');
      const self = await request(t.app).delete('/api/orgs/org-museum/staff/mer-museum').set(auth(manager));
      expect(self.status).toBe(409);
      expect(self.body.error.code).toBe('CANNOT_REMOVE_SELF');
      const unknown = await request(t.app).delete('/api/orgs/org-museum/staff/u-nobody').set(auth(manager));
      expect(unknown.status).toBe(404);
    });

    it('ends only the signed-out token, on its next call', async () => {
      const person = await newResident(t);
      const other = (await t.deps.tokens.issue({ userId: person.userId, roles: ['resident'] }, Math.floor(Date.now() / 1000))).token;
      expect((await request(t.app).post('/api/auth/sign-out').set(auth(person.token))).status).toBe(204);
      const after = await me(person.token);
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('UNAUTHENTICATED');
      expect((await request(t.app).post('/api/auth/sign-out').set(auth(person.token))).status).toBe(401);
      expect((await me(other)).status).toBe(200);
    });

    it('refuses a signed-out token on another app instance too (nothing kept in memory)', async () => {
      const person = await newResident(t);
      const second = await testApp();
      expect((await me(person.token)).status).toBe(200);
      await request(second.app).post('/api/auth/sign-out').set(auth(person.token));
      expect((await me(person.token)).status).toBe(401);
    });

    it('keeps a signed-out token’s marker on the account, and drops the markers of tokens that have expired since', async () => {
      const person = await newResident(t);
      const now = new Date();
      const seconds = Math.floor(now.getTime() / 1000);
      await t.deps.identities.revokeSession('old-session', person.userId, seconds - 10, now);
      await t.deps.identities.revokeSession('live-session', person.userId, seconds + 3600, now);
      const account = await getPlainItem(t.config.tableName, keys.user(person.userId), true);
      const markers = Object.keys(account ?? {}).filter((k) => k.startsWith('signedOut_'));
      expect(markers).toEqual(['signedOut_live-session']);
      expect(account?.['signedOut_live-session']).toBe(seconds + 3600);
      // An account that is gone: nothing to write, no error.
      await expect(t.deps.identities.revokeSession('s', `u-gone-${Date.now()}`, seconds + 60, now)).resolves.toBeUndefined();
    });

    it('leaves no unhandled rejection behind when a signed-out token calls a rate-limited route', async () => {
      const seen: unknown[] = [];
      const onUnhandled = (e: unknown) => seen.push(e);
      process.on('unhandledRejection', onUnhandled);
      try {
        const resident = await verifiedResident(t);
        await request(t.app).post('/api/auth/sign-out').set(auth(resident.token));
        for (let i = 0; i < 3; i++) {
          expect((await request(t.app).post('/api/incentives/library-deposit-free/passes').set(auth(resident.token))).status).toBe(401);
        }
        await new Promise((r) => setTimeout(r, 100));
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
      expect(seen).toEqual([]);
    });

    it('writes nothing for a signed-out token: a pass request after sign-out creates no pass', async () => {
      const resident = await verifiedResident(t);
      await request(t.app).post('/api/auth/sign-out').set(auth(resident.token));
      const res = await request(t.app).post('/api/incentives/library-deposit-free/passes').set(auth(resident.token));
      expect(res.status).toBe(401);
      const fresh = (await t.deps.tokens.issue({ userId: resident.userId, roles: ['resident'] }, Math.floor(Date.now() / 1000))).token;
      const list = await request(t.app).get('/api/incentives').set(auth(fresh));
      expect(list.body.items.find((i: { id: string }) => i.id === 'library-deposit-free').remainingQuota).toBe(2);
    });
  });

  describe('suspension', () => {
    it('stops a suspended merchant redeeming, and lets it again once resumed', async () => {
      const { id } = (await createOrg({ type: 'merchant', name: '暂停测试商户', uscc: randomUscc() })).body;
      const clerk = await staffMember(t, id, 'merchant');
      const suspended = await request(t.app).post(`/api/orgs/${id}/suspension`).set(auth(admin)).send({ reason: '经营异常，暂停核销' });
      expect(suspended.status).toBe(200);
      expect(suspended.body).toMatchObject({ status: 'suspended', suspendedReason: '经营异常，暂停核销' });
      const resident = await verifiedResident(t);
      const pass = (await request(t.app).post('/api/incentives/museum-free-entry/passes').set(auth(resident.token))).body.pass;
      const scan = await request(t.app).post('/api/redemptions').set(auth(clerk.token)).send({ pass });
      expect(scan.status).toBe(403);
      expect(scan.body.error.code).toBe('ORG_SUSPENDED');
      expect((await me(clerk.token)).body.user.org.status).toBe('suspended');
      expect((await invite(id, { role: 'merchant', name: '暂停期间' })).status).toBe(409);
      const resumed = await request(t.app).delete(`/api/orgs/${id}/suspension`).set(auth(admin));
      expect(resumed.body.status).toBe('active');
      const again = await request(t.app).post('/api/redemptions').set(auth(clerk.token)).send({ pass });
      expect(again.body.error.code).toBe('MERCHANT_NOT_IN_SCENARIO');
    });

    it('takes a suspended bank’s products out of the marketplace and brings them back', async () => {
      const ids = async () => ((await request(t.app).get('/api/loan-products')).body.items as Array<{ bankId: string }>).map((p) => p.bankId);
      expect(await ids()).toContain('org-bank-zzb');
      await request(t.app).post('/api/orgs/org-bank-zzb/suspension').set(auth(admin)).send({ reason: '暂停测试' });
      try {
        expect(await ids()).not.toContain('org-bank-zzb');
      } finally {
        await request(t.app).delete('/api/orgs/org-bank-zzb/suspension').set(auth(admin));
      }
      expect(await ids()).toContain('org-bank-zzb');
    });

    it('cannot suspend the credit centre', async () => {
      const res = await request(t.app).post('/api/orgs/org-centre/suspension').set(auth(admin)).send({ reason: '不应成功' });
      expect(res.status).toBe(409);
    });
  });

  describe('departments feed what they are entitled to', () => {
    it('accepts rules the centre entitled a new department to, rejects others, and lists its records with their states', async () => {
      const { id } = (await createOrg({ type: 'department', name: '管城区红十字会', uscc: randomUscc(), feeds: { rules: ['P-VIR-01'], registries: [] } })).body;
      const clerk = await staffMember(t, id, 'department');
      const verified = await verifiedResident(t);
      const stranger = randomIdNumber();
      const res = await request(t.app).post('/api/credit-records').set(auth(clerk.token)).send({
        records: [
          { sourceId: `RC-${id}-1`, subjectType: 'person', subjectId: verified.idNumber, ruleId: 'P-VIR-01', occurredAt: daysAgo(3) },
          { sourceId: `RC-${id}-2`, subjectType: 'person', subjectId: stranger, ruleId: 'P-VIR-01', occurredAt: daysAgo(2) },
          { sourceId: `RC-${id}-3`, subjectType: 'person', subjectId: stranger, ruleId: 'P-LAW-03', occurredAt: daysAgo(1) },
        ],
      });
      expect(res.body).toMatchObject({ accepted: 2, duplicates: 0, rejected: [{ index: 2, code: 'RULE_NOT_YOURS' }] });
      const list = await request(t.app).get('/api/credit-records?limit=10').set(auth(clerk.token));
      expect(list.status).toBe(200);
      // One batch shares one receivedAt: compare in sourceId order.
      const rows = [...list.body.items].sort((a: { sourceId: string }, b: { sourceId: string }) => a.sourceId.localeCompare(b.sourceId));
      expect(rows.map((i: { sourceId: string; state: string }) => [i.sourceId, i.state])).toEqual([
        [`RC-${id}-1`, 'attached'],
        [`RC-${id}-2`, 'waiting'],
      ]);
      expect(rows[1]).toMatchObject({ title: expect.stringContaining('献血'), subjectMasked: expect.stringMatching(/^\d{4}\*{10}[\dX]{4}$/) });
      expect(JSON.stringify(list.body)).not.toContain(stranger);
      const others = await request(t.app).get('/api/credit-records?limit=100').set(auth(await loginAs(t.app, 'dept-market')));
      expect(JSON.stringify(others.body)).not.toContain(`RC-${id}`);

      await request(t.app).post(`/api/orgs/${id}/suspension`).set(auth(admin)).send({ reason: '暂停报送测试' });
      const blocked = await request(t.app).post('/api/credit-records').set(auth(clerk.token)).send({
        records: [{ sourceId: `RC-${id}-4`, subjectType: 'person', subjectId: stranger, ruleId: 'P-VIR-01', occurredAt: daysAgo(1) }],
      });
      expect(blocked.status).toBe(403);
      expect(blocked.body.error.code).toBe('ORG_SUSPENDED');
    });
  });
});
