/** Debian's Chromium driven by playwright-core (Playwright cannot download browsers here). */
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, FLAGS } from '../../scripts/chromium.mjs';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The ids of axe's violations on the page as it is now, in light and in dark mode. */
export async function axeViolations(page: Page): Promise<{ light: string[]; dark: string[] }> {
  await page.addScriptTag({ path: AXE });
  const run = () =>
    page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string }[] }> } }).axe;
      return (await axe.run()).violations.map((violation) => violation.id);
    });
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await run();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await run();
  return { light, dark };
}
