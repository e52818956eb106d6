// A tiny static server for the page's tests: the files of one folder, on localhost, at a
// port the system picks. It serves GET and HEAD of files inside the folder only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `folder`; resolves to {url, close()} once it listens. */
export function serve(folder) {
  const root = resolve(folder);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    try {
      if (!['GET', 'HEAD'].includes(req.method)) throw Object.assign(new Error(), { status: 405 });
      if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error(), { status: 403 });
      if (!(await stat(file)).isFile()) throw Object.assign(new Error(), { status: 404 });
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (e) {
      res.writeHead(e.status ?? 404).end();
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done({
      url: `http://127.0.0.1:${server.address().port}/`,
      close: () => new Promise((closed) => server.close(closed)),
    }));
  });
}

// `node server.mjs DIR`: serve DIR until stopped, for a look at the page by hand.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const { url } = await serve(process.argv[2] ?? '.');
  console.log(`serving ${process.argv[2] ?? '.'} at ${url}`);
}
