// Opens newsgraph's HTML diagram in Debian's headless Chromium (driven by playwright-core), with
// a fresh profile and every background service off, and records each console error, page error
// and network request, so that tests can insist on none. Shared by page_test.mjs and
// bench/diagram_html_bench.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {chromium} from 'playwright-core';

export const kChromium = process.env.NEWSGRAPH_CHROMIUM || '/usr/bin/chromium';

// Starts Chromium and opens `htmlFile` as file://. Returns {page, problems, requests, close}:
// `problems` collects console errors and uncaught exceptions, `requests` every request URL
// except the page itself. Waits until the page's script says it is ready (window.newsgraph).
export async function openPage(htmlFile, {width = 1600, height = 1000, timeoutMs = 120000} = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'newsgraph-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: kChromium,
    headless: true,
    viewport: {width, height},
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-default-apps', '--disable-extensions', '--no-default-browser-check',
    ],
  });
  const pageUrl = pathToFileURL(path.resolve(htmlFile)).href;
  const problems = [];
  const requests = [];
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push('console error: ' + message.text());
  });
  page.on('pageerror', (error) => problems.push('page error: ' + error.message));
  page.on('request', (request) => {
    if (request.url() !== pageUrl) requests.push(request.url());
  });
  const close = async () => {
    await context.close();
    fs.rmSync(profile, {recursive: true, force: true});
  };
  try {
    await page.goto(pageUrl, {waitUntil: 'load', timeout: timeoutMs});
    await page.waitForFunction(() => window.newsgraph && window.newsgraph.ready,
                               null, {timeout: timeoutMs, polling: 50});
  } catch (error) {
    await close();
    throw new Error(error.message + '\n' + problems.join('\n'));
  }
  return {page, problems, requests, close};
}
