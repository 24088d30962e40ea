/** Debian's Chromium driven by playwright-core (Playwright cannot download browsers here). */
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, FLAGS } from '../../scripts/chromium.mjs';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}
