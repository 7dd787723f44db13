// Preloaded into the Prisma CLI by scripts/db.ts: the wasm schema engine arms 10 s / 60 s
// timers (PostgreSQL advisory-lock timeouts) that are never cleared, so `migrate deploy`
// lingers 10 s and `migrate dev` 60 s after finishing. Unref them so the CLI exits when done.
const original = global.setTimeout;
global.setTimeout = function (fn, ms, ...args) {
  const timer = original.call(this, fn, ms, ...args);
  if (ms >= 10000 && /wasm-function/.test(new Error().stack || "")) timer.unref();
  return timer;
};
