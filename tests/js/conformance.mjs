// Drives the emulator with the official AWS SDK for JavaScript v3 through our account's workflow and prints
// every parsed result as JSON on stdout. Usage: node conformance.mjs <endpoint>
import {
  CreateConfiguredTableAssociationAnalysisRuleCommand,
  CreateConfiguredTableAssociationCommand,
  CreateIdNamespaceAssociationCommand,
  CreateMembershipCommand,
  DeleteConfiguredTableAssociationCommand,
  GetConfiguredTableAssociationCommand,
  ListCollaborationsCommand,
  ListMembersCommand,
  ListMembershipsCommand,
  paginateListConfiguredTables,
  ListConfiguredTablesCommand,
} from "@aws-sdk/client-cleanrooms";
import { GetIdNamespaceCommand } from "@aws-sdk/client-entityresolution";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { AMC_COLLABORATION, OUR_ACCOUNT, attempt, clients, describeDates, endpointFromArgs } from "./lib.mjs";

const endpoint = endpointFromArgs();
const { cleanrooms, entityresolution, sts } = clients(endpoint);
const results = {};

results.callerIdentity = await attempt(sts.send(new GetCallerIdentityCommand({})));
results.invitations = await attempt(cleanrooms.send(new ListCollaborationsCommand({ memberStatus: "INVITED" })));
results.members = await attempt(cleanrooms.send(new ListMembersCommand({ collaborationIdentifier: AMC_COLLABORATION })));
results.createMembership = await attempt(cleanrooms.send(new CreateMembershipCommand({
  collaborationIdentifier: AMC_COLLABORATION,
  queryLogStatus: "ENABLED",
  paymentConfiguration: { queryCompute: { isResponsible: false } },
})));
const membershipId = results.createMembership.output?.membership?.id;
results.createMembershipAgain = await attempt(cleanrooms.send(new CreateMembershipCommand({
  collaborationIdentifier: AMC_COLLABORATION,
  queryLogStatus: "ENABLED",
})));
results.activeMemberships = await attempt(cleanrooms.send(new ListMembershipsCommand({ status: "ACTIVE" })));

// Pagination: one item per page through the SDK's own paginator, plus a single first page.
results.firstPage = await attempt(cleanrooms.send(new ListConfiguredTablesCommand({ maxResults: 1 })));
const pagedNames = [];
let pages = 0;
for await (const page of paginateListConfiguredTables({ client: cleanrooms, pageSize: 1 }, {})) {
  pages += 1;
  pagedNames.push(...page.configuredTableSummaries.map((t) => t.name));
}
results.pagination = { pages, names: pagedNames };
results.invalidToken = await attempt(cleanrooms.send(new ListConfiguredTablesCommand({ nextToken: "not-a-token" })));

const all = await cleanrooms.send(new ListConfiguredTablesCommand({ maxResults: 100 }));
const ageTable = all.configuredTableSummaries.find((t) => t.name === "part_age");

results.createAssociation = await attempt(cleanrooms.send(new CreateConfiguredTableAssociationCommand({
  membershipIdentifier: membershipId,
  name: "ACX_part_age",
  configuredTableIdentifier: ageTable.id,
  roleArn: `arn:aws:iam::${OUR_ACCOUNT}:role/cleanrooms-glue-s3-access`,
  description: "age bands",
})));
const associationId = results.createAssociation.output?.configuredTableAssociation?.id;
results.duplicateAssociation = await attempt(cleanrooms.send(new CreateConfiguredTableAssociationCommand({
  membershipIdentifier: membershipId,
  name: "acx_part_age",
  configuredTableIdentifier: ageTable.id,
  roleArn: `arn:aws:iam::${OUR_ACCOUNT}:role/cleanrooms-glue-s3-access`,
})));
results.invalidAssociation = await attempt(cleanrooms.send(new CreateConfiguredTableAssociationCommand({
  membershipIdentifier: membershipId,
  name: "a-b",
  configuredTableIdentifier: ageTable.id,
  roleArn: "not-a-role",
})));
results.unknownMembership = await attempt(cleanrooms.send(new GetConfiguredTableAssociationCommand({
  membershipIdentifier: "00000000-0000-0000-0000-000000000000",
  configuredTableAssociationIdentifier: "00000000-0000-0000-0000-000000000001",
})));
results.createRule = await attempt(cleanrooms.send(new CreateConfiguredTableAssociationAnalysisRuleCommand({
  membershipIdentifier: membershipId,
  configuredTableAssociationIdentifier: associationId,
  analysisRuleType: "CUSTOM",
  analysisRulePolicy: { v1: { custom: { allowedResultReceivers: ["921290734397", "657425294073"] } } },
})));
results.associationWithRule = await attempt(cleanrooms.send(new GetConfiguredTableAssociationCommand({
  membershipIdentifier: membershipId,
  configuredTableAssociationIdentifier: associationId,
})));
results.createIdNamespaceAssociation = await attempt(cleanrooms.send(new CreateIdNamespaceAssociationCommand({
  membershipIdentifier: membershipId,
  name: "ACXIdNamespace",
  description: "ACX unique customer identifiers for Clean Rooms joins",
  inputReferenceConfig: {
    inputReferenceArn: `arn:aws:entityresolution:us-east-1:${OUR_ACCOUNT}:idnamespace/ACXIdNamespace`,
    manageResourcePolicies: true,
  },
  idMappingConfig: { allowUseAsDimensionColumn: false },
})));
results.idNamespaceByArn = await attempt(entityresolution.send(new GetIdNamespaceCommand({
  idNamespaceName: `arn:aws:entityresolution:us-east-1:${OUR_ACCOUNT}:idnamespace/ACXIdNamespace`,
})));
results.deleteAssociation = await attempt(cleanrooms.send(new DeleteConfiguredTableAssociationCommand({
  membershipIdentifier: membershipId,
  configuredTableAssociationIdentifier: associationId,
})));

process.stdout.write(JSON.stringify(describeDates(results), null, 2) + "\n");
