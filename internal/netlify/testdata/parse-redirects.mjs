// Parses a _redirects file and a netlify.toml with Netlify's own parser
// (@netlify/redirect-parser, the one Netlify's build uses) and prints
// {"redirects": [...], "errors": [...]} as JSON, rules in the order Netlify
// applies them. Usage: node parse-redirects.mjs _redirects [netlify.toml]
import { parseAllRedirects } from '@netlify/redirect-parser'

const [redirectsFile, netlifyConfigPath] = process.argv.slice(2)
const { redirects, errors } = await parseAllRedirects({
  redirectsFiles: [redirectsFile],
  netlifyConfigPath,
  configRedirects: [],
  minimal: false,
})
process.stdout.write(JSON.stringify({ redirects, errors: errors.map((e) => String(e.message || e)) }))
