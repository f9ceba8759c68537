// Closed-loop load through the official client: node bench.mjs <endpointUrl> <concurrency> <warmupMs> <measureMs>
// Prints one line: JSBENCH calls=<n> errors=<n> seconds=<s> p50us=<us> p99us=<us>
import { InferenceClient } from "@huggingface/inference";

const [endpointUrl, concurrencyArg, warmupArg, measureArg] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const client = new InferenceClient("hf_benchmarkToken");
const start = performance.now();
const measureStart = start + Number(warmupArg);
const measureEnd = measureStart + Number(measureArg);
const latencies = [];
let errors = 0;
let firstError;

async function caller() {
  while (performance.now() < measureEnd) {
    const t0 = performance.now();
    try {
      const result = await client.textClassification({ model: "stub", inputs: "I like you. I love you", endpointUrl });
      if (!Array.isArray(result) || result.length === 0) throw new Error("unexpected result");
      const t1 = performance.now();
      if (t0 >= measureStart && t1 <= measureEnd) latencies.push(t1 - t0);
    } catch (e) {
      const t1 = performance.now();
      if (t0 >= measureStart && t1 <= measureEnd) errors++;
      firstError ??= e;
    }
  }
}

await Promise.all(Array.from({ length: concurrency }, caller));
latencies.sort((a, b) => a - b);
const pct = (p) => latencies.length ? latencies[Math.max(0, Math.ceil(p * latencies.length) - 1)] * 1000 : NaN;
if (firstError) console.error("first error:", firstError.message);
console.log(`JSBENCH calls=${latencies.length} errors=${errors} seconds=${Number(measureArg) / 1000} p50us=${pct(0.5).toFixed(0)} p99us=${pct(0.99).toFixed(0)}`);
