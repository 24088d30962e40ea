// Builds one site in its own process and reports its peak memory: `node build-one.mjs <root>`.
import { build } from 'astro';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
await build({ root: process.argv[2], logLevel: 'error' });
console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
