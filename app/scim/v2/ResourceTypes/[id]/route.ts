// GET /scim/v2/ResourceTypes/{User|Group} (RFC 7644 §4).
import { scim } from "@/lib/api/scim";
import { resourceTypes } from "@/lib/domain/scim/discovery";
import { ScimError } from "@/lib/domain/scim/errors";

export const GET = scim<{ id: string }>(async ({ base, params }) => {
  const found = resourceTypes(base).find((t) => t.id === params.id);
  if (!found) throw new ScimError(404, `No resource type ${params.id}.`);
  return { body: found };
});
