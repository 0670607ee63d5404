import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`), which CI installs. */
export const CHROMIUM = "/usr/bin/chromium";

/**
 * `it` when Chromium is installed (always in CI, which installs it), else `it.skip` with a note:
 * a fresh machine's `npm test` must not fail for want of a browser.
 */
export function itInBrowser(): jest.It {
  if (existsSync(CHROMIUM) || process.env.CI) return it;
  console.warn(`${CHROMIUM} missing (apt-get install chromium): browser tests skipped`);
  return it.skip;
}

/** Headless Chromium as this machine allows it: no sandbox as root, no background networking. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
