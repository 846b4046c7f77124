// Engine harness, part 2: the Membership lifecycle against the emulator's demo world, as `pulumi preview`, `up`,
// `refresh` and `destroy` drive it. Prints a JSON transcript (with the emulator's write counts after each step).
'use strict';
const { session, stopPlugin, call, struct, plain, provider, UNKNOWN, request, outputs, diffSummary } = require('./engine.cjs');

const TYPE = 'cleanroomsstack:index:Membership';
const AMC = '27b93e2b-5001-4b20-a47b-6aad96ec8958';
const RETAIL = '5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60';

async function main() {
  const { started, client, t, step } = await session();
  const req = (Type, fields) => request(Type, TYPE, 'amc', fields);

  const check = (news) => call(client, 'check', req(provider.CheckRequest, { News: struct(news) }),
    (r) => ({ failures: r.getFailuresList().map((f) => f.toObject()) }));
  t.checkGood = await check({ collaborationId: AMC, queryLogStatus: 'ENABLED', allowLeave: false });
  t.checkBad = await check({ queryLogStatus: 'SOMETIMES', colour: 1 });
  t.checkUnknown = await check({ collaborationId: UNKNOWN });

  const inputs = { collaborationId: AMC, queryLogStatus: 'ENABLED' };
  await step('createPreview', call(client, 'create', req(provider.CreateRequest, { Properties: struct(inputs), Preview: true }), outputs));
  await step('createUnknownPreview', call(client, 'create', req(provider.CreateRequest, { Properties: struct({ collaborationId: UNKNOWN }), Preview: true }), outputs));
  await step('create', call(client, 'create', req(provider.CreateRequest, { Properties: struct(inputs) }), outputs));
  const id = t.create.value.id;
  const state = t.create.value.properties;

  const diff = (news) => call(client, 'diff', req(provider.DiffRequest, { Id: id, Olds: struct(state), OldInputs: struct(inputs), News: struct(news) }), diffSummary);
  t.diffSame = await diff(inputs);
  t.diffChanged = await diff({ ...inputs, queryLogStatus: 'DISABLED' });
  t.diffResult = await diff({ ...inputs, defaultResultConfiguration: { bucket: 'acx-results', role: 'cleanrooms-results' } });
  t.diffReplace = await diff({ ...inputs, collaborationId: RETAIL });
  t.diffUnknown = await diff({ ...inputs, queryLogStatus: UNKNOWN });

  const update = (news, preview) => call(client, 'update',
    req(provider.UpdateRequest, { Id: id, Olds: struct(state), OldInputs: struct(inputs), News: struct(news), Preview: preview }), outputs);
  await step('updatePreview', update({ ...inputs, queryLogStatus: 'DISABLED' }, true));
  await step('update', update({ ...inputs, queryLogStatus: 'DISABLED' }, false));
  const updated = t.update.value.properties;

  // Out of band: another party sets query logging back on; the harness keeps the outputs it had, as a stale state would.
  await update({ ...inputs, queryLogStatus: 'ENABLED' }, false);
  t.read = await call(client, 'read', req(provider.ReadRequest, { Id: id, Properties: struct(updated) }),
    (r) => ({ id: r.getId(), properties: plain(r.getProperties()), inputs: plain(r.getInputs()) }));

  const del = (props) => call(client, 'delete', req(provider.DeleteRequest, { Id: id, Properties: struct(props) }), () => ({}));
  await step('deleteWithoutAllowLeave', del(updated));
  await step('deleteWithAllowLeave', del({ ...updated, allowLeave: true }));
  t.readAfterLeave = await call(client, 'read', req(provider.ReadRequest, { Id: id, Properties: struct(updated) }), (r) => ({ id: r.getId() }));

  t.exit = await stopPlugin(started);
  process.stdout.write(JSON.stringify(t));
}

main().catch((e) => { console.error(e); process.exit(1); });
