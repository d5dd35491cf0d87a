import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** The system Chromium (Debian's `chromium` package); `STRANDS_CHROMIUM` points elsewhere. */
export function chromiumPath(): string {
  return process.env.STRANDS_CHROMIUM ?? '/usr/bin/chromium';
}

/** Flags for a headless Chromium that talks to nobody: no sandbox (containers), no background traffic. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches the system Chromium. A missing browser is a failure with the fix, never a skipped test:
 * the report's browser test must run wherever the suite runs (`.ci/run` installs it).
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is not installed at ${executablePath}: install it with \`apt-get install -y --no-install-recommends chromium\` (as .ci/run does), or set STRANDS_CHROMIUM to a Chromium binary. Never \`playwright install\`.`,
    );
  }
  return chromium.launch({ executablePath, args: chromiumArgs });
}

/** What happened while a page loaded: console errors, uncaught exceptions and every request made. */
export interface PageWatch {
  readonly page: Page;
  readonly consoleErrors: string[];
  readonly requests: string[];
}

/** Opens `file` from disk (file://) in a fresh page, recording console errors and all requests. */
export async function openReport(browser: Browser, file: string): Promise<PageWatch> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  // Anything but the report itself is refused before it leaves the browser (and recorded above).
  await page.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, consoleErrors, requests };
}
