// Shared set-up for the conformance scripts: clients of the official AWS SDK for JavaScript v3 pointed at the
// emulator with a demo account's credentials, and helpers that turn SDK results and errors into plain JSON.
import { CleanRoomsClient } from "@aws-sdk/client-cleanrooms";
import { EntityResolutionClient } from "@aws-sdk/client-entityresolution";
import { GlueClient } from "@aws-sdk/client-glue";
import { SSOClient } from "@aws-sdk/client-sso";
import { STSClient } from "@aws-sdk/client-sts";

export const OUR_ACCOUNT = "239083076653";
export const AMC_COLLABORATION = "27b93e2b-5001-4b20-a47b-6aad96ec8958";
export const AMC_ACCOUNT = "921290734397";
export const MEASUREMENT_ACCOUNT = "803109464991";

export function endpointFromArgs() {
  const endpoint = process.argv[2];
  if (!endpoint) {
    console.error("usage: node <script> <emulator endpoint, e.g. http://127.0.0.1:4566>");
    process.exit(2);
  }
  return endpoint;
}

// Retries are off so each SDK call is exactly one request and errors surface as the emulator sent them.
export function config(endpoint, accountId) {
  return {
    endpoint,
    region: "us-east-1",
    maxAttempts: 1,
    credentials: { accessKeyId: `AKIA${accountId}TEST`, secretAccessKey: `demo-secret-${accountId}` },
  };
}

export function clients(endpoint, accountId = OUR_ACCOUNT) {
  const c = config(endpoint, accountId);
  return {
    cleanrooms: new CleanRoomsClient(c),
    entityresolution: new EntityResolutionClient(c),
    sts: new STSClient(c),
    glue: new GlueClient(c),
    sso: new SSOClient({ endpoint, region: "us-east-1", maxAttempts: 1 }),
  };
}

// Runs one call; returns what the SDK parsed, or the error's name, HTTP status and modeled fields.
export async function attempt(promise) {
  try {
    const { $metadata, ...output } = await promise;
    return { ok: true, status: $metadata.httpStatusCode, requestId: $metadata.requestId ?? null, output };
  } catch (error) {
    const { $metadata, $fault, $response, message, name, ...fields } = error;
    return {
      ok: false,
      name,
      fault: $fault ?? null,
      status: $metadata?.httpStatusCode ?? null,
      message,
      fields: JSON.parse(JSON.stringify(fields)),
    };
  }
}

// Dates are written with a marker so the test can check the SDK parsed epoch seconds into Date objects.
export function describeDates(obj) {
  if (obj instanceof Date) return { $date: obj.toISOString() };
  if (Array.isArray(obj)) return obj.map(describeDates);
  if (obj && typeof obj === "object") {
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, describeDates(v)]));
  }
  return obj;
}

// Sets the emulator's fault settings through its admin API (plain HTTP, not an AWS call).
export async function setFaults(endpoint, settings) {
  const response = await fetch(`${endpoint}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`setting faults failed: ${response.status} ${await response.text()}`);
}
