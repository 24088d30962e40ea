// Builds one site in its own process and reports its peak memory: `node build-one.mjs <root>`.
// BENCH_LOG_LEVEL (default `error`) is Astro's log level: `info` prints the timings `--profile` reads.
import { build } from 'astro';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
await build({ root: process.argv[2], logLevel: process.env.BENCH_LOG_LEVEL ?? 'error' });
console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
