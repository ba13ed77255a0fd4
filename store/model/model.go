// Package model holds txct's domain values: sessions, their minutes notes,
// voter remarks and archived petitions, with the fixed classification lists of
// the TXCT domain. It is plain data with no I/O, so the
// store, the matcher, the exporters and the TUI can all share it.
package model

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Kind is the kind (hình thức) of a voter-contact session. The values are the
// stable identifiers written in bundles and stored data; never rename them.
type Kind string

// Session kinds.
const (
	KindBefore   Kind = "truoc_ky_hop" // định kỳ trước kỳ họp thường lệ
	KindAfter    Kind = "sau_ky_hop"   // định kỳ sau kỳ họp
	KindThematic Kind = "chuyen_de"    // chuyên đề
	KindOther    Kind = "khac"         // khác
)

// Kinds lists the session kinds in display order.
var Kinds = []Kind{KindBefore, KindAfter, KindThematic, KindOther}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if v == k {
			return true
		}
	}
	return false
}

// Field is a field (lĩnh vực) label from the fixed list in Fields.
type Field string

// Fields is the fixed list of fields, in the order reports use.
var Fields = []Field{
	"giao thông",
	"đất đai",
	"nông nghiệp - thủy lợi",
	"y tế",
	"giáo dục",
	"chính sách xã hội",
	"môi trường",
	"điện - nước sinh hoạt",
	"đô thị - xây dựng",
	"kinh tế - ngân sách",
	"an ninh - trật tự",
	"văn hóa - thông tin",
	"tổ chức bộ máy - cán bộ",
	"khác",
}

// FieldOther is the catch-all field.
const FieldOther Field = "khác"

// Valid reports whether f is one of Fields.
func (f Field) Valid() bool { return f.Index() >= 0 }

// Index is f's position in Fields, or -1.
func (f Field) Index() int {
	for i, v := range Fields {
		if v == f {
			return i
		}
	}
	return -1
}

// Authority is the competent level (thẩm quyền giải quyết).
type Authority string

// Competent levels. Huyện exists only on records from before 1 July 2025; it is
// kept and shown but never offered for new remarks.
const (
	AuthCentral  Authority = "trung ương"
	AuthProvince Authority = "tỉnh"
	AuthDistrict Authority = "huyện"
	AuthCommune  Authority = "xã"
)

// Authorities lists the levels offered for new remarks, in report order.
var Authorities = []Authority{AuthCentral, AuthProvince, AuthCommune}

// AllAuthorities lists every level accepted on import, including the legacy one.
var AllAuthorities = []Authority{AuthCentral, AuthProvince, AuthDistrict, AuthCommune}

// Valid reports whether a is accepted on import (legacy huyện included).
func (a Authority) Valid() bool {
	for _, v := range AllAuthorities {
		if v == a {
			return true
		}
	}
	return false
}

// Index is the report order of a: central, province, district, commune.
func (a Authority) Index() int {
	for i, v := range AllAuthorities {
		if v == a {
			return i
		}
	}
	return len(AllAuthorities)
}

// Status is the state of an archived petition.
type Status string

// Petition states. Answered is not resolved: a body may answer without
// settling the matter.
const (
	StatusResolved   Status = "resolved"
	StatusInProgress Status = "in_progress"
	StatusAnswered   Status = "answered"
	StatusUnresolved Status = "unresolved"
	// StatusForwarded is a petition a session sent on to the competent body
	// and no answer has come back for yet.
	StatusForwarded Status = "forwarded"
)

// Statuses lists the petition states.
var Statuses = []Status{StatusResolved, StatusInProgress, StatusAnswered, StatusUnresolved, StatusForwarded}

// AnswerStatuses are the states an answer can put a petition in: all but
// forwarded, which only forwarding sets.
var AnswerStatuses = Statuses[:4]

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool {
	for _, v := range Statuses {
		if v == s {
			return true
		}
	}
	return false
}

// Label is the Vietnamese wording of the status.
func (s Status) Label() string {
	switch s {
	case StatusResolved:
		return "đã giải quyết xong"
	case StatusInProgress:
		return "đang giải quyết"
	case StatusAnswered:
		return "đã trả lời, giải trình"
	case StatusUnresolved:
		return "chưa giải quyết"
	case StatusForwarded:
		return "đã chuyển, chờ trả lời"
	}
	return string(s)
}

// Section is a part of the minutes' proceedings.
type Section string

// Minutes sections, in order.
const (
	SecOpening    Section = "khai_mac"
	SecReport     Section = "bao_cao"
	SecRemarks    Section = "y_kien"
	SecAnswers    Section = "giai_trinh"
	SecConclusion Section = "ket_luan"
)

// Sections lists the minutes sections in order.
var Sections = []Section{SecOpening, SecReport, SecRemarks, SecAnswers, SecConclusion}

// Valid reports whether s is one of Sections.
func (s Section) Valid() bool {
	for _, v := range Sections {
		if v == s {
			return true
		}
	}
	return false
}

// Title is the Vietnamese heading of the section.
func (s Section) Title() string {
	switch s {
	case SecOpening:
		return "Khai mạc"
	case SecReport:
		return "Báo cáo của đại biểu"
	case SecRemarks:
		return "Ý kiến, kiến nghị của cử tri"
	case SecAnswers:
		return "Giải trình, trả lời tại hội nghị"
	case SecConclusion:
		return "Kết luận"
	}
	return string(s)
}

// Note is the free text the secretary types for one minutes section.
type Note struct {
	Section Section `json:"section"`
	Text    string  `json:"text"`
}

// RemarkType separates opinions (ý kiến) from petitions (kiến nghị).
type RemarkType string

// Remark types.
const (
	TypeOpinion  RemarkType = "y_kien"
	TypePetition RemarkType = "kien_nghi"
)

// Session is one voter-contact session. Its JSON form is the one shape a
// session has: the store keeps it so, and a bundle carries it with the
// database's own fields (id and times, which are omitted when zero) left
// out.
type Session struct {
	ID            uint64   `json:"id,omitzero"`
	UID           string   `json:"uid"` // stable identity across bundles and laptops
	Title         string   `json:"title"`
	Kind          Kind     `json:"kind"`
	Sitting       string   `json:"sitting,omitempty"` // the kỳ họp it relates to
	Date          string   `json:"date"`              // YYYY-MM-DD
	Start         string   `json:"start"`             // HH:MM
	End           string   `json:"end"`               // HH:MM
	Place         string   `json:"place"`
	Locality      string   `json:"locality,omitempty"`  // địa danh for the date line, e.g. "Tân Thành"
	Organiser     string   `json:"organiser,omitempty"` // issuing body, e.g. "Ủy ban MTTQ Việt Nam xã Tân Thành"
	ParentBody    string   `json:"parent_body,omitempty"`
	DelegateGroup string   `json:"delegate_group"`
	Delegates     []string `json:"delegates"`
	Guests        []string `json:"guests,omitempty"`
	Chair         string   `json:"chair"`
	ChairTitle    string   `json:"chair_title,omitempty"`
	Secretary     string   `json:"secretary"`
	Voters        int      `json:"voters"`
	Speakers      int      `json:"speakers,omitempty"`
	Recipients    []string `json:"recipients,omitempty"` // Nơi nhận
	// Issuers overrides, for this session, who issues its minutes and
	// report (see Profile); empty fields fall back to the remembered one.
	Issuers Profile `json:"issuers,omitzero"`
	Notes   []Note  `json:"notes"`

	Created    time.Time `json:"created,omitzero"`
	Updated    time.Time `json:"updated,omitzero"`
	ExportedAt time.Time `json:"exported_at,omitzero"` // zero until the documents were exported
	// Rev counts the changes made to the session and its remarks;
	// ExportedRev is Rev when the documents were last exported. The store
	// keeps both beside the session; bundles do not carry them.
	Rev         uint64 `json:"-"`
	ExportedRev uint64 `json:"-"`
}

// Note returns the text of section sec.
func (s *Session) Note(sec Section) string {
	for _, n := range s.Notes {
		if n.Section == sec {
			return n.Text
		}
	}
	return ""
}

// SetNote sets the text of section sec.
func (s *Session) SetNote(sec Section, text string) {
	for i, n := range s.Notes {
		if n.Section == sec {
			s.Notes[i].Text = text
			return
		}
	}
	s.Notes = append(s.Notes, Note{Section: sec, Text: text})
}

// What is wrong with a field, for callers that word it themselves (the
// session form translates these; the bundle reader keeps the English).
const (
	ProblemEmpty       = "empty"        // a required text is empty
	ProblemInvalid     = "invalid"      // not a known value or not in the expected form
	ProblemNegative    = "negative"     // a count below zero
	ProblemBeforeStart = "before_start" // an end time not after the start time
)

// FieldError is one problem with one field, named by its JSON key
// ("title", "end", "notes[2].section").
type FieldError struct {
	Field   string
	Problem string // one of the Problem constants
	Err     error  // the problem in English words
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

// FieldErrors are every problem Validate found, in field order.
type FieldErrors []*FieldError

func (es FieldErrors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// Validate checks a session's rules, the one place they live: a title, a
// known kind, a valid date, times in HH:MM with the end after the start
// when both are given, counts not below zero, notes in known sections. It
// returns nil or FieldErrors.
func (s *Session) Validate() error {
	var es FieldErrors
	bad := func(field, problem string, err error) {
		es = append(es, &FieldError{Field: field, Problem: problem, Err: err})
	}
	if strings.TrimSpace(s.Title) == "" {
		bad("title", ProblemEmpty, Errorf("is empty"))
	}
	if !s.Kind.Valid() {
		bad("kind", ProblemInvalid, Errorf("%q is not one of %s", s.Kind, kindList()))
	}
	if _, err := ParseDate(s.Date); err != nil {
		bad("date", ProblemInvalid, err)
	}
	st, errS := ParseClock(s.Start)
	if s.Start != "" && errS != nil {
		bad("start", ProblemInvalid, errS)
	}
	en, errE := ParseClock(s.End)
	switch {
	case s.End != "" && errE != nil:
		bad("end", ProblemInvalid, errE)
	case s.Start != "" && s.End != "" && errS == nil && en <= st:
		bad("end", ProblemBeforeStart, Errorf("end time %s is not after start time %s", s.End, s.Start))
	}
	if s.Voters < 0 {
		bad("voters", ProblemNegative, Errorf("%d is negative", s.Voters))
	}
	if s.Speakers < 0 {
		bad("speakers", ProblemNegative, Errorf("%d is negative", s.Speakers))
	}
	for i, n := range s.Notes {
		if !n.Section.Valid() {
			bad(fmt.Sprintf("notes[%d].section", i), ProblemInvalid,
				Errorf("%q is not one of %s", n.Section, sectionList()))
		}
	}
	if es == nil {
		return nil
	}
	return es
}

func kindList() string {
	s := make([]string, len(Kinds))
	for i, k := range Kinds {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

func sectionList() string {
	s := make([]string, len(Sections))
	for i, k := range Sections {
		s[i] = string(k)
	}
	return strings.Join(s, ", ")
}

// ChangedSinceExport reports whether the session or its remarks changed
// after its documents were exported: the documents out there are stale.
func (s *Session) ChangedSinceExport() bool {
	return !s.ExportedAt.IsZero() && s.Rev != s.ExportedRev
}

// Answer is an answer given on the spot, and who gave it.
type Answer struct {
	By   string `json:"by"`
	Text string `json:"text"`
}

// Remark is one voter remark or petition recorded during a session.
type Remark struct {
	ID        uint64     `json:"-"`
	SessionID uint64     `json:"-"`
	Voter     string     `json:"voter"`
	Address   string     `json:"address"`
	Text      string     `json:"text"`
	Type      RemarkType `json:"type,omitempty"`
	Field     Field      `json:"field"`
	Authority Authority  `json:"authority"`
	Location  string     `json:"location,omitempty"`
	Answer    *Answer    `json:"answer,omitempty"`
	// RepeatOf holds archive petition ids confirmed as repeated, best first.
	RepeatOf []string `json:"repeat_of,omitempty"`
	// Dismissed holds archive ids a person rejected as repeats.
	Dismissed []string `json:"-"`
	// MergedInto is the id of the first remark of a merge group ("nhiều cử tri
	// cùng kiến nghị"); zero when the remark stands alone or leads its group.
	MergedInto uint64 `json:"-"`
	Pressing   bool   `json:"pressing,omitempty"`
	// Guessed marks the parts of the classification the app guessed from the
	// text and no person has confirmed yet.
	Guessed Guessed `json:"-"`
	// Promoted marks an opinion the clerk forwards like a petition.
	Promoted bool `json:"promoted,omitempty"`
	// ArchiveID is the archive record this remark became when its session
	// was forwarded; it travels in bundles so the office updates the same
	// record instead of making a second one.
	ArchiveID string `json:"archive_id,omitempty"`
	// SameAs is a remark of another session of the round that the clerk
	// marked as making the same demand (the round report shows them once).
	SameAs  uint64    `json:"-"`
	Created time.Time `json:"-"`
	Updated time.Time `json:"-"`
}

// Guessed is a set of classification parts still guessed.
type Guessed uint8

// The parts of a remark's classification that can be a guess.
const (
	GuessedField Guessed = 1 << iota
	GuessedLevel
	GuessedType
)

// Forwardable reports whether the remark goes on to a competent body:
// petitions do, opinions only when the clerk promoted them.
func (r *Remark) Forwardable() bool { return r.Type != TypeOpinion || r.Promoted }

// Answered reports whether the remark got an answer on the spot.
func (r *Remark) Answered() bool { return r.Answer != nil && strings.TrimSpace(r.Answer.Text) != "" }

// Raise records one session where a petition came up (again).
type Raise struct {
	Date    string `json:"date"`
	Session string `json:"session"`
	// Ref identifies the txct session (its UID) whose confirmed repeat added
	// this raise, so confirming twice counts once and a dismissal can undo it.
	Ref string `json:"ref,omitempty"`
}

// Petition is a petition on record from past sessions.
type Petition struct {
	ID         string    `json:"id"`
	Text       string    `json:"text"`
	Field      Field     `json:"field"`
	Authority  Authority `json:"authority"`
	Location   string    `json:"location"`
	RaisedAt   string    `json:"raised_at"`
	Session    string    `json:"session"`
	Body       string    `json:"body,omitempty"` // answering body
	AnsweredAt string    `json:"answered_at,omitempty"`
	Ref        string    `json:"ref,omitempty"` // answer letter reference
	Response   string    `json:"response"`
	Status     Status    `json:"status"`
	Source     string    `json:"source,omitempty"`
	// The fields below are set when a txct session forwarded the petition.
	Sitting string `json:"sitting,omitempty"`        // the kỳ họp the session prepared for
	Group   string `json:"delegate_group,omitempty"` // the delegate group that held it
	Voters  int    `json:"voters,omitempty"`         // voters who raised it there (merge group)
	// Origin links back to the session and remark: "<session uid>#<remark number>".
	Origin string `json:"origin,omitempty"`
	// ForwardedAt is the day the record entered the archive; EditedAt the
	// day of the last change to its remark's text after that (YYYY-MM-DD).
	ForwardedAt string `json:"forwarded_at,omitempty"`
	EditedAt    string `json:"edited_at,omitempty"`
	// Variants are other wordings of the same demand (merged remarks,
	// confirmed repeats); the repeat index matches them too.
	Variants []Variant `json:"variants,omitempty"`
	// Raises lists the later sessions where a confirmed repeat brought it up.
	Raises []Raise `json:"raises,omitempty"`
	// SameDemand lists the other records the clerk marked as the same
	// demand. Only archive files carry it: an export fills it in and an
	// import joins the clusters. The store keeps clusters in buckets of
	// their own, so it is never stored with the record.
	SameDemand []string `json:"-"`
}

// Variant is one more wording of an archived petition, and the remark it
// came from ("<session uid>/<remark id>", as Raise.Ref).
type Variant struct {
	Ref  string `json:"ref"`
	Text string `json:"text"`
}

// Edit is when a forwarded petition's text was changed (On) and when the
// earlier text was forwarded (Sent, "" when not known), as YYYY-MM-DD.
type Edit struct{ On, Sent string }

// EditOf tells whether r, the remark p was forwarded from, was edited
// after p entered the archive: its text now differs from p's (the next
// forward records the change), or p records an earlier change.
func (p *Petition) EditOf(r Remark) (Edit, bool) {
	switch {
	case p.Text != r.Text:
		return Edit{On: DayOf(r.Updated), Sent: p.ForwardedAt}, true
	case p.EditedAt != "":
		return Edit{On: p.EditedAt, Sent: p.ForwardedAt}, true
	}
	return Edit{}, false
}

// DayOf is t's date where the app runs (today for a zero t), YYYY-MM-DD.
func DayOf(t time.Time) string {
	if t.IsZero() {
		t = time.Now()
	}
	return t.Local().Format(DateLayout)
}

// OriginSession is the uid of the session that forwarded p, or "".
func (p *Petition) OriginSession() string {
	if i := strings.IndexByte(p.Origin, '#'); i > 0 {
		return p.Origin[:i]
	}
	return ""
}

// TimesRaised counts the first raising and every confirmed repeat.
func (p *Petition) TimesRaised() int { return 1 + len(p.Raises) }

// Snapshot is everything the exporters need about one session: the session,
// its remarks in order, and the archive petitions its confirmed repeats cite.
type Snapshot struct {
	Session   Session
	Remarks   []Remark
	Petitions map[string]Petition
	// Edited holds, by remark id, the remarks whose text was changed after
	// their petition entered the archive, so a report says which text it
	// uses.
	Edited map[uint64]Edit
	// Points are the sessions of a round or sitting report, in order, each
	// with how many of Remarks are its own; empty for one session.
	Points []Point
}

// Point is one session (điểm tiếp xúc) of a round and its number of remarks.
type Point struct {
	Session Session
	Remarks int
}

// DateLayout is the ISO layout of session and petition dates.
const DateLayout = "2006-01-02"

// ParseDate parses a YYYY-MM-DD date.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, Errorf("date %q is not YYYY-MM-DD", s)
	}
	return t, nil
}

// ParseClock parses HH:MM into minutes after midnight.
func ParseClock(s string) (int, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, Errorf("time %q is not HH:MM", s)
	}
	return t.Hour()*60 + t.Minute(), nil
}

// FoldSameDemand is p with m, a record of the same demand, folded in: every
// raising of both in date order, the earliest as p's first raising (date and
// session) and the rest as p's raises. A raising whose record came from a
// txct session keeps that session in Ref ("<session uid>/"), so the session
// can leave itself out of its history. p's other fields stay its own.
func FoldSameDemand(p, m Petition) Petition {
	first := func(x Petition) Raise {
		r := Raise{Date: x.RaisedAt, Session: x.Session}
		if uid := x.OriginSession(); uid != "" {
			r.Ref = uid + "/"
		}
		return r
	}
	all := append([]Raise{first(p)}, p.Raises...)
	all = append(all, first(m))
	all = append(all, m.Raises...)
	// An undated raising sorts last: it cannot be the first.
	slices.SortStableFunc(all, func(a, b Raise) int {
		switch {
		case a.Date == b.Date:
			return 0
		case a.Date == "":
			return 1
		case b.Date == "":
			return -1
		}
		return strings.Compare(a.Date, b.Date)
	})
	p.RaisedAt, p.Session = all[0].Date, all[0].Session
	p.Raises = all[1:len(all):len(all)]
	return p
}
