"use client";

import { writeJson, type WriteResult } from "@/components/ui/json-write";

/**
 * A submit or an amendment: POSTed through the JSON write helper, tried again (after 1 s, then
 * 2 s) when the connection fails or the server answers 5xx, since the same submission key makes
 * a repeat harmless; the last answer (or failure) is the result.
 */
export async function postWithRetries(url: string, body: unknown, tries = 3): Promise<WriteResult<unknown>> {
  for (let i = 1; ; i++) {
    const res = await writeJson(url, { body });
    if (res.ok || (res.status !== null && res.status < 500) || i >= tries) return res;
    await new Promise((r) => setTimeout(r, 1000 * i));
  }
}
