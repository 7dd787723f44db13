// Printed by `npm run demo`: the demo accounts (demo data only; never use these elsewhere).
import { APP_ROLE_LABELS } from "../lib/domain/vocabulary";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo";

console.log("\nDemo accounts (password for all: %s)", DEMO_PASSWORD);
for (const u of DEMO_USERS) {
  console.log(`  ${u.email.padEnd(28)} ${u.name.padEnd(14)} ${u.roles.map((r) => APP_ROLE_LABELS[r]).join(", ")}`);
}
console.log("");
