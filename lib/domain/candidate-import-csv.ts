// Reading a candidate import's file (docs/decisions/071-candidate-import.md). Pure: csv-parse reads
// quoted fields, CRLF and a byte-order mark; the delimiter (`,` `;` or tab) is found from the
// header line; the columns are guessed from the header's names or given by the caller.
import { parse } from "csv-parse/sync";
import {
  IMPORT_FIELD_KEYS,
  IMPORT_FIELD_LABELS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type ImportField,
  type ImportMapping,
} from "./candidate-import-fields";

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
