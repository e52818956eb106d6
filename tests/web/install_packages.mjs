// Installs the browser tests' npm packages (package-lock.json) into a folder of the build,
// with `npm ci`, unless the same lock was installed there before.
//   node install_packages.mjs SOURCE_DIR PACKAGES_DIR [NPM]
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [source, target, npm = 'npm'] = process.argv.slice(2);
const lock = readFileSync(join(source, 'package-lock.json'), 'utf8');
const stamp = join(target, 'node_modules', '.installed-lock.json');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) {
  console.log(`web: the packages of ${join(source, 'package-lock.json')} are installed in ${target}`);
  process.exit(0);
}
mkdirSync(target, { recursive: true });
for (const name of ['package.json', 'package-lock.json']) copyFileSync(join(source, name), join(target, name));
// --ignore-scripts: puppeteer-core and axe-core need none, and no browser is downloaded.
const r = spawnSync(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: target, stdio: 'inherit' });
if (r.status !== 0) {
  console.error(`web: \`npm ci\` failed in ${target} (${r.error?.message ?? `exit code ${r.status}`}): ` +
    'the browser tests need the npm packages puppeteer-core and axe-core of tests/web/package-lock.json, ' +
    'from the npm registry.');
  process.exit(1);
}
writeFileSync(stamp, lock);
console.log(`web: installed the packages of ${join(source, 'package-lock.json')} in ${target}`);
