// Debian's chromium through puppeteer-core, the way every script here opens it: headless, no
// network of its own, a fresh profile folder removed afterwards. PUPPETEER_SKIP_DOWNLOAD=true at
// install: no browser is downloaded, the system's is used (CHROMIUM overrides its path).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

async function withBrowser(run) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'mgi-web-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--no-first-run', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
  });
  try {
    return await run(browser);
  } finally {
    await browser.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

module.exports = { withBrowser };
