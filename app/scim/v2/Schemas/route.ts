// GET /scim/v2/Schemas: the User and Group schemas as the app keeps them (RFC 7643 §7).
import { scim } from "@/lib/api/scim";
import { schemas } from "@/lib/domain/scim/discovery";
import { listResponse } from "@/lib/domain/scim/resources";

export const GET = scim(async ({ base }) => {
  const all = schemas(base);
  return { body: listResponse(all, all.length, 1) };
});
