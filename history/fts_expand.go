package history

import (
	"context"
	"strings"
)

// maxExpansion is how many other indexed words the last word of a search
// term may stand for before the search leaves the expansion to FTS5's own
// prefix query.
const maxExpansion = 32

// expandFTS is the FTS5 query of the free-text terms (see ftsQuery) with
// each term's last word written out as the indexed words it starts:
// "quota" becomes ("quota" OR "quotas"). FTS5 reads an OR of whole words
// lazily in rowid order (newest first), so the newest 50 matches of a
// common word cost what they cost without prefixes; a prefix query first
// gathers every match (9 ms instead of 0.3 at a million exchanges). A
// prefix that starts more than maxExpansion other words, or a word list
// that cannot be read, gets the plain prefix query.
func (s *Store) expandFTS(ctx context.Context, text []string) string {
	var parts []string
	for _, t := range text {
		ws := words(t)
		if len(ws) == 0 {
			continue
		}
		head := strings.Join(ws[:len(ws)-1], " ")
		phrase := func(w string) string {
			if head == "" {
				return `"` + w + `"`
			}
			return `"` + head + " " + w + `"`
		}
		last := ws[len(ws)-1]
		others, ok := s.longerWords(ctx, last)
		if !ok || len(others) > maxExpansion {
			parts = append(parts, phrase(last)+"*")
			continue
		}
		alts := []string{phrase(last)}
		for _, w := range others {
			alts = append(alts, phrase(w))
		}
		if len(alts) == 1 {
			parts = append(parts, alts[0])
		} else {
			parts = append(parts, "("+strings.Join(alts, " OR ")+")")
		}
	}
	return strings.Join(parts, " AND ")
}

// longerWords lists up to maxExpansion+1 indexed words that start with
// prefix and are longer. They are read from an fts5vocab table in the
// connection's temp schema (nothing is added to the file, and a read-only
// history has it too). The word list counts each word's rows it reads,
// which for a common word is the cost the expansion avoids, so the range
// is given with the bounds fts5vocab itself honours (>= and <=): from
// just past the word, to the word followed by the largest character.
func (s *Store) longerWords(ctx context.Context, prefix string) ([]string, bool) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, false
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.exchanges_vocab USING fts5vocab(main, exchanges_fts, row)`); err != nil {
		return nil, false
	}
	// Words never hold "\x01" or U+10FFFF (not a letter, digit or
	// private-use character).
	rows, err := conn.QueryContext(ctx, `SELECT term FROM temp.exchanges_vocab WHERE term >= ? AND term <= ? LIMIT ?`,
		prefix+"\x01", prefix+"\U0010FFFF", maxExpansion+1)
	if err != nil {
		return nil, false
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, false
		}
		out = append(out, t)
	}
	return out, rows.Err() == nil
}
