// Engine harness, part 1: plugin start-up, the provider's own RPCs and its shutdown. Prints a JSON transcript on stdout
// (one entry per step) for the C# test to assert on. Env: PLUGIN (the binary), ENDPOINT (the emulator).
'use strict';
const { startPlugin, stopPlugin, call, struct, plain, provider, plugin, Empty } = require('./engine.cjs');

async function main() {
  const started = await startPlugin(process.env.PLUGIN, process.env);
  const { client } = started;
  const t = { port: started.port };

  t.pluginInfo = await call(client, 'getPluginInfo', new Empty(), (r) => ({ version: r.getVersion() }));
  t.schema = await call(client, 'getSchema', new provider.GetSchemaRequest(), (r) => JSON.parse(r.getSchema()));

  const check = (news) => {
    const req = new provider.CheckRequest();
    req.setUrn('urn:pulumi:dev::proj::pulumi:providers:cleanroomsstack::default');
    req.setNews(struct(news));
    return call(client, 'checkConfig', req, (r) => ({ inputs: plain(r.getInputs()), failures: r.getFailuresList().map((f) => f.toObject()) }));
  };
  t.checkConfigGood = await check({ region: 'us-east-1', endpointUrl: process.env.ENDPOINT, maxRps: '50' });
  t.checkConfigBad = await check({ maxRps: -1, endpointUrl: 'not a url', colour: 'blue' });

  const diff = (olds, news) => {
    const req = new provider.DiffRequest();
    req.setOlds(struct(olds));
    req.setOldInputs(struct(olds));
    req.setNews(struct(news));
    return call(client, 'diffConfig', req, (r) => r.toObject());
  };
  t.diffConfigSame = await diff({ region: 'us-east-1' }, { region: 'us-east-1' });
  t.diffConfigRegion = await diff({ region: 'us-east-1', maxRps: 5 }, { region: 'eu-west-1', maxRps: 6 });

  const configure = (args) => {
    const req = new provider.ConfigureRequest();
    req.setArgs(struct(args));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    return call(client, 'configure', req, (r) => r.toObject());
  };
  t.configureBad = await configure({ maxRps: 0 });
  t.configure = await configure({ region: 'us-east-1', endpointUrl: process.env.ENDPOINT });

  const invoke = (tok, args) => {
    const req = new provider.InvokeRequest();
    req.setTok(tok);
    req.setArgs(struct(args));
    return call(client, 'invoke', req, (r) => ({ return: plain(r.getReturn()), failures: r.getFailuresList().map((f) => f.toObject()) }));
  };
  const fn = 'cleanroomsstack:index:getCollaborations';
  t.invokeConfigFile = await invoke(fn, { configFile: require('node:path').resolve(__dirname, '../../collaborations.yaml') });
  // A stack's file that shares the repository config's defaults through extends (a path relative to its own folder).
  const stackFolder = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'crs-stack-'));
  const shared = require('node:path').relative(stackFolder, require('node:path').resolve(__dirname, '../../collaborations.yaml'));
  const stackFile = require('node:path').join(stackFolder, 'collaborations.dev.yaml');
  require('node:fs').writeFileSync(stackFile, `version: 1\nextends: ${shared}\ncollaborations:\n  - name: AMC Collaboration\n    id: 27b93e2b-5001-4b20-a47b-6aad96ec8958\n    tables: { max: 2 }\n`);
  t.invokeStackFile = await invoke(fn, { configFile: stackFile });
  t.invokeInlineExtends = await invoke(fn, { config: `version: 1\nextends: ${shared}\ncollaborations: []\n` });
  t.invokeBadConfig = await invoke(fn, { config: 'version: 1\ncollaborations: 3\n' });
  t.invokeNoArgs = await invoke(fn, {});
  t.invokeUnknownFunction = await invoke('cleanroomsstack:index:getNothing', {});

  const unknownType = new provider.CheckRequest();
  unknownType.setType('cleanroomsstack:index:Nope');
  unknownType.setUrn('urn:pulumi:dev::proj::cleanroomsstack:index:Nope::x');
  t.checkUnknownType = await call(client, 'check', unknownType, (r) => r.toObject());
  t.cancel = await call(client, 'cancel', new Empty(), () => ({}));

  t.exit = await stopPlugin(started, 'SIGTERM');
  t.stdoutAfterPort = started.stdoutAfterPort;
  process.stdout.write(JSON.stringify(t));
}

main().catch((e) => { console.error(e); process.exit(1); });
