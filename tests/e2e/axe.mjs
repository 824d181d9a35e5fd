// axe-core inside the page (node_modules/axe-core, pinned in package.json):
// the WCAG 2.0/2.1 A and AA rules and the best practices, the violations
// grouped by impact. The page keeps its Content-Security-Policy and its
// service worker: the audit sees the page as users get it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const axeSource = fs.readFileSync(path.resolve(here, '../../node_modules/axe-core/axe.min.js'), 'utf8');
export const IMPACTS = ['critical', 'serious', 'moderate', 'minor'];

/** Runs axe on the page (or on `include`, a CSS selector) and returns
 *  `{ counts: { critical, serious, moderate, minor }, violations }`. */
export async function audit(page, include) {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
  // govern (a script element would be refused, and a route would miss what the service worker serves).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
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
