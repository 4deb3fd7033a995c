package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"text/template"

	"github.com/dyadproject/dyad"
)

// manualModes lists the modes that the mode tables of PLOVER_MANUAL.tex
// (draft 0.8) define for each event type; types without a table have none.
// The generator keeps the 2021 table's values as published and lists the
// modes that these tables do not define, so a reader can see them.
func manualModes() map[string][]string {
	return map[string][]string{
		"CONSULT":  {"visit", "third-party", "multilateral", "phone"},
		"RETREAT":  {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
		"REQUEST":  {"assist", "change", "yield", "meet"},
		"REJECT":   {"assist", "change", "yield", "meet"},
		"ACCUSE":   {"disapprove", "investigate", "allege"},
		"THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
		"PROTEST":  {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
		"SANCTION": {"convict", "expel", "withdraw", "discontinue"},
		"MOBILIZE": {"troops", "weapons", "police", "militia"},
		"COERCE":   {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold", "misinformation", "cyber"},
		"ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
			"suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"},
	}
}

// offManual returns "085 RETREAT ease"-style entries for the modes of m that
// the manual's tables do not define for their type, sorted by code.
func offManual(m map[string]dyad.PLOVER) []string {
	var out []string
	modes := manualModes()
	for code, p := range m {
		if p.Mode == "" {
			continue
		}
		ok := false
		for _, mode := range modes[p.Type] {
			ok = ok || mode == p.Mode
		}
		if !ok {
			out = append(out, fmt.Sprintf("%s %s %s", code, p.Type, p.Mode))
		}
	}
	sort.Strings(out)
	return out
}

var provenanceTmpl = template.Must(template.New("p").Funcs(template.FuncMap{
	"list": func(s []string) string {
		if len(s) == 0 {
			return "none"
		}
		return "`" + strings.Join(s, "`, `") + "`"
	},
	"bullets": func(s []string) string {
		if len(s) == 0 {
			return " none."
		}
		return "\n\n   - `" + strings.Join(s, "`\n   - `") + "`\n"
	},
}).Parse(`# Provenance of cameo.tsv

` + "`cameo.tsv`" + ` is generated: do not edit it by hand. Regenerate it from the repository root with

    go run ./tools/genontology

which reads the shared data folder (` + "`../shared/data`" + ` beside the repository, or ` + "`$DYAD_SHARED_DATA`" + `) and writes
this file and ` + "`cameo.tsv`" + ` into ` + "`internal/ontology`" + ` (` + "`-data DIR`" + ` and ` + "`-out DIR`" + ` override both folders). The output
depends only on the two files below; the package's tests regenerate it and compare it byte for byte.

## Sources

| file | what | licence | SHA-256 |
|---|---|---|---|
| ` + "`cameo-codebook/cameo-codes-noexamples.csv`" + ` | every CAMEO 1.1b3 event code with its name, Goldstein score, root, description and usage notes, as CSV | MIT, Copyright (c) 2022 Andreas Beger | ` + "`{{.CodebookSHA}}`" + ` |
| ` + "`plover/CAMEO2PLOVER-2021.txt`" + ` | CAMEO to PLOVER conversion table for PLOVER manual draft 0.8, 17 September 2021, edited by Philip Schrodt (Open Event Data Alliance) | CC BY-SA 4.0 | ` + "`{{.MappingSHA}}`" + ` |

The codes, names and Goldstein scores are facts of the CAMEO codebook (Schrodt, Gerner and Yilmaz; scores after
Goldstein 1992). Only the names are copied, not the descriptions and usage notes. The PLOVER columns are an
adaptation of the CC BY-SA 4.0 table and are shared under the same licence; the project's NOTICE must carry
"CAMEO to PLOVER conversion table (PLOVER manual draft 0.8), Open Event Data Alliance, ed. Philip Schrodt, 2021,
CC BY-SA 4.0" and the MIT notice of the codebook CSV, "Copyright (c) 2022 Andreas Beger".

## Columns

| column | meaning |
|---|---|
| ` + "`code`" + ` | CAMEO event code, 2 to 4 digits with the leading zero ("042") |
| ` + "`name`" + ` | the codebook's name; root codes are in capitals as the codebook writes them ("CONSULT") |
| ` + "`goldstein`" + ` | Goldstein score, -10 (most conflictual) to +10 (most cooperative) |
| ` + "`root`" + ` | the code's first two digits, the CAMEO root ("cue category") |
| ` + "`quad_class`" + ` | 1 verbal cooperation (roots 01-05), 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20): GDELT's convention, see doc.go |
| ` + "`plover_type`" + ` | PLOVER event type; empty when PLOVER dropped the code |
| ` + "`plover_mode`" + ` | PLOVER mode, often empty |
| ` + "`plover_context`" + ` | PLOVER contexts separated by ";", often empty |

## Counts

- codebook rows read: {{.CodebookRows}}
- names repaired: {{len .Repaired}} ({{list .Repaired}})
- mapping lines read: {{.MappingLines}}
- rows written: {{.Rows}}
- codes with a PLOVER type: {{.Typed}}; without one: {{.Dropped}}
- codes that take an ancestor's mapping: {{len .Inherited}} ({{list .Inherited}})

## Decisions

1. **Roots 01 and 02 have no PLOVER type.** PLOVER dropped CAMEO's MAKE PUBLIC STATEMENT (01) and APPEAL (02)
   categories (manual, "CAMEO vs. PLOVER"; its README's table says "dropped"), and the 2021 table has no line for
   them or their children, so their three PLOVER columns are empty. dyad still codes these events and writes them
   in its jsonl, gdelt and csv output; its plover writer leaves them out, as PLOVER does. The manual's aside that
   015 could be AGREE and 016 REJECT is not followed: the manual itself makes no general recommendation. A table
   line with the type "dropped" would mean the same as no line.
2. **Codes without a line take their nearest ancestor's mapping** (a 4-digit code its 3-digit parent's, then the
   root's), following the manual's advice to reduce 3- and 4-digit codes to their 2-digit category.
3. **When a code has two lines, the first wins.** The table heads root 08 twice, CONCEDE for 081-083 and RETREAT
   for 084-087; the root itself keeps CONCEDE, the type of 080 "Yield". Codes with two lines:{{bullets .Duplicates}}
4. **Codes of the table that the codebook does not have are ignored:** {{list .NotInCodebook}}.
5. **Values are kept as published**, only normalized: types in capitals, modes and contexts in lower case without
   padding, several contexts joined by ";" ("crime; corruption" becomes "crime;corruption"). The table uses some
   modes that the manual's mode tables (draft 0.8) do not define for the type; they are kept, because dyad does not
   re-code PLOVER. Among them are 085's "ease", which the table's own comment on 0813 says is no longer a mode,
   and 175's "pro_autocracy", which the manual defines as a context. The modes outside the manual's tables:{{bullets .OffManual}}
6. **Damaged text is repaired.** The codebook CSV stores typographic quotes, apostrophes and dashes as runs of
   U+FFFD in its descriptions and usage notes; bytes that are not UTF-8 are treated the same way. The generator turns
   such runs back into ASCII punctuation from their surroundings (an apostrophe inside a word before a contraction
   or possessive, a dash inside other words, double quotes at word edges) and collapses spaces. The names of this
   version need no repair; the descriptions are not copied.
7. **Quad class follows GDELT's root ranges**, not PLOVER's per-type quad table; see ` + "`doc.go`" + `.
`))

func (r *report) provenance() ([]byte, error) {
	var b bytes.Buffer
	data := struct {
		CodebookSHA, MappingSHA                          string
		CodebookRows, MappingLines, Rows, Typed, Dropped int
		Repaired, Inherited, Duplicates, NotInCodebook   []string
		OffManual                                        []string
	}{
		CodebookSHA: r.codebookSHA, MappingSHA: r.mappingSHA,
		CodebookRows: r.codebookRows, MappingLines: r.mappingLines, Rows: r.rows,
		Typed: r.rows - r.dropped, Dropped: r.dropped,
		Repaired: r.repaired, Inherited: r.inherited, Duplicates: r.duplicates,
		NotInCodebook: r.notInCodebook, OffManual: r.offManual,
	}
	if err := provenanceTmpl.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("write PROVENANCE.md: %w", err)
	}
	return b.Bytes(), nil
}
