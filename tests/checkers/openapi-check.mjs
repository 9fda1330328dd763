// Reads Parley's OpenAPI document with implementations Parley did not write: APIDevTools' swagger-parser validates it
// against the OpenAPI 3.1 schema and resolves every $ref; Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) then
// checks each real response given against the schema the document declares for its operation, status and media type.
// Usage: node openapi-check.mjs DOCUMENT.json [RESPONSES.json]
//   RESPONSES.json: [{ "method": "get", "path": "/api/letters/{id}", "status": 200, "body": <the JSON answered> }, ...]
// Prints { valid, error, checked, failures: [{ method, path, status, errors }] } as JSON.
import { readFileSync } from "node:fs";
import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const document = JSON.parse(readFileSync(process.argv[2], "utf8"));
const result = { valid: true, error: null, checked: 0, failures: [] };
try {
  await SwaggerParser.validate(structuredClone(document));
} catch (e) {
  result.valid = false;
  result.error = e.message;
}

if (process.argv[3]) {
  const responses = JSON.parse(readFileSync(process.argv[3], "utf8"));
  // OpenAPI's own keywords (example, discriminator, xml…) are not JSON Schema's: allowed, not checked.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ["int32", "int64", "float", "double", "byte", "binary", "password"]) ajv.addFormat(format, true);
  ajv.addSchema({ $id: "openapi", components: document.components ?? {} });
  // A $ref in the document ("#/components/schemas/X") is resolved against the document registered above.
  const rebase = (node) => {
    if (Array.isArray(node)) return node.map(rebase);
    if (node && typeof node === "object")
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === "$ref" && typeof v === "string" && v.startsWith("#/") ? "openapi" + v : rebase(v)]));
    return node;
  };
  for (const r of responses) {
    const operation = document.paths?.[r.path]?.[r.method];
    const response = operation?.responses?.[String(r.status)];
    const media = response?.content?.["application/json"] ?? response?.content?.["application/problem+json"];
    if (!media?.schema) {
      result.failures.push({ method: r.method, path: r.path, status: r.status, errors: ["the document declares no JSON schema for this answer"] });
      continue;
    }
    const validate = ajv.compile(rebase(media.schema));
    result.checked++;
    if (!validate(r.body))
      result.failures.push({ method: r.method, path: r.path, status: r.status,
        errors: validate.errors.slice(0, 5).map((e) => `${e.instancePath || "(root)"} ${e.message} ${JSON.stringify(e.params)}`) });
  }
}
console.log(JSON.stringify(result));
