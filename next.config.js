// Next.js configuration. The environment is validated by lib/env.ts, which every server entry
// point imports (lib/db.ts), so a bad DATABASE_URL fails the first request and the build's
// page generation with the variable's name.
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
