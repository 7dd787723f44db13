// Liveness probe for load balancers and the test harness: no database, no session.
export function GET() {
  return Response.json({ ok: true });
}
