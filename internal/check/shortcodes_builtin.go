package check

import "sort"

// hugoShortcodes are the shortcodes built into Hugo, and why a page here may
// not use them: each would load from another site, show something the checks
// do not see, or reach what a page should not. A shortcode a page needs goes
// into layouts/_shortcodes/, where it is reviewed with the layouts.
var hugoShortcodes = map[string]string{
	"figure":    "it shows an image from any address, another site's too",
	"gist":      "it loads a script from GitHub",
	"instagram": "it loads from Instagram",
	"twitter":   "it loads from X (Twitter)",
	"x":         "it loads from X (Twitter)",
	"tweet":     "it loads from X (Twitter)",
	"vimeo":     "it loads a video player from Vimeo",
	"youtube":   "it loads a video player from YouTube",
	"highlight": "code highlighting has no place in the site's text",
	"param":     "it prints a setting or front-matter value that the checks do not see",
	"qr":        "it makes a QR code of any text or address, unchecked",
	"ref":       "write a plain link to the page, e.g. [text](/help/)",
	"relref":    "write a plain link to the page, e.g. [text](/help/)",
	"details":   "write the text as it is; the site has no folded sections",
	"comment":   "write no hidden text into a page",
}

func sortedKeys(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
