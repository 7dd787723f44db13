// GET /scim/v2/Users (list, ?filter=, startIndex, count) and POST (provision an account), for the
// identity provider's SCIM token (docs/decisions/072).
import { scim } from "@/lib/api/scim";
import { createScimUser, listScimUsers } from "@/lib/data/scim-users";
import { listResponse, readPage, readUser, renderUser } from "@/lib/domain/scim/resources";
import { env } from "@/lib/env";

export const GET = scim(async ({ url, base }) => {
  const page = readPage(url.searchParams);
  const { total, rows } = await listScimUsers(url.searchParams.get("filter"), page);
  return {
    body: listResponse(
      rows.map((u) => renderUser(u, base, env.scimGroups)),
      total,
      page.startIndex,
    ),
  };
});

export const POST = scim(async ({ tokenId, body, base }) => {
  const user = renderUser(await createScimUser({ tokenId }, readUser(body)), base, env.scimGroups);
  return { status: 201, body: user, location: user.meta.location };
});
