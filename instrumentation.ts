// Runs once when a Next.js server instance starts: starts this instance's webhook deliverer.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startWebhookWorker } = await import("./lib/webhook-worker");
  startWebhookWorker();
}
