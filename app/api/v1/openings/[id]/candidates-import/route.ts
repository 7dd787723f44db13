// POST /api/v1/openings/{id}/candidates:import — next.config.js rewrites the documented path here,
// as a folder name cannot hold ":" on every file system (docs/decisions/071-candidate-import.md).
import { operations as ops } from "@/lib/api/operations";
import { Answer, v1 } from "@/lib/api/v1";
import { importCandidates } from "@/lib/data/candidate-import";

export const POST = v1<typeof ops.importCandidates, { id: string }>(
  ops.importCandidates,
  async ({ user, params, query, body }) => {
    const result = await importCandidates(user, params.id, { ...body, dryRun: body.dryRun || query.dryRun === "true" });
    return new Answer(result, result.dryRun ? 200 : 201);
  },
);
