// node screenshot.js PAGE.html WIDTH OUT.png: a full-page screenshot at WIDTH CSS pixels, for
// people to look at (no test depends on it).
'use strict';
const path = require('path');
const { pathToFileURL } = require('url');
const { withBrowser } = require('./browser');

const [file, width, out] = process.argv.slice(2);
withBrowser(async (browser) => {
  const page = await browser.newPage();
  await page.setViewport({ width: Number(width), height: 900 });
  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: out, fullPage: true });
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
