import "server-only";
import { z } from "zod";
import { auditApiWrite } from "../data/audit";
import { authenticateToken, type TokenUser } from "../data/api-tokens";
import { AppError, fieldErrorsOf, ValidationError } from "../errors";
import { assertStorableUrl, errorToResponse, MAX_BODY_BYTES, readBodyBytes, readJsonValue } from "../http";

// The /api/v1 route wrapper (docs/decisions/007-api-tokens-and-webhooks.md): bearer token → the
// user's own permissions; query and body parsed with the operation's schemas (unknown body fields
// refused); one error shape; every write made with a token is in the audit log, whatever its
// outcome.

export type Operation = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** OpenAPI path under /api/v1, e.g. "/openings/{id}" */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  status?: 200 | 201;
  /** "required": the Idempotency-Key header must be sent (submissions) */
  idempotencyKey?: "required";
  /** extra error statuses beyond 400/401/403/404/422 (e.g. 409) */
  conflicts?: boolean;
  /** a write about a candidate: 410 once the candidate is erased (lib/data/candidate-lock.ts) */
  aboutCandidate?: boolean;
  /** a larger body than MAX_BODY_BYTES, for the operations that take files (docs/decisions/071) */
  maxBodyBytes?: number;
  /** the body may also be sent as text/csv: it is then the body schema's `csv` field */
  csvBody?: boolean;
  /** a second success status the work may answer with (an import's dry run: 200 beside 201) */
  otherStatus?: 200 | 201;
};

/** What a work function returns to answer with the operation's `otherStatus`. */
export class Answer {
  constructor(
    readonly data: unknown,
    readonly status: 200 | 201,
  ) {}
}

type Ctx<O extends Operation, P> = {
  user: TokenUser;
  params: P;
  query: O["query"] extends z.ZodType ? z.output<O["query"]> : undefined;
  body: O["body"] extends z.ZodType ? z.output<O["body"]> : undefined;
  idempotencyKey: string | null;
  req: Request;
};

function fieldsOf(error: z.ZodError): Record<string, string[]> {
  // unknown keys are reported one by one, under their own names
  return fieldErrorsOf(
    error.issues.flatMap((i) =>
      i.code === "unrecognized_keys" ? i.keys.map((k) => ({ path: [...i.path, k], message: "Unknown field" })) : [i],
    ),
    "body",
  );
}

const isCsv = (header: string | null) => header?.split(";")[0].trim().toLowerCase() === "text/csv";

async function readBody(req: Request, op: Operation & { body: z.ZodType }) {
  const limit = op.maxBodyBytes ?? MAX_BODY_BYTES;
  // a CSV body is text for the import to check cell by cell (NUL, broken emoji: row problems)
  const value =
    op.csvBody && isCsv(req.headers.get("content-type"))
      ? { csv: new TextDecoder().decode(await readBodyBytes(req, limit)) }
      : await readJsonValue(req, limit);
  const parsed = op.body.safeParse(value);
  if (!parsed.success) throw new ValidationError("The request has fields that need attention.", fieldsOf(parsed.error));
  return parsed.data;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

export function v1<O extends Operation, P = Record<string, never>>(op: O, work: (ctx: Ctx<O, P>) => Promise<unknown>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    let user: TokenUser | null = null;
    let status = 500;
    try {
      user = await authenticateToken(req.headers.get("authorization"));
      // no Origin check: a token is sent on purpose, never by a browser on its own (docs/decisions/018);
      // the body must still be declared JSON (readJsonValue), and the query text storable
      assertStorableUrl(new URL(req.url));
      let query: unknown = undefined;
      if (op.query) {
        const parsed = op.query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
        if (!parsed.success)
          throw Object.assign(
            new AppError("The query string has parameters that need attention.", 400, "bad_request"),
            { fieldErrors: fieldsOf(parsed.error) },
          );
        query = parsed.data;
      }
      const body = op.body ? await readBody(req, op as Operation & { body: z.ZodType }) : undefined;
      const idempotencyKey = req.headers.get("idempotency-key");
      if (op.idempotencyKey === "required" && !idempotencyKey)
        throw new AppError(
          "Send an Idempotency-Key header (8–100 letters, digits, - _ . :), the same on every retry.",
          400,
          "idempotency_key_required",
        );
      if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey))
        throw new AppError(
          "The Idempotency-Key must be 8–100 letters, digits, - _ . or :.",
          400,
          "bad_idempotency_key",
        );
      const data = await work({ user, params: await context.params, query, body, idempotencyKey, req } as Ctx<O, P>);
      status = data instanceof Answer && data.status === op.otherStatus ? data.status : (op.status ?? 200);
      return Response.json(data instanceof Answer ? data.data : data, {
        status,
        headers: { "Cache-Control": "no-store" },
      });
    } catch (error) {
      const res = errorToResponse(error);
      status = res.status;
      return res;
    } finally {
      if (user && req.method !== "GET") {
        const path = new URL(req.url).pathname;
        await auditApiWrite(user, { method: req.method, path, status }).catch((e) =>
          console.error("audit of an API write failed", e),
        );
      }
    }
  };
}
