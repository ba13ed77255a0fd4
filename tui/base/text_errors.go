package base

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"

	"txct/store/ingest"
	"txct/store/model"
)

// Err words an error in the UI language. In English it is err.Error(),
// byte for byte. In Vietnamese, the file readers' and the session's
// translatable errors (model.Errorf) are said again from errorsVI, with
// their position in a file ("tệp.csv:3", "Sheet1 hàng 5") kept; text the
// catalog does not know (a library's own message) stays as it is.
func (t Text) Err(err error) string {
	if err == nil {
		return ""
	}
	if t.Lang == EN {
		return err.Error()
	}
	return viErr(err)
}

func viErr(err error) string {
	switch e := err.(type) {
	case *model.Detail:
		f, ok := errorsVI[e.Format]
		if !ok {
			return e.Error()
		}
		args := make([]any, len(e.Args))
		for i, a := range e.Args {
			if ae, ok := a.(error); ok {
				args[i] = viErr(ae)
			} else {
				args[i] = a
			}
		}
		// %w is for fmt.Errorf; the wrapped error is already words here.
		return fmt.Sprintf(strings.ReplaceAll(f, "%w", "%v"), args...)
	case *ingest.Error:
		return e.Where("hàng", "cột") + ": " + viErr(e.Err)
	case *model.FieldError:
		return e.Field + ": " + viErr(e.Err)
	case model.FieldErrors:
		parts := make([]string, len(e))
		for i, fe := range e {
			parts[i] = viErr(fe)
		}
		return strings.Join(parts, "; ")
	case interface{ Detail() error }:
		return viErr(e.Detail())
	case *json.SyntaxError:
		return jsonSyntaxVI(e.Error())
	case *fs.PathError:
		// The system's words differ by system; the two a user meets
		// most are said here.
		switch {
		case errors.Is(e.Err, fs.ErrNotExist):
			return e.Path + ": không có tệp hoặc thư mục này"
		case errors.Is(e.Err, fs.ErrPermission):
			return e.Path + ": không có quyền truy cập"
		}
	}
	msg := err.Error()
	var inner []error
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		inner = []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		inner = u.Unwrap()
	default:
		if v, ok := errorsVI[msg]; ok && !strings.Contains(msg, "%") {
			return v
		}
		return msg
	}
	// A wrapper (fmt.Errorf with %w, errors.Join): its own words stay,
	// the text of what it wraps is said again.
	for _, in := range inner {
		if in == nil {
			continue
		}
		s := in.Error()
		if i := strings.LastIndex(msg, s); i >= 0 {
			msg = msg[:i] + viErr(in) + msg[i+len(s):]
		}
	}
	return msg
}

// jsonContextVI words where encoding/json found a character it did not
// expect, by its English words for the place.
var jsonContextVI = map[string]string{
	"looking for beginning of value":             "ở chỗ cần một giá trị",
	"looking for beginning of object key string": "ở chỗ cần tên trường (chuỗi trong ngoặc kép)",
	"after object key":                           "sau tên trường (cần dấu hai chấm)",
	"after object key:value pair":                "sau một cặp tên:giá trị (cần dấu phẩy hoặc })",
	"after array element":                        "sau một phần tử của mảng (cần dấu phẩy hoặc ])",
	"after top-level value":                      "sau khi tài liệu đã kết thúc",
	"in string literal":                          "trong một chuỗi",
	"in string escape code":                      "trong một mã thoát của chuỗi",
	`in \u hexadecimal character escape`:         `trong một mã \u thập lục phân`,
	"in numeric literal":                         "trong một số",
	"after decimal point in numeric literal":     "sau dấu thập phân của một số",
	"in exponent of numeric literal":             "trong số mũ của một số",
}

// jsonSyntaxVI words encoding/json's syntax error msg in Vietnamese; a
// message it does not know stays as it is.
func jsonSyntaxVI(msg string) string {
	if msg == "unexpected end of JSON input" {
		return "dữ liệu JSON kết thúc giữa chừng"
	}
	rest, ok := strings.CutPrefix(msg, "invalid character ")
	if !ok {
		return msg
	}
	// The longest place first: "in numeric literal" ends "after decimal
	// point in numeric literal" too.
	places := slices.SortedFunc(maps.Keys(jsonContextVI), func(a, b string) int { return len(b) - len(a) })
	for _, en := range places {
		if char, ok := strings.CutSuffix(rest, " "+en); ok {
			return "ký tự " + char + " không hợp lệ " + jsonContextVI[en]
		}
	}
	if char, lit, ok := strings.Cut(rest, " in literal "); ok {
		return "ký tự " + char + " không hợp lệ trong từ khóa " + strings.Replace(lit, "(expecting ", "(cần ", 1)
	}
	return msg
}

// errorsVI holds the Vietnamese of every English format given to
// model.Errorf (the file readers' errorf, a session's Validate, the answers
// import) and of the readers' sentinel errors, keyed by the English. The
// verbs are the same, in the same order: a test checks both.
var errorsVI = map[string]string{
	// Sentinel errors.
	"too large":             "quá lớn",
	"NUL byte in text":      "có byte NUL trong văn bản",
	"invalid UTF-8":         "không phải UTF-8 hợp lệ",
	"unknown text encoding": "không nhận ra bảng mã",
	"unsupported format":    "định dạng không đọc được",
	"text is not UTF-8 (the console's code page garbled the Vietnamese letters)": "văn bản không phải UTF-8 (bảng mã của cửa sổ dòng lệnh đã làm hỏng chữ tiếng Việt)",
	"record too short": "bản ghi quá ngắn",
	"unknown encoding": "không biết bảng mã này",

	// The answers import.
	"differs from the archive's text; the change is ignored (edit petitions in txct)": "khác nội dung trong kho kiến nghị; thay đổi này bị bỏ qua (hãy sửa kiến nghị trong txct)",
	"no petition %q in the archive; nothing was imported":                             "không có kiến nghị %q trong kho kiến nghị; chưa nhập gì",

	// Excel 97–2003 workbooks.
	"CONTINUE record runs past the end of the stream: %w":                                    "bản ghi CONTINUE vượt quá cuối luồng dữ liệu: %w",
	"Excel format version %#04x is not read; save it as .xlsx: %w":                           "không đọc được định dạng Excel phiên bản %#04x; hãy lưu lại thành .xlsx: %w",
	"no workbook stream in this compound file (is it a Word document?): %w":                  "tệp này không có luồng sổ tính (có phải tài liệu Word không?): %w",
	"not a readable Excel 97–2003 workbook: %v: %w":                                          "không phải sổ tính Excel 97–2003 đọc được: %v: %w",
	"reading the workbook stream: %v: %w":                                                    "lỗi khi đọc luồng sổ tính: %v: %w",
	"record %#04x runs past the end of the stream: %w":                                       "bản ghi %#04x vượt quá cuối luồng dữ liệu: %w",
	"shared string %d is cut short: %w":                                                      "chuỗi dùng chung số %d bị cắt cụt: %w",
	"shared string table is too short: %w":                                                   "bảng chuỗi dùng chung quá ngắn: %w",
	"the first sheet does not start where the workbook says: %w":                             "trang tính đầu tiên không bắt đầu ở chỗ sổ tính ghi: %w",
	"the workbook has no worksheet: %w":                                                      "sổ tính không có trang tính nào: %w",
	"the workbook is password-protected; remove the password in Excel and save it again: %w": "sổ tính có mật khẩu; hãy gỡ mật khẩu trong Excel rồi lưu lại: %w",
	"the workbook stream does not start with a BIFF header: %w":                              "luồng sổ tính không bắt đầu bằng phần đầu BIFF: %w",
	"workbook is over the %d MiB limit: %w":                                                  "sổ tính vượt giới hạn %d MiB: %w",

	// Session bundles.
	"remark %d is merged into remark id %d, which is not in the session": "ý kiến %d được gộp vào ý kiến có mã %d, nhưng ý kiến đó không thuộc hội nghị",
	"%d is out of range: want 0 (none) or a remark number from 1 to %d":  "%d nằm ngoài phạm vi: cần 0 (không gộp) hoặc số thứ tự ý kiến từ 1 đến %d",
	"%d is the remark itself":             "%d là chính ý kiến này",
	"%q is not one of y_kien, kien_nghi":  "%q không phải y_kien hay kien_nghi",
	"bundle is over the %d MiB limit: %w": "tệp hội nghị vượt giới hạn %d MiB: %w",
	"invalid JSON: %v":                    "JSON không hợp lệ: %v",
	"is empty":                            "đang trống",
	"remark %d is itself merged into remark %d; point to the lead remark": "ý kiến %d đã được gộp vào ý kiến %d; hãy trỏ tới ý kiến chính",
	"the file ends in the middle of the document (truncated?)":            "tệp kết thúc giữa chừng (bị cắt cụt?)",
	"the file is empty":                                "tệp trống",
	"unexpected data after the end of the document":    "có dữ liệu thừa sau khi tài liệu đã kết thúc",
	"want %q, got %q":                                  "cần %q, nhưng gặp %q",
	"want a list of two or more petition ids":          "cần một danh sách từ hai mã kiến nghị trở lên",
	"want an object, got %v":                           "cần một đối tượng, nhưng gặp %v",
	"invalid array: %v":                                "mảng không hợp lệ: %v",
	"invalid object: %v":                               "đối tượng không hợp lệ: %v",
	"invalid string: %v":                               "chuỗi không hợp lệ: %v",
	"is missing":                                       "bị thiếu",
	"string of %d bytes is over the %d-byte limit: %w": "chuỗi dài %d byte, vượt giới hạn %d byte: %w",
	"want a string, got %v":                            "cần một chuỗi, nhưng gặp %v",
	"want a whole number, got %v":                      "cần một số nguyên, nhưng gặp %v",
	"want a whole number, got %s":                      "cần một số nguyên, nhưng gặp %s",
	"want an array, got %v":                            "cần một mảng, nhưng gặp %v",
	"want true or false, got %v":                       "cần true hoặc false, nhưng gặp %v",

	// The kinds of JSON value named in the errors above.
	"nothing":   "không có gì",
	"a string":  "một chuỗi",
	"an object": "một đối tượng",
	"an array":  "một mảng",
	"a boolean": "một giá trị đúng/sai",
	"null":      "null",
	"a number":  "một số",
	"string":    "chuỗi",
	"object":    "đối tượng",
	"array":     "mảng",
	"bool":      "giá trị đúng/sai",
	"number":    "số",
	"%s":        "%s",

	// CSV and the text encodings.
	"column %d: %w":                                   "cột %d: %w",
	"column %q appears twice in the header":           "cột %q xuất hiện hai lần ở hàng tiêu đề",
	"not UTF-8 from line %d on (ASCII before it): %w": "không phải UTF-8 từ dòng %d trở đi (trước đó là ASCII): %w",
	"not UTF-8, and over the %d MiB a file in a legacy encoding may have; save it as CSV UTF-8: %w": "không phải UTF-8, và vượt %d MiB, giới hạn của một tệp dùng bảng mã cũ; hãy lưu lại dạng CSV UTF-8: %w",
	"over the %d MiB limit for judging columns typed in an old font: %w":                            "vượt giới hạn %d MiB để nhận ra các cột gõ bằng phông cũ: %w",
	"over the %d MiB limit for telling the encoding: %w":                                            "vượt giới hạn %d MiB để nhận ra bảng mã: %w",
	"quoted field is not closed before the end of the file":                                         "một ô mở dấu ngoặc kép nhưng đến cuối tệp vẫn chưa đóng",
	"record is over the %d-byte limit: %w":                                                          "bản ghi vượt giới hạn %d byte: %w",
	"row has %d columns, the header has %d":                                                         "hàng có %d cột, hàng tiêu đề có %d cột",
	"the file is empty: want a header row and rows":                                                 "tệp trống: cần một hàng tiêu đề và các hàng dữ liệu",
	"the header has no column %s (found: %s)":                                                       "hàng tiêu đề không có cột %s (các cột tìm thấy: %s)",
	"unexpected %q after a closing quote (a quote inside a quoted field must be doubled)":           "gặp %q ngay sau dấu ngoặc kép đóng (dấu ngoặc kép bên trong ô phải viết đôi)",
	"%s reads %d of %d accented words as Vietnamese":                                                "%s đọc ra tiếng Việt %d trên %d từ có dấu",
	"%v; %v": "%v; %v",
	"encoding %q is not one of utf8, tcvn3, vni, cp1258: %w":                                                                                                       "bảng mã %q không phải utf8, tcvn3, vni hay cp1258: %w",
	"not UTF-8, and not TCVN3 (ABC), VNI-Windows or Windows-1258 either (no accented word reads as Vietnamese); save the file as CSV UTF-8":                        "không phải UTF-8, cũng không phải TCVN3 (ABC), VNI-Windows hay Windows-1258 (không từ có dấu nào đọc ra tiếng Việt); hãy lưu tệp dạng CSV UTF-8",
	"not UTF-8, and too few accented words to tell the encoding (%v); choose it with --encoding %s, or save the file as CSV UTF-8":                                 "không phải UTF-8, và quá ít từ có dấu để nhận ra bảng mã (%v); hãy chọn bằng --encoding %s, hoặc lưu tệp dạng CSV UTF-8",
	"not UTF-8; looks most like %s, but only %d of %d accented words read as Vietnamese in it; save the file as CSV UTF-8, or choose the encoding with --encoding": "không phải UTF-8; giống %s nhất, nhưng chỉ %d trên %d từ có dấu đọc ra tiếng Việt; hãy lưu tệp dạng CSV UTF-8, hoặc chọn bảng mã bằng --encoding",
	"%s cannot encode %q": "%s không mã hóa được %q",

	// Word and PDF reports.
	"%s is over the %d MiB limit: %w":               "%s vượt giới hạn %d MiB: %w",
	"document.xml is not well-formed: %v: %w":       "document.xml sai cấu trúc: %v: %w",
	"no word/document.xml: not a Word document: %w": "không có word/document.xml: không phải tài liệu Word: %w",
	"not a readable DOCX document: %v: %w":          "không phải tài liệu DOCX đọc được: %v: %w",
	"reading the document: %v: %w":                  "lỗi khi đọc tài liệu: %v: %w",
	"not a DOCX or PDF document: %w":                "không phải tài liệu DOCX hay PDF: %w",
	"not a readable PDF: %v: %w":                    "không phải tệp PDF đọc được: %v: %w",
	"the PDF cannot be read: %v: %w":                "không đọc được tệp PDF: %v: %w",
	"the PDF has no text layer (a scan?); save the report as DOCX, or run it through OCR first: %w": "tệp PDF không có lớp chữ (bản quét?); hãy lưu báo cáo dạng DOCX, hoặc nhận dạng chữ (OCR) trước: %w",
	"item %d: %s: %w":              "mục %d: %s: %w",
	"paragraph %d (%q)":            "đoạn %d (%q)",
	"no heading":                   "không có đề mục nào",
	"the last heading read was %q": "đề mục cuối cùng đọc được là %q",
	"no numbered items under level or field headings, and no table with a Nội dung column (%v); nothing was imported":     "không có mục đánh số nào dưới các đề mục cấp hoặc lĩnh vực, cũng không có bảng nào có cột Nội dung (%v); chưa nhập gì",
	"structure lost at %v: item %d follows item %d (under %q); the numbering must run on or restart at 1 under a heading": "mất cấu trúc ở %v: mục %d đứng sau mục %d (dưới %q); số thứ tự phải chạy tiếp, hoặc bắt đầu lại từ 1 dưới một đề mục",
	"structure lost at item %d (%q): this answer report has no answer under it (want \"Trả lời:\" or \"Sở … trả lời:\")":  "mất cấu trúc ở mục %d (%q): báo cáo trả lời này không có câu trả lời dưới mục đó (cần \"Trả lời:\" hoặc \"Sở … trả lời:\")",

	// JSONL archives.
	"%s: %w":                           "%s: %w",
	"%s: want a string, got a JSON %v": "%s: cần một chuỗi, nhưng gặp giá trị JSON kiểu %v",
	"a JSON array is not supported; write one object per line (JSONL): %w": "không hỗ trợ mảng JSON; hãy ghi mỗi dòng một đối tượng (JSONL): %w",
	"invalid JSON at byte %d: %v":                                          "JSON không hợp lệ ở byte %d: %v",
	"line is over the %d-byte limit: %w":                                   "dòng vượt giới hạn %d byte: %w",
	"same_demand[%d]: %w":                                                  "same_demand[%d]: %w",
	"variants[%d]: %w":                                                     "variants[%d]: %w",
	"voters: %d is negative":                                               "voters: %d là số âm",
	"want a JSON object, got a JSON %v":                                    "cần một đối tượng JSON, nhưng gặp giá trị JSON kiểu %v",

	// XLSX workbooks and the kinds of file.
	"format %q is not one of jsonl, csv, xlsx, xls: %w":                                    "định dạng %q không phải jsonl, csv, xlsx hay xls: %w",
	"not an XLSX workbook (no zip signature): %w":                                          "không phải sổ tính XLSX (không có chữ ký zip): %w",
	"a cell is right of the last column, %s":                                               "có ô nằm bên phải cột cuối cùng, %s",
	"shared string index %d is out of range":                                               "chỉ số chuỗi dùng chung %d nằm ngoài phạm vi",
	"the first sheet's part is not listed":                                                 "phần chứa trang tính đầu tiên không có trong danh mục",
	"the package has no part %s":                                                           "gói tệp không có phần %s",
	"the workbook has no sheet":                                                            "sổ tính không có trang tính nào",
	"cells of column %s are merged across rows; unmerge them so each petition has its own": "các ô của cột %s bị gộp qua nhiều hàng; hãy bỏ gộp ô để mỗi kiến nghị có ô riêng",
	"column %s: %w": "cột %s: %w",
	"merged cells join the header row %d to the data below; unmerge them": "ô gộp nối hàng tiêu đề %d với dữ liệu bên dưới; hãy bỏ gộp ô",
	"no header row in the first %d rows names the column %s":              "trong %d hàng đầu không có hàng tiêu đề nào có cột %s",
	"no header row names the column %s":                                   "không có hàng tiêu đề nào có cột %s",
	"not a readable XLSX workbook: %v: %w":                                "không phải sổ tính XLSX đọc được: %v: %w",
	"reading the row: %v":                                                 "lỗi khi đọc hàng: %v",
	"reading the shared strings: %v":                                      "lỗi khi đọc các chuỗi dùng chung: %v",
	"the sheet is empty":                                                  "trang tính trống",

	// Values of the archive's columns.
	"%q is not one of %s":                     "%q không thuộc các giá trị %s",
	"date %q is not YYYY-MM-DD or DD/MM/YYYY": "ngày %q không theo dạng YYYY-MM-DD hay DD/MM/YYYY",
	"date %q is not YYYY-MM-DD":               "ngày %q không theo dạng YYYY-MM-DD",
	"holds U+FFFD (�) at %q: a character was lost in an earlier conversion, or the file's encoding does not define a byte here; fix the source text":                     "có ký tự U+FFFD (�) ở %q: một chữ đã mất trong một lần chuyển đổi trước, hoặc bảng mã của tệp không có byte này; hãy sửa văn bản gốc",
	"holds a tone or vowel mark that belongs to no letter at %q: the text was converted from the wrong encoding; check the encoding (--encoding) or fix the source text": "có dấu thanh hoặc dấu mũ không thuộc chữ nào ở %q: văn bản đã được chuyển từ sai bảng mã; hãy kiểm tra bảng mã (--encoding) hoặc sửa văn bản gốc",
	"id %q is already used by a different petition on row %d":  "mã %q đã được dùng cho một kiến nghị khác ở hàng %d",
	"id %q is already used by a different petition on line %d": "mã %q đã được dùng cho một kiến nghị khác ở dòng %d",
	"text is empty": "nội dung trống",
	"value of %d bytes is over the %d-byte limit: %w": "giá trị dài %d byte, vượt giới hạn %d byte: %w",

	// The archive, rounds and same-demand marks.
	"petition %q: cannot be marked the same as itself":            "kiến nghị %q: không thể đánh dấu cùng kiến nghị với chính nó",
	"remarks %d and %d are of the same session: merge them there": "ý kiến %d và %d thuộc cùng một hội nghị: hãy gộp chúng trong hội nghị đó",
	"remark %d is already marked the same demand as %d":           "ý kiến %d đã được đánh dấu cùng kiến nghị với ý kiến %d",
	"no sitting named": "chưa ghi tên kỳ họp",
	"no sessions":      "không có hội nghị nào",
	"deadline of %d days is out of range (1–60)": "thời hạn %d ngày nằm ngoài khoảng cho phép (1–60)",
	"session date %q is not YYYY-MM-DD":          "ngày hội nghị %q không theo dạng YYYY-MM-DD",

	// A session's fields.
	"%d is negative":                         "%d là số âm",
	"end time %s is not after start time %s": "giờ kết thúc %s không sau giờ bắt đầu %s",
	"time %q is not HH:MM":                   "giờ %q không theo dạng HH:MM",
}
