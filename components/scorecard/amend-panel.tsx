"use client";

import { useState } from "react";
import type { ScorecardValues } from "@/lib/validations/scorecard";
import { ScorecardEditor } from "./scorecard-editor";
import type { KitView } from "./types";

/** The submitted scorecard stays read-only until its author chooses to amend it, with a reason. */
export function AmendPanel({
  kit,
  userId,
  values,
  version,
  children,
}: {
  kit: KitView;
  userId: string;
  values: ScorecardValues;
  version: number;
  children: React.ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <ScorecardEditor
        kit={kit}
        userId={userId}
        mode="amend"
        initial={{ values, version, status: "submitted", savedAt: null }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <>
      {children}
      <button
        type="button"
        onClick={() => setEditing(true)}
        className="mt-4 rounded-md border border-indigo-700 px-4 py-2 font-medium text-indigo-800 hover:bg-indigo-50"
      >
        Amend this scorecard
      </button>
    </>
  );
}
