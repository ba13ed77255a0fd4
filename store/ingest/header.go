package ingest

import (
	"strings"

	"txct/store/match"
)

// col is one archive column, in FORMAT.md order plus the optional ones.
type col int

const (
	colID col = iota
	colText
	colField
	colAuthority
	colLocation
	colRaisedAt
	colSession
	colBody
	colAnsweredAt
	colRef
	colResponse
	colStatus
	colSource
	colSameDemand
	numCols
)

// record holds one row's raw values by column.
type record [numCols]string

// colKeys are the FORMAT.md (JSONL) names of the columns.
var colKeys = [numCols]string{
	"id", "text", "field", "authority", "location", "raised_at", "session",
	"body", "answered_at", "ref", "response", "status", "source", "same_demand",
}

// colLabels are the Vietnamese headers, as printed in error messages.
var colLabels = [numCols]string{
	"Mã", "Nội dung", "Lĩnh vực", "Thẩm quyền", "Địa bàn", "Ngày", "Kỳ họp",
	"Cơ quan trả lời", "Ngày trả lời", "Số văn bản", "Trả lời", "Tình trạng", "Nguồn", "Cùng nội dung với",
}

// colAliases lists further headers seen in office spreadsheets. Every alias
// and every header is compared folded (see fold).
var colAliases = map[col][]string{
	colID:         {"ma kien nghi", "ma so", "ma ho so"},
	colText:       {"noi dung kien nghi", "noi dung y kien", "y kien, kien nghi", "kien nghi"},
	colField:      {"linh vuc kien nghi"},
	colAuthority:  {"tham quyen giai quyet", "cap giai quyet", "cap tham quyen"},
	colLocation:   {"dia diem", "dia phuong", "dia chi"},
	colRaisedAt:   {"ngay neu", "ngay kien nghi", "ngay tiep nhan", "raised at"},
	colSession:    {"ky hop, hoi nghi", "dot tiep xuc", "hoi nghi"},
	colBody:       {"co quan giai quyet", "don vi tra loi", "answering body"},
	colAnsweredAt: {"answered at"},
	colRef:        {"so van ban tra loi", "van ban tra loi"},
	colResponse:   {"noi dung tra loi", "ket qua tra loi", "ket qua giai quyet"},
	colStatus:     {"trang thai", "ket qua"},
	colSource:     {"nguon goc"},
	colSameDemand: {"cung kien nghi voi", "trung noi dung voi", "same demand as"},
}

// headerIndex maps a folded header to its column.
var headerIndex = func() map[string]col {
	m := make(map[string]col)
	for c := col(0); c < numCols; c++ {
		m[foldKey(colKeys[c])] = c
		m[foldKey(strings.ReplaceAll(colKeys[c], "_", " "))] = c
		m[foldKey(colLabels[c])] = c
		for _, a := range colAliases[c] {
			m[foldKey(a)] = c
		}
	}
	return m
}()

// colName is how an error names column c: "Lĩnh vực (field)".
func colName(c col) string { return colLabels[c] + " (" + colKeys[c] + ")" }

// headerMap is where each column sits in a row; -1 when absent.
type headerMap [numCols]int

// mapHeader matches header cells to columns. Unknown headers are ignored,
// like unknown JSONL keys. It returns the column index of a repeated header
// (dup >= 0) or the first missing required column (text).
func mapHeader(cells []string) (h headerMap, dup int, missing []col) {
	for i := range h {
		h[i] = -1
	}
	dup = -1
	for i, cell := range cells {
		c, ok := headerIndex[foldKey(cell)]
		if !ok {
			continue
		}
		if h[c] >= 0 && dup < 0 {
			dup = i
			continue
		}
		h[c] = i
	}
	if h[colText] < 0 {
		missing = append(missing, colText)
	}
	return h, dup, missing
}

// foldKey folds s for label lookups: folded as the matcher folds
// (match.Fold), runs of spaces collapsed to one and trimmed, and the dashes
// and the spaces around "-" and "," do not count, so "Nông nghiệp-Thủy lợi"
// and "nong nghiep – thuy loi" are the same key.
func foldKey(s string) string {
	f := strings.Join(strings.Fields(match.Fold(s)), " ")
	f = strings.NewReplacer("–", "-", "—", "-", "‐", "-").Replace(f)
	f = strings.ReplaceAll(f, " - ", "-")
	f = strings.ReplaceAll(f, " -", "-")
	f = strings.ReplaceAll(f, "- ", "-")
	f = strings.ReplaceAll(f, " ,", ",")
	return strings.TrimSuffix(strings.TrimSuffix(f, ":"), ".")
}
