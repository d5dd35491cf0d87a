// Makes docs/images/run-report.png: runs fixtures/report/market-brief.yaml with the built CLI
// against the loopback Ollama server, writes its --report and photographs it in the system Chromium
// (the browser test's setup). Run after `pnpm build`: node tests-e2e/scripts/report-screenshot.mjs
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { reply, startOllamaServer } from '@strands-cli/test-servers';
import { runCli } from '@strands-cli/test-servers/cli-process';
import { chromium } from 'playwright-core';

const spec = fileURLToPath(new URL('../fixtures/report/market-brief.yaml', import.meta.url));
const image = fileURLToPath(new URL('../../docs/images/run-report.png', import.meta.url));
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const server = await startOllamaServer();
let regulationCalls = 0;
server.setResponder((request) => {
  const messages = request.body.messages ?? [];
  const text = messages.findLast((message) => message.role === 'user')?.content ?? '';
  if (text.startsWith('Collect'))
    return reply.text('12 sources: field trials in Norway, Canada and Maine.', { delayMs: 500 });
  if (text.startsWith('Regulation')) {
    regulationCalls += 1;
    return regulationCalls < 3
      ? reply.error(503, { message: 'model overloaded', delayMs: 150 })
      : reply.error(400, { message: 'context length exceeded', delayMs: 200 });
  }
  if (text.startsWith('Pricing'))
    return reply.text('Installed cost 9-14k EUR; payback 6-9 years.', { delayMs: 700 });
  if (text.startsWith('Competitor'))
    return reply.text('Five vendors; two lead on cold-climate COP.', { delayMs: 900 });
  if (text.startsWith('Customer'))
    return reply.text('Early adopters: rural homes off the gas grid.', { delayMs: 1500 });
  if (text.startsWith('Risks')) return reply.text('Grid capacity and installer shortage.', { delayMs: 400 });
  return reply.text('The brief.', { delayMs: 300 });
});
try {
  const directory = await mkdtemp(join(tmpdir(), 'strands-report-shot-'));
  const report = join(directory, 'market-brief-report.html');
  const run = await runCli(
    ['run', spec, '--report', report, '--out', join(directory, 'out'), '--no-save-session'],
    {
      env: { OLLAMA_HOST: server.url },
      timeoutMs: 30_000,
    },
  );
  process.stderr.write(run.stderr);
  const browser = await chromium.launch({
    executablePath: process.env.STRANDS_CHROMIUM ?? '/usr/bin/chromium',
    args,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 860 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(report).href);
    await page
      .locator('details.io[data-outcome="failed"]')
      .first()
      .evaluate((section) => {
        section.open = true;
      });
    await page.screenshot({ path: image, fullPage: true });
  } finally {
    await browser.close();
  }
  process.stderr.write(`Screenshot written to ${image}\n`);
} finally {
  await server.close();
}
