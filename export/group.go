package export

// How remarks become the items of the report: merge groups shown once,
// grouped by competent level then by field, and the counts printed about
// them.

import (
	"fmt"
	"slices"
	"strings"

	"txct/export/doc"
	"txct/store/model"
)

// levelName is the report's heading word for a level.
func levelName(a model.Authority) string {
	switch a {
	case model.AuthCentral:
		return "Trung ương"
	case model.AuthProvince:
		return "tỉnh"
	case model.AuthDistrict:
		return "huyện (theo hồ sơ trước ngày 01/7/2025)"
	case model.AuthCommune:
		return "xã"
	}
	return "chưa xác định"
}

// item is one entry of the report's section II: a remark, or a merge group
// shown once.
type item struct {
	lead    model.Remark
	members []model.Remark // the lead first
	seq     int            // the lead's number in the minutes
	no      int            // the item's number in the report's section II
}

// items groups merged remarks under their lead and keeps minutes order.
func items(rs []model.Remark) []item {
	pos := map[uint64]int{}
	var out []item
	for i, r := range rs {
		if r.MergedInto != 0 {
			if j, ok := pos[r.MergedInto]; ok {
				out[j].members = append(out[j].members, r)
				continue
			}
		}
		pos[r.ID] = len(out)
		out = append(out, item{lead: r, members: []model.Remark{r}, seq: i + 1})
	}
	return out
}

// grouped orders items by level, then field in the fixed order, keeping
// minutes order within a group.
func grouped(its []item) []item {
	out := slices.Clone(its)
	slices.SortStableFunc(out, func(a, b item) int {
		if c := levelOf(a.lead).Index() - levelOf(b.lead).Index(); c != 0 {
			return c
		}
		return fieldIndex(a.lead.Field) - fieldIndex(b.lead.Field)
	})
	return out
}

func fieldIndex(f model.Field) int {
	if i := f.Index(); i >= 0 {
		return i
	}
	return model.FieldOther.Index()
}

// levelOf is a remark's competent level, or "" (unclassified) when it has
// none or one txct does not know, so every remark is counted somewhere.
func levelOf(r model.Remark) model.Authority {
	if r.Authority.Valid() {
		return r.Authority
	}
	return ""
}

func fieldOf(r model.Remark) model.Field {
	if r.Field.Valid() {
		return r.Field
	}
	return model.FieldOther
}

// Counts are the numbers the report prints. By level and by field each add
// up to AfterMerge.
type Counts struct {
	Remarks, AfterMerge, Answered, Repeats, Opinions, Speakers int
	ByLevel                                                    map[model.Authority]int
	ByField                                                    map[model.Field]int
}

// Count computes the report's numbers from a snapshot.
func Count(snap model.Snapshot) Counts {
	its := items(snap.Remarks)
	c := Counts{Remarks: len(snap.Remarks), AfterMerge: len(its), ByLevel: map[model.Authority]int{}, ByField: map[model.Field]int{}}
	voters := map[string]bool{}
	for _, r := range snap.Remarks {
		if r.Answered() {
			c.Answered++
		}
		if len(r.RepeatOf) > 0 {
			c.Repeats++
		}
		voters[strings.ToLower(docText(r.Voter))+"|"+strings.ToLower(docText(r.Address))] = true
	}
	c.Speakers = snap.Session.Speakers
	if c.Speakers == 0 {
		c.Speakers = len(voters)
	}
	for _, it := range its {
		c.ByLevel[levelOf(it.lead)]++
		c.ByField[fieldOf(it.lead)]++
		if it.lead.Type == model.TypeOpinion {
			c.Opinions++
		}
	}
	return c
}

// levelGroup is one competent level of section II, numbered from 1 in the
// order central, province, (legacy district), commune, unclassified; only
// levels with items appear.
type levelGroup struct {
	no     int
	level  model.Authority
	fields []fieldGroup
}

// fieldGroup is one field within a level, lettered a), b)… in the fixed
// order of model.Fields.
type fieldGroup struct {
	letter string
	field  model.Field
	items  []item
}

// sections groups the items of a session for section II and numbers them
// 1… across the groups.
func sections(rs []model.Remark) []levelGroup {
	var out []levelGroup
	for i, it := range grouped(items(rs)) {
		it.no = i + 1
		if len(out) == 0 || out[len(out)-1].level != levelOf(it.lead) {
			out = append(out, levelGroup{no: len(out) + 1, level: levelOf(it.lead)})
		}
		lg := &out[len(out)-1]
		f := fieldOf(it.lead)
		if len(lg.fields) == 0 || lg.fields[len(lg.fields)-1].field != f {
			lg.fields = append(lg.fields, fieldGroup{letter: doc.Letter(len(lg.fields) + 1), field: f})
		}
		fg := &lg.fields[len(lg.fields)-1]
		fg.items = append(fg.items, it)
	}
	return out
}

// row is a remark's values in the appendix and the spreadsheet.
type row struct {
	no, text, voter, address, kind, field, level, answer string
	item                                                 int    // its section II item
	mergedWith                                           int    // the minutes number of the remark it merges into, or 0
	repeats                                              string // earlier raisings, for the appendix (no archive ids)
	ids                                                  string // archive ids and dates, for the spreadsheet
	note                                                 string // the appendix's "Ghi chú"
}

// remarkRows are the session's remarks in minutes order, each with its
// section II item, its merge and the earlier raisings it repeats.
func remarkRows(snap model.Snapshot, secs []levelGroup) []row {
	no := itemNumbers(secs)
	pos := map[uint64]int{}
	for i, r := range snap.Remarks {
		pos[r.ID] = i + 1
	}
	var out []row
	for i, r := range snap.Remarks {
		x := row{no: fmt.Sprint(i + 1), text: sentence(docText(r.Text)), voter: orAnonymous(docText(r.Voter)), address: docText(r.Address),
			kind: upperFirst(kindWord(r)), field: string(fieldOf(r)), item: no[r.ID]}
		if a := levelOf(r); a != "" {
			x.level = levelName(a)
		}
		if r.Answered() {
			x.answer = answerer(r) + ": " + sentence(docText(r.Answer.Text))
		}
		if r.MergedInto != 0 && r.MergedInto != r.ID && pos[r.MergedInto] > 0 {
			x.mergedWith = pos[r.MergedInto]
		}
		var reps, ids []string
		for _, id := range r.RepeatOf {
			p, ok := snap.Petitions[id]
			if !ok {
				// The clerk's sheet shows it, so it can be corrected.
				ids = append(ids, docText(id)+" (không có trong kho)")
				continue
			}
			if p.RaisedAt != "" {
				reps = append(reps, "đã nêu ngày "+shortDate(p.RaisedAt))
			} else {
				reps = append(reps, "đã nêu trước đây")
			}
			ids = append(ids, docText(id)+" ("+shortDate(p.RaisedAt)+")")
		}
		x.repeats, x.ids = strings.Join(reps, "; "), strings.Join(ids, "; ")
		notes := []string{fmt.Sprintf("Mục II.%d", x.item)}
		if x.mergedWith > 0 {
			notes = append(notes, fmt.Sprintf("gộp với ý kiến số %d", x.mergedWith))
		}
		if x.repeats != "" {
			notes = append(notes, kindWord(r)+" lặp lại ("+x.repeats+")")
		}
		x.note = strings.Join(notes, "; ")
		out = append(out, x)
	}
	return out
}

// orAnonymous is a voter's name, or "Một cử tri" for one who gave none.
func orAnonymous(name string) string {
	if name == "" {
		return "Một cử tri"
	}
	return name
}
