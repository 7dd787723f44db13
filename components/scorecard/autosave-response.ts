// What one autosave answer means for the engine (autosave-engine.ts), kept apart from the
// engine's timing so each rule reads on its own: a stale version is a conflict, never
// overwritten; a candidate erased ends autosave (docs/decisions/018); 5xx, 408 and 429 are tried
// again (after Retry-After when given); 401 says so and keeps trying; any other refusal is final
// for the text refused.
import type { SaveStatus, StoredState } from "./autosave-engine";

type ErrorBody = {
  error?: { message?: string; code?: string; current?: StoredState; fields?: Record<string, string[]> };
};

export type Outcome =
  | { kind: "saved"; version: number; savedAt: string }
  | { kind: "conflict"; current: StoredState }
  | { kind: "erased"; message: string }
  | { kind: "retry"; status: SaveStatus; atLeastMs: number }
  /** shown, and sent again at the next change */
  | { kind: "error"; status: SaveStatus }
  /** shown, and this text is not sent again */
  | { kind: "refused"; status: SaveStatus };

export function outcomeOf(
  res: Pick<Response, "ok" | "status" | "headers">,
  body: (ErrorBody & { version?: number; savedAt?: string }) | null,
): Outcome {
  const error = body?.error;
  if (res.ok) return { kind: "saved", version: body!.version!, savedAt: body!.savedAt! };
  if (res.status === 409 && error?.current) return { kind: "conflict", current: error.current };
  if (res.status === 410 && error?.code === "candidate_erased") return { kind: "erased", message: error.message! };
  if (res.status >= 500 || res.status === 408 || res.status === 429)
    return {
      kind: "retry",
      status: { kind: "retrying", reason: "failed" },
      atLeastMs: 1000 * (Number(res.headers.get("retry-after")) || 0),
    };
  if (res.status === 401)
    // signed out (or the session ended): say so, and keep trying, so that signing in again in
    // another tab is enough
    return {
      kind: "retry",
      status: {
        kind: "error",
        message: error?.message ?? "Your session has ended. Sign in again; your text is kept on this device.",
      },
      atLeastMs: 0,
    };
  if (res.status === 409)
    return {
      kind: "error",
      status: {
        kind: "error",
        message: error?.message ?? `Not saved (${res.status}). Your text is kept on this device.`,
      },
    };
  // refused for what it is (422 and the like): sending the same text again cannot succeed
  const fields = error?.fields;
  const detail = fields ? Object.values(fields)[0]?.[0] : undefined;
  const message = [error?.message ?? `Not saved (${res.status}).`, detail].filter(Boolean).join(" ");
  return {
    kind: "refused",
    status: {
      kind: "error",
      message: `${message} Your text is kept on this device; change it to try again.`,
      ...(fields ? { fields } : {}),
    },
  };
}
