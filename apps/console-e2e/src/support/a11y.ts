import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * axe-core's source. The console's Content-Security-Policy (`script-src 'self'`) rightly refuses
 * an injected `<script>` tag (`page.addScriptTag`), so the source is evaluated through the
 * DevTools protocol instead, which the page's CSP does not govern.
 */
let axeSource: string | null = null;

/** One axe-core rule a page breaks, with the elements that break it. */
export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Impacts that fail the run; minor and moderate findings are reported but tolerated. */
const BLOCKING = new Set(['serious', 'critical']);

/** Runs axe-core (WCAG 2.x A/AA rules) on the page as it is now. */
export async function axeViolations(page: Page): Promise<A11yViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: AxeLike }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}

interface AxeLike {
  run(
    context: Document,
    options: Record<string, unknown>,
  ): Promise<{
    violations: {
      id: string;
      impact?: string | null;
      help: string;
      nodes: { target: string[] }[];
    }[];
  }>;
}

/** The serious and critical violations, one readable line each (empty when there are none). */
export async function blockingViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page))
    .filter((v) => v.impact !== null && BLOCKING.has(v.impact))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.targets.slice(0, 5).join(', ')}`);
}

/** Fails the spec on any serious or critical axe violation of the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await blockingViolations(page))
    .withContext(what)
    .toEqual([]);
}
