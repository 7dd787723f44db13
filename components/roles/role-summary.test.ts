import { describe, expect, it } from "vitest";
import { numberedParts } from "./role-summary";

describe("numberedParts", () => {
  it("splits a '1) … 2) …' list into its parts", () => {
    expect(numberedParts("1) Define SLOs 2) Build observability (metrics/logs) 3) Operate on-call")).toEqual([
      "Define SLOs",
      "Build observability (metrics/logs)",
      "Operate on-call",
    ]);
  });
  it("leaves other text alone", () => {
    expect(numberedParts("Kubernetes; Terraform; CI/CD")).toBeNull();
    expect(numberedParts("30/60/90: stabilize 1) once")).toBeNull();
  });
});
