"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";

/** Blind on or off, keeping the rest of the address (what-if weights: docs/decisions/054). */
export function BlindToggle({ base, blind }: { base: string; blind: boolean }) {
  const params = new URLSearchParams(useSearchParams());
  if (blind) params.delete("blind");
  else params.set("blind", "1");
  const query = params.toString();
  return (
    <Link
      href={query ? `${base}?${query}` : base}
      className={`rounded-md border px-3 py-1.5 text-sm font-medium ${blind ? "border-indigo-700 bg-indigo-700 text-white" : "border-slate-400 bg-white text-slate-800"}`}
    >
      {blind ? "Blind comparison is on: show names" : "Blind comparison: hide names"}
    </Link>
  );
}
