// POST /api/me/sessions: ends every session of the signed-in person, on every device, this one
// included ("Sign out everywhere" on Your settings; docs/decisions/016). Audited. The browser then
// signs out here too. API tokens are separate and stay (docs/decisions/007).
import { userOrThrow } from "@/lib/auth";
import { endAllMySessions } from "@/lib/data/sessions";
import { handle } from "@/lib/http";

export async function POST(req: Request) {
  return handle(req, async () => endAllMySessions(await userOrThrow()));
}
