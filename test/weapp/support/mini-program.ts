import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';

/**
 * A phone, headless: the mini program exactly as `taro build --type weapp` made it for WeChat
 * (client/dist/weapp), run in WeChat's own component framework (exparser, through j-component and
 * miniprogram-simulate) inside jsdom. What WeChat's client does around the pages is played here:
 *
 * 1. `App(cfg)` is captured and its `onLaunch`/`onShow` run, as WeChat does at start.
 * 2. `Page(cfg)` becomes a component whose attach/ready/detach call the page's onLoad + onShow,
 *    onReady and onUnload; simulate loads each page's compiled .wxml (WeChat's wcc), .wxss and .js.
 * 3. Navigation (navigateTo, redirectTo, reLaunch, switchTab, navigateBack) keeps a page stack with
 *    WeChat's refusals (10 pages, tab pages only through switchTab, unknown pages) and records every call.
 * 4. `wx.request` goes to the real API over HTTP: the build's https address is rewritten to the
 *    local stack; any other host is refused, as an address missing from the request-domain list is.
 *    Storage lives in memory; `wx.login` hands out the code the test chose, `wx.scanCode` the text
 *    the test put in front of the camera; toasts, modals, clipboard and keep-screen-on are recorded.
 *
 * Each phone loads its own copy of everything (a fresh jest module registry): two phones never
 * share the app's memory, just as two people's phones do not. One phone runs at a time (they share globals).
 * WeChat's privacy check is played on request (`askPrivacy`): the app's own sheet answers it.
 * What this cannot show: layout, native components (built-ins render as plain slots), which APIs
 * WeChat really holds for privacy, WeChat's request-domain settings, real tab-bar behaviour.
 */
export const WEAPP_DIST = path.resolve(__dirname, '../../../client/dist/weapp');

export type NavigationKind = 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack';

export interface Navigation {
  kind: NavigationKind;
  /** The url asked for (for navigateBack, the page it returned to). */
  url: string;
  /** WeChat's refusal, when it refused. */
  refused?: string;
  /** The person used WeChat's own controls (the navigation bar's back arrow), not the app's code. */
  byUser?: true;
}

export interface ApiCall {
  method: string;
  /** Path and query, without the host. */
  path: string;
  status: number;
  requestBody?: unknown;
  responseBody: unknown;
  authorized: boolean;
}

export interface PhoneOptions {
  /** The API address baked into the build (https://…). */
  apiBase: string;
  /** Where the local API listens (http://127.0.0.1:port). */
  apiUrl: string;
  /** Storage the phone starts with (e.g. an existing session). */
  storage?: Record<string, unknown>;
}

/** The little of jsdom's Element the harness uses (the backend's tsconfig has no DOM library). */
export interface Element {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  contains(other: Element): boolean;
  querySelectorAll(selector: string): Iterable<Element> & ArrayLike<Element>;
  appendChild(child: Element): void;
  remove(): void;
}

interface RootComponent {
  dom: Element;
  instance: Record<string, any> & { data: { root?: DataNode } };
  attach(parent: Element): void;
  detach(): void;
}

interface DataNode {
  sid?: string;
  nn?: string;
  v?: string;
  cn?: DataNode[];
  [prop: string]: unknown;
}

interface OpenPage {
  route: string;
  query: Record<string, string>;
  comp: RootComponent;
  container: Element;
}

/** What the app answers WeChat's privacy check with (`exposureAuthorization` only says its sheet is up). */
export interface PrivacyAnswer {
  event: 'exposureAuthorization' | 'agree' | 'disagree';
  buttonId?: string;
}

type Callbacks = { success?: (res: unknown) => void; fail?: (err: unknown) => void; complete?: (res: unknown) => void };

const MAX_PAGES = 10;
const normalise = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** WeChat's attribute names for Taro's compressed props (`i.p13` → `placeholder`), per built-in tag, from base.wxml. */
function propNames(): Map<string, Map<string, string>> {
  const wxml = fs.readFileSync(path.join(WEAPP_DIST, 'base.wxml'), 'utf8');
  const byTag = new Map<string, Map<string, string>>();
  for (const tag of wxml.matchAll(/<([a-z][\w-]*)\s([^>]*)>/g)) {
    const names = byTag.get(tag[1]) ?? new Map<string, string>();
    for (const attr of tag[2].matchAll(/([\w-]+)="\{\{[^"]*?\bi\.(p\d+)\b/g)) names.set(attr[2], attr[1]);
    byTag.set(tag[1], names);
  }
  return byTag;
}

function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [p, q = ''] = url.split('?');
  const route = p.replace(/^\//, '');
  const query: Record<string, string> = {};
  for (const part of q.split('&').filter(Boolean)) {
    const [k, v = ''] = part.split('=');
    query[k] = v;
  }
  return { route, query };
}

export class Phone {
  readonly calls: ApiCall[] = [];
  readonly navigations: Navigation[] = [];
  readonly toasts: string[] = [];
  readonly modals: Array<{ title?: string; content?: string }> = [];
  readonly clipboard: string[] = [];
  /** Calls to wx APIs the app made that the harness records (keep-screen-on, login, scanCode…). */
  readonly wxCalls: string[] = [];
  /** Errors the app's code threw or reported (app.onError, failed renders). */
  readonly errors: string[] = [];
  /** The code `wx.login` answers next (the fake code2Session maps `ok-x` to openid `openid-x`). */
  loginCode = 'ok-weapp';
  /** The text the camera sees next; null means the user cancels the scan. */
  scanResult: string | null = null;

  private readonly stack: OpenPage[] = [];
  private readonly storage = new Map<string, unknown>();
  private readonly pageIds = new Map<string, string>();
  private readonly props = propNames();
  private readonly tabs: Array<{ pagePath: string; text: string }>;
  private readonly tabPages: string[];
  private readonly allPages: Set<string>;
  private inFlight = 0;
  private callsTaken = 0;
  private navigationsTaken = 0;
  private loadingRoute: string | null = null;
  private pendingQuery: Record<string, string> = {};
  private app: Record<string, any> | null = null;
  private simulate: any;
  private exparser: any;
  private dom: any;
  private closed = false;
  private consoleError: typeof console.error | undefined;
  private privacyListener: ((resolve: (o: PrivacyAnswer) => void, info: { referrer: string }) => void) | null = null;

  constructor(private readonly options: PhoneOptions) {
    for (const [k, v] of Object.entries(options.storage ?? {})) this.storage.set(k, v);
    const appJson = JSON.parse(fs.readFileSync(path.join(WEAPP_DIST, 'app.json'), 'utf8')) as {
      pages: string[];
      subPackages: Array<{ root: string; pages: string[] }>;
      tabBar?: { list: Array<{ pagePath: string; text: string }> };
    };
    this.tabs = appJson.tabBar?.list ?? [];
    this.tabPages = this.tabs.map((t) => t.pagePath);
    this.allPages = new Set([...appJson.pages, ...appJson.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]);
  }

  /** Starts the app (App.onLaunch/onShow) and opens its first page, as WeChat does on launch. */
  async launch(url = '/pages/index/index'): Promise<void> {
    const g = globalThis as any;
    // A fresh module registry: this phone's framework, runtime and pages run their own code, whatever
    // an earlier phone loaded (the pages are required later, as they are opened).
    jest.resetModules();
    this.dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true });
    const w = this.dom.window;
    g.window = w;
    g.document = w.document;
    for (const k of ['Event', 'EventTarget', 'CustomEvent', 'TouchEvent', 'Element', 'HTMLElement', 'Node', 'MutationObserver']) g[k] = w[k];
    g.wx = this.wxStubs();
    g.App = (cfg: Record<string, any>) => {
      this.app = cfg;
    };
    g.getApp = () => this.app;
    g.getCurrentPages = () => this.stack.map((p) => p.comp.instance);
    g.Page = (cfg: Record<string, any>) => this.registerPage(cfg);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.simulate = require('miniprogram-simulate');
    // j-component's own copy of WeChat's framework, to fire events as a finger would.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.exparser = require(require.resolve('miniprogram-exparser', { paths: [path.dirname(require.resolve('j-component'))] }));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(WEAPP_DIST, 'app.js'));
    if (!this.app) throw new Error('app.js did not call App()');
    // What the app's code reports as an error (React, Taro, a failed promise it logs) fails the journey.
    this.consoleError = console.error;
    console.error = (...args: unknown[]) => {
      this.errors.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
    };
    const { route, query } = parseUrl(url);
    const launchOptions = { path: route, query, scene: 1001, referrerInfo: {} };
    this.app.onLaunch?.call(this.app, launchOptions);
    this.app.onShow?.call(this.app, launchOptions);
    this.mount(url);
    await this.idle();
  }

  /** The page on top of the stack. */
  get page(): PageView {
    const top = this.stack[this.stack.length - 1];
    if (!top) throw new Error('no page is open');
    return new PageView(top, this);
  }

  /** The routes of the open pages, bottom first. */
  get routes(): string[] {
    return this.stack.map((p) => p.route);
  }

  /** The API calls made since the last `takeCalls()`, as `METHOD /path` (`calls` keeps them all). */
  takeCalls(): string[] {
    const taken = this.calls.slice(this.callsTaken).map((c) => `${c.method} ${c.path}`);
    this.callsTaken = this.calls.length;
    return taken;
  }

  /** The navigations since the last `takeNavigations()` (`navigations` keeps them all). */
  takeNavigations(): Navigation[] {
    const taken = this.navigations.slice(this.navigationsTaken);
    this.navigationsTaken = this.navigations.length;
    return taken;
  }

  /** Waits until `check` holds (polling; the app renders asynchronously), else fails with what the page shows. */
  async waitFor(check: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      let ok = false;
      try {
        ok = check();
      } catch {
        ok = false;
      }
      if (ok) return;
      if (Date.now() > end) {
        const top = this.stack[this.stack.length - 1];
        throw new Error(
          `timed out waiting for ${what}\non ${top?.route ?? '(no page)'}: ${normalise(top?.container.textContent).slice(0, 1500)}\n` +
            `toasts: ${JSON.stringify(this.toasts)}\nerrors: ${this.errors.join('\n')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Waits for the page `route` to be on top and to show `text`. */
  async waitForPage(route: string, text?: string | RegExp): Promise<PageView> {
    await this.waitFor(() => this.stack[this.stack.length - 1]?.route === route, `page ${route}`);
    if (text !== undefined) await this.page.waitForText(text);
    return this.page;
  }

  /** No request in flight and a moment for the renders they cause. */
  async idle(): Promise<void> {
    await this.waitFor(() => this.inFlight === 0, 'the network to be idle');
    await new Promise((r) => setTimeout(r, 30));
    await this.waitFor(() => this.inFlight === 0, 'the network to be idle');
  }

  /**
   * WeChat holding a privacy-relevant API (`referrer`) until the user agrees, as it does with
   * `__usePrivacyCheck__`: the app's `onNeedPrivacyAuthorization` listener is called, and this
   * resolves with its final answer (agree or disagree), after any `exposureAuthorization`.
   */
  askPrivacy(referrer: string): { exposed: () => boolean; answer: Promise<PrivacyAnswer> } {
    const listener = this.privacyListener;
    if (!listener) throw new Error('the app registered no wx.onNeedPrivacyAuthorization listener');
    let exposed = false;
    const answer = new Promise<PrivacyAnswer>((resolve) => {
      listener((o) => {
        if (o.event === 'exposureAuthorization') exposed = true;
        else resolve(o);
      }, { referrer });
    });
    return { exposed: () => exposed, answer };
  }

  /** The back arrow in WeChat's navigation bar (not an app call). */
  async pressBack(): Promise<void> {
    const before = this.stack.length;
    this.navigateBack({}, true);
    await this.waitFor(() => this.stack.length < before, 'the previous page');
  }

  /** A tap on WeChat's tab bar (not an app call): the tab's page, every other page closed. */
  async tapTab(text: string): Promise<PageView> {
    const tab = this.tabs.find((t) => t.text === text);
    if (!tab) throw new Error(`no tab "${text}" in app.json`);
    this.navigate('switchTab', { url: `/${tab.pagePath}` }, true);
    return this.waitForPage(tab.pagePath);
  }

  storageValue(key: string): unknown {
    return this.storage.get(key);
  }

  /** Closes every page (their timers stop) and the window. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    while (this.stack.length > 0) this.unmountTop();
    this.dom?.window.close();
    if (this.consoleError) console.error = this.consoleError;
  }

  /** @internal the Taro data node rendered as `el`, with WeChat's attribute names. */
  attributesOf(el: Element): Record<string, unknown> {
    const sid = el.getAttribute('data-sid');
    const top = this.stack[this.stack.length - 1];
    const node = sid && top ? findNode(top.comp.instance.data.root, sid) : undefined;
    if (!node) return {};
    const names = this.props.get(el.tagName.toLowerCase().replace(/^wx-/, '')) ?? new Map<string, string>();
    const attrs: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'cn' || k === 'nn' || k === 'sid') continue;
      attrs[names.get(k) ?? k] = v;
    }
    return attrs;
  }

  /** @internal fires a WeChat event (tap, input…) at the element, bubbling as a finger's would. */
  fire(el: Element, type: string, detail: Record<string, unknown> = {}): void {
    const node = (el as unknown as { __wxElement?: unknown }).__wxElement;
    if (!node) throw new Error(`<${el.tagName.toLowerCase()}> is not a rendered mini-program element`);
    const event = this.exparser.Event.create(type, detail, {
      bubbles: true,
      composed: true,
      capturePhase: true,
      extraFields: { touches: {}, changedTouches: {} },
    });
    this.exparser.Event.dispatchEvent(node, event);
  }

  private registerPage(cfg: Record<string, any>): void {
    const route = this.loadingRoute;
    if (!route) throw new Error('Page() called outside a page load');
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(cfg)) if (typeof v === 'function') methods[k] = v;
    const phone = this;
    (globalThis as any).Component({
      data: cfg.data,
      methods,
      lifetimes: {
        attached(this: Record<string, any>) {
          const query = phone.pendingQuery;
          this.route = route;
          this.__route__ = route;
          this.options = query;
          try {
            cfg.onLoad?.call(this, query);
            cfg.onShow?.call(this);
          } catch (e) {
            phone.errors.push(`${route} onLoad: ${e instanceof Error ? e.stack : String(e)}`);
          }
        },
        ready(this: Record<string, any>) {
          cfg.onReady?.call(this);
        },
        detached(this: Record<string, any>) {
          cfg.onUnload?.call(this);
        },
      },
    });
  }

  private mount(url: string): void {
    const { route, query } = parseUrl(url);
    let id = this.pageIds.get(route);
    if (!id) {
      this.loadingRoute = route;
      try {
        id = this.simulate.load(path.join(WEAPP_DIST, route), 'page', { rootPath: WEAPP_DIST }) as string;
      } finally {
        this.loadingRoute = null;
      }
      this.pageIds.set(route, id);
    }
    this.pendingQuery = query;
    const comp = this.simulate.render(id) as RootComponent;
    const doc = this.dom.window.document;
    const container = doc.createElement('div') as Element;
    doc.body.appendChild(container);
    comp.attach(container);
    this.stack.push({ route, query, comp, container });
  }

  private unmountTop(): void {
    const top = this.stack.pop();
    if (!top) return;
    top.comp.detach();
    top.container.remove();
  }

  private hideTop(): void {
    const top = this.stack[this.stack.length - 1];
    top?.comp.instance.onHide?.call(top.comp.instance);
  }

  private showTop(): void {
    const top = this.stack[this.stack.length - 1];
    top?.comp.instance.onShow?.call(top.comp.instance);
  }

  /** WeChat's answer to a navigation: the refusal text, or null when it goes ahead. */
  private refusal(kind: NavigationKind, route: string): string | null {
    if (!this.allPages.has(route)) return `${kind}:fail page "${route}" is not found`;
    const isTab = this.tabPages.includes(route);
    if (kind === 'switchTab' && !isTab) return 'switchTab:fail can not switch to no-tabBar page';
    if ((kind === 'navigateTo' || kind === 'redirectTo') && isTab) return `${kind}:fail can not ${kind} a tabbar page`;
    if (kind === 'navigateTo' && this.stack.length >= MAX_PAGES) return 'navigateTo:fail webview count limit exceed';
    return null;
  }

  private navigate(kind: Exclude<NavigationKind, 'navigateBack'>, o: { url: string } & Callbacks, byUser = false): void {
    const url = String(o.url);
    const { route } = parseUrl(url);
    const refused = this.refusal(kind, route);
    const nav: Navigation = refused ? { kind, url, refused } : { kind, url };
    this.navigations.push(byUser ? { ...nav, byUser } : nav);
    setTimeout(() => {
      if (this.closed) return;
      if (refused) {
        o.fail?.({ errMsg: refused });
        o.complete?.({ errMsg: refused });
        return;
      }
      if (kind === 'navigateTo') this.hideTop();
      else if (kind === 'redirectTo') this.unmountTop();
      else while (this.stack.length > 0) this.unmountTop(); // reLaunch; switchTab closes every non-tab page
      this.mount(url);
      const res = { errMsg: `${kind}:ok` };
      o.success?.(res);
      o.complete?.(res);
    }, 0);
  }

  private navigateBack(o: { delta?: number } & Callbacks, byUser = false): void {
    setTimeout(() => {
      if (this.closed) return;
      const delta = Math.max(1, Math.min(o.delta ?? 1, this.stack.length - 1));
      if (this.stack.length <= 1) {
        this.navigations.push({ kind: 'navigateBack', url: '', refused: 'navigateBack:fail cannot navigate back at first page' });
        o.fail?.({ errMsg: 'navigateBack:fail cannot navigate back at first page' });
        return;
      }
      for (let i = 0; i < delta; i++) this.unmountTop();
      const back: Navigation = { kind: 'navigateBack', url: `/${this.stack[this.stack.length - 1].route}` };
      this.navigations.push(byUser ? { ...back, byUser } : back);
      this.showTop();
      o.success?.({ errMsg: 'navigateBack:ok' });
      o.complete?.({ errMsg: 'navigateBack:ok' });
    }, 0);
  }

  private request(o: Record<string, any> & Callbacks): object {
    const url = String(o.url);
    const method = String(o.method ?? 'GET').toUpperCase();
    const answer = (cb: ((res: unknown) => void) | undefined, res: unknown) => {
      if (this.closed) return;
      try {
        cb?.(res);
        o.complete?.(res);
      } catch (e) {
        this.errors.push(`request callback: ${e instanceof Error ? e.stack : String(e)}`);
      }
    };
    if (!url.startsWith(`${this.options.apiBase}/`)) {
      // WeChat refuses any host that is not a configured request domain.
      this.errors.push(`request to a host outside the request domain: ${method} ${url}`);
      setTimeout(() => answer(o.fail, { errMsg: 'request:fail url not in domain list' }), 0);
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    }
    const p = url.slice(this.options.apiBase.length);
    const header: Record<string, string> = { ...(o.header ?? {}) };
    const body = o.data === undefined || method === 'GET' ? undefined : typeof o.data === 'string' ? o.data : JSON.stringify(o.data);
    this.inFlight++;
    fetch(`${this.options.apiUrl}${p}`, { method, headers: header, body })
      .then(async (res) => {
        const text = await res.text();
        let data: unknown = text;
        if (o.dataType !== 'text' && text) {
          try {
            data = JSON.parse(text);
          } catch {
            data = text;
          }
        }
        const headers: Record<string, string> = {};
        res.headers.forEach((v, k) => (headers[k] = v));
        this.calls.push({
          method,
          path: p,
          status: res.status,
          requestBody: o.data,
          responseBody: data,
          authorized: Object.keys(header).some((k) => k.toLowerCase() === 'authorization'),
        });
        answer(o.success, { statusCode: res.status, data, header: headers, cookies: [], errMsg: 'request:ok' });
      })
      .catch((e: unknown) => {
        this.calls.push({ method, path: p, status: 0, requestBody: o.data, responseBody: null, authorized: false });
        answer(o.fail, { errMsg: `request:fail ${e instanceof Error ? e.message : String(e)}` });
      })
      .finally(() => {
        this.inFlight--;
      });
    return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} };
  }

  /** The wx APIs the app uses, played by the harness (simulate's own mocks cover the rest). */
  private wxStubs(): Record<string, unknown> {
    const ok = (name: string, res: Record<string, unknown> = {}) => (o: Callbacks = {}) => {
      this.wxCalls.push(name);
      const r = { errMsg: `${name}:ok`, ...res };
      setTimeout(() => {
        if (this.closed) return;
        o.success?.(r);
        o.complete?.(r);
      }, 0);
    };
    return {
      request: (o: Record<string, any>) => this.request(o),
      getStorageSync: (k: string) => (this.storage.has(k) ? this.storage.get(k) : ''),
      setStorageSync: (k: string, v: unknown) => void this.storage.set(k, v),
      removeStorageSync: (k: string) => void this.storage.delete(k),
      clearStorageSync: () => this.storage.clear(),
      getStorageInfoSync: () => ({ keys: [...this.storage.keys()], currentSize: 0, limitSize: 10240 }),
      login: (o: Callbacks = {}) => {
        this.wxCalls.push('login');
        const code = this.loginCode;
        setTimeout(() => {
          o.success?.({ code, errMsg: 'login:ok' });
          o.complete?.({ code, errMsg: 'login:ok' });
        }, 0);
      },
      scanCode: (o: Callbacks = {}) => {
        this.wxCalls.push('scanCode');
        const result = this.scanResult;
        setTimeout(() => {
          if (result === null) {
            o.fail?.({ errMsg: 'scanCode:fail cancel' });
            o.complete?.({ errMsg: 'scanCode:fail cancel' });
          } else {
            const res = { result, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' };
            o.success?.(res);
            o.complete?.(res);
          }
        }, 0);
      },
      showToast: (o: { title?: string } & Callbacks = {}) => {
        this.toasts.push(String(o.title ?? ''));
        ok('showToast')(o);
      },
      showModal: (o: { title?: string; content?: string } & Callbacks = {}) => {
        this.modals.push({ title: o.title, content: o.content });
        ok('showModal', { confirm: true, cancel: false })(o);
      },
      setClipboardData: (o: { data?: string } & Callbacks = {}) => {
        this.clipboard.push(String(o.data ?? ''));
        ok('setClipboardData')(o);
      },
      setKeepScreenOn: (o: { keepScreenOn?: boolean } & Callbacks = {}) => ok(`setKeepScreenOn(${o.keepScreenOn})`)(o),
      showLoading: ok('showLoading'),
      hideLoading: ok('hideLoading'),
      stopPullDownRefresh: ok('stopPullDownRefresh'),
      setNavigationBarTitle: ok('setNavigationBarTitle'),
      onNeedPrivacyAuthorization: (listener: Phone['privacyListener']) => {
        this.privacyListener = listener;
      },
      navigateTo: (o: { url: string } & Callbacks) => this.navigate('navigateTo', o),
      redirectTo: (o: { url: string } & Callbacks) => this.navigate('redirectTo', o),
      reLaunch: (o: { url: string } & Callbacks) => this.navigate('reLaunch', o),
      switchTab: (o: { url: string } & Callbacks) => this.navigate('switchTab', o),
      navigateBack: (o: { delta?: number } & Callbacks = {}) => this.navigateBack(o),
    };
  }
}

function findNode(node: DataNode | undefined, sid: string): DataNode | undefined {
  if (!node) return undefined;
  if (node.sid === sid) return node;
  for (const c of node.cn ?? []) {
    const hit = findNode(c, sid);
    if (hit) return hit;
  }
  return undefined;
}

/** What one open page renders, and a finger on it. */
export class PageView {
  constructor(
    private readonly open: OpenPage,
    private readonly phone: Phone,
  ) {}

  get route(): string {
    return this.open.route;
  }

  get query(): Record<string, string> {
    return this.open.query;
  }

  /** All text the page renders, whitespace collapsed. */
  get text(): string {
    return normalise(this.open.container.textContent);
  }

  /** Elements whose class list has `cls` (the simulator prefixes classes with the component's tag). */
  byClass(cls: string): Element[] {
    const re = new RegExp(`(^|\\s)([\\w-]+--)?${cls.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);
    return [...this.open.container.querySelectorAll('[class]')].filter((el) => re.test(el.getAttribute('class') ?? ''));
  }

  /** Text of each element with class `cls`. */
  textsOf(cls: string): string[] {
    return this.byClass(cls).map((el) => normalise(el.textContent));
  }

  /** The innermost elements whose whole text is `label` (or matches it), inside the element with class `within` if given. */
  byText(label: string | RegExp, within?: string): Element[] {
    const matches = (el: Element) => {
      const t = normalise(el.textContent);
      return typeof label === 'string' ? t === label : label.test(t);
    };
    const roots = within ? this.byClass(within) : [this.open.container];
    const all = roots.flatMap((r) => [...r.querySelectorAll('*')]).filter(matches);
    return all.filter((el) => !all.some((other) => other !== el && el.contains(other)));
  }

  /** Built-in elements of one kind (`image`, `input`, `textarea`…) with their attributes. */
  elements(tag: string): Array<{ el: Element; attrs: Record<string, unknown> }> {
    return [...this.open.container.querySelectorAll(`wx-${tag}`)].map((el) => ({ el, attrs: this.phone.attributesOf(el) }));
  }

  async waitForText(label: string | RegExp, timeoutMs?: number): Promise<void> {
    await this.phone.waitFor(
      () => (typeof label === 'string' ? this.text.includes(label) : label.test(this.text)),
      `"${String(label)}" on ${this.route}`,
      timeoutMs,
    );
  }

  /**
   * Taps the element showing `label` once it shows (the event bubbles to the handler, as a finger's
   * tap does); `within` names the class of the part of the page to look in when the label shows twice.
   */
  async tap(label: string | RegExp, within?: string): Promise<void> {
    const where = `${this.route}${within ? ` .${within}` : ''}`;
    await this.phone.waitFor(() => this.byText(label, within).length > 0, `"${String(label)}" to tap on ${where}`);
    const found = this.byText(label, within);
    if (found.length > 1) throw new Error(`${found.length} elements show "${String(label)}" on ${where}`);
    this.phone.fire(found[0], 'tap');
    // WeChat answers a tap on an open-type="agreePrivacyAuthorization" button with its own event too.
    const button = this.elements('button').find(({ el }) => el.contains(found[0]));
    if (button?.attrs['open-type'] === 'agreePrivacyAuthorization') this.phone.fire(button.el, 'agreeprivacyauthorization');
  }

  /** Types `value` into the input or textarea whose placeholder is `placeholder`, once it shows. */
  async type(placeholder: string | RegExp, value: string): Promise<void> {
    const fields = () =>
      [...this.elements('input'), ...this.elements('textarea')].filter(({ attrs }) => {
        const p = String(attrs.placeholder ?? '');
        return typeof placeholder === 'string' ? p === placeholder : placeholder.test(p);
      });
    await this.phone.waitFor(() => fields().length > 0, `a field with placeholder "${String(placeholder)}" on ${this.route}`);
    const found = fields();
    if (found.length > 1) throw new Error(`${found.length} fields with placeholder "${String(placeholder)}" on ${this.route}`);
    this.phone.fire(found[0].el, 'input', { value, cursor: value.length, keyCode: 0 });
  }
}
