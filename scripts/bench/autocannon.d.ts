// The part of autocannon's API the benchmarks use (it ships no types).
declare module "autocannon" {
  type Context = Record<string, unknown>;
  type RequestSpec = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (req: RequestSpec & { path: string }, context: Context) => RequestSpec;
    onResponse?: (status: number, body: string, context: Context) => void;
  };
  type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string>; method?: string; body?: string; requests?: RequestSpec[]; initialContext?: Context };
  type Histogram = { average: number; mean: number; p50: number; p99: number; max: number; total: number };
  type Result = { requests: Histogram; latency: Histogram; errors: number; timeouts: number; non2xx: number; "2xx": number };
  function autocannon(opts: Options): Promise<Result>;
  export default autocannon;
}
