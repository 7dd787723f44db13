// PATCH /api/me/settings: the signed-in person's own time zone and reminder pause (README
// "Reminders and notices", "Your settings"). It only ever writes the signed-in user: there is no id
// in the path, and a body naming anyone is refused (lib/validations/settings.ts). Invalid input is
// a 422 naming the field.
import { userOrThrow } from "@/lib/auth";
import { updateMySettings } from "@/lib/data/my-settings";
import { anyJson, handle, readJson } from "@/lib/http";

export async function PATCH(req: Request) {
  return handle(req, async () => updateMySettings(await userOrThrow(), await readJson(req, anyJson)));
}
