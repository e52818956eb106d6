// The coordinator's page in headless Chromium, as a coordinator uses it: open the sample
// school's files, check them, pair, pin a pair and pair again, download the files, in
// English and in Dutch. The downloads must be the bytes the native tool writes for the
// same programme document in the same language; problems the text the tool prints; after
// load the page makes no network request; axe-core finds no serious or critical
// accessibility violation.
//
//   node page.test.mjs --page BUILD/web --tool BUILD/examples/peerkit
//                      [--packages DIR] [--source SOURCE_DIR] [--screenshots DIR]
//
// --packages: the folder `npm ci` installed puppeteer-core and axe-core in (default: this
// folder); --screenshots: also save docs/images/web-*.png (1280x800) into DIR.
// Chromium: PEERKIT_CHROMIUM, or /usr/bin/chromium.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { serve } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { values: options } = parseArgs({
  options: {
    page: { type: 'string' },
    tool: { type: 'string' },
    packages: { type: 'string', default: here },
    source: { type: 'string', default: resolve(here, '../..') },
    screenshots: { type: 'string' },
  },
});

// --- what the tests need, each missing one said plainly --------------------------------

function need(condition, message) {
  if (!condition) {
    console.error(`web: ${message}`);
    process.exit(1);
  }
}
need(options.page && options.tool, 'usage: node page.test.mjs --page BUILD/web --tool PEERKIT [--packages DIR] [--screenshots DIR]');
options.page = resolve(options.page);
options.tool = resolve(options.tool);  // it runs in folders of its own
for (const name of ['index.html', 'app.js', 'style.css', 'peerkit.js'])
  need(existsSync(join(options.page, name)), `${join(options.page, name)} is missing: build peerkit with -DPEERKIT_WITH_WEB=ON (target peerkit_web)`);
need(existsSync(options.tool), `the tool ${options.tool} is missing: build the target peerkit_tool`);
const chromium = process.env.PEERKIT_CHROMIUM ?? '/usr/bin/chromium';
need(existsSync(chromium), `no Chromium at ${chromium}: apt-get install chromium, or set PEERKIT_CHROMIUM`);

const packages = createRequire(join(resolve(options.packages), 'package.json'));
let puppeteer;
let axeSource;
try {
  puppeteer = (await import(pathToFileURL(packages.resolve('puppeteer-core')).href)).default;
  axeSource = readFileSync(packages.resolve('axe-core/axe.min.js'), 'utf8');
} catch {
  need(false, `the npm packages puppeteer-core and axe-core are not installed in ${resolve(options.packages)}/node_modules: ` +
    'run `npm ci` in tests/web, or ctest\'s "web: npm ci" (tests/web/package-lock.json)');
}

// --- the sample and the native tool ------------------------------------------------------

const data = join(options.source, 'examples/data');
const SAMPLE = { programme: 'sample_programme.json', school: 'sample_school.json' };
const sampleText = (name) => readFileSync(join(data, name), 'utf8');
const CREATED = 1760000000;  // 2025-10-09T08:53:20Z: year.ics's DTSTAMP, the tool's SOURCE_DATE_EPOCH
const COMPARED = ['result.json', 'report.md', 'programme.json', 'year.ics'];

const work = mkdtempSync(join(tmpdir(), 'peerkit-web-'));
let folders = 0;
const folder = (name) => {
  const dir = join(work, `${++folders}-${name}`);
  mkdirSync(dir);
  return dir;
};

/** The tool run in a folder holding `files` (name: text): its exit code, output and folder. */
function tool(files, args) {
  const dir = folder('tool');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const r = spawnSync(options.tool, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: String(CREATED) } });
  assert.equal(r.error, undefined, `${options.tool} did not run`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, dir };
}

/** The files the page must download for the programme document `programme` beside the
 *  sample school: `peerkit run --output --language LANGUAGE`'s. */
function expectedFiles(programme, language, reveal) {
  const files = { [SAMPLE.programme]: programme, [SAMPLE.school]: sampleText(SAMPLE.school) };
  const r = tool(files, ['run', SAMPLE.programme, '--output', 'out', '--language', language,
    ...(reveal ? ['--reveal-special-category', reveal] : [])]);
  assert.equal(r.code, 0, `peerkit run failed: ${r.stderr}`);
  return Object.fromEntries(readdirSync(join(r.dir, 'out')).map((name) => [name, readFileSync(join(r.dir, 'out', name))]));
}

// --- the browser and the page --------------------------------------------------------------

let browser;
let server;

before(async () => {
  server = await serve(options.page);
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // Chromium's sandbox does not run as root (CI's containers).
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--lang=en-GB'],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The page opened at `url` and ready (peerkit loaded); from then on every request and every
 *  console error is counted. */
async function open({ language = 'en', base = server.url, created = CREATED } = {}) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  await page.goto(`${base}index.html?lang=${language}&created=${created}`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const requests = [];
  page.on('request', (r) => {
    // data: and blob: URLs name what the page holds in memory (pictures, downloads).
    if (!/^(data|blob):/.test(r.url())) requests.push(r.url());
  });
  return { page, requests, problems };
}

const text = (page, selector) => page.$eval(selector, (e) => e.textContent.trim());

/** Opens files through the file input, as the file picker does, and waits for the check. */
async function upload(page, paths) {
  const input = await page.$('#file-input');
  // The page is busy from the input's change event until its check ends; marked busy here
  // already, in case the event comes after uploadFile returns.
  await page.evaluate(() => document.querySelector('main').setAttribute('aria-busy', 'true'));
  await input.uploadFile(...paths);
  await waitForRun(page);
}

async function run(page) {
  await page.click('#run');
  await waitForRun(page);
}

/** Waits until peerkit's check or run ended (the page is no longer busy). */
async function waitForRun(page) {
  await page.waitForSelector('main[aria-busy="false"]', { timeout: 120000 });
}

async function view(page, name) {
  await page.click(`#tab-${name}`);
  await page.waitForSelector(`#view-${name}:not([hidden])`);
}

/** Downloads `name` with the page's button into a new folder; its bytes. */
async function download(page, name) {
  const dir = folder('download');
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
  await view(page, 'downloads');
  await page.click(`#view-downloads button[data-file="${name}"]`);
  const file = join(dir, name);
  for (let waited = 0; !existsSync(file) || readdirSync(dir).some((f) => f.endsWith('.crdownload')); waited += 50) {
    assert.ok(waited < 30000, `${name} was not downloaded`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await cdp.detach();
  return readFileSync(file);
}

/** axe-core over every view of the page: the serious and critical violations. */
async function accessibility(page, views) {
  // Evaluated over the DevTools protocol: the page's Content-Security-Policy forbids
  // inline scripts, which page.addScriptTag would add.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const found = [];
  for (const name of views) {
    if (name) await view(page, name);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    for (const v of result.violations)
      if (['serious', 'critical'].includes(v.impact))
        found.push(`${name ?? 'page'}: ${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  return found;
}

/** With --screenshots: the window, scrolled to `top` (a selector), as web-NAME.png. */
async function screenshot(page, name, top) {
  if (!options.screenshots) return;
  mkdirSync(options.screenshots, { recursive: true });
  await page.$eval(top, (e) => e.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: join(options.screenshots, `web-${name}.png`) });
}

const VIEWS = ['selection', 'pairs', 'unpaired', 'leaders', 'year', 'checklist', 'report', 'pictures', 'downloads'];

// --- the tests -----------------------------------------------------------------------------

for (const language of ['en', 'nl']) {
  describe(`the sample school in ${language === 'en' ? 'English' : 'Dutch'}`, () => {
    let session;
    let pinned;

    before(async () => {
      session = await open({ language });
    });
    after(async () => {
      await session.page.close();
    });

    test('the page is in the language, nothing is opened yet', async () => {
      const { page } = session;
      assert.equal(await page.$eval('html', (e) => e.lang), language);
      assert.equal(await text(page, 'h1'), language === 'en' ? 'Peer support programme' : 'Peer support-programma');
      assert.equal(await page.$eval('#run', (e) => e.disabled), true);
      assert.deepEqual(await accessibility(page, [null]), []);
    });

    test('opening the programme and the school tells which file is which and checks them', async () => {
      const { page } = session;
      await upload(page, [join(data, SAMPLE.programme), join(data, SAMPLE.school)]);
      const uses = await page.$$eval('#file-table select', (all) => Object.fromEntries(all.map((s) => [s.dataset.file, s.value])));
      assert.deepEqual(uses, { [SAMPLE.programme]: 'programme', [SAMPLE.school]: 'school' });
      assert.equal(await page.$eval('#problems-box', (e) => e.hidden), true);
      assert.equal(await page.$eval('#run', (e) => e.disabled), false);
      // The tool prints "sample_programme.json: valid: 131 students, ..."; the page the summary.
      const validate = tool({ [SAMPLE.programme]: sampleText(SAMPLE.programme), [SAMPLE.school]: sampleText(SAMPLE.school) },
        ['validate', SAMPLE.programme]);
      assert.equal(validate.code, 0);
      const summary = validate.stdout.trim().slice(`${SAMPLE.programme}: `.length);
      assert.ok((await text(page, '#status')).endsWith(summary), `the status does not end with "${summary}"`);
      if (language === 'en') await screenshot(page, 'opened', 'body');
    });

    test('pairing shows every view, the report rendered from report.md', async () => {
      const { page } = session;
      await run(page);
      assert.equal(await page.$eval('#results', (e) => e.hidden), false);
      const report = expectedFiles(sampleText(SAMPLE.programme), language)['report.md'].toString('utf8');
      await view(page, 'report');
      assert.equal(await text(page, '#view-report h3'), report.split('\n')[0].replace(/^# /, ''));
      assert.equal(await page.$$eval('#view-report h4', (all) => all.length), (report.match(/^## /gm) ?? []).length);
      // Raw markup of an input never becomes elements: the report has no links or scripts.
      assert.equal(await page.$$eval('#view-report script, #view-report a, #view-report img', (all) => all.length), 0);
      await view(page, 'selection');
      assert.ok(await page.$$eval('#view-selection tbody tr', (rows) => rows.length) > 10);
      await view(page, 'year');
      assert.ok(await page.$$eval('#view-year tbody tr', (rows) => rows.length) > 100);
      await view(page, 'pictures');
      const pictures = await page.$$eval('#view-pictures img', (all) => all.map((i) => ({ src: i.src.slice(0, 19), ok: i.complete && i.naturalWidth > 0 })));
      assert.ok(pictures.length > 0);
      for (const p of pictures) assert.deepEqual(p, { src: 'data:image/svg+xml;', ok: true });
      if (language === 'en') {
        await view(page, 'report');
        await screenshot(page, 'report', '#tabs');
      }
    });

    test('the tabs follow the arrow keys', async () => {
      const { page } = session;
      await view(page, 'selection');
      await page.focus('#tab-selection');
      await page.keyboard.press('ArrowRight');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-pairs');
      assert.equal(await page.$eval('#view-pairs', (e) => e.hidden), false);
      await page.keyboard.press('End');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-downloads');
    });

    test('pinning a pair pairs again and shows it pinned', async () => {
      const { page } = session;
      await view(page, 'pairs');
      pinned = await page.$eval('#pair-list li.pair[data-role="peer_buddy"]:not(:has(.badge.pinned))', (li) => ({
        supporter: Number(li.dataset.supporter), supportee: Number(li.dataset.supportee) }));
      await page.click(`#pair-list li.pair[data-supporter="${pinned.supporter}"][data-supportee="${pinned.supportee}"] button.pin`);
      await waitForRun(page);
      assert.equal(await page.$$eval(`#pair-list li.pair[data-supporter="${pinned.supporter}"][data-supportee="${pinned.supportee}"] .badge.pinned`, (all) => all.length), 1);
      assert.deepEqual(await page.$$eval('#pins ul.pinned_pairs li', (all) => all.map((li) => [Number(li.dataset.supporter), Number(li.dataset.supportee)])),
        [[pinned.supporter, pinned.supportee]]);
      if (language === 'en') await screenshot(page, 'pairs', '#tabs');
    });

    test('the downloads are the bytes of peerkit run --output on the pinned programme', async () => {
      const { page } = session;
      const programme = JSON.parse(sampleText(SAMPLE.programme));
      programme.pinned_pairs = [pinned];
      const expected = expectedFiles(`${JSON.stringify(programme, null, 1)}\n`, language);
      for (const name of COMPARED) {
        const bytes = await download(page, name);
        assert.ok(bytes.equals(expected[name]), `${name} differs from the tool's`);
      }
      assert.match(expected['programme.json'].toString('utf8'), /"pinned_pairs"/);
    });

    test('forbidding a pair keeps the two apart; removing the choices pairs as before', async () => {
      const { page } = session;
      await view(page, 'pairs');
      const forbidden = await page.$eval('#pair-list li.pair[data-role="newcomer_buddy"]', (li) => ({
        supporter: Number(li.dataset.supporter), supportee: Number(li.dataset.supportee) }));
      await page.click(`#pair-list li.pair[data-supporter="${forbidden.supporter}"][data-supportee="${forbidden.supportee}"] button.forbid`);
      await waitForRun(page);
      assert.equal(await page.$$eval(`#pair-list li.pair[data-supporter="${forbidden.supporter}"][data-supportee="${forbidden.supportee}"]`, (all) => all.length), 0);
      assert.equal(await page.$$eval('#pins ul.forbidden_pairs li', (all) => all.length), 1);
      for (const list of ['forbidden_pairs', 'pinned_pairs']) {
        await page.click(`#pins ul.${list} li button`);
        await waitForRun(page);
      }
      assert.equal(await page.$$eval('#pins ul li', (all) => all.length), 0);
      assert.equal(await page.$$eval('#pair-list .badge.pinned', (all) => all.length), 0);
    });

    test('picking two students pins them; a choice peerkit refuses changes nothing', async () => {
      const { page } = session;
      await view(page, 'pairs');
      const [first, second] = await page.$$eval('#pair-list li.pair[data-role="peer_buddy"]', (all) => all.slice(0, 2).map((li) => ({ supporter: li.dataset.supporter, supportee: li.dataset.supportee })));
      const pick = async (supporter, supportee) => {
        await page.select('#choice-role', 'peer_buddy');
        await page.select('#choice-supporter', supporter);
        await page.select('#choice-supportee', supportee);
        await page.click('#choice-pin');
        await waitForRun(page);
      };
      const pins = () => page.$$eval('#pins ul.pinned_pairs li', (all) => all.map((li) => [li.dataset.supporter, li.dataset.supportee]));
      await pick(first.supporter, first.supportee);
      assert.deepEqual(await pins(), [[first.supporter, first.supportee]]);
      assert.equal(await page.$eval('#problems-box', (e) => e.hidden), true);

      // A supportee pinned twice: refused with the tool's problem, the pairs shown stay.
      await pick(second.supporter, first.supportee);
      assert.match(await text(page, '#problems'), /matching\.pin_conflict/);
      assert.equal(await page.$eval('#results', (e) => e.hidden), false);
      assert.deepEqual(await pins(), [[first.supporter, first.supportee]]);

      await page.click('#pins ul.pinned_pairs li button');
      await waitForRun(page);
      assert.deepEqual(await pins(), []);
      assert.equal(await page.$eval('#problems-box', (e) => e.hidden), true);
    });

    test('axe-core finds no serious or critical violation in any view', async () => {
      assert.deepEqual(await accessibility(session.page, VIEWS), []);
    });

    test('no network request after load, no error on the console', () => {
      assert.deepEqual(session.requests, []);
      assert.deepEqual(session.problems, []);
    });
  });
}

test('switching the language translates the page and writes the report in that language', async () => {
  const { page, requests, problems } = await open({ language: 'en' });
  await upload(page, [join(data, SAMPLE.programme), join(data, SAMPLE.school)]);
  await run(page);
  await page.click('#language');
  await waitForRun(page);
  assert.equal(await page.$eval('html', (e) => e.lang), 'nl');
  assert.equal(await text(page, '#tab-pairs'), 'Koppels');
  const expected = expectedFiles(sampleText(SAMPLE.programme), 'nl')['report.md'];
  assert.ok((await download(page, 'report.md')).equals(expected), 'the Dutch report differs from the tool\'s');
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a bad programme shows each problem located, as the tool prints it', async () => {
  const programme = JSON.parse(sampleText(SAMPLE.programme));
  programme.pairing_date = '2025-13-07';
  programme.matching.objective = 'most_suported';
  programme.roles[1].supportees_per_supporter = [1, 99];
  const files = { 'bad_programme.json': `${JSON.stringify(programme, null, 1)}\n`, [SAMPLE.school]: sampleText(SAMPLE.school) };
  const expected = tool(files, ['validate', 'bad_programme.json']);
  assert.equal(expected.code, 2);
  const dir = folder('bad');
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);

  const { page, requests, problems } = await open({ language: 'en' });
  await upload(page, Object.keys(files).map((name) => join(dir, name)));
  const shown = await page.$$eval('#problems li', (all) => all.map((li) =>
    `peerkit: ${li.querySelector('.problem-text').textContent} [${li.querySelector('.problem-id').textContent}]\n`).join(''));
  assert.equal(shown, expected.stderr);
  assert.equal(await page.$eval('#problems-box', (e) => e.hidden), false);
  assert.equal(await page.$eval('#run', (e) => e.disabled), true);
  assert.deepEqual(await accessibility(page, [null]), []);
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a file that is not UTF-8 is named as a problem until it is removed', async () => {
  const dir = folder('utf16');
  const utf16 = join(dir, 'leerlingen.csv');
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id;name\r\n', 'utf16le')]));
  const { page, requests, problems } = await open({ language: 'en' });
  await upload(page, [join(data, SAMPLE.programme), join(data, SAMPLE.school), utf16]);
  assert.equal(await text(page, '#problems'), 'leerlingen.csv: is not UTF-8 text; save it as UTF-8');
  assert.equal(await page.$eval('#run', (e) => e.disabled), true);
  await page.click('#file-table button[aria-label="Remove leerlingen.csv"]');
  await waitForRun(page);
  assert.equal(await page.$eval('#problems-box', (e) => e.hidden), true);
  assert.equal(await page.$eval('#run', (e) => e.disabled), false);
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('special-category data only behind the access step with a stated purpose', async () => {
  const { page, requests, problems } = await open({ language: 'en' });
  await upload(page, [join(data, SAMPLE.programme), join(data, SAMPLE.school)]);
  await run(page);
  const plain = (await download(page, 'programme.json')).toString('utf8');
  assert.doesNotMatch(plain, /special_category_revealed/);

  await page.click('#reveal summary');
  await page.type('#reveal-purpose', '   ');
  await page.click('#reveal-form button[type="submit"]');
  assert.notEqual(await text(page, '#reveal-error'), '');
  assert.equal(await page.$eval('#reveal-state', (e) => e.hidden), true);

  const purpose = 'matching newcomers with buddies who know their country';
  await page.$eval('#reveal-purpose', (e) => { e.value = ''; });
  await page.type('#reveal-purpose', purpose);
  await page.click('#reveal-form button[type="submit"]');
  await waitForRun(page);
  assert.equal(await page.$eval('#reveal-state', (e) => e.hidden), false);
  const revealed = await download(page, 'programme.json');
  assert.equal(JSON.parse(revealed.toString('utf8')).special_category_revealed.purpose, purpose);
  const expected = expectedFiles(sampleText(SAMPLE.programme), 'en', purpose)['programme.json'];
  assert.ok(revealed.equals(expected), 'the revealed programme.json differs from the tool\'s');

  await page.click('#reveal-stop');
  await waitForRun(page);
  assert.ok((await download(page, 'programme.json')).equals(Buffer.from(plain)));
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the page works opened from file://', async () => {
  const { page, requests, problems } = await open({ language: 'nl', base: pathToFileURL(`${resolve(options.page)}/`).href });
  await upload(page, [join(data, SAMPLE.programme), join(data, SAMPLE.school)]);
  await run(page);
  await view(page, 'report');
  assert.ok((await text(page, '#view-report h3')).length > 0);
  const expected = expectedFiles(sampleText(SAMPLE.programme), 'nl')['year.ics'];
  assert.ok((await download(page, 'year.ics')).equals(expected), 'year.ics differs from the tool\'s');
  assert.deepEqual(requests, []);
  assert.deepEqual(problems, []);
  await page.close();
});
