import Taro from '@tarojs/taro';

/** WeChat keeps at most 10 pages on the stack; past this depth a new page replaces the current one. */
export const MAX_STACK_DEPTH = 9;

const NAVIGATION_FAILED = '页面打开失败，请返回后重试';

function toast(title: string): void {
  Promise.resolve(Taro.showToast({ title, icon: 'none', duration: 2500 })).catch(() => undefined);
}

export interface StackPage {
  route?: string;
  path?: string;
  options?: Record<string, string>;
}

// The mini program's own global (Taro's API object has no getCurrentPages there; H5's router does).
declare const getCurrentPages: (() => StackPage[]) | undefined;

/** The page stack, top last: Taro's in H5, WeChat's global getCurrentPages() in the mini program. */
export function currentPages(): StackPage[] {
  try {
    const fromTaro = (Taro as unknown as { getCurrentPages?: () => StackPage[] }).getCurrentPages;
    if (typeof fromTaro === 'function') return fromTaro() ?? [];
    if (typeof getCurrentPages === 'function') return getCurrentPages() ?? [];
  } catch {
    // No stack to read: navigate as if it were shallow.
  }
  return [];
}

const stack = currentPages;

/** The tab bar's pages (app.config.ts): opened with switchTab or reLaunch, never stacked. */
export const TAB_PAGES = ['/pages/index/index', '/pages/incentives/index', '/pages/loans/index', '/pages/mine/index'] as const;

/** A page's route without a leading slash or query: `packages/resident/event/index`. */
export const routeOf = (url: string) => url.replace(/^\//, '').replace(/\?.*$/, '');

const routeOfPage = (p: StackPage) => routeOf(p.route ?? p.path ?? '');

/**
 * Opens a page on top of the current one; once the stack is deep it replaces the current page
 * instead (WeChat refuses an eleventh page), and a navigation that still fails says so.
 */
export async function openPage(url: string): Promise<void> {
  try {
    if (stack().length >= MAX_STACK_DEPTH) await Taro.redirectTo({ url });
    else await Taro.navigateTo({ url });
  } catch {
    try {
      await Taro.redirectTo({ url });
    } catch {
      toast(NAVIGATION_FAILED);
    }
  }
}

/**
 * A link between pages that lead to each other (a record → 异议与修复 → the record → …): once the
 * page below the current one is already one of `loop`, the next hop replaces the current page, so
 * going round never stacks more than two of them.
 */
export async function openInLoop(url: string, loop: readonly string[]): Promise<void> {
  const pages = stack();
  const below = pages[pages.length - 2];
  if (below && loop.map(routeOf).includes(routeOfPage(below))) {
    try {
      await Taro.redirectTo({ url });
    } catch {
      toast(NAVIGATION_FAILED);
    }
    return;
  }
  await openPage(url);
}

/** The current page's URL (route and query), for coming back to it after signing in. */
export function currentPageUrl(): string | null {
  const page = stack().at(-1);
  if (!page) return null;
  if (page.path && page.path.includes('?')) {
    const [route, query] = page.path.split('?');
    const kept = query.split('&').filter((kv) => kv && !kv.startsWith('stamp=') && !kv.startsWith('$taroTimestamp='));
    return `/${routeOf(route)}${kept.length ? `?${kept.join('&')}` : ''}`;
  }
  const route = routeOfPage(page);
  if (!route) return null;
  const entries = Object.entries(page.options ?? {}).filter(([k]) => k !== 'stamp' && k !== '$taroTimestamp');
  return `/${route}${entries.length ? `?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&')}` : ''}`;
}
