import { operations as ops } from "@/lib/api/operations";
import { v1 } from "@/lib/api/v1";

export const GET = v1(ops.getMe, async ({ user }) => ({
  id: user.id,
  name: user.name,
  email: user.email,
  roles: user.roles,
}));
