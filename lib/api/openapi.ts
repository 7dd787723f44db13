// The OpenAPI 3.1 document of /api/v1, generated from the operations and their zod schemas
// (lib/api/operations.ts, lib/api/*-schemas.ts): what the handlers parse is what the document says.
import { z } from "zod";
import { MAX_BODY_BYTES } from "../http";
import { operations } from "./operations";
import { errorBody } from "./record-schemas";
import type { Operation } from "./v1";

type Json = Record<string, unknown>;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const idOf = (schema: z.ZodType) => (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;

function components(io: "input" | "output"): Record<string, Json> {
  const out = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  for (const s of Object.values(out.schemas)) {
    delete s.$schema;
    delete s.$id;
  }
  return out.schemas;
}

function inline(schema: z.ZodType, io: "input" | "output"): Json {
  const id = idOf(schema);
  if (id) return ref(id);
  // only small schemas without ids come here (query parameters); everything else is a component
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  delete json.$schema;
  return json;
}

function queryParameters(schema: z.ZodType | undefined) {
  if (!schema || !(schema instanceof z.ZodObject)) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const json = inline(field, "input");
    return {
      name,
      in: "query",
      required: !field.safeParse(undefined).success,
      schema: json,
      ...(json.description ? { description: json.description } : {}),
    };
  });
}

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed JSON (`bad_json`), a bad query parameter or cursor (`bad_request`), or a missing Idempotency-Key",
  401: "No token, or the token is unknown, revoked or expired, or its user is deactivated",
  403: "The token's user may not do this",
  404: "Not found, or not visible to the token's user",
  409: "Conflict: stale version (`stale`, with `current`), or the state does not allow it",
  410: "The candidate's personal data was erased (`candidate_erased`): nothing more is recorded about them; do not retry",
  413: `Body larger than ${MAX_BODY_BYTES / 1024} KB (unless the operation says otherwise)`,
  415: "The body is not declared as JSON (`unsupported_media_type`): send Content-Type: application/json",
  429: "Too many requests from this token this minute (see Retry-After)",
  422: "Validation failed: wrong types, unknown fields or broken rules; `fields` maps each field to its messages",
};

function operationObject(name: string, op: Operation) {
  const errors = [
    400,
    401,
    403,
    404,
    ...(op.conflicts ? [409] : []),
    ...(op.aboutCandidate ? [410] : []),
    ...(op.body ? [413, 415, 422] : []),
    429,
  ];
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const headerParams = op.idempotencyKey
    ? [
        {
          name: "Idempotency-Key",
          in: "header",
          required: true,
          description: "8–100 characters (letters, digits, - _ . :); reuse it when retrying the same submission",
          schema: { type: "string", pattern: "^[A-Za-z0-9_.:-]{8,100}$" },
        },
      ]
    : [];
  return {
    operationId: name,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    parameters: [...pathParams, ...headerParams, ...queryParameters(op.query)],
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: inline(op.body, "input") },
              ...(op.csvBody ? { "text/csv": { schema: { type: "string", description: "the CSV file itself" } } } : {}),
            },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(
        [op.status ?? 200, ...(op.otherStatus ? [op.otherStatus] : [])].map((s) => [
          String(s),
          { description: "OK", content: { "application/json": { schema: inline(op.response, "output") } } },
        ]),
      ),
      ...Object.fromEntries(
        errors.map((s) => [
          String(s),
          {
            description:
              s === 413 && op.maxBodyBytes
                ? `Body larger than ${op.maxBodyBytes / 1024} KB`
                : s === 415 && op.csvBody
                  ? "The body is neither JSON (Content-Type: application/json) nor CSV (Content-Type: text/csv)"
                  : ERROR_TEXT[s],
            content: { "application/json": { schema: ref(idOf(errorBody)!) } },
          },
        ]),
      ),
    },
  };
}

export function openApiDocument(serverUrl = "/api/v1") {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, op] of Object.entries(operations) as [string, Operation][]) {
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(name, op);
  }
  // request bodies are described as clients send them (defaults optional), responses as sent
  const requestIds = new Set(
    Object.values(operations as Record<string, Operation>).flatMap((o) => (o.body ? [idOf(o.body)] : [])),
  );
  const input = components("input");
  const output = components("output");
  const schemas = Object.fromEntries(
    Object.keys(output).map((id) => [id, requestIds.has(id) ? input[id] : output[id]]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Scorecards API",
      version: "1.0.0",
      description:
        "Structured interview scorecards: role templates, openings, candidates, loops, scorecards, summaries, comparisons and decisions. Authenticate with `Authorization: Bearer <token>` (an admin creates tokens under Admin → API tokens); every request acts with exactly that user's permissions. Lists are paged with `limit` and `cursor` (pass back `nextCursor`).",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    tags: [...new Set(Object.values(operations as Record<string, Operation>).map((o) => o.tag))].map((name) => ({
      name,
    })),
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token, sc_…" } },
      schemas,
    },
  };
}
