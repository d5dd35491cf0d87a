import { mkdir, mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reply } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect } from 'vitest';
import { it, userMessage } from './executors-harness.js';
import { launchChromium, openReport } from './report-browser.js';

const spec = fileURLToPath(new URL('../fixtures/report/twenty-tasks-one-fails.yaml', import.meta.url));
const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe('the run report in a real browser (system Chromium)', () => {
  it('shows one bar per task of a failed 20-task run, marks the failure, loads nothing, no errors', async ({
    server,
  }) => {
    let retried = false;
    server.setResponder((request) => {
      const text = userMessage(request);
      if (text.startsWith('FAIL')) return reply.error(400, { message: 'the model refused', delayMs: 400 });
      if (text.startsWith('task 05') && !retried) {
        retried = true;
        return reply.error(503, { message: 'busy' });
      }
      return reply.text(`done ${text} <img src=x onerror=alert(2)>`, { delayMs: 40 });
    });
    const directory = await mkdtemp(join(tmpdir(), 'strands-e2e-report-'));
    const report = join(directory, 'report.html');
    const run = await runCli(['run', spec, '--report', report, '--out', join(directory, 'out')], {
      env: { OLLAMA_HOST: server.url },
      timeoutMs: 20_000,
    });
    expect(run.code, run.stderr).toBe(10);
    expect(run.stderr).toContain('Report written to');
    expect((await stat(report)).size).toBeGreaterThan(0);

    browser = await launchChromium();
    const { page, consoleErrors, requests } = await openReport(browser, report);
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(await page.locator('.bar').count()).toBe(20);
    const tasks = await page
      .locator('.row[data-task]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-task')));
    expect(new Set(tasks).size).toBe(20);
    expect(
      await page
        .locator('.row[data-outcome="failed"]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-task'))),
    ).toEqual(['t20']);
    expect(await page.locator('svg.graph [data-node="t20"]').getAttribute('data-outcome')).toBe('failed');
    // Hostile text is shown as text: no element was made from it, no script of it ran.
    expect(await page.locator('details.io img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    // Every input/output section starts closed: its text is not shown until opened.
    expect(await page.locator('details.io').count()).toBe(20);
    expect(await page.locator('details.io[open]').count()).toBe(0);
    expect(await page.locator('details.io pre').first().isVisible()).toBe(false);
    await page.locator('[data-toggle-io="open"]').click();
    expect(await page.locator('details.io[open]').count()).toBe(20);
    await page.locator('[data-toggle-io="close"]').click();

    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'run-report.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
