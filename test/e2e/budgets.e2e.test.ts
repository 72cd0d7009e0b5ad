import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The builds for both targets (made by the e2e global setup) and their size budgets, which are
 * deterministic: WeChat refuses a main package over 2 MB; we hold it to 1 MB, each subpackage to
 * 2 MB, and the H5 first screen to 200 KB of gzipped JavaScript.
 */
const root = path.resolve(__dirname, '../..');
const weapp = path.join(root, 'client/dist/weapp');
const h5 = path.join(root, 'client/dist/h5');

function dirSize(dir: string, skip: (p: string) => boolean = () => false): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (skip(p)) continue;
    total += e.isDirectory() ? dirSize(p, skip) : statSync(p).size;
  }
  return total;
}

describe('the mini-program build (weapp)', () => {
  const app = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages: Array<{ root: string; pages: string[] }>;
    tabBar: { list: Array<{ text: string; pagePath: string }> };
  };

  it('has the four tabs and the role areas as subpackages', () => {
    expect(app.tabBar.list.map((t) => t.text)).toEqual(['首页', '信易+', '信易贷', '我的']);
    expect(app.subPackages.map((s) => s.root)).toEqual(expect.arrayContaining(['packages/merchant', 'packages/enterprise', 'packages/bank', 'packages/admin', 'packages/resident']));
  });

  it('emits the four files of every page, with rpx units', () => {
    const pages = [...app.pages, ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
    for (const page of pages) {
      for (const ext of ['js', 'json', 'wxml']) expect({ page, ext, exists: existsSync(path.join(weapp, `${page}.${ext}`)) }).toEqual({ page, ext, exists: true });
    }
    expect(readFileSync(path.join(weapp, 'app-origin.wxss'), 'utf8')).toMatch(/\d+rpx/);
  });

  it('keeps the main package within 1 MB and each subpackage within 2 MB', () => {
    const subRoots = app.subPackages.map((s) => path.join(weapp, s.root));
    const main = dirSize(weapp, (p) => subRoots.some((r) => p.startsWith(r)));
    expect(main).toBeLessThanOrEqual(1024 * 1024);
    for (const r of subRoots) expect({ sub: path.relative(weapp, r), withinBudget: dirSize(r) <= 2 * 1024 * 1024 }).toEqual({ sub: path.relative(weapp, r), withinBudget: true });
  });
});

describe('the H5 build', () => {
  it('keeps the first screen within 200 KB of gzipped JavaScript', () => {
    const html = readFileSync(path.join(h5, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/src="\/(js\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const gz = scripts.reduce((s, f) => s + gzipSync(readFileSync(path.join(h5, f))).length, 0);
    expect(gz).toBeLessThanOrEqual(200 * 1024);
    expect(html).toContain('lang="zh-CN"');
  });
});
