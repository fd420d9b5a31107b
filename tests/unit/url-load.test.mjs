// Loading from a URL (www/import/pipeline.js readUrl) against a local server: a declared
// Content-Length over the limit is refused before the body is read, an undeclared body stops
// being read past the limit, a server that never answers times out, and Cancel cancels.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readUrl } from '../../www/import/pipeline.js';
import en from '../../www/strings/en.js';

const t = en.texts;
const sent = new Map(); // path → bytes written before the client went away
const server = createServer((req, res) => {
  sent.set(req.url, 0);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const pump = () => {
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      res.write(chunk);
      sent.set(req.url, sent.get(req.url) + chunk.length);
    }, 5);
    res.on('close', () => clearInterval(timer));
  };
  if (req.url === '/declared') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(200 * 1024 * 1024) });
    pump();
  } else if (req.url === '/endless') {
    res.writeHead(200, { 'content-type': 'text/plain' }); // chunked: no length said
    pump();
  } else if (req.url === '/silent') {
    // Never answers.
  } else {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('The quokka smiled.');
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
after(() => {
  server.closeAllConnections();
  server.close();
});

let decoded = 0;
const client = {
  decode: async ([buffer]) => {
    decoded += 1;
    const text = new TextDecoder().decode(buffer);
    return [{ text, bytes: buffer.byteLength, encoding: 'UTF-8', how: 'bom', binary: false, hadErrors: false }];
  },
};

test('a small text loads', async () => {
  const { item, messages } = await readUrl(client, `${base}/quokka.txt`, t);
  assert.deepEqual(messages, []);
  assert.equal(item.text, 'The quokka smiled.');
});

test('a declared Content-Length over the limit is refused without reading the body', async () => {
  const before = decoded;
  const { item, messages } = await readUrl(client, `${base}/declared`, t, { maxBytes: 1024 * 1024 });
  assert.equal(item, null);
  assert.match(messages[0].text, /is too large \(200\.0 MB\): the limit is 1 MB/);
  assert.equal(decoded, before, 'nothing decoded');
});

test('an undeclared body stops being read past the limit', async () => {
  const { item, messages } = await readUrl(client, `${base}/endless`, t, { maxBytes: 512 * 1024 });
  assert.equal(item, null);
  assert.match(messages[0].text, /is too large/);
  // The connection is closed: the server stops writing soon after the limit.
  await new Promise((r) => setTimeout(r, 200));
  const at = sent.get('/endless');
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(sent.get('/endless'), at, 'the server stopped writing');
  assert.ok(at < 64 * 1024 * 1024, `${at} bytes sent`);
});

test('a server that never answers times out with a message', async () => {
  const { item, messages } = await readUrl(client, `${base}/silent`, t, { timeout: 0.3 });
  assert.equal(item, null);
  assert.equal(messages[0].kind, 'error');
  assert.match(messages[0].text, /sent nothing for 0\.3 seconds/);
});

test('Cancel stops the load and says so', async () => {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const progress = [];
  const { item, messages } = await readUrl(client, `${base}/endless`, t, {
    signal: controller.signal, onProgress: (bytes) => progress.push(bytes),
  });
  assert.equal(item, null);
  assert.deepEqual(messages, [{ kind: 'info', text: t.urlCancelled(`${base}/endless`) }]);
  assert.ok(progress.length > 0 && progress.every((b, i) => i === 0 || b > progress[i - 1]), 'progress grows');
});
