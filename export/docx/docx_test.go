package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

func sample() *Document {
	return &Document{Page: A4, Font: "Times New Roman", Size: 28, PageNums: true, Title: "Thử <&>",
		Blocks: []Block{
			Para{Runs: []Run{{Text: "BIÊN BẢN", Bold: true}}, Align: Center},
			Rule(1000),
			Para{Runs: []Run{{Text: "Dòng một\nDòng hai", Italic: true}, {Text: " & <thẻ>", Underline: true, Size: 22}}, FirstLine: 567, After: 120, Line: 276},
			Table{Widths: []int{3000, 6000}, Borders: true, Header: 1, Rows: [][]Cell{
				{{Width: 3000, Paras: []Para{{Runs: []Run{{Text: "STT"}}}}}, {Width: 6000}},
				{{Width: 9000, Span: 2, Paras: []Para{{Runs: []Run{{Text: "gộp"}}}}}},
			}},
		}}
}

func TestWriteIsValidAndDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := sample().Write(&a); err != nil {
		t.Fatal(err)
	}
	sample().Write(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes of one document differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
		rc, _ := f.Open()
		dec := xml.NewDecoder(rc)
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s does not parse: %v", f.Name, err)
			}
		}
		rc.Close()
	}
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/header1.xml", "word/header2.xml", "word/_rels/document.xml.rels"} {
		if !names[want] {
			t.Errorf("package lacks %s", want)
		}
	}
}

func TestDocumentXML(t *testing.T) {
	x := sample().DocumentXML()
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,
		`<w:headerReference w:type="default" r:id="rIdHeader1"/><w:headerReference w:type="first" r:id="rIdHeader2"/>`,
		`<w:titlePg/>`,
		`<w:t xml:space="preserve"> &amp; &lt;thẻ&gt;</w:t>`, // escaped, and the composed ẻ kept whole
		`<w:br/>`,                                                     // the newline
		`w:lineRule="exact"`, `<w:ind w:left="1000" w:right="1000"/>`, // the rule
		`<w:gridSpan w:val="2"/>`, `<w:tblHeader/>`, `w:firstLine="567"`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	d := sample()
	d.PageNums = false
	if strings.Contains(d.DocumentXML(), "headerReference") {
		t.Error("header references without page numbers")
	}
}

func TestEscapeDropsWhatXMLCannotCarry(t *testing.T) {
	cases := map[string]string{
		"a<b>&\"'":        "a&lt;b&gt;&amp;&quot;&apos;",
		"bell\x07esc\x1b": "bell\uFFFDesc\uFFFD",
		"bad\xffutf8":     "bad\uFFFDutf8",
		"tab\tok":         "tab\tok",
		"Việt":            "Việt",
	}
	for in, want := range cases {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMM(t *testing.T) {
	for mm, tw := range map[float64]int{20: 1134, 30: 1701, 15: 850, 25: 1417, 35: 1984} {
		if got := MM(mm); got != tw {
			t.Errorf("MM(%v) = %d, want %d (domain.md §9)", mm, got, tw)
		}
	}
}
