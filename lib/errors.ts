// Expected errors carry a status and a message fit for the user; anything else is unexpected,
// logged with an id, and shown as a generic message
// (docs/decisions/021-route-handlers-and-fetch.md; README "Security, privacy and reliability").
import type { ScorecardValues } from "./validations/scorecard";
import { boundaryProblems, PROTOTYPE_KEY_MESSAGE } from "./domain/request-boundary";

export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message, 422, "validation_failed");
  }
}
export class NotFoundError extends AppError {
  constructor(message = "Not found") {
    super(message, 404, "not_found");
  }
}
export class ForbiddenError extends AppError {
  constructor(message = "You do not have access to this") {
    super(message, 403, "forbidden");
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = "Your session has ended. Sign in again.") {
    super(message, 401, "unauthenticated");
  }
}
export class ConflictError extends AppError {
  constructor(message: string) {
    super(message, 409, "conflict");
  }
}

/** Thrown when the caller's version is stale; carries what is stored now, for merging. */
export class StaleScorecardError extends ConflictError {
  constructor(readonly current: { version: number; status: string; values: ScorecardValues; savedAt: Date }) {
    super(
      current.status === "submitted"
        ? "This scorecard has been submitted in the meantime."
        : "This scorecard was changed in another tab or window since you opened it.",
    );
  }
}

/** Submitting before the interview's start (lib/domain/submit-window.ts): refused; drafting is not. */
export class InterviewNotStartedError extends AppError {
  constructor(message: string) {
    super(message, 409, "interview_not_started");
  }
}

/**
 * A write about a candidate whose personal data was erased: final, never retried
 * (docs/decisions/034-erasure-keeps-numbers.md, 014-check-then-write.md).
 */
export class CandidateErasedError extends AppError {
  constructor(message = "This candidate's data was erased; nothing more can be recorded about them.") {
    super(message, 410, "candidate_erased");
  }
}

/**
 * zod issues as { "field.path": [messages] }, in an object without a prototype: a field named
 * "__proto__" or "constructor" in hostile input is just another key.
 */
export function fieldErrorsOf(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  root = "form",
): Record<string, string[]> {
  const fields = Object.create(null) as Record<string, string[]>;
  for (const i of issues) {
    const key = i.path.map(String).join(".") || root;
    (fields[key] ??= []).push(i.message);
  }
  return fields;
}

/** What parseInput needs of a schema: zod's and zod/mini's safeParse alike. */
type SafeParser<T> = {
  safeParse(
    v: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
};

/**
 * Parses input with a form's schema, or throws a ValidationError with the messages per field:
 * all of them, or the first of each (the scorecard form shows one message under each field).
 */
export function parseInput<T>(schema: SafeParser<T>, input: unknown, opts: { firstMessageOnly?: boolean } = {}): T {
  // zod drops an own "__proto__" key from a record without a word, so a write called without the
  // HTTP boundary (a server action, a script) would store less than it was sent: refused by its
  // path instead, as the boundary does (docs/decisions/018)
  const protoKeys = boundaryProblems(input, "").filter((p) => p.message === PROTOTYPE_KEY_MESSAGE);
  if (protoKeys.length)
    throw new ValidationError(
      "Some answers need attention.",
      Object.assign(Object.create(null), Object.fromEntries(protoKeys.map((p) => [p.path, [p.message]]))),
    );
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields = fieldErrorsOf(r.error.issues);
  if (opts.firstMessageOnly) for (const k of Object.keys(fields)) fields[k] = fields[k].slice(0, 1);
  throw new ValidationError("Some answers need attention.", fields);
}
