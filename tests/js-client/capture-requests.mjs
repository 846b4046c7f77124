// Builds each requested AWS call with the official AWS SDK for JavaScript v3 and prints the HTTP request
// the SDK would send (method, path, query, body) without sending it: a custom request handler records the
// serialised request and then aborts. Input (stdin): [{"service":"cleanrooms","command":"ListMembers","input":{...}}].
// Output (stdout): a JSON array with one captured request per input, in order.
import * as cleanrooms from "@aws-sdk/client-cleanrooms";
import * as entityresolution from "@aws-sdk/client-entityresolution";
import * as glue from "@aws-sdk/client-glue";
import * as sts from "@aws-sdk/client-sts";

const services = {
  cleanrooms: { module: cleanrooms, client: cleanrooms.CleanRoomsClient },
  entityresolution: { module: entityresolution, client: entityresolution.EntityResolutionClient },
  sts: { module: sts, client: sts.STSClient },
  glue: { module: glue, client: glue.GlueClient },
};

class Captured extends Error {}

function capturingHandler(sink) {
  return {
    async handle(request) {
      sink.push({
        method: request.method,
        path: request.path,
        query: request.query ?? {},
        contentType: request.headers["content-type"] ?? null,
        target: request.headers["x-amz-target"] ?? null,
        body: typeof request.body === "string" ? request.body : request.body == null ? null : String(request.body),
      });
      throw new Captured("captured");
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() { return {}; },
  };
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

// Clean Rooms timestamps and blobs never appear in our inputs, so plain JSON input is enough.
const calls = await readStdin();
const results = [];
for (const call of calls) {
  const service = services[call.service];
  if (!service) throw new Error(`unknown service ${call.service}`);
  const Command = service.module[`${call.command}Command`];
  if (!Command) throw new Error(`unknown command ${call.service}.${call.command}`);
  const sink = [];
  const client = new service.client({
    region: "us-east-1",
    endpoint: "http://127.0.0.1:1",
    credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "oracle-secret" },
    requestHandler: capturingHandler(sink),
    maxAttempts: 1,
  });
  try {
    await client.send(new Command(call.input ?? {}));
  } catch (e) {
    if (!(e instanceof Captured) && sink.length === 0) throw e;
  }
  results.push(sink[0]);
}
process.stdout.write(JSON.stringify(results));
