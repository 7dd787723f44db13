import "server-only";
import { deliverDue } from "./data/webhooks";
import { env } from "./env";

// Every app instance polls for due webhook deliveries (WEBHOOK_POLL_SECONDS); deliveries are
// claimed in the database, so several instances behind a load balancer never send one twice.
let started = false;

export function startWebhookWorker() {
  if (started || env.WEBHOOK_POLL_SECONDS === 0) return;
  started = true;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDue();
    } catch (error) {
      console.error("webhook delivery run failed", error);
    } finally {
      running = false;
    }
  };
  setInterval(tick, env.WEBHOOK_POLL_SECONDS * 1000).unref();
}
