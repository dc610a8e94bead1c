// node ari-client 2.2.0 (the client QtAri replaces) against ari-sim, unchanged: it reads our
// /ari/api-docs/, lists channels, starts an app, originates a channel into it and gets StasisStart;
// then a call is driven through ari-sim's control API (docs/simulator.md): started with a caller id,
// DTMF from the far side, subscribed to (a call from the dialplan is heard of after StasisEnd only
// so, as Asterisk does in trace n), hung up from the far side, and ari-client sees StasisStart,
// ChannelDtmfReceived, StasisEnd and ChannelDestroyed with the cause.
// Usage: node ari-client-smoke.js <path to ari-sim>
'use strict';

const { spawn } = require('child_process');
const http = require('http');
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

const controlToken = 'node-smoke-token';
const sim = spawn(simPath, ['--port', '0', '--control-port', '0', '--control-token', controlToken, '--quiet'],
  { stdio: ['ignore', 'pipe', 'inherit'] });
let finished = false;
function finish(code, message) {
  if (finished) return;
  finished = true;
  console.log(message);
  sim.kill();
  process.exit(code);
}
let step = 'StasisStart of the originated channel';
const timer = setTimeout(() => finish(1, 'FAIL: no ' + step + ' within 20 s'), 20000);

let buffered = '';
sim.stdout.on('data', (chunk) => {
  buffered += chunk.toString();
  const m = /ari-sim listening on (http:\/\/\S+)/.exec(buffered);
  const c = /ari-sim control API on (http:\/\/\S+)\/control/.exec(buffered);
  if (m && c && !sim.started) {
    sim.started = true;
    run(m[1], c[1]).catch((err) => finish(1, 'FAIL: ' + (err && err.message ? err.message : err)));
  }
});

// One control API request (JSON in and out); resolves to { status, body }.
function control(base, method, route, body, token = controlToken) {
  return new Promise((resolve, reject) => {
    const data = body ? JSON.stringify(body) : '';
    const headers = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) };
    if (token) headers.Authorization = 'Bearer ' + token;
    const req = http.request(base + route, { method, headers }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode, body: text ? JSON.parse(text) : {} });
        } catch (e) {
          reject(new Error(method + ' ' + route + ': not JSON: ' + text));
        }
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function expectStatus(promise, status, what) {
  const r = await promise;
  if (r.status !== status) throw new Error(what + ': status ' + r.status + ' ' + JSON.stringify(r.body));
  return r.body;
}
sim.on('exit', (code) => finish(1, 'FAIL: ari-sim exited early with ' + code));

async function run(url, controlUrl) {
  await expectStatus(control(controlUrl, 'GET', '/control/state', null, ''), 401, 'control without token');
  const client = await ari.connect(url, 'asterisk', 'asterisk');
  const before = await client.channels.list();
  if (!Array.isArray(before)) throw new Error('channels.list did not give a list');
  console.log('connected; channels before: ' + before.length);

  const callId = 'node-control-call';
  const channel = client.Channel();
  client.on('StasisStart', (event, chan) => {
    if (event.application !== 'node-app') return;
    if (chan.id === channel.id) {
      console.log('StasisStart for ' + chan.id + ' (' + chan.name + ')');
      client.channels.list().then((list) => {
        if (!list.some((c) => c.id === channel.id)) return finish(1, 'FAIL: originated channel not listed');
        step = 'StasisStart of the call started through the control API';
        return expectStatus(control(controlUrl, 'POST', '/control/calls', {
          app: 'node-app', args: ['from-control'], channelId: callId, endpoint: 'PJSIP/node-caller',
          callerName: 'Node Caller', callerNumber: '5551234',
        }), 201, 'POST /control/calls');
      }).catch((err) => finish(1, 'FAIL: ' + err.message));
      return;
    }
    if (chan.id !== callId) return finish(1, 'FAIL: StasisStart for unexpected channel ' + chan.id);
    if (event.args.join(',') !== 'from-control') return finish(1, 'FAIL: args ' + JSON.stringify(event.args));
    if (chan.caller.number !== '5551234' || chan.caller.name !== 'Node Caller')
      return finish(1, 'FAIL: caller id ' + JSON.stringify(chan.caller));
    console.log('StasisStart for the control call ' + chan.id + ' (' + chan.name + ')');
    step = 'ChannelDtmfReceived from the control API';
    expectStatus(control(controlUrl, 'POST', '/control/channels/' + callId + '/dtmf', { digits: '5' }), 200, 'dtmf')
      .catch((err) => finish(1, 'FAIL: ' + err.message));
  });
  client.on('ChannelDtmfReceived', (event, chan) => {
    if (chan.id !== callId) return;
    if (event.digit !== '5') return finish(1, 'FAIL: digit ' + event.digit);
    console.log('ChannelDtmfReceived ' + event.digit);
    step = 'StasisEnd and ChannelDestroyed after the control API hung up';
    client.applications.subscribe({ applicationName: 'node-app', eventSource: 'channel:' + callId })
      .then(() => expectStatus(control(controlUrl, 'POST', '/control/channels/' + callId + '/hangup',
                                       { cause: 17 }), 200, 'hangup'))
      .catch((err) => finish(1, 'FAIL: ' + err.message));
  });
  let ended = false;
  client.on('StasisEnd', (event, chan) => {
    if (chan.id === callId) ended = true;
  });
  client.on('ChannelDestroyed', (event, chan) => {
    if (chan.id !== callId) return;
    if (!ended) return finish(1, 'FAIL: ChannelDestroyed before StasisEnd');
    if (event.cause !== 17) return finish(1, 'FAIL: cause ' + event.cause);
    control(controlUrl, 'GET', '/control/state').then((r) => {
      if (r.body.channels.some((c) => c.id === callId)) return finish(1, 'FAIL: the call is still in the state');
      clearTimeout(timer);
      finish(0, 'PASS: ari-client connected, listed channels, originated into its app, and followed a call the '
        + 'control API started, sent DTMF on and hung up (StasisStart, ChannelDtmfReceived, StasisEnd, '
        + 'ChannelDestroyed cause 17)');
    }).catch((err) => finish(1, 'FAIL: ' + err.message));
  });
  client.on('WebSocketConnected', () => {
    channel.originate({ endpoint: 'PJSIP/1000', app: 'node-app', appArgs: 'smoke' })
      .catch((err) => finish(1, 'FAIL: originate: ' + err.message));
  });
  client.start('node-app');
}
