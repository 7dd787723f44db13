import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";
import { apiGetRole } from "@/lib/data/api-v1";

export const GET = v1<typeof ops.getRole, { slug: string }>(ops.getRole, async ({ params, query }) =>
  apiGetRole(params.slug, query.version),
);
