/**
 * What confirming every signed-in request against the stored account costs (sign-out and staff
 * removal take effect at once): for the hot signed-in requests, the DynamoDB calls and sequential
 * waves of one request, and throughput / p99 at 1 and 32 connections, with the confirmation and
 * with it turned off (a second server on the same database, `createApp(deps, { confirmSession })`).
 * Run alone with `npx tsx bench/session.bench.ts` (prints the table; BENCH_SECONDS per step), or as
 * part of `npm run bench`.
 */
import './support/env';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../functions/shared/auth/roles';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../functions/app';
import { connectDatabase } from '../functions/shared/db/dynamo';
import { idCheckChar } from '../functions/shared/domain/identifiers';
import { runLoad } from './support/load';
import { recordOperations, waves } from './support/record-ops';
import { startBenchStack, type BenchStack } from './support/stack';

interface Spec {
  label: string;
  path: string;
  method?: 'GET' | 'POST';
  headers: () => Record<string, string>;
  body?: () => string;
  expectStatus?: number;
}

export interface SessionRow {
  label: string;
  calls: [number, number];
  waves: [number, number];
  load: Array<{ connections: number; on: { rps: number; p99: number; errors: number }; off: { rps: number; p99: number; errors: number } }>;
}

async function listen(app: ReturnType<typeof createApp>): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

export async function benchSession(stack: BenchStack, durationMs: number): Promise<SessionRow[]> {
  const { deps, config } = stack;
  // "off": no confirmation read. Handlers still need what the confirmation carries (the account's
  // real-name state, name, organisation), so the off app takes it from accounts read once here.
  const accounts = new Map<string, Principal['account']>();
  const off = await listen(createApp(deps, { confirmSession: async (token) => ({ ...token, account: accounts.get(token.userId) ?? {} }) }));
  const remember = async (userId: string) => {
    const u = await deps.identities.getUser(userId);
    if (u) accounts.set(userId, { ...(u.orgId ? { orgId: u.orgId } : {}), name: u.name, ...(u.realNameVerifiedAt ? { realNameVerifiedAt: u.realNameVerifiedAt } : {}), ...(u.subjectKey ? { subjectKey: u.subjectKey } : {}) });
  };
  const now = Math.floor(Date.now() / 1000);
  const zhang = (await deps.tokens.issue({ userId: 'res-zhang', roles: ['resident'] }, now)).token;
  const huaxin = (await deps.tokens.issue({ userId: 'ent-huaxin', roles: ['enterprise'], orgId: 'org-huaxin' }, now)).token;
  await Promise.all([remember('res-zhang'), remember('ent-huaxin')]);
  const { verifyRealName, SENSITIVE_PI_CONSENT } = await import('../functions/identity/verify-real-name');
  const residents: string[] = [];
  for (let i = 0; i < 150; i++) {
    const userId = `u-bench-session-${randomUUID()}`;
    await deps.identities.putUserIfAbsent({ id: userId, name: '测试', roles: ['resident'], createdAt: new Date().toISOString() });
    const body = `4101041987${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i).padStart(3, '0')}`;
    await verifyRealName({ ...deps, idHashPepper: config.idHashPepper }, userId, { name: '测试', idNumber: body + idCheckChar(body), consentVersion: SENSITIVE_PI_CONSENT.version });
    residents.push((await deps.tokens.issue({ userId, roles: ['resident'] }, now)).token);
    await remember(userId);
  }
  let next = 0;
  const specs: Spec[] = [
    { label: 'GET /api/points/me', path: '/api/points/me', headers: () => ({ authorization: `Bearer ${zhang}` }) },
    { label: 'GET /api/incentives (resident)', path: '/api/incentives', headers: () => ({ authorization: `Bearer ${zhang}` }) },
    { label: 'GET /api/loan-products (business)', path: '/api/loan-products', headers: () => ({ authorization: `Bearer ${huaxin}` }) },
    {
      label: 'POST /api/incentives/{id}/passes',
      path: '/api/incentives/powerbank-free/passes',
      method: 'POST',
      headers: () => ({ authorization: `Bearer ${residents[next++ % residents.length]}` }),
      expectStatus: 201,
    },
    {
      label: 'POST /api/loan-applications',
      path: '/api/loan-applications',
      method: 'POST',
      headers: () => ({ authorization: `Bearer ${huaxin}`, 'idempotency-key': `bench-${randomUUID()}` }),
      body: () => JSON.stringify({ productId: 'zy-chengxin-dai', amount: 200_000, termMonths: 12, purpose: '补充流动资金（压测）' }),
      expectStatus: 201,
    },
  ];
  const client = connectDatabase(config).client;
  const record = async (base: string, s: Spec) =>
    recordOperations(client, async () => {
      const payload = s.body?.();
      const res = await fetch(base + s.path, { method: s.method ?? 'GET', headers: { ...s.headers(), ...(payload ? { 'content-type': 'application/json' } : {}) }, body: payload });
      const text = await res.text();
      if (res.status !== (s.expectStatus ?? 200)) throw new Error(`${s.label}: expected ${s.expectStatus ?? 200}, got ${res.status} ${text.slice(0, 300)}`);
    });
  const rows: SessionRow[] = [];
  try {
    for (const s of specs) {
      const on = await record(stack.baseUrl, s);
      const without = await record(off.url, s);
      const row: SessionRow = { label: s.label, calls: [on.length, without.length], waves: [waves(on).length, waves(without).length], load: [] };
      for (const connections of [1, 32]) {
        const load = (base: string) => runLoad({ url: base + s.path, method: s.method, dynamicHeaders: s.headers, body: s.body, connections, durationMs, expectStatus: s.expectStatus });
        const a = await load(stack.baseUrl);
        const b = await load(off.url);
        row.load.push({ connections, on: { rps: a.rps, p99: a.p99, errors: a.errors }, off: { rps: b.rps, p99: b.p99, errors: b.errors } });
      }
      rows.push(row);
      console.log(s.label, 'calls', row.calls.join(' vs '), 'waves', row.waves.join(' vs '), row.load.map((l) => `${l.connections}c ${Math.round(l.on.rps)}/${Math.round(l.off.rps)} req/s p99 ${l.on.p99.toFixed(1)}/${l.off.p99.toFixed(1)} ms`).join('; '));
    }
  } finally {
    await off.close();
  }
  return rows;
}

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

export function sessionSection(rows: SessionRow[], run: string): string[] {
  const out = [
    '## Session confirmation (sign-out and staff removal at once)',
    '',
    'Every signed-in request is confirmed against the stored account by one consistent BatchGetItem that runs beside the',
    'handler\'s own first reads; writes wait for it (functions/shared/http/session-barrier.ts). "on" is the product, "off" the',
    'same app and database with the confirmation turned off. Calls and waves are counted from one recorded request.',
    '',
    '| request | calls on / off | sequential waves on / off | connections | req/s on / off | p99 ms on / off | errors | run |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    for (const l of r.load) {
      out.push(`| ${r.label} | ${r.calls[0]} / ${r.calls[1]} | ${r.waves[0]} / ${r.waves[1]} | ${l.connections} | ${fmt(l.on.rps)} / ${fmt(l.off.rps)} | ${fmt(l.on.p99, 1)} / ${fmt(l.off.p99, 1)} | ${l.on.errors + l.off.errors} | ${run} |`);
    }
  }
  out.push('');
  return out;
}

if (require.main === module) {
  (async () => {
    const stack = await startBenchStack();
    try {
      const rows = await benchSession(stack, Number(process.env.BENCH_SECONDS ?? 5) * 1000);
      console.log(sessionSection(rows, `${new Date().toISOString().slice(0, 10)}`).join('\n'));
    } finally {
      await stack.stop();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
