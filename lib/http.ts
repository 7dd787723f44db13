import "server-only";
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { z } from "zod";
import {
  boundaryProblems,
  isJsonContentType,
  isSameOrigin,
  isStorableText,
  originOf,
  problemFields,
  unstorableParams,
} from "./domain/request-boundary";
import { env } from "./env";
import { AppError, fieldErrorsOf, ForbiddenError, NotFoundError, StaleScorecardError, ValidationError } from "./errors";

export const MAX_BODY_BYTES = 256 * 1024;

/** Any JSON object: for handlers whose data function parses with the form's own schema. */
export const anyJson = z.record(z.string(), z.unknown());

export type ErrorBody = {
  error: { code: string; message: string; fields?: Record<string, string[]>; current?: unknown };
};

function errorResponse(status: number, body: ErrorBody) {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * State changes must come from this site (a second line of defence beside SameSite cookies): the
 * whole Origin (scheme, host, port) against NEXTAUTH_URL's, never against X-Forwarded-Host, which
 * the sender chooses; without NEXTAUTH_URL (dev, tests) against the request's own URL.
 */
function assertSameOrigin(req: Request) {
  const site = originOf(env.NEXTAUTH_URL) ?? new URL(req.url).origin;
  if (!isSameOrigin(req.headers.get("origin"), site)) throw new ForbiddenError("Cross-site requests are not accepted.");
}

/**
 * Query parameters reach database queries: one the databases cannot store is refused (422,
 * named) before any query, and a path segment holding one names nothing that exists (404).
 */
export function assertStorableUrl(url: URL) {
  const problems = unstorableParams(url.searchParams);
  if (problems.length)
    throw new ValidationError("The query string has parameters that need attention.", problemFields(problems));
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // not percent-decodable: no route takes it as an id
  }
  if (!isStorableText(path)) throw new NotFoundError();
}

function tooLarge(limit: number) {
  return new AppError(`The request is larger than ${limit / 1024} KB.`, 413, "too_large");
}

/**
 * A request's body, read as a stream and given up as soon as it passes `limit` bytes (413): a
 * large body is never held whole in memory. A declared Content-Length above the limit is refused
 * before anything is read.
 */
export async function readBodyBytes(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) {
    req.body?.cancel().catch(() => {});
    throw tooLarge(limit);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** next-auth's own forms (sign-in, sign-out, CSRF) are a few hundred bytes. */
export const AUTH_MAX_BODY_BYTES = 16 * 1024;

/**
 * For a handler that reads the body itself (next-auth): a body over `limit` bytes is refused
 * (413) before the handler runs, and the handler gets a request rebuilt from the bytes read.
 */
export function withBodyLimit<C>(limit: number, handler: (req: NextRequest, ctx: C) => Promise<Response>) {
  return async (req: NextRequest, ctx: C): Promise<Response> => {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await readBodyBytes(req, limit);
    } catch (error) {
      return errorToResponse(error);
    }
    const rebuilt = new NextRequest(req.url, {
      method: req.method,
      headers: req.headers,
      body: bytes.byteLength ? bytes : undefined,
    });
    return handler(rebuilt, ctx);
  };
}

/**
 * A request's JSON body (docs/decisions/018): declared as application/json (415), at most
 * `limit` bytes (MAX_BODY_BYTES unless the operation declares more; 413), valid JSON (400), and with no text the databases cannot store and no
 * prototype key ("__proto__", "constructor", "prototype") anywhere (422, each named by its path).
 */
export async function readJsonValue(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  if (!isJsonContentType(req.headers.get("content-type")))
    throw new AppError("Send the body as JSON, with Content-Type: application/json.", 415, "unsupported_media_type");
  const text = new TextDecoder().decode(await readBodyBytes(req, limit));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("The request body is not valid JSON.", 400, "bad_json");
  }
  const problems = boundaryProblems(value);
  if (problems.length) throw new ValidationError("Some fields hold what cannot be accepted.", problemFields(problems));
  return value;
}

/** Reads a JSON body of at most MAX_BODY_BYTES and parses it with the schema. */
export async function readJson<T>(req: Request, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await readJsonValue(req));
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error.issues, "body");
    throw Object.assign(new AppError("The request does not have the expected shape.", 400, "bad_request"), {
      fieldErrors: fields,
    });
  }
  return parsed.data;
}

/**
 * Runs a route handler: expected errors become { error: { code, message, fields? } } with their
 * status; anything else is logged with an id and answered with a generic 500
 * (docs/decisions/021-route-handlers-and-fetch.md, "Handlers are thin and testable").
 */
export async function handle(req: Request, work: () => Promise<unknown>): Promise<Response> {
  return handleRaw(req, async () => Response.json(await work(), { headers: { "Cache-Control": "no-store" } }));
}

/** As handle(), for handlers that build their own response (CSV files). */
export async function handleRaw(req: Request, work: () => Promise<Response>): Promise<Response> {
  try {
    if (req.method !== "GET" && req.method !== "HEAD") assertSameOrigin(req);
    assertStorableUrl(new URL(req.url));
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
    return errorResponse(error.status, {
      error: { code: error.code, message: error.message, ...(fields && Object.keys(fields).length ? { fields } : {}) },
    });
  }
  const id = randomUUID();
  console.error(`[${id}]`, error);
  return errorResponse(500, {
    error: {
      code: "internal",
      message: `Something went wrong on our side (reference ${id}). Your text is kept; try again.`,
    },
  });
}
