"use client";

import { useState } from "react";
import { signOut } from "@/lib/auth-client";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut("/sign-in");
      }}
      className="min-h-11 whitespace-nowrap rounded-md border border-slate-300 px-2.5 py-1 text-slate-800 hover:bg-slate-50 disabled:opacity-60 sm:min-h-9"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
