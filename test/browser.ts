// Finds the Chromium to drive. Playwright cannot download browsers on this machine: use Debian's.
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install one with `sudo apt-get update && sudo apt-get install -y chromium fonts-liberation` ' +
        '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chrome or Chromium executable.',
    );
  }
  return found;
}

/** Flags that keep Chromium quiet and working on a closed network, as root, without a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS };
}
