// node axe.js PAGE.html ...: runs axe-core (WCAG 2.1 A and AA, and best practices) on each page
// in headless chromium and prints, as JSON, {page: [{id, impact, help, nodes: [target…]}]}.
// Used by tests/web.rs, which decides what fails.
'use strict';
const path = require('path');
const { pathToFileURL } = require('url');
const { withBrowser } = require('./browser');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

withBrowser(async (browser) => {
  const results = {};
  for (const file of process.argv.slice(2)) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    await page.addScriptTag({ path: require.resolve('axe-core') });
    const found = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return {
        violations: r.violations.map((v) => ({
          id: v.id, impact: v.impact, help: v.help,
          nodes: v.nodes.map((n) => n.target.join(' ')),
        })),
        passes: r.passes.length,
      };
    }, TAGS);
    results[file] = found;
    await page.close();
  }
  process.stdout.write(JSON.stringify(results, null, 2) + '\n');
}).catch((e) => {
  console.error(e);
  process.exit(1);
});
