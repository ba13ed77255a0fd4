package model

import "strings"

// Issuer says who issues a document: the header's parent body and issuing
// body, the issuer code after the type code in "Số: …/BC-TĐB", the signer's
// capacity lines ("TM. TỔ ĐẠI BIỂU", "TỔ TRƯỞNG") and name, and the standing
// recipients ("Nơi nhận", before "Lưu: VT, …"). The header, the code and
// the capacity must name the same body.
type Issuer struct {
	Parent     string   `json:"parent,omitempty"`
	Body       string   `json:"body,omitempty"`
	Code       string   `json:"code,omitempty"`
	Capacity   []string `json:"capacity,omitempty"`
	Signer     string   `json:"signer,omitempty"`
	Recipients []string `json:"recipients,omitempty"`
}

// Or fills i's empty fields from def.
func (i Issuer) Or(def Issuer) Issuer {
	if strings.TrimSpace(i.Parent) == "" {
		i.Parent = def.Parent
	}
	if strings.TrimSpace(i.Body) == "" {
		i.Body = def.Body
	}
	if strings.TrimSpace(i.Code) == "" {
		i.Code = def.Code
	}
	if len(i.Capacity) == 0 {
		i.Capacity = def.Capacity
	}
	if strings.TrimSpace(i.Signer) == "" {
		i.Signer = def.Signer
	}
	if len(i.Recipients) == 0 {
		i.Recipients = def.Recipients
	}
	return i
}

// IsZero reports whether nothing is set.
func (i Issuer) IsZero() bool {
	return strings.TrimSpace(i.Parent+i.Body+i.Code+i.Signer) == "" && len(i.Capacity) == 0 && len(i.Recipients) == 0
}

// Profile is who issues each of a session's documents: the minutes may be
// kept by another body (often the Fatherland Front) than the one that sends
// the report (the delegate group).
type Profile struct {
	Minutes Issuer `json:"minutes,omitzero"`
	Report  Issuer `json:"report,omitzero"`
}

// Or fills p's empty fields from def, document by document.
func (p Profile) Or(def Profile) Profile {
	return Profile{Minutes: p.Minutes.Or(def.Minutes), Report: p.Report.Or(def.Report)}
}
