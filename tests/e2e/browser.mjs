// Launches Debian's Chromium through playwright-core (never a downloaded browser).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const options = {
  executablePath: CHROMIUM,
  headless: true,
  // English unless a test asks for another locale (the page follows the browser's language).
  args: ['--lang=en-US', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
};

export async function launch() {
  return chromium.launch(options);
}

/** A browser context with a profile in `dir` (not off the record, unlike launch()'s contexts:
 *  Chromium only calls a page installable in such a profile). */
export async function launchProfile(dir, contextOptions = {}) {
  return chromium.launchPersistentContext(dir, { ...options, ...contextOptions });
}
