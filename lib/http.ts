import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AppError, fieldErrorsOf, ForbiddenError } from "./errors";
import { StaleScorecardError } from "./data/scorecards";

export const MAX_BODY_BYTES = 256 * 1024;

/** Any JSON object: for handlers whose data function parses with the form's own schema. */
export const anyJson = z.record(z.string(), z.unknown());

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string[]>; current?: unknown } };

function errorResponse(status: number, body: ErrorBody) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** State changes must come from this site (a second line of defence beside SameSite cookies). */
function assertSameOrigin(req: Request) {
  const origin = req.headers.get("origin");
  if (!origin) return; // same-origin fetches from older browsers and non-browser clients
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (!host || new URL(origin).host !== host) throw new ForbiddenError("Cross-site requests are not accepted.");
}

/** A request's JSON body, refused when larger than MAX_BODY_BYTES (413) or not JSON (400). */
export async function readJsonValue(req: Request): Promise<unknown> {
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError(`The request is larger than ${MAX_BODY_BYTES / 1024} KB.`, 413, "too_large");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("The request body is not valid JSON.", 400, "bad_json");
  }
}

/** Reads a JSON body of at most MAX_BODY_BYTES and parses it with the schema. */
export async function readJson<T>(req: Request, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJsonValue(req));
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error.issues, "body");
    throw Object.assign(new AppError("The request does not have the expected shape.", 400, "bad_request"), { fieldErrors: fields });
  }
  return parsed.data;
}

/**
 * Runs a route handler: expected errors become { error: { code, message, fields? } } with their
 * status; anything else is logged with an id and answered with a generic 500 (STYLE.md 3).
 */
export async function handle(req: Request, work: () => Promise<unknown>): Promise<Response> {
  return handleRaw(req, async () => Response.json(await work(), { headers: { "Cache-Control": "no-store" } }));
}

/** As handle(), for handlers that build their own response (CSV files). */
export async function handleRaw(req: Request, work: () => Promise<Response>): Promise<Response> {
  try {
    if (req.method !== "GET" && req.method !== "HEAD") assertSameOrigin(req);
    return await work();
  } catch (error) {
    return errorToResponse(error);
  }
}

/** Expected errors become { error: { code, message, fields? } } with their status; others a logged 500. */
export function errorToResponse(error: unknown): Response {
  if (error instanceof StaleScorecardError) {
    return errorResponse(409, { error: { code: "stale", message: error.message, current: error.current } });
  }
  if (error instanceof AppError) {
    if ("retryAfterSeconds" in error) {
      const res = errorResponse(error.status, { error: { code: error.code, message: error.message } });
      res.headers.set("Retry-After", String(error.retryAfterSeconds));
      return res;
    }
    const fields = "fieldErrors" in error ? (error.fieldErrors as Record<string, string[]>) : undefined;
    return errorResponse(error.status, { error: { code: error.code, message: error.message, ...(fields && Object.keys(fields).length ? { fields } : {}) } });
  }
  const id = randomUUID();
  console.error(`[${id}]`, error);
  return errorResponse(500, { error: { code: "internal", message: `Something went wrong on our side (reference ${id}). Your text is kept; try again.` } });
}
