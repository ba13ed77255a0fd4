package match

import (
	"testing"

	"txct/store/model"
)

// genericArchive holds petitions of one commune and hamlet that ask for
// the same action (repair) on three different things, and one that names a
// road only in passing (traffic lights at a junction); the road is last.
var genericArchive = []model.Petition{
	{ID: "G-SCHOOL", Text: "Cử tri thôn Bến Cát đề nghị sửa chữa mái ngói và tường rào Trường Tiểu học Phú Hòa trước mùa bão; mái bị dột, tường rào đã nứt.", Location: "Trường Tiểu học Phú Hòa, thôn Bến Cát"},
	{ID: "G-HALL", Text: "Cử tri thôn Bến Cát đề nghị sửa chữa nhà sinh hoạt cộng đồng thôn, tường bong tróc, cửa sổ hư hỏng, xã Phú Hòa.", Location: "nhà sinh hoạt cộng đồng thôn Bến Cát, xã Phú Hòa"},
	{ID: "G-LIGHT", Text: "Cử tri thôn Bến Cát đề nghị lắp đèn tín hiệu giao thông tại ngã tư đường vào chợ Phú Hòa, giờ tan học học sinh qua lại đông.", Location: "ngã tư đường vào chợ Phú Hòa, thôn Bến Cát"},
	{ID: "G-ROAD", Text: "Cử tri xã Phú Hòa đề nghị sửa chữa đường liên thôn đoạn qua thôn Bến Cát, mặt đường sình lầy, xe máy không đi được khi mưa.", Location: "đường liên thôn, thôn Bến Cát, xã Phú Hòa"},
}

// The same generic action in the same place on another thing is not a
// repeat; the same thing said in other words is.
func TestGenericActionNeedsSharedObject(t *testing.T) {
	ix := Build(genericArchive[:len(genericArchive)-1]) // without the road
	full := Build(genericArchive)
	tests := []struct {
		name   string
		ix     *Index
		remark string
		first  string // "" when nothing may be flagged
	}{
		{"road vs school, hall and a junction", ix,
			"Cử tri xã Phú Hòa đề nghị sửa con đường đất đoạn qua thôn Bến Cát", ""},
		{"repair clause after its road", ix,
			"Thưa các đại biểu. Tôi xin phản ánh đường liên thôn đoạn qua thôn Bến Cát hư hỏng nặng, " +
				"mưa xuống lầy lội, đề nghị xã sớm sửa chữa, ngoài ra đề nghị lắp thêm bóng đèn ở ngã ba. Xin cảm ơn.", ""},
		{"bare repair demand", ix, "Đề nghị xã Phú Hòa sớm sửa chữa, đầu tư xây dựng", ""},
		{"road paraphrase", full,
			"Con đường liên thôn qua Bến Cát, xã Phú Hòa mưa là sình lầy, xe máy không đi được, đề nghị sửa", "G-ROAD"},
		{"repair clause after its road, road archived", full,
			"Thưa các đại biểu. Tôi xin phản ánh đường liên thôn đoạn qua thôn Bến Cát hư hỏng nặng, " +
				"mưa xuống sình lầy, đề nghị xã sớm sửa chữa. Xin cảm ơn.", "G-ROAD"},
		{"school paraphrase", full,
			"Mái trường tiểu học Phú Hòa ở thôn Bến Cát bị dột, tường rào nứt, đề nghị sửa chữa trước mùa bão", "G-SCHOOL"},
		{"hall paraphrase", full,
			"Nhà sinh hoạt cộng đồng thôn Bến Cát tường bong tróc, cửa sổ hỏng, đề nghị xã sửa chữa", "G-HALL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.ix.Check(tt.remark, 5)
			if tt.first == "" {
				if r.Repeat {
					t.Fatalf("flagged %v, want no flag", r.Hits)
				}
				return
			}
			if !r.Repeat || r.Hits[0].ID != tt.first {
				t.Fatalf("got repeat=%v %v, want %s flagged", r.Repeat, r.Hits, tt.first)
			}
		})
	}
	// The repair clause is scored with the road it follows, not alone.
	ds := Demands("đường liên thôn đoạn qua thôn Bến Cát hư hỏng nặng, đề nghị xã sớm sửa chữa, ngoài ra đề nghị lắp đèn ở ngã ba")
	if len(ds) != 2 {
		t.Fatalf("demands %v, want the road with its repair clause, then the lights", ds)
	}
}
