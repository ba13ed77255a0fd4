package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/xuri/excelize/v2"

	"txct/store/model"
)

func opts() Options {
	return Options{Today: today, SentTo: "Thường trực HĐND tỉnh Đồng Nai", SignerName: "Nguyễn Văn Hùng"}
}

func TestGoldenDocuments(t *testing.T) {
	snap := example()
	t.Run("minutes", func(t *testing.T) { golden.RequireEqual(t, []byte(MinutesXML(snap, opts()))) })
	t.Run("report", func(t *testing.T) { golden.RequireEqual(t, []byte(ReportXML(snap, opts()))) })
	t.Run("markdown", func(t *testing.T) {
		var b bytes.Buffer
		if err := Markdown(&b, snap, opts()); err != nil {
			t.Fatal(err)
		}
		golden.RequireEqual(t, b.Bytes())
	})
	t.Run("sheet1", func(t *testing.T) { golden.RequireEqual(t, sheetXML(t, snap, "xl/worksheets/sheet1.xml")) })
	t.Run("sheet2", func(t *testing.T) { golden.RequireEqual(t, sheetXML(t, snap, "xl/worksheets/sheet2.xml")) })
}

func sheetXML(t *testing.T, snap model.Snapshot, part string) []byte {
	var b bytes.Buffer
	if err := Spreadsheet(&b, snap, opts()); err != nil {
		t.Fatal(err)
	}
	return zipPart(t, b.Bytes(), part)
}

func zipPart(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, _ := f.Open()
			defer rc.Close()
			b, _ := io.ReadAll(rc)
			return b
		}
	}
	t.Fatalf("no %s in the package", name)
	return nil
}

// Every part of every DOCX parses as XML, and the layout is the decree's.
func TestDocxValidAndLaidOut(t *testing.T) {
	snap := example()
	for name, fn := range map[string]func(io.Writer, model.Snapshot, Options) error{"minutes": Minutes, "report": Report} {
		var b bytes.Buffer
		if err := fn(&b, snap, opts()); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
		if err != nil {
			t.Fatalf("%s: not a zip: %v", name, err)
		}
		for _, f := range zr.File {
			rc, _ := f.Open()
			d := xml.NewDecoder(rc)
			for {
				if _, err := d.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("%s %s: %v", name, f.Name, err)
				}
			}
			rc.Close()
		}
		doc := string(zipPart(t, b.Bytes(), "word/document.xml"))
		for _, want := range []string{`<w:pgSz w:w="11906" w:h="16838"/>`, `w:top="1134"`, `w:bottom="1134"`, `w:left="1701"`, `w:right="850"`,
			`<w:titlePg/>`, `w:type="first"`, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", `w:firstLine="567"`} {
			if !strings.Contains(doc, want) {
				t.Errorf("%s: document.xml lacks %s", name, want)
			}
		}
		if hdr := string(zipPart(t, b.Bytes(), "word/header1.xml")); !strings.Contains(hdr, " PAGE ") || !strings.Contains(hdr, `w:val="center"`) {
			t.Errorf("%s: no centred page number: %s", name, hdr)
		}
		styles := string(zipPart(t, b.Bytes(), "word/styles.xml"))
		if !strings.Contains(styles, `w:ascii="Times New Roman"`) || !strings.Contains(styles, `<w:sz w:val="28"/>`) {
			t.Errorf("%s: default font is not Times New Roman 14 pt", name)
		}
	}
}

// No control, escape or bidi character reaches any output.
func TestNoEscapeSequencesInOutput(t *testing.T) {
	snap := example()
	outs := map[string]string{"minutes": MinutesXML(snap, opts()), "report": ReportXML(snap, opts())}
	var md bytes.Buffer
	Markdown(&md, snap, opts())
	outs["markdown"] = md.String()
	outs["sheet"] = string(sheetXML(t, snap, "xl/worksheets/sheet1.xml")) + string(sheetXML(t, snap, "xl/sharedStrings.xml"))
	for name, s := range outs {
		for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
		if !strings.Contains(s, "␛]52;c;aGk=␇") {
			t.Errorf("%s: the hostile text is not shown inert", name)
		}
	}
}

func TestReportCountsAddUp(t *testing.T) {
	snap := example()
	c := Count(snap)
	byLevel, byField := 0, 0
	for _, n := range c.ByLevel {
		byLevel += n
	}
	for _, n := range c.ByField {
		byField += n
	}
	if byLevel != c.AfterMerge || byField != c.AfterMerge || c.AfterMerge != c.Remarks-1 {
		t.Fatalf("counts: %+v (by level %d, by field %d)", c, byLevel, byField)
	}
	rep := ReportXML(snap, opts())
	if !strings.Contains(rep, "2 lượt cử tri") {
		t.Error("the merged group is not shown once with its count")
	}
	if !strings.Contains(rep, "(kiến nghị lặp lại)") || !strings.Contains(rep, "): cử tri đã nêu ngày") {
		t.Error("no repeat marker citing the earlier petition")
	}
	// The spreadsheet's count sheet has the same total.
	var b bytes.Buffer
	Spreadsheet(&b, snap, opts())
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(SheetCounts)
	last := rows[len(rows)-1]
	if last[0] != "Tổng" || last[len(last)-1] != strconv.Itoa(c.AfterMerge) {
		t.Errorf("count sheet total row %v, want %d", last, c.AfterMerge)
	}
	remarks, _ := f.GetRows(SheetRemarks)
	if len(remarks) != c.Remarks+1 {
		t.Errorf("%d spreadsheet rows for %d remarks", len(remarks)-1, c.Remarks)
	}
}

func TestEmptySession(t *testing.T) {
	snap := model.Snapshot{Session: model.Session{Title: "TXCT", Kind: model.KindOther, Date: "2026-11-20", Place: "Nhà văn hóa"}}
	for _, xmlDoc := range []string{MinutesXML(snap, opts()), ReportXML(snap, opts())} {
		if !strings.Contains(xmlDoc, "Không có ý kiến, kiến nghị nào") {
			t.Error("an empty session does not say so")
		}
	}
	dir := t.TempDir()
	files, err := WriteFiles(dir, snap, Formats, opts())
	if err != nil || len(files) != 4 {
		t.Fatalf("%v %v", files, err)
	}
}

func TestWriteFiles(t *testing.T) {
	snap := example()
	dir := t.TempDir()
	files, err := WriteFiles(dir, snap, []string{"docx", "md"}, opts())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"bien-ban-2026-11-20-tan-thanh.docx", "bao-cao-tong-hop-2026-11-20-tan-thanh.docx", "bien-ban-bao-cao-2026-11-20-tan-thanh.md"}
	for i, f := range files {
		if filepath.Base(f) != want[i] {
			t.Errorf("file %d named %s, want %s", i, filepath.Base(f), want[i])
		}
		if fi, _ := os.Stat(f); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", f, fi.Mode().Perm())
		}
	}
	again, _ := WriteFiles(dir, snap, []string{"md"}, opts())
	if filepath.Base(again[0]) != "bien-ban-bao-cao-2026-11-20-tan-thanh-2.md" {
		t.Errorf("second export named %s, want a -2 suffix", again[0])
	}
	forced, _ := WriteFiles(dir, snap, []string{"md"}, Options{Today: today, Force: true})
	if filepath.Base(forced[0]) != "bien-ban-bao-cao-2026-11-20-tan-thanh.md" {
		t.Errorf("--force wrote %s", forced[0])
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".txct-export-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
	if _, err := WriteFiles(filepath.Join(dir, "nope"), snap, []string{"md"}, opts()); !errors.Is(err, ErrNoFolder) || !strings.Contains(err.Error(), "nope") {
		t.Errorf("missing folder: %v", err)
	}
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o500)
	if os.Geteuid() != 0 { // root writes anywhere
		if _, err := WriteFiles(ro, snap, []string{"md"}, opts()); err == nil || !errors.Is(err, ErrNotWritable) {
			t.Errorf("read-only folder: %v", err)
		}
	}
	if _, err := WriteFiles(dir, snap, []string{"pdf"}, opts()); err == nil {
		t.Error("unknown format accepted")
	}
	if _, err := WriteFiles(dir, snap, []string{"md"}, Options{Margins: Margins{Top: 10, Bottom: 20, Left: 30, Right: 15}}); err == nil {
		t.Error("a margin outside the decree's range was accepted")
	}
}

func TestDateLine(t *testing.T) {
	cases := map[string]string{
		"2027-01-05": "Tân Thành, ngày 05 tháng 01 năm 2027",
		"2027-02-28": "Tân Thành, ngày 28 tháng 02 năm 2027",
		"2026-06-29": "Tân Thành, ngày 29 tháng 6 năm 2026",
		"2026-11-09": "Tân Thành, ngày 09 tháng 11 năm 2026",
	}
	for iso, want := range cases {
		d, _ := model.ParseDate(iso)
		if got := dateLine("Tân Thành", d); got != want {
			t.Errorf("%s: %q, want %q", iso, got, want)
		}
	}
}

// BenchmarkExportAll300 writes a 300-remark session to all three formats.
func BenchmarkExportAll300(b *testing.B) {
	snap := example()
	base := snap.Remarks
	for len(snap.Remarks) < 300 {
		r := base[len(snap.Remarks)%len(base)]
		r.ID = uint64(10000 + len(snap.Remarks))
		r.MergedInto = 0
		snap.Remarks = append(snap.Remarks, r)
	}
	for b.Loop() {
		for _, fn := range []func(io.Writer, model.Snapshot, Options) error{Minutes, Report, Spreadsheet, Markdown} {
			if err := fn(io.Discard, snap, opts()); err != nil {
				b.Fatal(err)
			}
		}
	}
}
