import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { startFakeTencent, type FakeTencent } from '../../support/fake-tencent';

const root = path.resolve(__dirname, '../../..');

/** The `custom.esbuild.alias` entries of serverless.yml: what the Lambda bundle replaces. */
function bundleAliases(): Record<string, string> {
  const yml = readFileSync(path.join(root, 'serverless.yml'), 'utf8');
  const block = /\n {4}alias:\n((?: {6}.*\n)+)/.exec(yml)?.[1] ?? '';
  const entries = [...block.matchAll(/^ {6}([\w@/.-]+): (\.\/\S+)$/gm)].map((m) => [m[1], path.join(root, m[2])]);
  return Object.fromEntries(entries);
}

/**
 * The Tencent client as the Lambda bundle carries it (esbuild with serverless.yml's aliases, which
 * drop the SDK's URL polyfill and MIME tables): it must still sign and call correctly.
 */
describe('the Tencent FaceID client inside the Lambda bundle', () => {
  let tencent: FakeTencent;
  let bundle: string;
  let inputs: Record<string, number>;

  beforeAll(async () => {
    tencent = await startFakeTencent();
    bundle = path.join(mkdtempSync(path.join(os.tmpdir(), 'cxgc-faceid-')), 'client.js');
    const result = await build({
      entryPoints: [path.join(root, 'functions/identity/tencent-faceid.client.ts')],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: bundle,
      alias: bundleAliases(),
      logLevel: 'silent',
      metafile: true,
    });
    inputs = Object.fromEntries(Object.entries(Object.values(result.metafile.outputs)[0].inputs).map(([file, v]) => [file, v.bytesInOutput]));
  }, 60_000);
  afterAll(() => tencent.close());

  it('leaves the URL polyfill and the MIME tables out', () => {
    expect(Object.keys(bundleAliases())).toEqual(expect.arrayContaining(['whatwg-url', 'form-data']));
    const files = Object.keys(inputs);
    for (const pkg of ['tr46', 'whatwg-url', 'mime-db', 'form-data']) expect(files.filter((f) => f.includes(`node_modules/${pkg}/`))).toEqual([]);
    // What Tencent's SDK still adds to the bundle (zod and the app's own code aside).
    const sdkBytes = Object.entries(inputs)
      .filter(([f]) => f.includes('node_modules/') && !f.includes('node_modules/zod/'))
      .reduce((sum, [, bytes]) => sum + bytes, 0);
    expect(sdkBytes).toBeLessThan(150 * 1024);
    expect(readFileSync(bundle, 'utf8')).not.toContain('application/vnd.');
  });

  it('verifies through the fake Tencent endpoint with a valid signature', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TencentFaceIdVerifier } = require(bundle) as typeof import('../../../functions/identity/tencent-faceid.client');
    const verifier = new TencentFaceIdVerifier({ secretId: tencent.secretId, secretKey: tencent.secretKey, region: 'ap-guangzhou', protocol: 'http:', host: tencent.endpoint.slice('http://'.length), timeoutMs: 3000 });
    tencent.answer('李不符', { result: '-1' });
    await expect(verifier.verify({ name: '赵一', idNumber: '11010519491231002X' })).resolves.toBe('match');
    await expect(verifier.verify({ name: '李不符', idNumber: '11010519491231002X' })).resolves.toBe('mismatch');
    expect(tencent.calls.map((c) => [c.signatureValid, c.headers['x-tc-action'], c.headers['x-tc-region']])).toEqual([
      [true, 'IdCardVerification', 'ap-guangzhou'],
      [true, 'IdCardVerification', 'ap-guangzhou'],
    ]);
  });
});
