// GET /scim/v2/Groups (the app roles, ?filter=, excludedAttributes=members) and POST (map a
// configured group name to its role) (docs/decisions/072).
import { scim } from "@/lib/api/scim";
import { createScimGroup, listScimGroups } from "@/lib/data/scim-groups";
import { listResponse, readPage, renderGroup } from "@/lib/domain/scim/resources";
import { withMembers } from "@/lib/domain/scim/groups";
import { env } from "@/lib/env";

export const GET = scim(async ({ url, base }) => {
  const page = readPage(url.searchParams);
  const { total, groups } = await listScimGroups(url.searchParams.get("filter"), page, withMembers(url.searchParams));
  return {
    body: listResponse(
      groups.map((g) => renderGroup(g.role, g.members, base, env.scimGroups)),
      total,
      page.startIndex,
    ),
  };
});

export const POST = scim(async ({ tokenId, body, base }) => {
  const g = await createScimGroup({ tokenId }, body);
  const group = renderGroup(g.role, g.members, base, env.scimGroups);
  return { status: 201, body: group, location: group.meta.location };
});
