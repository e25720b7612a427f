// node screenshot.js PAGE.html WIDTH OUT.png [HEIGHT]: a screenshot at WIDTH CSS pixels, the
// whole page, or with HEIGHT the page cut into OUT-1.png, OUT-2.png, … of that height, for
// people to look at (no test depends on it).
'use strict';
const path = require('path');
const { pathToFileURL } = require('url');
const { withBrowser } = require('./browser');

const [file, width, out, height] = process.argv.slice(2);
withBrowser(async (browser) => {
  const page = await browser.newPage();
  await page.setViewport({ width: Number(width), height: Number(height) || 900 });
  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  if (!height) {
    await page.screenshot({ path: out, fullPage: true });
    return;
  }
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  const h = Number(height);
  for (let i = 0, y = 0; y < total; i += 1, y += h) {
    // Scrolled, not clipped: a clip is placed wrongly on right-to-left pages.
    const part = out.replace(/\.png$/, `-${i + 1}.png`);
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.screenshot({ path: part });
  }
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
