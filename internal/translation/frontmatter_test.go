package translation

import "testing"

func TestSetFields(t *testing.T) {
	hash := Field{Key: KeyHash, Value: "0123456789ab", Quote: true}
	how := Field{Key: KeyHow, Value: "human"}
	date := Field{Key: KeyDate, Value: "2026-05-01"}
	for _, tt := range []struct {
		name   string
		src    string
		fields []Field
		want   string
	}{
		{"new keys go last", "---\ntitle: \"T\"\ndescription: D\n---\nText.\n", []Field{hash, how},
			"---\ntitle: \"T\"\ndescription: D\nsource_hash: \"0123456789ab\"\ntranslation: human\n---\nText.\n"},
		{"existing keys are replaced where they are", "---\ntranslation: machine\ntitle: T\nsource_hash: \"aaaaaaaaaaaa\"\n---\nText.\n", []Field{hash, how, date},
			"---\ntranslation: human\ntitle: T\nsource_hash: \"0123456789ab\"\ntranslation_date: 2026-05-01\n---\nText.\n"},
		{"a value continued on the next lines", "---\ntitle: T\ntranslator: >\n  Long\n  Name\nhelp: [a]\n---\nText.\n", []Field{{Key: KeyTranslator, Value: "Ny", Quote: true}},
			"---\ntitle: T\ntranslator: \"Ny\"\nhelp: [a]\n---\nText.\n"},
		{"TOML", "+++\ntitle = \"T\"\ntranslation = \"machine\"\n+++\nText.\n", []Field{hash, how},
			"+++\ntitle = \"T\"\ntranslation = \"human\"\nsource_hash = \"0123456789ab\"\n+++\nText.\n"},
		{"windows line endings", "---\r\ntitle: T\r\n---\r\nText.\r\n", []Field{hash},
			"---\r\ntitle: T\r\nsource_hash: \"0123456789ab\"\r\n---\r\nText.\r\n"},
		{"a body with --- in it", "---\ntitle: T\n---\nText.\n\n---\n\nMore.\n", []Field{how},
			"---\ntitle: T\ntranslation: human\n---\nText.\n\n---\n\nMore.\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SetFields([]byte(tt.src), tt.fields)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("SetFields() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
