package fileerr

import "testing"

func TestString(t *testing.T) {
	for _, tt := range []struct {
		e    Error
		want string
	}{
		{Error{File: "content/nb/help.md", Line: 3, Msg: "m"}, "content/nb/help.md:3: m"},
		{Error{File: "content/nb/help.md", Msg: "m"}, "content/nb/help.md: m"},
		{Error{Line: 2, Msg: "m"}, "line 2: m"},
		{Error{File: "a.md", Line: 1, Msg: "m", Warning: true}, "a.md:1: warning: m"},
	} {
		if got := tt.e.String(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.e, got, tt.want)
		}
		if got := (&tt.e).Error(); got != tt.want {
			t.Errorf("%+v: Error() %q, want %q", tt.e, got, tt.want)
		}
	}
}
