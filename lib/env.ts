// The validated environment: the only module that reads process.env (app code and CLI scripts
// alike). A bad value fails fast with the variable's name. Every variable is in .env.example.
import { z } from "zod";
import { resolveDatabase } from "./database-url";
import { parseCheckInDays } from "./domain/quality-of-hire";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().trim().optional(),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  // Optional single sign-on through any OpenID Connect provider (README "Single sign-on (OpenID Connect)").
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  // How often each app instance looks for webhook deliveries that are due (0 turns delivery off).
  // Requests per minute one API token may make (429 with Retry-After beyond it).
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  // Erase candidates this many days after their process ended (0 = keep until erased by hand).
  CANDIDATE_RETENTION_DAYS: z.coerce.number().int().min(0).max(36_500).default(0),
  WEBHOOK_POLL_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  // Reminder e-mail (README "Reminders: e-mails, digests and the worker"): smtp:// or smtps://,
  // optionally user:pass@; unset = no e-mail, in-app notices only. MAIL_FROM is the sender of every
  // message.
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, hostname: /^.+$/, error: "SMTP_URL must be an smtp:// or smtps:// URL with a host" })
    .optional(),
  MAIL_FROM: z.string().trim().min(3).default("Scorecards <scorecards@localhost>"),
  // Follow-up reminders on this many business days after the first; seconds between worker passes.
  REMINDER_BUSINESS_DAYS: z.coerce.number().int().min(0).max(20).default(3),
  REMINDER_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Quality-of-hire check-ins (docs/decisions/079): days after a hire decision, comma-separated.
  CHECKIN_DAYS: z
    .string()
    .default("90,365")
    .transform((t, ctx) => {
      const days = parseCheckInDays(t);
      if (!days)
        ctx.addIssue({ code: "custom", message: "CHECKIN_DAYS must be whole days from 1 to 3650, e.g. 90,365" });
      return days ?? [];
    }),
  // How many reverse proxies in front of the app append to X-Forwarded-For (0 = none: the socket
  // address is the client's). The client is the address that many hops from the right (docs/decisions/015).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // Hosts (names or IP addresses, comma-separated) that webhooks may reach although they resolve to
  // loopback or private addresses: for on-premises receivers only (docs/decisions/017).
  WEBHOOK_ALLOW_HOSTS: z.string().trim().default(""),
  // The SCIM group name of each app role (docs/decisions/072): the identity provider's groups
  // with these names grant the roles. Names compare without letter case; each must differ.
  SCIM_GROUP_ADMIN: z.string().trim().min(1).max(200).default("Scorecards Admins"),
  SCIM_GROUP_RECRUITER: z.string().trim().min(1).max(200).default("Scorecards Recruiters"),
  SCIM_GROUP_HIRING_MANAGER: z.string().trim().min(1).max(200).default("Scorecards Hiring Managers"),
  SCIM_GROUP_INTERVIEWER: z.string().trim().min(1).max(200).default("Scorecards Interviewers"),
});

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcParts !== 0 && oidcParts !== 3) {
    throw new Error("Invalid environment: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together");
  }
  const scimGroups = {
    admin: e.SCIM_GROUP_ADMIN,
    recruiter: e.SCIM_GROUP_RECRUITER,
    "hiring-manager": e.SCIM_GROUP_HIRING_MANAGER,
    interviewer: e.SCIM_GROUP_INTERVIEWER,
  };
  if (new Set(Object.values(scimGroups).map((n) => n.toLowerCase())).size !== 4) {
    throw new Error("Invalid environment: the four SCIM_GROUP_* names must differ");
  }
  return {
    ...e,
    scimGroups,
    database: resolveDatabase(e.DATABASE_URL, process.cwd()),
    oidc:
      oidcParts === 3
        ? {
            issuer: e.OIDC_ISSUER!,
            clientId: e.OIDC_CLIENT_ID!,
            clientSecret: e.OIDC_CLIENT_SECRET!,
            name: e.OIDC_NAME,
          }
        : null,
  };
}

export const env = load();
