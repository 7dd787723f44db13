import "server-only";
import type { DbTx } from "../db";
import { CandidateErasedError, NotFoundError } from "../errors";
import { serialize } from "./sql";

/**
 * Every write about a candidate (scorecards, decisions, interviews, stage, erasure) starts with
 * this, inside its transaction: one writer per candidate at a time, and none once the candidate
 * is erased. The erasure takes the same lock, so a write either lands before it (and is erased
 * with the rest) or finds the candidate erased (docs/decisions/014).
 */
export async function lockCandidate(tx: DbTx, candidateId: string): Promise<{ openingId: string }> {
  await serializeCandidate(tx, candidateId);
  const c = await tx.candidate.findUnique({ where: { id: candidateId }, select: { erasedAt: true, openingId: true } });
  if (!c) throw new NotFoundError("Candidate not found.");
  if (c.erasedAt) throw new CandidateErasedError();
  return { openingId: c.openingId };
}

/** The lock alone, for a write that must first check who may see the candidate (a missing or
 *  erased candidate is then told apart only to those who may). Taking it again is a no-op. */
export const serializeCandidate = (tx: DbTx, candidateId: string) => serialize(tx, `candidate:${candidateId}`);
