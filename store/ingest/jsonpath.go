package ingest

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// obj is a decoded JSON object whose values are still raw, so each key can
// be checked for its type and reported by its path.
type obj struct {
	path string
	m    map[string]json.RawMessage
}

func itoa(i int) string { return strconv.Itoa(i) }

func (o obj) at(key string) string {
	if o.path == "" {
		return key
	}
	return o.path + "." + key
}

// jsonKind names the JSON type of raw for messages.
func jsonKind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// kindErr is a JSON kind as jsonKind ("an array") or encoding/json
// ("array") names it, as a translatable error.
func kindErr(k string) error {
	switch k {
	case "nothing":
		return errorf("nothing")
	case "a string":
		return errorf("a string")
	case "an object":
		return errorf("an object")
	case "an array":
		return errorf("an array")
	case "a boolean":
		return errorf("a boolean")
	case "null":
		return errorf("null")
	case "a number":
		return errorf("a number")
	case "string":
		return errorf("string")
	case "object":
		return errorf("object")
	case "array":
		return errorf("array")
	case "bool":
		return errorf("bool")
	case "number":
		return errorf("number")
	}
	return errorf("%s", k)
}

// isNull reports whether raw is absent or null: both mean "not given".
func isNull(raw json.RawMessage, ok bool) bool {
	return !ok || string(bytes.TrimSpace(raw)) == "null"
}

func asObject(path string, raw json.RawMessage) (obj, error) {
	if jsonKind(raw) != "an object" {
		return obj{}, errorf("want an object, got %v", kindErr(jsonKind(raw)))
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return obj{}, errorf("invalid object: %v", err)
	}
	return obj{path: path, m: m}, nil
}

// text decodes a JSON string, refusing NUL and normalising to NFC.
func text(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", errorf("invalid string: %v", err)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return "", ErrNUL
	}
	if len(s) > MaxField {
		return "", errorf("string of %d bytes is over the %d-byte limit: %w", len(s), MaxField, ErrTooLarge)
	}
	return norm.NFC.String(s), nil
}

func (o obj) str(key string, required bool) (string, *pathError) {
	raw, ok := o.m[key]
	if isNull(raw, ok) {
		if required {
			return "", &pathError{o.at(key), errorf("is missing")}
		}
		return "", nil
	}
	if k := jsonKind(raw); k != "a string" {
		return "", &pathError{o.at(key), errorf("want a string, got %v", kindErr(k))}
	}
	s, err := text(raw)
	if err != nil {
		return "", &pathError{o.at(key), err}
	}
	return s, nil
}

func (o obj) strings(key string) ([]string, *pathError) {
	items, perr := o.array(key)
	if perr != nil || items == nil {
		return nil, perr
	}
	out := make([]string, len(items))
	for i, raw := range items {
		p := o.at(key) + "[" + itoa(i) + "]"
		if k := jsonKind(raw); k != "a string" {
			return nil, &pathError{p, errorf("want a string, got %v", kindErr(k))}
		}
		s, err := text(raw)
		if err != nil {
			return nil, &pathError{p, err}
		}
		out[i] = s
	}
	return out, nil
}

// array returns the items of an array; nil when the key is absent.
func (o obj) array(key string) ([]json.RawMessage, *pathError) {
	raw, ok := o.m[key]
	if isNull(raw, ok) {
		return nil, nil
	}
	if k := jsonKind(raw); k != "an array" {
		return nil, &pathError{o.at(key), errorf("want an array, got %v", kindErr(k))}
	}
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, &pathError{o.at(key), errorf("invalid array: %v", err)}
	}
	if items == nil {
		items = []json.RawMessage{}
	}
	return items, nil
}

func (o obj) int(key string) (int, *pathError) {
	raw, ok := o.m[key]
	if isNull(raw, ok) {
		return 0, nil
	}
	if k := jsonKind(raw); k != "a number" {
		return 0, &pathError{o.at(key), errorf("want a whole number, got %v", kindErr(k))}
	}
	n, err := strconv.ParseInt(string(bytes.TrimSpace(raw)), 10, 32)
	if err != nil {
		return 0, &pathError{o.at(key), errorf("want a whole number, got %s", bytes.TrimSpace(raw))}
	}
	return int(n), nil
}

func (o obj) bool(key string) (bool, *pathError) {
	raw, ok := o.m[key]
	if isNull(raw, ok) {
		return false, nil
	}
	if k := jsonKind(raw); k != "a boolean" {
		return false, &pathError{o.at(key), errorf("want true or false, got %v", kindErr(k))}
	}
	return string(bytes.TrimSpace(raw)) == "true", nil
}

func (o obj) object(key string, required bool) (obj, *pathError) {
	v, present, perr := o.optObject(key)
	if perr == nil && !present && required {
		return v, &pathError{o.at(key), errorf("is missing")}
	}
	return v, perr
}

func (o obj) optObject(key string) (obj, bool, *pathError) {
	raw, ok := o.m[key]
	if isNull(raw, ok) {
		return obj{}, false, nil
	}
	v, err := asObject(o.at(key), raw)
	if err != nil {
		return obj{}, false, &pathError{o.at(key), err}
	}
	return v, true, nil
}
