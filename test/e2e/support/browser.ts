import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './stack';

// Runs inside the page; the project's Node tsconfig has no DOM types, so name what it touches.
declare const getComputedStyle: (el: unknown) => { fontSize: string };

export const ARTIFACTS_DIR = path.join(ROOT, 'test/artifacts');

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Saves under test/artifacts/; `fullPage` captures the whole scrollable page, not just the viewport. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

// Runs in the page (as a string: the Node tsconfig has no DOM types): the tallest visible page.
const FULL_HEIGHT = `Math.max(document.documentElement.scrollHeight,
  ...Array.from(document.querySelectorAll('.taro_page'))
    .filter((el) => getComputedStyle(el).display !== 'none')
    .map((el) => el.scrollHeight))`;

export interface LaunchOptions {
  /** 375×812 (a phone) unless given, e.g. 1280×800 for a desktop browser. */
  viewport?: { width: number; height: number };
  /** A touch phone (default) or a desktop browser. */
  mobile?: boolean;
}

/** Debian's Chromium, headless, with a throwaway profile, at a 375×812 phone viewport by default. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const mobile = options.mobile ?? true;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cx-e2e-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: options.viewport ?? { width: 375, height: 812 },
    deviceScaleFactor: mobile ? 2 : 1,
    isMobile: mobile,
    hasTouch: mobile,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return {
    context,
    page,
    async screenshot(name, options) {
      const file = path.join(ARTIFACTS_DIR, name);
      if (!options?.fullPage) {
        await page.screenshot({ path: file });
        return file;
      }
      // Taro's H5 pages scroll inside their own container, which Playwright's fullPage does not
      // see: make the viewport as tall as the visible page for the shot, then restore it.
      const viewport = page.viewportSize() ?? { width: 375, height: 812 };
      const height = await page.evaluate<number>(FULL_HEIGHT);
      await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, viewport.height), 8000) });
      await page.waitForTimeout(300);
      await page.screenshot({ path: file });
      await page.setViewportSize(viewport);
      return file;
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Taro slides pages in for about 0.8 s; wait it out before a screenshot or a measurement. */
export const settle = (page: Page) => page.waitForTimeout(900);

/**
 * The computed font size of the first element matching `selector`, once it is visible. Taro's H5
 * router keeps the previous page instance in the DOM while it swaps pages, so a match can be
 * detached between finding and measuring it (its computed style is then empty): measure again.
 */
export async function fontSizeOf(page: Page, selector: string): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const target = page.locator(selector).first();
    await target.waitFor({ state: 'visible', timeout: 30_000 });
    const size = await target.evaluate((el) => (el.isConnected ? parseFloat(getComputedStyle(el).fontSize) : NaN));
    if (!Number.isNaN(size) || attempt >= 20) return size;
    await page.waitForTimeout(100);
  }
}

/** A tab of Taro's H5 tab bar, by its label. */
export const tab = (page: Page, label: string) => page.locator('.weui-tabbar__item', { hasText: label });
