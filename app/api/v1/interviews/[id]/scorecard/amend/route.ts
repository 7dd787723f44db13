import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { amendScorecard } from "@/lib/data/scorecards";

export const POST = v1<typeof ops.amendScorecard, { id: string }>(ops.amendScorecard, async ({ user, params, body }) =>
  amendScorecard(user.id, params.id, body),
);
