// GET /scim/v2/Schemas/{urn} (RFC 7643 §7).
import { scim } from "@/lib/api/scim";
import { schemas } from "@/lib/domain/scim/discovery";
import { ScimError } from "@/lib/domain/scim/errors";

export const GET = scim<{ id: string }>(async ({ base, params }) => {
  const id = decodeURIComponent(params.id);
  const found = schemas(base).find((s) => s.id === id);
  if (!found) throw new ScimError(404, `No schema ${id}.`);
  return { body: found };
});
