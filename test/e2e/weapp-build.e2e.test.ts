import { spawnSync } from 'node:child_process';
import { accessSync, appendFileSync, chmodSync, constants, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The mini program as built for WeChat (client/dist/weapp, made once by the e2e global setup,
 * support/build-h5.ts, with an https API_BASE_URL): what WeChat requires of it beyond the size
 * budgets checked in budgets.e2e.test.ts.
 */
const root = path.resolve(__dirname, '../..');
const client = path.join(root, 'client');
const weapp = path.join(client, 'dist/weapp');

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

interface AppJson {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
  [key: string]: unknown;
}

interface SitemapRule { action: 'allow' | 'disallow'; page: string; priority?: number }

/** WeChat's reading of a sitemap: the highest-priority rule that names the page (or `*`) decides, the first of equals wins; none allows. */
function indexable(rules: SitemapRule[], page: string): boolean {
  const hits = rules
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.page === '*' || r.page === page)
    .sort((a, b) => (b.r.priority ?? 0) - (a.r.priority ?? 0) || a.i - b.i);
  return hits.length === 0 || hits[0].r.action === 'allow';
}

/** Runs `taro build --type weapp` with the given API base; the config refuses a bad one before compiling. */
function buildWeapp(apiBase: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env.API_BASE_URL;
  if (apiBase !== undefined) env.API_BASE_URL = apiBase;
  return spawnSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
    cwd: client,
    env,
    encoding: 'utf8',
    timeout: 55_000,
  });
}

describe('the API address of the weapp build', () => {
  it('refuses to build the mini program without an https API_BASE_URL, saying why', () => {
    const missing = buildWeapp(undefined);
    expect(missing.status).not.toBe(0);
    expect(`${missing.stdout}${missing.stderr}`).toContain('API_BASE_URL is required for the mini program (weapp) build');

    const plain = buildWeapp('http://api.example.cn');
    expect(plain.status).not.toBe(0);
    expect(`${plain.stdout}${plain.stderr}`).toContain('API_BASE_URL must be an https:// address');
    // Two CLI starts (a few seconds each) on a busy 2-core machine.
  }, 120_000);
});

describe('app.json of the mini program', () => {
  const app = readJson<AppJson>(path.join(weapp, 'app.json'));
  const allPages = [...app.pages, ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];

  it('asks for the privacy check, lazy component injection and the v2 component style', () => {
    expect(app.__usePrivacyCheck__).toBe(true);
    expect(app.lazyCodeLoading).toBe('requiredComponents');
    expect(app.style).toBe('v2');
  });

  it('points to a sitemap shipped in the package that lets search index the public pages only', () => {
    expect(app.sitemapLocation).toBe('sitemap.json');
    expect(existsSync(path.join(weapp, 'sitemap.json'))).toBe(true);
    const { rules } = readJson<{ rules: SitemapRule[] }>(path.join(weapp, 'sitemap.json'));
    // Every rule names a real page (a typo would silently fall through to the catch-all).
    for (const r of rules) expect({ page: r.page, known: r.page === '*' || allPages.includes(r.page) }).toEqual({ page: r.page, known: true });

    const open = ['pages/incentives/index', 'pages/loans/index', 'packages/public/verify/index', 'packages/public/measures/index', 'pages/index/index', 'packages/public/notices/index', 'packages/public/privacy/index', 'packages/public/search/index', 'packages/public/enterprise/index'];
    for (const page of open) expect({ page, indexable: indexable(rules, page) }).toEqual({ page, indexable: true });

    const personalOrStaff = allPages.filter((p) => !open.includes(p));
    expect(personalOrStaff).toEqual(expect.arrayContaining(['pages/mine/index', 'packages/admin/index/index', 'packages/department/submit/index']));
    for (const page of personalOrStaff) expect({ page, indexable: indexable(rules, page) }).toEqual({ page, indexable: false });
    for (const role of ['resident', 'merchant', 'enterprise', 'bank', 'admin', 'org', 'department']) {
      const sub = app.subPackages.find((s) => s.root === `packages/${role}`);
      expect(sub).toBeDefined();
      for (const p of sub!.pages) expect(indexable(rules, `${sub!.root}/${p}`)).toBe(false);
    }
  });

  it('reads a sitemap the way WeChat does (negative control of the checker)', () => {
    expect(indexable([{ action: 'disallow', page: '*' }], 'pages/loans/index')).toBe(false);
    expect(indexable([], 'pages/loans/index')).toBe(true);
    expect(indexable([{ action: 'allow', page: '*' }, { action: 'disallow', page: 'pages/mine/index', priority: 1 }], 'pages/mine/index')).toBe(false);
  });
});

/** Every file under `dir` whose name ends with `ext`, as paths relative to `dir` with forward slashes, sorted. */
function filesEnding(dir: string, ext: string, sub = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...filesEnding(dir, ext, rel));
    else if (e.name.endsWith(ext)) out.push(rel);
  }
  return out.sort();
}

/**
 * WeChat's own template and style compilers (npm `miniprogram-compiler`, the Linux builds of
 * wcc/wcsc that DevTools runs): they check syntax, not layout. npm may unpack them without the
 * execute bit, so the test sets it.
 */
const compilerBin = path.join(path.dirname(require.resolve('miniprogram-compiler/package.json')), 'bin/linux');

function compiler(name: 'wcc' | 'wcsc'): string {
  const bin = path.join(compilerBin, name);
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    chmodSync(bin, 0o755);
  }
  return bin;
}

/** `wcsc -db -pc 0 <every .wxss>` run in `dir`. */
function wcsc(dir: string) {
  return spawnSync(compiler('wcsc'), ['-db', '-pc', '0', ...filesEnding(dir, '.wxss')], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/**
 * The `-cc` argument of wcc: how many templates declare custom components, then for each its path,
 * the number of components and their names (from the page's or component's .json `usingComponents`).
 */
function componentArgs(dir: string, templates: string[]): string {
  const entries: string[] = [];
  for (const t of templates) {
    const json = path.join(dir, t.replace(/\.wxml$/, '.json'));
    if (!existsSync(json)) continue;
    const using = (readJson<{ usingComponents?: Record<string, string> }>(json).usingComponents);
    if (!using) continue;
    entries.push([t, String(Object.keys(using).length), ...Object.keys(using)].join(' '));
  }
  return [String(entries.length), ...entries].join(' ');
}

/** `wcc -d -cc "<n> <page> <k> <comp…>…" <every .wxml> <every .wxs> -gn $gwx` run in `dir`. */
function wcc(dir: string) {
  const templates = filesEnding(dir, '.wxml');
  const args = ['-d', '-cc', componentArgs(dir, templates), ...templates, ...filesEnding(dir, '.wxs'), '-gn', '$gwx'];
  return spawnSync(compiler('wcc'), args, { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

describe("WeChat's own compilers", () => {
  let scratch = '';
  /** A throw-away copy of the build, so the negative controls never touch client/dist/weapp. */
  const copyOfBuild = (): string => {
    scratch = mkdtempSync(path.join(tmpdir(), 'weapp-'));
    cpSync(weapp, scratch, { recursive: true });
    return scratch;
  };
  afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    scratch = '';
  });

  it('wcsc accepts every stylesheet of the build', () => {
    expect(filesEnding(weapp, '.wxss').length).toBeGreaterThan(50);
    const run = wcsc(weapp);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('wcc accepts every template of the build, with each page\'s custom components', () => {
    const templates = filesEnding(weapp, '.wxml');
    expect(templates).toEqual(expect.arrayContaining(['base.wxml', 'comp.wxml', 'pages/index/index.wxml', 'pages/login/index.wxml']));
    const cc = componentArgs(weapp, templates);
    expect(cc).toMatch(/^\d+ comp\.wxml 1 comp /);
    expect(cc).toContain('pages/index/index.wxml 1 comp');
    const run = wcc(weapp);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toContain('$gwx');
  });

  it('wcsc rejects a stylesheet with a universal (*) selector (negative control)', () => {
    const dir = copyOfBuild();
    const broken = path.join(dir, 'pages/index/broken-copy.wxss');
    cpSync(path.join(dir, 'pages/index/index.wxss'), broken);
    appendFileSync(broken, '\n* { margin: 0; }\n');
    const run = wcsc(dir);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('broken-copy.wxss');
    expect(run.stderr).toContain('unexpected token `*`');
  });

  it('wcc rejects a template with a broken binding (negative control)', () => {
    const dir = copyOfBuild();
    writeFileSync(path.join(dir, 'pages/index/broken-copy.wxml'), '<view class="{{root.cn +}}">{{root.nn}}</view>\n');
    const run = wcc(dir);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('broken-copy.wxml');
  });
});

describe('the demo sign-in', () => {
  const demoIds = ['res-zhang', 'res-li', 'res-wang', 'mer-museum', 'mer-library', 'ent-huaxin', 'ent-new', 'bank-zy', 'dept-market'];

  /**
   * Every file under `dir` (any type) that contains one of `needles` as a whole token (so
   * `public-measures-link` does not count as `res-li`), with the needle found.
   */
  function filesContaining(dir: string, needles: string[]): Array<{ file: string; found: string }> {
    const hits: Array<{ file: string; found: string }> = [];
    for (const file of filesEnding(dir, '')) {
      const text = readFileSync(path.join(dir, file), 'latin1');
      for (const n of needles) if (new RegExp(`(?<![\\w-])${n}(?![\\w-])`).test(text)) hits.push({ file, found: n });
    }
    return hits;
  }

  it('is not in the mini program at all: no demo user id or dev-login call in any file of client/dist/weapp', () => {
    // The ids are the real ones the H5 sign-in lists (a renamed id would make this pass vacuously).
    const source = readFileSync(path.join(client, 'src/pages/login/demo-identities.ts'), 'utf8');
    for (const id of demoIds) expect(source).toContain(`'${id}'`);
    expect(filesEnding(weapp, '').length).toBeGreaterThan(100);
    expect(filesContaining(weapp, [...demoIds, 'dev-login'])).toEqual([]);
  });

  it('would be found if it were there (negative control)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'weapp-demo-'));
    try {
      writeFileSync(path.join(dir, 'a.js'), 'var _=[{id:"mer-museum",name:"x"}];');
      writeFileSync(path.join(dir, 'b.js'), 'var t="public-measures-link";');
      expect(filesContaining(dir, demoIds)).toEqual([{ file: 'a.js', found: 'mer-museum' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
