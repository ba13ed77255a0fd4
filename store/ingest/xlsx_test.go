package ingest

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// workbook builds an XLSX in memory: rows from A1 down, then merges.
func workbook(t testing.TB, rows [][]any, merges ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range merges {
		a, b, _ := strings.Cut(m, ":")
		if err := f.MergeCell("Sheet1", a, b); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var xlsxHeader = []any{"STT", "Nội dung", "Lĩnh vực", "Thẩm quyền", "Ngày", "Tình trạng"}

func TestReadXLSX(t *testing.T) {
	b := workbook(t, [][]any{
		{"DANH SÁCH KIẾN NGHỊ CỬ TRI"},
		{},
		xlsxHeader,
		{1, "Sửa đường ĐT.612", "Giao thông", "Tỉnh", "05/01/2024", "Chưa giải quyết"},
		{2, "Lắp đèn cầu Nà Ca", "", "", 45000, ""},
		{3, "Nạo vét kênh", "nông nghiệp - thủy lợi", "xã", "2024-03-04", "answered"},
		{},
	}, "A1:F1", "C4:C5", "D4:D5")
	res, err := Read(bytes.NewReader(b), "a.xlsx", Options{})
	if err != nil {
		t.Fatal(err)
	}
	ps := res.Petitions
	if len(ps) != 3 {
		t.Fatalf("got %d rows: %+v", len(ps), ps)
	}
	if ps[0].Field != "giao thông" || ps[0].Authority != "tỉnh" || ps[0].RaisedAt != "2024-01-05" || ps[0].Status != "unresolved" {
		t.Errorf("row 1 = %+v", ps[0])
	}
	// C4:C5 and D4:D5 are merged: filled down
	if ps[1].Field != "giao thông" || ps[1].Authority != "tỉnh" || ps[1].RaisedAt != "2023-03-15" {
		t.Errorf("row 2 = %+v", ps[1])
	}
	if ps[2].Field != "nông nghiệp - thủy lợi" || ps[2].Status != "answered" {
		t.Errorf("row 3 = %+v", ps[2])
	}
	if !strings.HasPrefix(ps[0].ID, "IMP-") {
		t.Errorf("id %q", ps[0].ID)
	}
}

func TestReadXLSXErrors(t *testing.T) {
	tests := []struct {
		name   string
		rows   [][]any
		merges []string
		want   string
	}{
		{"empty sheet", nil, nil, "a.xlsx: Sheet1: the sheet is empty"},
		{"no header", [][]any{{"a", "b"}, {"c", "d"}}, nil, "a.xlsx: Sheet1 row 1: no header row names the column Nội dung (text)"},
		{"bad field", [][]any{xlsxHeader, {1, "x", "giao thông"}, {2, "y", "giao thong x"}}, nil,
			`a.xlsx: Sheet1!C3: Lĩnh vực: "giao thong x" is not one of giao thông`},
		{"bad date", [][]any{xlsxHeader, {1, "x", "", "", "32/01/2024"}}, nil, `a.xlsx: Sheet1!E2: Ngày: date "32/01/2024"`},
		{"empty text", [][]any{xlsxHeader, {1, "", "khác"}}, nil, "a.xlsx: Sheet1!B2: Nội dung: text is empty"},
		{"merged text", [][]any{xlsxHeader, {1, "x"}, {2, ""}}, []string{"B2:B3"},
			"a.xlsx: Sheet1!B2:B3: cells of column Nội dung (text) are merged across rows"},
		{"header merged into data", [][]any{xlsxHeader, {1, "x", "khác"}}, []string{"C1:C2"},
			"a.xlsx: Sheet1!C1:C2: merged cells join the header row 1"},
		{"duplicate id", [][]any{{"Mã", "Nội dung"}, {"K", "a"}, {"K", "b"}}, nil,
			`a.xlsx: Sheet1!A3: id "K" is already used by a different petition on row 2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(workbook(t, tt.rows, tt.merges...)), "a.xlsx", Options{})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not contain %q", err, tt.want)
			}
			var ie *Error
			if !errors.As(err, &ie) || ie.Sheet != "Sheet1" {
				t.Fatalf("error %#v does not name the sheet", err)
			}
		})
	}
}
