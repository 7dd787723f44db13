// Time zones by their current IANA names (docs/decisions/057-time-zone-names.md). The list is
// @vvo/tzdb's, kept current with the tz database; the ICU this app runs on still lists some zones
// by names since replaced, and people may have saved those: each is shown under its current name.
import CURRENT_NAMES from "@vvo/tzdb/time-zones-names.json";
import { isValidTimeZone } from "./reminders";
import { currentZoneName } from "./time-zone-renames";

export { currentZoneName };

/** The current names, those Intl here accepts (all of them, on the ICU the tests run on). */
export const CURRENT_ZONES: readonly string[] = CURRENT_NAMES.filter(isValidTimeZone);

/** The zones to choose from: UTC first, then every current name (plus `keep`, under its current name). */
export function currentZoneChoices(keep: readonly string[] = []): string[] {
  const listed = new Set(CURRENT_ZONES);
  const extra = [...new Set(keep.map(currentZoneName))].filter((z) => z !== "UTC" && !listed.has(z));
  return ["UTC", ...[...CURRENT_ZONES.filter((z) => z !== "UTC"), ...extra].sort()];
}
