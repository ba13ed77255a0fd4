package ingest

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"txct/store/model"
)

func sampleSession() (model.Session, []model.Remark) {
	s := model.Session{ID: 7, UID: "01J9ZK3Q8W", Title: "Tiếp xúc cử tri trước Kỳ họp cuối năm 2026", Kind: model.KindBefore,
		Sitting: "Kỳ họp thứ 5", Date: "2026-11-20", Start: "08:00", End: "11:00", Place: "Nhà văn hóa thôn Đông",
		Locality: "Tân Thành", DelegateGroup: "Tổ đại biểu HĐND tỉnh số 3", Delegates: []string{"Ông Nguyễn Văn A", "Bà Trần Thị B"},
		Chair: "Ông Lê C", ChairTitle: "Chủ tịch Ủy ban MTTQ xã", Secretary: "Bà Phạm D", Voters: 120, Speakers: 9,
		Issuers: model.Profile{Report: model.Issuer{Parent: "HĐND tỉnh Đồng Nai", Body: "Tổ đại biểu số 3", Code: "TĐB",
			Capacity: []string{"TM. TỔ ĐẠI BIỂU", "TỔ TRƯỞNG"}, Signer: "Nguyễn Văn A", Recipients: []string{"Thường trực HĐND tỉnh"}}},
		Notes:   []model.Note{{Section: model.SecOpening, Text: "Khai mạc <lúc> 8 giờ & \"đúng\" giờ"}},
		Created: time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)}
	rs := []model.Remark{
		{ID: 11, SessionID: 7, Voter: "Ông Hải", Address: "thôn Đông", Text: "Đề nghị sửa đường ĐT.612", Type: model.TypePetition,
			Field: "giao thông", Authority: "tỉnh", Location: "ĐT.612", RepeatOf: []string{"D-A0001", "D-A0002"}, Pressing: true,
			Answer: &model.Answer{By: "Ông A", Text: "Sẽ chuyển Sở Xây dựng"}},
		{ID: 12, SessionID: 7, Text: "Cũng đề nghị sửa đường ĐT.612", Type: model.TypePetition, Field: "giao thông", Authority: "tỉnh", MergedInto: 11},
		{ID: 13, SessionID: 7, Voter: "Bà Yến", Text: "Khen ngợi công tác tiêm chủng", Type: model.TypeOpinion, Dismissed: []string{"D-A0100"}},
	}
	return s, rs
}

func TestBundleRoundTrip(t *testing.T) {
	s, rs := sampleSession()
	var one bytes.Buffer
	if err := WriteBundle(&one, s, rs); err != nil {
		t.Fatal(err)
	}
	b, err := ReadBundle(bytes.NewReader(one.Bytes()), "s.json")
	if err != nil {
		t.Fatal(err)
	}
	if b.Session.UID != s.UID || len(b.Remarks) != 3 || b.MergedInto[1] != 1 || b.MergedInto[0] != 0 {
		t.Fatalf("read back %+v", b)
	}
	if got := b.Session.Issuers; got.Report.Body != "Tổ đại biểu số 3" || len(got.Report.Capacity) != 2 || got.Report.Recipients[0] != "Thường trực HĐND tỉnh" || !got.Minutes.IsZero() {
		t.Errorf("issuers read back %+v", got)
	}
	if b.Remarks[0].ID != 0 || !b.Session.Created.IsZero() {
		t.Fatal("database ids or times travelled")
	}
	var two bytes.Buffer
	if err := b.Write(&two); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), two.Bytes()) {
		t.Fatalf("export → import → export differs:\n%s\n---\n%s", one.String(), two.String())
	}
	// the store assigns ids again: WriteBundle gives the same bytes
	for i := range b.Remarks {
		b.Remarks[i].ID = uint64(100 + i)
		if m := b.MergedInto[i]; m > 0 {
			b.Remarks[i].MergedInto = uint64(100 + m - 1)
		}
	}
	var three bytes.Buffer
	if err := WriteBundle(&three, b.Session, b.Remarks); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(one.Bytes(), three.Bytes()) {
		t.Fatal("WriteBundle after re-import differs")
	}
	if !strings.Contains(one.String(), `"format": "txct-session/1"`) || !strings.Contains(one.String(), "<lúc> 8 giờ &") {
		t.Fatalf("unexpected output:\n%s", one.String())
	}
}

func TestWriteBundleUnknownMerge(t *testing.T) {
	s, rs := sampleSession()
	rs[1].MergedInto = 99
	if err := WriteBundle(&bytes.Buffer{}, s, rs); err == nil {
		t.Fatal("no error for a merge into a remark outside the list")
	}
}

func TestReadBundleErrors(t *testing.T) {
	s, rs := sampleSession()
	var buf bytes.Buffer
	if err := WriteBundle(&buf, s, rs); err != nil {
		t.Fatal(err)
	}
	good := buf.String()
	sub := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("fixture lacks %q", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	tests := []struct {
		name, in, want string
	}{
		{"bad kind", sub(`"kind": "truoc_ky_hop"`, `"kind": "truoc"`), `s.json: session.kind: "truoc" is not one of truoc_ky_hop`},
		{"bad date", sub(`"date": "2026-11-20"`, `"date": "20/11/2026"`), `s.json: session.date: date "20/11/2026" is not YYYY-MM-DD`},
		{"end before start", sub(`"end": "11:00"`, `"end": "07:30"`), "s.json: session.end: end time 07:30 is not after start time 08:00"},
		{"bad clock", sub(`"start": "08:00"`, `"start": "8h"`), `s.json: session.start: time "8h" is not HH:MM`},
		{"negative voters", sub(`"voters": 120`, `"voters": -1`), "s.json: session.voters: -1 is negative"},
		{"voters wrong type", sub(`"voters": 120`, `"voters": "120"`), "s.json: session.voters: want a whole number, got a string"},
		{"voters fraction", sub(`"voters": 120`, `"voters": 1.5`), "s.json: session.voters: want a whole number, got 1.5"},
		{"empty title", sub(`"title": "Tiếp xúc cử tri trước Kỳ họp cuối năm 2026"`, `"title": " "`), "s.json: session.title: is empty"},
		{"missing title", sub(`"title": "Tiếp xúc cử tri trước Kỳ họp cuối năm 2026",`, ``), "s.json: session.title: is missing"},
		{"delegates not array", sub(`"delegates": [`, `"delegates": "x", "d2": [`), "s.json: session.delegates: want an array, got a string"},
		{"bad note section", sub(`"section": "khai_mac"`, `"section": "mo_dau"`), `s.json: session.notes[0].section: "mo_dau" is not one of`},
		{"unknown field label", sub(`"field": "giao thông"`, `"field": "giao thong x"`), `s.json: remarks[0].field: "giao thong x" is not one of giao thông`},
		{"bad authority", sub(`"authority": "tỉnh"`, `"authority": "quận"`), `s.json: remarks[0].authority: "quận" is not one of`},
		{"bad type", sub(`"type": "y_kien"`, `"type": "khen"`), `s.json: remarks[2].type: "khen" is not one of y_kien, kien_nghi`},
		{"empty remark text", sub(`"text": "Khen ngợi công tác tiêm chủng"`, `"text": ""`), "s.json: remarks[2].text: is empty"},
		{"merged_into out of range", sub(`"merged_into": 1`, `"merged_into": 4`), "s.json: remarks[1].merged_into: 4 is out of range"},
		{"merged_into self", sub(`"merged_into": 1`, `"merged_into": 2`), "s.json: remarks[1].merged_into: 2 is the remark itself"},
		{"merged_into chain", strings.Replace(sub(`"merged_into": 1`, `"merged_into": 3`), `"merged_into": 0,
      "pressing": false
    }
  ]`, `"merged_into": 1,
      "pressing": false
    }
  ]`, 1), "s.json: remarks[1].merged_into: remark 3 is itself merged into remark 1"},
		{"pressing wrong type", sub(`"pressing": true`, `"pressing": "yes"`), "s.json: remarks[0].pressing: want true or false, got a string"},
		{"repeat_of wrong item", sub(`"D-A0002"`, `2`), "s.json: remarks[0].repeat_of[1]: want a string, got a number"},
		{"answer wrong type", sub(`"answer": {`, `"answer": 1, "a2": {`), "s.json: remarks[0].answer: want an object, got a number"},
		{"remark not object", sub(`"remarks": [`, `"remarks": [1,`), "s.json: remarks[0]: want an object, got a number"},
		{"missing format", sub(`"format": "txct-session/1",`, ``), "s.json: format: is missing"},
		{"wrong format", sub(`"txct-session/1"`, `"txct-session/2"`), `s.json: format: want "txct-session/1", got "txct-session/2"`},
		{"missing session", `{"format": "txct-session/1", "remarks": []}`, "s.json: session: is missing"},
		{"trailing garbage", good + "\n}x", "s.json:" + itoa(strings.Count(good, "\n")+2) + ":1: unexpected data after the end"},
		{"truncated", good[:len(good)/2], "s.json:" + itoa(strings.Count(good[:len(good)/2], "\n")+1) + ":"},
		{"syntax", "{\n  \"format\": \"txct-session/1\",\n  \"session\": {,}\n}", "s.json:3:15: invalid JSON"},
		{"empty", "", "s.json: the file is empty"},
		{"not object", "[]", "s.json: want an object, got an array"},
		{"invalid utf8", "{\"format\": \"\xff\"}", "s.json:1:13: invalid UTF-8"},
		{"escaped NUL", sub(`"voter": "Ông Hải"`, `"voter": "\u0000"`), "s.json: remarks[0].voter: NUL byte"},
		{"same_demand one id", sub(`"remarks": [`, `"same_demand": [["A", "B"], ["C"]], "remarks": [`), "s.json: same_demand[1]: want a list of two or more petition ids"},
		{"same_demand not ids", sub(`"remarks": [`, `"same_demand": [["A", 2]], "remarks": [`), "s.json: same_demand[0]: want a list of two or more petition ids"},
		{"same_demand empty id", sub(`"remarks": [`, `"same_demand": [["A", " "]], "remarks": [`), "s.json: same_demand[0][1]: is empty"},
		{"same_demand not array", sub(`"remarks": [`, `"same_demand": "A,B", "remarks": [`), "s.json: same_demand: want an array, got a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBundle(strings.NewReader(tt.in), "s.json")
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), tt.want) && !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q\nwant %q", err, tt.want)
			}
			var ie *Error
			if !errors.As(err, &ie) || ie.File != "s.json" {
				t.Fatalf("error %#v is not an *Error naming the file", err)
			}
		})
	}
}

func TestReadBundleIgnoresUnknownKeys(t *testing.T) {
	in := `{"format":"txct-session/1","x-app":"other","session":{"title":"T","kind":"khac","date":"2026-01-02","future":[1,2]},
	"remarks":[{"text":"a","new_key":{"deep":true}}]}`
	b, err := ReadBundle(strings.NewReader(in), "s.json")
	if err != nil {
		t.Fatal(err)
	}
	if b.Session.Title != "T" || len(b.Remarks) != 1 || b.Remarks[0].Text != "a" {
		t.Fatalf("got %+v", b)
	}
}
