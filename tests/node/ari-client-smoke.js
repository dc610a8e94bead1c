// node ari-client 2.2.0 (the client QtAri replaces) against ari-sim, unchanged: it reads our
// /ari/api-docs/, lists channels, starts an app, originates a channel into it and gets StasisStart.
// Usage: node ari-client-smoke.js <path to ari-sim>
'use strict';

const { spawn } = require('child_process');
const path = require('path');

let ari;
try {
  ari = require(path.join(__dirname, 'node_modules', 'ari-client'));
} catch (e) {
  console.log('SKIP: ari-client is not installed (npm ci failed or npm is missing): ' + e.message);
  process.exit(77);
}

const simPath = process.argv[2];
if (!simPath) {
  console.error('usage: node ari-client-smoke.js <ari-sim>');
  process.exit(2);
}

const sim = spawn(simPath, ['--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
let finished = false;
function finish(code, message) {
  if (finished) return;
  finished = true;
  console.log(message);
  sim.kill();
  process.exit(code);
}
const timer = setTimeout(() => finish(1, 'FAIL: no StasisStart within 20 s'), 20000);

let buffered = '';
sim.stdout.on('data', (chunk) => {
  buffered += chunk.toString();
  const m = /ari-sim listening on (http:\/\/\S+)/.exec(buffered);
  if (m && !sim.started) {
    sim.started = true;
    run(m[1]).catch((err) => finish(1, 'FAIL: ' + (err && err.message ? err.message : err)));
  }
});
sim.on('exit', (code) => finish(1, 'FAIL: ari-sim exited early with ' + code));

async function run(url) {
  const client = await ari.connect(url, 'asterisk', 'asterisk');
  const before = await client.channels.list();
  if (!Array.isArray(before)) throw new Error('channels.list did not give a list');
  console.log('connected; channels before: ' + before.length);

  const channel = client.Channel();
  client.on('StasisStart', (event, chan) => {
    if (event.application !== 'node-app') return;
    if (chan.id !== channel.id) return finish(1, 'FAIL: StasisStart for unexpected channel ' + chan.id);
    console.log('StasisStart for ' + chan.id + ' (' + chan.name + ')');
    client.channels.list().then((list) => {
      if (!list.some((c) => c.id === channel.id)) return finish(1, 'FAIL: originated channel not listed');
      clearTimeout(timer);
      finish(0, 'PASS: ari-client connected, listed channels, started an app and received StasisStart');
    });
  });
  client.on('WebSocketConnected', () => {
    channel.originate({ endpoint: 'PJSIP/1000', app: 'node-app', appArgs: 'smoke' })
      .catch((err) => finish(1, 'FAIL: originate: ' + err.message));
  });
  client.start('node-app');
}
