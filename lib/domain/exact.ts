// Exact fractions for scores (docs/decisions/004 "Exact display"). Weights are short decimals and
// raw ratings integers, so a weighted score is a fraction of integers; binary floating point holds
// 4.225 as 4.22499…, which toFixed shows as "4.22". BigInt keeps every digit. Pure.

/** n / d with d > 0, not necessarily in lowest terms. */
export type Fraction = { n: bigint; d: bigint };

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

// weights and thresholds repeat across every candidate of an opening: parse each number once
const parsed = new Map<number, Fraction>();

/** The decimal a number is written as (its shortest round-trip form): 22.5 → 225/10, 1e-7 → 1/10⁷. */
export function decimalFraction(x: number): Fraction {
  const known = parsed.get(x);
  if (known) return known;
  const f = parse(x);
  if (parsed.size >= 10_000) parsed.clear();
  parsed.set(x, f);
  return f;
}

function parse(x: number): Fraction {
  const m = Number.isFinite(x) ? DECIMAL.exec(String(x)) : null;
  if (!m) throw new RangeError(`not a finite number: ${x}`);
  const exp = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
  const n = BigInt(`${m[1]}${m[2]}${m[3] ?? ""}`);
  return exp >= 0 ? { n: n * 10n ** BigInt(exp), d: 1n } : { n, d: 10n ** BigInt(-exp) };
}

export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

/** "n/d" in lowest terms: a JSON-safe form (BigInt is not JSON). */
export function fractionText(f: Fraction): string {
  const g = gcd(f.n, f.d) || 1n;
  return `${f.n / g}/${f.d / g}`;
}

export function parseFraction(s: string): Fraction {
  const [n, d] = s.split("/");
  return { n: BigInt(n), d: BigInt(d ?? "1") };
}

/** To `places` decimals, halves rounded away from zero (half up for the positive scores): 169/40 → "4.23". */
export function roundHalfUp(f: Fraction, places = 2): string {
  const scale = 10n ** BigInt(places);
  const negative = f.n < 0n;
  const n = negative ? -f.n : f.n;
  const q = (2n * n * scale + f.d) / (2n * f.d);
  const whole = (q / scale).toString();
  const sign = negative && q !== 0n ? "-" : "";
  return places ? `${sign}${whole}.${(q % scale).toString().padStart(places, "0")}` : `${sign}${whole}`;
}
