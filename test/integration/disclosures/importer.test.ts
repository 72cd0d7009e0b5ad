import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { importFile } from '../../../functions/credit/import/import-file';
import { disclosureCsvParser, disclosureTemplate } from '../../../functions/disclosures/disclosure-csv';
import { publicDisclosuresOf } from '../../../functions/disclosures/public-disclosures';
import { publishDisclosures } from '../../../functions/disclosures/publish-disclosures';
import { randomUscc } from '../../support/people';
import { loginAs, testApp, type TestApp } from '../../support/test-app';

const run = promisify(execFile);
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('bulk importer: 双公示 files with the national standard’s headers', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await testApp();
    dir = mkdtempSync(path.join(os.tmpdir(), 'cxgc-disc-import-'));
  });
  const submit = (items: unknown[]) => publishDisclosures({ ...t.deps, idHashPepper: t.config.idHashPepper }, 'org-dept-market', items);

  it('imports a CF file: penalties published, bad lines rejected with their line number, nothing doubled on a re-run', async () => {
    const template = disclosureTemplate('penalty', { uscc: randomUscc(), today, authority: '管城回族区市场监督管理局' });
    const [header] = template.split('\n');
    const uscc = randomUscc();
    const id = randomUUID().slice(0, 8);
    const lines = [
      header,
      `CF-${id}-1,郑州导入商贸有限公司,${uscc},管市监罚〔2026〕901号,罚款,"销售过期食品, 罚款五千元",《食品安全法》第一百二十四条,0.5,${today.replace(/-/g, '/')},一般,否,,管城回族区市场监督管理局,正常`,
      `CF-${id}-2,郑州导入商贸有限公司,${uscc},管市监罚〔2026〕902号,警告,警告,《食品安全法》第一百二十六条,,${today},轻微,是,,,`,
      `CF-${id}-3,郑州导入商贸有限公司,${uscc},管市监罚〔2026〕903号,罚款,罚款,依据,很多,${today},一般,否,,,`,
      `CF-${id}-4,郑州导入商贸有限公司,91410104MA45HX0Q3X,管市监罚〔2026〕904号,罚款,罚款,依据,1,${today},一般,否,,,`,
    ];
    const file = path.join(dir, 'cf.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const summary = await importFile({ file, submit, csvParser: disclosureCsvParser() });
    expect(summary).toMatchObject({ accepted: 2, duplicates: 0, rejected: 2 });
    const rejects = readFileSync(`${file}.rejects.jsonl`, 'utf8').trim().split('\n').map((l) => JSON.parse(l)).sort((a, b) => a.line - b.line);
    expect(rejects.map((r) => [r.line, r.code])).toEqual([[4, 'UNPARSABLE_LINE'], [5, 'INVALID_USCC']]);
    expect(rejects[0].message).toContain('罚款金额（万元）');
    const shown = await publicDisclosuresOf(t.deps, uscc, new Date());
    expect(shown.penalties).toMatchObject([{ decisionNo: '管市监罚〔2026〕901号', fineYuan: 5000, decidedOn: today, content: '销售过期食品, 罚款五千元' }]);
    expect((await importFile({ file, submit, csvParser: disclosureCsvParser(), fresh: true })).duplicates).toBe(2);
  });

  it('runs as `npm run import -- --disclosures` against an API (an XK file), and refuses a file with another header', async () => {
    const uscc = randomUscc();
    const file = path.join(dir, 'xk.csv');
    const template = disclosureTemplate('license', { uscc, today, authority: '' }).replace('EXAMPLE-XK-0001', `XK-${randomUUID().slice(0, 8)}`);
    writeFileSync(file, template);
    const wrong = path.join(dir, 'wrong.csv');
    writeFileSync(wrong, '名称,代码\n甲,乙\n');
    const server: Server = await new Promise((resolve) => {
      const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const { port } = server.address() as AddressInfo;
      const token = await loginAs(t.app, 'dept-market');
      const cli = (f: string) => run(path.resolve('node_modules/.bin/tsx'), ['functions/local/import-records.ts', f, '--disclosures', '--api', `http://127.0.0.1:${port}`, '--token', token], {
        cwd: path.resolve(__dirname, '../../..'),
        env: { ...process.env, LOG_LEVEL: 'SILENT' },
        timeout: 60_000,
      });
      const { stdout } = await cli(file);
      expect(stdout).toContain('1 accepted, 0 duplicates, 0 rejected');
      expect((await publicDisclosuresOf(t.deps, uscc, new Date())).licenses).toMatchObject([{ category: '普通', validFrom: today }]);
      await expect(cli(wrong)).rejects.toMatchObject({ stderr: expect.stringContaining('表头不是双公示模板') });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});
