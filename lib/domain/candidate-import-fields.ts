// The fields a candidate import can fill (docs/decisions/071-candidate-import.md): one list, read
// by the page's column mapper and by the server, so the two name the same fields. Pure.

export const IMPORT_FIELDS = [
  { key: "name", label: "Name", required: true },
  { key: "email", label: "E-mail", required: true },
  { key: "source", label: "Source", required: false },
  { key: "notes", label: "Notes", required: false },
  { key: "interviewerEmail", label: "Interviewer e-mail", required: false },
  { key: "exercise", label: "Exercise", required: false },
  { key: "scheduledAt", label: "Date and time", required: false },
  { key: "durationMinutes", label: "Length (minutes)", required: false },
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number]["key"];
export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((f) => f.key) as readonly ImportField[];
export const IMPORT_FIELD_LABELS = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, f.label])) as Record<
  ImportField,
  string
>;

/** The fields that plan an interview: any of them filled in a row asks for all three below. */
export const INTERVIEW_FIELDS: readonly ImportField[] = [
  "interviewerEmail",
  "exercise",
  "scheduledAt",
  "durationMinutes",
];

/** field → the file's column (its 0-based index), for the fields that are mapped. */
export type ImportMapping = Partial<Record<ImportField, number>>;

/** At most this many rows in one import (10,000 is what the import is built and measured for). */
export const MAX_IMPORT_ROWS = 10_000;
/** The largest CSV accepted, in bytes (the API's body limit for the import is a little above). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** A request carrying the file: the CSV as a JSON string (escaping adds a little) plus the mapping. */
export const IMPORT_BODY_BYTES = MAX_IMPORT_BYTES + 64 * 1024;
