// wink.js CORPUS.jsonl - the side-by-side run for `make bench-js`: wink-nlp with
// its English model tokenizes, splits sentences and detects entities in the
// same JSON-lines corpus that `make bench` gives quotegraph, and prints the
// same figures. The pipeline is wink's own readDoc; nothing is skipped.
'use strict';
const fs = require('fs');
const readline = require('readline');
const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');

async function main() {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: node wink.js CORPUS.jsonl');
    process.exit(2);
  }
  const nlp = winkNLP(model);
  const lines = readline.createInterface({ input: fs.createReadStream(path), crlfDelay: Infinity });
  let bytes = 0, docs = 0, tokens = 0, sentences = 0, entities = 0;
  const start = process.hrtime.bigint();
  for await (const line of lines) {
    if (!line) continue;
    bytes += Buffer.byteLength(line, 'utf8') + 1;
    const text = JSON.parse(line).text;
    const doc = nlp.readDoc(text);
    tokens += doc.tokens().length();
    sentences += doc.sentences().length();
    entities += doc.entities().length();
    docs++;
  }
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  const peak = process.resourceUsage().maxRSS; // KB
  console.log(`bench-js: wink-nlp ${require('wink-nlp/package.json').version} + ` +
              `${require('wink-eng-lite-web-model/package.json').version}: ${(bytes / 1e6).toFixed(1)} MB, ` +
              `${docs} documents, ${tokens} tokens, ${sentences} sentences, ${entities} entities`);
  console.log(`bench-js: 1 thread: ${secs.toFixed(2)} s, ${(bytes / 1e6 / secs).toFixed(1)} MB/s, ` +
              `${(docs / secs).toFixed(0)} documents/s, ${(tokens / 1e6 / secs).toFixed(2)} M tokens/s, ` +
              `peak memory ${(peak / 1024).toFixed(1)} MB`);
}

main().catch((e) => { console.error(`bench-js: ${e.message}`); process.exit(1); });
