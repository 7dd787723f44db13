import "server-only";
import { db, type DbTx } from "../db";
import { canSetUpHiring } from "../domain/permissions";
import type { Viewer } from "../domain/permissions";
import { ConflictError, ForbiddenError, NotFoundError, parseInput, ValidationError } from "../errors";
import { candidateSchema, openingSchema, openingUpdateSchema, stageSchema } from "../validations/hiring";
import { audit } from "./audit";
import { lockCandidate } from "./candidate-lock";
import { idsByNameOrEmail, parseSearchQuery } from "./search";
import { serialize } from "./sql";

// Setting up hiring: openings and their candidates, for recruiters and admins (docs/product.md
// "Users and roles"). Every write is validated with the form's schema, checked against the
// caller's rights, written with its audit entry in one transaction.

export function assertCanSetUp(viewer: Viewer) {
  if (!canSetUpHiring(viewer.roles))
    throw new ForbiddenError("Only recruiters and admins set up openings, candidates and loops.");
}

export const field = (name: string, message: string) =>
  new ValidationError("Some answers need attention.", { [name]: [message] });

/** Active users holding a role, for the pickers. */
export async function listPeople(role: "hiring-manager" | "recruiter" | "interviewer") {
  return db.user.findMany({
    where: { active: true, roles: { some: { role } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}
export async function assertHolds(tx: DbTx, userId: string, role: string, fieldName: string) {
  const ok = await tx.user.count({ where: { id: userId, active: true, roles: { some: { role } } } });
  if (!ok) throw field(fieldName, `Choose an active ${role.replace("-", " ")}`);
}

export async function createOpening(viewer: Viewer, input: unknown) {
  assertCanSetUp(viewer);
  const v = parseInput(openingSchema, input);
  return db.$transaction(async (tx) => {
    const template = await tx.roleTemplate.findUnique({
      where: { slug: v.roleSlug },
      select: { versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, version: true } } },
    });
    const current = template?.versions[0];
    if (!current) throw field("roleSlug", "Choose a role template");
    await assertHolds(tx, v.hiringManagerId, "hiring-manager", "hiringManagerId");
    await assertHolds(tx, v.recruiterId, "recruiter", "recruiterId");
    const opening = await tx.opening.create({
      data: {
        title: v.title,
        templateVersionId: current.id,
        hiringManagerId: v.hiringManagerId,
        recruiterId: v.recruiterId,
      },
      select: { id: true, title: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "opening.created",
      entityType: "Opening",
      entityId: opening.id,
      after: { ...v, templateVersion: current.version },
    });
    return opening;
  });
}

export async function updateOpening(viewer: Viewer, openingId: string, input: unknown) {
  assertCanSetUp(viewer);
  const v = parseInput(openingUpdateSchema, input);
  return db.$transaction(async (tx) => {
    // one change of an opening at a time: the audit's "before" is what the last change left
    await serialize(tx, `opening:${openingId}`);
    const before = await tx.opening.findUnique({
      where: { id: openingId },
      select: { title: true, status: true, hiringManagerId: true, recruiterId: true },
    });
    if (!before) throw new NotFoundError("Opening not found.");
    await assertHolds(tx, v.hiringManagerId, "hiring-manager", "hiringManagerId");
    await assertHolds(tx, v.recruiterId, "recruiter", "recruiterId");
    const closing = v.status === "closed" && before.status !== "closed";
    const opening = await tx.opening.update({
      where: { id: openingId },
      data: { ...v, closedAt: closing ? new Date() : v.status === "closed" ? undefined : null },
      select: { id: true, title: true, status: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: closing ? "opening.closed" : "opening.updated",
      entityType: "Opening",
      entityId: openingId,
      before,
      after: v,
    });
    return opening;
  });
}
export async function getOpeningForEdit(openingId: string) {
  return db.opening.findUnique({
    where: { id: openingId },
    select: { id: true, title: true, status: true, hiringManagerId: true, recruiterId: true },
  });
}

/** Whether the opening's role has a version newer than the opening's. */
export async function newerVersionOf(openingId: string) {
  const o = await db.opening.findUnique({
    where: { id: openingId },
    select: { templateVersion: { select: { version: true, templateId: true } } },
  });
  if (!o) return null;
  const latest = await db.roleTemplateVersion.findFirst({
    where: { templateId: o.templateVersion.templateId },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return latest && latest.version > o.templateVersion.version ? latest.version : null;
}

export async function addCandidate(viewer: Viewer, openingId: string, input: unknown) {
  assertCanSetUp(viewer);
  const v = parseInput(candidateSchema, input);
  return db.$transaction(async (tx) => {
    // the e-mail check below holds only if two adds to one opening do not run side by side
    await serialize(tx, `opening:${openingId}`);
    const opening = await tx.opening.findUnique({ where: { id: openingId }, select: { status: true } });
    if (!opening) throw new NotFoundError("Opening not found.");
    if (opening.status === "closed") throw new ConflictError("This opening is closed; reopen it to add candidates.");
    if (await tx.candidate.count({ where: { openingId, email: v.email } }))
      throw field("email", "This person is already a candidate in this opening");
    const candidate = await tx.candidate.create({ data: { openingId, ...v }, select: { id: true, name: true } });
    await audit(tx, {
      actorId: viewer.id,
      action: "candidate.created",
      entityType: "Candidate",
      entityId: candidate.id,
      after: { openingId, name: v.name, source: v.source },
    });
    return candidate;
  });
}

export async function setCandidateStage(viewer: Viewer, candidateId: string, input: unknown) {
  assertCanSetUp(viewer);
  const { stage } = parseInput(stageSchema, input);
  return db.$transaction(async (tx) => {
    await lockCandidate(tx, candidateId);
    const before = await tx.candidate.findUnique({ where: { id: candidateId }, select: { stage: true } });
    if (!before) throw new NotFoundError("Candidate not found.");
    const c = await tx.candidate.update({
      where: { id: candidateId },
      data: { stage },
      select: { id: true, stage: true },
    });
    await audit(tx, {
      actorId: viewer.id,
      action: "candidate.stage-changed",
      entityType: "Candidate",
      entityId: candidateId,
      before,
      after: { stage },
    });
    return c;
  });
}

/** Candidates whose name or e-mail contains the query, across openings (recruiters and admins). */
export async function findCandidates(viewer: Viewer, query: string) {
  assertCanSetUp(viewer);
  const terms = parseSearchQuery(query)
    .trim()
    .split(/\s+/)
    .filter((t) => t.length >= 2)
    .slice(0, 5);
  if (!terms.length) return [];
  // every term must match the name or the e-mail, literally: "50%" is not a pattern (lib/data/search.ts)
  const ids = await idsByNameOrEmail("Candidate", terms, "name", 50);
  return db.candidate.findMany({
    where: { id: { in: ids } },
    orderBy: { name: "asc" },
    take: 50,
    select: { id: true, name: true, email: true, stage: true, opening: { select: { id: true, title: true } } },
  });
}
