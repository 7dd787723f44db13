import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiQualityOfHire } from "@/lib/data/quality-of-hire";

export const GET = v1<typeof ops.getQualityOfHire, { slug: string }>(ops.getQualityOfHire, async ({ user, params }) =>
  apiQualityOfHire(user, params.slug),
);
