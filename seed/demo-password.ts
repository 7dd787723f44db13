// The one password every demo account shares, in a module of its own so the e2e tests and
// scripts can name it without loading the seed (which writes through lib/data, server-only).
export const DEMO_PASSWORD = "demo-scorecards-2026";
