import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

// Debian's Chromium: `apt-get install chromium`. Playwright's own browser downloads are not used.
const CHROMIUM = '/usr/bin/chromium';
// Ignored by git; CI keeps it as the place to look when a browser test fails.
const ARTIFACTS_DIR = fileURLToPath(new URL('../.artifacts/', import.meta.url));

export interface OpenBrowser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A headless Chromium with a throwaway profile, speaking `locale` as a person's browser would.
 * A persistent context because launch() refuses --user-data-dir, which keeps Chromium's first-run
 * and background work out of the profile the test sees. `timezoneId` (an IANA name) is the
 * browser's own zone, the machine's otherwise; `javaScriptEnabled: false`, a browser whose pages
 * run no script, as some customers' are.
 */
export async function openBrowser(
  locale: string,
  options: { timezoneId?: string; javaScriptEnabled?: boolean } = {},
): Promise<OpenBrowser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\`.`);
  const profileDir = await mkdtemp(join(tmpdir(), 'keydesk-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
    ...(options.javaScriptEnabled === false ? { javaScriptEnabled: false } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** What the page showed when a test failed: test/.artifacts/<name>.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
}
