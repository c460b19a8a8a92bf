// Opens the processor's dashboard in headless chromium and reports, one line each on stdout, what it sees:
//   ready            the page is live (its event stream is open and a first view rendered)
//   copied <n>       the COPIED count shown changed to n
//   screenshot <p>   the count reached --expect-copied and the page was saved to <p>
// Exit 0 on success; 2 on timeout; 1 on any other failure (reason on stderr).
// Usage: node dashboard-check.mjs --url URL --chromium PATH --screenshot FILE --expect-copied N [--timeout MS]
import { chromium } from 'playwright-core';

function options(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i += 2) {
    o[argv[i].replace(/^--/, '')] = argv[i + 1];
  }
  for (const required of ['url', 'chromium', 'screenshot', 'expect-copied']) {
    if (!o[required]) {
      throw new Error('missing --' + required);
    }
  }
  return o;
}

const say = (line) => process.stdout.write(line + '\n');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const o = options(process.argv.slice(2));
  const expected = Number(o['expect-copied']);
  const deadline = Date.now() + Number(o.timeout || 120000);
  const browser = await chromium.launch({
    executablePath: o.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => process.stderr.write('page error: ' + e.message + '\n'));
    await page.goto(o.url);
    await page.waitForSelector('#status[data-state="live"]', { timeout: 30000 });
    await page.waitForSelector('#outcome-COPIED', { timeout: 30000 });
    say('ready');
    let last = null;
    while (Date.now() < deadline) {
      const text = await page.textContent('#outcome-COPIED');
      const copied = Number(String(text).replace(/[^0-9]/g, ''));
      if (copied !== last) {
        say('copied ' + copied);
        last = copied;
      }
      if (copied >= expected) {
        // Let the running totals (committed with the processor's next transaction) reach the page too.
        await page.waitForFunction(
          (n) => Number((document.getElementById('requests-saved') || {}).textContent?.split(' ')[0]
            .replace(/[^0-9]/g, '') || 0) > 0 && n > 0, expected, { timeout: 20000 }).catch(() => {});
        await sleep(1500);
        await page.screenshot({ path: o.screenshot, fullPage: true });
        say('screenshot ' + o.screenshot);
        return 0;
      }
      await sleep(100);
    }
    process.stderr.write('timed out: the page showed ' + last + ' copied, expected ' + expected + '\n');
    return 2;
  } finally {
    await browser.close();
  }
}

main().then((code) => process.exit(code), (e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
