package formats

import (
	"errors"
	"fmt"
	"strings"
)

// validateProfile checks what the TOML schema cannot: a usable name,
// plausible status codes, no duplicate rows and advice that points at
// statuses and classes that exist.
func validateProfile(p Profile) error {
	if p.Name == "" {
		return errors.New(`missing name: add a line like name = "myapi"`)
	}
	if !validProfileName(p.Name) {
		return fmt.Errorf("name %q must be lower case letters, digits, '-' or '_' (it is typed with --api)", p.Name)
	}
	seen := make(map[int]bool, len(p.Statuses))
	for i, s := range p.Statuses {
		if s.Code < 100 || s.Code > 599 {
			return fmt.Errorf("status row %d: code %d is not an HTTP status (100-599)", i+1, s.Code)
		}
		if seen[s.Code] {
			return fmt.Errorf("status row %d: code %d appears twice; merge the rows", i+1, s.Code)
		}
		seen[s.Code] = true
	}
	codes := make(map[string]bool, len(p.ErrorCodes))
	for i, c := range p.ErrorCodes {
		if c.Code == "" {
			return fmt.Errorf("error_code row %d: code is empty", i+1)
		}
		if codes[c.Code] {
			return fmt.Errorf("error_code row %d: code %q appears twice", i+1, c.Code)
		}
		codes[c.Code] = true
		if c.Status != 0 && (c.Status < 100 || c.Status > 599) {
			return fmt.Errorf("error_code %q: status %d is not an HTTP status (100-599)", c.Code, c.Status)
		}
	}
	for i, a := range p.Advice {
		for _, s := range a.Statuses {
			if !seen[s] {
				return fmt.Errorf("advice %d (%q): status %d has no row in the status table; add one", i+1, a.Title, s)
			}
		}
		for _, c := range a.Classes {
			if len(c) != 3 || c[0] < '1' || c[0] > '5' || c[1:] != "xx" {
				return fmt.Errorf("advice %d (%q): class %q must be one of 1xx, 2xx, 3xx, 4xx, 5xx", i+1, a.Title, c)
			}
		}
		if len(a.Steps) == 0 {
			return fmt.Errorf("advice %d (%q) has no steps", i+1, a.Title)
		}
	}
	for _, h := range p.Hosts {
		if h == "" || strings.ContainsAny(h, "/: ") {
			return fmt.Errorf("host %q must be a bare host name such as api.example.com or *.example.com", h)
		}
	}
	return nil
}

func validProfileName(name string) bool {
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}
