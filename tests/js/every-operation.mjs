// Conformance suite: every operation the emulator serves and every modeled error kind, through the official
// AWS SDK for JavaScript v3. Prints {case: result} as JSON. Usage: node every-operation.mjs <endpoint>
import * as cr from "@aws-sdk/client-cleanrooms";
import * as er from "@aws-sdk/client-entityresolution";
import * as glue from "@aws-sdk/client-glue";
import { GetRoleCredentialsCommand } from "@aws-sdk/client-sso";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import {
  AMC_ACCOUNT, AMC_COLLABORATION, MEASUREMENT_ACCOUNT, OUR_ACCOUNT,
  attempt, clients, config, describeDates, endpointFromArgs, setFaults,
} from "./lib.mjs";

const endpoint = endpointFromArgs();
const us = clients(endpoint, OUR_ACCOUNT);
const partner = clients(endpoint, MEASUREMENT_ACCOUNT);
const r = {};
const run = async (name, client, command) => (r[name] = await attempt(client.send(command)));

// STS
await run("GetCallerIdentity", us.sts, new GetCallerIdentityCommand({}));
await run("AssumeRole", us.sts, new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${OUR_ACCOUNT}:role/deployer`, RoleSessionName: "conformance" }));
const stranger = new STSClient({ ...config(endpoint, OUR_ACCOUNT), credentials: { accessKeyId: "AKIAUNKNOWN", secretAccessKey: "x" } });
await run("StsInvalidClientTokenId", stranger, new GetCallerIdentityCommand({}));
await run("StsValidationError", us.sts, new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${OUR_ACCOUNT}:role/deployer`, RoleSessionName: "x", DurationSeconds: 60 }));
await run("StsAccessDenied", us.sts, new AssumeRoleCommand({ RoleArn: "arn:aws:iam::111111111111:role/elsewhere", RoleSessionName: "conformance" }));

// SSO portal
await run("GetRoleCredentials", us.sso, new GetRoleCredentialsCommand({ roleName: "Admin", accountId: OUR_ACCOUNT, accessToken: "demo-sso-access-token" }));
await run("SsoUnauthorized", us.sso, new GetRoleCredentialsCommand({ roleName: "Admin", accountId: OUR_ACCOUNT, accessToken: "wrong" }));

// Entity Resolution
await run("CreateIdNamespace", us.entityresolution, new er.CreateIdNamespaceCommand({ idNamespaceName: "AcxTarget", type: "TARGET" }));
await run("ErConflict", us.entityresolution, new er.CreateIdNamespaceCommand({ idNamespaceName: "AcxTarget", type: "TARGET" }));
await run("ListIdNamespaces", us.entityresolution, new er.ListIdNamespacesCommand({ maxResults: 25 }));
await run("GetIdNamespace", us.entityresolution, new er.GetIdNamespaceCommand({ idNamespaceName: "ACXIdNamespace" }));
await run("ErResourceNotFound", us.entityresolution, new er.GetIdNamespaceCommand({ idNamespaceName: "Missing" }));
await run("ErValidation", us.entityresolution, new er.CreateIdNamespaceCommand({ idNamespaceName: "bad name!", type: "SOURCE" }));

// Glue
await run("CreateDatabase", us.glue, new glue.CreateDatabaseCommand({ DatabaseInput: { Name: "conformance" } }));
await run("CreateTable", us.glue, new glue.CreateTableCommand({
  DatabaseName: "conformance",
  TableInput: { Name: "orders", StorageDescriptor: { Columns: [{ Name: "order_id", Type: "string" }, { Name: "amount", Type: "double" }] } },
}));
await run("GetTable", us.glue, new glue.GetTableCommand({ DatabaseName: "conformance", Name: "orders" }));
await run("GetTables", us.glue, new glue.GetTablesCommand({ DatabaseName: "omc_flywheel_prod", Expression: "part_a*" }));
await run("GlueEntityNotFound", us.glue, new glue.GetTableCommand({ DatabaseName: "conformance", Name: "missing" }));
await run("GlueAlreadyExists", us.glue, new glue.CreateDatabaseCommand({ DatabaseInput: { Name: "conformance" } }));
await run("GlueInvalidInput", us.glue, new glue.GetTableCommand({ DatabaseName: "conformance", Name: "" }));

// A partner sets up a collaboration inviting us and AMC.
await run("CreateCollaboration", partner.cleanrooms, new cr.CreateCollaborationCommand({
  name: "Conformance", description: "Every operation", creatorDisplayName: "Measurement Partner",
  creatorMemberAbilities: ["CAN_QUERY", "CAN_RECEIVE_RESULTS"], queryLogStatus: "ENABLED",
  members: [
    { accountId: OUR_ACCOUNT, displayName: "ACX", memberAbilities: [] },
    {
      accountId: AMC_ACCOUNT, displayName: "AMC", memberAbilities: ["CAN_RECEIVE_RESULTS"],
      paymentConfiguration: { queryCompute: { isResponsible: false }, machineLearning: { modelInference: { isResponsible: true } } },
    },
  ],
}));
const collaborationId = r.CreateCollaboration.output?.collaboration?.id;
await run("GetCollaboration", partner.cleanrooms, new cr.GetCollaborationCommand({ collaborationIdentifier: collaborationId }));
await run("ListMembers", us.cleanrooms, new cr.ListMembersCommand({ collaborationIdentifier: collaborationId }));
await run("PartnerCreateMembership", partner.cleanrooms, new cr.CreateMembershipCommand({ collaborationIdentifier: collaborationId, queryLogStatus: "ENABLED" }));

// Our account joins and shares.
await run("ListCollaborations", us.cleanrooms, new cr.ListCollaborationsCommand({ memberStatus: "INVITED" }));
await run("CreateMembership", us.cleanrooms, new cr.CreateMembershipCommand({ collaborationIdentifier: collaborationId, queryLogStatus: "DISABLED" }));
const membershipIdentifier = r.CreateMembership.output?.membership?.id;
await run("GetMembership", us.cleanrooms, new cr.GetMembershipCommand({ membershipIdentifier }));
await run("UpdateMembership", us.cleanrooms, new cr.UpdateMembershipCommand({ membershipIdentifier, queryLogStatus: "ENABLED" }));
await run("ListMemberships", us.cleanrooms, new cr.ListMembershipsCommand({ status: "ACTIVE" }));

await run("CreateConfiguredTable", us.cleanrooms, new cr.CreateConfiguredTableCommand({
  name: "orders", tableReference: { glue: { databaseName: "conformance", tableName: "orders" } },
  allowedColumns: ["order_id", "amount"], analysisMethod: "DIRECT_QUERY",
}));
const configuredTableIdentifier = r.CreateConfiguredTable.output?.configuredTable?.id;
await run("GetConfiguredTable", us.cleanrooms, new cr.GetConfiguredTableCommand({ configuredTableIdentifier }));
await run("UpdateConfiguredTable", us.cleanrooms, new cr.UpdateConfiguredTableCommand({ configuredTableIdentifier, description: "orders for conformance" }));
await run("ListConfiguredTables", us.cleanrooms, new cr.ListConfiguredTablesCommand({ maxResults: 2 }));
const customPolicy = (extra = {}) => ({ v1: { custom: { allowedAnalyses: ["ANY_QUERY"], ...extra } } });
await run("CreateConfiguredTableAnalysisRule", us.cleanrooms, new cr.CreateConfiguredTableAnalysisRuleCommand({
  configuredTableIdentifier, analysisRuleType: "CUSTOM", analysisRulePolicy: customPolicy(),
}));
await run("GetConfiguredTableAnalysisRule", us.cleanrooms, new cr.GetConfiguredTableAnalysisRuleCommand({ configuredTableIdentifier, analysisRuleType: "CUSTOM" }));
await run("UpdateConfiguredTableAnalysisRule", us.cleanrooms, new cr.UpdateConfiguredTableAnalysisRuleCommand({
  configuredTableIdentifier, analysisRuleType: "CUSTOM", analysisRulePolicy: customPolicy({ disallowedOutputColumns: ["order_id"] }),
}));

const roleArn = `arn:aws:iam::${OUR_ACCOUNT}:role/cleanrooms-glue-s3-access`;
await run("CreateConfiguredTableAssociation", us.cleanrooms, new cr.CreateConfiguredTableAssociationCommand({
  membershipIdentifier, name: "acx_orders", configuredTableIdentifier, roleArn,
}));
const configuredTableAssociationIdentifier = r.CreateConfiguredTableAssociation.output?.configuredTableAssociation?.id;
const cta = { membershipIdentifier, configuredTableAssociationIdentifier };
await run("GetConfiguredTableAssociation", us.cleanrooms, new cr.GetConfiguredTableAssociationCommand(cta));
await run("UpdateConfiguredTableAssociation", us.cleanrooms, new cr.UpdateConfiguredTableAssociationCommand({ ...cta, description: "shared orders" }));
await run("ListConfiguredTableAssociations", us.cleanrooms, new cr.ListConfiguredTableAssociationsCommand({ membershipIdentifier }));
const receivers = (...accounts) => ({ v1: { custom: { allowedResultReceivers: accounts } } });
await run("CreateConfiguredTableAssociationAnalysisRule", us.cleanrooms, new cr.CreateConfiguredTableAssociationAnalysisRuleCommand({
  ...cta, analysisRuleType: "CUSTOM", analysisRulePolicy: receivers(MEASUREMENT_ACCOUNT),
}));
await run("GetConfiguredTableAssociationAnalysisRule", us.cleanrooms, new cr.GetConfiguredTableAssociationAnalysisRuleCommand({ ...cta, analysisRuleType: "CUSTOM" }));
await run("UpdateConfiguredTableAssociationAnalysisRule", us.cleanrooms, new cr.UpdateConfiguredTableAssociationAnalysisRuleCommand({
  ...cta, analysisRuleType: "CUSTOM", analysisRulePolicy: receivers(MEASUREMENT_ACCOUNT, AMC_ACCOUNT),
}));

await run("CreateIdNamespaceAssociation", us.cleanrooms, new cr.CreateIdNamespaceAssociationCommand({
  membershipIdentifier, name: "ACXIdNamespace",
  inputReferenceConfig: { inputReferenceArn: `arn:aws:entityresolution:us-east-1:${OUR_ACCOUNT}:idnamespace/ACXIdNamespace`, manageResourcePolicies: true },
  idMappingConfig: { allowUseAsDimensionColumn: false },
}));
const ina = { membershipIdentifier, idNamespaceAssociationIdentifier: r.CreateIdNamespaceAssociation.output?.idNamespaceAssociation?.id };
await run("GetIdNamespaceAssociation", us.cleanrooms, new cr.GetIdNamespaceAssociationCommand(ina));
await run("UpdateIdNamespaceAssociation", us.cleanrooms, new cr.UpdateIdNamespaceAssociationCommand({ ...ina, description: "ids" }));
await run("ListIdNamespaceAssociations", us.cleanrooms, new cr.ListIdNamespaceAssociationsCommand({ membershipIdentifier }));

const mappingTable = (name) => new cr.CreateIdMappingTableCommand({
  membershipIdentifier, name,
  inputReferenceConfig: { inputReferenceArn: `arn:aws:entityresolution:us-east-1:${OUR_ACCOUNT}:idmappingworkflow/acx`, manageResourcePolicies: true },
});
await run("CreateIdMappingTable", us.cleanrooms, mappingTable("map_0"));
const imt = { membershipIdentifier, idMappingTableIdentifier: r.CreateIdMappingTable.output?.idMappingTable?.id };
await run("GetIdMappingTable", us.cleanrooms, new cr.GetIdMappingTableCommand(imt));
await run("UpdateIdMappingTable", us.cleanrooms, new cr.UpdateIdMappingTableCommand({ ...imt, description: "mapped" }));
await run("ListIdMappingTables", us.cleanrooms, new cr.ListIdMappingTablesCommand({ membershipIdentifier }));

await run("CreateAnalysisTemplate", us.cleanrooms, new cr.CreateAnalysisTemplateCommand({
  membershipIdentifier, name: "order_count", format: "SQL",
  source: { text: "SELECT COUNT(*) FROM acx_orders WHERE amount > :min_amount" },
  analysisParameters: [{ name: "min_amount", type: "DOUBLE", defaultValue: "0" }],
  schema: { referencedTables: ["acx_orders"] }, tags: { team: "data" },
}));
const at = { membershipIdentifier, analysisTemplateIdentifier: r.CreateAnalysisTemplate.output?.analysisTemplate?.id };
await run("GetAnalysisTemplate", us.cleanrooms, new cr.GetAnalysisTemplateCommand(at));
await run("UpdateAnalysisTemplate", us.cleanrooms, new cr.UpdateAnalysisTemplateCommand({ ...at, description: "orders over a minimum" }));
await run("ListAnalysisTemplates", us.cleanrooms, new cr.ListAnalysisTemplatesCommand({ membershipIdentifier }));

// Kinds the tool doesn't manage, which still keep a membership from being deleted.
await run("CreatePrivacyBudgetTemplate", us.cleanrooms, new cr.CreatePrivacyBudgetTemplateCommand({
  membershipIdentifier, privacyBudgetType: "DIFFERENTIAL_PRIVACY", autoRefresh: "CALENDAR_MONTH",
  parameters: { differentialPrivacy: { epsilon: 3, usersNoisePerQuery: 30 } },
}));
const pbt = { membershipIdentifier, privacyBudgetTemplateIdentifier: r.CreatePrivacyBudgetTemplate.output?.privacyBudgetTemplate?.id };
await run("GetPrivacyBudgetTemplate", us.cleanrooms, new cr.GetPrivacyBudgetTemplateCommand(pbt));
await run("UpdatePrivacyBudgetTemplate", us.cleanrooms, new cr.UpdatePrivacyBudgetTemplateCommand({
  ...pbt, privacyBudgetType: "DIFFERENTIAL_PRIVACY", parameters: { differentialPrivacy: { epsilon: 5 } },
}));
await run("ListPrivacyBudgetTemplates", us.cleanrooms, new cr.ListPrivacyBudgetTemplatesCommand({ membershipIdentifier }));
await run("CreateConfiguredAudienceModelAssociation", us.cleanrooms, new cr.CreateConfiguredAudienceModelAssociationCommand({
  membershipIdentifier, configuredAudienceModelArn: `arn:aws:cleanrooms-ml:us-east-1:${OUR_ACCOUNT}:configured-audience-model/lookalike`,
  configuredAudienceModelAssociationName: "lookalike", manageResourcePolicies: true,
}));
const cama = {
  membershipIdentifier,
  configuredAudienceModelAssociationIdentifier: r.CreateConfiguredAudienceModelAssociation.output?.configuredAudienceModelAssociation?.id,
};
await run("GetConfiguredAudienceModelAssociation", us.cleanrooms, new cr.GetConfiguredAudienceModelAssociationCommand(cama));
await run("UpdateConfiguredAudienceModelAssociation", us.cleanrooms, new cr.UpdateConfiguredAudienceModelAssociationCommand({ ...cama, description: "segments" }));
await run("ListConfiguredAudienceModelAssociations", us.cleanrooms, new cr.ListConfiguredAudienceModelAssociationsCommand({ membershipIdentifier }));

const resourceArn = r.CreateMembership.output?.membership?.arn;
await run("TagResource", us.cleanrooms, new cr.TagResourceCommand({ resourceArn, tags: { team: "data", env: "test" } }));
await run("UntagResource", us.cleanrooms, new cr.UntagResourceCommand({ resourceArn, tagKeys: ["env"] }));
await run("ListTagsForResource", us.cleanrooms, new cr.ListTagsForResourceCommand({ resourceArn }));
// An association's ARN holds two ids and a '/' between them: still one path label.
const associationArn = r.CreateConfiguredTableAssociation.output?.configuredTableAssociation?.arn;
await run("TagAssociation", us.cleanrooms, new cr.TagResourceCommand({ resourceArn: associationArn, tags: { team: "acx", owner: "console" } }));
await run("UntagAssociation", us.cleanrooms, new cr.UntagResourceCommand({ resourceArn: associationArn, tagKeys: ["owner", "absent"] }));
await run("ListAssociationTags", us.cleanrooms, new cr.ListTagsForResourceCommand({ resourceArn: associationArn }));

// The collaboration's view of what we shared.
const collaborationIdentifier = collaborationId;
await run("ListSchemas", partner.cleanrooms, new cr.ListSchemasCommand({ collaborationIdentifier, schemaType: "TABLE" }));
await run("GetSchema", partner.cleanrooms, new cr.GetSchemaCommand({ collaborationIdentifier, name: "acx_orders" }));
await run("BatchGetSchema", partner.cleanrooms, new cr.BatchGetSchemaCommand({ collaborationIdentifier, names: ["acx_orders", "nope"] }));
await run("GetSchemaAnalysisRule", partner.cleanrooms, new cr.GetSchemaAnalysisRuleCommand({ collaborationIdentifier, name: "acx_orders", type: "CUSTOM" }));
await run("BatchGetSchemaAnalysisRule", partner.cleanrooms, new cr.BatchGetSchemaAnalysisRuleCommand({
  collaborationIdentifier, schemaAnalysisRuleRequests: [{ name: "acx_orders", type: "CUSTOM" }, { name: "acx_orders", type: "LIST" }],
}));

// Every modeled Clean Rooms error kind.
await run("ValidationException", us.cleanrooms, new cr.CreateConfiguredTableAssociationCommand({
  membershipIdentifier, name: "a-b", configuredTableIdentifier, roleArn: "role",
}));
await run("ResourceNotFoundException", us.cleanrooms, new cr.GetMembershipCommand({ membershipIdentifier: "00000000-0000-4000-8000-000000000000" }));
await run("ConflictException", us.cleanrooms, new cr.CreateMembershipCommand({ collaborationIdentifier: collaborationId, queryLogStatus: "ENABLED" }));
for (let i = 1; i <= 4; i += 1) await attempt(us.cleanrooms.send(mappingTable(`map_${i}`)));
await run("ServiceQuotaExceededException", us.cleanrooms, mappingTable("map_5"));
await run("AccessDeniedException", us.cleanrooms, new cr.ListSchemasCommand({ collaborationIdentifier: AMC_COLLABORATION }));
await setFaults(endpoint, { operations: { GetCollaboration: { rateLimit: 0.01, rateLimitBurst: 1 }, ListMembers: { errorRate: 1 } } });
await attempt(us.cleanrooms.send(new cr.GetCollaborationCommand({ collaborationIdentifier: collaborationId })));
await run("ThrottlingException", us.cleanrooms, new cr.GetCollaborationCommand({ collaborationIdentifier: collaborationId }));
await run("InternalServerException", us.cleanrooms, new cr.ListMembersCommand({ collaborationIdentifier: collaborationId }));
await setFaults(endpoint, {});

// Tear down in dependency order, then leave.
await run("DeleteConfiguredTableAssociationAnalysisRule", us.cleanrooms, new cr.DeleteConfiguredTableAssociationAnalysisRuleCommand({ ...cta, analysisRuleType: "CUSTOM" }));
await run("DeleteConfiguredTableAssociation", us.cleanrooms, new cr.DeleteConfiguredTableAssociationCommand(cta));
await run("DeleteIdNamespaceAssociation", us.cleanrooms, new cr.DeleteIdNamespaceAssociationCommand(ina));
const tables = await us.cleanrooms.send(new cr.ListIdMappingTablesCommand({ membershipIdentifier }));
for (const t of tables.idMappingTableSummaries) {
  r.DeleteIdMappingTable = await attempt(us.cleanrooms.send(new cr.DeleteIdMappingTableCommand({ membershipIdentifier, idMappingTableIdentifier: t.id })));
}
await run("DeleteAnalysisTemplate", us.cleanrooms, new cr.DeleteAnalysisTemplateCommand(at));
await run("DeleteConfiguredTableAnalysisRule", us.cleanrooms, new cr.DeleteConfiguredTableAnalysisRuleCommand({ configuredTableIdentifier, analysisRuleType: "CUSTOM" }));
await run("DeleteConfiguredTable", us.cleanrooms, new cr.DeleteConfiguredTableCommand({ configuredTableIdentifier }));
await run("DeleteMembershipWithChildren", us.cleanrooms, new cr.DeleteMembershipCommand({ membershipIdentifier }));
await run("DeletePrivacyBudgetTemplate", us.cleanrooms, new cr.DeletePrivacyBudgetTemplateCommand(pbt));
await run("DeleteConfiguredAudienceModelAssociation", us.cleanrooms, new cr.DeleteConfiguredAudienceModelAssociationCommand(cama));
await run("DeleteMembership", us.cleanrooms, new cr.DeleteMembershipCommand({ membershipIdentifier }));
await run("GetMembershipAfterDelete", us.cleanrooms, new cr.GetMembershipCommand({ membershipIdentifier }));

// The creator's own operations; leaving is not one of them while its membership is ACTIVE.
await run("CreatorDeleteMembership", partner.cleanrooms, new cr.DeleteMembershipCommand({
  membershipIdentifier: r.PartnerCreateMembership.output?.membership?.id,
}));
await run("UpdateCollaboration", partner.cleanrooms, new cr.UpdateCollaborationCommand({ collaborationIdentifier, name: "Conformance (renamed)" }));
await run("DeleteMember", partner.cleanrooms, new cr.DeleteMemberCommand({ collaborationIdentifier, accountId: AMC_ACCOUNT }));
await run("DeleteCollaboration", partner.cleanrooms, new cr.DeleteCollaborationCommand({ collaborationIdentifier }));
await run("PartnerMembershipsAfterDelete", partner.cleanrooms, new cr.ListMembershipsCommand({ status: "COLLABORATION_DELETED" }));

process.stdout.write(JSON.stringify(describeDates(r), null, 2) + "\n");
