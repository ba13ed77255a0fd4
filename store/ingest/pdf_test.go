package ingest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The PDFs in testdata/report are the report layouts of report_test.go
// printed by LibreOffice; regenerate them with
//
//	TXCT_REGEN_PDF=1 go test -run TestReportLayoutsPDF ./store/ingest
func layoutPDF(t *testing.T, i int) []byte {
	t.Helper()
	name := filepath.Join("testdata", "report", fmt.Sprintf("layout%d.pdf", i+1))
	if os.Getenv("TXCT_REGEN_PDF") != "" {
		soffice, err := exec.LookPath("soffice")
		if err != nil {
			t.Fatal("soffice is needed to regenerate the PDFs")
		}
		dir := t.TempDir()
		src := filepath.Join(dir, fmt.Sprintf("layout%d.docx", i+1))
		if err := os.WriteFile(src, testDocx(t, reportLayouts[i].lines), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless",
			"--convert-to", "pdf", "--outdir", filepath.Dir(name), src).CombinedOutput()
		if err != nil {
			t.Fatalf("soffice: %v %s", err, out)
		}
	}
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestReportLayoutsPDF reads the layouts printed to PDF: the same items,
// with the same text, field, level, place, body and answer.
func TestReportLayoutsPDF(t *testing.T) {
	found, written := 0, 0
	for i, l := range reportLayouts {
		if l.name == "answer report as a table" {
			continue // tables are not rebuilt from a PDF
		}
		t.Run(l.name, func(t *testing.T) {
			written += len(l.items)
			rep, err := ReadReport(bytes.NewReader(layoutPDF(t, i)), "r.pdf", ReportOptions{})
			if err != nil {
				t.Fatal(err)
			}
			found += len(rep.Items)
			if rep.Answers != l.answers || rep.Session != l.session || rep.Date != l.date {
				t.Errorf("answers %v, session %q, date %q", rep.Answers, rep.Session, rep.Date)
			}
			if len(rep.Items) != len(l.items) {
				t.Fatalf("%d items found, %d written", len(rep.Items), len(l.items))
			}
			for k, w := range l.items {
				p := rep.Items[k].Petition
				// paragraph breaks inside an answer are not kept in a PDF
				w.answer = strings.ReplaceAll(w.answer, "\n", " ")
				p.Response = strings.ReplaceAll(p.Response, "\n", " ")
				if got := (want{p.Text, string(p.Field), string(p.Authority), p.Location, p.Body, p.Response}); got != w {
					t.Errorf("item %d:\n got %+v\nwant %+v", k+1, got, w)
				}
			}
		})
	}
	t.Logf("PDF: items found %d of %d written", found, written)
	if _, err := ReadReport(bytes.NewReader([]byte("%PDF-1.4\nnot really")), "bad.pdf", ReportOptions{}); err == nil {
		t.Error("a broken PDF was read")
	}
}

// BenchmarkReadReport60PagesPDF reads the 60-page report printed to PDF by
// LibreOffice (skipped without soffice).
func BenchmarkReadReport60PagesPDF(b *testing.B) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		b.Skip("soffice is not installed")
	}
	dir := b.TempDir()
	src := filepath.Join(dir, "big.docx")
	if err := os.WriteFile(src, sixtyPages(b), 0o600); err != nil {
		b.Fatal(err)
	}
	if out, err := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless",
		"--convert-to", "pdf", "--outdir", dir, src).CombinedOutput(); err != nil {
		b.Fatalf("soffice: %v %s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "big.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		rep, err := ReadReport(bytes.NewReader(data), "big.pdf", ReportOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(rep.Items) != 3*14*11 {
			b.Fatalf("%d items", len(rep.Items))
		}
	}
}
