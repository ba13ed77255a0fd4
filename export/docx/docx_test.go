package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"
)

func sample() *Document {
	return &Document{Page: A4, Size: 28, PageNums: true, Title: `A & "B"`, Blocks: []Block{
		Para{Runs: []Run{{Text: "Tiếng Việt <có dấu> & \"ngoặc\"", Bold: true}, {Text: "dòng một\ndòng hai", Italic: true}}, Align: Justify, FirstLine: 567, After: 120, Line: 276},
		Rule(1000),
		Table{Widths: []int{4000, 5355}, Rows: [][]Cell{{{Width: 4000, Paras: []Para{{Runs: []Run{{Text: "trái"}}}}}, {Width: 5355}}}, KeepRows: true},
		NewSection{Page: A4.Landscape()},
		Table{Widths: []int{2000, 3000}, Borders: true, Header: 1, Rows: [][]Cell{{{Width: 2000}, {Width: 3000}}, {{Width: 5000, Span: 2}}}},
	}}
}

func TestPackageIsValid(t *testing.T) {
	var b bytes.Buffer
	if err := sample().Write(&b); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, _ := f.Open()
		d := xml.NewDecoder(rc)
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
		rc.Close()
	}
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml",
		"word/header1.xml", "word/header2.xml", "word/_rels/document.xml.rels"} {
		if !slices.Contains(names, want) {
			t.Errorf("package lacks %s (has %v)", want, names)
		}
	}
	var again bytes.Buffer
	sample().Write(&again)
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two writes of one document differ")
	}
}

func TestSections(t *testing.T) {
	x := sample().DocumentXML()
	if n := strings.Count(x, "<w:sectPr>"); n != 2 {
		t.Fatalf("%d sections, want 2", n)
	}
	first := x[strings.Index(x, "<w:sectPr>"):strings.Index(x, "</w:sectPr>")]
	last := x[strings.LastIndex(x, "<w:sectPr>"):]
	for _, want := range []string{`<w:pgSz w:w="11906" w:h="16838"/>`, `w:type="first"`, `<w:titlePg/>`, `w:top="1134" w:right="850" w:bottom="1134" w:left="1701"`} {
		if !strings.Contains(first, want) {
			t.Errorf("first section lacks %s: %s", want, first)
		}
	}
	if !strings.Contains(last, `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`) || strings.Contains(last, "titlePg") || !strings.Contains(last, `w:type="default"`) {
		t.Errorf("landscape section wrong: %s", last)
	}
	if !strings.Contains(x, `<w:trPr><w:cantSplit/></w:trPr>`) || !strings.Contains(x, `<w:tblHeader/>`) || !strings.Contains(x, `<w:gridSpan w:val="2"/>`) {
		t.Error("row properties missing")
	}
	if !strings.Contains(x, `<w:top w:val="nil"/>`) || !strings.Contains(x, `<w:insideV w:val="single"`) {
		t.Error("borderless and bordered tables not both present")
	}
}

func TestEscape(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"specials", `a<b>&"c'`, "a&lt;b&gt;&amp;&quot;c&apos;"},
		{"control", "a\x01b", "a\uFFFDb"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"control pictures", "x\u241b]52\u2407", "x[ESC]]52[BEL]"},
		{"del picture", "\u2421", "[DEL]"},
		{"vietnamese", "Đường ĐT.768", "Đường ĐT.768"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b strings.Builder
			escape(&b, c.in)
			if got := b.String(); got != c.want {
				t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

// A combining mark that opens a run joins the letter at the end of the run
// before it.
func TestKeepMarks(t *testing.T) {
	runs := keepMarks([]Run{{Text: "Ba", Bold: true}, {Text: "\u0300\u0323 tiếp"}})
	if runs[0].Text != "Ba\u0300\u0323" || runs[1].Text != " tiếp" {
		t.Errorf("marks not moved: %q %q", runs[0].Text, runs[1].Text)
	}
	plain := []Run{{Text: "a"}, {Text: "b"}}
	if got := keepMarks(plain); &got[0] != &plain[0] {
		t.Error("runs without leading marks were copied")
	}
}

func TestMM(t *testing.T) {
	for mm, tw := range map[float64]int{20: 1134, 25: 1417, 30: 1701, 35: 1984, 15: 850, 10: 567} {
		if MM(mm) != tw {
			t.Errorf("MM(%v) = %d, want %d", mm, MM(mm), tw)
		}
	}
}

func TestPrintable(t *testing.T) {
	if got := Printable("a\u241bb & <c>"); got != "a[ESC]b & <c>" {
		t.Errorf("Printable = %q", got)
	}
}

// Carried over from 5acc1e7: runs, rules and header references as written.
func TestDocumentXMLDetails(t *testing.T) {
	d := sample()
	d.Blocks = append(d.Blocks, Para{Runs: []Run{{Text: " & <thẻ>\tx", Underline: true, Size: 22}}})
	x := d.DocumentXML()
	for _, want := range []string{
		`<w:headerReference w:type="default" r:id="rIdHeader1"/><w:headerReference w:type="first" r:id="rIdHeader2"/>`,
		"<w:t xml:space=\"preserve\"> &amp; &lt;thẻ&gt;\tx</w:t>", // escaped, the composed ẻ whole, the tab kept
		`<w:br/>`,                                                     // the newline
		`w:lineRule="exact"`, `<w:ind w:left="1000" w:right="1000"/>`, // the rule
		`w:firstLine="567"`, `<w:u w:val="single"/><w:sz w:val="22"/>`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	d.PageNums = false
	if x := d.DocumentXML(); strings.Contains(x, "headerReference") || strings.Contains(x, "titlePg") {
		t.Error("header references without page numbers")
	}
}
