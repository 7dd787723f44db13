import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string; roles: string[] };
    /** the app's session claims, checked by getCurrentUser (docs/decisions/016) */
    sessionId?: string;
    generation?: number;
    signedInAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    roles?: string[];
    sessionId?: string;
    generation?: number;
    signedInAt?: number;
  }
}
