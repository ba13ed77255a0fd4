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

// Spreadsheet writes the remarks as XLSX: a title block (session, date,
// place, delegate group), then one row per remark with every field under a
// wrapped header that repeats on each printed page, filter buttons and
// frozen panes; printed on A4 landscape at a readable scale. A second sheet
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
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 14},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	info, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Times New Roman", Size: 12},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	cols := []struct {
		title string
		width float64
	}{{"STT", 5}, {"Nội dung", 40}, {"Cử tri", 16}, {"Địa chỉ", 16}, {"Loại", 8}, {"Lĩnh vực", 14},
		{"Thẩm quyền", 10}, {"Trả lời tại hội nghị", 27}, {"Lặp lại (mã, ngày nêu)", 14}, {"Gộp với ý kiến số", 8}}
	last, _ := excelize.ColumnNumberToName(len(cols))
	total := 0.0
	widths := make([]float64, len(cols))
	for i, c := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(SheetRemarks, name, name, c.width); err != nil {
			return err
		}
		total += c.width
		widths[i] = c.width
	}
	// The title block: what, when, where, who.
	s := &snap.Session
	block := []string{
		"DANH SÁCH Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI",
		meetingName(s),
		fmt.Sprintf("Ngày %s, từ %s đến %s; địa điểm: %s", shortDate(s.Date), clock(s.Start), clock(s.End), orDots(s.Place)),
		"Tổ đại biểu: " + orDots(s.DelegateGroup),
	}
	for i, t := range block {
		cell := fmt.Sprintf("A%d", i+1)
		if err := f.MergeCell(SheetRemarks, cell, fmt.Sprintf("%s%d", last, i+1)); err != nil {
			return err
		}
		if err := f.SetCellValue(SheetRemarks, cell, docx.Printable(t)); err != nil {
			return err
		}
		st := info
		if i == 0 {
			st = title
		}
		if err := f.SetCellStyle(SheetRemarks, cell, cell, st); err != nil {
			return err
		}
		if err := f.SetRowHeight(SheetRemarks, i+1, float64(wrappedLines(t, total))*17+3); err != nil {
			return err
		}
	}
	const headRow = 6
	headLines := 1
	for i, c := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetCellValue(SheetRemarks, fmt.Sprintf("%s%d", name, headRow), c.title); err != nil {
			return err
		}
		headLines = max(headLines, wrappedLines(c.title, c.width*0.9))
	}
	if err := f.SetCellStyle(SheetRemarks, fmt.Sprintf("A%d", headRow), fmt.Sprintf("%s%d", last, headRow), head); err != nil {
		return err
	}
	if err := f.SetRowHeight(SheetRemarks, headRow, float64(headLines)*16+4); err != nil {
		return err
	}
	rows := remarkRows(snap, sections(snap.Remarks))
	for i, x := range rows {
		merged := ""
		if x.mergedWith > 0 {
			merged = fmt.Sprint(x.mergedWith)
		}
		row := []any{i + 1, x.text, x.voter, x.address, x.kind, x.field, x.level, x.answer, x.ids, merged}
		for j, c := range row {
			if s, ok := c.(string); ok {
				row[j] = docx.Printable(s)
			}
		}
		r := headRow + 1 + i
		if err := f.SetSheetRow(SheetRemarks, fmt.Sprintf("A%d", r), &row); err != nil {
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
		if err := f.SetRowHeight(SheetRemarks, r, float64(lines)*15.5+2); err != nil {
			return err
		}
	}
	lastRow := headRow + max(1, len(rows))
	if len(rows) > 0 {
		if err := f.SetCellStyle(SheetRemarks, fmt.Sprintf("A%d", headRow+1), fmt.Sprintf("%s%d", last, lastRow), body); err != nil {
			return err
		}
		// Filter buttons through a table: excelize's AutoFilter marks the
		// sheet as filtered (filterMode) although nothing is hidden.
		no := false
		if err := f.AddTable(SheetRemarks, &excelize.Table{Range: fmt.Sprintf("A%d:%s%d", headRow, last, lastRow), Name: "YKienCuTri", ShowRowStripes: &no}); err != nil {
			return err
		}
	}
	if err := f.SetSheetDimension(SheetRemarks, fmt.Sprintf("A1:%s%d", last, lastRow)); err != nil {
		return err
	}
	if err := f.SetPanes(SheetRemarks, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: headRow, TopLeftCell: fmt.Sprintf("C%d", headRow+1), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	// The header row repeats at the top of every printed page.
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", SheetRemarks, headRow, headRow), Scope: SheetRemarks}); err != nil {
		return err
	}
	if err := printLandscape(f, SheetRemarks, widths); err != nil {
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
	countWidths := []float64{28}
	for range len(header) - 1 {
		countWidths = append(countWidths, 14)
	}
	if err := printLandscape(f, SheetCounts, countWidths); err != nil {
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

// printWidthPx is how many pixels of columns fit across A4 landscape
// between 10 mm margins: 277 mm is 1046 px at 96 dpi, but LibreOffice
// prints wider columns than that, so this is what it was measured to fit
// (a 175-unit sheet fits at 64 % and not at 68 %), less a margin.
const printWidthPx = 830

// columnPx is a column's width in pixels: a width unit is the default
// font's digit (7 px for Calibri 11, which excelize's workbook uses) plus
// 5 px of padding (ECMA-376 §18.3.1.13).
func columnPx(w float64) float64 { return w*7 + 5 }

// printLandscape prints the sheet on A4 landscape, its columns scaled to
// fit across the page but never below 70 %; longer sheets run on to more
// pages.
func printLandscape(f *excelize.File, sheet string, widths []float64) error {
	px := 0.0
	for _, w := range widths {
		px += columnPx(w)
	}
	scale := uint(min(100, max(70, int(printWidthPx*100/px)-1)))
	a4, landscape := 9, "landscape"
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, AdjustTo: &scale}); err != nil {
		return err
	}
	m, h, yes := 0.4, 0.3, true
	return f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m, Header: &h, Footer: &h, Horizontally: &yes})
}
