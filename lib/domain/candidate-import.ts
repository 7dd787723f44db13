// Checking a candidate import (docs/decisions/071-candidate-import.md). Pure: every row read from
// the file (lib/domain/candidate-import-csv.ts) is checked against the same schemas as the forms,
// and every problem is named by row and field. The data layer supplies what only the database
// knows (existing e-mails, interviewers, exercises) and writes nothing unless no row has a problem.
import { z } from "zod";
import { candidateSchema, interviewSchema } from "../validations/hiring";
import { IMPORT_FIELD_KEYS, INTERVIEW_FIELDS, type ImportField } from "./candidate-import-fields";
import type { RowDraft, RowValues } from "./candidate-import-csv";
import { exerciseMinutes } from "./loop-plan";
import { isStorableText, UNSTORABLE_MESSAGE } from "./request-boundary";
import { isValidTimeZone, zonedTime } from "./reminders";

export * from "./candidate-import-csv";
/**
 * The e-mails the data layer looks up, storable text only: a NUL or a lone surrogate would make
 * PostgreSQL's query fail, and such a row is reported as a row problem instead (docs/decisions/018).
 */
export function lookupKeys(drafts: readonly RowDraft[]) {
  const interviewerEmails = new Set<string>();
  for (const d of drafts) {
    const e = d.values.interviewerEmail.trim().toLowerCase();
    if (e && isStorableText(e) && e.length <= 320) interviewerEmails.add(e);
  }
  return { interviewerEmails: [...interviewerEmails] };
}

export type ImportExercise = { id: string; title: string; duration: string | null; dimensionIds: string[] };
export type ImportContext = {
  /** e-mails of the opening's candidates, lower case */
  existingEmails: ReadonlySet<string>;
  /** active interviewers by lower-case e-mail → user id */
  interviewers: ReadonlyMap<string, string>;
  /** the exercises of the opening's template version */
  exercises: readonly ImportExercise[];
  /** the role's dimensions, the focus of an interview without an exercise (as the standard loop does) */
  dimensionIds: readonly string[];
  now: Date;
  /** the zone a date and time without an offset is read in (the importer's own) */
  timeZone: string;
};

export type RowProblem = { field: ImportField | "row"; message: string };
export type CheckedRow = {
  line: number;
  values: RowValues;
  problems: RowProblem[];
  candidate: z.output<typeof candidateSchema> | null;
  interview: z.output<typeof interviewSchema> | null;
};

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const OFFSET = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A date and time as an instant: ISO 8601 with an offset, or "YYYY-MM-DD HH:MM" in `timeZone`. */
export function parseWhen(text: string, timeZone: string): Date | null {
  const s = text.trim();
  if (OFFSET.test(s)) {
    const d = new Date(s.replace(" ", "T"));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = LOCAL.exec(s);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1) return null; // 31 April
  return zonedTime({ year, month, day }, hour, minute, isValidTimeZone(timeZone) ? timeZone : "UTC");
}

const firstMessages = (error: z.ZodError) => {
  const out = new Map<string, string>();
  for (const i of error.issues) {
    const k = String(i.path[0] ?? "row");
    if (!out.has(k)) out.set(k, i.message);
  }
  return out;
};

function checkInterview(v: RowValues, ctx: ImportContext, problems: RowProblem[]) {
  if (!INTERVIEW_FIELDS.some((f) => v[f].trim())) return null;
  const unstorable = INTERVIEW_FIELDS.filter((f) => !isStorableText(v[f]));
  for (const f of unstorable) problems.push({ field: f, message: UNSTORABLE_MESSAGE });
  if (unstorable.length) return null;
  const before = problems.length;
  const email = v.interviewerEmail.trim().toLowerCase();
  const interviewerId = email ? ctx.interviewers.get(email) : undefined;
  if (!email)
    problems.push({ field: "interviewerEmail", message: "Name the interviewer by e-mail to plan the interview" });
  else if (!interviewerId)
    problems.push({ field: "interviewerEmail", message: `No active interviewer has the e-mail ${email}` });
  let exercise: ImportExercise | undefined;
  const title = v.exercise.trim();
  if (title) {
    exercise = ctx.exercises.find((e) => e.title.trim().toLowerCase() === title.toLowerCase());
    if (!exercise) problems.push({ field: "exercise", message: `This role has no exercise called “${title}”` });
  }
  const when = v.scheduledAt.trim();
  const at = when ? parseWhen(when, ctx.timeZone) : null;
  if (!when) problems.push({ field: "scheduledAt", message: "Give the interview's date and time" });
  else if (!at)
    problems.push({
      field: "scheduledAt",
      message: "Write the date and time as 2027-01-15 14:30 (your time zone) or 2027-01-15T14:30:00+01:00",
    });
  else if (at.getTime() < ctx.now.getTime())
    problems.push({ field: "scheduledAt", message: "This date is in the past" });
  const length = v.durationMinutes.trim();
  const parsed = interviewSchema.safeParse({
    interviewerId: interviewerId ?? "unknown",
    exerciseId: exercise?.id ?? null,
    focusDimensionIds: exercise?.dimensionIds.length ? exercise.dimensionIds : ctx.dimensionIds,
    scheduledAt: (at ?? ctx.now).toISOString(),
    durationMinutes: length || (exercise ? exerciseMinutes(exercise.duration) : undefined),
  });
  if (!parsed.success) {
    for (const [k, message] of firstMessages(parsed.error))
      problems.push({ field: k === "durationMinutes" ? "durationMinutes" : "row", message });
    return null;
  }
  return problems.length === before ? parsed.data : null;
}

/** Every row checked: the candidate's fields, duplicates (in the file and in the opening) and the interview. */
export function checkRows(drafts: readonly RowDraft[], ctx: ImportContext): CheckedRow[] {
  const firstLine = new Map<string, number>();
  return drafts.map(({ line, values }) => {
    const problems: RowProblem[] = [];
    let candidate: CheckedRow["candidate"] = null;
    const parsed = candidateSchema.safeParse({
      name: values.name,
      email: values.email,
      source: values.source,
      notes: values.notes,
    });
    if (!parsed.success)
      for (const [k, message] of firstMessages(parsed.error))
        problems.push({
          field: (IMPORT_FIELD_KEYS as readonly string[]).includes(k) ? (k as ImportField) : "row",
          message,
        });
    else {
      candidate = parsed.data;
      const email = candidate.email;
      const seen = firstLine.get(email);
      if (seen !== undefined)
        problems.push({ field: "email", message: `The same e-mail as line ${seen} of this file` });
      else firstLine.set(email, line);
      if (ctx.existingEmails.has(email))
        problems.push({ field: "email", message: "Already a candidate in this opening" });
    }
    const interview = checkInterview(values, ctx, problems);
    return { line, values, problems, candidate: problems.length ? null : candidate, interview };
  });
}

export type ImportCounts = { rows: number; ready: number; withProblems: number; interviews: number };

export function countRows(rows: readonly CheckedRow[]): ImportCounts {
  const withProblems = rows.filter((r) => r.problems.length).length;
  return {
    rows: rows.length,
    ready: rows.length - withProblems,
    withProblems,
    interviews: rows.filter((r) => !r.problems.length && r.interview).length,
  };
}
