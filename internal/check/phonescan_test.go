package check

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// TestFindPhonesEveryWayOfWriting: one number, written every way a
// translator's keyboard or a word processor can write it, is found every
// time; the things the content really says with digits are not numbers.
func TestFindPhonesEveryWayOfWriting(t *testing.T) {
	known := []string{"112", "02800", "116006", "81555201"}
	found := []string{
		"Ring 815\u00a055\u00a0201.",       // no-break spaces
		"Ring 815\u2009 55\u202f201.",      // thin and narrow no-break spaces
		"Ring 815\u200b55\u200b201.",       // zero-width spaces
		"Ring 8\u200d1\u20605\u00ad55201.", // joiner, word joiner, soft hyphen
		"Ring 815.55.201.",                 // dots
		"Ring 815-55-201 or 815–55–201.",   // dashes
		"Ring 815 **55** 201.",             // emphasis (the text as Markdown leaves it)
		"Ring (+47) 815 55 201.",           // country code in brackets
		"Ring 0047 815 55 201.",            // international prefix
		"Ring +46 70 123 45 67.",           // a number not in the data
		"Ring ８１５ ５５ ２０１.",                 // fullwidth
		"Ring 𝟖𝟏𝟓 𝟓𝟓 𝟐𝟎𝟏.",                 // mathematical bold
		"اتصلي ٨١٥٥٥٢٠١",                   // Arabic-Indic
		"تماس ۸۱۵-۵۵-۲۰۱",                  // Persian, with dashes
		"फ़ोन ८१५ ५५ २०१",                  // Devanagari
		"ደውሉ ፩፩፪",                          // Ethiopic digits: 112
		"โทร ๘๑๕ ๕๕ ๒๐๑",                   // Thai
		"tlf.81555201",                     // glued to an abbreviation
		"tel:815 55 201",                   // after a colon
		"Ring 1 1 6 0 0 6.",                // spread out
		"Ring ¹¹²",                         // superscript
		"Ring 02800",                       // short number from the data
	}
	for _, s := range found {
		if got := FindPhones(s, known); len(got) == 0 {
			t.Errorf("%q: no number found", s)
		}
	}
	not := []string{
		"Siden 2018 gjelder det også svigerfamilien.",
		"Loven (LOV-2021-06-11-79) gjelder fra 1. januar 2022.",
		"Etter § 53 første ledd bokstav b og §§ 38 og 40.",
		"Du må være over 18 år, og kan bo der i 9 måneder.",
		"Gebyret er NOK 1 100, eller 11 000 kr, eller 11 000,- i året.",
		"Åpent 09:00–16:00 og kl. 09.00–16.00.",
		"Dato 2026-11-21, 29.11.2026, 1/2/2025.",
		"I 2019–2022 og 2019-20.",
		"3,5 prosent og 1.5 timer.",
	}
	for _, s := range not {
		if got := FindPhones(s, known); len(got) > 0 {
			t.Errorf("%q: found %q", s, s[got[0].Start:got[0].End])
		}
	}
}

// TestDigitRangesStartAtZero guards digitValue: every range of Unicode
// decimal digits in Go's tables is whole runs of ten, starting at a zero.
func TestDigitRangesStartAtZero(t *testing.T) {
	for _, r := range unicode.Nd.R16 {
		if r.Stride != 1 || (int(r.Hi)-int(r.Lo)+1)%10 != 0 {
			t.Errorf("Nd range %04X–%04X is not runs of ten", r.Lo, r.Hi)
		}
	}
	for _, r := range unicode.Nd.R32 {
		if r.Stride != 1 || (int(r.Hi)-int(r.Lo)+1)%10 != 0 {
			t.Errorf("Nd range %04X–%04X is not runs of ten", r.Lo, r.Hi)
		}
	}
}

// obfuscators are what can stand between two digits of a number without a
// reader seeing a different number.
var obfuscators = []string{"", " ", "\u00a0", "\u2009", "\u202f", "\u200b", "\u200c", "\u2060", "\u00ad", "**", "_", ".", "-", "–", "\u200e"}

// digitForms are the digits 0–9 in several scripts.
var digitForms = []rune{'0', '٠', '۰', '०', '০', '੦', '૦', '௦', '๐', '０', '𝟎'}

// FuzzPhoneObfuscated: a known number stays found whatever script its
// digits are in and whatever invisible or separating characters stand
// between them; and what is reported always lies inside the text.
func FuzzPhoneObfuscated(f *testing.F) {
	f.Add(uint64(0), uint8(0), "Ring ", " nå")
	f.Add(uint64(0x123456789), uint8(3), "اتصل ", "")
	f.Fuzz(func(t *testing.T, seps uint64, script uint8, before, after string) {
		const num = "81555201"
		var b strings.Builder
		zero := digitForms[int(script)%len(digitForms)]
		for i, d := range num {
			if i > 0 {
				b.WriteString(obfuscators[seps%uint64(len(obfuscators))])
				seps /= uint64(len(obfuscators))
			}
			b.WriteRune(zero + (d - '0'))
		}
		typed := b.String()
		// only text that leaves the number a word of its own
		if strings.ContainsFunc(before[max(0, len(before)-4):], func(r rune) bool { return r != ' ' }) ||
			strings.ContainsFunc(after[:min(len(after), 4)], func(r rune) bool { return r != ' ' }) {
			before, after = "Ring ", " nå"
		}
		s := before + typed + after
		got := FindPhones(s, []string{num})
		if len(got) == 0 {
			t.Fatalf("%q: number not found", s)
		}
		for _, m := range got {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End {
				t.Fatalf("%q: match %d–%d outside the text", s, m.Start, m.End)
			}
		}
	})
}

// TestMayHoldDigit guards FindPhones's shortcut: every character that
// NFKC folds into a digit 0–9 is one mayHoldDigit knows, so a text without
// one has no digit to find.
func TestMayHoldDigit(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF || mayHoldDigit(r) {
			continue
		}
		if strings.ContainsAny(norm.NFKC.String(string(r)), "0123456789") {
			t.Errorf("U+%04X folds to a digit but mayHoldDigit does not know it", r)
		}
	}
}
