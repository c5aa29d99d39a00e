package check

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A phone number that a reader sees must come from data/services.yaml, where
// it is checked once; a number typed into a translation is checked by no one.
// Typing it need not look like typing it: a no-break or thin space between
// the groups, a zero-width space, dots or dashes, emphasis around one group,
// Arabic-Indic, Persian, Devanagari or fullwidth digits. PhoneScanner
// normalises all of those away before it looks for a number, so one rule
// covers every way of writing one.

// NormalizeDigits returns s as a phone-number finder should see it:
// compatibility forms folded (NFKC: fullwidth, mathematical, superscript and
// circled digits become 0–9; no-break and thin spaces become spaces), every
// Unicode decimal digit mapped to 0–9 (Ethiopic digits ፩–፱ too), format
// characters (zero-width space and joiners, soft hyphen, direction marks) and
// Markdown emphasis markers dropped, and every kind of space made a plain
// space. orig maps each byte of the result, and its end, to the byte offset
// in s where it came from.
func NormalizeDigits(s string) (out string, orig []int) {
	var b strings.Builder
	orig = make([]int, 0, len(s)+1)
	for i, r := range s {
		_, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			r = 'x' // not UTF-8 (refused on its own): no number runs across it
		}
		for _, x := range foldRune(r, s[i:i+w]) {
			n := b.Len()
			b.WriteRune(x)
			for range b.Len() - n {
				orig = append(orig, i)
			}
		}
	}
	orig = append(orig, len(s))
	return b.String(), orig
}

// foldRune is NormalizeDigits for one rune (raw is its bytes in the input).
func foldRune(r rune, raw string) []rune {
	switch {
	case r < utf8.RuneSelf:
		switch r {
		case '*', '_', '~', '`':
			return nil // emphasis, strikethrough and code markers
		case '\t', '\n', '\r', '\f', '\v':
			return []rune{' '}
		}
		return []rune{r}
	case unicode.Is(unicode.Cf, r):
		return nil
	case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
		return []rune{' '}
	case r >= 0x1369 && r <= 0x1371: // Ethiopic digits one to nine (no zero)
		return []rune{'1' + (r - 0x1369)}
	case unicode.Is(unicode.Nd, r):
		return []rune{'0' + digitValue(r)}
	case isDash(r):
		return []rune{'-'}
	}
	var out []rune
	for _, x := range norm.NFKC.String(raw) {
		switch {
		case unicode.Is(unicode.Cf, x):
		case unicode.IsSpace(x):
			out = append(out, ' ')
		case x >= utf8.RuneSelf && unicode.Is(unicode.Nd, x):
			out = append(out, '0'+digitValue(x))
		default:
			out = append(out, x)
		}
	}
	return out
}

// digitValue is the value of a Unicode decimal digit. Unicode encodes every
// script's digits 0–9 as one contiguous run, and unicode.Nd's ranges start at
// a zero (a test checks it), so the value is the distance from the range's
// start, modulo ten.
func digitValue(r rune) rune {
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return (r - rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return (r - rune(rg.Lo)) % 10
		}
	}
	return 0
}

// mayHoldDigit: r is, or NFKC folds it into, a digit 0–9: a Unicode
// number, or one of the CJK compatibility symbols for dates, hours and
// units (㏠ is "1日"). A test checks every character.
func mayHoldDigit(r rune) bool {
	return unicode.IsNumber(r) || r >= 0x3200 && r <= 0x33FF
}

func isDash(r rune) bool { return strings.ContainsRune("‐‑‒–—―−﹘﹣－", r) }

// phoneCandidate is a run of digits joined by what people put between the
// groups of a phone number: spaces, dots, dashes, slashes and parentheses,
// with an optional + (or an opening parenthesis) in front.
var phoneCandidate = regexp.MustCompile(`[+(]?[0-9](?:[0-9]|[ .\-/()]{1,3}[0-9])*`)

// Dates, law references and amounts have digits and separators too.
var (
	isoDate     = regexp.MustCompile(`^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$`)
	dottedDate  = regexp.MustCompile(`^[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{4}$`)
	yearRange   = regexp.MustCompile(`^[0-9]{4} ?[-/] ?[0-9]{2,4}$`)
	timeRange   = regexp.MustCompile(`^[0-9]{1,2}[.:][0-9]{2} ?- ?[0-9]{1,2}[.:][0-9]{2}$`)
	moneyBefore = regexp.MustCompile(`(?i)(kr\.?|nok|€|\$|£|eur|usd)\s?$`)
	moneyAfter2 = regexp.MustCompile(`(?i)^\s?(kr\b|kroner|nok\b|,-|euro|€|%|prosent|percent)`)
)

// PhoneMatch is a number found in text: where it is in the text as given,
// and its digits.
type PhoneMatch struct {
	Start, End int // byte offsets into the original text
	Digits     string
}

// FindPhones returns the phone numbers in text. known are the displayed
// numbers of the data (digits only); such a number is found even when short
// (112, 02800). Another number counts from five digits up when its groups
// are separated, from eight when written together; dates, year ranges,
// paragraph numbers (§ 53), law references (LOV-2021-06-11-79) and amounts
// (10 000 kr) are not numbers to call.
func FindPhones(text string, known []string) []PhoneMatch {
	// Most texts have no digit of any kind, and no phone number.
	if !strings.ContainsFunc(text, mayHoldDigit) {
		return nil
	}
	s, orig := NormalizeDigits(text)
	var out []PhoneMatch
	for _, m := range phoneCandidate.FindAllStringIndex(s, -1) {
		start, end := m[0], m[1]
		// Trailing separators belong to the sentence, not the number.
		num := strings.TrimRight(s[start:end], " .-/(")
		end = start + len(num)
		num = strings.TrimLeft(num, "(")
		if strings.Count(num, "(") != strings.Count(num, ")") {
			num = strings.Trim(num, "()")
		}
		digits := onlyDigits(num)
		before, after := s[:start], s[end:]
		if glued(before, after) {
			continue
		}
		isKnown := false
		for _, k := range known {
			if k != "" && (digits == k || digits == "47"+k || digits == "0047"+k) {
				isKnown = true
			}
		}
		grouped := strings.ContainsAny(num, " .-/()")
		phoneLike := len(digits) >= 5 && len(digits) <= 15 && (grouped || len(digits) >= 8 || strings.HasPrefix(num, "+"))
		if !isKnown && (!phoneLike || notAPhone(num, before, after)) {
			continue
		}
		out = append(out, PhoneMatch{Start: orig[start], End: orig[end], Digits: digits})
	}
	return out
}

// glued: the run is part of a larger token (a word, an address, a law
// reference, a decimal number, § 53).
func glued(before, after string) bool {
	if r, _ := utf8.DecodeLastRuneInString(before); r != utf8.RuneError {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || strings.ContainsRune("-/§#@=&%", r) {
			return true
		}
		// 3.815: a decimal number; "tlf.815…" and "tel:815…" stay numbers
		if r == '.' || r == ',' {
			if q, _ := utf8.DecodeLastRuneInString(before[:len(before)-1]); unicode.IsNumber(q) {
				return true
			}
		}
	}
	if strings.HasSuffix(strings.TrimRight(before, " "), "§") {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(after); r != utf8.RuneError {
		if unicode.IsLetter(r) || unicode.IsNumber(r) || strings.ContainsRune("/@%", r) {
			return true
		}
		// 1.5 or 2,5: a decimal number goes on after the dot or comma
		if (r == '.' || r == ',') && len(after) > 1 && after[1] >= '0' && after[1] <= '9' {
			return true
		}
	}
	return false
}

// notAPhone: the digits are a date, a range of years or an amount.
func notAPhone(num, before, after string) bool {
	if isoDate.MatchString(num) || dottedDate.MatchString(num) {
		return validDate(num)
	}
	if yearRange.MatchString(num) || timeRange.MatchString(num) {
		return true
	}
	return moneyBefore.MatchString(before) || moneyAfter2.MatchString(after)
}

func validDate(s string) bool {
	for _, layout := range []string{"2006-1-2", "2.1.2006", "2/1/2006", "2-1-2006"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}
