// GET /scim/v2/ResourceTypes: User and Group (RFC 7644 §4).
import { scim } from "@/lib/api/scim";
import { resourceTypes } from "@/lib/domain/scim/discovery";
import { listResponse } from "@/lib/domain/scim/resources";

export const GET = scim(async ({ base }) => {
  const all = resourceTypes(base);
  return { body: listResponse(all, all.length, 1) };
});
