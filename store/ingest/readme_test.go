package ingest

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"txct/store/model"
)

// fill sets every exported field of v (a pointer) to a non-zero value, so a
// writer that leaves empty fields out writes them all.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		fill(v.Elem())
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0))
	case reflect.String:
		v.SetString("x")
	case reflect.Int, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint64:
		v.SetUint(1)
	case reflect.Bool:
		v.SetBool(true)
	}
}

// keys collects every object key in a decoded JSON value.
func keys(v any, into map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			into[k] = true
			keys(e, into)
		}
	case []any:
		for _, e := range v {
			keys(e, into)
		}
	}
}

// The README's bundle example documents every key a bundle carries, and it
// is itself a bundle the importer takes.
func TestREADMEBundleExampleHasEveryKey(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var example string
	for _, m := range regexp.MustCompile("(?s)```json\n(.*?)```").FindAllStringSubmatch(string(readme), -1) {
		if strings.Contains(m[1], BundleFormat) {
			example = m[1]
		}
	}
	if example == "" {
		t.Fatal("the README has no bundle example")
	}
	if _, err := ReadBundle(strings.NewReader(example), "README.md"); err != nil {
		t.Errorf("the README's bundle example does not import: %v", err)
	}
	var s model.Session
	var r model.Remark
	fill(reflect.ValueOf(&s))
	fill(reflect.ValueOf(&r))
	var buf bytes.Buffer
	b := &Bundle{Session: s, Remarks: []model.Remark{r}, MergedInto: []int{1}, SameDemand: [][]string{{"a", "b"}}}
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	written := map[string]bool{}
	keys(doc, written)
	var missing []string
	for k := range written {
		if !strings.Contains(example, `"`+k+`":`) {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	if len(written) < 40 || len(missing) > 0 {
		t.Errorf("the README's bundle example lacks %v (of %d keys a bundle carries)", missing, len(written))
	}
}
