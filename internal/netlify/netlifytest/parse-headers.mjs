// Parses a _headers file (and optionally netlify.toml) with Netlify's own
// parser, @netlify/headers-parser, and prints {headers, errors} as JSON.
// Used by the Go tests: node parse-headers.mjs _headers [netlify.toml]
import { parseAllHeaders } from '@netlify/headers-parser';

const [headersFile, netlifyConfigPath] = process.argv.slice(2);
if (!headersFile) {
  console.error('usage: node parse-headers.mjs _headers [netlify.toml]');
  process.exit(2);
}
const { headers, errors } = await parseAllHeaders({
  headersFiles: [headersFile],
  netlifyConfigPath,
  minimal: false,
});
console.log(JSON.stringify({
  headers: headers.map((h) => ({ for: h.for, values: h.values })),
  errors: errors.map((e) => String(e && e.message ? e.message : e)),
}));
