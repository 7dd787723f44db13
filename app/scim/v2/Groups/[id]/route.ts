// GET, PUT (members become those sent), PATCH (add / remove members) /scim/v2/Groups/{id}; DELETE
// is refused, a group being an app role (docs/decisions/072).
import { scim } from "@/lib/api/scim";
import { getScimGroup, patchScimGroup, replaceScimGroup } from "@/lib/data/scim-groups";
import { ScimError } from "@/lib/domain/scim/errors";
import { withMembers } from "@/lib/domain/scim/groups";
import { readPatch } from "@/lib/domain/scim/patch";
import { renderGroup } from "@/lib/domain/scim/resources";
import { env } from "@/lib/env";

type P = { id: string };

export const GET = scim<P>(async ({ params, url, base }) => {
  const g = await getScimGroup(params.id, withMembers(url.searchParams));
  return { body: renderGroup(g.role, g.members, base, env.scimGroups) };
});

export const PUT = scim<P>(async ({ tokenId, params, body, base }) => {
  const g = await replaceScimGroup({ tokenId }, params.id, body);
  return { body: renderGroup(g.role, g.members, base, env.scimGroups) };
});

export const PATCH = scim<P>(async ({ tokenId, params, body, base }) => {
  const g = await patchScimGroup({ tokenId }, params.id, readPatch(body));
  return { body: renderGroup(g.role, g.members, base, env.scimGroups) };
});

export const DELETE = scim<P>(async ({ params }) => {
  await getScimGroup(params.id, false);
  throw new ScimError(
    400,
    "A group is one of the app's roles and cannot be deleted; remove its members instead.",
    "mutability",
  );
});
