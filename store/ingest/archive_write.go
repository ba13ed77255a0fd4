package ingest

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"txct/store/model"
)

// WriteArchiveJSONL writes petitions as JSONL, one per line in the order
// given, with every field txct keeps: `txct import` on another laptop reads
// them back whole, and export → import → export gives the same bytes.
func WriteArchiveJSONL(w io.Writer, ps []model.Petition) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, p := range ps {
		if err := enc.Encode(jsonRow{ID: &p.ID, Text: &p.Text, Field: (*string)(&p.Field), Authority: (*string)(&p.Authority),
			Location: &p.Location, RaisedAt: &p.RaisedAt, Session: &p.Session, Body: &p.Body, AnsweredAt: &p.AnsweredAt,
			Ref: &p.Ref, Response: &p.Response, Status: (*string)(&p.Status), Source: &p.Source, Sitting: p.Sitting,
			Group: p.Group, Voters: p.Voters, Origin: p.Origin, ForwardedAt: p.ForwardedAt, EditedAt: p.EditedAt, Variants: p.Variants, Raises: p.Raises, SameDemand: p.SameDemand}); err != nil {
			return err
		}
		if buf.Len() > 1<<20 {
			if _, err := w.Write(buf.Bytes()); err != nil {
				return err
			}
			buf.Reset()
		}
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// TrackingSheet is the name of the tracking sheet's only sheet.
const TrackingSheet = "Theo dõi trả lời"

// trackingCols are the tracking sheet's columns: the petition, then the
// answer columns the competent bodies fill in. Every header is one the
// archive readers know, so the filled-in sheet imports as it comes back.
var trackingCols = []struct {
	c     col
	title string
	width float64
}{
	{colID, "Mã", 17}, {colText, "Nội dung", 60}, {colField, "Lĩnh vực", 18}, {colAuthority, "Thẩm quyền", 11},
	{colLocation, "Địa bàn", 16}, {colRaisedAt, "Ngày", 11}, {colSession, "Kỳ họp, hội nghị", 24},
	{colSameDemand, "Cùng nội dung với", 17},
	{colResponse, "Trả lời", 50}, {colBody, "Cơ quan trả lời", 22}, {colRef, "Số văn bản", 14},
	{colAnsweredAt, "Ngày trả lời", 12}, {colStatus, "Tình trạng", 20},
}

// TrackingAnswerFrom is the first answer column (1-based), for tests and
// for the sheet's shading.
const TrackingAnswerFrom = 9

// WriteTrackingSheet writes petitions as the tracking sheet sent to the
// competent bodies: one row per petition in the order given, the answer
// columns shaded for the bodies to fill in, the status a drop-down list of
// the allowed wordings. `txct answers import` reads it back. The output
// depends only on ps, so the same archive gives the same bytes.
func WriteTrackingSheet(w io.Writer, ps []model.Petition) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := TrackingSheet
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	font := &excelize.Font{Family: "Times New Roman", Size: 12}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Family: "Times New Roman", Size: 12},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
		Fill:      excelize.Fill{Type: "pattern", Color: []string{"DDE4F0"}, Pattern: 1}, Border: border})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		Border: border, NumFmt: 49}) // 49: text, so ids and dates stay as typed
	if err != nil {
		return err
	}
	answer, err := f.NewStyle(&excelize.Style{Font: font, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		Border: border, NumFmt: 49, Fill: excelize.Fill{Type: "pattern", Color: []string{"FFF8DC"}, Pattern: 1}})
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh)
	if err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	for i, c := range trackingCols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
	}
	hdr := make([]any, len(trackingCols))
	for i, c := range trackingCols {
		hdr[i] = excelize.Cell{StyleID: head, Value: c.title}
	}
	if err := sw.SetRow("A1", hdr, excelize.RowOpts{Height: 32}); err != nil {
		return err
	}
	row := make([]any, len(trackingCols))
	for n, p := range ps {
		vals := [numCols]string{colID: p.ID, colText: p.Text, colField: string(p.Field), colAuthority: string(p.Authority),
			colLocation: p.Location, colRaisedAt: p.RaisedAt, colSession: p.Session, colResponse: p.Response,
			colBody: p.Body, colRef: p.Ref, colAnsweredAt: p.AnsweredAt, colSameDemand: strings.Join(p.SameDemand, ", ")}
		if p.Status != "" {
			vals[colStatus] = p.Status.Label()
		}
		for i, c := range trackingCols {
			st := body
			if i+1 >= TrackingAnswerFrom {
				st = answer
			}
			row[i] = excelize.Cell{StyleID: st, Value: model.Safe(vals[c.c], true)}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if len(ps) > 0 {
		dv := excelize.NewDataValidation(true)
		last, _ := excelize.CoordinatesToCellName(len(trackingCols), len(ps)+1)
		first, _ := excelize.CoordinatesToCellName(len(trackingCols), 2)
		dv.Sqref = first + ":" + last
		labels := make([]string, len(model.Statuses))
		for i, s := range model.Statuses {
			labels[i] = s.Label()
		}
		if err := dv.SetDropList(labels); err != nil {
			return err
		}
		if err := f.AddDataValidation(sh, dv); err != nil {
			return err
		}
	}
	return f.Write(w)
}
