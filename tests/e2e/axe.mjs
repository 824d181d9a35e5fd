// axe-core inside the page (node_modules/axe-core, pinned in package.json):
// the WCAG 2.0/2.1 A and AA rules and the best practices, the violations
// grouped by impact. The page's Content-Security-Policy refuses inline
// scripts, so axe is served from the page's own origin (a route of the test)
// and added as `<script src>`: the audit sees the page as users get it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const axePath = path.resolve(here, '../../node_modules/axe-core/axe.min.js');
export const IMPACTS = ['critical', 'serious', 'moderate', 'minor'];

/** Runs axe on the page (or on `include`, a CSS selector) and returns
 *  `{ counts: { critical, serious, moderate, minor }, violations }`. */
export async function audit(page, include) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    const url = new URL('/__axe.min.js', page.url()).href;
    await page.route(url, (route) => route.fulfill({ path: axePath, contentType: 'text/javascript' }));
    await page.addScriptTag({ url });
  }
  const violations = await page.evaluate(async (include) => {
    const r = await window.axe.run(include ? { include: [include] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 220)}`),
    }));
  }, include);
  const counts = Object.fromEntries(IMPACTS.map((i) => [i, 0]));
  for (const v of violations) counts[v.impact] += v.nodes.length;
  return { counts, violations };
}

/** The serious and critical violations as readable lines (for an assertion's message). */
export const severe = ({ violations }) => violations
  .filter((v) => v.impact === 'serious' || v.impact === 'critical')
  .flatMap((v) => v.nodes.map((n) => `[${v.impact}] ${v.id} (${v.help}) ${n}`));
