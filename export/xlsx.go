package export

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"txct/export/docx"
	"txct/store/model"
)

// Sheet names of the spreadsheet.
const (
	SheetRemarks = "Ý kiến cử tri"
	SheetCounts  = "Thống kê"
)

// Spreadsheet writes the remarks as XLSX: one row per remark with every
// field, a bold header, frozen panes and readable widths; a second sheet
// counts remarks (after merging) by level × field, with totals that add up.
func Spreadsheet(w io.Writer, snap model.Snapshot, o Options) error {
	if _, err := o.prepare(); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetRemarks); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Fill:      excelize.Fill{Type: "pattern", Color: []string{"DDE4F0"}, Pattern: 1},
		Border:    borders()})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: borders()})
	if err != nil {
		return err
	}
	cols := []struct {
		title string
		width float64
	}{{"STT", 6}, {"Nội dung", 60}, {"Cử tri", 22}, {"Địa chỉ", 16}, {"Loại", 11}, {"Lĩnh vực", 20},
		{"Thẩm quyền", 13}, {"Trả lời tại chỗ", 40}, {"Lặp lại (mã, ngày nêu)", 24}, {"Gộp với ý kiến số", 10}}
	for i, c := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(SheetRemarks, name, name, c.width); err != nil {
			return err
		}
		if err := f.SetCellValue(SheetRemarks, name+"1", c.title); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	if err := f.SetCellStyle(SheetRemarks, "A1", last+"1", head); err != nil {
		return err
	}
	pos := map[uint64]int{}
	for i, r := range snap.Remarks {
		pos[r.ID] = i + 1
	}
	for i, r := range snap.Remarks {
		v := remarkRow(i, r, snap.Petitions)
		typ := "Kiến nghị"
		if r.Type == model.TypeOpinion {
			typ = "Ý kiến"
		}
		merged := ""
		if r.MergedInto != 0 && pos[r.MergedInto] > 0 {
			merged = fmt.Sprint(pos[r.MergedInto])
		}
		row := []any{i + 1, v[1], v[2], v[3], typ, v[4], v[5], v[6], v[7], merged}
		for j, c := range row {
			if s, ok := c.(string); ok {
				row[j] = docx.Printable(s)
			}
		}
		cell := fmt.Sprintf("A%d", i+2)
		if err := f.SetSheetRow(SheetRemarks, cell, &row); err != nil {
			return err
		}
		// Spreadsheet programs do not all grow wrapped rows by themselves
		// (LibreOffice keeps the default height), so set it from the text.
		lines := 1
		for j, c := range cols {
			if s, ok := row[j].(string); ok {
				lines = max(lines, wrappedLines(s, c.width))
			}
		}
		if err := f.SetRowHeight(SheetRemarks, i+2, float64(lines)*15.5+2); err != nil {
			return err
		}
	}
	if n := len(snap.Remarks); n > 0 {
		if err := f.SetCellStyle(SheetRemarks, "A2", fmt.Sprintf("%s%d", last, n+1), body); err != nil {
			return err
		}
	}
	if err := f.SetPanes(SheetRemarks, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"}); err != nil {
		return err
	}
	if err := f.AutoFilter(SheetRemarks, "A1:"+last+fmt.Sprint(max(1, len(snap.Remarks))+1), nil); err != nil {
		return err
	}
	if err := printLandscape(f, SheetRemarks); err != nil {
		return err
	}
	if err := countsSheet(f, snap, head, body); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

func borders() []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "top", "right", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: "999999", Style: 1})
	}
	return b
}

// countsSheet is the level × field table, counted after merging.
func countsSheet(f *excelize.File, snap model.Snapshot, head, body int) error {
	if _, err := f.NewSheet(SheetCounts); err != nil {
		return err
	}
	grid := map[model.Field]map[model.Authority]int{}
	used := map[model.Authority]bool{}
	for _, it := range items(snap.Remarks) {
		fl := fieldOf(it.lead)
		if grid[fl] == nil {
			grid[fl] = map[model.Authority]int{}
		}
		grid[fl][levelOf(it.lead)]++
		used[levelOf(it.lead)] = true
	}
	// The three current levels always; the legacy huyện and "unclassified"
	// only when some remark has them.
	var levels []model.Authority
	for _, a := range append(append([]model.Authority{}, model.AllAuthorities...), "") {
		if slices.Contains(model.Authorities, a) || used[a] {
			levels = append(levels, a)
		}
	}
	header := []any{"Lĩnh vực"}
	for _, a := range levels {
		header = append(header, levelTitle(a))
	}
	header = append(header, "Tổng")
	if err := f.SetSheetRow(SheetCounts, "A1", &header); err != nil {
		return err
	}
	colTotals := make([]int, len(levels))
	grand := 0
	for i, fl := range model.Fields {
		row := []any{string(fl)}
		sum := 0
		for j, a := range levels {
			n := grid[fl][a]
			row = append(row, n)
			sum += n
			colTotals[j] += n
		}
		grand += sum
		row = append(row, sum)
		if err := f.SetSheetRow(SheetCounts, fmt.Sprintf("A%d", i+2), &row); err != nil {
			return err
		}
	}
	total := []any{"Tổng"}
	for _, n := range colTotals {
		total = append(total, n)
	}
	total = append(total, grand)
	lastRow := len(model.Fields) + 2
	if err := f.SetSheetRow(SheetCounts, fmt.Sprintf("A%d", lastRow), &total); err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(header))
	if err := f.SetCellStyle(SheetCounts, "A1", last+"1", head); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetCounts, "A2", fmt.Sprintf("%s%d", last, lastRow-1), body); err != nil {
		return err
	}
	if err := f.SetCellStyle(SheetCounts, fmt.Sprintf("A%d", lastRow), fmt.Sprintf("%s%d", last, lastRow), head); err != nil {
		return err
	}
	if err := f.SetColWidth(SheetCounts, "A", "A", 28); err != nil {
		return err
	}
	b, _ := excelize.ColumnNumberToName(2)
	if err := f.SetColWidth(SheetCounts, b, last, 14); err != nil {
		return err
	}
	if err := printLandscape(f, SheetCounts); err != nil {
		return err
	}
	return f.SetPanes(SheetCounts, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"})
}

// levelTitle is a level as a column title: levelName capitalised, with a
// short form for the legacy district.
func levelTitle(a model.Authority) string {
	if a == model.AuthDistrict {
		return "Huyện (cũ)"
	}
	n := levelName(a)
	r, size := utf8.DecodeRuneInString(n)
	return string(unicode.ToUpper(r)) + n[size:]
}

// wrappedLines estimates how many lines s takes in a column of width
// characters (12 pt Times New Roman fits about 1.1 characters per unit).
func wrappedLines(s string, width float64) int {
	per := int(width * 1.1)
	if per < 1 {
		per = 1
	}
	n := 0
	for _, para := range strings.Split(s, "\n") {
		n += max(1, (utf8.RuneCountInString(para)+per-1)/per)
	}
	return min(n, 30)
}

// printLandscape prints the sheet on A4 landscape, one page wide.
func printLandscape(f *excelize.File, sheet string) error {
	a4, landscape, one, tall := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	return f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
}
