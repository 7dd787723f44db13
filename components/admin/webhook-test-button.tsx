"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useJsonWrite } from "@/components/ui/json-write";

type Result = { outcome: "delivered" | "failed" | "refused"; status: number | null; message: string };

/** Sends the endpoint a signed ping now and says what came back: the status code, or why nothing was sent. */
export function WebhookTestButton({ id, url }: { id: string; url: string }) {
  const router = useRouter();
  const { write, pending } = useJsonWrite();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  async function send() {
    setResult(null);
    const res = await write<Result>(`/api/admin/webhooks/${id}/test`, { json: false });
    if (res.ok) setResult({ ok: res.data.outcome === "delivered", text: res.data.message });
    else setResult({ ok: false, text: res.message ?? "The test event could not be sent; try again." });
    router.refresh(); // the ping is listed among the recent deliveries
  }
  return (
    <span className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={send}
        disabled={pending}
        className="min-h-11 rounded border border-slate-400 px-2 py-1 text-xs disabled:opacity-60 sm:min-h-0"
      >
        {pending ? "Sending…" : "Send a test event"}
        <span className="sr-only"> to {url}</span>
      </button>
      <span role="status" className={`text-xs ${result?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {result?.text}
      </span>
    </span>
  );
}
