package ingest

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"txct/store/model"
)

// A past report as a document: a summary report (báo cáo tổng hợp ý kiến,
// kiến nghị cử tri) or an answer report (báo cáo kết quả giải quyết, trả
// lời kiến nghị cử tri). Its petitions are numbered items under level
// headings ("Thuộc thẩm quyền Trung ương / tỉnh / huyện / xã") and field
// headings ("Lĩnh vực giao thông", "a) Giao thông", "1. Về đất đai"); an
// answer report puts each answer under its item ("Trả lời:", "Sở Giao
// thông vận tải trả lời:"). Reports that keep their items in a table with
// a header row (STT, Nội dung kiến nghị, Trả lời…) are read by the
// archive's column names.

// ReportOptions tunes ReadReport.
type ReportOptions struct {
	// Session and Date (YYYY-MM-DD) replace what the title and the date
	// line say; set them when the document lacks them.
	Session, Date string
}

// Report is what ReadReport understood of a document.
type Report struct {
	// Answers is true for an answer report (its title speaks of answers
	// or of results of settling petitions).
	Answers bool
	Title   string
	Session string
	Date    string
	Items   []ReportItem
}

// ReportItem is one petition of the report and where it starts.
type ReportItem struct {
	No       int
	Para     int // 1-based paragraph (or table row) where it starts
	Petition model.Petition
}

// ReadReportFile reads the report at path.
func ReadReportFile(path string, opt ReportOptions) (*Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadReport(f, filepath.Base(path), opt)
}

// ReadReport reads a DOCX or PDF report. It returns every petition or an *Error
// that says where the structure was lost; nothing is returned in part.
func ReadReport(r io.Reader, name string, opt ReportOptions) (*Report, error) {
	data, err := readAllLimited(r, name, "document")
	if err != nil {
		return nil, err
	}
	blocks, err := readReportBlocks(data)
	if err != nil {
		return nil, &Error{File: name, Err: err}
	}
	rep, err := structure(blocks, name)
	if err != nil {
		return nil, err
	}
	if opt.Session != "" {
		rep.Session = opt.Session
	}
	if opt.Date != "" {
		v := &validator{lenientDates: true}
		d, err := v.date(opt.Date)
		if err != nil {
			return nil, &Error{File: name, Err: err}
		}
		rep.Date = d
	}
	v := &validator{}
	for i := range rep.Items {
		p := &rep.Items[i].Petition
		p.Session, p.RaisedAt = rep.Session, rep.Date
		if rep.Answers {
			p.AnsweredAt = rep.Date
			p.RaisedAt = ""
		}
		rec := record{}
		rec[colText], rec[colLocation], rec[colBody], rec[colResponse] = p.Text, p.Location, p.Body, p.Response
		rec[colSession], rec[colRaisedAt], rec[colAnsweredAt] = p.Session, p.RaisedAt, p.AnsweredAt
		rec[colField], rec[colAuthority] = string(p.Field), string(p.Authority)
		if p.Response != "" {
			rec[colStatus] = string(model.StatusAnswered)
		}
		q, cerr := v.petition(&rec)
		if cerr != nil {
			return nil, &Error{File: name, Line: rep.Items[i].Para, Err: errorf("item %d: %s: %w", rep.Items[i].No, colKeys[cerr.col], cerr.err)}
		}
		q.Source = name
		*p = q
	}
	return rep, nil
}

var (
	romanRe  = regexp.MustCompile(`^(?i)(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)[.)/]\s*(\S.*)$`)
	letterRe = regexp.MustCompile(`^([a-zđA-ZĐ])[).]\s+(\S.*)$`)
	numRe    = regexp.MustCompile(`^(?:(?i:câu|kiến nghị|ý kiến|nội dung|kn)\s*)?(\d{1,3})(?:\.\d{1,3})*\s*[.):/-]\s*(\S.*)$`)
	dateRe   = regexp.MustCompile(`ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})`)
	// "Sở Giao thông vận tải trả lời:", "UBND tỉnh trả lời:", "Trả lời:"
	answerRe = regexp.MustCompile(`^(?i)(?:-\s*)?(?:(.{2,120}?)\s+)?(trả lời|giải trình|kết quả giải quyết|nội dung trả lời)\s*(?:như sau)?\s*[:.]\s*(.*)$`)
	bodyRe   = regexp.MustCompile(`^(?i)(sở|bộ|ubnd|ủy ban|uỷ ban|ban|văn phòng|cục|tổng cục|công ty|tổng công ty|ngân hàng|bảo hiểm|điện lực|công an|bộ chỉ huy|thanh tra|kho bạc|chi cục|trung tâm|đài|viện|bệnh viện|trường|hội đồng|thường trực|chính phủ|tòa án|viện kiểm sát|cơ quan)(\s|$)`)
	// "(Cử tri xã Tân Thành)", "(cử tri ông A, thôn B)"
	raisedRe = regexp.MustCompile(`\s*\(((?i:cử tri|một cử tri|các cử tri|nhiều cử tri)[^()]*)\)\s*$`)
	// "Cử tri xã Tân Thành, huyện Y kiến nghị:" at the start
	leadRe    = regexp.MustCompile(`^(?i:cử tri)\s+((?:thôn|xóm|ấp|bản|tổ dân phố|khu phố|xã|phường|thị trấn|huyện|thành phố|thị xã|tỉnh|đặc khu|các xã|các phường)\s[^:]{1,120}?)\s+(?:kiến nghị|đề nghị|phản ánh|phản ảnh|hỏi|đề xuất|cho rằng)`)
	repeatRe  = regexp.MustCompile(`\s*\((?:kiến nghị|ý kiến) lặp lại\)\s*$`)
	opinionRe = regexp.MustCompile(`^Ý kiến:\s*`)
)

// levelWords maps folded words of a level heading to the level.
var levelWords = []struct {
	words []string
	level model.Authority
}{
	{[]string{"trung uong", "bo, nganh", "cac bo", "quoc hoi", "chinh phu"}, model.AuthCentral},
	{[]string{"huyen"}, "huyện"},
	{[]string{"tinh", "thanh pho truc thuoc"}, "tỉnh"},
	{[]string{"xa", "phuong", "co so", "dac khu"}, "xã"},
}

// fieldWords maps folded words of a field heading to the field, the
// fixed list's names first, then the names of departments' fields.
var fieldWords = func() []struct {
	word  string
	field model.Field
} {
	var out []struct {
		word  string
		field model.Field
	}
	add := func(w string, f model.Field) {
		out = append(out, struct {
			word  string
			field model.Field
		}{w, f})
	}
	for _, f := range model.Fields {
		add(foldKey(string(f)), f)
	}
	for w, f := range map[string]string{
		"tai nguyen":      "môi trường",
		"moi truong":      "môi trường",
		"lao dong":        "chính sách xã hội",
		"xa hoi":          "chính sách xã hội",
		"chinh sach":      "chính sách xã hội",
		"nong nghiep":     "nông nghiệp - thủy lợi",
		"thuy loi":        "nông nghiệp - thủy lợi",
		"dien":            "điện - nước sinh hoạt",
		"nuoc sach":       "điện - nước sinh hoạt",
		"xay dung":        "đô thị - xây dựng",
		"do thi":          "đô thị - xây dựng",
		"tai chinh":       "kinh tế - ngân sách",
		"ngan sach":       "kinh tế - ngân sách",
		"kinh te":         "kinh tế - ngân sách",
		"dau tu":          "kinh tế - ngân sách",
		"an ninh":         "an ninh - trật tự",
		"trat tu":         "an ninh - trật tự",
		"quoc phong":      "an ninh - trật tự",
		"van hoa":         "văn hóa - thông tin",
		"thong tin":       "văn hóa - thông tin",
		"the thao":        "văn hóa - thông tin",
		"noi vu":          "tổ chức bộ máy - cán bộ",
		"to chuc bo":      "tổ chức bộ máy - cán bộ",
		"can bo":          "tổ chức bộ máy - cán bộ",
		"y te":            "y tế",
		"giao duc":        "giáo dục",
		"giao thong":      "giao thông",
		"dat dai":         "đất đai",
		"linh vuc khac":   "khác",
		"cac van de khac": "khác",
		"noi dung khac":   "khác",
	} {
		add(w, model.Field(f))
	}
	return out
}()

// headingLike reports a paragraph that can be a heading: short, and bold,
// all capitals, labelled or without a final period.
func headingLike(p *docPara, t string) bool {
	if len([]rune(t)) > 160 {
		return false
	}
	return p.bold || isCaps(t) || p.label != "" || !strings.HasSuffix(t, ".")
}

func isCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n > 3
}

// levelOf finds the level a heading names ("Thuộc thẩm quyền tỉnh",
// "KIẾN NGHỊ GỬI CÁC BỘ, NGÀNH TRUNG ƯƠNG"), or "".
func levelOf(t string) model.Authority {
	f := " " + foldKey(t) + " "
	if !(strings.Contains(f, "tham quyen") || strings.Contains(f, " thuoc ") || strings.Contains(f, " gui ") ||
		strings.Contains(f, "trach nhiem") || strings.HasPrefix(f, " cap ") || strings.HasPrefix(f, " kien nghi ")) || len(f) > 120 {
		return ""
	}
	best, at := model.Authority(""), len(f)
	for _, lw := range levelWords {
		for _, w := range lw.words {
			if i := strings.Index(f, " "+w+" "); i >= 0 && i < at {
				best, at = lw.level, i
			} else if i := strings.Index(f, " "+w+","); i >= 0 && i < at {
				best, at = lw.level, i
			}
		}
	}
	return best
}

// fieldOf finds the field a heading names ("Lĩnh vực giao thông", "Về đất
// đai", "Giao thông"), or "".
func fieldOf(t string) model.Field {
	f := foldKey(t)
	for _, pre := range []string{"linh vuc ", "ve linh vuc ", "ve ", "nhom ", "kien nghi ve ", "kien nghi linh vuc "} {
		f = strings.TrimPrefix(f, pre)
	}
	f = strings.TrimSuffix(strings.TrimSpace(f), ":")
	f = strings.TrimSuffix(f, ")")
	if i := strings.LastIndex(f, " ("); i > 0 { // "giao thông (5)"
		f = f[:i]
	}
	if len(f) > 60 {
		return ""
	}
	for _, fw := range fieldWords {
		if f == fw.word || strings.HasPrefix(f, fw.word+" ") || strings.HasPrefix(f, fw.word+",") || strings.HasPrefix(f, fw.word+"-") {
			return fw.field
		}
	}
	return ""
}

// item in progress
type draft struct {
	no        int
	para      int
	text      []string
	answer    []string
	body      string
	answering bool
	level     model.Authority
	field     model.Field
}

// structure reads the blocks as a report.
func structure(blocks []block, name string) (*Report, error) {
	rep := &Report{}
	var (
		level    model.Authority
		field    model.Field
		cur      *draft
		drafts   []*draft
		skip     bool
		lastHead string
		lastNo   int
		inTitle  = true
		appendix bool
	)
	where := func(i int, t string) error {
		return errorf("paragraph %d (%q)", i, cut(t, 60))
	}
	closeCur := func() {
		if cur != nil {
			drafts = append(drafts, cur)
			cur = nil
		}
	}
	var tables [][][]string
	var tablePara []int
	for bi, b := range blocks {
		i := bi + 1
		if b.table != nil {
			if !appendix || len(drafts) == 0 {
				tables = append(tables, b.table)
				tablePara = append(tablePara, i)
			}
			continue
		}
		p := b.para
		t := strings.TrimSpace(strings.ReplaceAll(p.text, "\u00a0", " "))
		if t == "" {
			continue
		}
		full := t
		if p.label != "" && p.label != "-" {
			full = p.label + " " + t
		}
		ft := foldKey(t)
		// the title block: the report's kind, sitting and date
		if m := dateRe.FindStringSubmatch(t); m != nil && rep.Date == "" && len(drafts) == 0 && cur == nil {
			d, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			rep.Date = fmt.Sprintf("%s-%02d-%02d", m[3], mo, d)
		}
		if inTitle && len(drafts) == 0 && cur == nil {
			if strings.Contains(ft, "ket qua giai quyet") || strings.Contains(ft, "tra loi kien nghi") || strings.Contains(ft, "tra loi y kien") || strings.Contains(ft, "giai quyet, tra loi") {
				rep.Answers = true
			}
			if rep.Session == "" {
				if s := sittingOf(t); s != "" {
					rep.Session = s
					rep.Title = t
				}
			}
		}
		if ft == "phu luc" || strings.HasPrefix(ft, "phu luc ") {
			closeCur()
			appendix = true
			continue
		}
		if appendix {
			continue
		}
		if m := romanRe.FindStringSubmatch(full); m != nil && headingLike(p, t) {
			closeCur()
			inTitle = false
			head := foldKey(m[2])
			skip = strings.Contains(head, "tinh hinh to chuc") || strings.Contains(head, "tra loi, giai trinh tai hoi nghi") ||
				strings.Contains(head, "da duoc tra loi") || strings.Contains(head, "de xuat") || strings.Contains(head, "ket luan") ||
				strings.Contains(head, "danh gia") || strings.Contains(head, "nhiem vu") || strings.Contains(head, "to chuc thuc hien")
			level, field, lastHead = levelOf(m[2]), "", full
			if level != "" {
				skip = false
			}
			continue
		}
		if skip {
			continue
		}
		body, answer, isAnswer := answerStart(t)
		if isAnswer && cur != nil {
			cur.answering = true
			if body != "" {
				cur.body = body
			}
			if answer != "" {
				cur.answer = append(cur.answer, answer)
			}
			continue
		}
		// a numbered line is a heading only when it looks like one (bold,
		// capitals); otherwise it is an item
		if headingLike(p, t) && (p.bold || isCaps(t) || !numRe.MatchString(full)) {
			rest := full
			if m := letterRe.FindStringSubmatch(full); m != nil {
				rest = m[2]
			} else if m := numRe.FindStringSubmatch(full); m != nil {
				rest = m[2]
			}
			if lv := levelOf(rest); lv != "" && len([]rune(rest)) < 140 {
				closeCur()
				inTitle = false
				level, field, lastHead = lv, "", full
				continue
			}
			if fd := fieldOf(rest); fd != "" {
				closeCur()
				inTitle = false
				field, lastHead = fd, full
				continue
			}
		}
		if m := numRe.FindStringSubmatch(full); m != nil && !inTitle || m != nil && (level != "" || field != "") {
			n, _ := strconv.Atoi(m[1])
			if cur != nil || len(drafts) > 0 {
				if n != lastNo+1 && n != 1 {
					return nil, &Error{File: name, Err: errorf("structure lost at %v: item %d follows item %d (under %q); the numbering must run on or restart at 1 under a heading", where(i, t), n, lastNo, cut(lastHead, 60))}
				}
			}
			closeCur()
			inTitle = false
			cur = &draft{no: n, para: i, text: []string{m[2]}, level: level, field: field}
			lastNo = n
			continue
		}
		if cur == nil {
			continue // preamble, or text between headings
		}
		switch {
		case cur.answering:
			cur.answer = append(cur.answer, t)
		case p.italic && rep.Answers:
			cur.answering = true
			cur.answer = append(cur.answer, t)
		case p.italic:
			// a note under the item (the earlier raisings of a repeat)
		default:
			cur.text = append(cur.text, t)
		}
	}
	closeCur()
	for _, d := range drafts {
		rep.Items = append(rep.Items, d.item())
	}
	if len(rep.Items) == 0 {
		for k, tb := range tables {
			items, err := tableItems(tb, tablePara[k], name)
			if err != nil {
				return nil, err
			}
			rep.Items = append(rep.Items, items...)
		}
	}
	if len(rep.Items) == 0 {
		last := errorf("no heading")
		if lastHead != "" {
			last = errorf("the last heading read was %q", cut(lastHead, 60))
		}
		return nil, &Error{File: name, Err: errorf("no numbered items under level or field headings, and no table with a Nội dung column (%v); nothing was imported", last)}
	}
	for _, it := range rep.Items {
		if rep.Answers && it.Petition.Response == "" {
			return nil, &Error{File: name, Line: it.Para, Err: errorf("structure lost at item %d (%q): this answer report has no answer under it (want \"Trả lời:\" or \"Sở … trả lời:\")", it.No, cut(it.Petition.Text, 60))}
		}
	}
	return rep, nil
}

// answerStart recognises the start of an answer: "Trả lời:", "Sở Y tế
// trả lời:", "Kết quả giải quyết:". It returns the answering body (if
// named) and the text after the colon.
func answerStart(t string) (body, rest string, ok bool) {
	m := answerRe.FindStringSubmatch(t)
	if m == nil {
		return "", "", false
	}
	if m[1] != "" {
		b := strings.TrimSpace(strings.TrimPrefix(m[1], "-"))
		if !bodyRe.MatchString(b) {
			return "", "", false
		}
		body = b
	}
	return body, strings.TrimSpace(m[3]), true
}

// sittingOf finds the sitting a title names: "trước Kỳ họp thứ 10, HĐND
// tỉnh khóa X", "sau kỳ họp cuối năm 2025".
func sittingOf(t string) string {
	f := strings.ToLower(t)
	for _, key := range []string{"trước kỳ họp", "sau kỳ họp", "gửi tới kỳ họp", "gửi đến kỳ họp", "tại kỳ họp", "trước kì họp", "sau kì họp"} {
		if i := strings.Index(f, key); i >= 0 {
			s := strings.TrimSpace(t[i:])
			s = strings.TrimRight(s, ".;:")
			r := []rune(s)
			r[0] = unicode.ToUpper(r[0])
			return string(r)
		}
	}
	return ""
}

// item turns a draft into a report item: the text joined, the place it was
// raised taken from "(Cử tri …)" or "Cử tri xã … kiến nghị", the repeat
// marker and opinion label dropped.
func (d *draft) item() ReportItem {
	text := strings.Join(d.text, " ")
	text = opinionRe.ReplaceAllString(text, "")
	text = repeatRe.ReplaceAllString(text, "")
	loc := ""
	if m := raisedRe.FindStringSubmatchIndex(text); m != nil {
		who := text[m[2]:m[3]]
		text = strings.TrimSpace(text[:m[0]])
		loc = placeOf(who)
	}
	if loc == "" {
		if m := leadRe.FindStringSubmatch(text); m != nil {
			loc = strings.TrimSpace(m[1])
		}
	}
	p := model.Petition{Text: text, Field: d.field, Authority: d.level, Location: loc, Body: d.body, Response: strings.Join(d.answer, "\n")}
	return ReportItem{No: d.no, Para: d.para, Petition: p}
}

// placeOf takes the place from who raised an item: "Cử tri ông A, thôn B"
// gives "thôn B", "Cử tri xã Tân Thành" gives "xã Tân Thành", a merged
// list ("…; 3 lượt cử tri") its first place.
func placeOf(who string) string {
	who = strings.Split(who, ";")[0]
	if i := strings.Index(who, ","); i >= 0 {
		return strings.TrimSpace(who[i+1:])
	}
	f := strings.TrimSpace(who)
	for _, pre := range []string{"Cử tri ", "cử tri ", "Các cử tri ", "các cử tri ", "Nhiều cử tri ", "nhiều cử tri "} {
		if strings.HasPrefix(f, pre) {
			rest := strings.TrimSpace(f[len(pre):])
			if m := leadPlace.FindString(rest); m != "" {
				return rest
			}
		}
	}
	return ""
}

var leadPlace = regexp.MustCompile(`^(?i:thôn|xóm|ấp|bản|tổ dân phố|khu phố|xã|phường|thị trấn|huyện|thành phố|thị xã|tỉnh|đặc khu|các xã|các phường)\s`)

// tableItems reads a table whose header row names the archive's columns
// (Nội dung kiến nghị, Trả lời, Cơ quan trả lời, Lĩnh vực…).
func tableItems(tb [][]string, para int, name string) ([]ReportItem, error) {
	for hi, row := range tb {
		h, _, missing := mapHeader(row)
		if len(missing) > 0 {
			if hi >= 3 {
				break
			}
			continue
		}
		var out []ReportItem
		no := 0
		for ri, r := range tb[hi+1:] {
			if blank(r) {
				continue
			}
			get := func(c col) string {
				if x := h[c]; x >= 0 && x < len(r) {
					return strings.TrimSpace(r[x])
				}
				return ""
			}
			text := get(colText)
			if text == "" {
				continue
			}
			no++
			var rec record
			for k := range rec {
				rec[k] = get(col(k))
			}
			v := &validator{lenientDates: true}
			fld, err := lookup(v, rec[colField], fieldIndex, model.Fields)
			if err != nil {
				fld = fieldOf(rec[colField])
			}
			auth, err := lookup(v, rec[colAuthority], authIndex, model.AllAuthorities)
			if err != nil {
				auth = levelOf("thuộc " + rec[colAuthority])
			}
			it := draft{no: no, para: para + ri + hi + 1, text: []string{text}, field: fld, level: auth, body: rec[colBody]}
			if rec[colResponse] != "" {
				it.answer = []string{rec[colResponse]}
			}
			item := it.item()
			if rec[colLocation] != "" {
				item.Petition.Location = rec[colLocation]
			}
			out = append(out, item)
		}
		return out, nil
	}
	return nil, nil
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
