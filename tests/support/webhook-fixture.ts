// The webhook tests' common ground: a real receiver on 127.0.0.1 (./webhook-receiver.ts), an admin,
// no endpoints or deliveries left from the test before, and an endpoint pointing at the receiver.
// Call at a test file's top level: it registers the hooks.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/seed/factories";
import { webhookReceiver } from "./webhook-receiver";

export function webhookFixture(email: string) {
  const receiver = webhookReceiver();
  let admin: { id: string; roles: ["admin"] } | undefined;
  beforeAll(async () => {
    await receiver.start();
    const a = await createUser(db, { email, name: "Webhook Admin", roles: ["admin"] });
    admin = { id: a.id, roles: ["admin"] };
  });
  afterAll(() => receiver.stop());
  beforeEach(async () => {
    receiver.reset();
    await db.webhookDelivery.deleteMany();
    await db.webhookEndpoint.deleteMany();
  });
  return {
    receiver,
    /** the admin this file acts as (set once beforeAll has run) */
    admin: () => admin!,
    /** a new endpoint for decision.recorded at `url` (the receiver by default); its id */
    async endpoint(url = receiver.url) {
      const row = await db.webhookEndpoint.create({
        data: { url, events: "decision.recorded", secret: "whsec_test", createdById: admin!.id },
        select: { id: true },
      });
      return row.id;
    },
  };
}
