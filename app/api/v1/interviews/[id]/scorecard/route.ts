import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiGetScorecard } from "@/lib/data/api-v1";
import { saveDraft } from "@/lib/data/scorecards";

export const GET = v1<typeof ops.getScorecard, { id: string }>(ops.getScorecard, async ({ user, params }) =>
  apiGetScorecard(user, params.id),
);
export const PUT = v1<typeof ops.saveDraft, { id: string }>(ops.saveDraft, async ({ user, params, body }) =>
  saveDraft(user.id, params.id, body),
);
