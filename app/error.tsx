"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-white p-6">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">
        The page could not be shown. Try again; if it keeps failing, report reference{" "}
        <code className="font-mono">{error.digest ?? "unknown"}</code>.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-indigo-700 px-4 py-2 text-white hover:bg-indigo-800"
      >
        Try again
      </button>
    </div>
  );
}
