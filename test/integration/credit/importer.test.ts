import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { importFile } from '../../../functions/credit/import/import-file';
import { ingestCreditRecords } from '../../../functions/credit/ingest-credit-records';
import { daysAgo, verifiedResident } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

const run = promisify(execFile);

describe('bulk importer', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await testApp();
    dir = mkdtempSync(path.join(os.tmpdir(), 'cxgc-import-'));
  });
  const submit = (records: unknown[]) => ingestCreditRecords({ ...t.deps, idHashPepper: t.config.idHashPepper }, 'org-dept-market', records);

  it('imports a CSV, writes rejects with line numbers, and resumes after an interruption without doubling', async () => {
    const r = await verifiedResident(t);
    const prefix = `IMP-${Date.now()}`;
    const lines = ['sourceId,subjectType,subjectId,ruleId,occurredAt,severity,note'];
    for (let i = 0; i < 30; i++) lines.push(`${prefix}-${i},person,${r.idNumber},P-LAW-02,${daysAgo(3)},light,"备注, 第${i}条"`);
    lines.push(`${prefix}-bad,person,410104198805123011,P-LAW-02,${daysAgo(3)},light,`);
    lines.push(`${prefix}-broken,"unclosed`);
    const file = path.join(dir, 'records.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    let calls = 0;
    const failing = async (records: unknown[]) => {
      if (++calls === 3) throw new Error('connection lost');
      return submit(records);
    };
    await expect(importFile({ file, submit: failing, batchSize: 10 })).rejects.toThrow('connection lost');
    const checkpoint = JSON.parse(readFileSync(`${file}.checkpoint.json`, 'utf8'));
    expect(checkpoint.accepted).toBe(20);

    const summary = await importFile({ file, submit, batchSize: 10 });
    expect(summary.resumedFrom).toBe(checkpoint.lines);
    expect(summary.accepted).toBe(30);
    expect(summary.rejected).toBe(2);
    const rejects = readFileSync(`${file}.rejects.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejects.map((x) => x.code).sort()).toEqual(['INVALID_ID_NUMBER', 'UNPARSABLE_LINE']);
    expect(rejects.find((x) => x.code === 'INVALID_ID_NUMBER').line).toBe(32);
    // Even a mistyped ID number is someone's: the rejects file holds it masked, with line and reason.
    expect(rejects.find((x) => x.code === 'INVALID_ID_NUMBER').record).toMatchObject({ sourceId: `${prefix}-bad`, subjectId: '4101**********3011' });
    expect(readFileSync(`${file}.rejects.jsonl`, 'utf8')).not.toMatch(/\d{15}/);

    // A fresh re-run of the whole file (no checkpoint) doubles nothing.
    const again = await importFile({ file, submit, batchSize: 10, fresh: true });
    expect(again.accepted).toBe(0);
    expect(again.duplicates).toBe(30);
    const events = await request(t.app).get('/api/points/me/events?limit=100').set('authorization', `Bearer ${r.token}`);
    expect(events.body.items).toHaveLength(30);
  });

  it('runs as `npm run import` against an API with a department token (JSON Lines)', async () => {
    const r = await verifiedResident(t);
    const file = path.join(dir, 'records.jsonl');
    const recs = Array.from({ length: 5 }, (_, i) => ({ sourceId: `CLI-${r.userId}-${i}`, subjectType: 'person', subjectId: r.idNumber, ruleId: 'P-LAW-02', occurredAt: daysAgo(2) }));
    // Rejected, each with the resident's real ID number in it: an unknown rule, a date in the future.
    const refused = [
      { sourceId: `CLI-${r.userId}-rule`, subjectType: 'person', subjectId: r.idNumber, ruleId: 'P-NOPE-99', occurredAt: daysAgo(2), note: `身份证 ${r.idNumber}` },
      { sourceId: `CLI-${r.userId}-date`, subjectType: 'person', subjectId: r.idNumber.slice(0, 17), ruleId: 'P-LAW-02', occurredAt: daysAgo(-30) },
    ];
    writeFileSync(file, `${[...recs, ...refused].map((x) => JSON.stringify(x)).join('\n')}\nnot json\n`);
    const server: Server = await new Promise((resolve) => {
      const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const token = await loginAs(t.app, 'dept-market');
      const { stdout } = await run(path.resolve('node_modules/.bin/tsx'), ['functions/local/import-records.ts', file, '--api', `http://127.0.0.1:${port}`, '--token', token], {
        cwd: path.resolve(__dirname, '../../..'),
        env: { ...process.env, LOG_LEVEL: 'SILENT' },
        timeout: 60_000,
      });
      expect(stdout).toContain('5 accepted, 0 duplicates, 3 rejected');
      const text = readFileSync(`${file}.rejects.jsonl`, 'utf8');
      expect(text).not.toContain(r.idNumber);
      expect(text).not.toContain(r.idNumber.slice(0, 17));
      expect(text).not.toMatch(/\d{15}/);
      const rejects = text.trim().split('\n').map((l) => JSON.parse(l)).sort((a, b) => a.line - b.line);
      const masked = `${r.idNumber.slice(0, 4)}**********${r.idNumber.slice(-4)}`;
      expect(rejects).toEqual([
        expect.objectContaining({ line: 6, code: expect.any(String), message: expect.any(String), record: expect.objectContaining({ subjectId: masked, note: `身份证 ${masked}` }) }),
        expect.objectContaining({ line: 7, code: expect.any(String), record: expect.objectContaining({ subjectId: `${r.idNumber.slice(0, 4)}*********${r.idNumber.slice(13, 17)}` }) }),
        expect.objectContaining({ line: 8, code: 'UNPARSABLE_LINE' }),
      ]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});
