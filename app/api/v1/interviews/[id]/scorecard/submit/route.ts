import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { submitScorecard } from "@/lib/data/scorecards";

export const POST = v1<typeof ops.submitScorecard, { id: string }>(
  ops.submitScorecard,
  async ({ user, params, body, idempotencyKey }) =>
    submitScorecard(user.id, params.id, { ...body, submissionKey: idempotencyKey! }),
);
