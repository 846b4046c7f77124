// Engine harness, part 4: an IdNamespaceAssociation in a Membership, against the demo world (our ACXIdNamespace).
'use strict';
const { session, amcMembership, stopPlugin, call, struct, plain, provider, UNKNOWN, request, outputs, diffSummary } = require('./engine.cjs');

const TYPE = 'cleanroomsstack:index:IdNamespaceAssociation';
const ARN = 'arn:aws:entityresolution:us-east-1:239083076653:idnamespace/ACXIdNamespace';

async function main() {
  const { started, client, t, step } = await session();
  const req = (Type, type, fields) => request(Type, type, 'ns', fields);
  t.membership = await amcMembership(client);
  const membershipId = t.membership.value.id;

  const inputs = { membershipId, name: 'ACXIdNamespace', arn: ARN, description: 'ACX ids' };
  t.checkBad = await call(client, 'check', req(provider.CheckRequest, TYPE, { News: struct({ membershipId, arn: 'arn:aws:s3:::nope' }) }),
    (r) => ({ failures: r.getFailuresList().map((f) => f.toObject()) }));
  await step('createPreview', call(client, 'create', req(provider.CreateRequest, TYPE, { Properties: struct({ ...inputs, membershipId: UNKNOWN }), Preview: true }), outputs));
  await step('create', call(client, 'create', req(provider.CreateRequest, TYPE, { Properties: struct(inputs) }), outputs));
  const id = t.create.value.id;
  const state = t.create.value.properties;

  const diff = (news) => call(client, 'diff', req(provider.DiffRequest, TYPE, { Id: id, Olds: struct(state), News: struct(news) }), diffSummary);
  t.diffSame = await diff(inputs);
  t.diffDescription = await diff({ ...inputs, description: 'ACX customer ids' });
  t.diffManage = await diff({ ...inputs, manageResourcePolicies: false });

  await step('update', call(client, 'update', req(provider.UpdateRequest, TYPE, { Id: id, Olds: struct(state), News: struct({ ...inputs, description: 'ACX customer ids' }) }), outputs));
  t.read = await call(client, 'read', req(provider.ReadRequest, TYPE, { Id: id, Properties: struct(state) }), (r) => ({ id: r.getId(), properties: plain(r.getProperties()) }));
  await step('delete', call(client, 'delete', req(provider.DeleteRequest, TYPE, { Id: id, Properties: struct(state) }), () => ({})));
  t.readAfterDelete = await call(client, 'read', req(provider.ReadRequest, TYPE, { Id: id, Properties: struct(state) }), (r) => ({ id: r.getId() }));

  t.exit = await stopPlugin(started);
  process.stdout.write(JSON.stringify(t));
}

main().catch((e) => { console.error(e); process.exit(1); });
