package check

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// LIX (läsbarhetsindex) is the Scandinavian readability index:
// words per sentence + 100 × share of words longer than six letters.
// Under 30 is very easy, 30–40 easy (newspapers for everyone), over 50 hard.
type lixCounter struct {
	words, long, sentences int
}

var (
	wordRE     = regexp.MustCompile(`[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*`)
	sentenceRE = regexp.MustCompile(`[.!?:;]+(\s|$)`)
)

// block adds one paragraph, heading or list item. A block always ends a
// sentence, so a heading or a list item without a full stop counts as one.
func (l *lixCounter) block(s string) {
	words := wordRE.FindAllString(s, -1)
	if len(words) == 0 {
		return
	}
	l.words += len(words)
	for _, w := range words {
		if utf8.RuneCountInString(strings.Map(letterOnly, w)) > 6 {
			l.long++
		}
	}
	n := len(sentenceRE.FindAllString(strings.TrimSpace(s), -1))
	if !endsSentence(s) {
		n++
	}
	l.sentences += n
}

func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.ContainsRune(".!?:;", rune(s[len(s)-1]))
}

func letterOnly(r rune) rune {
	if r == '-' || r == '\'' || r == '’' {
		return -1
	}
	return r
}

func (l *lixCounter) value() float64 {
	if l.words == 0 || l.sentences == 0 {
		return 0
	}
	return float64(l.words)/float64(l.sentences) + 100*float64(l.long)/float64(l.words)
}

// LIX computes the readability index of plain text, one block per element.
func LIX(blocks ...string) float64 {
	var l lixCounter
	for _, b := range blocks {
		l.block(b)
	}
	return l.value()
}
