// A stand-in for the Pulumi engine: starts a provider plugin the way the engine does (the engine's address as the
// only argument; the first line of stdout is the port) and talks to it through Pulumi's own generated gRPC stubs.
'use strict';
const { spawn } = require('node:child_process');
const readline = require('node:readline');
const grpc = require('@grpc/grpc-js');
const services = require('@pulumi/pulumi/proto/provider_grpc_pb.js');
const provider = require('@pulumi/pulumi/proto/provider_pb.js');
const plugin = require('@pulumi/pulumi/proto/plugin_pb.js');
const { Empty } = require('google-protobuf/google/protobuf/empty_pb.js');
const { Struct } = require('google-protobuf/google/protobuf/struct_pb.js');

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const SIG = '4dabf18193072939515e22adb298388d';
const secret = (value) => ({ [SIG]: '1b47061264138c4ac30d75fd1eb44270', value });

async function startPlugin(binary, env) {
  // The engine passes its own gRPC address; this harness serves none, which a provider must tolerate.
  const child = spawn(binary, ['127.0.0.1:1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const lines = readline.createInterface({ input: child.stdout });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no port within 30s; stderr:\n${stderr}`)), 30000);
    lines.once('line', (line) => { clearTimeout(timer); resolve(line); });
    child.once('exit', (code) => reject(new Error(`plugin exited (${code}) before printing its port; stderr:\n${stderr}`)));
  });
  const extra = [];
  lines.on('line', (line) => extra.push(line));
  const client = new services.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  return { child, port, client, stdoutAfterPort: extra, stderr: () => stderr };
}

// Calls one unary method; resolves { ok, value } or { ok: false, code, details } so a transcript can hold both.
function call(client, method, request, toObject) {
  return new Promise((resolve) => {
    client[method](request, (error, response) => {
      if (error) resolve({ ok: false, code: grpc.status[error.code], details: error.details });
      else resolve({ ok: true, value: toObject(response) });
    });
  });
}

const struct = (obj) => Struct.fromJavaScript(obj);
const plain = (s) => (s ? s.toJavaScript() : null);

function stopPlugin(started, signal = 'SIGTERM') {
  started.client.close();
  return new Promise((resolve) => {
    if (started.child.exitCode !== null) return resolve(started.child.exitCode);
    const timer = setTimeout(() => { started.child.kill('SIGKILL'); resolve('killed'); }, 10000);
    started.child.once('exit', (code, sig) => { clearTimeout(timer); resolve(code ?? sig); });
    started.child.kill(signal);
  });
}

// The emulator's count of each write operation so far (its admin API), to show what a step wrote.
async function writeCounts() {
  const stats = await (await fetch(new URL('_emulator/stats', process.env.ENDPOINT))).json();
  const counts = {};
  for (const [op, s] of Object.entries(stats.operations)) if (/^(Create|Update|Delete)/.test(op)) counts[op] = s.requests;
  return counts;
}

// A resource request as the engine sends it: the URN, type and name set, then the given fields (setter suffixes).
function request(Type, type, name, fields) {
  const r = new Type();
  r.setUrn(`urn:pulumi:dev::proj::${type}::${name}`);
  r.setType(type);
  r.setName(name);
  for (const [key, value] of Object.entries(fields)) r[`set${key}`](value);
  return r;
}

const outputs = (r) => ({ id: r.getId ? r.getId() : undefined, properties: plain(r.getProperties()) });

function diffSummary(r) {
  const detailedDiff = {};
  r.getDetaileddiffMap().forEach((value, key) => { detailedDiff[key] = value.getKind(); });
  return { changes: r.getChanges(), replaces: r.getReplacesList(), diffs: r.getDiffsList(), detailedDiff };
}

// What every resource script begins with: the plugin started and configured against the emulator, a transcript, and
// `step`, which records a call's result with the emulator's write counts after it.
async function session() {
  const started = await startPlugin(process.env.PLUGIN, process.env);
  const t = {};
  const step = async (name, promise) => { t[name] = await promise; t[name].writesAfter = await writeCounts(); };
  const configure = new provider.ConfigureRequest();
  configure.setArgs(struct({ region: 'us-east-1', endpointUrl: process.env.ENDPOINT }));
  await step('configure', call(started.client, 'configure', configure, (r) => r.toObject()));
  return { started, client: started.client, t, step };
}

// Accepts the demo world's AMC invitation through the plugin: the Membership the child resources live in.
async function amcMembership(client) {
  const AMC = '27b93e2b-5001-4b20-a47b-6aad96ec8958';
  const create = request(provider.CreateRequest, 'cleanroomsstack:index:Membership', 'amc', { Properties: struct({ collaborationId: AMC }) });
  return call(client, 'create', create, outputs);
}

module.exports = {
  session, amcMembership,
  startPlugin, stopPlugin, call, struct, plain, provider, plugin, Empty, UNKNOWN, SIG, secret, writeCounts, request, outputs, diffSummary,
};
