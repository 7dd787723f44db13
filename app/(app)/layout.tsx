import Link from "next/link";
import { OwedScorecardsNotice } from "@/components/layout/owed-scorecards-notice";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { getCurrentUser } from "@/lib/auth";
import { scorecardNoticeFor } from "@/lib/data/notices";
import { canSetUpHiring, candidateScope, isAdmin } from "@/lib/domain/permissions";

// Every page in this group needs a session. Each page checks for itself with requireUser(its own
// path), which sends a signed-out visitor to sign-in and back (layouts do not know the path, and
// are not re-run on every navigation); so does every route handler. The notice of scorecards
// owed is read here, so it is current on each full load and after any router.refresh() (which a
// submitted scorecard and a saved setting both do).
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) return <main id="main">{children}</main>;
  const notice = await scorecardNoticeFor(user);
  return (
    <>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight text-indigo-700">
            Scorecards
          </Link>
          {candidateScope(user.roles) !== "none" ? (
            <Link href="/openings" className="text-sm text-slate-700 hover:text-slate-900">
              Openings
            </Link>
          ) : null}
          {canSetUpHiring(user.roles) ? (
            <Link href="/candidates" className="text-sm text-slate-700 hover:text-slate-900">
              Candidates
            </Link>
          ) : null}
          {candidateScope(user.roles) !== "none" ? (
            <Link href="/calibration" className="text-sm text-slate-700 hover:text-slate-900">
              Calibration
            </Link>
          ) : null}
          {user.roles.includes("interviewer") ? (
            <Link href="/interviews" className="text-sm text-slate-700 hover:text-slate-900">
              My interviews
            </Link>
          ) : null}
          <Link href="/roles" className="text-sm text-slate-700 hover:text-slate-900">
            Role templates
          </Link>
          {isAdmin(user.roles) ? (
            <>
              <Link href="/admin/users" className="text-sm text-slate-700 hover:text-slate-900">
                Users
              </Link>
              <Link href="/admin/audit" className="text-sm text-slate-700 hover:text-slate-900">
                Audit log
              </Link>
              <Link href="/admin/tokens" className="text-sm text-slate-700 hover:text-slate-900">
                API tokens
              </Link>
              <Link href="/admin/webhooks" className="text-sm text-slate-700 hover:text-slate-900">
                Webhooks
              </Link>
            </>
          ) : null}
          <span className="ml-auto flex items-center gap-3 text-sm text-slate-700">
            <span>{user.name}</span>
            <Link href="/settings" className="text-slate-700 underline-offset-2 hover:text-slate-900 hover:underline">
              Settings
            </Link>
            <SignOutButton />
          </span>
        </nav>
      </header>
      {notice ? <OwedScorecardsNotice notice={notice} /> : null}
      <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:py-8">
        {children}
      </main>
    </>
  );
}
