import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { testApp } from '../../support/test-app';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const redoclyCli = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

/**
 * Redocly's recommended rules, with the three the partners depend on raised to errors: every
 * operation names itself, states its security and its 4XX answers.
 */
const config = `extends:
  - recommended
rules:
  operation-operationId: error
  operation-operationId-unique: error
  operation-4xx-response: error
  security-defined: error
`;

async function lint(doc: unknown): Promise<Problem[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'openapi-lint-'));
  try {
    const file = path.join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(doc));
    await writeFile(path.join(dir, 'redocly.yaml'), config);
    const out = path.join(dir, 'result.json');
    // Exits non-zero when it finds errors; the JSON report says which.
    await run(process.execPath, [redoclyCli, 'lint', file, '--config', path.join(dir, 'redocly.yaml'), '--format=json', '--max-problems=1000'], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      maxBuffer: 64 * 1024 * 1024,
    })
      .then((r) => writeFile(out, r.stdout))
      .catch((e: { stdout?: string }) => writeFile(out, e.stdout ?? ''));
    const text = await readFile(out, 'utf8');
    return (JSON.parse(text.slice(text.indexOf('{'))) as { problems: Problem[] }).problems;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the served OpenAPI document under redocly lint (recommended rules)', () => {
  let doc: { paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>> };

  beforeAll(async () => {
    const { app } = await testApp();
    const res = await request(app).get('/api/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });

  it('has no errors: operationIds, security and 4XX responses on every operation', async () => {
    const problems = await lint(doc);
    const errs = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity !== 'error');
    // Printed so a run shows what is left to tidy; warnings do not fail the test.
    console.log(`redocly lint: ${errs.length} errors, ${warnings.length} warnings (${[...new Set(warnings.map((w) => w.ruleId))].join(', ') || 'none'})`);
    expect(errs.map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)).toEqual([]);
  });

  it('finds the faults it is there for (negative control)', async () => {
    const broken = structuredClone(doc);
    const health = broken.paths['/api/health'].get;
    delete health.operationId;
    delete health.security;
    const problems = await lint(broken);
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.ruleId).sort()).toEqual(['operation-operationId', 'security-defined']);
  });

  it('states public operations as such and every other one as needing the bearer token', () => {
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/reports/verify'].post.security).toEqual([]);
    expect(doc.paths['/api/points/me'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/orgs/{id}/staff'].get.operationId).toBe('getOrgsByIdStaff');
  });
});
