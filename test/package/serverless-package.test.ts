import { execFile } from 'node:child_process';
import { mkdtempSync, existsSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { tableDefinition } from '../../functions/shared/db/table-definition';
import { REDEMPTION_STREAM_FILTER } from '../../functions/stats/redemption-stream';
import { httpApiEvent } from '../support/http-api-event';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const sls = path.join(root, 'node_modules/.bin/serverless');

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, any>; DeletionPolicy?: string }>; Conditions?: Record<string, any> };

async function packageStage(stage: string): Promise<{ dir: string; template: Template }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `cxgc-pkg-${stage}-`));
  await run(sls, ['package', '--stage', stage, '--package', dir], { cwd: root, env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' }, timeout: 180_000 });
  const template = JSON.parse(readFileSync(path.join(dir, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
  return { dir, template };
}

/** Loads the bundle in a plain Node process, as Lambda would, and sends it one event. */
async function invokeBundle(bundleDir: string, event: object): Promise<{ statusCode: number; body: string }> {
  const script = `require(${JSON.stringify(path.join(bundleDir, 'functions/handler.js'))}).handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test-req' }).then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });`;
  const { stdout } = await run(process.execPath, ['-e', script], {
    env: {
      PATH: process.env.PATH,
      STAGE: 'test',
      TABLE_NAME: process.env.TABLE_NAME,
      DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT,
      AWS_REGION: 'cn-northwest-1',
      LOG_LEVEL: 'SILENT',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    timeout: 60_000,
  });
  return JSON.parse(stdout);
}

describe('npm run package (serverless package with osls + serverless-esbuild)', () => {
  let dev: { dir: string; template: Template };
  let bundleDir: string;
  let countersDir: string;

  beforeAll(async () => {
    dev = await packageStage('pkgtest');
    bundleDir = mkdtempSync(path.join(os.tmpdir(), 'cxgc-bundle-'));
    countersDir = mkdtempSync(path.join(os.tmpdir(), 'cxgc-counters-'));
  }, 240_000);

  it('targets an AWS China region by default, with no ARN bound to one partition', () => {
    const state = JSON.parse(readFileSync(path.join(dev.dir, 'serverless-state.json'), 'utf8')) as { service: { provider: { region: string } } };
    expect(state.service.provider.region).toBe('cn-northwest-1');
    const text = JSON.stringify(dev.template);
    expect(text).not.toMatch(/arn:aws(-cn)?:/);
    expect(text).toContain('AWS::Partition');
  });

  it('produces the api function zip with the bundled handler', () => {
    const zipPath = path.join(dev.dir, 'api.zip');
    expect(existsSync(zipPath)).toBe(true);
    const zip = new AdmZip(zipPath);
    const names = zip.getEntries().map((e) => e.entryName);
    expect(names).toContain('functions/handler.js');
    expect(names.some((n) => n.includes('node_modules/'))).toBe(false);
    zip.extractAllTo(bundleDir, true);
    const stats = new AdmZip(path.join(dev.dir, 'stats.zip')).getEntries().map((e) => e.entryName);
    expect(stats).toContain('functions/jobs.js');
    const counters = new AdmZip(path.join(dev.dir, 'counters.zip'));
    expect(counters.getEntries().map((e) => e.entryName)).toContain('functions/streams.js');
    counters.extractAllTo(countersDir, true);
  });

  it('keeps each deployable zip within its 1 MB budget', () => {
    for (const zip of ['api.zip', 'stats.zip', 'counters.zip']) {
      const size = statSync(path.join(dev.dir, zip)).size;
      expect({ zip, withinBudget: size <= 1024 * 1024 }).toEqual({ zip, withinBudget: true });
    }
  });

  it('the bundle loads in plain Node and answers a synthetic API Gateway v2 event', async () => {
    const health = await invokeBundle(bundleDir, httpApiEvent('GET', '/api/health'));
    expect(health.statusCode).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', database: 'ok' });

    const login = await invokeBundle(bundleDir, httpApiEvent('POST', '/api/auth/dev-login', { body: '{"userId":"res-zhang"}' }));
    expect(login.statusCode).toBe(200);
    const bad = await invokeBundle(bundleDir, httpApiEvent('POST', '/api/auth/dev-login', { body: '{"userId":' }));
    expect(bad.statusCode).toBe(400);
    // The bundle's body parser carries a UTF-8-only codec (serverless.yml alias): same answers as the app.
    const bom = await invokeBundle(bundleDir, httpApiEvent('POST', '/api/auth/dev-login', { body: '\ufeff{"userId":"res-zhang"}', headers: { 'content-type': 'application/json; charset=utf-8' } }));
    expect(bom.statusCode).toBe(200);
    const latin1 = await invokeBundle(bundleDir, httpApiEvent('POST', '/api/auth/dev-login', { body: '{"userId":"res-zhang"}', headers: { 'content-type': 'application/json; charset=latin1' } }));
    expect(latin1.statusCode).toBe(415);
    expect(JSON.parse(latin1.body).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(readFileSync(path.join(bundleDir, 'functions/handler.js'), 'utf8')).not.toContain('iconv-lite');
  }, 120_000);

  it('declares the table exactly as the code expects it, on demand, with PITR and TTL', () => {
    const table = dev.template.Resources.Table;
    expect(table.Type).toBe('AWS::DynamoDB::Table');
    const expected = tableDefinition('cxgc-pkgtest');
    expect(table.Properties.TableName).toBe('cxgc-pkgtest');
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.KeySchema).toEqual(expected.KeySchema);
    expect(table.Properties.AttributeDefinitions).toEqual(expected.AttributeDefinitions);
    expect(table.Properties.GlobalSecondaryIndexes).toEqual(expected.GlobalSecondaryIndexes);
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'ttl', Enabled: true });
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: expected.StreamSpecification!.StreamViewType });
    expect(table.DeletionPolicy).toBe('Delete');
  });

  it('grants DynamoDB access only to this table and its indexes, and SSM only to this stage', () => {
    const role = dev.template.Resources.IamRoleLambdaExecution;
    const statements = role.Properties.Policies[0].PolicyDocument.Statement as Array<{ Action: string[]; Resource: unknown[] }>;
    const dynamo = statements.find((s) => s.Action.some((a) => a.startsWith('dynamodb:')))!;
    expect(dynamo.Resource).toEqual([{ 'Fn::GetAtt': ['Table', 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Table', 'Arn'] }, '/index/*']] }]);
    expect(dynamo.Action).not.toContain('dynamodb:*');
    expect(dynamo.Action).not.toContain('dynamodb:Scan');
    const ssm = statements.find((s) => s.Action.includes('ssm:GetParameters'))!;
    expect(JSON.stringify(ssm.Resource)).toContain(':parameter/cxgc/pkgtest/*');
    for (const s of statements) expect(s.Resource).not.toContain('*');
  });

  it('feeds the table’s new redemptions, and nothing else, to the counters function, with a queue for batches it gives up on', () => {
    const mappings = Object.values(dev.template.Resources).filter((r) => r.Type === 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    const m = mappings[0].Properties;
    expect(m.EventSourceArn).toEqual({ 'Fn::GetAtt': ['Table', 'StreamArn'] });
    expect(m.FunctionName).toEqual({ 'Fn::GetAtt': ['CountersLambdaFunction', 'Arn'] });
    expect(m.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([REDEMPTION_STREAM_FILTER]);
    expect(m.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': ['CountersFailedBatches', 'Arn'] });
    expect(m.MaximumRetryAttempts).toBeGreaterThan(0);
    // Batches gathered for 5 minutes (what bench/COST.md's batch size assumes), up to 1,000 records.
    expect({ window: m.MaximumBatchingWindowInSeconds, size: m.BatchSize }).toEqual({ window: 300, size: 1000 });
  });

  it('the counters bundle counts a stream batch of new redemptions in plain Node', async () => {
    const day = 'D2032-02-02';
    const event = {
      Records: [
        { eventID: `pkg-${Date.now()}`, eventName: 'INSERT', dynamodb: { SequenceNumber: String(Date.now()), NewImage: { entity: { S: 'Redemption' }, redeemedAt: { S: '2032-02-02T02:00:00.000Z' } } } },
        { eventID: `pkg-${Date.now()}-2`, eventName: 'INSERT', dynamodb: { SequenceNumber: String(Date.now() + 1), NewImage: { entity: { S: 'Redemption' }, redeemedAt: { S: '2032-02-02T03:00:00.000Z' } } } },
      ],
    };
    const script = `require(${JSON.stringify(path.join(countersDir, 'functions/streams.js'))}).countRedemptionsHandler(${JSON.stringify(event)}, {}).then(() => 0, (e) => { console.error(e); process.exit(1); });`;
    const env = { PATH: process.env.PATH, STAGE: 'test', TABLE_NAME: process.env.TABLE_NAME, DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT, AWS_REGION: 'cn-northwest-1', LOG_LEVEL: 'SILENT', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    await run(process.execPath, ['-e', script], { env, timeout: 60_000 });
    await run(process.execPath, ['-e', script], { env, timeout: 60_000 }); // delivered again: not counted twice
    const { StatsRepository } = await import('../../functions/stats/stats.repository');
    const { connectDatabase } = await import('../../functions/shared/db/dynamo');
    const { bindModelsToTable } = await import('../../functions/shared/db/models');
    const { parseConfig } = await import('../../functions/shared/config/config');
    const config = parseConfig(process.env);
    connectDatabase(config);
    bindModelsToTable(config.tableName);
    expect((await new StatsRepository(config.tableName).redemptionsPerDay(day, day)).get(day)).toBe(2);
  }, 120_000);

  it('schedules the statistics job', () => {
    const rules = Object.values(dev.template.Resources).filter((r) => r.Type === 'AWS::Events::Rule');
    expect(rules.map((r) => r.Properties.ScheduleExpression)).toContain('rate(15 minutes)');
  });

  it('runs nodejs22.x and keeps secret values out of the environment', () => {
    const fn = dev.template.Resources.ApiLambdaFunction.Properties;
    expect(fn.Runtime).toBe('nodejs22.x');
    const env = fn.Environment.Variables as Record<string, string>;
    expect(env.STAGE).toBe('pkgtest');
    expect(env.JWT_SECRET_PARAM).toBe('/cxgc/pkgtest/jwt-secret');
    expect([env.TENCENT_SECRET_ID_PARAM, env.TENCENT_SECRET_KEY_PARAM]).toEqual(['/cxgc/pkgtest/tencent-secret-id', '/cxgc/pkgtest/tencent-secret-key']);
    expect(env.IDENTITY_SERVICE).not.toBe('standin');
    for (const name of ['JWT_SECRET', 'ID_HASH_PEPPER', 'PASS_SECRET', 'WECHAT_APP_SECRET', 'REPORT_SIGNING_KEY', 'TENCENT_SECRET_ID', 'TENCENT_SECRET_KEY']) {
      expect(env[name]).toBeUndefined();
    }
  });

  it('protects the prod table from deletion', async () => {
    const prod = await packageStage('prod');
    expect(prod.template.Resources.Table.DeletionPolicy).toBe('Retain');
    expect(prod.template.Resources.Table.Properties.DeletionProtectionEnabled).toEqual({ 'Fn::If': ['IsProd', true, false] });
    expect(prod.template.Conditions?.IsProd).toEqual({ 'Fn::Equals': ['prod', 'prod'] });
  }, 240_000);
});
