// What the official SDK makes of the AWS behaviours the emulator plays by default (docs/emulator.md, "What AWS does that
// we model"): a missing resource answered 403, a resource that reads don't show right after its create, a child create
// under a brand-new parent, and a repeated create's conflict. Run against an emulator started with its defaults and
// `conflictWithoutReason` on; prints one JSON object of results.
import * as cr from "@aws-sdk/client-cleanrooms";
import { AMC_COLLABORATION, attempt, clients, endpointFromArgs } from "./lib.mjs";

const endpoint = endpointFromArgs();
const us = clients(endpoint);
const r = {};
const missing = "00000000-0000-4000-8000-00000000dead";

r.GetMissingMembership = await attempt(us.cleanrooms.send(new cr.GetMembershipCommand({ membershipIdentifier: missing })));
r.DeleteMissingMembership = await attempt(us.cleanrooms.send(new cr.DeleteMembershipCommand({ membershipIdentifier: missing })));
r.CreateMembership = await attempt(us.cleanrooms.send(new cr.CreateMembershipCommand({ collaborationIdentifier: AMC_COLLABORATION, queryLogStatus: "ENABLED" })));
const membershipIdentifier = r.CreateMembership.output?.membership?.id;
r.GetNewMembership = await attempt(us.cleanrooms.send(new cr.GetMembershipCommand({ membershipIdentifier })));
r.ListRightAfterCreate = await attempt(us.cleanrooms.send(new cr.ListMembershipsCommand({})));
const tables = await us.cleanrooms.send(new cr.ListConfiguredTablesCommand({}));
r.ChildUnderNewParent = await attempt(us.cleanrooms.send(new cr.CreateConfiguredTableAssociationCommand({
  membershipIdentifier, name: "early", configuredTableIdentifier: tables.configuredTableSummaries[0].id,
  roleArn: "arn:aws:iam::239083076653:role/cleanrooms-glue-s3-access",
})));
r.RepeatedCreate = await attempt(us.cleanrooms.send(new cr.CreateMembershipCommand({ collaborationIdentifier: AMC_COLLABORATION, queryLogStatus: "ENABLED" })));

process.stdout.write(JSON.stringify(r, null, 2) + "\n");
