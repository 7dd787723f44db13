import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { getCandidateSummary } from "@/lib/data/candidates";

export const GET = v1<typeof ops.getSummary, { id: string }>(ops.getSummary, async ({ user, params }) => getCandidateSummary(user, params.id));
