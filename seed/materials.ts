// Materials seeded with the blueprint roles (docs/decisions/045-exercise-materials.md). The
// blueprints name the material an exercise needs but never give it: the Lead AI Platform Engineer
// blueprint (000_25f135d656b98e8c, section 19) says only "Provide logs/metrics snippets for a
// failing inference service (latency spike + error increase)". What follows is therefore a
// SAMPLE written for this app, labelled so in its title, built to show exactly that: a latency
// spike and an error increase. Replace it with your own incident's excerpts.
import type { Material } from "../lib/validations/exercise-material";

export const SAMPLE_LABEL = "Sample written for this app (the blueprint names this material but gives none)";

const SAMPLE_LOG = `# ${SAMPLE_LABEL}
# service: inference-gateway  model: ranker-v14  region: eu-west-1
14:02:00  p50=38ms   p95=92ms    p99=140ms   rps=1180  5xx=0.1%   gpu_util=61%  queue_depth=3
14:04:00  p50=41ms   p95=97ms    p99=151ms   rps=1215  5xx=0.1%   gpu_util=63%  queue_depth=4
14:06:00  p50=44ms   p95=310ms   p99=1.9s    rps=1490  5xx=0.4%   gpu_util=97%  queue_depth=57
14:08:00  p50=63ms   p95=1.2s    p99=4.8s    rps=1520  5xx=3.8%   gpu_util=99%  queue_depth=212
14:10:00  p50=71ms   p95=2.4s    p99=5.0s    rps=1505  5xx=6.2%   gpu_util=99%  queue_depth=388

2026-03-11T14:07:12Z WARN  batcher   batch wait exceeded 250ms (queue_depth=188, max_batch=32)
2026-03-11T14:07:40Z ERROR gateway   upstream timeout after 5000ms model=ranker-v14 pod=ranker-7f9c-2
2026-03-11T14:08:03Z ERROR gateway   503 Service Unavailable: no healthy upstream (2/6 pods ready)
2026-03-11T14:08:05Z INFO  hpa       scaled ranker from 6 to 9 replicas (target gpu_util 70%)
2026-03-11T14:08:31Z WARN  kubelet   ranker-7f9c-8 0/1 Ready: model weights still loading (elapsed 95s)
2026-03-11T14:09:02Z INFO  deploy    feature-flag "long-context" enabled for 100% of traffic (was 10%)`;

/** Materials to add to a seeded role's exercise, by role slug and exercise title. */
export const SEEDED_MATERIALS: Record<string, Record<string, Material[]>> = {
  "lead-ai-platform-engineer": {
    "Hands-on troubleshooting scenario": [
      {
        kind: "code",
        title: `Logs and metrics of the failing inference service — ${SAMPLE_LABEL}`,
        body: SAMPLE_LOG,
        language: "log",
      },
    ],
  },
};
