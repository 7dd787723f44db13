"use client";

// Ends the debrief (docs/decisions/078-debrief-mode.md): amendments after it stay post-debrief.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useJsonWrite } from "@/components/ui/json-write";

export function EndDebriefButton({ candidateId }: { candidateId: string }) {
  const router = useRouter();
  const { pending, write } = useJsonWrite();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        className="min-h-11"
        pending={pending}
        pendingLabel="Ending…"
        onClick={async () => {
          const res = await write(`/api/candidates/${candidateId}/debrief/end`, {});
          if (res.ok) return router.refresh();
          setMessage(res.status === null ? "The connection failed; try again." : (res.message ?? "Could not end it."));
        }}
      >
        End the debrief
      </Button>
      <span role="status" className="text-sm text-red-700">
        {message}
      </span>
    </span>
  );
}
