// GET, PUT (replace), PATCH and DELETE (= deactivate) /scim/v2/Users/{id} (docs/decisions/072).
import { scim } from "@/lib/api/scim";
import { deactivateScimUser, getScimUser, patchScimUser, replaceScimUser } from "@/lib/data/scim-users";
import { readPatch } from "@/lib/domain/scim/patch";
import { readUser, renderUser } from "@/lib/domain/scim/resources";
import { env } from "@/lib/env";

type P = { id: string };

export const GET = scim<P>(async ({ params, base }) => ({
  body: renderUser(await getScimUser(params.id), base, env.scimGroups),
}));

export const PUT = scim<P>(async ({ tokenId, params, body, base }) => ({
  body: renderUser(await replaceScimUser({ tokenId }, params.id, readUser(body)), base, env.scimGroups),
}));

export const PATCH = scim<P>(async ({ tokenId, params, body, base }) => ({
  body: renderUser(await patchScimUser({ tokenId }, params.id, readPatch(body)), base, env.scimGroups),
}));

export const DELETE = scim<P>(async ({ tokenId, params }) => {
  await deactivateScimUser({ tokenId }, params.id);
  return { status: 204 };
});
