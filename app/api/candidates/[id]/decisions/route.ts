// POST /api/candidates/{id}/decisions: the opening's hiring manager records (or revises) the
// decision; GET: the decision history, for whoever may see the candidate.
import { userOrThrow } from "@/lib/auth";
import { listDecisions, recordDecision } from "@/lib/data/decisions";
import { handle, readJson } from "@/lib/http";
import { z } from "zod";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => ({ decisions: await listDecisions(await userOrThrow(), (await params).id) }));
}

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handle(req, async () => {
    const user = await userOrThrow();
    // the body is checked against the shared decision schema inside recordDecision
    const body = await readJson(req, z.record(z.string(), z.unknown()));
    return recordDecision(user, (await params).id, body);
  });
}
