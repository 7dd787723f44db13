// Next.js configuration. The environment is validated by lib/env.ts, which every server entry
// point imports (lib/db.ts), so a bad DATABASE_URL fails the first request and the build's
// page generation with the variable's name. The Content-Security-Policy is set per request, with
// a nonce, by proxy.ts; the headers below hold for every response, API routes included.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  // reads its VTIMEZONE files beside its own code at run time (lib/domain/calendar.ts): bundled,
  // it would find none and write every invite in UTC
  serverExternalPackages: ["@touch4it/ical-timezones"],
  // Google's custom-method style (`…/candidates:import`, docs/decisions/071-candidate-import.md):
  // a route folder cannot be named with ":" on every file system, so the path is rewritten
  async rewrites() {
    return [
      { source: "/api/v1/openings/:id/candidates\\:import", destination: "/api/v1/openings/:id/candidates-import" },
    ];
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
