package base

import (
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
)

// Lang is a UI language.
type Lang int

// Languages. Vietnamese is the default.
const (
	VI Lang = iota
	EN
)

// ParseLang reads "vi" or "en" (case-insensitive); anything else is Vietnamese.
func ParseLang(s string) Lang {
	if strings.EqualFold(strings.TrimSpace(s), "en") {
		return EN
	}
	return VI
}

// LangFromEnv is the language asked for by TXCT_LANG.
func LangFromEnv() Lang { return ParseLang(os.Getenv("TXCT_LANG")) }

// Text looks UI strings up in the catalog for one language.
type Text struct{ Lang Lang }

// S returns the string for key. A missing key shows as ⟨key⟩, which the
// catalog test and the golden files catch.
func (t Text) S(key string) string {
	e, ok := catalog[key]
	if !ok {
		return "⟨" + key + "⟩"
	}
	if t.Lang == EN && e[1] != "" {
		return expandKeys(e[1])
	}
	return expandKeys(e[0])
}

// keyToken is a key map binding named in a UI string, "{Undo}": the string
// shows that binding's keys ("Ctrl+Z"), so a hint names exactly the keys
// that act, and a changed key changes every hint that names it. "{Undo/1}"
// shows only the first key, for a label with no room for more.
var keyToken = regexp.MustCompile(`\{[A-Z][A-Za-z]*(/1)?\}`)

// keyTokens spells every binding of the key map by its field name. Keys do
// not depend on the language, so one map serves both.
// It is set in init: the key map's help comes from this catalog.
var keyTokens func() map[string]string

func init() { keyTokens = sync.OnceValue(spellKeyTokens) }

func spellKeyTokens() map[string]string {
	km := reflect.ValueOf(DefaultKeyMap(Text{}))
	out := map[string]string{}
	for i := range km.NumField() {
		if b, ok := km.Field(i).Interface().(key.Binding); ok {
			out["{"+km.Type().Field(i).Name+"}"] = KeyNames(b)
			out["{"+km.Type().Field(i).Name+"/1}"] = KeyOf(b)
		}
	}
	return out
}

func expandKeys(s string) string {
	if !strings.Contains(s, "{") {
		return s
	}
	return keyToken.ReplaceAllStringFunc(s, func(tok string) string {
		if n, ok := keyTokens()[tok]; ok {
			return n
		}
		return tok
	})
}

// F formats the string for key with args. An error among args is worded
// in the UI language (Err).
func (t Text) F(key string, args ...any) string {
	if t.Lang != EN {
		cloned := false
		for i, a := range args {
			if err, ok := a.(error); ok {
				if !cloned {
					args, cloned = slices.Clone(args), true // the caller's slice stays as it was
				}
				args[i] = t.Err(err)
			}
		}
	}
	return fmt.Sprintf(t.S(key), args...)
}

// catalog holds every UI string: key → {Vietnamese, English}. The text_*.go
// files of this package add their screen's strings in init, so all strings
// live in this one package.
var catalog = map[string][2]string{
	"app.name":          {"txct — tiếp xúc cử tri", "txct — voter contact"},
	"app.toosmall":      {"Cửa sổ quá nhỏ (%d×%d). Cần ít nhất %d×%d. Phím gõ lúc này không được ghi.", "The window is too small (%d×%d). It needs at least %d×%d. Keys typed now are not taken."},
	"app.saving":        {"Đang lưu…", "Saving…"},
	"app.pastetoosmall": {"Không dán: cửa sổ quá nhỏ để thấy ô đang gõ.", "Not pasted: the window is too small to show the field."},
	"app.saved":         {"Đã lưu", "Saved"},
	"app.savedat":       {"✓ đã lưu %s", "✓ saved %s"},
	"app.saveerr":       {"Lỗi lưu: %v", "Save failed: %v"},
	"app.helptitle":     {"Phím tắt", "Keys"},
	"app.helpclose":     {"%s hoặc %s để đóng", "%s or %s to close"},
	"app.helppage":      {"Trang %d/%d · %s: trang sau · %s: trang trước", "Page %d of %d · %s: next · %s: back"},
	"app.loadingidx":    {"Đang nạp kho kiến nghị…", "Loading the petition archive…"},
	"app.idxready":      {"Kho kiến nghị: %d kiến nghị", "Archive: %d petitions"},
	"app.telexnotsaved": {"Telex vẫn theo lựa chọn mới trong lần chạy này, nhưng không lưu được cho lần mở sau", "Telex follows the new choice for this run, but it could not be saved for the next start"},
	"app.error":         {"Lỗi: %v", "Error: %v"},

	"key.quit":          {"thoát", "quit"},
	"key.help":          {"trợ giúp", "help"},
	"key.palette":       {"tìm lệnh", "find an action"},
	"key.pickclass":     {"chọn lĩnh vực, thẩm quyền", "choose field, level"},
	"cap.pickfield":     {"Chọn lĩnh vực (gõ để lọc · {NextField}: thẩm quyền · {Open} chọn · {Back} đóng)", "Choose the field (type to filter · {NextField}: level · {Open} picks · {Back} closes)"},
	"cap.picklevel":     {"Chọn thẩm quyền (gõ để lọc · {NextField}: lĩnh vực · {Open} chọn · {Back} đóng)", "Choose the level (type to filter · {NextField}: field · {Open} picks · {Back} closes)"},
	"cap.picknone":      {"Không có mục nào khớp", "Nothing matches"},
	"app.palettetitle":  {"Tìm lệnh: gõ để lọc", "Find an action: type to filter"},
	"app.paletteclose":  {"%s/%s chọn · %s chạy · %s đóng", "%s/%s choose · %s runs · %s closes"},
	"app.palettenone":   {"Không có lệnh nào khớp", "No action matches"},
	"key.back":          {"quay lại", "back"},
	"key.up":            {"lên", "up"},
	"key.down":          {"xuống", "down"},
	"key.pgup":          {"trang trước", "page up"},
	"key.pgdown":        {"trang sau", "page down"},
	"key.open":          {"mở", "open"},
	"key.home":          {"về trang chính", "home"},
	"key.newsession":    {"hội nghị mới", "new session"},
	"key.filter":        {"lọc", "filter"},
	"key.archive":       {"kho kiến nghị", "archive"},
	"key.stats":         {"thống kê", "statistics"},
	"key.demo":          {"dữ liệu mẫu", "demo"},
	"key.deletesession": {"xóa hội nghị", "delete session"},
	"key.redraw":        {"vẽ lại màn hình", "redraw the screen"},
	"key.nextfield":     {"ô sau", "next field"},
	"key.prevfield":     {"ô trước", "previous field"},
	"key.submit":        {"lưu", "save"},
	"key.nextsection":   {"mục sau", "next section"},
	"key.prevsection":   {"mục trước", "previous section"},
	"key.newremark":     {"ý kiến mới", "new remark"},
	"key.commit":        {"xong ý kiến", "finish remark"},
	"key.edit":          {"sửa", "edit"},
	"key.delete":        {"xóa", "delete"},
	"key.undo":          {"hoàn tác", "undo"},
	"key.redo":          {"làm lại", "redo"},
	"key.editsession":   {"sửa thông tin hội nghị", "edit session details"},
	"key.first":         {"đầu danh sách", "first"},
	"key.last":          {"cuối danh sách", "last"},
	"key.moveup":        {"chuyển lên", "move up"},
	"key.movedown":      {"chuyển xuống", "move down"},
	"key.cyclefield":    {"lĩnh vực", "field"},
	"key.cyclelevel":    {"thẩm quyền", "level"},
	"key.fieldback":     {"lĩnh vực (lùi)", "field (back)"},
	"key.levelback":     {"thẩm quyền (lùi)", "level (back)"},
	"key.cycletype":     {"ý kiến/kiến nghị", "opinion/petition"},
	"key.telex":         {"gõ Telex", "Telex typing"},
	"key.nextmatch":     {"kết quả trùng sau", "next match"},
	"key.confirm":       {"xác nhận lặp lại", "confirm repeat"},
	"key.dismiss":       {"bỏ qua", "dismiss"},
	"key.merge":         {"gộp ý kiến", "merge remarks"},
	"key.review":        {"màn hình đại biểu", "delegates' review"},
	"key.export":        {"xuất văn bản", "export"},
	"key.details":       {"chi tiết", "details"},
	"key.cyclestatus":   {"đổi tình trạng", "change status"},
	"key.filterfield":   {"lọc lĩnh vực", "filter field"},
	"key.filterlevel":   {"lọc thẩm quyền", "filter level"},
	"key.filterstate":   {"lọc tình trạng", "filter status"},
	"key.yes":           {"đồng ý (có)", "yes"},
	"key.no":            {"không", "no"},
	"key.erase":         {"xóa lùi", "delete back"},
	"key.toggle":        {"chọn/bỏ chọn", "tick/untick"},
	"key.shareaddr":     {"ẩn/hiện địa chỉ cử tri", "hide/show voters' addresses"},
	"key.stopshare":     {"dừng chia sẻ", "stop sharing"},

	"deadline.left":     {"còn %d ngày", "%d days left"},
	"deadline.left1":    {"còn %d ngày", "%d day left"},
	"deadline.overdue1": {"quá hạn %d ngày", "%d day overdue"},
	"deadline.today":    {"hạn hôm nay", "due today"},
	"deadline.overdue":  {"quá hạn %d ngày", "%d days overdue"},
	"deadline.exported": {"đã xuất văn bản", "exported"},
	"deadline.changed":  {"sửa sau khi xuất · %s", "changed since export · %s"},
	"deadline.due":      {"hạn %s", "due %s"},

	"kind.truoc_ky_hop": {"Trước kỳ họp", "Before a sitting"},
	"kind.sau_ky_hop":   {"Sau kỳ họp", "After a sitting"},
	"kind.chuyen_de":    {"Chuyên đề", "Thematic"},
	"kind.khac":         {"Khác", "Other"},

	"section.khai_mac":   {"Khai mạc", "Opening"},
	"section.bao_cao":    {"Báo cáo của đại biểu", "Delegates' report"},
	"section.y_kien":     {"Ý kiến cử tri", "Voters' remarks"},
	"section.giai_trinh": {"Giải trình của đại biểu", "Delegates' answers"},
	"section.ket_luan":   {"Kết luận", "Conclusion"},

	"type.y_kien":    {"Ý kiến", "Opinion"},
	"type.kien_nghi": {"Kiến nghị", "Petition"},

	"level.trung ương": {"Trung ương", "Central"},
	"level.tỉnh":       {"Tỉnh", "Province"},
	"level.huyện":      {"Huyện (cũ)", "District (old)"},
	"level.xã":         {"Xã", "Commune"},
	"level.none":       {"chưa rõ", "unset"},

	"status.resolved":    {"đã giải quyết xong", "resolved"},
	"status.in_progress": {"đang giải quyết", "in progress"},
	"status.answered":    {"đã trả lời", "answered"},
	"status.unresolved":  {"chưa giải quyết", "unresolved"},
	"status.forwarded":   {"đã chuyển, chờ trả lời", "forwarded, awaiting answer"},

	"field.giao thông":              {"Giao thông", "Transport"},
	"field.đất đai":                 {"Đất đai", "Land"},
	"field.nông nghiệp - thủy lợi":  {"Nông nghiệp - thủy lợi", "Agriculture - irrigation"},
	"field.y tế":                    {"Y tế", "Health"},
	"field.giáo dục":                {"Giáo dục", "Education"},
	"field.chính sách xã hội":       {"Chính sách xã hội", "Social policy"},
	"field.môi trường":              {"Môi trường", "Environment"},
	"field.điện - nước sinh hoạt":   {"Điện - nước sinh hoạt", "Power - water"},
	"field.đô thị - xây dựng":       {"Đô thị - xây dựng", "Urban - construction"},
	"field.kinh tế - ngân sách":     {"Kinh tế - ngân sách", "Economy - budget"},
	"field.an ninh - trật tự":       {"An ninh - trật tự", "Security - order"},
	"field.văn hóa - thông tin":     {"Văn hóa - thông tin", "Culture - information"},
	"field.tổ chức bộ máy - cán bộ": {"Tổ chức bộ máy - cán bộ", "Organisation - staff"},
	"field.khác":                    {"Khác", "Other"},
	"field.none":                    {"chưa phân loại", "unclassified"},
}

// add merges a screen's strings into the catalog; a key defined twice is a
// programming error caught at start-up.
func add(m map[string][2]string) {
	for k, v := range m {
		if _, dup := catalog[k]; dup {
			panic("base: UI string defined twice: " + k)
		}
		catalog[k] = v
	}
}

// Keys lists every catalog key (for tests).
func Keys() []string {
	out := make([]string, 0, len(catalog))
	for k := range catalog {
		out = append(out, k)
	}
	return out
}
