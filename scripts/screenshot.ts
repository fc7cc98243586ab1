// Dev helper: `npx tsx scripts/screenshot.ts <url> <out.png> [width] [height]` takes a headless
// Chromium screenshot (Debian's /usr/bin/chromium or CHROMIUM_PATH) after the page settles.
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../test/browser.ts';

const [url = 'http://localhost:5173/', out = 'screenshot.png', width = '1440', height = '900'] = process.argv.slice(2);
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('console', (message) => {
  if (message.type() === 'error') console.error('[page]', message.text());
});
await page.goto(url);
await page.waitForLoadState('networkidle');
await page.waitForTimeout(Number(process.env.SETTLE_MS ?? 800));
await page.screenshot({ path: out, fullPage: process.env.FULL_PAGE === '1' });
await browser.close();
