import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { AUTH_MAX_BODY_BYTES, withBodyLimit } from "@/lib/http";

const handler = NextAuth(authOptions);
// next-auth reads a POST's whole body before anything checks its size, for anyone, signed in or
// not: a larger body than its forms ever send is refused unread (docs/decisions/018)
export const POST = withBodyLimit(AUTH_MAX_BODY_BYTES, handler);
export { handler as GET };
