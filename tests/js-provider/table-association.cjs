// Engine harness, part 3: a TableAssociation (with its analysis rule) in a Membership, against the demo world.
'use strict';
const { session, amcMembership, stopPlugin, call, struct, plain, provider, UNKNOWN, request, outputs, diffSummary } = require('./engine.cjs');

const TYPE = 'cleanroomsstack:index:TableAssociation';

async function main() {
  const { started, client, t, step } = await session();
  const req = (Type, type, fields) => request(Type, type, 'x', fields);
  t.membership = await amcMembership(client);
  const membershipId = t.membership.value.id;

  const check = (news) => call(client, 'check', req(provider.CheckRequest, TYPE, { News: struct(news) }),
    (r) => ({ failures: r.getFailuresList().map((f) => f.toObject()) }));
  const inputs = { membershipId, configuredTableName: 'part_age', name: 'acx_part_age', roleArn: 'cleanrooms-glue-s3-access',
    analysisRule: { type: 'CUSTOM', allowedResultReceivers: ['921290734397'] } };
  t.checkGood = await check(inputs);
  t.checkBad = await check({ membershipId, roleArn: 'r', analysisRule: { type: 'SOMETIMES' } });
  t.checkUnknownMembership = await check({ ...inputs, membershipId: UNKNOWN });

  await step('createPreview', call(client, 'create', req(provider.CreateRequest, TYPE, { Properties: struct({ ...inputs, membershipId: UNKNOWN }), Preview: true }), outputs));
  await step('create', call(client, 'create', req(provider.CreateRequest, TYPE, { Properties: struct(inputs) }), outputs));
  const id = t.create.value.id;
  const state = t.create.value.properties;

  const diff = (news) => call(client, 'diff', req(provider.DiffRequest, TYPE, { Id: id, Olds: struct(state), News: struct(news) }), diffSummary);
  t.diffSame = await diff(inputs);
  t.diffReceivers = await diff({ ...inputs, analysisRule: { type: 'CUSTOM', allowedResultReceivers: ['657425294073'] } });
  t.diffRename = await diff({ ...inputs, name: 'acx_age' });

  const update = (news, preview) => call(client, 'update',
    req(provider.UpdateRequest, TYPE, { Id: id, Olds: struct(state), News: struct(news), Preview: preview }), outputs);
  await step('updatePreview', update({ ...inputs, description: 'age bands' }, true));
  await step('update', update({ ...inputs, description: 'age bands' }, false));
  t.read = await call(client, 'read', req(provider.ReadRequest, TYPE, { Id: id, Properties: struct(state) }),
    (r) => ({ id: r.getId(), properties: plain(r.getProperties()) }));

  await step('delete', call(client, 'delete', req(provider.DeleteRequest, TYPE, { Id: id, Properties: struct(t.update.value.properties) }), () => ({})));
  t.readAfterDelete = await call(client, 'read', req(provider.ReadRequest, TYPE, { Id: id, Properties: struct(state) }), (r) => ({ id: r.getId() }));
  t.badId = await call(client, 'read', req(provider.ReadRequest, TYPE, { Id: 'no-bar', Properties: struct(state) }), (r) => ({ id: r.getId() }));

  t.exit = await stopPlugin(started);
  process.stdout.write(JSON.stringify(t));
}

main().catch((e) => { console.error(e); process.exit(1); });
