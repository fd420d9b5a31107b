// The permalink's pure functions (www/permalink.js): the canonical serialisation and its
// SHA-256, checked against Python's hashlib and zlib run in the set-up on the README's
// worked example and on a corpus with metadata, CJK and emoji; base64url; DEFLATE both ways;
// reading and writing the link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  MAGIC, MAX_DATA, corpusHash, linkCorpus, deflate, fromBase64url, inflate, parseCorpus, permalink, readLink, serializeCorpus, toBase64url,
} from '../../www/permalink.js';

// Python's own implementation of the README's recipe: struct + hashlib, and zlib for data.
const PYTHON = `
import base64, hashlib, json, struct, sys, zlib
def field(s):
    b = s.encode('utf-8')
    return struct.pack('>I', len(b)) + b
def corpus(docs):
    out = b'text-explorer-corpus/1' + struct.pack('>I', len(docs))
    for d in docs:
        m = d.get('metadata', {})
        out += field(d['title']) + field(d['text'])
        out += field(m.get('author', '')) + field(m.get('date', '')) + field(m.get('source', ''))
        fields = m.get('fields', [])
        out += struct.pack('>I', len(fields))
        for f in fields:
            out += field(f['name']) + field(f['value'])
    return out
cases = json.load(sys.stdin)
print(json.dumps([{'hash': 'sha256-' + hashlib.sha256(corpus(c['docs'])).hexdigest(),
                   'inflated': hashlib.sha256(zlib.decompress(base64.urlsafe_b64decode(c['data'] + '=' * (-len(c['data']) % 4)), -15)).hexdigest()}
                  for c in cases]))
`;

const ONE = [{ title: 'Notes', text: 'A cat sat.' }];
const RICH = [
  { title: 'Mint, 3 June', text: 'Markets rallied.\r\nThe rupee held. ', metadata: { author: 'A. Writer', date: '2024-06-03', source: 'https://example.org/a', fields: [{ name: 'newspaper', value: 'Mint' }] } },
  { title: '東京の朝 🌅', text: '東京は晴れ。Ça va ? 👍🏽', metadata: { fields: [{ name: 'genre', value: 'diary' }, { name: 'group', value: 'B' }] } },
  { title: 'Empty', text: '' },
];

test('the hash of the README example and of a rich corpus equals Python hashlib on the documented recipe', async () => {
  const cases = [];
  for (const docs of [ONE, RICH]) {
    const bytes = serializeCorpus(docs);
    cases.push({ docs, data: toBase64url(await deflate(bytes)), js: await corpusHash(bytes) });
  }
  const python = JSON.parse(execFileSync('python3', ['-c', PYTHON], { input: JSON.stringify(cases) }).toString());
  for (const [i, c] of cases.entries()) {
    assert.equal(c.js, python[i].hash);
    // Python's zlib inflates the link's data (wbits −15) to the same bytes.
    assert.equal(`sha256-${python[i].inflated}`, c.js);
  }
  // The README's worked example, as it prints it.
  assert.equal(cases[0].js, python[0].hash);
  assert.match(cases[0].js, /^sha256-[0-9a-f]{64}$/);
});

test('the serialisation is length-prefixed UTF-8 and round-trips; order, text and metadata change the hash', async () => {
  const bytes = serializeCorpus(ONE);
  const expected = Buffer.concat([
    Buffer.from(MAGIC), Buffer.from([0, 0, 0, 1]),
    Buffer.from([0, 0, 0, 5]), Buffer.from('Notes'), Buffer.from([0, 0, 0, 10]), Buffer.from('A cat sat.'),
    Buffer.alloc(4), Buffer.alloc(4), Buffer.alloc(4), Buffer.alloc(4),
  ]);
  assert.deepEqual(Buffer.from(bytes), expected);
  const back = parseCorpus(serializeCorpus(RICH));
  assert.deepEqual(back.map((d) => d.text), RICH.map((d) => d.text));
  assert.deepEqual(back[0].metadata, RICH[0].metadata);
  const hash = await corpusHash(serializeCorpus(RICH));
  assert.notEqual(await corpusHash(serializeCorpus([RICH[1], RICH[0], RICH[2]])), hash);
  assert.notEqual(await corpusHash(serializeCorpus([{ ...RICH[0], text: `${RICH[0].text}x` }, RICH[1], RICH[2]])), hash);
  assert.notEqual(await corpusHash(serializeCorpus([{ ...RICH[0], metadata: {} }, RICH[1], RICH[2]])), hash);
  // As the engine keeps metadata: trimmed, blank values left out.
  const messy = [{ title: ' Notes ', text: 'A cat sat.', metadata: { author: '  ', fields: [{ name: ' x ', value: '' }] } }];
  assert.equal(await corpusHash(serializeCorpus(messy)), await corpusHash(serializeCorpus(ONE)));
});

test('a foreign or cut serialisation is refused with a reason', () => {
  const bytes = serializeCorpus(RICH);
  assert.throws(() => parseCorpus(bytes.subarray(0, bytes.length - 3)), /cut short/);
  assert.throws(() => parseCorpus(new TextEncoder().encode('PK\u0003\u0004 a zip')), /not a Text Explorer corpus/);
  assert.throws(() => parseCorpus(new Uint8Array([...bytes, 0])), /after its last document/);
});

test('base64url round-trips every length and refuses other characters', () => {
  for (let n = 0; n < 20; n += 1) {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
    const text = toBase64url(bytes);
    assert.equal(text, Buffer.from(bytes).toString('base64url'));
    assert.deepEqual(fromBase64url(text), bytes);
  }
  assert.throws(() => fromBase64url('ab+/'), /not base64url/);
  assert.throws(() => fromBase64url('abcde'), /not base64url/);
});

test('DEFLATE: the round trip, garbage refused, and a bomb stopped at the limit', async () => {
  const bytes = serializeCorpus(RICH);
  assert.deepEqual(await inflate(await deflate(bytes)), bytes);
  await assert.rejects(inflate(new Uint8Array([255, 1, 2, 3, 4, 5])));
  const big = await deflate(new Uint8Array(1_000_000));
  await assert.rejects(inflate(big, 100_000), /more than 100000 bytes/);
});

test('the link: the view state, then corpus and data; read back', () => {
  const hash = `sha256-${'ab'.repeat(32)}`;
  const url = permalink('https://example.org/explorer/?x=1#old', '#view=kwic&q=whale', hash, 'AbC-_9');
  assert.equal(url, `https://example.org/explorer/?x=1#view=kwic&q=whale&corpus=${hash}&data=AbC-_9`);
  assert.deepEqual(readLink(new URL(url).hash), { corpus: hash, data: 'AbC-_9' });
  assert.equal(permalink('https://example.org/', '', hash), `https://example.org/#corpus=${hash}`);
  assert.deepEqual(readLink(`#corpus=${hash}`), { corpus: hash, data: null });
  assert.equal(readLink('#view=kwic&q=x'), null);
  assert.deepEqual(readLink('#corpus=md5-123'), { corpus: null, data: null });
});

test('linkCorpus: a small corpus is carried, a large one named by its hash only (compressing stops at 32 KiB)', async () => {
  const small = await linkCorpus(RICH);
  assert.equal(small.hash, await corpusHash(serializeCorpus(RICH)));
  assert.deepEqual(await inflate(fromBase64url(small.data)), serializeCorpus(RICH));
  assert.equal(small.compressed, fromBase64url(small.data).length);
  // 400,000 bytes that do not compress (a seeded xorshift), as one text's letters.
  let x = 2463534242;
  const letters = Array.from({ length: 400_000 }, () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return String.fromCharCode(33 + (x % 90));
  }).join('');
  const large = await linkCorpus([{ title: 'Noise', text: letters }]);
  assert.equal(large.data, null);
  assert.equal(large.compressed, null);
  assert.ok(large.bytes > MAX_DATA * 10);
  assert.match(large.hash, /^sha256-[0-9a-f]{64}$/);
  // The README's worked example.
  assert.equal(await corpusHash(serializeCorpus(ONE)), 'sha256-51c491bdf2873e650c8b0674b5a12bd10bc6bffd4d4f6053241d81232b4a781b');
});
