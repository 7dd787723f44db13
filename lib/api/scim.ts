import "server-only";
import { randomUUID } from "node:crypto";
import { auditScimWrite } from "../data/audit";
import { authenticateScimToken } from "../data/scim-tokens";
import { boundaryProblems, originOf } from "../domain/request-boundary";
import { ScimError, scimErrorBody } from "../domain/scim/errors";
import { env } from "../env";
import { AppError, ConflictError, NotFoundError, UnauthenticatedError, ValidationError } from "../errors";
import { assertStorableUrl, readBodyBytes } from "../http";

// The /scim/v2 route wrapper (docs/decisions/072): the SCIM token (401 with WWW-Authenticate
// otherwise), a body declared application/scim+json or application/json, at most
// SCIM_MAX_BODY_BYTES, with nothing the databases cannot store; answers and errors in SCIM's own
// shapes (RFC 7644 §3.12), as application/scim+json. No Origin check: a bearer token is sent on
// purpose, never by a browser on its own (docs/decisions/018). Every write is audited with the
// token as actor, whatever its answer.

/** Group PATCHes from Entra ID carry many members: more room than the JSON API's 256 KB. */
export const SCIM_MAX_BODY_BYTES = 1024 * 1024;
export const SCIM_CONTENT_TYPE = "application/scim+json";

export type ScimContext<P> = { tokenId: string; req: Request; url: URL; base: string; params: P; body: unknown };
export type ScimAnswer = { status?: 200 | 201 | 204; body?: unknown; location?: string };

const headers = (extra: Record<string, string> = {}) => ({
  "Content-Type": `${SCIM_CONTENT_TYPE}; charset=utf-8`,
  "Cache-Control": "no-store",
  ...extra,
});

export function scimError(
  status: number,
  detail: string,
  scimType?: ScimError["scimType"],
  extra?: Record<string, string>,
) {
  return new Response(JSON.stringify(scimErrorBody(status, detail, scimType)), { status, headers: headers(extra) });
}

function isScimJson(header: string | null) {
  const type = header?.split(";")[0].trim().toLowerCase();
  return type === SCIM_CONTENT_TYPE || type === "application/json";
}

async function readScimBody(req: Request): Promise<unknown> {
  if (!isScimJson(req.headers.get("content-type")))
    throw new ScimError(415, `Send the body as ${SCIM_CONTENT_TYPE} (or application/json).`);
  const bytes = await readBodyBytes(req, SCIM_MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ScimError(400, "The body is not valid JSON.", "invalidSyntax");
  }
  const problems = boundaryProblems(value);
  if (problems.length)
    throw new ScimError(
      400,
      `Not accepted: ${problems.map((p) => `${p.path} (${p.message})`).join("; ")}`,
      "invalidValue",
    );
  return value;
}

export function toScimResponse(error: unknown): Response {
  if (error instanceof ScimError) return scimError(error.status, error.message, error.scimType);
  if (error instanceof UnauthenticatedError)
    return scimError(401, error.message, undefined, { "WWW-Authenticate": 'Bearer realm="SCIM"' });
  if (error instanceof AppError && "retryAfterSeconds" in error)
    return scimError(429, error.message, undefined, { "Retry-After": String(error.retryAfterSeconds) });
  if (error instanceof NotFoundError) return scimError(404, error.message);
  if (error instanceof ConflictError) return scimError(409, error.message);
  if (error instanceof ValidationError) return scimError(400, error.message, "invalidValue");
  if (error instanceof AppError && error.status === 413) return scimError(413, error.message);
  const id = randomUUID();
  console.error(`[${id}]`, error);
  return scimError(500, `Something went wrong on our side (reference ${id}).`);
}

export function scim<P = Record<string, never>>(work: (ctx: ScimContext<P>) => Promise<ScimAnswer>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    let tokenId: string | null = null;
    let status = 500;
    const url = new URL(req.url);
    try {
      tokenId = (await authenticateScimToken(req.headers.get("authorization"))).tokenId;
      assertStorableUrl(url);
      const body = req.method === "GET" || req.method === "DELETE" ? undefined : await readScimBody(req);
      const base = originOf(env.NEXTAUTH_URL) ?? url.origin;
      const answer = await work({ tokenId, req, url, base, params: await context.params, body });
      status = answer.status ?? 200;
      if (status === 204) return new Response(null, { status, headers: { "Cache-Control": "no-store" } });
      return new Response(JSON.stringify(answer.body), {
        status,
        headers: headers(answer.location ? { Location: answer.location } : {}),
      });
    } catch (error) {
      const res = toScimResponse(error);
      status = res.status;
      return res;
    } finally {
      if (tokenId && req.method !== "GET") {
        await auditScimWrite(tokenId, { method: req.method, path: url.pathname, status }).catch((e) =>
          console.error("audit of a SCIM write failed", e),
        );
      }
    }
  };
}
