package live

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html"
	"html/template"
	"maps"
	"slices"
	"strings"
	"sync"

	"txct/store"
	"txct/store/model"
)

//go:embed page.css
var pageCSS string

//go:embed page.js
var pageJS string

//go:embed fragments.tmpl
var fragmentsSrc string

var fragments = template.Must(template.New("").Parse(fragmentsSrc))

// csp lets the page run exactly its own inline style and script (by hash)
// and open its event stream, and nothing else.
var csp = fmt.Sprintf("default-src 'none'; style-src '%s'; script-src '%s'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	hash(pageCSS), hash(pageJS))

func hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// pages is one rendering of the session: its title, each view's header
// (with its empty-state line) and list of remarks, and each remark's
// article, shared by the views. Viewers get the parts that changed.
type pages struct {
	title string
	head  [nViews]string
	order [nViews][]uint64
	items map[uint64]string
}

func (p pages) equal(q pages) bool {
	if p.title != q.title || p.head != q.head || !maps.Equal(p.items, q.items) {
		return false
	}
	for v := range nViews {
		if !slices.Equal(p.order[v], q.order[v]) {
			return false
		}
	}
	return true
}

// body is the content of view v: its header, then its remarks in order.
func (p pages) body(v view) string {
	var b strings.Builder
	b.WriteString(`<div id="head">`)
	b.WriteString(p.head[v])
	b.WriteString(`</div><div id="items">`)
	for _, id := range p.order[v] {
		b.WriteString(p.items[id])
	}
	b.WriteString(`</div>`)
	return b.String()
}

// labels is the page's wording.
type labels struct {
	Lang, All, Repeats, Projector, Live, Offline         string
	Remarks, RepeatCount, NoRemarks, NoRepeats, Voter    string
	Answer, Raised, Times, Confirmed, Candidate, Answers string
	NoBody, NoAnswer, Pressing, MergedWith, Empty        string
	Opinion, Petition, Error                             string
}

var labelsVI = labels{
	Lang: "vi", All: "Tất cả ý kiến", Repeats: "Kiến nghị lặp lại", Projector: "Máy chiếu",
	Live: "● Trực tiếp", Offline: "○ Mất kết nối, đang nối lại…",
	Remarks: "ý kiến", RepeatCount: "lặp lại kiến nghị cũ", NoRemarks: "Chưa có ý kiến nào.",
	NoRepeats: "Chưa có ý kiến nào lặp lại kiến nghị đã nêu.", Voter: "Một cử tri",
	Answer: "Trả lời tại hội nghị", Raised: "Nêu ngày %s · %s", Times: "đã nêu %d lần",
	Confirmed: "✓ đã xác nhận lặp lại", Candidate: "có thể trùng (%d%%)", Answers: "Trả lời (%s):",
	NoBody: "chưa rõ cơ quan", NoAnswer: "chưa có trả lời", Pressing: "bức xúc",
	MergedWith: "⊕ cùng kiến nghị với ý kiến số %d", Empty: "(đang ghi…)",
	Opinion: "Ý kiến", Petition: "Kiến nghị", Error: "Không đọc được dữ liệu hội nghị: %v",
}

var labelsEN = labels{
	Lang: "en", All: "All remarks", Repeats: "Repeats", Projector: "Projector",
	Live: "● Live", Offline: "○ Connection lost, reconnecting…",
	Remarks: "remarks", RepeatCount: "repeat earlier petitions", NoRemarks: "No remarks yet.",
	NoRepeats: "No remark repeats an earlier petition yet.", Voter: "A voter",
	Answer: "Answered at the session", Raised: "Raised %s · %s", Times: "raised %d times",
	Confirmed: "✓ confirmed repeat", Candidate: "possible match (%d%%)", Answers: "Answer (%s):",
	NoBody: "body unknown", NoAnswer: "no answer yet", Pressing: "pressing",
	MergedWith: "⊕ same demand as remark %d", Empty: "(being typed…)",
	Opinion: "Opinion", Petition: "Petition", Error: "Cannot read the session: %v",
}

func labelsFor(en bool) *labels {
	if en {
		return &labelsEN
	}
	return &labelsVI
}

type sessionData struct {
	L                  *labels
	Title, When, Place string
	Count, RepeatTotal int
	Remarks, Repeating []*remarkData
	Newest             *remarkData
}

type remarkData struct {
	L                        *labels
	ID                       uint64
	N                        int
	Voter, Address, Type     string
	Field, Level, Text       string
	AnswerBy, Answer, Merged string
	Pressing, Newest, Blank  bool
	Matches                  []matchData
}

type matchData struct {
	L                       *labels
	ID, Text, Raised, Times string
	Body, Response, Status  string
	StatusClass, Candidate  string
	Confirmed               bool
}

// safe makes text from remarks and the archive inert before it is escaped:
// control and bidi characters become visible marks or go.
func safe(s string) string { return model.Safe(s, false) }

func safeText(s string) string { return model.Safe(s, true) }

// repeatCache keeps each remark's matches while its text and dismissals
// are unchanged, so a change re-checks only the remark being typed.
type repeatCache struct {
	mu      sync.Mutex
	archive int
	m       map[uint64]cachedRepeats
}

type cachedRepeats struct {
	key string
	res store.RepeatResult
}

func (c *repeatCache) get(db *store.Store, r model.Remark) store.RepeatResult {
	key := r.Text + "\x00" + strings.Join(r.Dismissed, "\x00")
	c.mu.Lock()
	if n := db.ArchiveCount(); n != c.archive || c.m == nil {
		c.archive, c.m = n, map[uint64]cachedRepeats{}
	}
	if e, ok := c.m[r.ID]; ok && e.key == key {
		c.mu.Unlock()
		return e.res
	}
	c.mu.Unlock()
	res, err := db.RemarkRepeats(r.Text, r.Dismissed)
	if err != nil {
		return store.RepeatResult{}
	}
	c.mu.Lock()
	c.m[r.ID] = cachedRepeats{key: key, res: res}
	c.mu.Unlock()
	return res
}

// render reads the saved session and renders every view.
func (s *Server) render() (pages, error) {
	sess, err := s.db.Session(s.opts.Session)
	if err != nil {
		return pages{}, err
	}
	rems, err := s.db.Remarks(s.opts.Session)
	if err != nil {
		return pages{}, err
	}
	L := labelsFor(s.opts.English)
	hide := s.hide.Load()
	d := sessionData{L: L, Title: safe(sess.Title), Place: safe(sess.Place), When: dateVI(sess.Date)}
	if sess.Start != "" {
		d.When += " · " + sess.Start
		if sess.End != "" {
			d.When += "–" + sess.End
		}
	}
	number := map[uint64]int{}
	for i, r := range rems {
		number[r.ID] = i + 1
	}
	for i, r := range rems {
		rd := &remarkData{L: L, ID: r.ID, N: i + 1, Voter: safe(r.Voter), Field: safe(string(r.Field)), Level: safe(string(r.Authority)),
			Text: safeText(r.Text), Pressing: r.Pressing}
		if rd.Voter == "" {
			rd.Voter = L.Voter
		}
		if !hide {
			rd.Address = safe(r.Address)
		}
		rd.Type = L.Petition
		if r.Type == model.TypeOpinion {
			rd.Type = L.Opinion
		}
		if r.Answered() {
			rd.AnswerBy, rd.Answer = safe(r.Answer.By), safeText(r.Answer.Text)
		}
		if n := number[r.MergedInto]; r.MergedInto != 0 && n != 0 {
			rd.Merged = fmt.Sprintf(L.MergedWith, n)
		}
		rd.Blank = strings.TrimSpace(r.Text) == ""
		rd.Matches = s.matches(r, L)
		d.Remarks = append(d.Remarks, rd)
		if len(rd.Matches) > 0 {
			d.Repeating = append(d.Repeating, rd)
			d.RepeatTotal++
		}
	}
	d.Count = len(d.Remarks)
	// The projector follows the newest remark with anything typed in it.
	for i := len(d.Remarks) - 1; i >= 0; i-- {
		if r := rems[i]; strings.TrimSpace(r.Text+r.Voter+r.Address) != "" || i == 0 {
			d.Newest = d.Remarks[i]
			break
		}
	}
	if d.Newest != nil {
		d.Newest.Newest = true
	}
	p := pages{title: d.Title, items: make(map[uint64]string, len(d.Remarks))}
	var b bytes.Buffer
	articles := make(map[uint64]article, len(d.Remarks))
	for i, rd := range d.Remarks {
		key := articleKey(rems[i], rd, hide)
		a, ok := s.articles[rd.ID]
		if !ok || a.key != key {
			b.Reset()
			if err := fragments.ExecuteTemplate(&b, "remark", rd); err != nil {
				return pages{}, err
			}
			a = article{key: key, html: b.String()}
		}
		articles[rd.ID] = a
		p.items[rd.ID] = a.html
		p.order[viewAll] = append(p.order[viewAll], rd.ID)
	}
	s.articles = articles
	for _, rd := range d.Repeating {
		p.order[viewRepeats] = append(p.order[viewRepeats], rd.ID)
	}
	if d.Newest != nil {
		p.order[viewProjector] = []uint64{d.Newest.ID}
	}
	for v := range nViews {
		b.Reset()
		if err := fragments.ExecuteTemplate(&b, "head-"+viewNames[v], &d); err != nil {
			return pages{}, err
		}
		p.head[v] = b.String()
	}
	return p, nil
}

// article is a remark's rendered HTML and what it was rendered from, so a
// change re-renders only the remarks it touched.
type article struct {
	key, html string
}

// articleKey sums up everything a remark's article shows: the remark as
// saved, its place, the newest mark, the address switch and its matches.
func articleKey(r model.Remark, rd *remarkData, hide bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d|%d|%v|%v|%d|%s", rd.ID, rd.N, rd.Newest, hide, r.Updated.UnixNano(), rd.Merged)
	for _, m := range rd.Matches {
		fmt.Fprintf(&b, "|%s %v %s %s %s %d %d %s", m.ID, m.Confirmed, m.Candidate, m.Status, m.Times, len(m.Response), len(m.Body), m.Raised)
	}
	return b.String()
}

// matches is the remark's confirmed repeats, then the candidates the
// session screen's panel shows for it.
func (s *Server) matches(r model.Remark, L *labels) []matchData {
	var out []matchData
	for _, id := range r.RepeatOf {
		p, err := s.db.Petition(id)
		if err != nil {
			continue
		}
		out = append(out, matchOf(p, true, 0, L))
	}
	if strings.TrimSpace(r.Text) == "" {
		return out
	}
	res := s.cache.get(s.db, r)
	for _, h := range res.Hits {
		if slices.Contains(r.RepeatOf, h.Petition.ID) {
			continue
		}
		out = append(out, matchOf(h.Petition, false, h.Score, L))
	}
	return out
}

func matchOf(p model.Petition, confirmed bool, score float64, L *labels) matchData {
	m := matchData{L: L, ID: safe(p.ID), Text: safeText(p.Text), Raised: fmt.Sprintf(L.Raised, dateVI(p.RaisedAt), safe(p.Session)),
		Times: fmt.Sprintf(L.Times, p.TimesRaised()), Body: safe(p.Body), Response: safeText(p.Response),
		Status: p.Status.Label(), StatusClass: string(p.Status), Confirmed: confirmed}
	if m.Body == "" {
		m.Body = L.NoBody
	}
	if strings.TrimSpace(m.Response) == "" {
		m.Response = L.NoAnswer
	}
	if !confirmed {
		m.Candidate = fmt.Sprintf(L.Candidate, int(score*100+0.5))
	}
	return m
}

// dateVI writes an ISO date as dd/mm/yyyy; anything else is shown as given.
func dateVI(s string) string {
	if t, err := model.ParseDate(s); err == nil {
		return t.Format("02/01/2006")
	}
	return safe(s)
}

func errorPages(err error, en bool) pages {
	msg := "<p class=\"error\">" + html.EscapeString(safe(fmt.Sprintf(labelsFor(en).Error, err))) + "</p>"
	p := pages{items: map[uint64]string{}}
	for v := range nViews {
		p.head[v] = msg
	}
	return p
}

// pageHTML is the whole page of view v: the shell with its inline style and
// script (the hashes in csp), and the view's current content, so it reads
// without JavaScript.
func pageHTML(p pages, v view, en bool) string {
	L := labelsFor(en)
	var b strings.Builder
	content := p.body(v)
	b.Grow(len(content) + len(pageCSS) + len(pageJS) + 1024)
	b.WriteString(`<!doctype html><html lang="` + L.Lang + `"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1">` +
		`<meta name="color-scheme" content="light dark"><meta name="referrer" content="no-referrer">` +
		`<link rel="icon" href="data:,"><title>`)
	b.WriteString(html.EscapeString(p.title))
	b.WriteString(`</title><style>`)
	b.WriteString(pageCSS)
	b.WriteString(`</style><noscript><meta http-equiv="refresh" content="10"></noscript></head>`)
	b.WriteString(`<body class="v-` + viewNames[v] + `" data-view="` + viewNames[v] + `"><nav>`)
	for i, name := range [nViews]string{L.All, L.Repeats, L.Projector} {
		href := viewPaths[i]
		if href == "" {
			href = "./"
		}
		cur := ""
		if view(i) == v {
			cur = ` aria-current="page"`
		}
		b.WriteString(`<a href="` + href + `"` + cur + `>` + html.EscapeString(name) + `</a>`)
	}
	b.WriteString(`<span id="conn" data-on="` + html.EscapeString(L.Live) + `" data-off="` + html.EscapeString(L.Offline) + `"></span></nav><main id="live">`)
	b.WriteString(content)
	b.WriteString(`</main><script>`)
	b.WriteString(pageJS)
	b.WriteString(`</script></body></html>`)
	return b.String()
}
