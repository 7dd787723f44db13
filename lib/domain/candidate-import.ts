// Reading and checking a candidate import (docs/decisions/071-candidate-import.md). Pure: the
// file is parsed with csv-parse (quoted fields, CRLF, a byte-order mark, `,` `;` or tab between
// fields), every row is checked against the same schemas as the forms, and every problem is named
// by row and field. The data layer supplies what only the database knows (existing e-mails,
// interviewers, exercises) and writes nothing unless no row has a problem.
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { candidateSchema, interviewSchema } from "../validations/hiring";
import {
  IMPORT_FIELD_KEYS,
  IMPORT_FIELD_LABELS,
  INTERVIEW_FIELDS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type ImportField,
  type ImportMapping,
} from "./candidate-import-fields";
import { exerciseMinutes } from "./loop-plan";
import { isStorableText, UNSTORABLE_MESSAGE } from "./request-boundary";
import { isValidTimeZone, zonedTime } from "./reminders";

/** A problem with the file as a whole: nothing in it can be checked row by row. */
export class ImportFileError extends Error {}

export type ParsedCsv = { header: string[]; rows: { line: number; cells: string[] }[]; delimiter: string };

const DELIMITERS = [",", ";", "\t"] as const;

/** The delimiter spreadsheets used: the one of `,` `;` tab found most often outside quotes in the first line. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** The file's header and rows (blank lines skipped), each row with its line number in the file. */
export function parseCsv(text: string): ParsedCsv {
  if (new TextEncoder().encode(text).byteLength > MAX_IMPORT_BYTES)
    throw new ImportFileError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  // a file read as bytes cannot hold a lone surrogate (it decodes to U+FFFD); pasted text can
  if (!text.isWellFormed())
    throw new ImportFileError("The text holds a broken character (half of an emoji); remove it and try again.");
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportFileError(`The file cannot be read as CSV: ${message}`);
  }
  if (!records.length) throw new ImportFileError("The file is empty: it needs a header row and a row per candidate.");
  const [head, ...rest] = records;
  // csv-parse gives the line a record ends on, and counts a CRLF inside quotes as two lines, so
  // every later record's count is one more per such CRLF (the unit tests pin it): a row is named
  // by the line it starts on, as a person finds it in their file
  let overcount = head.record.reduce((n, cell) => n + (cell.match(/\r\n/g)?.length ?? 0), 0);
  const startLine = (r: (typeof records)[number]) => {
    let breaks = 0;
    for (const cell of r.record) {
      overcount += cell.match(/\r\n/g)?.length ?? 0;
      breaks += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
    }
    return r.info.lines - overcount - breaks;
  };
  if (rest.length > MAX_IMPORT_ROWS)
    throw new ImportFileError(
      `The file has ${rest.length.toLocaleString("en")} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString("en")} at a time.`,
    );
  return {
    header: head.record.map((h) => h.trim()),
    rows: rest.map((r) => ({ line: startLine(r), cells: r.record })),
    delimiter,
  };
}

const normal = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Header names (letters and digits only, lower case) each field is guessed from. */
const SYNONYMS: Record<ImportField, string[]> = {
  name: ["name", "fullname", "candidate", "candidatename", "full name"],
  email: ["email", "emailaddress", "mail", "candidateemail", "e-mail"],
  source: ["source", "channel", "origin", "referral"],
  notes: ["notes", "note", "comments", "comment"],
  interviewerEmail: ["interviewer", "interviewers", "intervieweremail", "interviewermail"],
  exercise: ["exercise", "exercisetitle", "case", "interview", "interviewtype"],
  scheduledAt: ["date", "datetime", "when", "scheduledat", "scheduled", "start", "starts", "startsat", "time"],
  durationMinutes: ["length", "duration", "minutes", "durationminutes", "lengthminutes", "mins"],
};

/** The mapping guessed from the header: each field to the first column whose name is one of its synonyms. */
export function guessMapping(header: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const taken = new Set<number>();
  for (const key of IMPORT_FIELD_KEYS) {
    const names = new Set(SYNONYMS[key].map(normal));
    const at = header.findIndex((h, i) => !taken.has(i) && names.has(normal(h)));
    if (at >= 0) {
      mapping[key] = at;
      taken.add(at);
    }
  }
  return mapping;
}

/** The API's mapping (field → column name or 0-based index) as column indexes; unknown columns named. */
export function resolveMapping(header: readonly string[], given: Partial<Record<ImportField, string | number>>) {
  const mapping: ImportMapping = {};
  const problems: string[] = [];
  for (const key of IMPORT_FIELD_KEYS) {
    const v = given[key];
    if (v === undefined || v === "") continue;
    const at = typeof v === "number" ? v : header.indexOf(v);
    if (!Number.isInteger(at) || at < 0 || at >= header.length)
      problems.push(`${IMPORT_FIELD_LABELS[key]}: the file has no column ${JSON.stringify(v)}`);
    else mapping[key] = at;
  }
  return { mapping, problems };
}

/** The mapping's problems: a required field unmapped, or one column given to two fields. */
export function mappingProblems(mapping: ImportMapping): string[] {
  const out: string[] = [];
  if (mapping.name === undefined) out.push("Choose the column that holds the name.");
  if (mapping.email === undefined) out.push("Choose the column that holds the e-mail.");
  const seen = new Map<number, ImportField>();
  for (const key of IMPORT_FIELD_KEYS) {
    const at = mapping[key];
    if (at === undefined) continue;
    const other = seen.get(at);
    if (other) out.push(`${IMPORT_FIELD_LABELS[other]} and ${IMPORT_FIELD_LABELS[key]} read the same column.`);
    seen.set(at, key);
  }
  return out;
}

export type RowValues = Record<ImportField, string>;
export type RowDraft = { line: number; values: RowValues };

/** Each row's cells by field (unmapped or missing cells are ""). */
export function rowDrafts(csv: ParsedCsv, mapping: ImportMapping): RowDraft[] {
  return csv.rows.map(({ line, cells }) => {
    const values = {} as RowValues;
    for (const key of IMPORT_FIELD_KEYS) {
      const at = mapping[key];
      values[key] = at === undefined ? "" : (cells[at] ?? "");
    }
    return { line, values };
  });
}

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
