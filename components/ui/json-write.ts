"use client";

// The one way the browser writes to the app's route handlers: a JSON body with
// Content-Type: application/json (the handlers refuse anything else, docs/decisions/018), the
// answer read as JSON, and a failure told apart as "no connection" (status null), a refusal with
// field messages (422: `fields`, keyed by the zod path) or any other refusal (`message`).
import { useCallback, useState } from "react";

export type ErrorBody = {
  error?: { message?: string; code?: string; fields?: Record<string, string[]>; current?: unknown };
};

export type WriteResult<T> =
  | { ok: true; status: number; data: T }
  | {
      ok: false;
      /** null: the request never got an answer (offline, connection dropped) */
      status: number | null;
      data: (ErrorBody & Record<string, unknown>) | null;
      /** the server's message, if it gave one */
      message: string | null;
      /** the server's messages per field (a 422), empty when none */
      fields: Record<string, string[]>;
    };

export type WriteOptions = {
  method?: "POST" | "PUT" | "PATCH" | "DELETE";
  /** sent as JSON; omitted, the request has no body */
  body?: unknown;
  /** false: send no Content-Type (a bodiless DELETE the handler does not parse) */
  json?: boolean;
};

export async function writeJson<T = unknown>(url: string, opts: WriteOptions = {}): Promise<WriteResult<T>> {
  const res = await fetch(url, {
    method: opts.method ?? "POST",
    ...(opts.json === false ? {} : { headers: { "Content-Type": "application/json" } }),
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  }).catch(() => null);
  if (!res) return { ok: false, status: null, data: null, message: null, fields: {} };
  const data = await res.json().catch(() => null);
  if (res.ok) return { ok: true, status: res.status, data: data as T };
  return {
    ok: false,
    status: res.status,
    data,
    message: data?.error?.message ?? null,
    fields: (data?.error?.fields ?? {}) as Record<string, string[]>,
  };
}

/** writeJson with a pending flag for the button that started it (disabled, "Saving…"). */
export function useJsonWrite() {
  const [pending, setPending] = useState(false);
  const write = useCallback(async <T = unknown>(url: string, opts?: WriteOptions) => {
    setPending(true);
    try {
      return await writeJson<T>(url, opts);
    } finally {
      setPending(false);
    }
  }, []);
  return { pending, write };
}
