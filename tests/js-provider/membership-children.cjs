// Engine harness, part 5: an AnalysisTemplate and an IdMappingTable in a Membership, against the demo world.
'use strict';
const { session, amcMembership, stopPlugin, call, struct, plain, provider, request, outputs, diffSummary } = require('./engine.cjs');

const TYPE = 'cleanroomsstack:index:AnalysisTemplate';

async function main() {
  const { started, client, t, step } = await session();
  const req = (Type, type, fields) => request(Type, type, 'tpl', fields);
  t.membership = await amcMembership(client);
  const membershipId = t.membership.value.id;

  const inputs = { membershipId, name: 'audience_overlap', sql: 'SELECT COUNT(*) FROM acx_part_age WHERE age > :min_age',
    parameters: [{ name: 'min_age', type: 'INTEGER', defaultValue: '18' }] };
  await step('create', call(client, 'create', req(provider.CreateRequest, TYPE, { Properties: struct(inputs) }), outputs));
  const id = t.create.value.id;
  const state = t.create.value.properties;
  const diff = (news) => call(client, 'diff', req(provider.DiffRequest, TYPE, { Id: id, Olds: struct(state), News: struct(news) }), diffSummary);
  t.diffSame = await diff(inputs);
  t.diffDescription = await diff({ ...inputs, description: 'overlap' });
  t.diffSql = await diff({ ...inputs, sql: 'SELECT 1' });
  await step('update', call(client, 'update', req(provider.UpdateRequest, TYPE, { Id: id, Olds: struct(state), News: struct({ ...inputs, description: 'overlap' }) }), outputs));
  await step('delete', call(client, 'delete', req(provider.DeleteRequest, TYPE, { Id: id, Properties: struct(state) }), () => ({})));

  const MAPPING = 'cleanroomsstack:index:IdMappingTable';
  const table = { membershipId, name: 'acx_amc_ids', workflowArn: 'arn:aws:entityresolution:us-east-1:239083076653:idmappingworkflow/acx-to-amc' };
  await step('createMapping', call(client, 'create', req(provider.CreateRequest, MAPPING, { Properties: struct(table) }), outputs));
  const mappingState = t.createMapping.value.properties;
  t.diffMappingName = await call(client, 'diff', req(provider.DiffRequest, MAPPING,
    { Id: t.createMapping.value.id, Olds: struct(mappingState), News: struct({ ...table, name: 'acx_ids' }) }), diffSummary);
  await step('deleteMapping', call(client, 'delete', req(provider.DeleteRequest, MAPPING, { Id: t.createMapping.value.id, Properties: struct(mappingState) }), () => ({})));

  t.exit = await stopPlugin(started);
  process.stdout.write(JSON.stringify(t));
}

main().catch((e) => { console.error(e); process.exit(1); });
