package ingest

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The merges read from the sheet's XML are the ones excelize finds, for a
// first sheet that is not the first part and has other sheets around it.
func TestSheetMergesAgreeWithExcelize(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for _, name := range []string{"Khác", "Danh sách"} {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
	}
	// "Danh sách" first: its part is sheet3.xml.
	if err := f.MoveSheet("Danh sách", "Sheet1"); err != nil {
		t.Fatal(err)
	}
	for _, m := range [][2]string{{"A1", "F1"}, {"C4", "C9"}, {"D4", "D5"}, {"AA100", "AB120"}} {
		if err := f.MergeCell("Danh sách", m[0], m[1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.MergeCell("Khác", "B2", "B3"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := sheetMerges(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	first := g.GetSheetList()[0]
	if first != "Danh sách" {
		t.Fatalf("first sheet %q", first)
	}
	mcs, err := g.GetMergeCells(first, true)
	if err != nil {
		t.Fatal(err)
	}
	var want []cellRange
	for _, m := range mcs {
		x1, y1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		x2, y2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		want = append(want, cellRange{x1, y1, x2, y2})
	}
	if len(want) != 4 || !reflect.DeepEqual(got, want) {
		t.Errorf("merges %v, excelize finds %v", got, want)
	}
}

// A prefixed mergeCell counts; one inside a comment or CDATA does not, nor
// does cell text that only looks like one.
func TestScanMerges(t *testing.T) {
	sheet := `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>&lt;mergeCell ref="A1:A9"/&gt;</x:t></x:is></x:c></x:row></x:sheetData>` +
		`<!-- <mergeCell ref="B1:B9"/> --><x:mergeCells count="2"><x:mergeCell ref="C2:C4"/>` +
		`<![CDATA[<mergeCell ref="D1:D9"/>]]><mergeCell ref='E5'/></x:mergeCells></x:worksheet>`
	got, err := scanMerges(strings.NewReader(sheet))
	if err != nil {
		t.Fatal(err)
	}
	want := []cellRange{{3, 2, 3, 4}, {5, 5, 5, 5}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
