import "server-only";
import { db, type DbTx } from "../db";
import {
  checkRows,
  countRows,
  guessMapping,
  ImportFileError,
  lookupKeys,
  mappingProblems,
  parseCsv,
  resolveMapping,
  rowDrafts,
  type CheckedRow,
  type ImportContext,
  type RowDraft,
} from "../domain/candidate-import";
import { IMPORT_FIELD_KEYS, type ImportField, type ImportMapping } from "../domain/candidate-import-fields";
import type { Viewer } from "../domain/permissions";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { audit, auditMany } from "./audit";
import { planInterviews } from "./loops";
import { assertCanSetUp } from "./openings";
import { serialize } from "./sql";

// Importing an opening's candidates, and their planned interviews, from a CSV file
// (docs/decisions/071-candidate-import.md): a dry run answers the preview; a commit checks every
// row again inside one transaction, under the opening's lock (the one adding a candidate takes),
// and writes all rows or none.

export type ImportRequest = {
  csv: string;
  /** field → the file's column, by header name or 0-based index; guessed from the header when absent */
  mapping?: Partial<Record<ImportField, string | number>>;
  dryRun: boolean;
};

const BATCH = 500;

async function contextFor(tx: DbTx, viewer: Viewer, openingId: string, drafts: RowDraft[], now: Date) {
  const opening = await tx.opening.findUnique({
    where: { id: openingId },
    select: {
      status: true,
      templateVersion: {
        select: {
          dimensions: { orderBy: { position: "asc" }, select: { id: true } },
          exercises: {
            orderBy: { position: "asc" },
            select: { id: true, title: true, duration: true, dimensions: { select: { dimensionId: true } } },
          },
        },
      },
    },
  });
  if (!opening) throw new NotFoundError("Opening not found.");
  const existing = await tx.candidate.findMany({ where: { openingId }, select: { email: true } });
  const { interviewerEmails } = lookupKeys(drafts);
  const interviewers = new Map<string, string>();
  for (let i = 0; i < interviewerEmails.length; i += BATCH) {
    const users = await tx.user.findMany({
      where: {
        email: { in: interviewerEmails.slice(i, i + BATCH) },
        active: true,
        roles: { some: { role: "interviewer" } },
      },
      select: { id: true, email: true },
    });
    for (const u of users) interviewers.set(u.email.toLowerCase(), u.id);
  }
  const me = await tx.user.findUnique({ where: { id: viewer.id }, select: { timeZone: true } });
  const ctx: ImportContext = {
    existingEmails: new Set(existing.map((c) => c.email.toLowerCase())),
    interviewers,
    exercises: opening.templateVersion.exercises.map((e) => ({
      id: e.id,
      title: e.title,
      duration: e.duration,
      dimensionIds: e.dimensions.map((d) => d.dimensionId),
    })),
    dimensionIds: opening.templateVersion.dimensions.map((d) => d.id),
    now,
    timeZone: me?.timeZone ?? "UTC",
  };
  return { status: opening.status, ctx };
}

function readRequest(input: ImportRequest) {
  let csv;
  try {
    csv = parseCsv(input.csv);
  } catch (error) {
    if (error instanceof ImportFileError) throw new ValidationError(error.message, { csv: [error.message] });
    throw error;
  }
  let mapping: ImportMapping;
  if (input.mapping) {
    const resolved = resolveMapping(csv.header, input.mapping);
    if (resolved.problems.length)
      throw new ValidationError("The column mapping names columns the file does not have.", {
        mapping: resolved.problems,
      });
    mapping = resolved.mapping;
  } else mapping = guessMapping(csv.header);
  const problems = mappingProblems(mapping);
  if (problems.length) throw new ValidationError("Choose which column holds each field.", { mapping: problems });
  return { csv, mapping, drafts: rowDrafts(csv, mapping) };
}

/** The preview's rows as the page and the API show them. */
const previewRow = (r: CheckedRow) => ({
  line: r.line,
  name: r.values.name,
  email: r.values.email,
  source: r.values.source,
  interview:
    r.values.interviewerEmail || r.values.exercise || r.values.scheduledAt || r.values.durationMinutes
      ? {
          interviewerEmail: r.values.interviewerEmail,
          exercise: r.values.exercise,
          scheduledAt: r.interview?.scheduledAt ?? r.values.scheduledAt,
          durationMinutes: r.interview?.durationMinutes ?? null,
        }
      : null,
  problems: r.problems,
});

/** Every row's problems as { "rows.<line>.<field>": [messages] }, the API's 422 shape. */
function rowFields(rows: CheckedRow[]) {
  const fields = Object.create(null) as Record<string, string[]>;
  for (const r of rows) for (const p of r.problems) (fields[`rows.${r.line}.${p.field}`] ??= []).push(p.message);
  return fields;
}

export async function importCandidates(viewer: Viewer, openingId: string, input: ImportRequest, now = new Date()) {
  assertCanSetUp(viewer);
  const { csv, mapping, drafts } = readRequest(input);
  const columns = Object.fromEntries(
    IMPORT_FIELD_KEYS.filter((k) => mapping[k] !== undefined).map((k) => [k, csv.header[mapping[k]!]]),
  ) as Partial<Record<ImportField, string>>;
  const base = { header: csv.header, mapping: columns, delimiter: csv.delimiter };

  if (input.dryRun) {
    const { status, ctx } = await contextFor(db, viewer, openingId, drafts, now);
    const rows = checkRows(drafts, ctx);
    return {
      ...base,
      dryRun: true,
      openingClosed: status === "closed",
      counts: countRows(rows),
      rows: rows.map(previewRow),
      imported: null,
    };
  }

  const started = Date.now();
  const result = await db.$transaction(
    async (tx) => {
      // the e-mail checks hold only if no other import or add to this opening runs beside this one
      await serialize(tx, `opening:${openingId}`);
      const { status, ctx } = await contextFor(tx, viewer, openingId, drafts, now);
      if (status === "closed") throw new ConflictError("This opening is closed; reopen it to add candidates.");
      const rows = checkRows(drafts, ctx);
      const counts = countRows(rows);
      if (!rows.length) throw new ValidationError("The file has no rows to import.", { csv: ["No rows to import"] });
      if (counts.withProblems)
        throw new ValidationError(
          `${counts.withProblems} of ${counts.rows} rows have problems; nothing was imported.`,
          rowFields(rows),
        );
      const planned: { candidateId: string; v: NonNullable<CheckedRow["interview"]> }[] = [];
      const created: { id: string; email: string }[] = [];
      for (let i = 0; i < rows.length; i += BATCH) {
        const part = rows.slice(i, i + BATCH);
        const made = await tx.candidate.createManyAndReturn({
          data: part.map((r) => ({ openingId, ...r.candidate! })),
          select: { id: true, email: true },
        });
        const byEmail = new Map(made.map((c) => [c.email, c.id]));
        for (const r of part) {
          const id = byEmail.get(r.candidate!.email);
          if (!id) throw new Error("an imported candidate was not written");
          created.push({ id, email: r.candidate!.email });
          if (r.interview) planned.push({ candidateId: id, v: r.interview });
        }
        await auditMany(
          tx,
          part.map((r) => ({
            actorId: viewer.id,
            action: "candidate.created",
            entityType: "Candidate",
            entityId: byEmail.get(r.candidate!.email)!,
            after: { openingId, name: r.candidate!.name, source: r.candidate!.source, imported: true },
          })),
        );
      }
      // the loop builder's own path: whatever planning an interview brings applies here too
      await planInterviews(tx, viewer, planned);
      await audit(tx, {
        actorId: viewer.id,
        action: "candidates.imported",
        entityType: "Opening",
        entityId: openingId,
        after: { candidates: created.length, interviews: planned.length, mapping: columns },
      });
      return { counts, candidates: created.length, interviews: planned.length };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return {
    ...base,
    dryRun: false,
    openingClosed: false,
    counts: result.counts,
    rows: [],
    imported: { candidates: result.candidates, interviews: result.interviews, milliseconds: Date.now() - started },
  };
}

export type ImportResult = Awaited<ReturnType<typeof importCandidates>>;
