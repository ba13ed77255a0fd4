package ingest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"txct/store/model"
)

// excelizeSheet is what excelize reads from a workbook's first sheet: the
// name, the rows of its row iterator with raw values, and the merges.
func excelizeSheet(t *testing.T, data []byte) (string, [][]string, []cellRange) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetList()[0]
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var grid [][]string
	for rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		grid = append(grid, cells)
	}
	rows.Close()
	mcs, err := f.GetMergeCells(sheet, true)
	if err != nil {
		t.Fatal(err)
	}
	var merges []cellRange
	for _, m := range mcs {
		x1, y1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		x2, y2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		merges = append(merges, cellRange{x1, y1, x2, y2})
	}
	return sheet, grid, merges
}

// ownSheet is what readSheetXML reads from the same workbook.
func ownSheet(t *testing.T, data []byte) (string, [][]string, []cellRange) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	name, part, sstPart, err := firstSheet(zr)
	if err != nil {
		t.Fatal(err)
	}
	var sst []string
	if sstPart != "" {
		f, err := openPart(zr, sstPart)
		if err != nil {
			t.Fatal(err)
		}
		if sst, err = readStrings(f); err != nil {
			t.Fatal(err)
		}
	}
	f, err := openPart(zr, part)
	if err != nil {
		t.Fatal(err)
	}
	grid, merges, err := readSheetXML(f, sst)
	if err != nil {
		t.Fatal(err)
	}
	return name, grid, merges
}

func sameRows(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) || len(a[i]) > 0 && !reflect.DeepEqual(a[i], b[i]) {
			return false
		}
	}
	return true
}

// The sheet reader gives what excelize gives: shared and inline strings,
// rich text, formulas, numbers and booleans, gaps between rows and cells,
// characters XML escapes, merges, on a first sheet that is not the first
// part.
func TestSheetXMLAgreesWithExcelize(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	for _, name := range []string{"Khác", "Danh sách"} {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.MoveSheet("Danh sách", "Sheet1"); err != nil {
		t.Fatal(err)
	}
	sh := "Danh sách"
	set := func(cell string, v any) {
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "DANH SÁCH KIẾN NGHỊ")
	set("A3", "STT")
	set("B3", "Nội dung")
	set("D3", "Ngày")
	set("A4", 1)
	set("B4", "Sửa đường <ĐT.612> & cầu \"Bà Rén\"\r\nđoạn 2_x000D_ và _x005F_x0041_")
	set("D4", 45000.5)
	set("E4", true)
	set("A7", 2)
	set("B7", "  khoảng trắng giữ nguyên  ")
	set("AA7", "xa")
	if err := f.SetCellFormula(sh, "C7", "A7*2"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellRichText(sh, "B8", []excelize.RichTextRun{{Text: "Đề nghị "}, {Text: "đậm", Font: &excelize.Font{Bold: true}}, {Text: " tiếp"}}); err != nil {
		t.Fatal(err)
	}
	for _, m := range [][2]string{{"A1", "F1"}, {"C4", "C6"}, {"AA100", "AB120"}} {
		if err := f.MergeCell(sh, m[0], m[1]); err != nil {
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
	compare(t, buf.Bytes())

	// The stream writer's inline strings, as txct's own sheets are written.
	var tb bytes.Buffer
	ps := make([]model.Petition, 30)
	for i := range ps {
		ps[i] = model.Petition{ID: fmt.Sprintf("G-%d", i), Text: genText(i), Location: "xã Tân Thành", RaisedAt: "2024-05-01"}
		if i%3 == 0 {
			ps[i].Response = "Đã đưa vào kế hoạch & sẽ trả lời"
		}
	}
	ps[7].Text = "mã _x0041_ và _x005F_x0042_ <giữ> nguyên"
	if err := WriteTrackingSheet(&tb, ps); err != nil {
		t.Fatal(err)
	}
	compare(t, tb.Bytes())
}

func compare(t *testing.T, data []byte) {
	t.Helper()
	wn, wg, wm := excelizeSheet(t, data)
	gn, gg, gm := ownSheet(t, data)
	if gn != wn {
		t.Errorf("sheet %q, excelize %q", gn, wn)
	}
	if !sameRows(gg, wg) {
		t.Errorf("rows differ:\n got  %q\n want %q", gg, wg)
	}
	if !reflect.DeepEqual(gm, wm) {
		t.Errorf("merges %v, excelize %v", gm, wm)
	}
	if len(wg) == 0 {
		t.Error("nothing read")
	}
}

// A prefixed element counts; a tag inside a comment or CDATA does not, nor
// does cell text that only looks like one; CDATA in a cell is its text.
func TestSheetXMLMarkup(t *testing.T) {
	sheet := `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
		`<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>&lt;mergeCell ref="A1:A9"/&gt;</x:t></x:is></x:c>` +
		`<x:c r="C1" t="inlineStr"><x:is><x:t><![CDATA[a <b> & c]]>!</x:t><x:rPh><x:t>bỏ</x:t></x:rPh></x:is></x:c></x:row>` +
		`<!-- <row r="2"><c r="A2"><v>1</v></c></row> --><x:row r="3"><x:c><x:v>7</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>` +
		`</x:sheetData><!-- <mergeCell ref="B1:B9"/> --><x:mergeCells count="2"><x:mergeCell ref="C2:C4"/>` +
		`<mergeCell ref='E5'/></x:mergeCells></x:worksheet>`
	grid, merges, err := readSheetXML(strings.NewReader(sheet), []string{"chung"})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{`<mergeCell ref="A1:A9"/>`, "", "a <b> & c!"}, nil, {"7", "chung"}}
	if !sameRows(grid, want) {
		t.Errorf("rows %q, want %q", grid, want)
	}
	if wm := []cellRange{{3, 2, 3, 4}, {5, 5, 5, 5}}; !reflect.DeepEqual(merges, wm) {
		t.Errorf("merges %v, want %v", merges, wm)
	}
	if _, _, err := readSheetXML(strings.NewReader(`<sheetData><row><c t="s"><v>3</v></c></row></sheetData>`), nil); err == nil {
		t.Error("a shared string out of range was accepted")
	}
}

// FuzzSheetXML: any bytes as a sheet part read without a panic, and every
// row holds only cells placed by the rules (no row longer than the
// sheet's last column).
func FuzzSheetXML(f *testing.F) {
	f.Add(`<sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c t="inlineStr"><is><t>x&amp;y</t></is></c></row></sheetData><mergeCell ref="A1:B2"/>`)
	f.Add(`<x:sheetData><x:row><x:c r="XFD1"><x:f>1</x:f></x:c></x:row><![CDATA[<row>]]><!-- <c> --></x:sheetData>`)
	f.Fuzz(func(t *testing.T, data string) {
		grid, _, _ := readSheetXML(strings.NewReader(data), []string{"a"})
		for _, row := range grid {
			if len(row) > excelize.MaxColumns {
				t.Fatalf("row of %d cells", len(row))
			}
		}
	})
}
