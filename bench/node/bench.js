#!/usr/bin/env node
// The node side of QtAri's benchmarks: the same measures as qtari-bench, run with node ari-client 2.2.0
// (and, for the ceiling, a bare `ws` client that only runs JSON.parse). Follows the flood protocol in
// ../shared/BENCH-PROTOCOL.md. Prints one JSON line per measure, with the same field names as qtari-bench.
//
//   node bench.js --measure connect|events|rest|memory|soak|rawws --url http://127.0.0.1:8088 \
//                 --user asterisk --pass asterisk --app bench [--attempts 10] [--requests 20000] ...
'use strict';

const http = require('http');
const util = require('util');

function parseArgs(argv) {
  const opts = {
    measure: 'connect', url: 'http://127.0.0.1:8088', user: 'asterisk', pass: 'asterisk', app: 'bench',
    attempts: 10, requests: 20000, inflight: 64, warmup: 2000, channels: 10000, endpoint: 'Local/1000@bench',
    samples: 10, timeout: 600,
  };
  for (let i = 2; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in opts)) throw new Error('unknown option ' + argv[i]);
    const value = argv[++i];
    opts[key] = typeof opts[key] === 'number' ? Number(value) : value;
  }
  opts.url = opts.url.replace(/\/+$/, '').replace(/\/ari$/, '');
  return opts;
}

const opts = parseArgs(process.argv);
// ari-client's swagger loader prints warnings with console.log: keep stdout for the one result line.
console.log = (...args) => console.error(...args);
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const mb = bytes => Math.round(bytes / 1048576 * 10) / 10;
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1))];
const peakRssMb = () => round(process.resourceUsage().maxRSS / 1024, 1); // maxRSS is in KiB
const cpuUs = () => { const u = process.cpuUsage(); return u.user + u.system; };
const gc = () => { if (global.gc) { global.gc(); global.gc(); } };

function emit(result) {
  const line = Object.assign({ client: 'node-ari-client', measure: opts.measure }, result);
  process.stdout.write(JSON.stringify(line) + '\n');
}

function fail(message) {
  emit({ error: String(message) });
  process.exit(1);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: opts.inflight });
function getJson(path, auth) {
  return new Promise((resolve, reject) => {
    const headers = {};
    if (auth) headers.authorization = 'Basic ' + Buffer.from(opts.user + ':' + opts.pass).toString('base64');
    http.get(opts.url + path, { headers, agent }, res => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', chunk => { body += chunk; });
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`GET ${path}: HTTP ${res.statusCode} ${body}`));
        try { resolve(JSON.parse(body)); } catch (e) { reject(e); }
      });
    }).on('error', reject);
  });
}

// The flood a new socket will receive (BENCH-PROTOCOL.md): event count, channel ids, counts per type.
async function floodInfo() {
  const info = await getJson('/flood/info', false);
  if (!info || typeof info.events !== 'number' || !Array.isArray(info.channel_ids)) throw new Error('bad /flood/info');
  return info;
}

const isSentinel = e => e.type === 'ChannelUserevent' && e.eventname === 'BenchDone';

function loadClient() {
  return require('ari-client');
}

// --- connect-to-ready: connect (14 requests + swagger) and open the event socket ---------------------
async function measureConnect() {
  const ari = loadClient();
  const times = [];
  for (let i = 0; i < opts.attempts; i++) {
    const t0 = nowMs();
    const client = await ari.connect(opts.url, opts.user, opts.pass);
    await client.start(opts.app);
    times.push(nowMs() - t0);
    client.stop();
  }
  emit({ attempts: times.length, median_ms: round(median(times), 3), first_ms: round(times[0], 3),
         min_ms: round(Math.min(...times), 3), rss_mb: peakRssMb() });
}

// --- event dispatch through ari-client: a listener per event type and per-channel listeners -----------
const perChannelTypes = ['ChannelStateChange', 'ChannelDtmfReceived', 'ChannelDestroyed'];

async function runFlood(client, info, { perChannel, sampleEvery }) {
  const seen = {};
  const perChannelSeen = {};
  let wrongInstance = 0;
  let total = 0;
  let tFirst = 0;
  let cpuFirst = 0;
  const rssSamples = [];
  let resolveDone;
  const done = new Promise(resolve => { resolveDone = resolve; });

  const onEvent = type => event => {
    if (total === 0 && !tFirst) { tFirst = nowMs(); cpuFirst = cpuUs(); }
    if (isSentinel(event)) {
      resolveDone({ tEnd: nowMs(), cpuEnd: cpuUs() });
      return;
    }
    seen[type] = (seen[type] || 0) + 1;
    ++total;
    if (sampleEvery && total % sampleEvery === 0) rssSamples.push(process.memoryUsage.rss());
  };
  const eventTypes = Object.keys(client._swagger.apis.events.models)
    .filter(name => name !== 'Message' && name !== 'Event');
  for (const type of eventTypes) client.on(type, onEvent(type));

  // Per-object listeners go on every channel that enters Stasis: the ids there at the start, and
  // (realistic mix) each new one at its StasisStart, as a Stasis application does.
  const perObject = info.per_object && info.per_object.channels;
  const perObjectTypes = (info.per_object && info.per_object.types) || perChannelTypes;
  const perIdSeen = new Map();
  let attached = 0;
  const attach = (id, channel) => {
    if (perIdSeen.has(id) || (perObject && !(id in perObject))) return;
    perIdSeen.set(id, perChannelTypes.map(() => 0));
    ++attached;
    perChannelTypes.forEach((type, t) => {
      channel.on(type, (event, instance) => {
        if (!event.channel || event.channel.id !== id || (instance && instance.id !== id)) ++wrongInstance;
        perChannelSeen[type] = (perChannelSeen[type] || 0) + 1;
        ++perIdSeen.get(id)[t];
      });
    });
  };
  if (perChannel) {
    for (const id of info.channel_ids) attach(id, client.Channel(id));
    if (perObject) client.on('StasisStart', (event, channel) => attach(event.channel.id, channel));
  }

  const timer = setTimeout(() => fail(`flood did not finish within ${opts.timeout} s (${total} events)`),
                           opts.timeout * 1000);
  await client.start(opts.app);
  const { tEnd, cpuEnd } = await done;
  clearTimeout(timer);

  const counts = info.counts || {};
  let verified = total === info.events && wrongInstance === 0;
  for (const type of Object.keys(counts)) if ((seen[type] || 0) !== counts[type]) verified = false;
  for (const type of Object.keys(seen)) if (seen[type] !== (counts[type] || 0)) verified = false;
  if (perChannel && perObject) {
    // each channel's listeners saw exactly its own events
    if (perIdSeen.size !== Object.keys(perObject).length) verified = false;
    for (const [id, seenById] of perIdSeen) {
      const want = perObject[id];
      perChannelTypes.forEach((type, t) => {
        if (seenById[t] !== want[perObjectTypes.indexOf(type)]) verified = false;
      });
    }
  } else if (perChannel) {
    for (const type of perChannelTypes) if ((perChannelSeen[type] || 0) !== (counts[type] || 0)) verified = false;
  }
  const seconds = (tEnd - tFirst) / 1000;
  return { total, seconds, cpu: cpuEnd - cpuFirst, verified, rssSamples, perChannelSeen, attached };
}

async function measureEvents() {
  const info = await floodInfo();
  const client = await loadClient().connect(opts.url, opts.user, opts.pass);
  const r = await runFlood(client, info, { perChannel: true, sampleEvery: 0 });
  client.stop();
  emit({ events: r.total, channels: info.channel_ids.length, mix: info.mix || '', stasis_channels: r.attached,
         listeners: r.attached * perChannelTypes.length,
         events_per_s: Math.round(r.total / r.seconds), cpu_us_per_event: round(r.cpu / r.total, 3),
         rss_mb: peakRssMb(), verified: r.verified });
}

// --- soak: a long flood, RSS sampled every N/samples events ----------------------------------------------
async function measureSoak() {
  const info = await floodInfo();
  const client = await loadClient().connect(opts.url, opts.user, opts.pass);
  const every = Math.max(1, Math.floor(info.events / opts.samples));
  const r = await runFlood(client, info, { perChannel: true, sampleEvery: every });
  client.stop();
  const s = r.rssSamples;
  // Flatness: growth between the first sample (warm) and the last, and the largest sample.
  emit({ events: r.total, events_per_s: Math.round(r.total / r.seconds), verified: r.verified,
         rss_first_mb: mb(s[0] || 0), rss_last_mb: mb(s[s.length - 1] || 0),
         rss_max_mb: mb(Math.max(0, ...s)), rss_delta_mb: mb((s[s.length - 1] || 0) - (s[0] || 0)),
         rss_samples_mb: s.map(mb) });
}

// --- the ceiling: bare ws + JSON.parse, no client library at all --------------------------------------------
async function measureRawWs() {
  const WebSocket = require('ws');
  const info = await floodInfo();
  const url = opts.url.replace(/^http/, 'ws') + '/ari/events?app=' + encodeURIComponent(opts.app);
  const ws = new WebSocket(url, { headers: {
    authorization: 'Basic ' + Buffer.from(opts.user + ':' + opts.pass).toString('base64') } });
  const seen = {};
  let total = 0, tFirst = 0, cpuFirst = 0;
  const result = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('flood did not finish')), opts.timeout * 1000);
    ws.on('error', reject);
    ws.on('message', data => {
      if (!tFirst) { tFirst = nowMs(); cpuFirst = cpuUs(); }
      const event = JSON.parse(data);
      if (isSentinel(event)) { clearTimeout(timer); resolve({ tEnd: nowMs(), cpuEnd: cpuUs() }); return; }
      seen[event.type] = (seen[event.type] || 0) + 1;
      ++total;
    });
  });
  ws.close();
  let verified = total === info.events;
  for (const type of Object.keys(info.counts || {})) if ((seen[type] || 0) !== info.counts[type]) verified = false;
  const seconds = (result.tEnd - tFirst) / 1000;
  emit({ events: total, events_per_s: Math.round(total / seconds),
         cpu_us_per_event: round((result.cpuEnd - cpuFirst) / total, 3), rss_mb: peakRssMb(), verified });
}

// --- REST: GET /channels/{id}, a fixed number in flight, after a warm-up ---------------------------------
async function channelIds(client) {
  try {
    const info = await floodInfo();
    if (info.channel_ids.length) return info.channel_ids;
  } catch (e) { /* not a flood server: use what the server has */ }
  const list = await client.channels.list();
  return list.map(c => c.id);
}

async function measureRest() {
  const client = await loadClient().connect(opts.url, opts.user, opts.pass);
  const ids = await channelIds(client);
  if (!ids.length) fail('the server has no channels to GET');
  let errors = 0;
  async function run(count, latencies) {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const id = ids[next++ % ids.length];
        const t0 = nowMs();
        try {
          const channel = await client.channels.get({ channelId: id });
          if (channel.id !== id) ++errors;
        } catch (e) { ++errors; }
        if (latencies) latencies.push(nowMs() - t0);
      }
    };
    await Promise.all(Array.from({ length: opts.inflight }, worker));
  }
  await run(opts.warmup, null);
  errors = 0;
  const latencies = [];
  const cpu0 = cpuUs();
  const t0 = nowMs();
  await run(opts.requests, latencies);
  const seconds = (nowMs() - t0) / 1000;
  const cpu = cpuUs() - cpu0;
  latencies.sort((a, b) => a - b);
  emit({ requests: latencies.length, inflight: opts.inflight, ops_per_s: Math.round(latencies.length / seconds),
         p50_ms: round(percentile(latencies, 50), 3), p99_ms: round(percentile(latencies, 99), 3),
         cpu_us_per_op: round(cpu / latencies.length, 2), errors, verified: errors === 0, rss_mb: peakRssMb() });
}

// --- memory: RSS and heap growth while holding N live channels, one per StasisStart ----------------------
async function measureMemory() {
  const client = await loadClient().connect(opts.url, opts.user, opts.pass);
  const held = new Map();
  let resolveAll;
  const all = new Promise(resolve => { resolveAll = resolve; });
  client.on('StasisStart', (event, channel) => {
    held.set(channel.id, channel);
    if (held.size >= opts.channels) resolveAll();
  });
  await client.start(opts.app);
  gc();
  const rss0 = process.memoryUsage.rss();
  const heap0 = process.memoryUsage().heapUsed;
  // The server makes the channels (channels.create puts each into the application); the replies are
  // not kept, so what stays in memory is what the application holds from its StasisStart events.
  let next = 0, errors = 0;
  const worker = async () => {
    while (next < opts.channels) {
      const id = 'bench-mem-' + next++;
      try {
        await client.channels.create({ endpoint: opts.endpoint, app: opts.app, channelId: id });
      } catch (e) { if (++errors > 10) fail('channels.create failed: ' + (e.message || e)); }
    }
  };
  const timer = setTimeout(() => fail(`only ${held.size} StasisStart within ${opts.timeout} s`), opts.timeout * 1000);
  await Promise.all(Array.from({ length: opts.inflight }, worker));
  await all;
  clearTimeout(timer);
  gc();
  const rss1 = process.memoryUsage.rss();
  const heap1 = process.memoryUsage().heapUsed;
  emit({ channels: held.size, rss_before_mb: mb(rss0), rss_after_mb: mb(rss1), rss_delta_mb: mb(rss1 - rss0),
         heap_delta_mb: mb(heap1 - heap0), rss_mb: peakRssMb(), verified: held.size >= opts.channels && errors === 0 });
  client.stop();
}

const measures = { connect: measureConnect, events: measureEvents, rest: measureRest, memory: measureMemory,
                   soak: measureSoak, rawws: measureRawWs };
if (!measures[opts.measure]) fail('unknown measure ' + opts.measure);
measures[opts.measure]().then(() => { agent.destroy(); process.exit(0); },
                              e => fail(util.inspect(e && e.message ? e.message : e)));
