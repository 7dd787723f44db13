// Runs once when a Next.js server instance starts: starts this instance's webhook deliverer, and
// computes the rater offsets (docs/decisions/039-calibrated-view-offsets.md) in the background,
// so the first candidate summary does not wait for every rating of a large organisation to load.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // first: requests carry their socket's address for the sign-in throttle (docs/decisions/015)
  const { recordSocketAddresses } = await import("./lib/socket-address");
  recordSocketAddresses();
  const { startWebhookWorker } = await import("./lib/webhook-worker");
  startWebhookWorker();
  const { getRaterOffsets } = await import("./lib/data/rater-offsets");
  setTimeout(() => void getRaterOffsets().catch(() => undefined), 0).unref();
}
