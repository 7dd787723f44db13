import { describe, expect, it } from "vitest";
import { CURRENT_ZONES, currentZoneChoices, currentZoneName } from "./time-zones";

/** The zone's UTC offset in minutes at an instant, as Intl computes it. */
function offset(zone: string, at: Date): number {
  const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")!.value;
  const m = part.match(/GMT([+-])(\d{2}):(\d{2})/);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

describe("time zones by their current names", () => {
  it("shows the old names this ICU lists under their current ones", () => {
    expect(currentZoneName("Africa/Asmera")).toBe("Africa/Asmara");
    expect(currentZoneName("America/Godthab")).toBe("America/Nuuk");
    expect(currentZoneName("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(currentZoneName("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(currentZoneName("Europe/Berlin")).toBe("Europe/Berlin");
  });
  it("maps every zone Intl lists to a name on the current list, and Intl accepts every name offered", () => {
    const current = new Set(CURRENT_ZONES);
    const unmapped = Intl.supportedValuesOf("timeZone").filter((z) => !current.has(currentZoneName(z)));
    expect(unmapped).toEqual([]);
    expect(CURRENT_ZONES.length).toBeGreaterThan(400);
  });
  it("keeps the clock: an old name and its current one have the same offsets through the year", () => {
    const instants = [0, 3, 6, 9].map((m) => new Date(Date.UTC(2026, m, 15, 12)));
    for (const old of Intl.supportedValuesOf("timeZone").filter((z) => currentZoneName(z) !== z))
      expect(
        instants.map((t) => offset(currentZoneName(old), t)),
        old,
      ).toEqual(instants.map((t) => offset(old, t)));
  });
  it("lists UTC first and no old name; a saved old name is offered under its current one", () => {
    const choices = currentZoneChoices(["Asia/Calcutta"]);
    expect(choices[0]).toBe("UTC");
    expect(choices).toContain("Asia/Kolkata");
    expect(choices).toContain("Europe/Kyiv");
    expect(choices).not.toContain("Asia/Calcutta");
    expect(choices).not.toContain("Africa/Asmera");
    expect(new Set(choices).size).toBe(choices.length);
    expect(choices.slice(1)).toEqual([...choices.slice(1)].sort());
  });
});
