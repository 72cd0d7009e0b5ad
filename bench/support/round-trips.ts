import { randomUUID } from 'node:crypto';
import type { DynamoDB } from '@aws-sdk/client-dynamodb';
import type { AppDeps } from '../../functions/container';
import { issueSession } from '../../functions/identity/issue-session';
import { idCheckChar } from '../../functions/shared/domain/identifiers';
import { describeOps, recordOperations, waves, type RecordedOp } from './record-ops';

/**
 * The hot requests of the product, each as it happens in steady state on a warm instance (its
 * catalogue cache filled by an earlier request of the same kind), with the DynamoDB calls and the
 * sequential waves of calls one request makes, recorded by a middleware on the process's client.
 * Used by `npm run bench` (bench/RESULTS.md, bench/COST.md) and by the integration test that keeps
 * the counts from growing back (test/integration/system/round-trips.test.ts).
 */
export interface HotRequest {
  key: string;
  label: string;
  /** Target for sequential waves, when the issue sets one. */
  maxWaves?: number;
  target?: string;
  /** Whatever this request needs beforehand (not recorded), then the request itself. */
  prepare(): Promise<() => Promise<{ status: number; expected: number }>>;
}

export interface RoundTrip {
  key: string;
  label: string;
  calls: number;
  waves: number;
  ops: string;
  maxWaves?: number;
  target?: string;
  recorded: RecordedOp[];
}

type Send = (method: string, path: string, token: string | null, body?: unknown, headers?: Record<string, string>) => Promise<number>;

let idSeq = 0;

/** A fresh resident with a verified real name, signed in as after a login (the token carries what a login gives). */
async function verifiedResident(deps: AppDeps, idHashPepper: string): Promise<{ userId: string; token: string; idNumber: string }> {
  const { verifyRealName, SENSITIVE_PI_CONSENT } = await import('../../functions/identity/verify-real-name');
  const userId = `u-rt-${randomUUID()}`;
  await deps.identities.putUserIfAbsent({ id: userId, name: '测试', roles: ['resident'], createdAt: new Date().toISOString() });
  const n = idSeq++ + Math.floor(Math.random() * 1e6);
  const body = `4101031988${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n % 1000).padStart(3, '0')}`;
  const idNumber = body + idCheckChar(body);
  await verifyRealName({ ...deps, idHashPepper }, userId, { name: '测试', idNumber, consentVersion: SENSITIVE_PI_CONSENT.version });
  const user = (await deps.identities.getUser(userId))!;
  return { userId, token: (await issueSession(deps.tokens, deps.clock, user)).token, idNumber };
}

/** The hot requests against a running app at `base`, on the seeded demo data. */
export async function hotRequests(base: string, deps: AppDeps, idHashPepper: string): Promise<HotRequest[]> {
  const send: Send = async (method, path, token, body, headers = {}) => {
    const res = await fetch(base + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
    await res.arrayBuffer();
    return res.status;
  };
  const login = async (userId: string) => {
    const res = await fetch(`${base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
    return ((await res.json()) as { token: string }).token;
  };
  const [zhang, museum, huaxin, dept] = await Promise.all([login('res-zhang'), login('mer-museum'), login('ent-huaxin'), login('dept-market')]);
  const issuePass = async (token: string, incentive: string) => {
    const res = await fetch(`${base}/api/incentives/${incentive}/passes`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    return ((await res.json()) as { pass: string }).pass;
  };
  const expect = (expected: number) => async (status: Promise<number>) => ({ status: await status, expected });
  const ready = (fn: () => Promise<number>, expected: number) => async () => () => expect(expected)(fn());
  const idBody = '41010219800101001';
  const ingest = () =>
    send('POST', '/api/credit-records', dept, {
      records: [{ sourceId: `RT-${randomUUID()}`, subjectType: 'person', subjectId: idBody + idCheckChar(idBody), ruleId: 'P-LAW-02', occurredAt: new Date(Date.now() - 86400_000).toISOString(), severity: 'light' }],
    });
  return [
    { key: 'points', label: 'GET /api/points/me', maxWaves: 1, target: '1 wave', prepare: ready(() => send('GET', '/api/points/me', zhang), 200) },
    { key: 'incentives', label: 'GET /api/incentives (resident)', maxWaves: 2, target: '≤ 2 waves', prepare: ready(() => send('GET', '/api/incentives', zhang), 200) },
    {
      key: 'pass',
      label: 'POST /api/incentives/{id}/passes',
      maxWaves: 3,
      target: '≤ 3 waves',
      prepare: async () => {
        const { token } = await verifiedResident(deps, idHashPepper);
        return () => expect(201)(send('POST', '/api/incentives/museum-free-entry/passes', token));
      },
    },
    {
      key: 'redemption',
      label: 'POST /api/redemptions',
      maxWaves: 3,
      target: '≤ 3 waves',
      // A pass of a fresh resident each time (one use a day each); issuing it is not recorded.
      prepare: async () => {
        const pass = await issuePass((await verifiedResident(deps, idHashPepper)).token, 'museum-free-entry');
        return () => expect(201)(send('POST', '/api/redemptions', museum, { pass }));
      },
    },
    { key: 'marketplace', label: 'GET /api/loan-products (business)', maxWaves: 2, target: '≤ 2 waves', prepare: ready(() => send('GET', '/api/loan-products', huaxin), 200) },
    { key: 'eligibility', label: 'GET /api/loan-products/{id}/eligibility', prepare: ready(() => send('GET', '/api/loan-products/zy-chengxin-dai/eligibility', huaxin), 200) },
    {
      key: 'application',
      label: 'POST /api/loan-applications',
      prepare: ready(() => send('POST', '/api/loan-applications', huaxin, { productId: 'zy-chengxin-dai', amount: 200_000, termMonths: 12, purpose: '补充流动资金（往返次数测量）' }, { 'idempotency-key': `rt-${randomUUID()}` }), 201),
    },
    { key: 'ingestion', label: 'POST /api/credit-records (one record)', prepare: ready(ingest, 200) },
  ];
}

/**
 * Each hot request once to warm the instance (its catalogue cache), then recorded (the leaner of two runs), and
 * its calls, waves and operations. `capacity` also records each call's consumed capacity.
 */
export async function measureRoundTrips(client: DynamoDB, requests: HotRequest[], options: { capacity?: boolean } = {}): Promise<RoundTrip[]> {
  const rows: RoundTrip[] = [];
  for (const r of requests) {
    const warm = await (await r.prepare())();
    if (warm.status !== warm.expected) throw new Error(`${r.label}: expected ${warm.expected}, got ${warm.status} (warm-up)`);
    // Recorded twice, the leaner run kept: an edit of a catalogue by someone else in between (another
    // test file, a console user) makes one request reload it, which is not the steady state.
    let recorded: RecordedOp[] | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      const go = await r.prepare();
      let result = { status: 0, expected: 0 };
      const ops = await recordOperations(
        client,
        async () => {
          result = await go();
        },
        options,
      );
      if (result.status !== result.expected) throw new Error(`${r.label}: expected ${result.expected}, got ${result.status}`);
      if (!recorded || ops.length < recorded.length || (ops.length === recorded.length && waves(ops).length < waves(recorded).length)) recorded = ops;
    }
    if (!recorded) throw new Error('nothing recorded');
    rows.push({ key: r.key, label: r.label, calls: recorded.length, waves: waves(recorded).length, ops: describeOps(recorded), ...(r.maxWaves ? { maxWaves: r.maxWaves, target: r.target } : {}), recorded });
  }
  return rows;
}
