import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

function formatViolation(violation: Result): string {
  const nodes = violation.nodes
    .map((node) => `    ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replaceAll('\n', '\n      ')}`)
    .join('\n');
  return `  [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}`;
}

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation, listing
 * each with the elements concerned. Minor and moderate findings are left to review, not to CI.
 */
export async function expectAccessible(page: Page, pageName: string): Promise<void> {
  // Judge the page once its data has arrived, not a loading state that depends on timing.
  await page.waitForLoadState('networkidle');
  // And once nothing is fading in or out: an element mid-transition (a notice leaving, a dialog
  // opening) has the colours of neither end, and axe would judge its contrast at a random moment.
  // (Finite ones only: a spinner turns for ever.)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => null)),
    ),
  );
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol rather than added as a <script>: the api's
  // Content-Security-Policy rightly forbids inline scripts, and the test must not weaken it.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  if (blocking.length > 0) {
    throw new Error(`Accessibility violations on ${pageName}:\n${blocking.map(formatViolation).join('\n')}`);
  }
}

/**
 * expectAccessible for a page of a browser without JavaScript. axe needs timers, which such a page
 * never runs (Chromium blocks them along with the page's scripts), so the DOM that browser built is
 * judged in `judge`, a page of a browser with scripts, as its content: at about:blank, where the
 * page's own scripts (relative addresses) do not load, so it stays the page a script never touched.
 */
export async function expectAccessibleWithoutScripts(page: Page, judge: Page, pageName: string): Promise<void> {
  await page.waitForLoadState('load');
  await judge.setContent(await page.content());
  await expectAccessible(judge, pageName);
}
