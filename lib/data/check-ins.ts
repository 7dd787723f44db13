import "server-only";
import { db, type DbTx } from "../db";
import { isAdmin, type Viewer } from "../domain/permissions";
import { checkInDueAt, hiredAt, hireWindow, openPeriods, type DecisionRow } from "../domain/quality-of-hire";
import { env } from "../env";
import { ConflictError, ForbiddenError, NotFoundError, parseInput, ValidationError } from "../errors";
import { checkInBodySchema, checkInSchemaFor, CHECKIN_MESSAGES } from "../validations/check-in";
import { audit } from "./audit";
import { lockCandidate } from "./candidate-lock";
import { openingWhere } from "./scope";

// Quality-of-hire check-ins (docs/decisions/079-quality-of-hire.md): the opening's hiring manager
// (or an admin) tells, a set number of days after a hire, how the person is doing on the role's
// dimensions. A check-in exists once it is submitted: one per candidate and period (a unique key),
// so of two submits at once one lands and the other is told so (409).

export const checkInPeriods = () => env.CHECKIN_DAYS;

const decisionRows = {
  orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }],
  select: { id: true, outcome: true, createdAt: true },
};

/** Who may fill a candidate's check-ins: the opening's hiring manager, or an admin. */
const maySubmit = (viewer: Viewer, hiringManagerId: string) => viewer.id === hiringManagerId || isAdmin(viewer.roles);

async function readCandidate(client: DbTx, viewer: Viewer, candidateId: string) {
  const scope = openingWhere(viewer);
  const c = scope
    ? await client.candidate.findFirst({
        where: { id: candidateId, opening: scope },
        select: {
          id: true,
          name: true,
          erasedAt: true,
          decisions: decisionRows,
          opening: {
            select: {
              id: true,
              title: true,
              hiringManagerId: true,
              templateVersion: {
                select: { dimensions: { orderBy: { position: "asc" }, select: { id: true, name: true } } },
              },
            },
          },
        },
      })
    : null;
  if (!c) throw new NotFoundError("Candidate not found.");
  return c;
}

/** The check-in page: what to ask, whether it is due, and the one submitted, if any. */
export async function checkInForm(viewer: Viewer, candidateId: string, periodDays: number, now = new Date()) {
  if (!checkInPeriods().includes(periodDays)) throw new NotFoundError("No such check-in.");
  const c = await readCandidate(db, viewer, candidateId);
  if (!maySubmit(viewer, c.opening.hiringManagerId))
    throw new ForbiddenError("Only this opening's hiring manager (or an admin) fills in its check-ins.");
  if (c.erasedAt) throw new NotFoundError("Candidate not found.");
  const hired = hiredAt(c.decisions as DecisionRow[]);
  const submitted = await db.hireCheckIn.findUnique({
    where: { candidateId_periodDays: { candidateId, periodDays } },
    select: {
      overall: true,
      wouldHireAgain: true,
      createdAt: true,
      submittedBy: { select: { name: true } },
      ratings: { select: { dimensionId: true, rating: true, notAssessed: true } },
    },
  });
  const dueAt = hired ? checkInDueAt(hired.at, periodDays) : null;
  return {
    candidate: { id: c.id, name: c.name },
    opening: { id: c.opening.id, title: c.opening.title },
    dimensions: c.opening.templateVersion.dimensions,
    periodDays,
    hired: hired !== null,
    dueAt,
    due: dueAt !== null && dueAt.getTime() <= now.getTime(),
    submitted,
  };
}

/** Records a check-in (body: periodDays and the values); 409 when not due, not a hire, or already in. */
export async function submitCheckIn(viewer: Viewer, candidateId: string, input: unknown, now = new Date()) {
  try {
    return await db.$transaction(async (tx) => {
      // who may, before what they sent: 404 for those who may not see the candidate, 403 for the rest
      const c = await readCandidate(tx, viewer, candidateId);
      if (!maySubmit(viewer, c.opening.hiringManagerId))
        throw new ForbiddenError("Only this opening's hiring manager (or an admin) fills in its check-ins.");
      const body = parseInput(checkInBodySchema, input);
      if (!checkInPeriods().includes(body.periodDays))
        throw new ValidationError("Some answers need attention.", { periodDays: [CHECKIN_MESSAGES.period] });
      // one writer per candidate, and none once erased (410); decisions re-read under the lock
      await lockCandidate(tx, candidateId);
      const decisions = await tx.decision.findMany({ where: { candidateId }, ...decisionRows });
      const hired = hiredAt(decisions);
      if (!hired)
        throw new ConflictError("This candidate's current decision is not Hire: there is no check-in to fill.");
      const dueAt = checkInDueAt(hired.at, body.periodDays);
      if (dueAt.getTime() > now.getTime())
        throw new ConflictError(`This check-in is not due until ${dueAt.toISOString().slice(0, 10)}.`);
      const dims = c.opening.templateVersion.dimensions.map((d) => d.id);
      const { periodDays, ...values } = body;
      const v = parseInput(checkInSchemaFor(dims), values);
      if (
        await tx.hireCheckIn.findUnique({
          where: { candidateId_periodDays: { candidateId, periodDays } },
          select: { id: true },
        })
      )
        throw alreadyIn();
      const created = await tx.hireCheckIn.create({
        data: {
          candidateId,
          periodDays,
          dueAt,
          decisionId: hired.decisionId,
          submittedById: viewer.id,
          overall: Number(v.overall),
          wouldHireAgain: v.wouldHireAgain === "yes",
          ratings: {
            create: dims.map((dimensionId) => {
              const s = v.ratings[dimensionId];
              return s === "na" ? { dimensionId, notAssessed: true } : { dimensionId, rating: Number(s) };
            }),
          },
        },
        select: { id: true, periodDays: true, dueAt: true, overall: true, wouldHireAgain: true, createdAt: true },
      });
      await audit(tx, {
        actorId: viewer.id,
        action: "checkin.submitted",
        entityType: "Candidate",
        entityId: candidateId,
        after: { id: created.id, periodDays, overall: created.overall, wouldHireAgain: created.wouldHireAgain },
      });
      return { ...created, candidateId, ratings: v.ratings };
    });
  } catch (e) {
    // the unique key, should two submits pass the check at once
    if ((e as { code?: string })?.code === "P2002") throw alreadyIn();
    throw e;
  }
}

const alreadyIn = () =>
  new ConflictError("This check-in was submitted already (perhaps in another tab); it is kept as it was first sent.");

/** Check-ins due, in their reminder window and not yet submitted, for a hiring manager's notice (oldest first, a few). */
export async function checkInsDueFor(viewer: Viewer, now = new Date(), limit = 5) {
  if (!viewer.roles.includes("hiring-manager")) return [];
  const periods = checkInPeriods();
  const window = hireWindow(periods, now);
  if (!window) return [];
  // the candidates of the openings they manage with a Hire that can still have a check-in in its
  // reminder window; the current decision and the run of Hires are judged in JS (hiredAt)
  const rows = await db.candidate.findMany({
    where: {
      erasedAt: null,
      opening: { hiringManagerId: viewer.id },
      decisions: { some: { outcome: "hire", createdAt: { gte: window.from, lte: window.to } } },
    },
    select: {
      id: true,
      name: true,
      decisions: decisionRows,
      checkIns: { select: { periodDays: true } },
    },
  });
  return rows
    .flatMap((c) => {
      const hired = hiredAt(c.decisions);
      if (!hired) return [];
      const done = new Set(c.checkIns.map((x) => x.periodDays));
      return openPeriods(hired.at, periods, now)
        .filter((d) => !done.has(d))
        .map((d) => ({
          candidateId: c.id,
          candidateName: c.name,
          periodDays: d,
          dueAt: checkInDueAt(hired.at, d),
          href: `/candidates/${c.id}/check-in/${d}`,
        }));
    })
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    .slice(0, limit);
}
